/**
 * What the trajectory chart draws, worked out without the chart library (so it is tested in Node):
 * the series (planned, actual and the target path) with their quarter labels, £ figures and
 * screen-reader text, the whole spending period on the x axis, and which quarters get a tick label.
 */
import { financialYearLabel } from "../core/text/financial-year";
import type { QuarterPoint, TargetYear } from "./vfm-data";
import { formatMoney } from "./format";

interface TrajectoryPoint {
  x: Date | number;
  y: number;
  /** "Q1 2026-27": the tooltip's heading and the start of the point's accessible text. */
  xAxisCalloutData: string;
  /** "£950,000". */
  yAxisCalloutData: string;
  callOutAccessibilityData: { ariaLabel: string };
}

export type SeriesKind = "actual" | "planned" | "target";

interface TrajectorySeries {
  kind: SeriesKind;
  legend: string;
  points: TrajectoryPoint[];
}

export interface Trajectory {
  /** Painted last-first by the chart: Actual first, so it lies over Planned where the two agree. */
  series: TrajectorySeries[];
  /** Quarter ends (or quarter numbers) of the x axis, first to last. */
  xValues: Array<Date | number>;
  /** The quarter label of each x value's time (Date) or number. */
  labels: Map<number, string>;
  /** Whether x is a date (every quarter's end known) or the quarter's position. */
  byDate: boolean;
  /** The chart's accessible title, with the whole target path in words. */
  title: string;
}

const QUARTER_ENDS = ["06-30", "09-30", "12-31", "03-31"];

function utcDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** "2026-06-30" -> "Q1 2026-27"; null for a date that is not a quarter's last day. */
export function quarterLabelOfEnd(iso: string): string | null {
  const match = /^(\d{4})-(\d{2}-\d{2})$/.exec(iso);
  if (!match) return null;
  const index = QUARTER_ENDS.indexOf(match[2]);
  if (index < 0) return null;
  const startYear = Number(match[1]) - (index === 3 ? 1 : 0);
  return `Q${index + 1} ${financialYearLabel(startYear)}`;
}

function quarterEndOf(startYear: number, quarter: number): string {
  return `${quarter === 4 ? startYear + 1 : startYear}-${QUARTER_ENDS[quarter - 1]}`;
}

/** Money in the tooltip and the accessible text: "£950,000", "£1,413.72m"; a workbook without a unit is in £. */
export function calloutMoney(value: number, unit: string | null): string {
  return formatMoney(value, unit ?? "£");
}

export function buildTrajectory(
  quarters: readonly QuarterPoint[],
  targetPath: readonly TargetYear[],
  target: number | null,
  unit: string | null,
): Trajectory {
  const byDate = quarters.length > 0 && quarters.every((q) => q.quarterEnd !== null);
  const labels = new Map<number, string>();
  const xKey = (x: Date | number) => (x instanceof Date ? x.getTime() : x);
  const point = (x: Date | number, label: string, y: number, legend: string): TrajectoryPoint => {
    labels.set(xKey(x), label);
    const money = calloutMoney(y, unit);
    return {
      x,
      y,
      xAxisCalloutData: label,
      yAxisCalloutData: money,
      callOutAccessibilityData: { ariaLabel: `${label}. ${legend}: ${money}.` },
    };
  };
  const reported = quarters.map((quarter, index) => {
    const label = (quarter.quarterEnd && quarterLabelOfEnd(quarter.quarterEnd)) || quarter.label;
    return { quarter, label, x: byDate ? utcDate(quarter.quarterEnd!) : index + 1 };
  });
  const seriesOf = (kind: SeriesKind, legend: string, value: (q: QuarterPoint) => number | null): TrajectorySeries => ({
    kind,
    legend,
    points: reported.flatMap((r) => {
      const y = value(r.quarter);
      return y === null || !Number.isFinite(y) ? [] : [point(r.x, r.label, y, legend)];
    }),
  });
  const series = [seriesOf("actual", "Actual", (q) => q.actual), seriesOf("planned", "Planned", (q) => q.trajectory)];

  let pathWords = "";
  if (byDate && targetPath.length > 0) {
    // The whole period, four quarters a year, whether reported yet or not: the target due by each
    // year's end, so the reader sees how far the plan still has to go.
    const legend = "Target by year end";
    const points = targetPath.flatMap((year) =>
      [1, 2, 3, 4].map((quarter) =>
        point(utcDate(quarterEndOf(year.startYear, quarter)), `Q${quarter} ${financialYearLabel(year.startYear)}`, year.due, legend),
      ),
    );
    series.push({ kind: "target", legend, points });
    pathWords = ` Target due by the end of ${targetPath.map((year) => `${financialYearLabel(year.startYear)}: ${calloutMoney(year.due, unit)}`).join("; ")}.`;
  } else if (target !== null && reported.length > 0) {
    const legend = "Target";
    const first = reported[0];
    const last = reported[reported.length - 1];
    series.push({
      kind: "target",
      legend,
      points: [point(first.x, first.label, target, legend), point(last.x, last.label, target, legend)],
    });
    pathWords = ` Target: ${calloutMoney(target, unit)}.`;
  }

  const times = new Map<number, Date | number>();
  for (const s of series) for (const p of s.points) times.set(xKey(p.x), p.x);
  const xValues = [...times.values()].sort((a, b) => xKey(a) - xKey(b));
  const title = `Quarterly trajectory${unit ? ` (${unit})` : ""}: planned against actual, with the target.${pathWords}`;
  return { series: series.filter((s) => s.points.length > 0), xValues, labels, byDate, title };
}

/**
 * The x values that get a label, so labels never overlap: all of them when they fit, else the first
 * quarter of each year and the last quarter of the period, else only the first and the last.
 * `room`: how many labels of "Q1 2026-27"'s width fit across the chart.
 */
export function tickValuesFor(trajectory: Trajectory, room: number): Array<Date | number> {
  const all = trajectory.xValues;
  if (all.length <= room) return all;
  const label = (x: Date | number) => trajectory.labels.get(x instanceof Date ? x.getTime() : x) ?? "";
  const yearStarts = all.filter((x, index) => index === 0 || label(x).startsWith("Q1 "));
  const withLast = yearStarts.includes(all[all.length - 1]) ? yearStarts : [...yearStarts, all[all.length - 1]];
  if (withLast.length <= room) return withLast;
  return [all[0], all[all.length - 1]];
}
