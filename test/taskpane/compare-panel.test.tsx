/** @jest-environment jsdom */
import "./setup";
import { TextDecoder, TextEncoder } from "node:util";
import * as fs from "node:fs";
import * as path from "node:path";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { ComparePanel } from "../../src/taskpane/components/ComparePanel";
import type { ReturnComparison } from "../../src/core/review/compare";
import type { WorkbookModel } from "../../src/core/workbook/model";
import { fakeSource, result } from "./fake-source";

// The reader decodes XML with TextDecoder, which browsers have and jsdom leaves out.
Object.assign(globalThis, { TextDecoder, TextEncoder });

const FIXTURES = path.resolve(__dirname, "../fixtures/compare");
const bytes = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
const fileOf = (name: string) =>
  new File([bytes(name)], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });

let q2: WorkbookModel;
beforeAll(async () => {
  const read = await readXlsx(bytes("northmoor-q2.xlsx"));
  if (!read.ok) throw new Error(read.reason);
  q2 = read.model;
});

function checked() {
  const r = result([], {}, q2);
  return { ...r, report: { ...r.report, file: "northmoor-q2.xlsx" } };
}

describe("Compare with previous return", () => {
  test("the user picks the previous return and sees what changed, grouped", async () => {
    const user = userEvent.setup();
    render(<ComparePanel result={checked()} source={fakeSource({})} busy={false} />);
    expect(screen.getByRole("heading", { name: "Compare with previous return" })).toBeInTheDocument();
    await user.upload(screen.getByTestId("compare-file"), fileOf("northmoor-q1.xlsx"));
    const changes = await screen.findByTestId("compare-changes", {}, { timeout: 10_000 });
    expect(changes).toHaveTextContent("What changed: northmoor-q1.xlsx (as at 31/07/2026) → northmoor-q2.xlsx (as at 31/10/2026)");
    const headings = within(changes)
      .getAllByRole("heading")
      .map((h) => h.textContent);
    expect(headings).toEqual([
      "In total",
      "Baseline and target restated (2)",
      "Gains added (1)",
      "Gains removed (1)",
      "Slippage: profile moved to a later year (2)",
      "Profile changed (not slipped) (1)",
      "Net and risk-adjusted movements (2)",
      "RAG and deliverability changes (1)",
      "Quarters revised after they were reported (1)",
      "Quarters reported for the first time (1)",
      "IDs changed (matched by name) (1)",
      "Renamed (1)",
    ]);
    expect(changes).toHaveTextContent("Net gains£12,030,000 → £13,180,000 (+£1,150,000)");
    expect(changes).toHaveTextContent("Q1 2026-27 actual: £900,000 → £950,000 (+£50,000)");
    // Outside Excel there is nothing to write to.
    expect(screen.queryByRole("button", { name: "Write changes to a sheet" })).toBeNull();
  });

  test("a return that differs only in layout: no changes", async () => {
    const user = userEvent.setup();
    render(<ComparePanel result={checked()} source={fakeSource({})} busy={false} />);
    await user.upload(screen.getByTestId("compare-file"), fileOf("northmoor-q2-relaid.xlsx"));
    expect(await screen.findByTestId("compare-changes", {}, { timeout: 10_000 })).toHaveTextContent("No changes: the same 7 gains");
  });

  test("a file that is not a workbook: one line, nothing else", async () => {
    const user = userEvent.setup();
    render(<ComparePanel result={checked()} source={fakeSource({})} busy={false} />);
    await user.upload(screen.getByTestId("compare-file"), new File(["not a workbook"], "notes.xlsx"));
    expect(await screen.findByText("The returns could not be compared")).toBeInTheDocument();
    expect(screen.getByTestId("compare-panel")).toHaveTextContent("notes.xlsx could not be read:");
    expect(screen.queryByTestId("compare-changes")).toBeNull();
  });

  test("in Excel, Write changes to a sheet writes only when asked, and says where", async () => {
    const user = userEvent.setup();
    const source = fakeSource({ kind: "excel" });
    const asked: ReturnComparison[] = [];
    source.writeChanges = async (comparison) => {
      asked.push(comparison);
      return { ok: true, message: 'Wrote the changes since northmoor-q1.xlsx to the new sheet "VfM changes".' };
    };
    render(<ComparePanel result={checked()} source={source} busy={false} />);
    await user.upload(screen.getByTestId("compare-file"), fileOf("northmoor-q1.xlsx"));
    const button = await screen.findByRole("button", { name: "Write changes to a sheet" }, { timeout: 10_000 });
    expect(asked).toEqual([]);
    await user.click(button);
    await waitFor(() => expect(screen.getByTestId("compare-written")).toHaveTextContent("Changes written Wrote the changes since"));
    expect(asked).toHaveLength(1);
    expect(asked[0].added.map((g) => g.id)).toEqual(["G07"]);
  });
});
