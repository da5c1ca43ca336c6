/** @jest-environment jsdom */
import "./setup";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/components/App";
import type { CheckOutcome, CheckRequest } from "../../src/taskpane/source";
import { fakeSource, finding, result, vfmData } from "./fake-source";
import { checkModel } from "../../src/taskpane/check-model";
import { generateRegisterModel } from "../support/register-generator";

// The real chart needs a layout engine; its lazy loading is covered by the end-to-end test.
jest.mock("../../src/taskpane/components/TrajectoryChart", () => ({
  __esModule: true,
  default: () => <div data-testid="chart">chart</div>,
}));

const FINDINGS = [
  finding("iii.net-recomputes", "error", "Gains", "K7"),
  finding("iv.profile-present", "warning", "Profile", "A5"),
  finding("ix.reward-recorded", "info", null, null),
  finding("ii.no-error-values", "error", "Register sheet", "B2:C3"),
];

async function checkWith(source: ReturnType<typeof fakeSource>) {
  const user = userEvent.setup();
  render(<App source={source} />);
  await user.click(screen.getByRole("button", { name: "Check workbook" }));
  await screen.findByTestId("summary");
  return user;
}

describe("the pane after a check", () => {
  test("shows one tile per principle, with its status in words", async () => {
    await checkWith(fakeSource({ outcome: { status: "done", result: result(FINDINGS) } }));
    const tiles = document.querySelectorAll("[data-principle]");
    expect(Array.from(tiles).map((t) => t.getAttribute("data-principle"))).toEqual([
      "i",
      "ii",
      "iii",
      "iv",
      "v",
      "vi",
      "vii",
      "viii",
      "ix",
      "method",
    ]);
    const tile = (key: string) => document.querySelector(`[data-principle="${key}"]`) as HTMLElement;
    expect(tile("iii")).toHaveTextContent("Fails");
    expect(tile("iii")).toHaveTextContent("1 error");
    expect(tile("iv")).toHaveTextContent("Warnings");
    expect(tile("i")).toHaveTextContent("Pass");
    expect(tile("ix")).toHaveTextContent("Pass");
    expect(tile("ix")).toHaveTextContent("1 note");
    expect(tile("method")).toHaveTextContent("Method checks");
  });

  test("moves focus to the summary", async () => {
    await checkWith(fakeSource({ outcome: { status: "done", result: result(FINDINGS) } }));
    await waitFor(() => expect(screen.getByTestId("summary")).toHaveFocus());
    expect(screen.getByTestId("summary")).toHaveAttribute("tabindex", "-1");
  });

  test("lists each finding with its message, why, how to fix and a link to its rule", async () => {
    await checkWith(fakeSource({ outcome: { status: "done", result: result(FINDINGS) } }));
    const item = document.querySelector('[data-rule="iii.net-recomputes"]') as HTMLElement;
    expect(item).toHaveTextContent("Message for iii.net-recomputes at K7.");
    expect(item).toHaveTextContent("Why iii.net-recomputes matters.");
    expect(item).toHaveTextContent("How to fix iii.net-recomputes.");
    expect(item).toHaveTextContent("Gains!K7");
    expect(within(item).getByRole("link", { name: /iii\.net-recomputes/ })).toHaveAttribute("href", "./docs/rules/iii.net-recomputes.html");
    // A finding about the whole workbook has no cell to go to.
    const workbookWide = document.querySelector('[data-rule="ix.reward-recorded"]') as HTMLElement;
    expect(within(workbookWide).queryByRole("button", { name: /go to cell/i })).toBeNull();
  });

  test("filters findings by severity", async () => {
    const user = await checkWith(fakeSource({ outcome: { status: "done", result: result(FINDINGS) } }));
    const rules = () => Array.from(document.querySelectorAll("[data-rule]")).map((el) => el.getAttribute("data-rule"));
    expect(rules()).toHaveLength(4);
    const errors = screen.getByRole("button", { name: "Errors (2)" });
    expect(errors).toHaveAttribute("aria-pressed", "true");
    await user.click(errors);
    expect(errors).toHaveAttribute("aria-pressed", "false");
    expect(rules()).toEqual(["iv.profile-present", "ix.reward-recorded"]);
    await user.click(screen.getByRole("button", { name: "Warnings (1)" }));
    await user.click(screen.getByRole("button", { name: "Notes (1)" }));
    expect(rules()).toEqual([]);
    expect(screen.getByText("No findings match the severities chosen above.")).toBeInTheDocument();
    await user.click(errors);
    expect(rules()).toEqual(["ii.no-error-values", "iii.net-recomputes"]);
  });

  test("Go to cell asks the source for the finding's sheet and cell", async () => {
    const source = fakeSource({ outcome: { status: "done", result: result(FINDINGS) } });
    const user = await checkWith(source);
    const item = document.querySelector('[data-rule="ii.no-error-values"]') as HTMLElement;
    await user.click(within(item).getByRole("button", { name: /go to cell/i }));
    expect(source.goToCalls).toEqual([["Register sheet", "B2:C3"]]);
  });

  test("Go to cell shows the neighbouring cells where the source returns a preview, reachable by keyboard", async () => {
    const source = fakeSource({
      outcome: { status: "done", result: result(FINDINGS) },
      goTo: {
        kind: "preview",
        preview: {
          sheet: "Gains",
          address: "K7",
          columns: ["J", "K", "L"],
          rows: [6, 7, 8],
          values: [
            ["a", "b", "c"],
            ["d", "450", "f"],
            ["g", "h", "i"],
          ],
          highlighted: [
            [false, false, false],
            [false, true, false],
            [false, false, false],
          ],
        },
      },
    });
    const user = await checkWith(source);
    const button = within(document.querySelector('[data-rule="iii.net-recomputes"]') as HTMLElement).getByRole("button", {
      name: /go to cell/i,
    });
    button.focus();
    await user.keyboard("{Enter}");
    const view = await screen.findByTestId("cell-view");
    expect(view).toHaveTextContent("Gains!K7");
    expect(view.querySelector('[data-target="true"]')).toHaveTextContent("450");
    expect(
      within(view)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["J", "K", "L"]);
    await waitFor(() => expect(view).toHaveFocus());
    await user.click(within(view).getByRole("button", { name: /close/i }));
    expect(screen.queryByTestId("cell-view")).toBeNull();
  });
});

