/**
 * Kingsbridge Constabulary (fictional): a force's quarterly return "Q2 return 2012-13" to its Police
 * and Crime Panel, everything on one sheet in numbered blocks, amounts in £m to three decimals: a
 * title block ("position at 30 September 2012", "£m, cash prices"), 1. the 2010-11 outturn baseline
 * with its Total, 2. the savings plan with a one-row header whose cells carry the year and unit
 * ("Saving 2012/13 £m", "Net 2013-14", "Risk adjusted 2013-14 £m"), confidence percentages, a Total
 * row and a small summary set against the target, 3. the tracker by quarter ("Qtr", "Quarter
 * ending", "Trajectory", "Achieved"), 4. re-investment, 5. key milestones, then dated "Published in"
 * notes; a Benchmarking sheet with a "Measure" block. Written with exceljs, re-saved by LibreOffice.
 */
import { Expectations, FMT, addSheet, date, exceljsFixture, fx, sum, workbook, type BuiltFixture } from "./build";

const RETURN = "Q2 return 2012-13";
const BENCH = "Benchmarking";
const M3 = "#,##0.000;[Red]-#,##0.000";

interface Gain {
  ref: string;
  workstream: string;
  initiative: string;
  type: "Cashable" | "Non-cashable";
  code: string;
  subjective: string;
  evidence: string;
  gross: [number, number, number];
  costs: [number, number, number];
  confidence: number;
  re: readonly [string, string];
  impact: string;
  owner: string;
  reviewed: string;
}

const NPT = ["Neighbourhood policing", "Police and Crime Plan 2013-17"] as const;
const MTFP = ["Balancing the 2013-14 budget", "Medium Term Financial Plan 2012-16"] as const;
const CAP = ["Capital programme: mobile data", "Capital strategy 2012-16"] as const;

const GAINS: Gain[] = [
  {
    ref: "K01",
    workstream: "Collaboration",
    initiative: "Regional major crime unit with Northfield",
    type: "Cashable",
    code: "4110",
    subjective: "Police officer pay",
    evidence: "s22A collaboration agreement",
    gross: [0.4, 0.95, 1.25],
    costs: [0.3, 0.1, 0],
    confidence: 0.75,
    re: NPT,
    impact: "No reduction: same investigative capacity",
    owner: "ACC Crime",
    reviewed: "2012-09-14",
  },
  {
    ref: "K02",
    workstream: "Workforce",
    initiative: "Civilianise custody and enquiry office posts",
    type: "Cashable",
    code: "4210",
    subjective: "Police staff pay",
    evidence: "Workforce plan 2011, Chief Officer Group 04/2011",
    gross: [0.6, 1.1, 1.4],
    costs: [0.05, 0, 0],
    confidence: 1,
    re: NPT,
    impact: "Officers returned to patrol",
    owner: "Director of HR",
    reviewed: "2012-09-14",
  },
  {
    ref: "K03",
    workstream: "Estates",
    initiative: "Dispose of Harbour Road station",
    type: "Cashable",
    code: "5110",
    subjective: "Premises",
    evidence: "Estates strategy 2011-15",
    gross: [0, 0.18, 0.24],
    costs: [0, 0.06, 0],
    confidence: 0.5,
    re: MTFP,
    impact: "Front counter moved to the library",
    owner: "Head of Estates",
    reviewed: "2012-08-30",
  },
  {
    ref: "K04",
    workstream: "Fleet",
    initiative: "Vehicle fleet reduced by 35 vehicles",
    type: "Cashable",
    code: "5210",
    subjective: "Transport",
    evidence: "Fleet review report",
    gross: [0.15, 0.28, 0.31],
    costs: [0.02, 0, 0],
    confidence: 1,
    re: MTFP,
    impact: "No change to response times",
    owner: "Head of Fleet",
    reviewed: "2012-08-30",
  },
  {
    ref: "K05",
    workstream: "Procurement",
    initiative: "Collaborative procurement of fuel and IT hardware",
    type: "Cashable",
    code: "5320",
    subjective: "Supplies and services",
    evidence: "Regional procurement hub savings log",
    gross: [0.21, 0.39, 0.45],
    costs: [0, 0, 0],
    confidence: 0.75,
    re: MTFP,
    impact: "None",
    owner: "Head of Procurement",
    reviewed: "2012-09-07",
  },
  {
    ref: "K06",
    workstream: "Workforce",
    initiative: "Overtime reduced through shift pattern review",
    type: "Cashable",
    code: "4120",
    subjective: "Police officer pay",
    evidence: "Overtime monitoring P5 2012-13",
    gross: [0.3, 0.52, 0.6],
    costs: [0.04, 0.02, 0],
    confidence: 0.5,
    re: NPT,
    impact: "Same minimum staffing levels",
    owner: "ACC Operations",
    reviewed: "2012-09-14",
  },
  {
    ref: "K07",
    workstream: "Technology",
    initiative: "Mobile working: officer time released for patrol",
    type: "Non-cashable",
    code: "4100",
    subjective: "Police officer pay",
    evidence: "Mobile data benefits study",
    gross: [0, 0.65, 0.9],
    costs: [0.42, 0.08, 0.04],
    confidence: 0.5,
    re: CAP,
    impact: "More visible patrol hours",
    owner: "Head of ICT",
    reviewed: "2012-09-07",
  },
  {
    ref: "K08",
    workstream: "Support services",
    initiative: "HR and payroll shared with Kingsbridge City Council",
    type: "Cashable",
    code: "4230",
    subjective: "Police staff pay",
    evidence: "Shared service business case",
    gross: [0, 0.22, 0.33],
    costs: [0.09, 0.03, 0],
    confidence: 0.25,
    re: MTFP,
    impact: "None",
    owner: "Director of Finance",
    reviewed: "2012-09-07",
  },
  {
    ref: "K09",
    workstream: "Estates",
    initiative: "Solar PV and LED lighting at headquarters",
    type: "Cashable",
    code: "5130",
    subjective: "Premises",
    evidence: "Energy audit 2011",
    gross: [0.03, 0.07, 0.085],
    costs: [0.11, 0, 0],
    confidence: 1,
    re: MTFP,
    impact: "None",
    owner: "Head of Estates",
    reviewed: "2012-08-30",
  },
  {
    ref: "K10",
    workstream: "Third party",
    initiative: "Forensic science contract re-let",
    type: "Cashable",
    code: "6110",
    subjective: "Third party payments",
    evidence: "Contract award 03/2011",
    gross: [0.09, 0.16, 0.16],
    costs: [0, 0, 0],
    confidence: 0.75,
    re: CAP,
    impact: "Same turnaround times in the contract",
    owner: "Head of Scientific Services",
    reviewed: "2012-09-14",
  },
];

