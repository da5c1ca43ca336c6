/** The pane's check state (pane-state.ts): the whole life of a check and of a write, without React. */
import {
  INITIAL_PANE_STATE,
  NOTICES,
  isBusy,
  paneReducer,
  unnamedTakenSheets,
  writeNotice,
} from "../../src/taskpane/components/pane/pane-state";
import type { PaneAction, PaneState } from "../../src/taskpane/components/pane/pane-state";
import { result } from "./fake-source";

const run = (actions: PaneAction[], from: PaneState = INITIAL_PANE_STATE) => actions.reduce(paneReducer, from);

describe("the pane's check state", () => {
  test("a check runs, reports progress, ends in results and sends focus to the summary", () => {
    const started = run([{ type: "check-started" }]);
    expect(started).toMatchObject({ running: true, progress: { phase: "reading", fraction: null }, notice: null });
    expect(isBusy(started)).toBe(true);
    const halfway = paneReducer(started, { type: "check-progress", progress: { phase: "reading", fraction: 0.5 } });
    expect(halfway.progress).toEqual({ phase: "reading", fraction: 0.5 });
    const done = result([]);
    const ended = paneReducer(halfway, { type: "check-ended", outcome: { status: "done", result: done }, resultsLoaded: true });
    expect(ended).toMatchObject({ running: false, progress: null, result: done, focus: { to: "summary", serial: 1 } });
    expect(isBusy(ended)).toBe(false);
  });

  test("progress after the check ended is ignored", () => {
    const idle = run([{ type: "check-progress", progress: { phase: "checking", fraction: null } }]);
    expect(idle).toBe(INITIAL_PANE_STATE);
  });

  test("a cancelled check keeps the last results and says nothing changed; a refusal clears them", () => {
    const done = result([]);
    const checked = run([
      { type: "check-started" },
      { type: "check-ended", outcome: { status: "done", result: done }, resultsLoaded: true },
    ]);
    const cancelled = run(
      [{ type: "check-started" }, { type: "check-ended", outcome: { status: "cancelled" }, resultsLoaded: true }],
      checked,
    );
    expect(cancelled.result).toBe(done);
    expect(cancelled.notice).toEqual(NOTICES.cancelled);
    expect(cancelled.focus).toEqual({ to: "notice", serial: 2 });
    const refused = run(
      [{ type: "check-started" }, { type: "check-ended", outcome: { status: "refused", reason: "Not a workbook." }, resultsLoaded: true }],
      cancelled,
    );
    expect(refused.result).toBeNull();
    expect(refused.notice).toEqual({ intent: "error", title: "This workbook could not be checked", text: "Not a workbook." });
    expect(refused.focus).toEqual({ to: "notice", serial: 3 });
  });

  test("results whose view did not load are not shown half-drawn", () => {
    const ended = run([
      { type: "check-started" },
      { type: "check-ended", outcome: { status: "done", result: result([]) }, resultsLoaded: false },
    ]);
    expect(ended.result).toBeNull();
    expect(ended.notice).toEqual(NOTICES.resultsNotLoaded);
  });

  test("a write is busy until it ends, then its notice takes focus", () => {
    const writing = run([{ type: "write-started" }]);
    expect(isBusy(writing)).toBe(true);
    const notice = writeNotice({ ok: false, reason: "Names taken: Gains.", takenSheets: ["Gains", "Settings"] }, "Not created", "Created");
    const ended = paneReducer(writing, { type: "write-ended", notice });
    expect(ended).toMatchObject({ writing: false, notice: { intent: "error", title: "Not created" }, focus: { to: "notice", serial: 1 } });
    expect(unnamedTakenSheets(ended.notice)).toEqual(["Settings"]);
    expect(writeNotice({ ok: true, message: "Wrote it." }, "Not created", "Created")).toEqual({
      intent: "success",
      title: "Created",
      text: "Wrote it.",
    });
  });

  test("a new source forgets the settings chosen, the results and the message", () => {
    const used = run([
      { type: "session-settings", settings: { tolerance: 1 } },
      { type: "check-started" },
      { type: "check-ended", outcome: { status: "done", result: result([]) }, resultsLoaded: true },
      { type: "notice", notice: NOTICES.sessionSettings },
    ]);
    expect(used.sessionSettings).toEqual({ tolerance: 1 });
    expect(paneReducer(used, { type: "source-changed" })).toMatchObject({ sessionSettings: undefined, result: null, notice: null });
  });
});
