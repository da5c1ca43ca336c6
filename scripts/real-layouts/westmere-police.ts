/**
 * Westmere Police Authority (fictional): a force's "Savings Plan 2011-15" as a force accountant
 * builds it. Figures in £'000. One register with a three-row header (a "Savings profile" band over
 * merged Gross / One-off costs / Net groups over the years 2011/12 to 2014/15), the yearly profile
 * inline, C/NC and G/A/R codes, a risk-adjusted column that looks its weighting up on a hidden
 * Lookups sheet (G 100%, A 50%, R 25%), a Total row, a target block, a re-investment block and
 * footnotes on the same sheet; the 2010-11 original budget on its own sheet; a Board monitoring
 * sheet with the quarterly tracker ("Quarter ending" dates, "Plan to date", "Achieved to date"), a
 * milestones block and dated "Published in ..." notes; HMIC benchmarking. Written with exceljs, then
 * re-saved by LibreOffice Calc (the shell step), so the committed file is LibreOffice's.
 */
import { Expectations, FMT, L, addSheet, date, exceljsFixture, fx, sum, workbook, type BuiltFixture } from "./build";

const PLAN = "Savings Plan 2011-15";
const BUDGET = "Revenue budget 2010-11";
const BOARD = "Board monitoring";
const BENCH = "Benchmarking";
const YEARS = ["2011/12", "2012/13", "2013/14", "2014/15"];
/** 2013/14: the baseline year 2010-11 plus the three years of the spending period. */
const TARGET = 2;
const WEIGHTS: Record<string, number> = { G: 1, A: 0.5, R: 0.25 };

interface Gain {
  ref: string;
  proposal: string;
  portfolio: string;
  type: "C" | "NC";
  costCentre: string | null;
  heading: string;
  evidence: string;
  gross: number[];
  costs: Array<number | null>;
  gar: "G" | "A" | "R";
  reinvested: string | null;
  plan: string | null;
  impact: string;
  officer: string;
  reviewed: string;
}

const NPT = ["Neighbourhood policing teams", "Policing Plan 2011-14"] as const;
const FRONTLINE = ["Protecting frontline officer posts", "Medium Term Financial Strategy 2011-15"] as const;
const PPU = ["Public protection unit", "Policing Plan 2011-14"] as const;
const NONE = "None: service levels maintained";