describe("a workbook with thousands of findings", () => {
  const many = Array.from({ length: 1234 }, (_, i) => finding("ii.budget-line", "error", "Gains", `G${i + 2}`));

  test("counts are grouped in thousands; the repeated rule is one item with its count and ranges, each finding a page at a time", async () => {
    const user = await checkWith(fakeSource({ outcome: { status: "done", result: result(many) } }));
    expect(screen.getByTestId("summary")).toHaveTextContent("1,234 errors");
    expect(screen.getByRole("button", { name: "Errors (1,234)" })).toBeInTheDocument();
    const shown = () => document.querySelectorAll('[data-rule="ii.budget-line"]').length;
    const rolled = document.querySelector('[data-rolled-up-rule="ii.budget-line"]') as HTMLElement;
    expect(rolled).toHaveTextContent("1,234 findings: Title of ii.budget-line");
    expect(rolled).toHaveTextContent("Gains!G2:G1235");
    expect(rolled).toHaveTextContent("The first: Message for ii.budget-line at G2.");
    expect(shown()).toBe(0);
    await user.click(within(rolled).getByRole("button", { name: "Show each (1,234)" }));
    expect(shown()).toBe(50);
    expect(screen.getByText("Showing 50 of 1,234.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Show 200 more findings for ii.budget-line" }));
    expect(shown()).toBe(250);
    expect(screen.getByText("Showing 250 of 1,234.")).toBeInTheDocument();
  });
});

