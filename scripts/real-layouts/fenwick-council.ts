/**
 * Fenwick District Council (fictional): a value-for-money action plan for 2010-13 in whole pounds, as
 * a district council's finance officer keeps it: "Ref" / "Action" / "Service area" / "Cash / non-cash",
 * the target year's saving with the year and unit in the header ("Gross saving 2012/13 £"), "Cost to
 * achieve £", a merged "Net saving (£)" group over 2010/11, 2011/12, 2012/13, RAG words weighted by a
 * key on a hidden "Codes" sheet (Green 90%, Amber 60%, Red 30%) through VLOOKUP, "Responsible officer",
 * "Due by" and "Progress" (the plan is its own milestone record), "Re-invested in" and "Plan ref".
 * The baseline is on "Net spend 2009-10" ("Service area" / "Net expenditure", outturn in the title);
 * "Monitoring" holds a "Qtr" / "Year" tracker, CIPFA indicators with "Nearest neighbours" and a dated
 * publication note. Written by exceljs (not re-saved).
 */
import { Expectations, FMT, addSheet, date, exceljsFixture, fx, sum, workbook, type BuiltFixture } from "./build";

const PLAN = "VfM action plan 2010-11";
const SPEND = "Net spend 2009-10";
const MONITOR = "Monitoring";
const CODES = "Codes";
const WEIGHT: Record<string, number> = { Green: 0.9, Amber: 0.6, Red: 0.3 };

interface Action {
  ref: string;
  action: string;
  area: string;
  type: "Cash" | "Non-cash";
  /** Gross saving 2010/11, 2011/12, 2012/13 (£). */
  gross: [number, number, number];
  cost: number;
  rag: "Green" | "Amber" | "Red";
  officer: string;
  due: string;
  progress: string;
  evidence: string;
  reinvested: string;
  plan: string;
}

const ACTIONS: Action[] = [
  {
    ref: "F01",
    action: "Waste collection: alternate weekly rounds",
    area: "Environmental services",
    type: "Cash",
    gross: [45_000, 120_000, 160_000],
    cost: 30_000,
    rag: "Green",
    officer: "Head of Environmental Services",
    due: "2011-03-31",
    progress: "Rounds redesigned; new calendar issued",
    evidence: "Cabinet report 14/06/2010",
    reinvested: "Recycling promotion",
    plan: "Medium Term Financial Strategy 2010-13",
  },
  {
    ref: "F02",
    action: "Leisure centres: transfer to a trust",
    area: "Leisure and culture",
    type: "Cash",
    gross: [0, 85_000, 140_000],
    cost: 25_000,
    rag: "Amber",
    officer: "Leisure Services Manager",
    due: "2011-09-30",
    progress: "Trust shortlisted",
    evidence: "Leisure options appraisal 2010",
    reinvested: "Sports development grants",
    plan: "Medium Term Financial Strategy 2010-13",
  },
  {
    ref: "F03",
    action: "Revenues and benefits: shared service with Ashby",
    area: "Finance",
    type: "Cash",
    gross: [20_000, 95_000, 130_000],
    cost: 40_000,
    rag: "Red",
    officer: "Chief Finance Officer",
    due: "2012-04-01",
    progress: "Business case agreed by both councils",
    evidence: "Shared service business case",
    reinvested: "Council tax freeze",
    plan: "Budget 2011-12",
  },
  {
    ref: "F04",
    action: "Planning: online applications and fewer paper files",
    area: "Planning",
    type: "Non-cash",
    gross: [10_000, 25_000, 30_000],
    cost: 8_000,
    rag: "Green",
    officer: "Head of Planning",
    due: "2010-12-31",
    progress: "Complete",
    evidence: "Planning portal statistics",
    reinvested: "Faster enforcement",
    plan: "Planning service plan 2010-11",
  },
  {
    ref: "F04",
    action: "Office accommodation: vacate the Mill Street annexe",
    area: "Finance",
    type: "Cash",
    gross: [15_000, 60_000, 60_000],
    cost: 12_000,
    rag: "Amber",
    officer: "Property Manager",
    due: "2011-06-30",
    progress: "Staff moves planned",
    evidence: "Asset management plan 2010",
    reinvested: "Council tax freeze",
    plan: "Budget 2011-12",
  },
  {
    ref: "F06",
    action: "Procurement: county-wide stationery and insurance contracts",
    area: "Finance",
    type: "Cash",
    gross: [18_000, 26_000, 28_000],
    cost: 0,
    rag: "Green",
    officer: "Procurement Officer",
    due: "2011-03-31",
    progress: "Contracts let",
    evidence: "Procurement savings log",
    reinvested: "Recycling promotion",
    plan: "Medium Term Financial Strategy 2010-13",
  },
];