function gains(seeded: boolean): Gain[] {
  const g = (
    ref: string,
    proposal: string,
    portfolio: string,
    type: "C" | "NC",
    costCentre: string | null,
    heading: string,
    evidence: string,
    gross: number[],
    costs: Array<number | null>,
    gar: "G" | "A" | "R",
    re: readonly [string, string] | null,
    officer: string,
    reviewed: string,
    impact = NONE,
  ): Gain => ({
    ref,
    proposal,
    portfolio,
    type,
    costCentre,
    heading,
    evidence,
    gross,
    costs,
    gar,
    reinvested: re?.[0] ?? null,
    plan: re?.[1] ?? null,
    impact,
    officer,
    reviewed,
  });
  return [
    g(
      "W01",
      "Joint control room with Eastfield Fire and Rescue",
      "Operational support",
      "C",
      "OS100 Control room",
      "Police staff pay",
      "Collaboration agreement, PA 15/03/2011",
      [0, 600, 1200, 1200],
      [350, 150, 0, 0],
      "G",
      NPT,
      "ACC Operations",
      "2012-09-12",
    ),
    g(
      "W02",
      "Back office restructure: HR, finance and admin posts",
      "Business support",
      "C",
      "BS210 HR and finance",
      "Police staff pay",
      "Restructure report, PA 21/06/2011",
      [900, 1400, 1400, 1400],
      [200, 0, 0, 0],
      "G",
      FRONTLINE,
      "Director of Resources",
      "2012-09-12",
    ),
    g(
      "W03",
      "Fleet: fewer vehicles, pool cars and telematics",
      "Estates and fleet",
      "C",
      "EF310 Fleet",
      "Transport",
      "Fleet review 2011",
      [150, 320, 380, 380],
      [40, 0, 0, 0],
      "A",
      NPT,
      "Head of Estates and Fleet",
      "2012-08-29",
    ),
    g(
      "W04",
      "Estates rationalisation: close Hillcrest station",
      "Estates and fleet",
      "C",
      "EF300 Premises",
      "Premises",
      "Estates strategy 2011-15",
      [0, 250, 610, 610],
      [0, 120, 30, 0],
      "A",
      FRONTLINE,
      "Head of Estates and Fleet",
      "2012-08-29",
    ),
    g(
      "W05",
      "Regional uniform and equipment framework",
      "Business support",
      "C",
      "BS240 Procurement",
      "Supplies and services",
      "Framework award 09/2011",
      [180, 260, 260, 260],
      seeded ? [null, null, null, null] : [0, 0, 0, 0],
      "G",
      FRONTLINE,
      "Head of Procurement",
      "2012-09-05",
    ),
    g(
      "W06",
      "Overtime control through a duty planning system",
      "Operational policing",
      "C",
      "OP110 Overtime",
      "Police officer pay",
      "Overtime budget monitoring P6",
      [300, 520, 640, 640],
      [90, 60, 0, 0],
      "A",
      NPT,
      "ACC Territorial Policing",
      "2012-09-19",
    ),
    g(
      "W07",
      "Mobile data: officer time released to patrol",
      "Operational policing",
      "NC",
      "OP100 Response",
      "Police officer pay",
      "Time and motion study 2011",
      [0, 800, 1500, 1500],
      [250, 100, 50, 50],
      "R",
      null,
      "ACC Territorial Policing",
      "2012-09-19",
    ),
    g(
      "W08",
      "ICT server consolidation and licence review",
      "Business support",
      "C",
      seeded ? null : "IT400 ICT",
      "Supplies and services",
      "ICT strategy 2011",
      [100, 210, 240, 240],
      [60, 20, 0, 0],
      "G",
      PPU,
      "Head of ICT",
      "2012-09-05",
    ),
    g(
      "W09",
      "Regional custody suite with Northfield",
      "Operational support",
      "C",
      "OS120 Custody",
      "Police staff pay",
      "Custody business case v3",
      [0, 0, 450, 900],
      [0, 300, 200, 0],
      "R",
      PPU,
      "ACC Operations",
      "2012-09-12",
    ),
    g(
      "W10",
      "Building management systems in six stations",
      "Estates and fleet",
      "C",
      "EF320 Energy",
      "Premises",
      "Energy audit 2010",
      [40, 90, 90, 90],
      [55, 0, 0, 0],
      "G",
      FRONTLINE,
      "Head of Estates and Fleet",
      "2012-08-29",
    ),
    g(
      "W11",
      "Forensic services contract renegotiated",
      "Operational support",
      "C",
      "OS130 Forensics",
      "Agency and contracted services",
      "Contract variation 04/2012",
      seeded ? [0, 140, 210, 0] : [0, 140, 210, 210],
      [0, 0, 0, 0],
      "A",
      PPU,
      "Head of Scientific Support",
      "2012-09-12",
    ),
    seeded
      ? g(
          "W12",
          "Front counters: shorter opening hours at four stations",
          "Local policing",
          "C",
          "LP150 Front counters",
          "Police staff pay",
          "Front counter review 2011",
          [0, 180, 240, 240],
          [60, 0, 0, 0],
          "G",
          NPT,
          "Chief Superintendent Local Policing",
          "2012-09-19",
          "Service reduction: counters open 10:00-16:00 only",
        )
      : g(
          "W12",
          "Payroll shared with Eastfield County Council",
          "Business support",
          "C",
          "BS220 Payroll",
          "Police staff pay",
          "Shared service agreement 2012",
          [0, 180, 240, 240],
          [60, 0, 0, 0],
          "G",
          NPT,
          "Director of Resources",
          "2012-09-19",
        ),
  ];
}

const BUDGET_LINES: Array<[string, number, string]> = [
  ["Police officer pay", 98450, ""],
  ["Police staff pay", 41230, ""],
  ["Premises", 7960, ""],
  ["Transport", 4310, ""],
  ["Supplies and services", 13740, ""],
  ["Agency and contracted services", 3120, ""],
  ["Capital financing", 2450, "Revenue contribution and debt charges"],
];