test("Go to cell on a rolled-up finding goes to its first range", async () => {
  const repeated = [2, 3, 4, 9].map((row) => finding("iii.costs-present", "error", "Gains", `J${row}`));
  const source = fakeSource({ outcome: { status: "done", result: result(repeated) } });
  const user = await checkWith(source);
  const rolled = document.querySelector('[data-rolled-up-rule="iii.costs-present"]') as HTMLElement;
  expect(rolled).toHaveTextContent("Gains!J2:J4, Gains!J9");
  await user.click(within(rolled).getByRole("button", { name: "Go to Gains!J2:J4" }));
  expect(source.goToCalls).toEqual([["Gains", "J2:J4"]]);
});

describe("checking", () => {
  test("shows progress and Cancel aborts the source's check", async () => {
    let seen: CheckRequest | null = null;
    const source = fakeSource({
      outcome: (request) =>
        new Promise<CheckOutcome>((resolve) => {
          seen = request;
          request.onProgress({ phase: "reading", fraction: 0.4 });
          request.signal.addEventListener("abort", () => resolve({ status: "cancelled" }));
        }),
    });
    const user = userEvent.setup();
    render(<App source={source} />);
    await user.click(screen.getByRole("button", { name: "Check workbook" }));
    const progress = await screen.findByTestId("check-progress");
    expect(progress).toHaveTextContent("Reading the workbook… 40%");
    expect(screen.getByRole("button", { name: "Check workbook" })).toBeDisabled();
    expect(seen!.signal.aborted).toBe(false);
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(seen!.signal.aborted).toBe(true);
    expect(await screen.findByText("Check cancelled")).toBeInTheDocument();
    expect(screen.queryByTestId("check-progress")).toBeNull();
  });

  test("a file the reader refuses gives its one-line reason, not a blank pane", async () => {
    const reason = "This file is not an Excel workbook (.xlsx): it holds plain text.";
    const user = userEvent.setup();
    render(<App source={fakeSource({ outcome: { status: "refused", reason } })} />);
    await user.click(screen.getByRole("button", { name: "Check workbook" }));
    const notice = await screen.findByTestId("notice");
    // Title and reason read as two phrases, not "...could not be checkedThis file..." (the title's space is CSS only).
    expect(notice).toHaveTextContent(`This workbook could not be checked ${reason}`);
    await waitFor(() => expect(notice).toHaveFocus());
  });

  test("an unexpected failure of the source is shown as one line", async () => {
    const user = userEvent.setup();
    render(<App source={fakeSource({ outcome: async () => Promise.reject(new Error("Excel went away\nstack line")) })} />);
    await user.click(screen.getByRole("button", { name: "Check workbook" }));
    const notice = await screen.findByTestId("notice");
    expect(notice).toHaveTextContent("Excel went away");
    expect(notice).not.toHaveTextContent("stack line");
  });

  test("a new source with an auto-check token checks straight away", async () => {
    const source = fakeSource({ outcome: { status: "done", result: result(FINDINGS) } });
    render(<App source={source} autoCheckToken={1} />);
    await screen.findByTestId("summary");
    expect(source.requests).toHaveLength(1);
  });
});

