/**
 * "Compare with previous return": the user picks last quarter's .xlsx, and the panel shows what changed
 * since then (gains added and removed, movements, slippage, ratings, restatements, revised quarters),
 * against the workbook just checked. The previous return is read in this browser, never uploaded; in
 * Excel, "Write changes to a sheet" adds a new sheet, only when asked. After a new check the
 * comparison is made again with the same previous return.
 */
import * as React from "react";
import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowSwap20Regular, DocumentText20Regular } from "@fluentui/react-icons";
import type { CompareOutcome, PreviousReturn } from "../compare-previous";
import { errorLine, type CheckResult, type WorkbookSource, type WriteOutcome } from "../source";
import { panelHeadingStyle, panelStyle } from "./layout";
import { blobBytes } from "../blob-bytes";
import { NoticeTitle } from "./NoticeTitle";

const loadCompare = () => import(/* webpackChunkName: "compare" */ "../compare-previous");

const useStyles = makeStyles({
  panel: { ...panelStyle },
  heading: panelHeadingStyle,
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  muted: { color: tokens.colorNeutralForeground2 },
  controls: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  hiddenInput: { display: "none" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  totals: {
    display: "grid",
    gridTemplateColumns: "minmax(0, max-content) minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  figure: { margin: 0, fontVariantNumeric: "tabular-nums" },
});

type State =
  | { status: "idle" }
  | { status: "comparing"; fileName: string }
  | { status: "failed"; reason: string }
  | { status: "done"; outcome: Extract<CompareOutcome, { ok: true }>; fileName: string };

export interface ComparePanelProps {
  result: CheckResult;
  source: WorkbookSource;
  busy: boolean;
}

export function ComparePanel({ result, source, busy }: ComparePanelProps) {
  const styles = useStyles();
  const inputRef = React.useRef<HTMLInputElement>(null);
  const [previous, setPrevious] = React.useState<PreviousReturn | null>(null);
  const [state, setState] = React.useState<State>({ status: "idle" });
  const [writing, setWriting] = React.useState(false);
  const [written, setWritten] = React.useState<WriteOutcome | null>(null);

  // Compare whenever the previous return or the checked workbook changes.
  React.useEffect(() => {
    if (!previous) return;
    const controller = new AbortController();
    setState({ status: "comparing", fileName: previous.fileName });
    setWritten(null);
    loadCompare()
      .then((module) =>
        module.compareWithPrevious(previous, { model: result.model, records: result.records, file: result.report.file }, controller.signal),
      )
      .then(
        (outcome) => {
          if (controller.signal.aborted || outcome.ok === "cancelled") return;
          setState(outcome.ok ? { status: "done", outcome, fileName: previous.fileName } : { status: "failed", reason: outcome.reason });
        },
        (error: unknown) => {
          if (!controller.signal.aborted) setState({ status: "failed", reason: errorLine(error) });
        },
      );
    return () => controller.abort();
  }, [previous, result]);

  const choose = async (file: File) => {
    try {
      setPrevious({ fileName: file.name, bytes: await blobBytes(file) });
    } catch (error) {
      setState({ status: "failed", reason: `${file.name} could not be opened: ${errorLine(error)}` });
    }
  };

  const writeChanges =
    source.writeChanges && state.status === "done"
      ? async () => {
          setWriting(true);
          try {
            setWritten(await source.writeChanges!(state.outcome.comparison));
          } catch (error) {
            setWritten({ ok: false, reason: errorLine(error) });
          } finally {
            setWriting(false);
          }
        }
      : undefined;

  return (
    <section className={styles.panel} aria-labelledby="vfm-compare-heading" data-testid="compare-panel">
      <h2 id="vfm-compare-heading" className={styles.heading}>
        Compare with previous return
      </h2>
      <Text className={styles.muted}>
        Choose last quarter's return (.xlsx) to see what changed since: gains added and removed, net and risk-adjusted movements, slippage,
        RAG changes, a restated baseline or target, and quarters revised after they were reported. The file is read on this computer and not
        changed.
      </Text>
      <div className={styles.controls}>
        <Button icon={<ArrowSwap20Regular />} onClick={() => inputRef.current?.click()} disabled={busy || state.status === "comparing"}>
          {previous ? "Choose another previous return" : "Compare with previous return"}
        </Button>
        <input
          ref={inputRef}
          className={styles.hiddenInput}
          type="file"
          tabIndex={-1}
          aria-hidden
          data-testid="compare-file"
          accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) void choose(file);
            event.currentTarget.value = "";
          }}
        />
      </div>
      <div aria-live="polite">
        {state.status === "comparing" && <Spinner size="tiny" label={`Comparing with ${state.fileName}…`} />}
        {state.status === "failed" && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <NoticeTitle>The returns could not be compared</NoticeTitle>
              {state.reason}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {state.status === "done" && <Changes description={state.outcome.description} />}
      {writeChanges && (
        <div className={styles.controls}>
          <Button icon={<DocumentText20Regular />} onClick={() => void writeChanges()} disabled={busy || writing}>
            Write changes to a sheet
          </Button>
          <Text size={200} className={styles.muted}>
            Adds a new sheet, "VfM changes", with these changes as a table. No other sheet is changed.
          </Text>
        </div>
      )}
      {written && (
        <MessageBar intent={written.ok ? "success" : "error"} layout="multiline" data-testid="compare-written">
          <MessageBarBody>
            <NoticeTitle>{written.ok ? "Changes written" : "The changes were not written"}</NoticeTitle>
            {written.ok ? written.message : written.reason}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

function Changes({ description }: { description: Extract<CompareOutcome, { ok: true }>["description"] }) {
  const styles = useStyles();
  return (
    <div data-testid="compare-changes">
      <Text as="p" weight="semibold">
        {description.heading}
      </Text>
      <Text as="p" className={styles.muted}>
        {description.unitLine}
      </Text>
      {description.noChanges !== null ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{description.noChanges}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <h3 className={styles.subheading}>In total</h3>
          <dl className={styles.totals}>
            {description.totals.map((t) => (
              <React.Fragment key={t.label}>
                <dt className={styles.term}>{t.label}</dt>
                <dd className={styles.figure}>{t.text}</dd>
              </React.Fragment>
            ))}
          </dl>
          {description.sections.map((section) => (
            <React.Fragment key={section.title}>
              <h3 className={styles.subheading}>{`${section.title} (${section.items.length})`}</h3>
              <ul className={styles.list}>
                {section.items.map((item, i) => (
                  <li key={i}>{item}</li>
                ))}
              </ul>
            </React.Fragment>
          ))}
          <Text as="p" className={styles.muted}>
            {description.unchanged}
          </Text>
        </>
      )}
    </div>
  );
}
