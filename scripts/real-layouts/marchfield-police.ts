/**
 * Marchfield Police (fictional): an "Efficiency Plan 2014-17" in £000s, laid out differently from the
 * other forces: a one-row register header with the year inside each money header ("Gross 2014-15",
 * "Net 2016-17"), "Project no", "Portfolio", "C/NC", "Subjective heading", a delivery confidence in
 * G/A/R letters weighted by a key written in one cell ("Weighting: G 100%, A 60%, R 20%"), a
 * "Quarterly update" sheet with "Period ending" dates, "Target to date" and "Delivered to date", a
 * baseline on "Base budget 2013-14" headed "Subjective heading" / "Base budget 2013/14 £000", "VFM
 * indicators" with "Indicator" / "Type of indicator" / "MSF average", and a dated "Published in ..."
 * note. Written with exceljs, re-saved by LibreOffice Calc.
 */
import { Expectations, FMT, addSheet, date, exceljsFixture, fx, sum, workbook, type BuiltFixture } from "./build";

const PLAN = "Efficiency Plan 2014-17";
const UPDATE = "Quarterly update";
const BASE = "Base budget 2013-14";
const VFM = "VFM indicators";
const WEIGHT: Record<string, number> = { G: 1, A: 0.6, R: 0.2 };

interface Project {
  no: string;
  name: string;
  portfolio: string;
  cnc: string;
  heading: string;
  evidence: string;
  /** Gross 2014-15, 2015-16, 2016-17 (£000). */
  gross: [number, number, number];
  /** Costs 2014-15, 2015-16, 2016-17 (£000). */
  costs: [number, number, number];
  gar: "G" | "A" | "R";
  reinvested: string;
  impact: string;
  lead: string;
  reviewed: string;
}

const PROJECTS: Project[] = [
  {
    no: "EP1",
    name: "Neighbourhood policing model: fewer, larger teams",
    portfolio: "Local policing",
    cnc: "C",
    heading: "Police officer pay",
    evidence: "Operating model business case 2014",
    gross: [600, 1500, 2100],
    costs: [150, 50, 0],
    gar: "A",
    reinvested: "Public protection officers",
    impact: "Response times held (Q1 2015 audit)",
    lead: "ACC Operations",
    reviewed: "2015-08-20",
  },
  {
    no: "EP2",
    name: "Back office: finance and HR shared with the county council",
    portfolio: "Support services",
    cnc: "C",
    heading: "Police staff pay",
    evidence: "Shared services agreement 2014",
    gross: [250, 700, 900],
    costs: [200, 100, 0],
    gar: "G",
    reinvested: "Public protection officers",
    impact: "None",
    lead: "Director of Finance",
    reviewed: "2015-09-03",
  },
  {
    no: "EP3",
    name: "Estates: close two front counters, share a station with the fire service",
    portfolio: "Estates",
    cnc: "C",
    heading: "Premises",
    evidence: "Estates strategy 2014-19",
    gross: [80, 260, 340],
    costs: [40, 20, 0],
    gar: "A",
    reinvested: "Digital contact channels",
    impact: "Counters replaced by online reporting",
    lead: "Head of Estates",
    reviewed: "2015-08-20",
  },
  {
    no: "EP4",
    name: "Mobile data: officer time released from stations",
    portfolio: "Technology",
    cnc: "NC",
    heading: "Police officer pay",
    evidence: "Mobile data benefits study 2015",
    gross: [0, 400, 650],
    costs: [120, 60, 30],
    gar: "R",
    reinvested: "More visible patrol",
    impact: "More officer time on patrol",
    lead: "Head of ICT",
    reviewed: "2015-09-10",
  },
  {
    no: "EP5",
    name: "Procurement: regional fuel and uniform contracts",
    portfolio: "Support services",
    cnc: "C",
    heading: "Supplies and services",
    evidence: "Regional procurement savings log",
    gross: [90, 170, 210],
    costs: [0, 0, 0],
    gar: "G",
    reinvested: "Digital contact channels",
    impact: "None",
    lead: "Head of Procurement",
    reviewed: "2015-09-03",
  },
  {
    no: "EP6",
    name: "Vehicle fleet: pool cars and 25 fewer vehicles",
    portfolio: "Support services",
    cnc: "",
    heading: "Transport",
    evidence: "Fleet review 2014",
    gross: [60, 140, 160],
    costs: [10, 0, 0],
    gar: "G",
    reinvested: "Public protection officers",
    impact: "No change to deployment",
    lead: "Head of Fleet",
    reviewed: "2015-09-03",
  },
];

