/**
 * Severnvale Police (fictional): a force's "Efficiency Programme" for 2013-16 in whole pounds. The
 * register's two-row header puts a merged "Net saving (£)" group over financial-year-end dates
 * (31/03/2014, 31/03/2015, 31/03/2016) and carries the target year's gross and costs with the year
 * in the header ("Gross saving 2015/16 £"); G/A/R as words (Green, Amber, Red) weighted by a key
 * beside the title block (Green 100%, Amber 75%, Red 40%) through VLOOKUP; a Total row and a
 * re-investment block below. "Board monitoring" holds the quarterly tracker ("Quarter ending",
 * "Plan to date", "Achieved to date"), a milestones block ("Due by") and publication notes;
 * "Benchmarking" a Measure / Measure type block with Net spend and Activity volume; "GRE 2012-13"
 * the baseline. Written with exceljs, re-saved by LibreOffice Calc.
 */
import { Expectations, FMT, addSheet, date, exceljsFixture, fx, sum, workbook, type BuiltFixture } from "./build";

const PROGRAMME = "Efficiency Programme";
const BOARD = "Board monitoring";
const BENCH = "Benchmarking";
const GRE = "GRE 2012-13";
const KEY: Record<string, number> = { Green: 1, Amber: 0.75, Red: 0.4 };

interface Project {
  id: string;
  project: string;
  area: string;
  type: "Cashable" | "Non-cashable";
  costCentre: string;
  heading: string;
  evidence: string;
  gross: number;
  costs: number;
  /** Net saving in 2013/14 and 2014/15 (2015/16 is gross - costs); text where the workbook has text. */
  net: [number, number | string];
  gar: "Green" | "Amber" | "Red";
  re: readonly [string, string];
  impact: string;
  owner: string;
  reviewed: string;
}

const FRONT = ["Frontline officer numbers", "Police and Crime Plan 2013-17"] as const;
const CYBER = ["Cyber crime unit", "Police and Crime Plan 2013-17"] as const;
const RES = ["General reserve (risk of grant reduction)", "Reserves strategy 2013-16"] as const;

const PROJECTS: Project[] = [
  {
    id: "SV-01",
    project: "Operating model: response and neighbourhood teams merged",
    area: "Local policing",
    type: "Cashable",
    costCentre: "LP1000",
    heading: "Police officer pay",
    evidence: "Operating model business case v2",
    gross: 2350000,
    costs: 0,
    net: [640000, 1800000],
    gar: "Amber",
    re: FRONT,
    impact: "Response times maintained (HMIC inspection 2013)",
    owner: "ACC Local Policing",
    reviewed: "2014-02-20",
  },
  {
    id: "SV-02",
    project: "Enabling services shared with Wyeshire Police",
    area: "Enabling services",
    type: "Cashable",
    costCentre: "ES2100",
    heading: "Police staff pay",
    evidence: "Collaboration agreement 2013",
    gross: 1480000,
    costs: 120000,
    net: [-310000, 690000],
    gar: "Green",
    re: FRONT,
    impact: "None",
    owner: "Director of Resources",
    reviewed: "2014-03-06",
  },
  {
    id: "SV-03",
    project: "Estates: sell Riverside headquarters annexe",
    area: "Estates",
    type: "Cashable",
    costCentre: "EST300",
    heading: "Premises",
    evidence: "Estates strategy 2013-18",
    gross: 410000,
    costs: 35000,
    net: [0, 220000],
    gar: "Amber",
    re: RES,
    impact: "None: annexe is not public-facing",
    owner: "Head of Estates",
    reviewed: "2014-02-20",
  },
  {
    id: "SV-04",
    project: "Fleet: telematics and 40 fewer vehicles",
    area: "Fleet",
    type: "Cashable",
    costCentre: "FL400",
    heading: "Transport",
    evidence: "Fleet review 2013",
    gross: 395000,
    costs: 0,
    net: [180000, "tbc"],
    gar: "Green",
    re: CYBER,
    impact: "No change to deployment",
    owner: "Head of Fleet",
    reviewed: "2014-03-06",
  },
  {
    id: "SV-05",
    project: "Body-worn video: less time on file preparation",
    area: "Criminal justice",
    type: "Non-cashable",
    costCentre: "CJ500",
    heading: "Police officer pay",
    evidence: "Pilot evaluation, Severnvale East",
    gross: 860000,
    costs: 150000,
    net: [-420000, 350000],
    gar: "Red",
    re: FRONT,
    impact: "More officer time on patrol",
    owner: "Head of Criminal Justice",
    reviewed: "2014-03-13",
  },
  {
    id: "SV-06",
    project: "Procurement: national frameworks for ICT and uniform",
    area: "Enabling services",
    type: "Cashable",
    costCentre: "ES2400",
    heading: "Supplies and services",
    evidence: "Framework call-off log 2013-14",
    gross: 520000,
    costs: 0,
    net: [260000, 460000],
    gar: "Green",
    re: CYBER,
    impact: "None",
    owner: "Head of Procurement",
    reviewed: "2014-03-06",
  },
  {
    id: "SV-07",
    project: "Control room: single site and new rota",
    area: "Operational support",
    type: "Cashable",
    costCentre: "OS600",
    heading: "Police staff pay",
    evidence: "Control room review report",
    gross: 640000,
    costs: 60000,
    net: [0, 310000],
    gar: "Amber",
    re: FRONT,
    impact: "Call answering targets unchanged",
    owner: "Head of Contact Management",
    reviewed: "2014-02-27",
  },
  {
    id: "SV-08",
    project: "Custody: regional detention officer contract",
    area: "Criminal justice",
    type: "Cashable",
    costCentre: "CJ520",
    heading: "Third party payments",
    evidence: "Contract award notice 2013/44",
    gross: 275000,
    costs: 25000,
    net: [90000, 250000],
    gar: "Red",
    re: RES,
    impact: "Same custody standards (PACE)",
    owner: "Head of Criminal Justice",
    reviewed: "2014-03-13",
  },
];

