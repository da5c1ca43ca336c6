/** @jest-environment jsdom */
/**
 * The standalone page's roll-up (#10 item 4) on the page's own thread (jsdom has no Worker): the
 * overall target typed as `vfm consolidate` takes it (3% a year on £12.6bn) gives the shortfall and
 * judgement consolidate() gives in Node; a problem is shown at its field; opening one return and
 * coming Back to roll-up shows the same roll-up, with its target, without checking anything again.
 */
import "../taskpane/setup";
import { TextDecoder, TextEncoder } from "node:util";
import * as fs from "node:fs";
import * as path from "node:path";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { consolidate, consolidatedReturnOfModel, resolveOverallTarget, type Consolidation } from "../../src/core/review/consolidate";
import { overallFigures, overallLines } from "../../src/core/review/consolidate-report";
import { overallTargetSpec } from "../../src/core/review/overall-target";
import * as batch from "../../src/standalone/batch";
import { StandalonePage } from "../../src/standalone/StandalonePage";

// The reader decodes XML with TextDecoder, which browsers have and jsdom leaves out.
Object.assign(globalThis, { TextDecoder, TextEncoder });
jest.mock("../../src/taskpane/components/TrajectoryChart", () => ({ __esModule: true, default: () => null }));
jest.setTimeout(60_000);

const EXAMPLES = path.resolve(__dirname, "../../examples");
const NAMES = ["northmoor-police.xlsx", "northmoor-police-seeded.xlsx"];
const fileOf = (name: string) =>
  new File([fs.readFileSync(path.join(EXAMPLES, name))], name, {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });

/** What `vfm consolidate --target-rate 3% --baseline 12.6bn` rolls up for the two examples, in Node. */
async function expected(): Promise<Consolidation> {
  const rows = [];
  for (const name of NAMES) {
    const read = await readXlsx(new Uint8Array(fs.readFileSync(path.join(EXAMPLES, name))), { fileName: name });
    if (!read.ok) throw new Error(read.reason);
    rows.push(consolidatedReturnOfModel(read.model, { file: name }));
  }
  const spec = overallTargetSpec({ rate: 0.03, baseline: 12.6e9 });
  if (spec === null || "error" in spec) throw new Error("no spec");
  const overall = resolveOverallTarget(spec, rows);
  if ("error" in overall) throw new Error(overall.error);
  return consolidate(rows, overall);
}

test("an overall target, the judgement and shortfall consolidate() gives; Back to roll-up keeps rows and target", async () => {
  const checkReturns = jest.spyOn(batch, "checkReturns");
  const user = userEvent.setup();
  render(<StandalonePage initialExample={null} />);
  await user.upload(screen.getByLabelText("Open workbook"), NAMES.map(fileOf));
  await screen.findByTestId("batch-totals", {}, { timeout: 40_000 });
  expect(checkReturns).toHaveBeenCalledTimes(1);
  expect(screen.queryByTestId("batch-overall")).toBeNull();

  // A rate with no baseline: said at once, in the page's words, and no overall figures.
  const form = screen.getByTestId("overall-target-form");
  await user.click(within(form).getByLabelText("A rate a year on a baseline"));
  await user.type(within(form).getByLabelText("Rate a year"), "3%");
  await user.click(within(form).getByRole("button", { name: "Apply" }));
  expect(await screen.findByTestId("overall-target-problem")).toHaveTextContent("Rate a year needs a baseline (e.g. 12.6bn)");
  expect(screen.queryByTestId("batch-overall")).toBeNull();

  await user.type(within(form).getByLabelText("Baseline (£)"), "12.6bn");
  await user.click(within(form).getByRole("button", { name: "Apply" }));
  const want = await expected();
  const overall = await screen.findByTestId("batch-overall");
  expect(want.overall).not.toBeNull();
  expect(screen.getByTestId("batch-overall-status")).toHaveTextContent(/^The returns together are (on track|at risk|off track) against/);
  expect(
    within(overall)
      .getByText(/^The returns together are/)
      .querySelector("strong")
      ?.getAttribute("data-on-track"),
  ).toBe(want.overall!.status);
  for (const [term, value] of overallFigures(want)) {
    expect(within(overall).getByText(term, { selector: "dt" }).nextElementSibling).toHaveTextContent(value);
  }
  expect(overallFigures(want)[0]).toEqual(["Overall target", "£1,168,360,200"]);
  for (const line of overallLines(want)) expect(within(overall).getByText(line)).toBeInTheDocument();
  expect(screen.queryByTestId("overall-target-problem")).toBeNull();

  // One return on its own, then back: the same roll-up, the target still applied, nothing checked again.
  await user.click(screen.getByRole("button", { name: "Open northmoor-police-seeded.xlsx on its own" }));
  await screen.findByTestId("summary", {}, { timeout: 30_000 });
  expect(screen.queryByTestId("batch")).toBeNull();
  await user.click(screen.getByRole("button", { name: "Back to roll-up (2 returns)" }));
  await screen.findByTestId("batch-overall");
  expect(screen.queryByTestId("batch-progress")).toBeNull();
  expect(checkReturns).toHaveBeenCalledTimes(1);
  for (const line of overallLines(want)) expect(screen.getByText(line)).toBeInTheDocument();
  expect(screen.getByLabelText("Rate a year")).toHaveValue("3%");
  expect(screen.getByLabelText("Baseline (£)")).toHaveValue("12.6bn");
  // Focus goes back to where the reviewer left: the Open button of the return they looked at.
  await waitFor(() => expect(screen.getByRole("button", { name: "Open northmoor-police-seeded.xlsx on its own" })).toHaveFocus());

  // Back to None: the returns' own targets again.
  await user.click(screen.getByLabelText("None (the returns' own targets added up)"));
  await user.click(screen.getByRole("button", { name: "Apply" }));
  await waitFor(() => expect(screen.queryByTestId("batch-overall")).toBeNull());
});

test("opening another workbook ends the roll-up: no Back to roll-up", async () => {
  const user = userEvent.setup();
  render(<StandalonePage initialExample={null} />);
  await user.upload(screen.getByLabelText("Open workbook"), NAMES.map(fileOf));
  await screen.findByTestId("batch-totals", {}, { timeout: 40_000 });
  await user.upload(screen.getByLabelText("Open workbook"), [fileOf(NAMES[0])]);
  await screen.findByTestId("summary", {}, { timeout: 30_000 });
  expect(screen.queryByRole("button", { name: /Back to roll-up/ })).toBeNull();
});
