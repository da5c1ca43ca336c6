import {
  judgeMeasure,
  judgeOnTrack,
  onTrackOf,
  riskAdjustedProfileValue,
  targetPath,
  verdictOnTrack,
  type OnTrackInput,
} from "../../../src/core/review/on-track";
import { analyse } from "../../../src/core/validate";
import { onTrack } from "../../../src/core/validate/rules/on-track";
import { cleanWith, clean } from "../validate/fixtures";
import { ruleTester } from "../validate/rule-tester";

/** £1,000,000 baseline 2007-08, 3% a year compound over 3 years: 30,000 / 60,900 / 92,727 by each year's end. */
function plan(overrides: Partial<OnTrackInput> = {}): OnTrackInput {
  return {
    baselineYear: 2007,
    targetYears: 3,
    baselineTotal: 1_000_000,
    rate: 0.03,
    method: "compound",
    reportingDate: "2009-10-31",
    quarters: [
      { quarter: { startYear: 2008, quarter: 4 }, trajectory: 30_000, actual: 30_000 },
      { quarter: { startYear: 2009, quarter: 1 }, trajectory: 37_725, actual: 37_725 },
      // Ends after the reporting date: not yet due, never judged.
      { quarter: { startYear: 2009, quarter: 3 }, trajectory: 53_175, actual: 0 },
    ],
    plannedByYear: new Map([
      [2008, 30_000],
      [2009, 60_900],
      [2010, 92_727],
    ]),
    plannedInTargetYear: 92_727,
    ...overrides,
  };
}

describe("target path", () => {
  it("is VFM.TARGET by each year's end, phased linearly by quarter within the year", () => {
    const path = targetPath(2007, [30_000, 60_900, 92_727]);
    expect(path.map((p) => [p.label, p.quarterEnd, p.due])).toEqual([
      ["Q1 2008-09", "2008-06-30", 7_500],
      ["Q2 2008-09", "2008-09-30", 15_000],
      ["Q3 2008-09", "2008-12-31", 22_500],
      ["Q4 2008-09", "2009-03-31", 30_000],
      ["Q1 2009-10", "2009-06-30", 37_725],
      ["Q2 2009-10", "2009-09-30", 45_450],
      ["Q3 2009-10", "2009-12-31", 53_175],
      ["Q4 2009-10", "2010-03-31", 60_900],
      ["Q1 2010-11", "2010-06-30", 68_856.75],
      ["Q2 2010-11", "2010-09-30", 76_813.5],
      ["Q3 2010-11", "2010-12-31", 84_770.25],
      ["Q4 2010-11", "2011-03-31", 92_727],
    ]);
  });

  it("covers the whole period whatever has been reported", () => {
    const judgement = judgeOnTrack(plan({ quarters: [] }))!;
    expect(judgement.path).toHaveLength(12);
    expect(judgement.yearTargets.map((y) => [y.label, y.due])).toEqual([
      ["2008-09", 30_000],
      ["2009-10", 60_900],
      ["2010-11", 92_727],
    ]);
    expect(judgement.target).toBe(92_727);
  });
});

describe("judgeMeasure", () => {
  it("decides the shares on exact decimals (0.1 x 3 is 0.3, not 0.30000000000000004)", () => {
    expect(judgeMeasure(0.3, 3, { onTrackShare: 0.1, atRiskShare: 0.05 }).status).toBe("on-track");
    expect(judgeMeasure(0.29, 3, { onTrackShare: 0.1, atRiskShare: 0.05 }).status).toBe("at-risk");
  });

  it("gives the shortfall exactly and none when the path is met", () => {
    expect(judgeMeasure(0.1, 0.3)).toEqual({ status: "off-track", amount: 0.1, due: 0.3, shortfall: 0.2, share: 1 / 3 });
    expect(judgeMeasure(40, 30)).toMatchObject({ status: "on-track", shortfall: 0 });
    expect(judgeMeasure(0, 0)).toMatchObject({ status: "on-track", share: 1 });
  });
});