const SPEND_LINES: Array<[string, number | null, string]> = [
  ["Environmental services", 4_315_000, ""],
  ["Leisure and culture", 2_180_000, ""],
  ["Finance", 1_965_000, "Includes revenues and benefits administration; benefit payments excluded"],
  ["Planning", 1_240_000, ""],
  ["Licensing", null, "Awaiting final accounts"],
];

export function fenwickCouncil(): BuiltFixture {
  const file = "fenwick-dc-vfm-action-plan-seeded.xlsx";
  const wb = workbook("Fenwick District Council", new Date(Date.UTC(2011, 0, 12, 11, 0, 0)));
  const plan = addSheet(wb, PLAN);
  const spend = addSheet(wb, SPEND);
  const monitor = addSheet(wb, MONITOR);
  const codes = addSheet(wb, CODES, "hidden");
  const ex = new Expectations("fenwick-S");

  codes.key(1, 1, ["Rating", "Weight"], WEIGHT);

  spend.lines(1, ["Fenwick District Council", "Net expenditure 2009/10 by service area: outturn, cash prices (£)"]);
  const { last: spendLast } = spend.baseline(4, ["Service area", "Net expenditure", "Notes"], SPEND_LINES, FMT.pounds);
  spend.widths([28, 18, 60]);

  plan.lines(1, [
    "Fenwick District Council",
    "Value for money action plan 2010/11 to 2012/13",
    "£, whole pounds. Position at 31 December 2010.",
  ]);
  const H = 5;
  plan.mergedDown(H, 1, ["Ref", "Action", "Service area", "Cash / non-cash", "Gross saving 2012/13 £", "Cost to achieve £"], 2);
  plan.merged(`G${H}:I${H}`, "Net saving (£)");
  plan.row(H + 1, 7, ["2010/11", "2011/12", "2012/13"], undefined, true);
  plan.mergedDown(
    H,
    10,
    ["RAG", "Risk adjusted £", "Responsible officer", "Due by", "Progress", "Evidence of saving", "Re-invested in", "Plan ref"],
    2,
  );
  const first = H + 2;
  const nets: number[][] = [[], [], []];
  const adjusted: number[] = [];
  ACTIONS.forEach((a, i) => {
    const r = first + i;
    plan.row(
      r,
      1,
      [a.ref, a.action, a.area, a.type, a.gross[2], a.cost],
      [undefined, undefined, undefined, undefined, FMT.pounds, FMT.pounds],
    );
    // The cost to achieve is set against the target year's saving; earlier years' nets are typed (already reported).
    a.gross.forEach((g, y) => {
      if (y < 2) {
        plan.set(`${["G", "H"][y]}${r}`, g, { fmt: FMT.pounds });
        nets[y].push(g);
      } else if (a.ref === "F03") {
        // Seeded: F03's net 2012/13 is typed as its gross, without taking off its cost to achieve.
        plan.set(`I${r}`, g, { fmt: FMT.pounds });
        nets[y].push(g);
      } else {
        plan.set(`I${r}`, fx(`E${r}-F${r}`, g - a.cost), { fmt: FMT.pounds });
        nets[y].push(g - a.cost);
      }
    });
    plan.set(`J${r}`, a.rag);
    const ra = a.gross[2] * WEIGHT[a.rag] - a.cost;
    plan.set(`K${r}`, fx(`E${r}*VLOOKUP(J${r},Codes!$A$2:$B$4,2,FALSE)-F${r}`, ra), { fmt: FMT.pounds });
    adjusted.push(ra);
    plan.row(r, 12, [a.officer, date(a.due), a.progress, a.evidence, a.reinvested, a.plan]);
  });
  const last = first + ACTIONS.length - 1;
  const totals: Array<[string, number]> = [
    ["E", sum(ACTIONS.map((a) => a.gross[2]))],
    ["F", sum(ACTIONS.map((a) => a.cost))],
    ["G", sum(nets[0])],
    ["H", sum(nets[1])],
    ["I", sum(nets[2])],
    ["K", sum(adjusted)],
  ];
  plan.totals(last + 1, first, last, totals, FMT.pounds);
  plan.set(
    `A${last + 3}`,
    "Net 2012/13 = gross saving less cost to achieve. Risk adjusted = 2012/13 gross saving x RAG weight (Codes sheet: Green 90%, Amber 60%, Red 30%) less cost to achieve.",
  );
  plan.widths([6, 48, 24, 12, 14, 12, 12, 12, 12, 8, 12, 30, 12, 36, 30, 28, 36]);

  monitor.lines(1, ["Fenwick District Council: VfM monitoring to Cabinet", "Cashable savings, £, cumulative in year"]);
  const quarters: Array<[string, number, number, string]> = [
    ["Q1", 20_000, 18_500, "2010-07-21"],
    ["Q2", 45_000, 43_000, "2010-10-20"],
    ["Q3", 70_000, 66_000, "2011-01-19"],
  ];
  monitor.table(
    4,
    ["Qtr", "Year", "Profile", "Actual saving", "Budget monitoring", "Comparative", "Milestones met", "Risk register", "Board"],
    quarters.map(([q, profile, actual, boardDate]) => [
      q,
      "2010/11",
      profile,
      actual,
      `Revenue monitoring ${q}`,
      "CIPFA VfM indicators 2009-10",
      `Action plan update ${q}`,
      `Corporate risk register ${q}`,
      boardDate,
    ]),
    [undefined, undefined, FMT.pounds, FMT.pounds],
  );
  const ind = 5 + quarters.length + 3;
  monitor.measures(
    ind,
    ["Performance indicator", "Indicator type", "Fenwick", "Nearest neighbours", "Net cost", "Outputs"],
    [
      { measure: "Support services cost per head (£)", type: "HQ cost", own: 38.2, comparator: 41.5 },
      { measure: "Household waste recycled", type: "Outcome", own: 0.46, comparator: 0.44 },
      { measure: "Planning applications decided", type: "Output", own: 1_420, comparator: 1_385 },
      // Seeded: the unit cost is typed as 52.10; net cost / outputs is 4,315,000 / 88,600 = 48.70.
      {
        measure: "Cost per household for waste collection (£)",
        type: "Unit cost",
        own: 52.1,
        comparator: 50.3,
        spend: 4_315_000,
        volume: 88_600,
      },
    ],
    { spendFirst: false, figure: FMT.money2, spend: FMT.pounds },
  );
  const note = ind + 7;
  monitor.set(`A${note}`, "Published on the council's website with the Cabinet papers on 20 January 2011.");
  monitor.widths([40, 14, 12, 18, 26, 28, 24, 26, 12]);

  const row = (i: number): number => first + i;
  ex.neverAny(
    [
      "ii.register-present",
      "i.baseline-present",
      "i.baseline-year",
      "i.basis-stated",
      "i.price-base-stated",
      "iv.profile-present",
      "vi.quarters-present",
      "vii.measures-present",
      "i.gain-baseline-line",
      "viii.deliverability-present",
      "ix.publication-record",
      "v.reinvestment-plan-total",
    ],
    "the workbook holds this evidence (action plan with a merged Net saving group over years, 2009/10 outturn by service area, Qtr / Year tracker, CIPFA indicators, a dated publication note)",
  );
  ex.never(
    "viii.risk-adjusted-recomputes",
    PLAN,
    `K${row(0)}:K${row(1)}`,
    "RAG words weighted by the hidden Codes key (Green 90%, Amber 60%)",
  );
  ex.defect("i.baseline-amount-positive", SPEND, `B${spendLast}`, "The Licensing line has no amount.");
  ex.defect("ii.gain-id", PLAN, `A${row(4)}`, "Two actions share the reference F04.");
  ex.defect(
    "iii.net-recomputes",
    PLAN,
    `I${row(2)}`,
    "F03's 2012/13 net saving is typed as its gross (130,000) without taking off its cost to achieve (40,000): 90,000.",
  );
  ex.defect("vii.unit-cost-recomputes", MONITOR, `C${ind + 4}`, "The cost per household is typed as £52.10; net cost / outputs is £48.70.");
  ex.tolerate("ii.derived-formulas", PLAN, `I${row(2)}`, "F03's net is typed (the seeded net defect)");
  ex.tolerate("viii.total-risk-adjusted", undefined, undefined, "a consequence of the seeded net defect");
  ex.tolerate("iv.profile-target-year", undefined, undefined, "a consequence of the seeded net defect");
  return exceljsFixture(wb, ex, {
    file,
    body: "Fenwick District Council (fictional district): VfM action plan 2010-13, position at 31 December 2010, with seeded defects",
    reportingDate: "2010-12-31",
    shapes: [
      "own sheet names (VfM action plan 2010-11, Net spend 2009-10, Monitoring) and a hidden Codes sheet",
      "title block: council, plan name, £ whole pounds and the position date in one line",
      "two-row header: single headers merged down beside a merged Net saving (£) group over 2010/11, 2011/12, 2012/13",
      "the target year and unit in a header (Gross saving 2012/13 £), Cost to achieve £",
      "Cash / non-cash codes (Cash, Non-cash); RAG words weighted by a hidden key (Green 90%, Amber 60%, Red 30%) through VLOOKUP",
      "Responsible officer, Due by, Progress: the action plan is its own milestone record; Re-invested in and Plan ref per action",
      "baseline: Service area / Net expenditure, 2009/10 outturn and cash prices in the title; a line with no amount",
      "Monitoring: Qtr with its Year in the next column, Profile, Actual saving; CIPFA indicators with Nearest neighbours, Net cost, Outputs; a dated publication note",
      "amounts in £",
    ],
  });
}
