/**
 * The simulated Office host for the built task pane in Chromium: served to the page in place of
 * Microsoft's office.js (test/support/office-host.ts bundles it). It puts the Office Add-in test
 * mock (office-mock.ts, the one the Office adapter's tests use) behind the globals the pane uses:
 * `Excel.run` on a mock workbook made from `window.__vfmWorkbook` (set by the test before any script
 * runs), and `Office.onReady`/`Office.initialize`, which fire once the page's deferred scripts have
 * run, as office.js does, reporting the host as Excel. The test reads the workbook through
 * `window.__vfmHost` (round trips, loads, selections, writes).
 */
import { createMockWorkbook, type MockWorkbook, type MockWorkbookSpec } from "./office-mock";

/** What the test puts in the page (page.addInitScript) before office.js loads. */
export interface SimulatedWorkbook {
  spec: MockWorkbookSpec;
  /** The document's address (`Office.context.document.url`), e.g. its file name. */
  url: string;
}

export interface SimulatedHost {
  workbook: MockWorkbook;
  /** How often the page asked Office to start (onReady calls and an Office.initialize). */
  readyCalls: number;
}

interface HostWindow {
  __vfmWorkbook?: SimulatedWorkbook;
  __vfmHost?: SimulatedHost;
  Office?: unknown;
  Excel?: unknown;
}

// office-addin-mock finishes a sync with Node's setImmediate; a browser has none.
const scope = globalThis as unknown as { setImmediate?: (callback: () => void) => void };
scope.setImmediate ??= (callback) => void setTimeout(callback, 0);

const hostWindow = window as unknown as HostWindow;
const given = hostWindow.__vfmWorkbook;
if (!given) throw new Error("simulated Office host: the test did not set window.__vfmWorkbook");
const workbook = createMockWorkbook(given.spec);
const host: SimulatedHost = { workbook, readyCalls: 0 };
hostWindow.__vfmHost = host;

const HostType = {
  Excel: "Excel",
  Word: "Word",
  PowerPoint: "PowerPoint",
  Outlook: "Outlook",
  OneNote: "OneNote",
  Project: "Project",
  Access: "Access",
};
const PlatformType = { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" };
const info = { host: HostType.Excel, platform: PlatformType.OfficeOnline };

/** Resolves once the page has parsed and run its deferred scripts (office.js waits for the same). */
const pageReady = new Promise<void>((resolve) => {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => resolve(), { once: true });
  else resolve();
});

const office = {
  HostType,
  PlatformType,
  context: { document: { url: given.url }, host: HostType.Excel, platform: PlatformType.OfficeOnline },
  initialize: undefined as undefined | ((reason: string) => void),
  onReady(callback?: (value: typeof info) => void): Promise<typeof info> {
    host.readyCalls++;
    return pageReady.then(() => {
      callback?.(info);
      return info;
    });
  },
};
void pageReady.then(() => {
  if (typeof office.initialize === "function") {
    host.readyCalls++;
    office.initialize("inserted");
  }
});

hostWindow.Office = office;
hostWindow.Excel = { run: workbook.run };