describe("judgeOnTrack: plans built to be just on and just off track", () => {
  it("is on track exactly on the path", () => {
    const j = judgeOnTrack(plan())!;
    expect(j.status).toBe("on-track");
    expect(j.toDate).toMatchObject({ label: "Q1 2009-10", amount: 37_725, due: 37_725, shortfall: 0, trajectory: 37_725 });
    // 2008-09 is over at the reporting date, so only the years to come are judged on the plan.
    expect(j.plan.map((p) => p.label)).toEqual(["2009-10", "2010-11"]);
  });

  it("is at risk a penny short of the path to date", () => {
    const quarters = [{ quarter: { startYear: 2009, quarter: 1 as const }, trajectory: null, actual: 37_724.99 }];
    const j = judgeOnTrack(plan({ quarters }))!;
    expect(j).toMatchObject({ status: "at-risk", decidedBy: "to-date" });
    expect(j.toDate!.shortfall).toBe(0.01);
  });

  it("is at risk at exactly 90% of the path and off track a penny below", () => {
    const at = (actual: number) =>
      judgeOnTrack(plan({ quarters: [{ quarter: { startYear: 2009, quarter: 1 }, trajectory: null, actual }] }))!.status;
    expect(at(33_952.5)).toBe("at-risk");
    expect(at(33_952.49)).toBe("off-track");
  });

  it("is judged on the plan when a year to come falls short of its target", () => {
    const j = judgeOnTrack(
      plan({
        plannedByYear: new Map([
          [2009, 60_900],
          [2010, 92_726.99],
        ]),
      }),
    )!;
    expect(j).toMatchObject({ status: "at-risk", decidedBy: "plan" });
    expect(j.weakestPlanYear).toMatchObject({ label: "2010-11", amount: 92_726.99, due: 92_727, shortfall: 0.01 });
    const off = judgeOnTrack(
      plan({
        plannedByYear: new Map([
          [2009, 54_809.99],
          [2010, 92_727],
        ]),
      }),
    )!;
    expect(off).toMatchObject({ status: "off-track", decidedBy: "plan" });
    expect(off.weakestPlanYear!.label).toBe("2009-10");
  });

  it("without a profile judges the register's risk-adjusted cashable gains against the final target", () => {
    const j = judgeOnTrack(plan({ quarters: [], plannedByYear: new Map(), plannedInTargetYear: 92_727 }))!;
    expect(j.plan).toEqual([expect.objectContaining({ label: "2010-11", status: "on-track" })]);
    expect(judgeOnTrack(plan({ quarters: [], plannedByYear: new Map(), plannedInTargetYear: 83_454.29 }))!.status).toBe("off-track");
  });

  it("takes the thresholds it is given", () => {
    const quarters = [{ quarter: { startYear: 2009, quarter: 1 as const }, trajectory: null, actual: 30_000 }];
    expect(judgeOnTrack(plan({ quarters }))!.status).toBe("off-track");
    expect(judgeOnTrack(plan({ quarters, thresholds: { onTrackShare: 0.75, atRiskShare: 0.5 } }))!.status).toBe("on-track");
  });

  it("has nothing to judge without a target", () => {
    expect(judgeOnTrack(plan({ baselineTotal: 0 }))).toBeNull();
    expect(judgeOnTrack(plan({ rate: 0 }))).toBeNull();
    expect(judgeOnTrack(plan({ quarters: [], plannedByYear: new Map(), plannedInTargetYear: null }))).toBeNull();
  });
});

describe("riskAdjustedProfileValue", () => {
  it("discounts a positive year as the register discounts the gain, and never an investment year", () => {
    expect(riskAdjustedProfileValue(420, 420, 320)).toBe(320);
    expect(riskAdjustedProfileValue(210, 420, 320)).toBe(160);
    expect(riskAdjustedProfileValue(-300, 420, 320)).toBe(-300);
    expect(riskAdjustedProfileValue(100, null, null)).toBe(100);
  });
});

