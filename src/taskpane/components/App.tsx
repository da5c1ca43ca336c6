/**
 * The pane: check the workbook, show one tile per principle and the findings, the target panel,
 * settings and (in Excel) the workbook tools. It talks only to a WorkbookSource, so the same app
 * runs inside Excel and as the standalone page.
 */
import * as React from "react";
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  makeStaticStyles,
  makeStyles,
  tokens,
  Text,
  webLightTheme,
} from "@fluentui/react-components";
import { DocumentTable20Regular, DocumentText20Regular, TableAdd20Regular } from "@fluentui/react-icons";
import type { CheckProgress, CheckResult, SettingsChoice, WorkbookSource, WriteOutcome } from "../source";
import { oneLine } from "../source";
import { formatPercent } from "../format";
import { panelHeadingStyle, panelStyle } from "./layout";

/**
 * The results view is a separate chunk, fetched while the workbook is read, so the pane's first
 * download stays small. It is loaded before the results are shown (not with React.lazy), so showing
 * them never waits on a Suspense reveal.
 */
type ResultsModule = typeof import("./Results");
let resultsModule: ResultsModule | null = null;
/** Starts fetching the results view early, for a page that will show results at once. */
export function preloadResultsView(): void {
  void loadResults();
}

function loadResults(): Promise<ResultsModule | null> {
  if (resultsModule) return Promise.resolve(resultsModule);
  return import(/* webpackChunkName: "results" */ "./Results").then(
    (loaded) => (resultsModule = loaded),
    () => null,
  );
}

// The pane fills its frame edge to edge (browsers give <body> an 8 px margin, a white frame round the pane).
const usePageStyles = makeStaticStyles({ body: { margin: 0 } });

