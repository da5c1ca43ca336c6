/**
 * The standalone page's roll-up over several returns (several files, a drop of many, or a folder):
 * each is read and checked in the background (batch.ts) with progress and Stop, then consolidate()
 * (core/review/consolidate.ts, the same roll-up as `vfm consolidate`) gives the totals shown here:
 * how many returns pass, the amounts across them in £, and one row per return, with the reason for
 * any that could not be read, against the overall target the reviewer states (rollup-target.ts, the
 * same choices as `vfm consolidate --overall-target / --target-rate`). The page keeps the rows and the
 * target (props), so coming back from one return shows the roll-up again without checking anything
 * again. Loaded as its own chunk, only when several files are opened.
 */
import * as React from "react";
import { Button, makeStyles, ProgressBar, Text, tokens } from "@fluentui/react-components";
import { pounds, type ConsolidatedReturn } from "../core/review/consolidate";
import { overallFigures, overallLines } from "../core/review/consolidate-report";
import { ON_TRACK_WORDS } from "../core/review/on-track";
import { totalsLine, verdictWord } from "../core/review/verdict";
import { formatPercent, plural } from "../taskpane/format";
import { checkReturns, STOPPED_REASON, type BatchProgress, type ReturnFile } from "./batch";
import { OverallTargetForm } from "./OverallTargetForm";
import { NO_TARGET, rollUp, type TargetChoice } from "./rollup-target";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300 },
  progress: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  controls: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  figures: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
  tableWrap: { overflowX: "auto" },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200, fontVariantNumeric: "tabular-nums" },
  th: {
    textAlign: "left",
    verticalAlign: "bottom",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  td: {
    verticalAlign: "top",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  number: { textAlign: "right", whiteSpace: "nowrap" },
  reason: { color: tokens.colorNeutralForeground2 },
  line: { margin: 0 },
});

/** A finished run over the files: one row per file, and whether the reviewer stopped it. */
export interface BatchChecked {
  rows: ConsolidatedReturn[];
  stopped: boolean;
}

export interface BatchViewProps {
  files: readonly ReturnFile[];
  /** The rows of an earlier run over these files (back from one return): shown at once, nothing checked again. */
  checked?: BatchChecked | null;
  /** Told when the run ends, so the page can keep the rows. */
  onChecked?: (checked: BatchChecked) => void;
  /** The overall target applied (default none), and told when the reviewer applies another. */
  target?: TargetChoice;
  onTarget?: (target: TargetChoice) => void;
  /** Opens one return on its own in the pane (its findings, Go to cell). */
  onOpen?: (index: number) => void;
  /** The return whose Open button takes focus when the roll-up is shown (the one the reviewer came back from). */
  focusReturn?: number | null;
}

type RunState = { status: "running"; progress: BatchProgress; rows: ConsolidatedReturn[] } | ({ status: "done" } & BatchChecked);

/** Pounds as the board pack writes them (whole pounds, or to the penny when there are pence). */
const money = (value: number | null) => (value === null ? "–" : pounds(value));
const share = (value: number | null) => (value === null || !Number.isFinite(value) ? "–" : formatPercent(value));

function onTrackWord(row: ConsolidatedReturn): string {
  if (!row.onTrack) return "–";
  return row.onTrack.status === "on-track" ? "on track" : row.onTrack.status === "at-risk" ? "at risk" : "off track";
}

