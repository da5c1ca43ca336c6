import { judgeOnTrack } from "../../src/core/review/on-track";
import { onTrackLine } from "../../src/taskpane/check-model";

const base = {
  baselineYear: 2007,
  targetYears: 3,
  baselineTotal: 1_000_000,
  rate: 0.03,
  method: "compound" as const,
  reportingDate: "2009-10-31",
  plannedInTargetYear: null,
};

describe("the target panel's on-track line", () => {
  test("names the plan year when the plan decides it", () => {
    const judgement = judgeOnTrack({
      ...base,
      quarters: [{ quarter: { startYear: 2009, quarter: 1 }, trajectory: null, actual: 40_000 }],
      plannedByYear: new Map([
        [2009, 60_900],
        [2010, 50_000],
      ]),
    })!;
    expect(onTrackLine(judgement, "£k")).toEqual({
      status: "off-track",
      text: "Off track: the plan counts on £50,000k in 2010-11 against £92,727k due by that year's end (53.9%), £42,727k short.",
    });
  });

  test("gives no shortfall when the path is met", () => {
    const judgement = judgeOnTrack({
      ...base,
      quarters: [{ quarter: { startYear: 2009, quarter: 1 }, trajectory: null, actual: 40_000 }],
      plannedByYear: new Map(),
    })!;
    expect(onTrackLine(judgement, "£").text).toBe(
      "On track: £40,000 delivered by Q1 2009-10 against £37,725 due on the target path (106%).",
    );
  });
});