const useStyles = makeStyles({
  provider: { backgroundColor: tokens.colorNeutralBackground2, minHeight: "100vh" },
  main: {
    boxSizing: "border-box",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    maxWidth: "960px",
    margin: "0 auto",
    minWidth: 0,
    // A long file name or sheet name breaks rather than pushing the pane wider than a 320 px frame.
    overflowWrap: "anywhere",
  },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  subtitle: { color: tokens.colorNeutralForeground2 },
  controls: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  progress: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  notice: { ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  tools: {
    ...panelStyle,
  },
  sectionHeading: panelHeadingStyle,
  muted: { color: tokens.colorNeutralForeground2 },
  states: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

type Intent = "info" | "success" | "warning" | "error";
interface Notice {
  intent: Intent;
  title: string;
  text: string;
  /** Sheet names that stopped "Create VfM workbook". */
  takenSheets?: string[];
}

function progressText(progress: CheckProgress | null): string {
  if (!progress || progress.phase === "reading") {
    const share = progress && progress.fraction !== null ? ` ${formatPercent(progress.fraction)}` : "";
    return `Reading the workbook…${share}`;
  }
  return "Checking against the 9 principles…";
}

function writeNotice(outcome: WriteOutcome, failureTitle: string, successTitle: string): Notice {
  if (outcome.ok) return { intent: "success", title: successTitle, text: outcome.message };
  return { intent: "error", title: failureTitle, text: outcome.reason, takenSheets: outcome.takenSheets };
}

export interface AppProps {
  source: WorkbookSource;
  /** Shown under the title: the standalone page's "Open workbook" controls. */
  toolbar?: React.ReactNode;
  /** When this changes to a value above 0 the app checks the workbook (the standalone page, after a file is opened). */
  autoCheckToken?: number;
  /** Shown where the results go before the first check. */
  intro?: React.ReactNode;
  /** How a user gets a VfM workbook where the source cannot create one (the standalone page). */
  templateHint?: React.ReactNode;
}

export function App(props: AppProps) {
  return (
    <FluentProvider theme={webLightTheme}>
      <PaneContent {...props} />
    </FluentProvider>
  );
}

function PaneContent({ source, toolbar, autoCheckToken = 0, intro, templateHint }: AppProps) {
  usePageStyles();
  const styles = useStyles();
  const [running, setRunning] = React.useState(false);
  const [progress, setProgress] = React.useState<CheckProgress | null>(null);
  const [result, setResult] = React.useState<CheckResult | null>(null);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const [writing, setWriting] = React.useState(false);
  /** Settings chosen in the pane for a source that cannot keep them. */
  const [sessionSettings, setSessionSettings] = React.useState<SettingsChoice | undefined>(undefined);
  const [focusTarget, setFocusTarget] = React.useState<{ to: "summary" | "notice"; serial: number } | null>(null);

  const controllerRef = React.useRef<AbortController | null>(null);
  const noticeRef = React.useRef<HTMLDivElement>(null);

  React.useEffect(() => {
    if (!focusTarget) return;
    if (focusTarget.to === "notice") noticeRef.current?.focus();
  }, [focusTarget]);

  React.useEffect(() => () => controllerRef.current?.abort(), []);

  const focus = (to: "summary" | "notice") => setFocusTarget((previous) => ({ to, serial: (previous?.serial ?? 0) + 1 }));

  const runCheck = React.useCallback(
    async (settings: SettingsChoice | undefined) => {
      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      setRunning(true);
      setProgress({ phase: "reading", fraction: null });
      setNotice(null);
      const resultsView = loadResults();
      let outcome;
      try {
        outcome = await source.check({
          signal: controller.signal,
          onProgress: (next) => {
            if (controllerRef.current === controller) setProgress(next);
          },
          settings,
        });
      } catch (error) {
        outcome = controller.signal.aborted ? ({ status: "cancelled" } as const) : ({ status: "refused", reason: oneLine(error) } as const);
      }
      const resultsLoaded = outcome.status === "done" ? (await resultsView) !== null : true;
      // A newer check (or a new file) has taken over: its result is the one to show.
      if (controllerRef.current !== controller) return;
      controllerRef.current = null;
      setRunning(false);
      setProgress(null);
      if (outcome.status === "done" && !resultsLoaded) {
        setResult(null);
        setNotice({ intent: "error", title: "The results could not be shown", text: "Part of the pane did not load. Reload it and check again." });
        focus("notice");
      } else if (outcome.status === "done") {
        setResult(outcome.result);
        focus("summary");
      } else if (outcome.status === "cancelled") {
        setNotice({ intent: "info", title: "Check cancelled", text: "Nothing was changed. Select Check workbook to start again." });
        focus("notice");
      } else {
        setResult(null);
        setNotice({ intent: "error", title: "This workbook could not be checked", text: outcome.reason });
        focus("notice");
      }
    },
    [source],
  );

  // A new source (a newly opened file) starts with no settings chosen and no results.
  React.useEffect(() => {
    setSessionSettings(undefined);
    setResult(null);
    setNotice(null);
  }, [source]);

  React.useEffect(() => {
    if (autoCheckToken > 0) void runCheck(undefined);
  }, [autoCheckToken, runCheck]);

  const cancel = () => controllerRef.current?.abort();

  const write = async (action: () => Promise<WriteOutcome>, failureTitle: string, successTitle: string): Promise<WriteOutcome | null> => {
    setWriting(true);
    setNotice(null);
    try {
      const outcome = await action();
      setNotice(writeNotice(outcome, failureTitle, successTitle));
      return outcome;
    } catch (error) {
      setNotice({ intent: "error", title: failureTitle, text: oneLine(error) });
      return null;
    } finally {
      setWriting(false);
      focus("notice");
    }
  };

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
    setSessionSettings(choice);
    await runCheck(choice);
    setNotice({
      intent: "info",
      title: "Settings applied to this check only",
      text: "The file on your computer is not changed. To keep these settings, put them in the workbook's Settings table.",
    });
  };

  const busy = running || writing;
  // The settings the form starts from: the workbook's, with any chosen here for a source that cannot keep them.
  const settingsShown = React.useMemo(
    () => (result ? (source.saveSettings ? result.data.settings : { ...result.data.settings, ...sessionSettings }) : undefined),
    [result, source, sessionSettings],
  );
  // Taken names the source's own reason does not already mention.
  const unnamedTaken = notice?.takenSheets?.filter((name) => !notice.text.includes(name)) ?? [];

  return (
    <div className={styles.provider}>
      <main className={styles.main}>
        <header className={styles.header}>
          <h1 className={styles.title}>VfM Checker</h1>
          <Text className={styles.subtitle}>
            {source.kind === "excel" ? "Checks the open workbook against the 9 CSR07 measurement principles." : source.label}
          </Text>
        </header>
        {toolbar}
        <div className={styles.controls}>
          <Button appearance="primary" icon={<DocumentTable20Regular />} onClick={() => void runCheck(sessionSettings)} disabled={busy}>
            Check workbook
          </Button>
          {running && (
            <Button appearance="secondary" onClick={cancel}>
              Cancel
            </Button>
          )}
        </div>
        {running && (
          <div className={styles.progress} data-testid="check-progress">
            <ProgressBar
              value={progress?.fraction ?? undefined}
              max={1}
              thickness="large"
              aria-label={progressText(progress)}
              aria-valuetext={progressText(progress)}
            />
            {/* Only the phase is announced; the percentage would be read out at every step. */}
            <Text>
              <span role="status">{progress?.phase === "checking" ? progressText(progress) : "Reading the workbook…"}</span>
              {progress?.phase !== "checking" && progress?.fraction != null && ` ${formatPercent(progress.fraction)}`}
            </Text>
          </div>
        )}
        {notice && (
          <div ref={noticeRef} tabIndex={-1} className={styles.notice} data-testid="notice">
            <MessageBar intent={notice.intent} layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{notice.title}</MessageBarTitle>
                {notice.text}
                {unnamedTaken.length > 0 && (
                  <>
                    {" Sheet names already taken: "}
                    <strong>{unnamedTaken.join(", ")}</strong>
                    {". Rename or remove them, then try again."}
                  </>
                )}
              </MessageBarBody>
            </MessageBar>
          </div>
        )}
        {!result && !running && !notice && intro}
        {result && resultsModule && (
          <resultsModule.default
            result={result}
            source={source}
            busy={busy}
            focusSummaryToken={focusTarget?.to === "summary" ? focusTarget.serial : 0}
            onCreateTemplate={createTemplate}
            templateHint={templateHint}
            settingsShown={settingsShown ?? result.data.settings}
            onApplySettings={(choice) => void applySettings(choice)}
          />
        )}
        {(createTemplate || writeReport) && (
          <section className={styles.tools} aria-labelledby="vfm-tools-heading">
            <h2 id="vfm-tools-heading" className={styles.sectionHeading}>
              Workbook tools
            </h2>
            <div className={styles.controls}>
              {createTemplate && (
                <Button icon={<TableAdd20Regular />} onClick={createTemplate} disabled={busy}>
                  Create VfM workbook
                </Button>
              )}
              {source.writeReport && (
                <Button icon={<DocumentText20Regular />} onClick={writeReport} disabled={busy || !writeReport}>
                  Write report
                </Button>
              )}
            </div>
            <Text className={styles.muted} size={200}>
              Create VfM workbook adds the template's sheets and never changes a sheet you already have. Write report adds
              a new sheet with the findings of the last check.
            </Text>
          </section>
        )}
      </main>
    </div>
  );
}