export default function BatchView({ files, checked, onChecked, target = NO_TARGET, onTarget, onOpen, focusReturn }: BatchViewProps) {
  const styles = useStyles();
  const [state, setState] = React.useState<RunState>(() =>
    checked ? { status: "done", ...checked } : { status: "running", progress: { done: 0, total: files.length, current: null }, rows: [] },
  );
  const [applied, setApplied] = React.useState<TargetChoice>(target);
  const controllerRef = React.useRef<AbortController | null>(null);
  // Read once: rows handed back by the page mean these files are checked already.
  const alreadyChecked = React.useRef(checked != null);
  const onCheckedRef = React.useRef(onChecked);
  onCheckedRef.current = onChecked;

  React.useEffect(() => {
    if (alreadyChecked.current) return;
    const controller = new AbortController();
    controllerRef.current = controller;
    const rows: ConsolidatedReturn[] = [];
    checkReturns(files, {
      signal: controller.signal,
      onProgress: (progress) => {
        if (controllerRef.current === controller) setState({ status: "running", progress, rows: [...rows] });
      },
      onReturn: (row) => rows.push(row),
    }).then(
      (all) => {
        if (controllerRef.current !== controller && !controller.signal.aborted) return;
        const done = { rows: all, stopped: controller.signal.aborted };
        setState({ status: "done", ...done });
        onCheckedRef.current?.(done);
      },
      () => undefined,
    );
    return () => {
      if (controllerRef.current === controller) controllerRef.current = null;
      controller.abort();
    };
  }, [files]);

  if (state.status === "running") {
    const { done, total, current } = state.progress;
    const text = `Checked ${done} of ${plural(total, "return", "returns")}${current ? `. Now reading and checking ${current}` : ""}`;
    return (
      <section className={styles.section} aria-labelledby="batch-heading" data-testid="batch">
        <h2 id="batch-heading" className={styles.heading}>
          Roll-up of {plural(total, "return", "returns")}
        </h2>
        <div className={styles.progress} data-testid="batch-progress">
          <ProgressBar value={done} max={Math.max(1, total)} thickness="large" aria-label={text} aria-valuetext={text} />
          <Text role="status">{text}</Text>
        </div>
        <div className={styles.controls}>
          <Button appearance="secondary" onClick={() => controllerRef.current?.abort()}>
            Stop
          </Button>
          <Text size={200}>Stop keeps the returns checked so far and lists the rest as not checked.</Text>
        </div>
      </section>
    );
  }

  return (
    <DoneView
      rows={state.rows}
      stopped={state.stopped}
      target={applied}
      onTarget={(choice) => {
        setApplied(choice);
        onTarget?.(choice);
      }}
      onOpen={onOpen}
      focusReturn={focusReturn}
    />
  );
}

