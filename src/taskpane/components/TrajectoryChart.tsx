/**
 * The quarterly trajectory as a line chart: planned against actual, with the target due by the end of
 * each year of the whole spending period (or, when the years are not known, the final target as a
 * level line). The series differ by more than colour: Actual is dashed with round markers, Planned
 * solid with square ones, the target dotted with triangles. Quarters read "Q1 2026-27" on the axis,
 * in the tooltip and in the screen-reader text, money "£950,000". Loaded with React.lazy so the chart
 * library stays out of the pane's first download.
 */
import * as React from "react";
import { LineChart } from "@fluentui/react-charts";
import type { LineChartPoints } from "@fluentui/react-charts";
import { tokens } from "@fluentui/react-components";
import type { QuarterPoint, TargetYear } from "../vfm-data";
import { formatCompactMoney } from "../format";
import { buildTrajectory, tickValuesFor } from "../trajectory";
import type { SeriesKind } from "../trajectory";

export interface TrajectoryChartProps {
  quarters: readonly QuarterPoint[];
  targetPath: readonly TargetYear[];
  target: number | null;
  unit: string | null;
}

const MARGINS = { left: 56, right: 36, top: 16, bottom: 36 };
/** Room one axis label takes, "Q1 2026-27" at the axis font with a gap. */
const LABEL_WIDTH = 76;

const STYLE: Record<SeriesKind, Pick<LineChartPoints, "color" | "lineOptions" | "hideNonActiveDots">> = {
  actual: { color: tokens.colorPaletteDarkOrangeForeground1, lineOptions: { strokeDasharray: "6 3", strokeWidth: 2 } },
  planned: { color: tokens.colorBrandForeground1, lineOptions: { strokeWidth: 4 } },
  target: { color: tokens.colorNeutralForeground3, lineOptions: { strokeDasharray: "2 3", strokeWidth: 2 }, hideNonActiveDots: true },
};

/** The chart's width, followed as the pane is resized. */
function useWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = React.useState(0);
  React.useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

export default function TrajectoryChart({ quarters, targetPath, target, unit }: TrajectoryChartProps) {
  const ref = React.useRef<HTMLDivElement>(null);
  const width = useWidth(ref);
  const trajectory = React.useMemo(() => buildTrajectory(quarters, targetPath, target, unit), [quarters, targetPath, target, unit]);
  const room = Math.max(2, Math.floor(((width || 320) - MARGINS.left - MARGINS.right) / LABEL_WIDTH));
  const lines: LineChartPoints[] = trajectory.series.map((series) => ({
    legend: series.legend,
    data: series.points,
    ...STYLE[series.kind],
  }));
  const label = (x: Date | number) => trajectory.labels.get(x instanceof Date ? x.getTime() : x) ?? String(x);
  return (
    <div ref={ref}>
      <LineChart
        data={{ chartTitle: trajectory.title, lineChartData: lines }}
        height={240}
        width={width || undefined}
        // The last quarter's label is centred on the chart's right edge: room for half of "Q4 2026-27".
        margins={MARGINS}
        allowMultipleShapesForPoints
        legendProps={{ allowFocusOnLegends: true, enabledWrapLines: true }}
        yAxisTickFormat={(value: number) => formatCompactMoney(value, unit)}
        customDateTimeFormatter={trajectory.byDate ? (date: Date) => label(date) : undefined}
        tickValues={tickValuesFor(trajectory, room) as Date[] | number[]}
        xAxisTitle={trajectory.byDate ? undefined : "Quarter number"}
        useUTC
      />
    </div>
  );
}
