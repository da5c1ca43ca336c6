/**
 * Starting the Excel pane. The app renders only once Office says the host is ready; before that the
 * page shows its "Loading" line. Two cases would otherwise leave that line on screen for ever:
 * office.js not loading at all (it comes from Microsoft's CDN, which a network can block), and the
 * page opened somewhere other than Excel (a browser, Word). Both get a plain message instead.
 */
import { createRoot } from "react-dom/client";
import type { ReactNode } from "react";
import { App } from "./components/App";
import { createExcelSource } from "./excel-source";

/** The part of office.js the entry uses, so tests can pass a stand-in. */
export interface OfficeEntryApi {
  onReady(): Promise<{ host: unknown }>;
  HostType: { Excel: unknown };
}

export const OFFICE_MISSING_MESSAGE =
  "The VfM Checker pane could not start: Excel's add-in library (office.js, from appsforoffice.microsoft.com) did not load. Check the network connection, then close and reopen the pane.";

export const NOT_EXCEL_MESSAGE =
  "This page is the VfM Checker pane for Excel and works only inside Excel. To check a saved workbook in the browser, use the ";

/** Replaces the page's loading line with one paragraph (plain DOM: React may be what failed). */
function showMessage(container: HTMLElement, text: string, link?: { href: string; text: string }): void {
  const paragraph = document.createElement("p");
  paragraph.setAttribute("role", "alert");
  paragraph.style.margin = "16px";
  paragraph.style.fontFamily = "'Segoe UI', system-ui, sans-serif";
  paragraph.textContent = text;
  if (link) {
    const anchor = document.createElement("a");
    anchor.href = link.href;
    anchor.textContent = link.text;
    paragraph.append(anchor, ".");
  }
  container.replaceChildren(paragraph);
}

/**
 * Renders the pane into `container` once `office` is ready. Resolves when the pane (or a message
 * saying why it cannot run) is on screen. Never throws: the custom functions share this page and
 * must keep working whatever happens to the pane.
 */
export async function startExcelPane(container: HTMLElement, office: OfficeEntryApi | undefined, intro?: ReactNode): Promise<void> {
  if (!office || typeof office.onReady !== "function") {
    showMessage(container, OFFICE_MISSING_MESSAGE);
    return;
  }
  let host: unknown;
  try {
    ({ host } = await office.onReady());
  } catch {
    showMessage(container, OFFICE_MISSING_MESSAGE);
    return;
  }
  if (host !== office.HostType.Excel) {
    showMessage(container, NOT_EXCEL_MESSAGE, { href: "./index.html", text: "standalone checker" });
    return;
  }
  createRoot(container).render(<App source={createExcelSource()} intro={intro} />);
}
