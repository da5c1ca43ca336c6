/** Progress against VFM.TARGET: the figures, a percentage, the quarterly chart and the same figures as a table. */
import * as React from "react";
import { MessageBar, MessageBarBody, ProgressBar, Spinner, makeStyles, tokens, Text } from "@fluentui/react-components";
import { financialYearLabel } from "../../core/text/financial-year";
import type { PaneVfmData } from "../vfm-data";
import { formatMoney, formatPercent } from "../format";
import { panelHeadingStyle, panelStyle } from "./layout";
import { NoticeTitle } from "./NoticeTitle";

const TrajectoryChart = React.lazy(() => import(/* webpackChunkName: "chart" */ "./TrajectoryChart"));

const useStyles = makeStyles({
  section: {
    ...panelStyle,
  },
  heading: panelHeadingStyle,
  // The terms wrap and the figures never do: at 320 px "£38,203,524" must not break after the comma.
  figures: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums", textAlign: "right", whiteSpace: "nowrap" },
  progressText: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  chart: { minHeight: "240px", width: "100%" },
  tableWrap: { overflowX: "auto" },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200, fontVariantNumeric: "tabular-nums" },
  // Headers wrap between words, never inside one ("Planne / d").
  th: {
    textAlign: "left",
    verticalAlign: "bottom",
    overflowWrap: "normal",
    wordBreak: "normal",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
  },
  // Figures never break inside a number ("2,100,0 / 00"): the table scrolls before a figure wraps.
  num: {
    textAlign: "right",
    whiteSpace: "nowrap",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  word: { whiteSpace: "nowrap" },
  path: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalL,
    margin: 0,
    padding: 0,
    listStyleType: "none",
    fontSize: tokens.fontSizeBase200,
    fontVariantNumeric: "tabular-nums",
  },
  td: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** "Q1 2026-27" may wrap between its words, never at the year's hyphen. */
function Words({ text, className }: { text: string; className: string }) {
  const words = text.split(" ");
  return (
    <>
      {words.map((word, index) => (
        <React.Fragment key={index}>
          {index > 0 && " "}
          <span className={className}>{word}</span>
        </React.Fragment>
      ))}
    </>
  );
}

function money(value: number | null, unit: string | null): string {
  return value === null || !Number.isFinite(value) ? "—" : formatMoney(value, unit);
}

class ChartBoundary extends React.Component<{ children: React.ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <Text>The chart could not be drawn; the table below holds the same figures.</Text> : this.props.children;
  }
}

export function TargetPanel({ data }: { data: PaneVfmData }) {
  const styles = useStyles();
  const { target, unit, quarters } = data;
  const hasYearEndTargets = quarters.some((quarter) => quarter.targetByYearEnd !== null);
  return (
    <section className={styles.section} aria-labelledby="vfm-target-heading" data-testid="target-panel">
      <h2 id="vfm-target-heading" className={styles.heading}>
        {`Progress against the target${data.targetYear ? ` for ${data.targetYear}` : ""}`}
      </h2>
      {target ? (
        <>
          <dl className={styles.figures}>
            <dt className={styles.term}>Target (VFM.TARGET)</dt>
            <dd className={styles.value}>{formatMoney(target.value, unit)}</dd>
            <dt className={styles.term}>Risk-adjusted cashable net gains</dt>
            <dd className={styles.value}>{formatMoney(target.riskAdjustedCashable, unit)}</dd>
            <dt className={styles.term}>Progress</dt>
            <dd className={`${styles.value} ${styles.progressText}`}>{formatPercent(target.progress)}</dd>
          </dl>
          {data.onTrack && (
            <Text as="p" block data-testid="on-track" data-status={data.onTrack.status} style={{ margin: 0 }}>
              {data.onTrack.text}
            </Text>
          )}
          <ProgressBar
            value={Math.max(0, Math.min(1, target.progress))}
            thickness="large"
            color={target.progress >= 1 ? "success" : "brand"}
            aria-label={`Progress against the target: ${formatPercent(target.progress)}`}
          />
        </>
      ) : data.targetNotMeasurable ? (
        <Text className={styles.muted} data-testid="target-not-measurable">
          {`The target cannot be measured: ${data.targetNotMeasurable}`}
        </Text>
      ) : (
        <Text className={styles.muted}>
          The workbook does not hold enough to work out the target: the Settings table needs the baseline, target rate and number of years.
        </Text>
      )}
      {data.forecastNotes.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="forecast-note">
          <MessageBarBody>
            <NoticeTitle>Figures resting on a forecast</NoticeTitle>
            {data.forecastNotes.join(" ")} Forecast years of a deflator series are projections, not outturn, and change with each new
            vintage.
          </MessageBarBody>
        </MessageBar>
      )}
      {quarters.length > 0 ? (
        <>
          <div className={styles.chart}>
            <ChartBoundary>
              <React.Suspense fallback={<Spinner size="small" label="Loading the chart…" />}>
                <TrajectoryChart quarters={quarters} targetPath={data.targetPath} target={target ? target.value : null} unit={unit} />
              </React.Suspense>
            </ChartBoundary>
          </div>
          <div className={styles.tableWrap}>
            <table className={styles.table}>
              <caption className={styles.muted} style={{ textAlign: "left" }}>
                {`Quarterly trajectory${unit ? ` (${unit})` : ""}`}
              </caption>
              <thead>
                <tr>
                  <th scope="col" className={styles.th}>
                    Quarter
                  </th>
                  <th scope="col" className={styles.th} style={{ textAlign: "right" }}>
                    Planned
                  </th>
                  <th scope="col" className={styles.th} style={{ textAlign: "right" }}>
                    Actual
                  </th>
                  {hasYearEndTargets && (
                    <th scope="col" className={styles.th} style={{ textAlign: "right" }}>
                      Target by year end
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {quarters.map((quarter, index) => (
                  <tr key={`${quarter.label}-${index}`}>
                    <th scope="row" className={styles.td} style={{ fontWeight: "normal", textAlign: "left" }}>
                      <Words text={quarter.label} className={styles.word} />
                    </th>
                    <td className={styles.num}>{money(quarter.trajectory, null)}</td>
                    <td className={styles.num}>{money(quarter.actual, null)}</td>
                    {hasYearEndTargets && <td className={styles.num}>{money(quarter.targetByYearEnd, null)}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {data.targetPath.length > 0 && (
            <div data-testid="target-path">
              <Text className={styles.muted} size={200}>
                {`The whole target path, due by the end of each year${unit ? ` (${unit})` : ""}:`}
              </Text>
              <ul className={styles.path}>
                {data.targetPath.map((year) => (
                  <li key={year.startYear}>
                    <span className={styles.word}>{financialYearLabel(year.startYear)}</span>
                    {": "}
                    <span className={styles.word}>{money(year.due, null)}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      ) : (
        <Text className={styles.muted}>The workbook has no quarterly rows yet, so there is no trajectory to draw.</Text>
      )}
    </section>
  );
}
