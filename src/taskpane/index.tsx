/**
 * Entry of the Excel task pane (dist/taskpane.html). Office.js is loaded by the page from Microsoft's
 * CDN; the app renders once Office says the host is ready (see start-excel.tsx). The custom functions
 * (functions.js) share this page and start on their own; nothing here may stop them.
 */
import { startExcelPane } from "./start-excel";

const INTRO = (
  <p style={{ margin: 0 }}>
    Select <strong>Check workbook</strong> to check the open workbook against the measurement principles. The check only reads the workbook;
    nothing in it changes unless you use the workbook tools or save settings.
  </p>
);

const container = document.getElementById("root");
// `Office` is a global from office.js; typeof keeps a failed CDN load from being a ReferenceError.
if (container) void startExcelPane(container, typeof Office === "undefined" ? undefined : Office, INTRO);