describe("on an analysed workbook", () => {
  // The fixture: baseline 138,898,574 (2007-08), reporting date 31/12/2009, actual at Q3 2009-10 on Quarterly!C8.
  // At a 0.1% rate the path at Q3 2009-10 is 138,898.574 + (277,936.046574 - 138,898.574) x 3/4 = 243,176.6784305.
  const lowRate = { settings: { targetRate: 0.001 } };

  it("reads the quarterly actuals and the profile", () => {
    const j = onTrackOf(analyse(clean(), { file: "t.xlsx" }))!;
    expect(j.toDate).toMatchObject({ label: "Q3 2009-10", amount: 2_741_035 });
    expect(j.plan.map((p) => p.label)).toEqual(["2009-10", "2010-11"]);
    expect(j.status).toBe("off-track");
  });

  it("judges an analysis once: the rule, the verdict and the pane get the same judgement", () => {
    const analysis = analyse(clean(), { file: "t.xlsx" });
    const first = onTrackOf(analysis);
    expect(onTrackOf(analysis)).toBe(first);
    // A fresh analysis of the same workbook is judged afresh, to the same figures.
    const again = onTrackOf(analyse(clean(), { file: "t.xlsx" }));
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it("is on track exactly on the path, at risk a penny short, off track below 90%", () => {
    const status = (actual: number) => onTrackOf(analyse(cleanWith({ "Quarterly!C8": actual }), { file: "t.xlsx", ...lowRate }))!.status;
    expect(status(243_176.6784305)).toBe("on-track");
    expect(status(243_176.67)).toBe("at-risk");
    expect(status(218_859.01058745)).toBe("at-risk");
    expect(status(218_859.01)).toBe("off-track");
  });

  it("takes the shares from the workbook's Settings table", () => {
    const model = cleanWith({
      "Quarterly!C8": 200_000,
      "Settings!A9": "On-track share",
      "Settings!B9": 0.8,
      "Settings!A10": "At-risk share",
      "Settings!B10": 0.5,
    });
    const j = onTrackOf(analyse(model, { file: "t.xlsx", ...lowRate }))!;
    expect(j.thresholds).toEqual({ onTrackShare: 0.8, atRiskShare: 0.5 });
    expect(j.status).toBe("on-track");
  });
});

ruleTester(onTrack, {
  valid: [
    {
      name: "no baseline, so no target to judge against",
      model: cleanWith({
        "Baseline!C2": null,
        "Baseline!C3": null,
        "Baseline!C4": null,
        "Baseline!C5": null,
        "Baseline!C6": null,
        "Baseline!C7": null,
        "Baseline!C8": null,
        "Baseline!C9": null,
        "Baseline!C10": null,
        "Baseline!C11": null,
      }),
    },
  ],
  invalid: [
    {
      name: "behind the path to date: placed on the latest quarter's Actual",
      model: clean(),
      errors: [
        {
          sheet: "Quarterly",
          cell: "C8",
          message: /^Off track: actual gains of £2,741,035 by the end of Q3 2009-10 against .* due on the target path/,
          messageId: "judgement",
          data: {
            status: "Off track",
            measures:
              "actual gains of £2,741,035 by the end of Q3 2009-10 against £7,385,931.67 due on the target path (37.1%), short by £4,644,896.67; the plan counts on £2,326,884.24 of risk-adjusted cashable gains in its weakest year, 2009-10, against £8,458,923.16 due by that year's end (27.5%), short by £6,132,038.92",
            onTrackShare: "100%",
            atRiskShare: "90%",
          },
        },
      ],
    },
    {
      name: "on track: still reported, with its figures",
      model: cleanWith({ "Quarterly!C8": 243_176.6784305 }),
      options: { settings: { targetRate: 0.001 } },
      errors: [
        {
          sheet: "Quarterly",
          cell: "C8",
          message:
            /^On track: actual gains of £243,176.68 by the end of Q3 2009-10 against £243,176.68 due on the target path \(100%\); the plan/,
          messageId: "judgement",
          data: {
            status: "On track",
            measures:
              "actual gains of £243,176.68 by the end of Q3 2009-10 against £243,176.68 due on the target path (100%); the plan counts on £2,326,884.24 of risk-adjusted cashable gains in its weakest year, 2009-10, against £277,936.05 due by that year's end (837.2%)",
            onTrackShare: "100%",
            atRiskShare: "90%",
          },
        },
      ],
    },
    {
      name: "a year to come short of its target: placed on that profile year",
      model: cleanWith({ "Quarterly!C8": 5_000_000 }),
      options: { settings: { targetRate: 0.01 } },
      errors: [
        {
          sheet: "Profile",
          cell: "C2:C6",
          message:
            /^Off track: actual gains of £5,000,000 .*\(\d+(\.\d)?%\); the plan counts on £2,326,884.24 of risk-adjusted cashable gains in its weakest year, 2009-10/,
          messageId: "judgement",
          data: {
            status: "Off track",
            measures:
              "actual gains of £5,000,000 by the end of Q3 2009-10 against £2,441,142.44 due on the target path (204.8%); the plan counts on £2,326,884.24 of risk-adjusted cashable gains in its weakest year, 2009-10, against £2,791,861.34 due by that year's end (83.3%), short by £464,977.10",
            onTrackShare: "100%",
            atRiskShare: "90%",
          },
        },
      ],
    },
  ],
});

describe("verdictOnTrack", () => {
  it("gives the verdict's status, one-line reason in the workbook's unit and shortfall", () => {
    const j = judgeOnTrack(plan({ quarters: [{ quarter: { startYear: 2009, quarter: 1 }, trajectory: null, actual: 30_000 }] }))!;
    expect(verdictOnTrack(j, "£k")).toEqual({
      status: "off-track",
      reason: "Off track: £30,000k delivered by Q1 2009-10 against £37,725k due on the target path (79.5%), £7,725k short.",
      shortfall: 7_725,
    });
    expect(verdictOnTrack(null, "£")).toBeNull();
  });
});