const OUTTURN: Array<[string, number]> = [
  ["Police officer pay", 142.315],
  ["Police staff pay", 58.94],
  ["Premises", 11.206],
  ["Transport", 6.48],
  ["Supplies and services", 19.772],
  ["Third party payments", 4.118],
];

export function kingsbridgePolice(): BuiltFixture {
  const file = "kingsbridge-police-q2-return-seeded.xlsx";
  const wb = workbook("Kingsbridge Constabulary Force Finance", new Date(Date.UTC(2012, 9, 8, 14, 0, 0)));
  const ret = addSheet(wb, RETURN);
  const bench = addSheet(wb, BENCH);
  const ex = new Expectations("kingsbridge-S");

  ret.lines(1, [
    "Kingsbridge Constabulary",
    "Quarterly value for money return to the Police and Crime Panel",
    "Q2 2012-13: position at 30 September 2012",
    "£m, cash prices",
    "Prepared by Force Finance, 08/10/2012",
  ]);

  // 1. Baseline. Seeded: an income line netted off.
  ret.set("A7", "1. Baseline: 2010-11 outturn (£m)", { bold: true });
  const {
    last: incomeRow,
    total: bTotalRow,
    amount: outturn,
  } = ret.baseline(
    8,
    ["Budget line", "Outturn 2010-11", "Notes"],
    [...OUTTURN, ["Income: fees, charges and special police services", -3.412, "Netted off"]],
    M3,
  );

  // 2. The savings plan, one header row with years and units in the text.
  const P = bTotalRow + 3;
  ret.set(`A${P}`, "2. Efficiency savings plan (£m)", { bold: true });
  const headers = [
    "Ref",
    "Workstream",
    "Initiative",
    "Cashable / non-cashable",
    "Budget code",
    "Subjective",
    "Evidence",
    "Saving 2011/12 £m",
    "Saving 2012/13 £m",
    "Saving 2013/14 £m",
    "Costs 2011/12 £m",
    "Costs 2012/13 £m",
    "Costs 2013/14 £m",
    "Net 2011-12",
    "Net 2012-13",
    "Net 2013-14",
    "Confidence",
    "Risk adjusted 2013-14 £m",
    "Reinvested in",
    "Plan",
    "Service impact",
    "Owner",
    "Last reviewed",
  ];
  ret.row(P + 1, 1, headers, undefined, true);
  const first = P + 2;
  GAINS.forEach((g, i) => {
    const r = first + i;
    ret.row(r, 1, [g.ref, g.workstream, g.initiative, g.type, g.code, g.subjective, g.evidence]);
    ret.row(r, 8, [...g.gross, ...g.costs], M3);
    ["H", "I", "J"].forEach((gross, y) =>
      ret.set(`${"NOP"[y]}${r}`, fx(`${gross}${r}-${"KLM"[y]}${r}`, g.gross[y] - g.costs[y]), { fmt: M3 }),
    );
    ret.set(`Q${r}`, g.confidence, { fmt: FMT.percent });
    ret.set(`R${r}`, fx(`J${r}*Q${r}-M${r}`, g.gross[2] * g.confidence - g.costs[2]), { fmt: M3 });
    ret.row(r, 19, [g.re[0], g.re[1], g.impact, g.owner, date(g.reviewed)]);
  });
  const last = first + GAINS.length - 1;
  const total = last + 1;
  const raTotal = sum(GAINS.map((g) => g.gross[2] * g.confidence - g.costs[2]));
  const totals = [0, 1, 2].flatMap((y): Array<[string, number]> => [
    ["HIJ"[y], sum(GAINS.map((g) => g.gross[y]))],
    ["KLM"[y], sum(GAINS.map((g) => g.costs[y]))],
    ["NOP"[y], sum(GAINS.map((g) => g.gross[y] - g.costs[y]))],
  ]);
  ret.totals(total, first, last, [...totals, ["R", raTotal]], M3);
  const netTotal = sum(GAINS.map((g) => g.gross[2] - g.costs[2]));

  // The summary set against the target. Seeded: the net total is reported, not the risk-adjusted one.
  const S = total + 2;
  const target = outturn * (1.03 ** 3 - 1);
  ret.row(S, 1, ["Measure", null, "£m"], undefined, true);
  ret.row(S + 1, 1, ["Risk adjusted savings 2013-14", null, fx(`R${total}`, raTotal)], [undefined, undefined, M3]);
  ret.row(S + 2, 1, ["Total savings reported against target", null, fx(`P${total}`, netTotal)], [undefined, undefined, M3]);
  ret.row(
    S + 3,
    1,
    ["Target 2013-14: 3% a year compound on 2010-11 outturn", null, fx(`B${bTotalRow}*(1.03^3-1)`, target)],
    [undefined, undefined, M3],
  );
  ret.row(S + 4, 1, ["Progress against target", null, fx(`C${S + 2}/C${S + 3}`, netTotal / target)], [undefined, undefined, FMT.percent]);

  // 3. Tracker by quarter.
  const T = S + 7;
  const quarters: Array<[string, string, number, number]> = [
    ["Q1 2011/12", "2011-06-30", 0.42, 0.4],
    ["Q2 2011/12", "2011-09-30", 0.85, 0.81],
    ["Q3 2011/12", "2011-12-31", 1.27, 1.22],
    ["Q4 2011/12", "2012-03-31", 1.7, 1.655],
    ["Q1 2012/13", "2012-06-30", 0.78, 0.74],
    ["Q2 2012/13", "2012-09-30", 1.56, 1.49],
  ];
  ret.block(
    T,
    "3. Tracker: cashable savings against trajectory (£m, cumulative in year)",
    ["Qtr", "Quarter ending", "Trajectory", "Achieved", "Budget evidence", "Comparative data", "Milestones", "Risk review"],
    quarters.map(([q, end, trajectory, achieved]) => [
      q,
      end,
      trajectory,
      achieved,
      `Revenue monitoring ${q}`,
      "HMIC VfM profile 2011",
      `Milestone report ${q}`,
      `Strategic risk register ${q}`,
    ]),
    [undefined, FMT.date, M3, M3],
  );

  // 4. Re-investment. Seeded: £150k of the cashable savings is not accounted for.
  const R = T + 2 + quarters.length + 2;
  const cashable = sum(GAINS.filter((g) => g.type === "Cashable").map((g) => g.gross[2] - g.costs[2]));
  const reinvest: Array<[readonly string[], number]> = [
    [NPT, 2.1],
    [MTFP, Number((cashable - 0.15 - 2.1 - 0.45).toFixed(3))],
    [CAP, 0.45],
  ];
  const reTotal = ret.reinvestment(
    R,
    { title: "4. Re-investment of cashable savings 2013-14 (£m)", headers: ["Reinvested in", "Plan", "£m"], col: "C", fmt: M3 },
    reinvest,
    sum(reinvest.map((x) => x[1])),
  );

  // 5. Key milestones for the £1m+ savings, then the notes.
  const K = reTotal + 3;
  const kEnd = ret.block(
    K,
    "5. Key milestones",
    ["Ref", "Milestone", "Due", "Status"],
    [
      ["K01", "Regional major crime unit operational", "2012-04-01", "Complete"],
      ["K02", "Custody staff recruited; officers redeployed", "2012-12-31", "On track"],
      ["K02", "Enquiry offices staffed by police staff", "2013-06-30", "On track"],
    ],
  );
  const N = kEnd + 3;
  ret.lines(N, [
    "Notes",
    "Published in the Force's Annual Report 2011-12 on 12/07/2012.",
    "Published on the Police and Crime Panel website with this return on 10/10/2012.",
    "Net = saving less costs in the same year. Risk adjusted = 2013-14 saving x confidence less 2013-14 costs.",
  ]);
  ret.widths([26, 18, 44, 14, 10, 22, 30, ...Array<number>(11).fill(10), 30, 32, 36, 26, 12]);

  bench.set("A1", "Kingsbridge Constabulary: benchmarking 2011-12 (HMIC Value for Money profiles)", { bold: true });
  bench.measures(
    3,
    ["Measure", "Category", "Kingsbridge", "Most similar forces", "Net spend £", "Activity volume"],
    [
      { measure: "HQ costs per head of population (£)", type: "HQ cost", own: 12.9, comparator: 13.6 },
      { measure: "Crimes detected", type: "Output", own: 24310, comparator: 23050 },
      { measure: "Confidence in local policing", type: "Outcome", own: 0.77, comparator: 0.75 },
      // Seeded: the unit cost typed from last year's profile (18,400,000 / 61,250 is 300.41).
      { measure: "Cost per crime investigated (£)", type: "Unit cost", own: 310, comparator: 296.5, spend: 18400000, volume: 61250 },
    ],
    { spendFirst: false, figure: FMT.money2, spend: FMT.money },
  );
  bench.widths([40, 12, 14, 18, 14, 16]);

  ex.neverAny(
    [
      "ii.register-present",
      "i.baseline-present",
      "i.baseline-year",
      "i.basis-stated",
      "i.price-base-stated",
      "iv.profile-present",
      "vi.quarters-present",
      "vi.trajectory-actual",
      "vii.measures-present",
      "ix.publication-record",
      "iv.milestones",
      "i.gain-baseline-line",
      "method.mixed-units",
    ],
    "the return holds this evidence in its numbered blocks (outturn baseline, plan with inline years, six quarters, milestones, dated Published notes), all in £m",
  );
  ex.never("viii.risk-adjusted-recomputes", undefined, undefined, "every risk adjusted figure is saving x confidence - costs by formula");
  ex.never("iii.net-recomputes", undefined, undefined, "every net figure is saving - costs by formula");
  ex.never("ii.register-present", undefined, undefined, "the baseline block, the summary and the tracker are not a second register");
  ex.defect(
    "i.no-netting",
    RETURN,
    `A${incomeRow}:C${incomeRow}`,
    "The 2010-11 outturn nets off £3.412m of fees, charges and special police services income.",
  );
  ex.defect(
    "viii.total-risk-adjusted",
    RETURN,
    `C${S + 2}`,
    `The total reported against the target is the net total (£${netTotal.toFixed(3)}m), not the risk-adjusted one (£${raTotal.toFixed(3)}m).`,
  );
  ex.defect(
    "v.reinvestment-plan-total",
    RETURN,
    `C${R + 2}:C${reTotal}`,
    "The re-investment block accounts for £0.150m less than the cashable net savings of 2013-14.",
  );
  ex.defect(
    "vii.unit-cost-recomputes",
    BENCH,
    "C7",
    "The cost per crime investigated is typed as £310.00; net spend / activity volume is £300.41.",
  );
  return exceljsFixture(
    wb,
    ex,
    {
      file,
      body: "Kingsbridge Constabulary (fictional force): Q2 2012-13 quarterly VfM return to the Police and Crime Panel, with seeded defects",
      reportingDate: "2012-09-30",
      shapes: [
        "own sheet name (Q2 return 2012-13) holding every block: numbered baseline, plan, summary, tracker, re-investment, milestones, notes",
        "title block: organisation, return name, position at 30 September 2012, £m, cash prices, prepared by and date; Outturn 2010-11 as the baseline header",
        "one-row header with years and units in the text: Saving 2012/13 £m, Costs 2013/14 £m, Net 2013-14, Risk adjusted 2013-14 £m",
        "yearly profile inline in the register",
        "Cashable / non-cashable; confidence percentages",
        "a summary block (Measure, £m) reporting a total against the target",
        "tracker with Qtr labels and Quarter ending dates, Trajectory and Achieved",
        "dated Published in ... notes",
        "Benchmarking sheet: Measure, Category, Net spend £, Activity volume",
        "amounts in £m (three decimals) and £",
      ],
    },
    true,
  );
}
