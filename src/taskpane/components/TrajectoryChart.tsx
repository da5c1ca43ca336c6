/**
 * The quarterly trajectory as a line chart: planned against actual, with the target due by the end of
 * each quarter's financial year (or, when the years are not known, the final target as a level line).
 * Loaded with React.lazy so the chart library stays out of the pane's first download.
 */
import { LineChart } from "@fluentui/react-charts";
import type { LineChartPoints } from "@fluentui/react-charts";
import { tokens } from "@fluentui/react-components";
import type { QuarterPoint } from "../vfm-data";
import { formatCompactMoney } from "../format";

export interface TrajectoryChartProps {
  quarters: readonly QuarterPoint[];
  target: number | null;
  unit: string | null;
}

function quarterDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

export default function TrajectoryChart({ quarters, target, unit }: TrajectoryChartProps) {
  const byDate = quarters.every((q) => q.quarterEnd !== null);
  const labelByTime = new Map<number, string>();
  const xOf = (quarter: QuarterPoint, index: number): Date | number => {
    if (!byDate) return index + 1;
    const date = quarterDate(quarter.quarterEnd!);
    labelByTime.set(date.getTime(), quarter.label);
    return date;
  };
  const points = quarters.map((quarter, index) => ({ quarter, x: xOf(quarter, index) }));
  const series = (values: Array<{ x: Date | number; y: number | null }>) =>
    values.filter((p): p is { x: Date | number; y: number } => p.y !== null && Number.isFinite(p.y)).map((p) => ({ x: p.x, y: p.y }));

  // The chart paints its series in reverse order (the first one last, on top), so Actual comes first:
  // where actual runs along the plan it stays visible instead of hiding under the planned line.
  const lines: LineChartPoints[] = [
    {
      legend: "Actual",
      color: tokens.colorPaletteDarkOrangeForeground1,
      lineOptions: { strokeDasharray: "6 3" },
      data: series(points.map((p) => ({ x: p.x, y: p.quarter.actual }))),
    },
    { legend: "Planned", color: tokens.colorBrandForeground1, data: series(points.map((p) => ({ x: p.x, y: p.quarter.trajectory }))) },
  ];
  const yearEndPath = series(points.map((p) => ({ x: p.x, y: p.quarter.targetByYearEnd })));
  if (yearEndPath.length > 0) {
    // The target due by each year's end (CSR07: 3%, 6.09%, 9.27%), not only the final one: the plan
    // is judged against what is due in the year it reports, and stays readable beside it.
    lines.push({
      legend: "Target by year end",
      color: tokens.colorNeutralForeground3,
      lineOptions: { strokeDasharray: "2 3" },
      hideNonActiveDots: true,
      data: yearEndPath,
    });
  } else if (target !== null && points.length > 0) {
    lines.push({
      legend: "Target",
      color: tokens.colorNeutralForeground3,
      lineOptions: { strokeDasharray: "2 3" },
      hideNonActiveDots: true,
      data: [
        { x: points[0].x, y: target },
        { x: points[points.length - 1].x, y: target },
      ],
    });
  }
  const title = `Quarterly trajectory${unit ? ` (${unit})` : ""}: planned against actual, with the target`;
  return (
    <LineChart
      data={{ chartTitle: title, lineChartData: lines.filter((line) => line.data.length > 0) }}
      height={240}
      // The last quarter's label is centred on the chart's right edge: room for half of "Q4 2026-27".
      margins={{ left: 56, right: 36, top: 16, bottom: 36 }}
      legendProps={{ allowFocusOnLegends: true }}
      yAxisTickFormat={(value: number) => formatCompactMoney(value, unit)}
      customDateTimeFormatter={byDate ? (date: Date) => labelByTime.get(date.getTime()) ?? date.toISOString().slice(0, 10) : undefined}
      tickValues={byDate ? points.map((p) => p.x as Date) : points.map((p) => p.x as number)}
      xAxisTitle={byDate ? undefined : "Quarter number"}
      useUTC
    />
  );
}