const GRE_LINES: Array<[string, number]> = [
  ["Police officer pay", 118640000],
  ["Police staff pay", 49215000],
  ["Premises", 9880000],
  ["Transport", 5120000],
  ["Supplies and services", 17345000],
  ["Third party payments", 3960000],
];

export function severnvalePolice(): BuiltFixture {
  const file = "severnvale-police-efficiency-programme-seeded.xlsx";
  const wb = workbook("Severnvale Police Finance", new Date(Date.UTC(2014, 3, 10, 16, 0, 0)));
  const prog = addSheet(wb, PROGRAMME);
  const board = addSheet(wb, BOARD);
  const bench = addSheet(wb, BENCH);
  const gre = addSheet(wb, GRE);
  const ex = new Expectations("severnvale-S");

  // The budget summary is in £m, as the budget book gives it; the programme is in whole pounds.
  gre.set("A1", "Severnvale Police: gross revenue expenditure 2012-13 (original budget, cash)", { bold: true });
  const inMillions = GRE_LINES.map(([line, amount]): [string, number] => [line, amount / 1e6]);
  gre.baseline(3, ["Budget heading", "GRE 2012/13 £m"], inMillions, FMT.millions, "Total GRE");
  gre.widths([30, 34]);

  prog.lines(
    1,
    [
      "Severnvale Police",
      "Efficiency Programme 2013-16",
      "£ (whole pounds)",
      "Position at 31 March 2014: year-end report to the Joint Audit and Efficiency Board",
    ],
    2,
  );
  prog.row(5, 1, ["Prepared by:", "Strategic Finance", null, "Date:", date("2014-04-10")]);
  prog.set("V1", "G/A/R weighting", { bold: true });
  prog.key(2, 22, ["G/A/R", "Weight"], KEY);
  const H = 7;
  const first = H + 2;
  prog.mergedDown(
    H,
    1,
    [
      "ID",
      "Project",
      "Business area",
      "Cash/Non-cash",
      "Cost centre",
      "Budget heading",
      "Evidence",
      "Gross saving 2015/16 £",
      "Costs 2015/16 £",
    ],
    2,
  );
  prog.merged(`J${H}:L${H}`, "Net saving (£)");
  prog.row(H + 1, 10, [date("2014-03-31"), date("2015-03-31"), date("2016-03-31")], undefined, true);
  prog.mergedDown(H, 13, ["G/A/R", "Weighted saving 2015/16 £", "Reinvested in", "Plan", "Service impact", "Owner", "Last reviewed"], 2);
  const rowOf = new Map<string, number>();
  const weighted: number[] = [];
  PROJECTS.forEach((p, i) => {
    const r = first + i;
    rowOf.set(p.id, r);
    prog.row(r, 1, [p.id, p.project, p.area, p.type, p.costCentre, p.heading, p.evidence]);
    prog.row(r, 8, [p.gross, p.costs, p.net[0], p.net[1]], FMT.pounds);
    prog.set(`L${r}`, fx(`H${r}-I${r}`, p.gross - p.costs), { fmt: FMT.pounds });
    prog.set(`M${r}`, p.gar);
    if (p.id === "SV-07") {
      // Seeded: the Amber gain's weighting points at the Green row of the key.
      prog.set(`N${r}`, fx(`H${r}*$W$3-I${r}`, p.gross * KEY.Green - p.costs), { fmt: FMT.pounds });
      weighted.push(p.gross * KEY.Green - p.costs);
    } else {
      prog.set(`N${r}`, fx(`H${r}*VLOOKUP(M${r},$V$3:$W$5,2,FALSE)-I${r}`, p.gross * KEY[p.gar] - p.costs), { fmt: FMT.pounds });
      weighted.push(p.gross * KEY[p.gar] - p.costs);
    }
    prog.row(r, 15, [p.re[0], p.re[1], p.impact, p.owner, date(p.reviewed)]);
  });
  const last = first + PROJECTS.length - 1;
  const total = last + 1;
  const numeric = (v: number | string): number => (typeof v === "number" ? v : 0);
  const totals: Array<[string, number]> = [
    ["H", sum(PROJECTS.map((p) => p.gross))],
    ["I", sum(PROJECTS.map((p) => p.costs))],
    ["J", sum(PROJECTS.map((p) => numeric(p.net[0])))],
    ["K", sum(PROJECTS.map((p) => numeric(p.net[1])))],
    ["L", sum(PROJECTS.map((p) => p.gross - p.costs))],
    ["N", sum(weighted)],
  ];
  prog.totals(total, first, last, totals, FMT.pounds);

  const re = total + 3;
  const cashable = sum(PROJECTS.filter((p) => p.type === "Cashable").map((p) => p.gross - p.costs));
  const reTotal = prog.reinvestment(
    re,
    {
      title: "Re-investment of cashable savings 2015/16",
      headers: ["Reinvested in", "Plan", null, null, null, null, null, "£"],
      col: "H",
      fmt: FMT.pounds,
    },
    [
      [FRONT, 3200000],
      [CYBER, 850000],
      [RES, cashable - 4050000],
    ],
    cashable,
  );
  prog.set(`A${reTotal + 2}`, "Weighted saving = gross saving 2015/16 x G/A/R weight (key at V2:W5) less costs 2015/16.");
  prog.widths([7, 46, 20, 13, 10, 22, 30, 14, 12, 12, 12, 12, 8, 14, 30, 30, 38, 26, 12, 3, 3, 9, 8]);

  // Board monitoring. Seeded: the tracker stops at Q3 although Q4 2013-14 ended on the reporting date.
  board.lines(1, ["Severnvale Police: Joint Audit and Efficiency Board", "Quarterly tracker 2013-14, cashable savings (£, cumulative)"]);
  const quarters: Array<[string, number, number, string]> = [
    ["2013-06-30", 190000, 172000, "2013-07-25"],
    ["2013-09-30", 380000, 351000, "2013-10-24"],
    ["2013-12-31", 580000, 544000, "2014-01-23"],
  ];
  const trackerEnd = board.table(
    4,
    [
      "Quarter ending",
      "Plan to date",
      "Achieved to date",
      "Budget evidence",
      "Comparative data",
      "Milestones",
      "Risk review",
      "Board date",
    ],
    quarters.map(([end, planned, achieved, boardDate], i) => [
      end,
      planned,
      achieved,
      `Budget monitoring month ${3 * (i + 1)}`,
      "HMIC VfM profile 2013",
      `Programme milestone report Q${i + 1}`,
      `Programme risk log Q${i + 1}`,
      boardDate,
    ]),
    [FMT.date, FMT.pounds, FMT.pounds],
  );
  const ms = trackerEnd + 3;
  const msEnd = board.block(
    ms,
    "Milestones",
    ["ID", "Milestone", "Due by", "Status"],
    [
      ["SV-01", "New operating model live in all four areas", "2014-04-01", "On track"],
      ["SV-01", "Officer posts released to neighbourhood teams", "2014-09-30", "On track"],
      ["SV-02", "Shared enabling services go live", "2014-01-06", "Complete"],
    ],
  );
  const pub = msEnd + 2;
  // Seeded: the publication note gives no date.
  board.lines(pub, ["Publication", "Published in the Police and Crime Commissioner's Annual Report (efficiency section)."]);
  board.widths([16, 46, 16, 28, 24, 30, 24, 12]);

  bench.set("A1", "Severnvale Police: benchmarking 2012-13 (HMIC Value for Money profile)", { bold: true });
  bench.measures(
    3,
    ["Measure", "Measure type", "Net spend £", "Activity volume", "Severnvale", "Most similar group"],
    [
      { measure: "Headquarters costs (£ per head of population)", type: "HQ cost", own: 11.8, comparator: 12.45 },
      { measure: "Emergency calls answered within 10 seconds", type: "Outcome", own: 0.92, comparator: 0.9 },
      { measure: "Crimes charged or summonsed", type: "Output", own: 15240, comparator: 14880 },
      { measure: "Cost per incident attended (£)", type: "Unit cost", spend: 21300000, volume: 148500, comparator: 139.2 },
    ],
    { spendFirst: true, figure: FMT.money2, spend: FMT.pounds },
  );
  bench.widths([46, 14, 14, 16, 12, 18]);

  const row = (id: string): number => rowOf.get(id)!;
  ex.neverAny(
    [
      "ii.register-present",
      "i.baseline-present",
      "i.baseline-year",
      "i.basis-stated",
      "iv.profile-present",
      "vii.measures-present",
      "iv.milestones",
      "i.gain-baseline-line",
      "ii.type-stated",
      "viii.deliverability-present",
    ],
    "the workbook holds this evidence (programme with inline profile by year-end date, GRE 2012/13 original budget, milestones, HMIC measures), in £, the GRE in £m",
  );
  ex.never("method.mixed-units", PROGRAMME, undefined, "every amount in the programme is in £");
  // docs/spec/workbook.md: units compared must be the same "or the finding says so"; the baseline is converted
  // exactly either way, so a finding about the £m budget summary is neither required nor wrong.
  ex.tolerate("method.mixed-units", GRE, undefined, "the GRE is in £m and the programme in £: both stated, converted exactly");
  ex.never(
    "viii.risk-adjusted-recomputes",
    PROGRAMME,
    `N${first}:N${row("SV-06")}`,
    "the G/A/R words are weighted by the workbook's own key (Green 100%, Amber 75%, Red 40%)",
  );
  ex.never("viii.risk-adjusted-recomputes", PROGRAMME, `N${row("SV-08")}`, "SV-08 is Red: 40% by the workbook's own key");
  ex.never("iv.ongoing", undefined, undefined, "every project stays positive once it first accrues (SV-04's text cell is not a zero)");
  ex.never("iv.profile-target-year", undefined, undefined, "the 31/03/2016 column is the register's own net saving");
  ex.never("v.reinvestment-plan-total", undefined, undefined, "the re-investment block adds up to the cashable 2015/16 net savings");
  ex.defect(
    "vi.quarters-present",
    BOARD,
    `A4:H${trackerEnd}`,
    "No Q4 2013-14 update: the tracker stops at 31/12/2013 though the quarter to 31/03/2014 has ended.",
  );
  ex.defect("iv.profile-numbers", PROGRAMME, `K${row("SV-04")}`, 'SV-04\'s net saving for the year to 31/03/2015 is "tbc", not a number.');
  ex.defect(
    "viii.risk-adjusted-recomputes",
    PROGRAMME,
    `N${row("SV-07")}`,
    "SV-07 is Amber, but its weighted saving uses the Green weight ($W$3): 580,000 instead of 640,000 x 75% - 60,000 = 420,000.",
  );
  ex.defect(
    "ix.publication-record",
    BOARD,
    `A${pub}:H${pub + 1}`,
    "The publication note says where the programme was published but gives no date.",
  );
  ex.tolerate("viii.total-risk-adjusted", undefined, undefined, "the weighted total includes SV-07 at the Green weight");
  return exceljsFixture(
    wb,
    ex,
    {
      file,
      body: "Severnvale Police (fictional force): Efficiency Programme 2013-16, year-end position, with seeded defects",
      reportingDate: "2014-03-31",
      shapes: [
        "own sheet names (Efficiency Programme, Board monitoring, Benchmarking, GRE 2012-13)",
        "title block: organisation, programme name, £ (whole pounds), position at 31 March, prepared by, date; original budget and cash on the GRE sheet",
        "two-row header: a merged Net saving (£) group over financial-year-end dates 31/03/2014, 31/03/2015, 31/03/2016",
        "years and units in header text (Gross saving 2015/16 £, GRE 2012/13 £m)",
        "yearly profile inline in the register",
        "G/A/R words (Green, Amber, Red) and a Green 100% / Amber 75% / Red 40% key beside the title block used by VLOOKUP",
        "several blocks: register, Total row, re-investment block, footnote; tracker, milestones and publication blocks on Board monitoring",
        "Quarter ending dates, Plan to date, Achieved to date, Due by",
        "benchmarking: Measure, Measure type, Net spend £, Activity volume",
        "amounts in £, the baseline in £m",
      ],
    },
    true,
  );
}
