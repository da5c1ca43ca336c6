/**
 * Ashcombe District Council (fictional): a district council's "Value for Money action plan 2012-15"
 * as its corporate finance team keeps it. Amounts in £. An "Efficiency Programme" sheet whose
 * register is an action plan (Action, Responsible officer, Due by, Progress) with a two-row header
 * (merged "Savings 2014/15 (£)" and "Risk" groups), "Cash / non-cash", R/A/G letters and a RAG
 * weighting key beside the title block (G 90%, A 60%, R 20%) that the weighted-saving formulas use;
 * a separate "Phasing" sheet whose year headers are financial-year-end dates (31/03/2013 ...); a
 * quarterly "Q3 monitoring" sheet ("Qtr" and "Period" in two columns) with a re-investment block
 * below it; CIPFA benchmarking; the 2011-12 outturn by service as the baseline. Written with exceljs.
 */
import { Expectations, FMT, addSheet, date, exceljsFixture, fx, sum, workbook, type BuiltFixture } from "./build";

const PROGRAMME = "Efficiency Programme";
const BUDGET = "Budget 2011-12";
const PHASING = "Phasing";
const MONITORING = "Q3 monitoring";
const BENCH = "Benchmarking";
const KEY: Record<string, number> = { G: 0.9, A: 0.6, R: 0.2 };

interface Action {
  no: number;
  action: string;
  service: string;
  cash: string;
  code: string;
  evidence: string;
  officer: string;
  due: string;
  progress: string;
  gross: number;
  costs: number;
  rag: "G" | "A" | "R" | null;
  reinvested: string;
  plan: string;
  quality: string;
  reviewed: string;
  /** Net saving in 2012/13 and 2013/14; 2014/15 is the register's net. */
  phasing: [number, number];
}

const FRONTLINE = ["Frontline services protection", "Medium Term Financial Strategy 2012-15"] as const;
const DFG = ["Disabled facilities grants top-up", "Housing capital programme 2012-15"] as const;
const TOWN = ["Town centre regeneration fund", "Corporate Plan 2012-16"] as const;