const BASE_LINES: Array<[string, number | null, string]> = [
  ["Police officer pay", 98_420, ""],
  ["Police staff pay", 41_160, ""],
  ["Premises", 7_930, ""],
  ["Transport", 4_215, ""],
  ["Supplies and services", 13_880, ""],
  ["Special police services income", -1_240, "Income netted off the base budget"],
];

export function marchfieldPolice(): BuiltFixture {
  const file = "marchfield-police-efficiency-plan-seeded.xlsx";
  const wb = workbook("Marchfield Police Finance", new Date(Date.UTC(2015, 9, 6, 9, 0, 0)));
  const plan = addSheet(wb, PLAN);
  const update = addSheet(wb, UPDATE);
  const base = addSheet(wb, BASE);
  const vfm = addSheet(wb, VFM);
  const ex = new Expectations("marchfield-S");

  base.lines(1, ["Marchfield Police", "Base budget 2013/14 by subjective heading (original budget, cash prices)"]);
  base.baseline(4, ["Subjective heading", "Base budget 2013/14 £000", "Notes"], BASE_LINES, FMT.money);
  base.widths([34, 24, 36]);

  plan.lines(
    1,
    [
      "Marchfield Police",
      "Efficiency Plan 2014-17",
      "All figures £000s",
      "Position as at 30 September 2015",
      "Weighting: G 100%, A 60%, R 20%",
    ],
    2,
  );
  const H = 7;
  const headers = [
    "Project no",
    "Efficiency",
    "Portfolio",
    "C/NC",
    "Subjective heading",
    "Evidence ref",
    "Gross 2014-15",
    "Gross 2015-16",
    "Gross 2016-17",
    "Costs 2014-15",
    "Costs 2015-16",
    "Costs 2016-17",
    "Net 2014-15",
    "Net 2015-16",
    "Net 2016-17",
    "G/A/R",
    "Risk weighted 2016-17",
    "Reinvested in",
    "Impact on service",
    "Lead officer",
    "Review date",
  ];
  plan.row(H, 1, headers, undefined, true);
  const rowOf = new Map<string, number>();
  const weighted: number[] = [];
  const nets: number[][] = [[], [], []];
  PROJECTS.forEach((p, i) => {
    const r = H + 1 + i;
    rowOf.set(p.no, r);
    plan.row(r, 1, [p.no, p.name, p.portfolio, p.cnc || null, p.heading, p.evidence]);
    plan.row(r, 7, [...p.gross, ...p.costs], FMT.money);
    ["G", "H", "I"].forEach((g, y) => {
      const c = ["J", "K", "L"][y];
      const n = ["M", "N", "O"][y];
      const value = p.gross[y] - p.costs[y];
      // Seeded: EP3's 2016-17 net is typed over its formula, and wrongly.
      if (p.no === "EP3" && y === 2) {
        plan.set(`${n}${r}`, 400, { fmt: FMT.money });
        nets[y].push(400);
      } else {
        plan.set(`${n}${r}`, fx(`${g}${r}-${c}${r}`, value), { fmt: FMT.money });
        nets[y].push(value);
      }
    });
    plan.set(`P${r}`, p.gar);
    const w = WEIGHT[p.gar];
    // Seeded: EP4 is R but its weighted figure takes the A weight.
    const weight = p.no === "EP4" ? WEIGHT.A : w;
    const ra = p.gross[2] * weight - p.costs[2];
    plan.set(`Q${r}`, fx(`I${r}*${weight}-L${r}`, ra), { fmt: FMT.money });
    weighted.push(ra);
    plan.row(r, 18, [p.reinvested, p.impact, p.lead, date(p.reviewed)]);
  });
  const last = H + PROJECTS.length;
  const total = last + 1;
  const totals: Array<[string, number]> = [
    ...["G", "H", "I"].map((c, y): [string, number] => [c, sum(PROJECTS.map((p) => p.gross[y]))]),
    ...["J", "K", "L"].map((c, y): [string, number] => [c, sum(PROJECTS.map((p) => p.costs[y]))]),
    ...["M", "N", "O"].map((c, y): [string, number] => [c, sum(nets[y])]),
    ["Q", sum(weighted)],
  ];
  plan.totals(total, H + 1, last, totals, FMT.money);
  plan.lines(
    total + 2,
    [
      "Risk weighted = gross 2016-17 x G/A/R weighting less costs 2016-17.",
      "Published in the Police and Crime Commissioner's Annual Report 2014-15 on 30 June 2015.",
    ],
    0,
  );
  plan.widths([10, 48, 18, 6, 22, 30, 10, 10, 10, 10, 10, 10, 10, 10, 10, 6, 12, 28, 34, 22, 12]);

  update.lines(1, [
    "Marchfield Police: efficiency plan quarterly update to the PCC's accountability board",
    "Cashable savings, £000s, cumulative within each year",
  ]);
  // Seeded: no update for the quarter to 30/06/2015.
  const quarters: Array<[string, number, number, string]> = [
    ["2014-06-30", 230, 205, "2014-07-24"],
    ["2014-09-30", 470, 440, "2014-10-23"],
    ["2014-12-31", 700, 690, "2015-01-22"],
    ["2015-03-31", 940, 905, "2015-04-23"],
    ["2015-09-30", 1250, 1180, "2015-10-22"],
  ];
  update.table(
    4,
    [
      "Period ending",
      "Target to date",
      "Delivered to date",
      "Budget ref",
      "Benchmarking",
      "Milestone progress",
      "Risk update",
      "Reported to board",
    ],
    quarters.map(([end, target, delivered, boardDate]) => [
      end,
      target,
      delivered,
      `Budget monitoring ${end.slice(0, 7)}`,
      "HMIC VfM profile 2014",
      `Programme board ${end.slice(0, 7)}`,
      `Risk register ${end.slice(0, 7)}`,
      boardDate,
    ]),
    [FMT.date, FMT.money, FMT.money],
  );
  const updateEnd = 4 + quarters.length;
  update.block(
    updateEnd + 3,
    "Key milestones",
    ["Project no", "Milestone", "Target date", "Status"],
    [
      ["EP1", "New neighbourhood teams live in all districts", "2015-04-01", "Complete"],
      ["EP1", "Officer posts released to public protection", "2016-01-31", "On track"],
      ["EP2", "Shared finance and HR service live", "2015-10-01", "On track"],
    ],
  );
  update.widths([14, 14, 16, 24, 22, 24, 22, 16]);

  vfm.set("A1", "Marchfield Police: VFM indicators 2014-15 (HMIC value for money profile)", { bold: true });
  vfm.measures(
    3,
    ["Indicator", "Type of indicator", "Marchfield", "MSF average", "Spend £", "Volume"],
    [
      { measure: "HQ costs per head of population (£)", type: "HQ cost", own: 13.1, comparator: 12.8 },
      { measure: "Victim satisfaction", type: "Outcome", own: 0.84, comparator: 0.83 },
      { measure: "Crimes recorded", type: "Output", own: 38_120, comparator: 36_900 },
      { measure: "Cost per 999 call answered (£)", type: "Unit cost", spend: 6_480_000, volume: 102_400, comparator: 61.9 },
    ],
    { spendFirst: false, figure: FMT.money2, spend: FMT.pounds },
  );
  vfm.widths([40, 18, 12, 12, 14, 10]);

  const row = (no: string): number => rowOf.get(no)!;
  ex.neverAny(
    [
      "ii.register-present",
      "i.baseline-present",
      "i.baseline-year",
      "i.basis-stated",
      "i.price-base-stated",
      "iv.profile-present",
      "vii.measures-present",
      "i.gain-baseline-line",
      "viii.deliverability-present",
      "ix.publication-record",
      "iv.milestones",
      "v.reinvestment-plan-total",
    ],
    "the workbook holds this evidence (plan with years in the headers, base budget 2013/14 by subjective heading, quarterly update, HMIC indicators, a dated Published note)",
  );
  ex.never(
    "viii.risk-adjusted-recomputes",
    PLAN,
    `Q${row("EP1")}:Q${row("EP3")}`,
    "G/A/R letters weighted by the workbook's own key written in one cell (G 100%, A 60%, R 20%)",
  );
  ex.never("vii.unit-cost-recomputes", undefined, undefined, "the unit cost is its spend over its volume");
  ex.defect(
    "i.no-netting",
    BASE,
    `A${4 + BASE_LINES.length}:B${4 + BASE_LINES.length}`,
    "Special police services income is netted off the base budget (-1,240).",
  );
  ex.defect("iii.net-recomputes", PLAN, `O${row("EP3")}`, "EP3's 2016-17 net is typed as 400; gross 340 less costs 0 is 340.");
  ex.defect(
    "viii.risk-adjusted-recomputes",
    PLAN,
    `Q${row("EP4")}`,
    "EP4 is R (20%) but its risk-weighted figure uses the A weight (60%).",
  );
  ex.defect("ii.type-stated", PLAN, `D${row("EP6")}`, "EP6 does not say whether it is cashable (C/NC blank).");
  ex.defect("vi.quarters-present", UPDATE, `A4:H${updateEnd}`, "No update for the quarter to 30/06/2015 (Q1 2015-16).");
  ex.tolerate("ii.derived-formulas", PLAN, `O${row("EP3")}`, "EP3's net is typed over its formula (the seeded net defect)");
  ex.tolerate("viii.total-risk-adjusted", undefined, undefined, "the risk-weighted total includes EP4 at the wrong weight");
  ex.tolerate("iv.profile-target-year", undefined, undefined, "EP3's typed net is the profile's target-year figure");
  return exceljsFixture(
    wb,
    ex,
    {
      file,
      body: "Marchfield Police (fictional force): Efficiency Plan 2014-17, position at 30 September 2015, with seeded defects",
      reportingDate: "2015-09-30",
      shapes: [
        "own sheet names (Efficiency Plan 2014-17, Quarterly update, Base budget 2013-14, VFM indicators)",
        "title block: organisation, plan name, All figures £000s, Position as at 30 September 2015, a one-cell G/A/R weighting key",
        "one-row register header with the year inside each money header (Gross 2014-15, Costs 2016-17, Net 2016-17, Risk weighted 2016-17)",
        "yearly profile inline in the register",
        "C/NC codes, G/A/R letters weighted by the one-cell key",
        "Project no, Portfolio, Subjective heading naming the base budget's lines, Lead officer, Review date",
        "Quarterly update: Period ending dates, Target to date, Delivered to date, Reported to board; a Key milestones block with Target date",
        "re-investment named per gain in the register (Reinvested in), no separate plan",
        "base budget headed Subjective heading / Base budget 2013/14 £000, original budget and cash prices in the title",
        "VFM indicators: Indicator, Type of indicator, MSF average, Spend £, Volume",
        "a dated Published in ... note under the register; amounts in £000s",
      ],
    },
    true,
  );
}
