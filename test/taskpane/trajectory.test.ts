/** What the trajectory chart draws (src/taskpane/trajectory.ts, #11): labels, £ figures, the whole target path, ticks that fit. */
import { buildTrajectory, calloutMoney, quarterLabelOfEnd, tickValuesFor } from "../../src/taskpane/trajectory";
import type { QuarterPoint } from "../../src/taskpane/vfm-data";

const QUARTERS: QuarterPoint[] = [
  { label: "2026-27 Q1", quarterEnd: "2026-06-30", trajectory: 900000, actual: 950000, targetByYearEnd: 12360000 },
  { label: "Q2 2026-27", quarterEnd: "2026-09-30", trajectory: 2100000, actual: 2050000, targetByYearEnd: 12360000 },
];
const PATH = [
  { startYear: 2026, due: 12360000 },
  { startYear: 2027, due: 25090800 },
  { startYear: 2028, due: 38203524 },
];

describe("the trajectory chart's data", () => {
  const trajectory = buildTrajectory(QUARTERS, PATH, 38203524, "£");
  const series = (kind: string) => trajectory.series.find((s) => s.kind === kind)!;

  test("quarters read 'Q1 2026-27' in the tooltip and the accessible text, money '£950,000', never a date or a bare number", () => {
    const first = series("actual").points[0];
    expect(first.xAxisCalloutData).toBe("Q1 2026-27");
    expect(first.yAxisCalloutData).toBe("£950,000");
    expect(first.callOutAccessibilityData.ariaLabel).toBe("Q1 2026-27. Actual: £950,000.");
    expect(series("planned").points[1].callOutAccessibilityData.ariaLabel).toBe("Q2 2026-27. Planned: £2,100,000.");
    for (const s of trajectory.series)
      for (const p of s.points) expect(p.callOutAccessibilityData.ariaLabel).not.toMatch(/GMT|UTC|\d{2}\/\d{2}\/\d{4}|: \d/);
  });

  test("the axis labels quarters the same way", () => {
    expect(trajectory.labels.get(Date.UTC(2026, 5, 30))).toBe("Q1 2026-27");
    expect(quarterLabelOfEnd("2027-03-31")).toBe("Q4 2026-27");
    expect(quarterLabelOfEnd("2026-07-01")).toBeNull();
  });

  test("the target path covers the whole period, not only the quarters reported so far", () => {
    const target = series("target").points;
    expect(target).toHaveLength(12);
    expect(target[0].xAxisCalloutData).toBe("Q1 2026-27");
    expect(target[11]).toMatchObject({ xAxisCalloutData: "Q4 2028-29", y: 38203524, yAxisCalloutData: "£38,203,524" });
    expect(trajectory.xValues).toHaveLength(12);
    expect(trajectory.title).toContain("Target due by the end of 2026-27: £12,360,000; 2027-28: £25,090,800; 2028-29: £38,203,524.");
  });

  test("Actual comes first, so the chart paints it over Planned", () => {
    expect(trajectory.series.map((s) => s.kind)).toEqual(["actual", "planned", "target"]);
  });

  test("axis labels never crowd: all when they fit, else each year's first quarter and the period's end, else the ends", () => {
    const label = (x: Date | number) => trajectory.labels.get((x as Date).getTime());
    expect(tickValuesFor(trajectory, 12)).toHaveLength(12);
    expect(tickValuesFor(trajectory, 4).map(label)).toEqual(["Q1 2026-27", "Q1 2027-28", "Q1 2028-29", "Q4 2028-29"]);
    expect(tickValuesFor(trajectory, 2).map(label)).toEqual(["Q1 2026-27", "Q4 2028-29"]);
  });

  test("without known quarter ends, the final target is a level line over the quarters reported", () => {
    const undated = QUARTERS.map((q) => ({ ...q, quarterEnd: null }));
    const level = buildTrajectory(undated, PATH, 38203524, "£m");
    expect(level.byDate).toBe(false);
    const target = level.series.find((s) => s.kind === "target")!;
    expect(target.points.map((p) => [p.x, p.y])).toEqual([
      [1, 38203524],
      [2, 38203524],
    ]);
    expect(target.points[0].xAxisCalloutData).toBe("2026-27 Q1");
    expect(calloutMoney(1413.715842, "£m")).toBe("£1,413.72m");
    expect(calloutMoney(950000, null)).toBe("£950,000");
  });
});
