/**
 * The pane's behaviour as a hook: checking the workbook (with progress and Cancel), the workbook
 * tools and the settings, on top of paneReducer. Components get the state and these actions and only
 * draw them (as Fluent UI v9 splits a component into its state hook and its render).
 */
import * as React from "react";
import type { CheckOutcome, SettingsChoice, WorkbookSource, WriteOutcome } from "../../source";
import { errorLine } from "../../source";
import { loadResultsView } from "./results-view";
import { INITIAL_PANE_STATE, NOTICES, isBusy, paneReducer, writeNotice } from "./pane-state";
import type { PaneState } from "./pane-state";

export interface PaneCheck {
  state: PaneState;
  busy: boolean;
  /** Checks the workbook with the settings chosen so far on this page. */
  check: () => void;
  cancel: () => void;
  /** Only where the source can create the template (Excel). */
  createTemplate?: () => void;
  /** Only where the source can write a report; undefined until there are results to write. */
  writeReport?: () => void;
  /** Whether the source can write a report at all (the button shows, disabled, before a check). */
  canWriteReport: boolean;
  applySettings: (choice: SettingsChoice) => void;
  /** The settings the form starts from: the workbook's, with any chosen here for a source that cannot keep them. */
  settingsShown: SettingsChoice | undefined;
}

export function usePaneCheck(source: WorkbookSource, autoCheckToken: number): PaneCheck {
  const [state, dispatch] = React.useReducer(paneReducer, INITIAL_PANE_STATE);
  const controllerRef = React.useRef<AbortController | null>(null);

  React.useEffect(() => () => controllerRef.current?.abort(), []);

  const runCheck = React.useCallback(
    async (settings: SettingsChoice | undefined) => {
      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      dispatch({ type: "check-started" });
      const resultsView = loadResultsView();
      let outcome: CheckOutcome;
      try {
        outcome = await source.check({
          signal: controller.signal,
          onProgress: (progress) => {
            if (controllerRef.current === controller) dispatch({ type: "check-progress", progress });
          },
          settings,
        });
      } catch (error) {
        outcome = controller.signal.aborted ? { status: "cancelled" } : { status: "refused", reason: errorLine(error) };
      }
      const resultsLoaded = outcome.status === "done" ? (await resultsView) !== null : true;
      // A newer check (or a new file) has taken over: its result is the one to show.
      if (controllerRef.current !== controller) return;
      controllerRef.current = null;
      dispatch({ type: "check-ended", outcome, resultsLoaded });
    },
    [source],
  );

  React.useEffect(() => {
    dispatch({ type: "source-changed" });
  }, [source]);

  React.useEffect(() => {
    if (autoCheckToken > 0) void runCheck(undefined);
  }, [autoCheckToken, runCheck]);

  const write = async (action: () => Promise<WriteOutcome>, failureTitle: string, successTitle: string): Promise<WriteOutcome | null> => {
    dispatch({ type: "write-started" });
    try {
      const outcome = await action();
      dispatch({ type: "write-ended", notice: writeNotice(outcome, failureTitle, successTitle) });
      return outcome;
    } catch (error) {
      dispatch({ type: "write-ended", notice: { intent: "error", title: failureTitle, text: errorLine(error) } });
      return null;
    }
  };

  const { result, sessionSettings } = state;
  const createTemplate = source.createTemplate
    ? () => void write(() => source.createTemplate!(), "The VfM workbook was not created", "VfM workbook created")
    : undefined;
  const writeReport =
    source.writeReport && result
      ? () => void write(() => source.writeReport!(result.report, result.catalogue), "The report was not written", "Report written")
      : undefined;

  const applySettings = async (choice: SettingsChoice) => {
    if (source.saveSettings) {
      const outcome = await write(() => source.saveSettings!(choice), "The settings were not saved", "Settings saved");
      if (outcome?.ok) await runCheck(undefined);
      return;
    }
    dispatch({ type: "session-settings", settings: choice });
    await runCheck(choice);
    dispatch({ type: "notice", notice: NOTICES.sessionSettings });
  };

  const settingsShown = React.useMemo(
    () => (result ? (source.saveSettings ? result.data.settings : { ...result.data.settings, ...sessionSettings }) : undefined),
    [result, source, sessionSettings],
  );

  return {
    state,
    busy: isBusy(state),
    check: () => void runCheck(sessionSettings),
    cancel: () => controllerRef.current?.abort(),
    createTemplate,
    writeReport,
    canWriteReport: typeof source.writeReport === "function",
    applySettings: (choice) => void applySettings(choice),
    settingsShown,
  };
}