function DoneView({
  rows,
  stopped,
  target,
  onTarget,
  onOpen,
  focusReturn,
}: BatchChecked & { target: TargetChoice; onTarget: (choice: TargetChoice) => void } & Pick<BatchViewProps, "onOpen" | "focusReturn">) {
  const styles = useStyles();
  const { consolidation, problem } = React.useMemo(() => rollUp(rows, target), [rows, target]);
  const { totals, returns, overall } = consolidation;
  const openButtons = React.useRef(new Map<number, HTMLButtonElement>());
  React.useEffect(() => {
    if (focusReturn != null) openButtons.current.get(focusReturn)?.focus();
  }, [focusReturn]);
  const unread = returns.filter((r) => r.status === "unreadable" || (r.status === "not-checked" && r.reason !== STOPPED_REASON));
  return (
    <section className={styles.section} aria-labelledby="batch-heading" data-testid="batch">
      <h2 id="batch-heading" className={styles.heading} tabIndex={-1}>
        Roll-up of {plural(totals.files, "return", "returns")}
      </h2>
      <Text role="status" data-testid="batch-totals">
        {stopped ? "Stopped. " : ""}
        {totalsLine(totals)}.
      </Text>
      <OverallTargetForm applied={target} problem={problem} onApply={onTarget} />
      {overall && (
        <div data-testid="batch-overall">
          <h3 className={styles.subheading}>Against the overall target</h3>
          <Text block role="status" data-testid="batch-overall-status">
            The returns together are <strong data-on-track={overall.status}>{ON_TRACK_WORDS[overall.status]}</strong> against the overall
            target.
          </Text>
          <dl className={styles.figures}>
            {overallFigures(consolidation).map(([term, value]) => (
              <React.Fragment key={term}>
                <dt className={styles.term}>{term}</dt>
                <dd className={styles.value}>{value}</dd>
              </React.Fragment>
            ))}
          </dl>
          {overallLines(consolidation).map((line) => (
            <p key={line} className={styles.line}>
              {line}
            </p>
          ))}
        </div>
      )}
      <dl className={styles.figures} data-testid="batch-figures">
        <dt className={styles.term}>Returns counted in the amounts</dt>
        <dd className={styles.value}>{totals.counted}</dd>
        <dt className={styles.term}>Baselines added up</dt>
        <dd className={styles.value}>{money(totals.baseline)}</dd>
        <dt className={styles.term}>Targets added up (VFM.TARGET)</dt>
        <dd className={styles.value}>{money(totals.target)}</dd>
        <dt className={styles.term}>Risk-adjusted cashable gains</dt>
        <dd className={styles.value}>{money(totals.riskAdjustedCashable)}</dd>
        <dt className={styles.term}>Progress against the targets</dt>
        <dd className={styles.value}>{share(totals.progress)}</dd>
        <dt className={styles.term}>On track / at risk / off track / not judged</dt>
        <dd className={styles.value}>
          {totals.onTrack} / {totals.atRisk} / {totals.offTrack} / {totals.notJudged}
        </dd>
      </dl>
      {unread.length > 0 && (
        <div data-testid="batch-unreadable">
          <h3 className={styles.subheading}>Not read or not checked</h3>
          <ul>
            {unread.map((r) => (
              <li key={r.file}>
                <strong>{r.file}</strong>: {r.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {totals.planned.length > 0 && (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className={styles.subheading}>Planned and achieved risk-adjusted cashable gains by year, all returns (£)</caption>
            <thead>
              <tr>
                <th scope="col" className={styles.th}>
                  Year
                </th>
                <th scope="col" className={styles.th}>
                  Planned
                </th>
                <th scope="col" className={styles.th}>
                  Achieved (latest quarter reported)
                </th>
              </tr>
            </thead>
            <tbody>
              {totals.planned.map((year) => {
                const achieved = totals.achieved.find((a) => a.year === year.year);
                return (
                  <tr key={year.year}>
                    <th scope="row" className={styles.td}>
                      {year.label}
                    </th>
                    <td className={`${styles.td} ${styles.number}`}>{money(year.amount)}</td>
                    <td className={`${styles.td} ${styles.number}`}>
                      {achieved ? `${money(achieved.amount)} (${plural(achieved.returns, "return", "returns")})` : "–"}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <div className={styles.tableWrap}>
        <table className={styles.table} data-testid="batch-returns">
          <caption className={styles.subheading}>Each return (amounts in £, whatever unit the return is kept in)</caption>
          <thead>
            <tr>
              {["Return", "Verdict", "Errors", "Warnings", "Target", "Gains", "Progress", "On track"].map((heading) => (
                <th key={heading} scope="col" className={styles.th}>
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {returns.map((row, index) => {
              const checked = row.status === "checked" || row.status === "not-vfm";
              return (
                <tr key={row.file} data-return={row.file} data-verdict={verdictWord(row.verdict)}>
                  <th scope="row" className={styles.td}>
                    {row.body}
                    {row.body !== row.file && (
                      <Text size={200} block className={styles.reason}>
                        {row.file}
                      </Text>
                    )}
                    {onOpen && checked && (
                      <Button
                        size="small"
                        appearance="subtle"
                        ref={(button: HTMLButtonElement | null) => {
                          if (button) openButtons.current.set(index, button);
                          else openButtons.current.delete(index);
                        }}
                        onClick={() => onOpen(index)}
                        aria-label={`Open ${row.file} on its own`}
                      >
                        Open
                      </Button>
                    )}
                  </th>
                  <td className={styles.td}>
                    {verdictWord(row.verdict)}
                    {row.reason && (
                      <Text size={200} block className={styles.reason}>
                        {row.reason}
                      </Text>
                    )}
                  </td>
                  <td className={`${styles.td} ${styles.number}`}>{checked ? row.verdict.errors : "–"}</td>
                  <td className={`${styles.td} ${styles.number}`}>{checked ? row.verdict.warnings : "–"}</td>
                  <td className={`${styles.td} ${styles.number}`}>{money(row.target)}</td>
                  <td className={`${styles.td} ${styles.number}`}>{money(row.riskAdjustedCashable)}</td>
                  <td className={`${styles.td} ${styles.number}`}>{share(row.progress)}</td>
                  <td className={styles.td}>{onTrackWord(row)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
