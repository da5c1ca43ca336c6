/**
 * Entry of the Excel task pane (dist/taskpane.html). Office.js is loaded by the page from Microsoft's
 * CDN; the app renders once Office says the host is ready.
 */
import { createRoot } from "react-dom/client";
import { App } from "./components/App";
import { createExcelSource } from "./excel-source";

const INTRO = (
  <p style={{ margin: 0 }}>
    Select <strong>Check workbook</strong> to check the open workbook against the measurement principles. The check only
    reads the workbook; nothing in it changes unless you use the workbook tools or save settings.
  </p>
);

Office.onReady(() => {
  const container = document.getElementById("root");
  if (container) createRoot(container).render(<App source={createExcelSource()} intro={INTRO} />);
});
