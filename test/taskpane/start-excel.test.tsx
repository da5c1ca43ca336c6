/** @jest-environment jsdom */
import "./setup";
import { act, screen, waitFor } from "@testing-library/react";
import { NOT_EXCEL_MESSAGE, OFFICE_MISSING_MESSAGE, startExcelPane } from "../../src/taskpane/start-excel";
import type { OfficeEntryApi } from "../../src/taskpane/start-excel";

const HOST_TYPE = { Excel: "Excel", Word: "Word" };

function page(): HTMLElement {
  document.body.innerHTML = '<div id="root"><p>Loading VfM Checker…</p></div>';
  return document.getElementById("root")!;
}

function office(ready: Promise<{ host: unknown }>): OfficeEntryApi {
  return { onReady: () => ready, HostType: HOST_TYPE };
}

describe("the Excel pane's start", () => {
  test("renders the pane only after Office is ready", async () => {
    const container = page();
    let ready!: (info: { host: unknown }) => void;
    const started = startExcelPane(container, office(new Promise((resolve) => (ready = resolve))));
    await act(async () => undefined);
    expect(container).toHaveTextContent("Loading VfM Checker…");
    expect(screen.queryByRole("button", { name: "Check workbook" })).toBeNull();
    await act(async () => {
      ready({ host: HOST_TYPE.Excel });
      await started;
    });
    expect(await screen.findByRole("button", { name: "Check workbook" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Create VfM workbook" })).toBeInTheDocument();
  });

  test("says office.js did not load instead of showing Loading for ever", async () => {
    const container = page();
    await startExcelPane(container, undefined);
    expect(screen.getByRole("alert")).toHaveTextContent(OFFICE_MISSING_MESSAGE);
    const failing = page();
    await startExcelPane(failing, office(Promise.reject(new Error("blocked"))));
    expect(screen.getByRole("alert")).toHaveTextContent("did not load");
  });

  test("opened outside Excel, points to the standalone checker", async () => {
    const container = page();
    await startExcelPane(container, office(Promise.resolve({ host: null })));
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent(NOT_EXCEL_MESSAGE.trim());
    expect(screen.getByRole("link", { name: "standalone checker" })).toHaveAttribute("href", "./index.html");
    await waitFor(() => expect(screen.queryByRole("button", { name: "Check workbook" })).toBeNull());
  });
});