function actions(seeded: boolean): Action[] {
  const a = (
    no: number,
    action: string,
    service: string,
    cash: string,
    code: string,
    evidence: string,
    officer: string,
    due: string,
    progress: string,
    gross: number,
    costs: number,
    rag: Action["rag"],
    re: readonly [string, string],
    quality: string,
    reviewed: string,
    phasing: [number, number],
  ): Action => ({
    no,
    action,
    service,
    cash,
    code,
    evidence,
    officer,
    due,
    progress,
    gross,
    costs,
    rag,
    reinvested: re[0],
    plan: re[1],
    quality,
    reviewed,
    phasing,
  });
  return [
    a(
      1,
      "Re-tender waste and recycling collection contract",
      "Environmental services",
      "Cash",
      "E1020",
      "Cabinet report 14/03/2012",
      "Head of Environment",
      "2013-03-31",
      "Tender evaluation complete",
      310000,
      25000,
      "G",
      FRONTLINE,
      "No reduction: same collection frequency",
      "2012-12-10",
      [80000, 285000],
    ),
    a(
      2,
      "Shared revenues service with Brackley District Council",
      "Customer services and revenues",
      "Cash",
      "C3100",
      "Shared service business case 2012",
      "Head of Customer Services",
      "2013-06-30",
      "Staff consultation under way",
      245000,
      60000,
      "A",
      FRONTLINE,
      "Service standards in shared service agreement",
      "2012-11-28",
      [-40000, 150000],
    ),
    a(
      3,
      "Leisure centres transferred to a charitable trust",
      "Leisure and culture",
      "Cash",
      "L2200",
      "Trust business plan",
      "Head of Leisure",
      "2013-04-01",
      "Trust established",
      180000,
      35000,
      "A",
      TOWN,
      "Opening hours and prices protected in the contract",
      "2012-12-05",
      [0, 145000],
    ),
    a(
      4,
      "Vacate Mill Street annexe",
      "Corporate and democratic core",
      "Cash",
      "K0450",
      "Asset review 2011",
      "Head of Property",
      "2013-09-30",
      "Lease surrender agreed",
      95000,
      20000,
      "G",
      TOWN,
      "No public-facing service at the annexe",
      "2012-12-10",
      [0, 40000],
    ),
    a(
      5,
      "Online planning applications (channel shift)",
      "Planning and regulation",
      "Non-cash",
      "P1200",
      "Channel shift study",
      "Head of Planning",
      "2013-03-31",
      "Live for householder applications",
      60000,
      12000,
      "A",
      FRONTLINE,
      "Faster validation of applications",
      "2012-11-28",
      [10000, 48000],
    ),
    a(
      6,
      "Joint stationery and print contract",
      "Corporate and democratic core",
      seeded ? "TBC" : "Cash",
      "K0600",
      "Framework award notice",
      "Procurement Manager",
      "2012-12-31",
      "Complete",
      42000,
      0,
      "G",
      FRONTLINE,
      "No change to service",
      "2012-12-10",
      [21000, 42000],
    ),
    a(
      7,
      "Pay-on-exit machines reduce car park cash collection",
      "Car parks and transport",
      "Cash",
      "T0800",
      "Cash collection contract variation",
      "Head of Transport",
      "2013-05-31",
      "Machines ordered",
      38000,
      15000,
      "A",
      FRONTLINE,
      "No change to tariffs or opening",
      "2012-12-05",
      [0, 23000],
    ),
    a(
      8,
      "Fewer bed and breakfast placements through homelessness prevention",
      "Housing (general fund)",
      "Cash",
      "H0700",
      "Homelessness strategy 2012",
      "Head of Housing",
      "2014-03-31",
      "Prevention officer appointed",
      120000,
      30000,
      seeded ? null : "R",
      DFG,
      "Better outcome for households",
      "2012-12-05",
      [0, 45000],
    ),
    a(
      9,
      "Street cleansing route optimisation",
      "Environmental services",
      "Cash",
      "E1050",
      "Route review report",
      "Head of Environment",
      "2013-04-30",
      "Routes redesigned",
      15000,
      1500,
      "G",
      FRONTLINE,
      "Same cleansing standard (NI 195 survey)",
      "2012-12-10",
      [5000, 13500],
    ),
    a(
      10,
      "Committee servicing review",
      "Corporate and democratic core",
      "Cash",
      "K0100",
      "Council resolution 24/07/2012",
      "Head of Democratic Services",
      "2013-05-31",
      "Agreed by Council",
      28000,
      0,
      "G",
      DFG,
      "No change to public meetings",
      "2012-11-28",
      [7000, 28000],
    ),
  ];
}

const BUDGET_LINES: Array<[string, number, string | null]> = [
  ["Environmental services", 4862300, null],
  ["Housing (general fund)", 1214800, null],
  ["Leisure and culture", 2398650, null],
  ["Planning and regulation", 1705400, null],
  ["Customer services and revenues", 1932100, null],
  ["Corporate and democratic core", 2145900, null],
  ["Car parks and transport", 612450, "Gross expenditure: car park fees not netted off"],
];