export function westmerePolice(seeded: boolean): BuiltFixture {
  const file = seeded ? "westmere-police-savings-plan-seeded.xlsx" : "westmere-police-savings-plan.xlsx";
  const wb = workbook("Westmere Police Authority Finance", new Date(Date.UTC(2012, 9, 12, 9, 0, 0)));
  const plan = addSheet(wb, PLAN);
  const budget = addSheet(wb, BUDGET);
  const board = addSheet(wb, BOARD);
  const bench = addSheet(wb, BENCH);
  const lookups = addSheet(wb, "Lookups", "hidden");
  const ex = new Expectations(seeded ? "westmere-S" : "westmere");

  // The 2010-11 original budget: the baseline, with its year and unit in the header.
  budget.lines(1, [
    "Westmere Police Authority",
    "Revenue budget 2010-11: original budget, as approved 16/02/2010",
    "All figures in £'000, cash prices",
  ]);
  const { total: budgetTotalRow, amount: baselineTotal } = budget.baseline(
    5,
    ["Subjective heading", "Budget 2010/11 £'000", "Notes"],
    BUDGET_LINES,
    FMT.money,
    "Total gross revenue expenditure",
  );
  budget.set(
    `A${budgetTotalRow + 2}`,
    "Gross expenditure: income from fees, charges and specific grants is shown in the income budget and not netted off.",
  );
  budget.widths([34, 20, 40]);

  // The G/A/R weighting key the risk-adjusted formulas look up.
  lookups.set("A1", "G/A/R weighting (used by the Savings Plan risk adjusted column)", { bold: true });
  lookups.key(2, 1, ["G/A/R", "Weighting", null, "Portfolio"], WEIGHTS);
  ["Business support", "Estates and fleet", "Local policing", "Operational policing", "Operational support"].forEach((p, i) =>
    lookups.set(`D${3 + i}`, p),
  );

  // The register: title block, three header rows, the gains, a Total row.
  plan.lines(1, ["Westmere Police Authority", "Savings Plan 2011-15", "All figures in £'000", "Position at 30 September 2012"], 2);
  plan.row(5, 1, ["Prepared by:", "J. Okafor, Head of Finance", null, null, "Date:", date("2012-10-12")]);
  const H = 7; // first header row
  const first = H + 3;
  plan.mergedDown(H, 1, ["Ref", "Savings proposal", "Portfolio", "C/NC", "Cost centre", "Subjective heading", "Evidence"], 3);
  plan.merged(`H${H}:S${H}`, "Savings profile (£'000)");
  plan.merged(`H${H + 1}:K${H + 1}`, "Gross saving (£'000)");
  plan.merged(`L${H + 1}:O${H + 1}`, "One-off costs (£'000)");
  plan.merged(`P${H + 1}:S${H + 1}`, "Net saving (£'000)");
  for (let block = 0; block < 3; block++) plan.row(H + 2, 8 + block * 4, YEARS, undefined, true);
  plan.mergedDown(
    H,
    20,
    ["G/A/R", "Risk adjusted 2013/14 (£'000)", "Reinvested in", "Plan", "Service impact", "Responsible officer", "Last reviewed"],
    3,
  );

  const list = gains(seeded);
  const rowOf = new Map<string, number>();
  const ra: number[] = [];
  list.forEach((gain, i) => {
    const r = first + i;
    rowOf.set(gain.ref, r);
    plan.row(r, 1, [gain.ref, gain.proposal, gain.portfolio, gain.type, gain.costCentre, gain.heading, gain.evidence]);
    plan.row(r, 8, gain.gross, FMT.money);
    plan.row(
      r,
      12,
      gain.costs.map((c) => (c === null ? undefined : c)),
      FMT.money,
    );
    for (let y = 0; y < 4; y++) {
      const grossRef = `${L(8 + y)}${r}`;
      // Seeded W07: the 2013/14 net takes the 2012/13 costs (a formula copied one column too far).
      const costsCol = seeded && gain.ref === "W07" && y === TARGET ? 12 + y - 1 : 12 + y;
      const costs = gain.costs[costsCol - 12] ?? 0;
      plan.set(`${L(16 + y)}${r}`, fx(`${grossRef}-${L(costsCol)}${r}`, gain.gross[y] - costs), { fmt: FMT.money });
    }
    plan.set(`T${r}`, gain.gar);
    const weight = WEIGHTS[gain.gar];
    const targetGross = gain.gross[TARGET];
    const targetCosts = gain.costs[TARGET] ?? 0;
    if (seeded && gain.ref === "W06") {
      // Seeded: the weighting is left out, so an Amber gain counts in full.
      plan.set(`U${r}`, fx(`J${r}-N${r}`, targetGross - targetCosts), { fmt: FMT.money });
      ra.push(targetGross - targetCosts);
    } else {
      plan.set(`U${r}`, fx(`J${r}*VLOOKUP(T${r},Lookups!$A$3:$B$5,2,FALSE)-N${r}`, targetGross * weight - targetCosts), { fmt: FMT.money });
      ra.push(targetGross * weight - targetCosts);
    }
    plan.row(r, 22, [gain.reinvested, gain.plan, gain.impact, gain.officer, date(gain.reviewed)]);
  });
  const last = first + list.length - 1;
  const totalRow = last + 1;
  const columnTotal = (c: number): number => {
    if (c <= 11) return sum(list.map((g) => g.gross[c - 8]));
    if (c <= 15) return sum(list.map((g) => g.costs[c - 12] ?? 0));
    if (c <= 19) {
      const y = c - 16;
      return sum(list.map((g) => g.gross[y] - ((seeded && g.ref === "W07" && y === TARGET ? g.costs[y - 1] : g.costs[y]) ?? 0)));
    }
    return sum(ra);
  };
  // Every money column H..U but T (G/A/R).
  const moneyColumns = Array.from({ length: 14 }, (_, i) => 8 + i).filter((c) => c !== 20);
  plan.totals(
    totalRow,
    first,
    last,
    moneyColumns.map((c): [string, number] => [L(c), columnTotal(c)]),
    FMT.money,
  );

  // The target block under the register.
  const t = totalRow + 3;
  const target = baselineTotal * (1.03 ** 3 - 1);
  const raCashable = sum(list.map((g, i) => (g.type === "C" ? ra[i] : 0)));
  plan.set(`A${t}`, "Savings target", { bold: true });
  plan.row(t + 1, 1, ["Gross revenue expenditure 2010/11 (£'000)"]);
  plan.set(`H${t + 1}`, fx(`'${BUDGET}'!B${budgetTotalRow}`, baselineTotal), { fmt: FMT.money });
  plan.row(t + 2, 1, ["Target by 2013/14: 3% a year, compound (9.27%)"]);
  plan.set(`H${t + 2}`, fx(`H${t + 1}*(1.03^3-1)`, target), { fmt: FMT.money });
  plan.row(t + 3, 1, ["Risk adjusted cashable savings 2013/14"]);
  plan.set(`H${t + 3}`, fx(`SUMIF(D${first}:D${last},"C",U${first}:U${last})`, raCashable), { fmt: FMT.money });
  plan.row(t + 4, 1, ["Shortfall against target"]);
  plan.set(`H${t + 4}`, fx(`H${t + 2}-H${t + 3}`, target - raCashable), { fmt: FMT.money });

  // The re-investment block: what the cashable 2013/14 net savings pay for.
  const re = t + 7;
  const cashableNet = list.filter((g) => g.type === "C").map((g) => g.gross[TARGET] - (g.costs[TARGET] ?? 0));
  const cashableTotal = sum(cashableNet);
  const reTotal = plan.reinvestment(
    re,
    {
      title: "Re-investment of cashable savings 2013/14",
      headers: ["Reinvested in", null, "Plan", null, null, null, null, "£'000"],
      col: "H",
      fmt: FMT.money,
      label: "Total re-invested",
    },
    [
      [[NPT[0], null, NPT[1]], 2400],
      [[FRONTLINE[0], null, FRONTLINE[1]], cashableTotal - 2400 - 800],
      [[PPU[0], null, PPU[1]], 800],
    ],
    cashableTotal,
  );

  plan.lines(reTotal + 2, [
    "Notes",
    "1. Net saving = gross saving less one-off costs in the same year.",
    "2. Risk adjusted = gross saving x G/A/R weighting (Lookups sheet: G 100%, A 50%, R 25%) less costs.",
    "3. C = cashable, NC = non-cashable. Non-cashable savings are not counted towards the cashable target.",
  ]);
  plan.widths([7, 44, 20, 6, 20, 28, 28, ...Array<number>(12).fill(9), 7, 14, 32, 34, 30, 28, 12]);
  plan.ws.views = [{ state: "frozen", xSplit: 2, ySplit: H + 2 }];

  // Board monitoring: tracker by quarter, milestones, publication notes.
  board.lines(1, [
    "Westmere Police Authority",
    "VfM Board monitoring: cashable savings against plan (£'000)",
    "Position at 30 September 2012",
  ]);
  const quarters: Array<[string, number, number, string]> = [
    ["2011-06-30", 480, 455, "2011-07-21"],
    ["2011-09-30", 960, 930, "2011-10-20"],
    ["2011-12-31", 1450, 1390, "2012-01-19"],
    ["2012-03-31", 1950, 1910, "2012-04-19"],
    ["2012-06-30", 900, 860, "2012-07-19"],
    ["2012-09-30", 1820, 1790, "2012-10-18"],
  ];
  board.table(
    5,
    [
      "Quarter ending",
      "Plan to date",
      "Achieved to date",
      "Budget monitoring",
      "Benchmarking",
      "Milestones",
      "Risk register",
      "Board date",
    ],
    quarters.map(([end, planned, achieved, boardDate], i) => {
      const label = ["Q1", "Q2", "Q3", "Q4"][i % 4];
      const year = i < 4 ? "2011/12" : "2012/13";
      return [
        end,
        planned,
        achieved,
        `Budget monitoring ${label} ${year}`,
        "HMIC VfM profile, MSG comparison",
        `Milestone tracker ${label}`,
        `Risk register reviewed ${label}`,
        boardDate,
      ];
    }),
    [FMT.date, FMT.money, FMT.money],
  );
  const ms = 6 + quarters.length + 2;
  const msEnd = board.block(
    ms,
    "Key milestones",
    ["Ref", "Milestone", "Due by", "Status"],
    [
      ["W01", "Joint control room live", "2012-04-01", "Complete"],
      ["W02", "Staff consultation closed and posts released", "2011-09-30", "Complete"],
      ["W04", "Hillcrest station vacated", "2012-12-31", "On track"],
      ["W07", "Mobile devices issued to all response officers", "2013-03-31", "On track"],
      ["W09", "Regional custody suite opens", "2014-01-31", "On track"],
    ],
  );
  const pub = msEnd + 2;
  board.lines(pub, [
    "Notes",
    "Published in the Police Authority Annual Report 2011/12 on 28/06/2012 (westmere-pa.example.org/annual-report).",
    "Published in the HMIC Value for Money profile return on 15/11/2011.",
  ]);
  board.widths([14, 16, 16, 28, 30, 22, 26, 12]);

  // HMIC benchmarking: HQ cost, output, outcome and a unit cost worked out from spend and volume.
  bench.lines(1, ["Westmere Police Authority", "Comparative measures 2011/12: HMIC Value for Money profile, most similar group (MSG)"]);
  bench.measures(
    4,
    ["Measure", "Type", "Net spend £", "Activity volume", "Westmere", "MSG average"],
    [
      { measure: "Headquarters costs per head of population (£)", type: "HQ cost", own: 14.2, comparator: 15.85 },
      { measure: "Crimes detected", type: "Output", own: 19450, comparator: 18900 },
      { measure: "Victims satisfied with the overall service", type: "Outcome", own: 0.84, comparator: 0.83 },
      { measure: "Cost per 999 call handled (£)", type: "Unit cost", spend: 5120000, volume: 212000, comparator: 23.1 },
    ],
    { spendFirst: true, figure: FMT.money2, spend: FMT.money },
  );
  bench.widths([46, 12, 14, 16, 12, 12]);

  // What must and must not be found.
  const row = (ref: string): number => rowOf.get(ref)!;
  ex.neverAny(
    [
      "ii.register-present",
      "i.baseline-present",
      "i.baseline-year",
      "iv.profile-present",
      "vi.quarters-present",
      "vii.measures-present",
      "ix.publication-record",
      "iv.milestones",
      "viii.deliverability-present",
      "i.gain-baseline-line",
    ],
    "the workbook holds this evidence (register, 2010/11 budget, inline profile, six quarters, HMIC measures, dated Published notes, milestones, G/A/R, subjective headings)",
  );
  ex.never("i.basis-stated", undefined, undefined, 'the title block says "original budget"');
  ex.never("i.price-base-stated", undefined, undefined, 'the title block says "cash prices"');
  ex.never(
    "viii.risk-adjusted-recomputes",
    PLAN,
    `U${row("W07")}`,
    "W07 is R: the workbook's own key weights it 25%, and its formula uses that key",
  );
  ex.never("viii.risk-adjusted-recomputes", PLAN, `U${row("W09")}`, "W09 is R: weighted 25% by the workbook's own key");
  ex.never("ii.type-stated", PLAN, `D${first}:D${last}`, "C and NC are the workbook's codes for cashable and non-cashable");
  ex.never("method.mixed-units", undefined, undefined, "every amount is in £'000 (title blocks and headers agree)");
  if (!seeded) {
    ex.never("v.reinvestment-plan-total", undefined, undefined, "the re-investment block adds up to the cashable 2013/14 net savings");
    ex.never("iv.ongoing", undefined, undefined, "every gain stays positive once it first accrues");
  } else {
    ex.defect(
      "iii.costs-present",
      PLAN,
      `L${row("W05")}:O${row("W05")}`,
      "W05 (uniform framework) has its one-off costs left blank in every year where the zeros were.",
    );
    ex.defect(
      "iii.net-recomputes",
      PLAN,
      `R${row("W07")}`,
      "W07's 2013/14 net saving formula takes the 2012/13 costs (=J-M instead of =J-N): 1,400 shown, 1,450 right.",
    );
    ex.defect("ii.budget-line", PLAN, `E${row("W08")}`, "Cashable gain W08 (ICT consolidation) has no cost centre.");
    ex.defect(
      "viii.risk-adjusted-recomputes",
      PLAN,
      `U${row("W06")}`,
      "W06 is Amber but its risk adjusted formula leaves the weighting out (=J-N: 640 instead of 640 x 50% = 320).",
    );
    ex.defect(
      "iv.ongoing",
      PLAN,
      `H${row("W11")}:S${row("W11")}`,
      "W11 (forensic contract) first accrues in 2012/13 but is 0 in 2014/15: not an ongoing gain.",
    );
    ex.defect(
      "method.service-reduction",
      PLAN,
      `A${row("W12")}:Z${row("W12")}`,
      "W12 shortens front counter opening hours (Service impact: service reduction) and is still counted.",
    );
    ex.tolerate("v.reinvestment-plan-total", undefined, undefined, "the re-investment block still re-invests W12's 240 of service cut");
    ex.tolerate(
      "viii.total-risk-adjusted",
      undefined,
      undefined,
      "the risk adjusted total and target block include W06 unweighted and W12's service cut",
    );
  }
  return exceljsFixture(
    wb,
    ex,
    {
      file,
      body: `Westmere Police Authority (fictional force): Savings Plan 2011-15${seeded ? ", with seeded defects" : ", clean"}`,
      reportingDate: "2012-09-30",
      shapes: [
        "own sheet names (Savings Plan 2011-15, Revenue budget 2010-11, Board monitoring, Benchmarking) and a hidden Lookups sheet",
        "title blocks: organisation, plan name, All figures in £'000, original budget, cash prices, position at 30 September, prepared by, date",
        "three-row header: a merged band over merged Gross saving / One-off costs / Net saving groups over year sub-headers",
        "years and units in header text (Budget 2010/11 £'000, Risk adjusted 2013/14 (£'000))",
        "yearly profile inline in the register",
        "C/NC and G/A/R codes; a G 100% / A 50% / R 25% weighting key on a hidden sheet used by VLOOKUP in the risk-adjusted formulas",
        "several blocks on one sheet: register, Total row, target block, re-investment block, footnotes",
        "Board monitoring: Quarter ending dates, Plan to date, Achieved to date; Key milestones block with Due by; dated Published in ... notes",
        "benchmarking with Net spend, Activity volume and a unit cost formula",
        "amounts in £'000",
      ],
    },
    true,
  );
}