describe("workbook states", () => {
  test("an empty workbook says so and offers the template", async () => {
    await checkWith(
      fakeSource({
        kind: "excel",
        outcome: { status: "done", result: result([], { isEmpty: true, hasVfmTables: false, target: null, quarters: [] }) },
      }),
    );
    const state = screen.getByTestId("state-empty");
    expect(state).toHaveTextContent("This workbook is empty There is nothing to check yet");
    expect(within(state).getByRole("button", { name: "Create VfM workbook" })).toBeInTheDocument();
    expect(screen.queryByTestId("state-no-tables")).toBeNull();
    expect(screen.getByTestId("target-panel")).toHaveTextContent("does not hold enough to work out the target");
  });

  test("a workbook without any VfM table explains what the check looks for", async () => {
    await checkWith(fakeSource({ outcome: { status: "done", result: result([], { hasVfmTables: false }) } }));
    expect(screen.getByTestId("state-no-tables")).toHaveTextContent("No VfM tables found The check looks for");
    expect(screen.getByTestId("state-no-tables")).toHaveTextContent("Gains");
  });

  test("without any VfM table, principles with no findings read Not checked, never Pass", async () => {
    const absent = [finding("i.baseline-present", "error", null, null)];
    await checkWith(fakeSource({ outcome: { status: "done", result: result(absent, { hasVfmTables: false }) } }));
    expect(screen.getByRole("heading", { level: 2, name: "No VfM tables found in this workbook" })).toBeInTheDocument();
    const tile = (key: string) => document.querySelector(`[data-principle="${key}"]`) as HTMLElement;
    expect(tile("i")).toHaveTextContent("Fails");
    for (const key of ["ii", "iii", "viii", "method"]) {
      expect(tile(key)).toHaveTextContent("Not checked");
      expect(tile(key)).not.toHaveTextContent("Pass");
    }
  });

  test("an empty workbook's summary says it is empty rather than passing", async () => {
    await checkWith(fakeSource({ outcome: { status: "done", result: result([], { isEmpty: true, hasVfmTables: false }) } }));
    expect(screen.getByRole("heading", { level: 2, name: "This workbook is empty" })).toBeInTheDocument();
    expect(screen.getAllByText("Not checked")).toHaveLength(10);
  });

  test("a protected sheet is named, and a refused write says why", async () => {
    const refusal = "The Settings sheet is protected, so the settings could not be saved. Unprotect it in Excel and try again.";
    const source = fakeSource({
      kind: "excel",
      outcome: { status: "done", result: result(FINDINGS, { protectedSheets: ["Settings"] }) },
      write: { ok: false, reason: refusal },
    });
    const user = await checkWith(source);
    expect(screen.getByTestId("state-protected")).toHaveTextContent("Protected: Settings.");
    await user.click(screen.getByRole("button", { name: "Settings" }));
    await user.click(screen.getByRole("button", { name: "Save to the workbook and check again" }));
    const notice = await screen.findByTestId("notice");
    expect(notice).toHaveTextContent("The settings were not saved");
    expect(notice).toHaveTextContent(refusal);
    expect(source.requests).toHaveLength(1);
  });

  test("Create VfM workbook names the sheets that are already taken", async () => {
    const source = fakeSource({
      kind: "excel",
      outcome: { status: "done", result: result(FINDINGS) },
      write: { ok: false, reason: "The workbook already has sheets with the template's names.", takenSheets: ["Gains", "Settings"] },
    });
    const user = await checkWith(source);
    await user.click(within(screen.getByRole("region", { name: "Workbook tools" })).getByRole("button", { name: "Create VfM workbook" }));
    expect(await screen.findByTestId("notice")).toHaveTextContent("Sheet names already taken: Gains, Settings.");
  });

  test("Write report says which sheet it wrote", async () => {
    const source = fakeSource({
      kind: "excel",
      outcome: { status: "done", result: result(FINDINGS) },
      write: { ok: true, message: 'Wrote the findings to the new sheet "VfM report".' },
    });
    const user = await checkWith(source);
    await user.click(screen.getByRole("button", { name: "Write report" }));
    expect(await screen.findByTestId("notice")).toHaveTextContent('Wrote the findings to the new sheet "VfM report".');
  });

  test("the standalone page has no workbook tools", async () => {
    await checkWith(fakeSource({ outcome: { status: "done", result: result(FINDINGS) } }));
    expect(screen.queryByRole("button", { name: "Create VfM workbook" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Write report" })).toBeNull();
  });

  test("forecast-dependent figures are labelled", async () => {
    await checkWith(
      fakeSource({
        outcome: { status: "done", result: result(FINDINGS, { forecastNotes: ["Gain G7 is deflated to 2027-28, a forecast year."] }) },
      }),
    );
    expect(screen.getByTestId("forecast-note")).toHaveTextContent("Figures resting on a forecast");
    expect(screen.getByTestId("forecast-note")).toHaveTextContent("Gain G7");
    // The title and the text read as two phrases (NoticeTitle), not "…forecastGain G7…".
    expect(screen.getByTestId("forecast-note").textContent).toMatch(/^Figures resting on a forecast \S/);
  });
});

describe("target panel and settings", () => {
  test("shows the target, the risk-adjusted cashable gains and progress as a percentage, with the quarters as a table", async () => {
    await checkWith(fakeSource({ outcome: { status: "done", result: result(FINDINGS) } }));
    const panel = screen.getByTestId("target-panel");
    expect(panel).toHaveTextContent("£1,413.72m");
    expect(panel).toHaveTextContent("£1,102.4m");
    expect(panel).toHaveTextContent("78%");
    const table = within(panel).getByRole("table");
    expect(within(table).getAllByRole("row")).toHaveLength(3);
    expect(within(table).getByRole("columnheader", { name: "Target by year end" })).toBeInTheDocument();
    expect(within(table).getAllByRole("row")[1]).toHaveTextContent("457.38");
    expect(await within(panel).findByTestId("chart")).toBeInTheDocument();
    // The whole target path in words, beside the chart, for every year of the period.
    expect(within(panel).getByTestId("target-path")).toHaveTextContent("2008-09: 457.382009-10: 928.482010-11: 1,413.72");
  });

  test("says whether the plan is on track, in words, beside the target", async () => {
    const onTrack = {
      status: "at-risk" as const,
      text: "At risk: £200m delivered by Q2 2008-09 against £210m due on the target path (95.2%), £10m short.",
    };
    await checkWith(fakeSource({ outcome: { status: "done", result: result(FINDINGS, { onTrack }) } }));
    const line = within(screen.getByTestId("target-panel")).getByTestId("on-track");
    expect(line).toHaveTextContent(onTrack.text);
    expect(line).toHaveAttribute("data-status", "at-risk");
  });

  test("says nothing about being on track when there is nothing to judge", async () => {
    await checkWith(fakeSource({ outcome: { status: "done", result: result(FINDINGS, { onTrack: null }) } }));
    expect(within(screen.getByTestId("target-panel")).queryByTestId("on-track")).toBeNull();
  });

  test("leaves out the year-end target column when no quarter's year is known", async () => {
    const quarters = vfmData().quarters.map((quarter) => ({ ...quarter, targetByYearEnd: null }));
    await checkWith(fakeSource({ outcome: { status: "done", result: result(FINDINGS, { quarters }) } }));
    const table = within(screen.getByTestId("target-panel")).getByRole("table");
    expect(within(table).queryByRole("columnheader", { name: "Target by year end" })).toBeNull();
  });

  test("settings chosen on the standalone page apply to the next check only, and say so", async () => {
    const source = fakeSource({ outcome: { status: "done", result: result(FINDINGS) } });
    const user = await checkWith(source);
    await user.click(screen.getByRole("button", { name: "Settings" }));
    const share = screen.getByLabelText("Minimum cashable share (%)");
    await user.clear(share);
    await user.type(share, "60");
    const date = screen.getByLabelText("Reporting date");
    await user.clear(date);
    await user.type(date, "2010-03-31");
    await user.click(screen.getByRole("button", { name: "Apply and check again" }));
    await waitFor(() => expect(source.requests).toHaveLength(2));
    expect(source.requests[1].settings).toEqual(expect.objectContaining({ minimumCashableShare: 0.6, reportingDate: "2010-03-31" }));
    expect(await screen.findByText("Settings applied to this check only")).toBeInTheDocument();
  });

  test("an unreadable setting is explained and nothing is checked", async () => {
    const source = fakeSource({ outcome: { status: "done", result: result(FINDINGS) } });
    const user = await checkWith(source);
    await user.click(screen.getByRole("button", { name: "Settings" }));
    const rag = screen.getByLabelText("RAG mapping");
    await user.clear(rag);
    await user.type(rag, "Green lots");
    await user.click(screen.getByRole("button", { name: "Apply and check again" }));
    expect(await screen.findByText(/Write each rating and its fraction/)).toBeInTheDocument();
    await act(async () => undefined);
    expect(source.requests).toHaveLength(1);
  });
});

describe("principles whose evidence was not found (#9)", () => {
  test("read Not checked with the reason on their tile, and the headline says so, from a real check", async () => {
    const model = generateRegisterModel(5);
    model.sheets = model.sheets.filter((s) => s.name !== "Quarterly");
    model.tables = model.tables.filter((t) => t.sheet !== "Quarterly");
    await checkWith(fakeSource({ outcome: { status: "done", result: checkModel(model, { file: "force.xlsx" }) } }));
    const vi = document.querySelector('[data-principle="vi"]') as HTMLElement;
    expect(vi).toHaveTextContent("Not checked");
    expect(vi).not.toHaveTextContent("Pass");
    expect(within(vi).getByTestId("not-checked-reason")).toHaveTextContent(/^No Quarterly table was found on the \d+ sheets looked at\.$/);
    expect(document.querySelector('[data-principle="i"]')).toHaveTextContent("Pass");
    const heading = screen.getByTestId("summary").querySelector("h2")!;
    expect(heading.textContent).toMatch(/; \(vi\) not checked/);
    expect(heading).not.toHaveTextContent("Passes every principle");
  });
});

describe("the headline: the verdict and the most important thing to do", () => {
  const heading = () => screen.getByTestId("summary").querySelector("h2")!;
  test("with errors: the principles failed and the first error's fix", async () => {
    await checkWith(fakeSource({ outcome: { status: "done", result: result(FINDINGS) } }));
    expect(heading()).toHaveTextContent("Fails (ii) (iii): 2 errors, 1 warning");
    expect(screen.getByTestId("next-step")).toHaveTextContent("First, the error (Gains!K7): How to fix iii.net-recomputes.");
  });

  test("a warning is never under 'No problems found', and the on-track judgement is stated", async () => {
    const onTrack = {
      status: "off-track" as const,
      text: "Off track: £2,050,000 delivered by Q2 2026-27 against £6,180,000 due on the target path (33.2%), £4,130,000 short.",
    };
    await checkWith(
      fakeSource({ outcome: { status: "done", result: result([finding("iv.profile-present", "warning", "Profile", "A5")], { onTrack }) } }),
    );
    expect(heading()).toHaveTextContent("Passes with 1 warning; off track");
    expect(screen.getByTestId("summary")).not.toHaveTextContent("No problems found");
    expect(screen.getByTestId("next-step")).toHaveTextContent("First, the warning (Profile!A5): How to fix iv.profile-present.");
  });

  test("clean but off track: the plan needs more gains", async () => {
    const onTrack = {
      status: "off-track" as const,
      text: "Off track: £2,050,000 delivered by Q2 2026-27 against £6,180,000 due on the target path (33.2%), £4,130,000 short.",
    };
    await checkWith(
      fakeSource({ outcome: { status: "done", result: result([finding("method.progress", "info", "Gains", "M4:M10")], { onTrack }) } }),
    );
    expect(heading()).toHaveTextContent("Passes every principle; off track");
    expect(screen.getByTestId("next-step")).toHaveTextContent(`the plan needs more gains, or earlier ones. ${onTrack.text}`);
  });

  test("clean and on track: nothing to fix", async () => {
    await checkWith(
      fakeSource({ outcome: { status: "done", result: result([], { onTrack: { status: "on-track", text: "On track." } }) } }),
    );
    expect(heading()).toHaveTextContent("Passes every principle; on track");
    expect(screen.getByTestId("next-step")).toHaveTextContent("Nothing to fix");
  });
});
