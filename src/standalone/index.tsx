/**
 * Entry of the standalone page (dist/index.html): the pane's app outside Excel, without office.js.
 * Workbooks are read and checked in the browser.
 */
import { createRoot } from "react-dom/client";
import { StandalonePage, exampleFromQuery, exampleUrl } from "./StandalonePage";
import { fetchBytes, preloadChecker } from "./file-source";
import { preloadResultsView } from "../taskpane/components/App";

const container = document.getElementById("root");
if (container) {
  const example = exampleFromQuery(window.location.search);
  let exampleBytes: Promise<Uint8Array> | undefined;
  if (example?.kind === "example") {
    // Opened with ?example=: fetch the workbook and the checker's chunks now, alongside the first render.
    exampleBytes = fetchBytes(exampleUrl(example.name), new AbortController().signal);
    exampleBytes.catch(() => undefined);
    preloadChecker();
    preloadResultsView();
  }
  createRoot(container).render(<StandalonePage initialExample={example} initialExampleBytes={exampleBytes} />);
}