export function ashcombeCouncil(seeded: boolean): BuiltFixture {
  const file = seeded ? "ashcombe-dc-vfm-action-plan-seeded.xlsx" : "ashcombe-dc-vfm-action-plan.xlsx";
  const wb = workbook("Ashcombe DC Corporate Finance", new Date(Date.UTC(2013, 0, 17, 10, 30, 0)));
  const prog = addSheet(wb, PROGRAMME);
  const phasing = addSheet(wb, PHASING);
  const mon = addSheet(wb, MONITORING);
  const bench = addSheet(wb, BENCH);
  const budget = addSheet(wb, BUDGET);
  const ex = new Expectations(seeded ? "ashcombe-S" : "ashcombe");

  budget.lines(1, ["Ashcombe District Council", "General fund revenue: outturn 2011-12 by service", "£, cash prices"]);
  budget.baseline(5, ["Service", "2011-12 (£)", "Notes"], BUDGET_LINES, FMT.pounds);
  budget.widths([34, 16, 46]);

  // Title block with the RAG weighting key beside it.
  prog.lines(
    1,
    [
      "Ashcombe District Council",
      "Value for Money action plan 2012-15",
      "All figures in £ unless stated",
      "Position at 31 December 2012 (Quarter 3)",
    ],
    2,
  );
  prog.row(5, 1, ["Prepared by:", "Corporate Finance (M. Hale)", null, "Date:", date("2013-01-17")]);
  prog.set("T1", "RAG weighting", { bold: true });
  prog.key(2, 20, ["RAG", "Weighting"], KEY);
  const H = 7;
  const first = H + 2;
  prog.mergedDown(
    H,
    1,
    ["No.", "Action", "Service", "Cash / non-cash", "Budget code", "Evidence", "Responsible officer", "Due by", "Progress"],
    2,
  );
  prog.merged(`J${H}:L${H}`, "Savings 2014/15 (£)");
  prog.row(H + 1, 10, ["Gross", "Implementation costs", "Net"], undefined, true);
  prog.merged(`M${H}:N${H}`, "Risk");
  prog.row(H + 1, 13, ["RAG", "Weighted saving"], undefined, true);
  prog.mergedDown(H, 15, ["Reinvested in", "Plan ref", "Quality cross-check", "Last reviewed"], 2);

  const list = actions(seeded);
  const rowOf = new Map<number, number>();
  const netShown: number[] = [];
  const weighted: number[] = [];
  list.forEach((act, i) => {
    const r = first + i;
    rowOf.set(act.no, r);
    prog.row(r, 1, [act.no, act.action, act.service, act.cash, act.code, act.evidence, act.officer, date(act.due), act.progress]);
    prog.row(r, 10, [act.gross, act.costs], FMT.pounds);
    if (seeded && act.no === 9) {
      // Seeded: the net typed over its formula, and wrong (15,000 - 1,500 is 13,500).
      prog.set(`L${r}`, 12500, { fmt: FMT.pounds });
      netShown.push(12500);
    } else {
      prog.set(`L${r}`, fx(`J${r}-K${r}`, act.gross - act.costs), { fmt: FMT.pounds });
      netShown.push(act.gross - act.costs);
    }
    prog.set(`M${r}`, act.rag);
    // A blank RAG falls through to the R weighting in the nested IF.
    const w = act.rag === "G" ? KEY.G : act.rag === "A" ? KEY.A : KEY.R;
    weighted.push(act.gross * w - act.costs);
    prog.set(`N${r}`, fx(`J${r}*IF(M${r}="G",$U$3,IF(M${r}="A",$U$4,$U$5))-K${r}`, act.gross * w - act.costs), { fmt: FMT.pounds });
    prog.row(r, 15, [act.reinvested, act.plan, act.quality, date(act.reviewed)]);
  });
  const last = first + list.length - 1;
  const total = last + 1;
  const totals: Array<[string, number]> = [
    ["J", sum(list.map((x) => x.gross))],
    ["K", sum(list.map((x) => x.costs))],
    ["L", sum(netShown)],
    ["N", sum(weighted)],
  ];
  prog.totals(total, first, last, totals, FMT.pounds, "Total", "B");
  prog.lines(
    total + 2,
    [
      "Weighted saving = gross saving x RAG weighting (key at T2:U5) less implementation costs.",
      "Published in Ashcombe Matters, the residents' newsletter, October 2012 edition (published 05/10/2012).",
    ],
    0,
  );
  prog.widths([5, 46, 28, 10, 10, 30, 26, 11, 28, 11, 12, 11, 6, 12, 30, 34, 40, 12, 3, 8, 10]);

  // Phasing: net saving by year, year headers written as financial-year-end dates.
  phasing.lines(1, ["Ashcombe District Council", "Phasing of net savings by financial year (£)"]);
  phasing.row(4, 1, ["No.", "Action", date("2013-03-31"), date("2014-03-31"), date("2015-03-31"), "Notes"], undefined, true);
  const phaseRow = new Map<number, number>();
  list.forEach((act, i) => {
    const r = 5 + i;
    phaseRow.set(act.no, r);
    // Seeded no. 4: the phasing was not updated when the lease surrender was agreed (register 75,000).
    const targetYear = seeded && act.no === 4 ? 80000 : act.gross - act.costs;
    phasing.row(
      r,
      1,
      [act.no, act.action, act.phasing[0], act.phasing[1], targetYear, null],
      [undefined, undefined, FMT.pounds, FMT.pounds, FMT.pounds],
    );
  });
  phasing.widths([5, 46, 12, 12, 12, 30]);

  // Quarterly monitoring to CMT, then the re-investment block.
  mon.lines(1, [
    "Ashcombe District Council",
    "VfM action plan: quarterly monitoring to Corporate Management Team (cashable, £, cumulative in year)",
  ]);
  mon.row(4, 1, ["Qtr", "Period", "Plan", "Actual", "Budget monitoring", "Benchmarking", "Milestones", "Risks"], undefined, true);
  const quarters: Array<[string, number, number]> = [
    ["Q1", 45000, 41500],
    ["Q2", 95000, 88000],
    ["Q3", 150000, 139500],
  ];
  let qr = 5;
  for (const [q, planned, actual] of quarters) {
    if (seeded && q === "Q2") continue; // Seeded: the Q2 update never made it into the tracker.
    mon.row(
      qr++,
      1,
      [
        q,
        "2012/13",
        planned,
        actual,
        `Revenue monitoring ${q} 2012/13`,
        "CIPFA nearest neighbours 2011-12",
        `Action plan progress column, ${q}`,
        `Corporate risk register reviewed ${q}`,
      ],
      [undefined, undefined, FMT.pounds, FMT.pounds],
    );
  }
  const trackerEnd = qr - 1;
  const cashable = list.filter((x) => x.cash === "Cash").map((x) => x.gross - x.costs);
  const cashTotal = sum(cashable);
  // This block is in £'000 (it is copied from the budget report), unlike the rest of the workbook.
  mon.reinvestment(
    trackerEnd + 3,
    { title: "Re-investment of cashable savings 2014/15", headers: ["Reinvested in", "Budget", "£'000"], col: "C", fmt: "#,##0.0" },
    [
      [FRONTLINE, (cashTotal - 73000 - 220000) / 1000],
      [DFG, 73000 / 1000],
      [TOWN, 220000 / 1000],
    ],
    cashTotal / 1000,
  );
  mon.widths([30, 36, 12, 12, 28, 32, 32, 34]);

  bench.lines(1, ["Ashcombe District Council", "Benchmarking: CIPFA nearest neighbours, 2011-12"]);
  bench.measures(
    4,
    ["Indicator", "Indicator type", "Net spend £", "Activity volume", "Ashcombe", "Nearest neighbour average"],
    [
      { measure: "Corporate HQ costs per head of population (£)", type: "HQ cost", own: 38.4, comparator: 41.1 },
      { measure: "Household waste collected (tonnes)", type: "Output", own: 41250, comparator: 43900 },
      { measure: "Residents satisfied with the way the council runs things", type: "Outcome", own: 0.71, comparator: 0.68 },
      { measure: "Cost per household of waste collection (£)", type: "Unit cost", spend: 2480000, volume: 46200, comparator: 55.2 },
    ],
    { spendFirst: true, figure: FMT.pounds2, spend: FMT.pounds },
  );
  bench.widths([50, 14, 14, 16, 12, 14]);

  const row = (no: number): number => rowOf.get(no)!;
  ex.neverAny(
    [
      "ii.register-present",
      "i.baseline-present",
      "i.baseline-year",
      "i.basis-stated",
      "i.price-base-stated",
      "iv.profile-present",
      "vii.measures-present",
      "ix.publication-record",
      "i.gain-baseline-line",
      "iv.profile-numbers",
    ],
    "the workbook holds this evidence (action plan, 2011-12 outturn by service with year and unit in the header, Phasing by year-end date, CIPFA measures, a dated Published note)",
  );
  for (const range of [`N${first}:N${row(7)}`, `N${row(9)}:N${last}`]) {
    ex.never(
      "viii.risk-adjusted-recomputes",
      PROGRAMME,
      range,
      "weighted savings use the workbook's own key (G 90%, A 60%, R 20%), and so does the check",
    );
  }
  for (const range of [`D${first}:D${row(5)}`, `D${row(7)}:D${last}`]) {
    ex.never("ii.type-stated", PROGRAMME, range, "Cash and Non-cash are the workbook's words for cashable and non-cashable");
  }
  // docs/spec/workbook.md: units compared must be the same "or the finding says so"; the amounts are converted
  // exactly either way, so a finding about the £'000 block is neither required nor wrong.
  ex.tolerate(
    "method.mixed-units",
    MONITORING,
    undefined,
    "the re-investment block is in £'000 and the register in £: both stated, converted exactly",
  );
  ex.never("vi.trajectory-actual", undefined, undefined, "every quarter in the tracker has its Plan and Actual");
  if (!seeded) {
    ex.never("vi.quarters-present", undefined, undefined, "Q1 to Q3 2012/13 are all in the tracker");
    ex.never("v.reinvestment-plan-total", undefined, undefined, "the re-investment block adds up to the cashable 2014/15 net savings");
    ex.never("iv.profile-target-year", undefined, undefined, "every Phasing 31/03/2015 value equals the register's net saving");
  } else {
    ex.defect(
      "iv.profile-target-year",
      PHASING,
      `E${phaseRow.get(4)!}`,
      "Action 4's phasing for 2014/15 (year ending 31/03/2015) is 80,000 but its net saving in the register is 75,000.",
    );
    ex.defect(
      "vi.quarters-present",
      MONITORING,
      `A4:H${trackerEnd}`,
      "The Q2 2012/13 update is missing from the tracker (Q1 and Q3 are there; Q2 ended 30/09/2012).",
    );
    ex.defect("ii.type-stated", PROGRAMME, `D${row(6)}`, 'Action 6 (stationery contract) is "TBC" in Cash / non-cash.');
    ex.defect("viii.deliverability-present", PROGRAMME, `M${row(8)}`, "Action 8 (bed and breakfast placements) has no RAG rating.");
    ex.defect(
      "iii.net-recomputes",
      PROGRAMME,
      `L${row(9)}`,
      "Action 9's net saving is typed as 12,500; gross 15,000 less costs 1,500 is 13,500.",
    );
    ex.tolerate(
      "iv.profile-target-year",
      PHASING,
      `E${phaseRow.get(9)!}`,
      "action 9's phasing has the right 13,500, its typed register net the wrong 12,500",
    );
    ex.tolerate(
      "viii.risk-adjusted-recomputes",
      PROGRAMME,
      `N${row(8)}`,
      "with no RAG, action 8's weighted saving falls through to the R weighting",
    );
    ex.tolerate(
      "v.reinvestment-plan-total",
      undefined,
      undefined,
      "the re-investment block counts action 6 as cash and action 9 at its right net",
    );
    ex.tolerate("viii.total-risk-adjusted", undefined, undefined, "the weighted total includes action 8 at the R weighting");
  }
  return exceljsFixture(wb, ex, {
    file,
    body: `Ashcombe District Council (fictional district): Value for Money action plan 2012-15${seeded ? ", with seeded defects" : ", clean"}`,
    reportingDate: "2012-12-31",
    shapes: [
      "own sheet names (Efficiency Programme, Phasing, Q3 monitoring, Benchmarking, Budget 2011-12)",
      "title block: organisation, plan name, All figures in £ unless stated, position at 31 December, prepared by, date; outturn and cash prices on the budget sheet",
      "two-row header: merged Savings 2014/15 (£) and Risk groups over sub-headers; 2011-12 (£) year and unit in a header",
      "action-plan words: Action, Responsible officer, Due by, Progress (inline milestones)",
      "Cash / non-cash; R/A/G letters; a G 90% / A 60% / R 20% weighting key beside the title block used by nested IF formulas",
      "separate Phasing sheet with financial-year-end dates (31/03/2013, 31/03/2014, 31/03/2015) as year headers",
      "quarterly tracker with Qtr and Period in separate columns; a re-investment block below it",
      "Total row and footnotes under the register; a dated Published in ... note",
      "benchmarking with Indicator type, Net spend, Activity volume and a unit cost formula",
      "amounts in £, the re-investment block in £'000",
    ],
  });
}
