/**
 * The pane's check state as a reducer: every change the pane goes through (a check starts, reports
 * progress, ends; a write starts and ends; a new workbook is opened) is one action, so the whole
 * life of a check can be read, and tested, in one place without React.
 */
import type { CheckOutcome, CheckProgress, CheckResult, SettingsChoice, WriteOutcome } from "../../source";

type NoticeIntent = "info" | "success" | "warning" | "error";

/** The message bar under the controls: the outcome of a check that did not end in results, or of a write. */
export interface Notice {
  intent: NoticeIntent;
  title: string;
  text: string;
  /** Sheet names that stopped "Create VfM workbook". */
  takenSheets?: string[];
}

/** Where the keyboard focus goes next; `serial` changes each time, so the same target can be focused again. */
interface FocusRequest {
  to: "summary" | "notice";
  serial: number;
}

export interface PaneState {
  /** A check is running. */
  running: boolean;
  /** How far the running check has got; null when none is running. */
  progress: CheckProgress | null;
  /** The last check's results; null before the first and after a refusal. */
  result: CheckResult | null;
  notice: Notice | null;
  /** A write (template, report, settings) is running. */
  writing: boolean;
  /** Settings chosen in the pane for a source that cannot keep them (the standalone page). */
  sessionSettings: SettingsChoice | undefined;
  focus: FocusRequest | null;
}

export type PaneAction =
  | { type: "check-started" }
  | { type: "check-progress"; progress: CheckProgress }
  /** `resultsLoaded` false: the results view's chunk failed to load, so results cannot be shown. */
  | { type: "check-ended"; outcome: CheckOutcome; resultsLoaded: boolean }
  | { type: "write-started" }
  | { type: "write-ended"; notice: Notice }
  | { type: "session-settings"; settings: SettingsChoice }
  | { type: "notice"; notice: Notice }
  /** A new source (a newly opened file): no settings chosen, no results, no message. */
  | { type: "source-changed" };

export const INITIAL_PANE_STATE: PaneState = {
  running: false,
  progress: null,
  result: null,
  notice: null,
  writing: false,
  sessionSettings: undefined,
  focus: null,
};

export const NOTICES = {
  resultsNotLoaded: {
    intent: "error",
    title: "The results could not be shown",
    text: "Part of the pane did not load. Reload it and check again.",
  },
  cancelled: { intent: "info", title: "Check cancelled", text: "Nothing was changed. Select Check workbook to start again." },
  sessionSettings: {
    intent: "info",
    title: "Settings applied to this check only",
    text: "The file on your computer is not changed. To keep these settings, put them in the workbook's Settings table.",
  },
} as const satisfies Record<string, Notice>;

function focusOn(state: PaneState, to: FocusRequest["to"]): FocusRequest {
  return { to, serial: (state.focus?.serial ?? 0) + 1 };
}

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "check-started":
      return { ...state, running: true, progress: { phase: "reading", fraction: null }, notice: null };
    case "check-progress":
      return state.running ? { ...state, progress: action.progress } : state;
    case "check-ended": {
      const ended = { ...state, running: false, progress: null };
      const { outcome } = action;
      if (outcome.status === "done" && action.resultsLoaded) return { ...ended, result: outcome.result, focus: focusOn(state, "summary") };
      if (outcome.status === "done") return { ...ended, result: null, notice: NOTICES.resultsNotLoaded, focus: focusOn(state, "notice") };
      if (outcome.status === "cancelled") return { ...ended, notice: NOTICES.cancelled, focus: focusOn(state, "notice") };
      return {
        ...ended,
        result: null,
        notice: { intent: "error", title: "This workbook could not be checked", text: outcome.reason },
        focus: focusOn(state, "notice"),
      };
    }
    case "write-started":
      return { ...state, writing: true, notice: null };
    case "write-ended":
      return { ...state, writing: false, notice: action.notice, focus: focusOn(state, "notice") };
    case "session-settings":
      return { ...state, sessionSettings: action.settings };
    case "notice":
      return { ...state, notice: action.notice };
    case "source-changed":
      return { ...state, sessionSettings: undefined, result: null, notice: null };
  }
}

/** The notice for a finished write. */
export function writeNotice(outcome: WriteOutcome, failureTitle: string, successTitle: string): Notice {
  if (outcome.ok) return { intent: "success", title: successTitle, text: outcome.message };
  return { intent: "error", title: failureTitle, text: outcome.reason, takenSheets: outcome.takenSheets };
}

/** Nothing else may start while a check or a write runs. */
export function isBusy(state: PaneState): boolean {
  return state.running || state.writing;
}

/** Taken sheet names the source's own reason does not already mention. */
export function unnamedTakenSheets(notice: Notice | null): string[] {
  return notice?.takenSheets?.filter((name) => !notice.text.includes(name)) ?? [];
}
