/**
 * Harrowgate Metropolitan Borough Council (fictional): an NI 179 efficiency register for 2008-11
 * kept in Excel tables, but in the council's own names, not ours: sheets "Revenue budget 2007-08",
 * "Efficiencies", "Phasing", "Milestones", "Recycling of gains", "Quarterly monitoring",
 * "Benchmarking" (and, in the clean file, "Publication"); tables tblBudget0708, tblEfficiencies ...;
 * headers such as "Gross saving 2010-11 (£'000)", "Confidence", "Recycled to"; a title and lines of
 * context above each table ("Original budget", "2007-08 prices", "All figures in £'000"). Written
 * by our own writer (src/adapters/xlsx/write.ts), which caches the net and risk-adjusted formulas.
 */
import { writeXlsx } from "../../src/adapters/xlsx/write";
import { isoDateToSerial } from "../../src/core/template/spec";
import type { TemplateColumn, TemplateSheet } from "../../src/core/template/types";
import type { CellValue } from "../../src/core/workbook/model";
import { Expectations, FMT, L, sum, type BuiltFixture } from "./build";

const d = isoDateToSerial;
const money = (header: string): TemplateColumn => ({ header, numFmt: FMT.money, width: 14 });
const text = (header: string, width = 18): TemplateColumn => ({ header, width });
const dated = (header: string): TemplateColumn => ({ header, numFmt: FMT.date, width: 12 });

interface Scheme {
  ref: string;
  scheme: string;
  directorate: string;
  type: "Cashable" | "Non-cashable";
  heading: string;
  costCentre: string;
  evidence: string;
  gross: number;
  costs: number;
  confidence: number;
  recycled: string;
  plan: string;
  quality: string;
  lead: string;
  reviewed: string;
  /** Net saving 2008-09, 2009-10, 2010-11 (the register's), 2011-12. */
  phasing: [number, number, number, number];
}

const SOCIAL = ["Adult social care demographic pressures", "Medium Term Financial Plan 2008-11"] as const;
const SCHOOLS = ["Children's services: early intervention", "Children and Young People's Plan 2008-11"] as const;
const STREETS = ["Street scene improvement", "Corporate Plan 2008-11"] as const;

function schemes(seeded: boolean): Scheme[] {
  const s = (
    ref: string,
    scheme: string,
    directorate: string,
    type: Scheme["type"],
    heading: string,
    costCentre: string,
    evidence: string,
    gross: number,
    costs: number,
    confidence: number,
    re: readonly [string, string],
    quality: string,
    lead: string,
    reviewed: string,
    phasing: Scheme["phasing"],
  ): Scheme => ({
    ref,
    scheme,
    directorate,
    type,
    heading,
    costCentre,
    evidence,
    gross,
    costs,
    confidence,
    recycled: re[0],
    plan: re[1],
    quality,
    lead,
    reviewed,
    phasing,
  });
  return [
    s(
      "H01",
      "Reablement: fewer long-term home care packages",
      "Adult Services",
      "Cashable",
      "Adult social care",
      "AS2100",
      "Reablement evaluation report 2009",
      1450,
      150,
      0.75,
      SOCIAL,
      "Better outcomes: more people living independently",
      "Director of Adult Services",
      "2009-11-18",
      [-80, 640, 1300, 1300],
    ),
    s(
      "H02",
      "Residential care framework with neighbouring councils",
      "Adult Services",
      "Cashable",
      "Adult social care",
      "AS2300",
      "Framework contract 2008/114",
      820,
      0,
      1,
      SOCIAL,
      "Same care standards (CSCI ratings)",
      "Head of Commissioning",
      "2009-11-18",
      [300, 820, 820, 820],
    ),
    s(
      "H03",
      "Home to school transport route review",
      "Children's Services",
      "Cashable",
      seeded ? "Transport" : "Transport and highways",
      "CS4400",
      "Transport review, Cabinet 09/2008",
      390,
      40,
      0.5,
      SCHOOLS,
      "No change to eligibility",
      "Head of Access and Inclusion",
      "2009-10-21",
      [120, 350, 350, 350],
    ),
    s(
      "H04",
      "Children's centres: shared management teams",
      "Children's Services",
      "Cashable",
      "Children's services",
      "CS4100",
      "Restructure report 2009",
      510,
      60,
      0.75,
      SCHOOLS,
      "Same opening hours and services",
      "Head of Early Years",
      "2009-10-21",
      [0, 200, 450, 450],
    ),
    s(
      "H05",
      "Bulk purchase of road salt (two winters)",
      "Environment",
      "Cashable",
      "Transport and highways",
      "EN6200",
      "Purchase order 2009/0877",
      150,
      0,
      1,
      STREETS,
      "No change",
      "Head of Highways",
      "2009-11-04",
      seeded ? [0, 150, 150, 0] : [0, 150, 150, 150],
    ),
    s(
      "H06",
      "Waste: alternate weekly collection and route optimisation",
      "Environment",
      "Cashable",
      "Environmental services",
      "EN6000",
      "Waste strategy 2008",
      980,
      210,
      0.75,
      STREETS,
      "Recycling rate up; no missed-bin increase",
      "Head of Waste",
      "2009-11-04",
      [-210, 380, 770, 770],
    ),
    s(
      "H07",
      "Libraries: self-service issue and return",
      "Environment",
      "Non-cashable",
      "Culture and leisure",
      "EN6600",
      "Library staffing model 2009",
      260,
      90,
      0.5,
      STREETS,
      "Staff time released to reader development",
      "Head of Libraries",
      "2009-11-04",
      [-90, 100, 170, 170],
    ),
    s(
      "H08",
      "Procurement: e-auctions for corporate supplies",
      "Resources",
      "Cashable",
      "Central services",
      "RS8100",
      "E-auction results 2008-09",
      340,
      25,
      1,
      SOCIAL,
      "No change",
      "Head of Procurement",
      seeded ? "2009-06-30" : "2009-12-02",
      [150, 315, 315, 315],
    ),
    s(
      "H09",
      "Council tax: e-billing and direct debit take-up",
      "Resources",
      "Cashable",
      "Central services",
      "RS8300",
      "Revenues performance report Q2",
      75,
      15,
      0.5,
      STREETS,
      "Collection rate maintained",
      "Head of Revenues",
      "2009-12-02",
      [20, 60, 60, 60],
    ),
  ];
}

const BUDGET: Array<[string, number]> = [
  ["Adult social care", 68420],
  ["Children's services", 52310],
  ["Transport and highways", 14880],
  ["Environmental services", 19650],
  ["Culture and leisure", 9870],
  ["Central services", 21340],
];

export async function harrowgateCouncil(seeded: boolean): Promise<BuiltFixture> {
  const file = seeded ? "harrowgate-mbc-ni179-register-seeded.xlsx" : "harrowgate-mbc-ni179-register.xlsx";
  const ex = new Expectations(seeded ? "harrowgate-S" : "harrowgate");
  const list = schemes(seeded);
  const cashableNet = sum(list.filter((x) => x.type === "Cashable").map((x) => x.gross - x.costs));
  const quarters: Array<[string, number, number | null, string]> = [
    ["Q1 2008-09", 250, 240, "2008-07-22"],
    ["Q2 2008-09", 520, 505, "2008-10-21"],
    ["Q3 2008-09", 780, 770, "2009-01-20"],
    ["Q4 2008-09", 1050, 1040, "2009-04-21"],
    ["Q1 2009-10", 900, 880, "2009-07-21"],
    ["Q2 2009-10", 1800, 1720, "2009-10-20"],
    ["Q3 2009-10", 2700, seeded ? null : 2610, "2010-01-19"],
  ];
  const effColumns: TemplateColumn[] = [
    text("Ref", 7),
    text("Scheme", 44),
    text("Directorate"),
    text("Type", 13),
    text("Budget heading", 24),
    text("Cost centre", 11),
    text("Evidence ref", 30),
    money("Gross saving 2010-11 (£'000)"),
    money("Implementation cost (£'000)"),
    {
      ...money("Net saving (£'000)"),
      formula: "=[@[Gross saving 2010-11 (£'000)]]-[@[Implementation cost (£'000)]]",
      derived: { kind: "net", gross: "Gross saving 2010-11 (£'000)", costs: "Implementation cost (£'000)" },
    },
    { header: "Confidence", numFmt: FMT.percent, width: 11 },
    {
      ...money("Risk adjusted (£'000)"),
      formula: "=[@[Gross saving 2010-11 (£'000)]]*[@Confidence]-[@[Implementation cost (£'000)]]",
      derived: {
        kind: "riskAdjusted",
        gross: "Gross saving 2010-11 (£'000)",
        costs: "Implementation cost (£'000)",
        deliverability: "Confidence",
      },
    },
    text("Recycled to", 34),
    text("Investment plan", 34),
    text("Quality cross-check", 34),
    text("Lead officer", 26),
    dated("Last reviewed"),
  ];
  const effRows: CellValue[][] = list.map((x) => [
    x.ref,
    x.scheme,
    x.directorate,
    x.type,
    x.heading,
    x.costCentre,
    x.evidence,
    x.gross,
    x.costs,
    null,
    x.confidence,
    null,
    x.recycled,
    x.plan,
    x.quality,
    x.lead,
    d(x.reviewed),
  ]);
  const lines = (...l: string[]): string[] => [...l];
  const sheets: TemplateSheet[] = [
    {
      name: "Efficiencies",
      title: "Harrowgate Metropolitan Borough Council: NI 179 efficiency register 2008-11",
      lines: lines("All figures in £'000, 2010-11 figures (cash prices). Position at 31 December 2009 (Quarter 3 2009-10)."),
      table: { name: "tblEfficiencies", columns: effColumns, rows: effRows, inputRows: list.length },
    },
    {
      name: "Revenue budget 2007-08",
      title: "Harrowgate MBC net revenue budget 2007-08: the NI 179 baseline",
      lines: lines(
        "Original budget, 2007-08 prices. All figures in £'000. Gross of fees and charges income (not netted off); housing benefit payments excluded.",
      ),
      table: {
        name: "tblBudget0708",
        columns: [text("Budget heading", 30), money("2007-08 (£'000)"), text("Notes", 40)],
        rows: BUDGET.map(([line, amount]) => [line, amount, null]),
        inputRows: BUDGET.length,
      },
    },
    {
      name: "Phasing",
      title: "Phasing of net savings by year (£'000)",
      table: {
        name: "tblPhasing",
        columns: [text("Ref", 7), money("2008-09"), money("2009-10"), money("2010-11"), money("2011-12")],
        rows: list.map((x) => [x.ref, ...x.phasing]),
        inputRows: list.length,
      },
    },
    {
      name: "Milestones",
      title: "Key milestones for schemes of £1m or more",
      table: {
        name: "tblMilestones",
        columns: [text("Ref", 7), text("Milestone", 44), dated("Due date"), text("Status", 12)],
        rows: [
          ["H01", "Reablement service county-wide", d("2009-04-01"), "Complete"],
          ["H01", "Home care contracts re-let at reduced volumes", d("2010-03-31"), "On track"],
        ],
        inputRows: 2,
      },
    },
    {
      name: "Recycling of gains",
      title: "Recycling of cashable gains into priorities, 2010-11 (£'000)",
      table: {
        name: "tblRecycling",
        columns: [text("Recycled to", 40), text("Investment plan", 40), money("Amount (£'000)")],
        rows: [
          [SOCIAL[0], SOCIAL[1], 2000],
          [SCHOOLS[0], SCHOOLS[1], 700],
          [STREETS[0], STREETS[1], cashableNet - 2700],
        ],
        inputRows: 3,
      },
    },
    {
      name: "Quarterly monitoring",
      title: "Quarterly monitoring to Cabinet: cashable net savings, cumulative in year (£'000)",
      table: {
        name: "tblQuarterlyMonitoring",
        columns: [
          text("Quarter", 12),
          money("Planned (£'000)"),
          money("Actual (£'000)"),
          text("Budget evidence", 28),
          text("Comparative data", 28),
          text("Milestone status", 24),
          text("Risk review", 24),
          dated("Reported to Cabinet"),
        ],
        rows: quarters.map(([q, planned, actual, cabinet]) => [
          q,
          planned,
          actual,
          `Budget monitoring ${q}`,
          "CIPFA benchmarking club",
          `Milestones reviewed ${q}`,
          `Risk register ${q}`,
          d(cabinet),
        ]),
        inputRows: quarters.length,
      },
    },
    {
      name: "Benchmarking",
      title: "Benchmarking 2008-09: CIPFA statistics and Audit Commission VfM profiles",
      table: {
        name: "tblBenchmarking",
        columns: [
          text("Measure", 46),
          text("Kind", 10),
          { header: "Value", numFmt: "#,##0.00", width: 12 },
          text("Unit", 14),
          text("Year", 9),
          money("Cost"),
          money("Output"),
        ],
        rows: [
          ["Central support services as % of gross spend", "HQ cost", 0.062, "%", "2008-09", null, null],
          ["Adults helped to live at home (per 1,000)", "Output", 96.4, "per 1,000", "2008-09", null, null],
          ["Residents satisfied with the council (Place Survey)", "Outcome", 0.48, "%", "2008-09", null, null],
          ["Cost per household of refuse collection", "Unit cost", 52.35, "£", "2008-09", 4764000, 91000],
        ],
        inputRows: 4,
      },
    },
  ];
  if (!seeded) {
    sheets.push({
      name: "Publication",
      title: "Where performance was published",
      table: {
        name: "tblPublished",
        columns: [text("Report", 44), dated("Published"), text("Link", 40), text("Recognition", 30)],
        rows: [
          ["NI 179 return to CLG, 2008-09 (Annual Efficiency Statement)", d("2009-07-15"), "harrowgate.example.org/ni179", null],
          [
            "Council tax leaflet 2009-10: where your money goes",
            d("2009-03-02"),
            "harrowgate.example.org/counciltax",
            "Finance team commended by the Audit Commission",
          ],
        ],
        inputRows: 2,
      },
    });
  }
  const bytes = await writeXlsx({ sheets }, { created: new Date(Date.UTC(2010, 0, 8, 9, 0, 0)), creator: "Harrowgate MBC Finance" });

  // Header rows as our writer lays them out: title on row 1, lines, a blank row, then the header.
  const header = (lineCount: number): number => 1 + lineCount + 2;
  const effFirst = header(1) + 1;
  const effRow = (ref: string): number => effFirst + list.findIndex((x) => x.ref === ref);
  const phaseRow = (ref: string): number => header(0) + 1 + list.findIndex((x) => x.ref === ref);
  const col = (name: string): string => L(effColumns.findIndex((c) => c.header === name) + 1);
  ex.neverAny(
    [
      "ii.register-present",
      "i.baseline-present",
      "i.baseline-year",
      "i.basis-stated",
      "i.price-base-stated",
      "iv.profile-present",
      "iv.milestones",
      "vii.measures-present",
      "vi.quarters-present",
      "i.no-netting",
    ],
    "the workbook holds this evidence in Excel tables under its own names, with year, basis, price base and unit in the titles and headers",
  );
  ex.never("viii.risk-adjusted-recomputes", undefined, undefined, "every risk adjusted figure is gross x confidence - costs by formula");
  ex.never("iii.net-recomputes", undefined, undefined, "every net saving is a formula of gross - costs");
  ex.never("method.mixed-units", undefined, undefined, "every amount is in £'000");
  if (!seeded) {
    ex.never("ix.publication-record", undefined, undefined, "the Publication sheet has two dated records");
    ex.never("i.gain-baseline-line", undefined, undefined, "every Budget heading is a line of the 2007-08 budget");
    ex.never("iv.ongoing", undefined, undefined, "every gain stays positive once it first accrues");
    ex.never("vi.trajectory-actual", undefined, undefined, "every quarter has its planned and actual figures");
  } else {
    ex.defect(
      "i.gain-baseline-line",
      "Efficiencies",
      `${col("Budget heading")}${effRow("H03")}`,
      'H03 names the budget heading "Transport", which is not a line of the 2007-08 budget ("Transport and highways").',
    );
    ex.defect(
      "iv.ongoing",
      "Phasing",
      `B${phaseRow("H05")}:E${phaseRow("H05")}`,
      "H05 (road salt bought for two winters) first accrues in 2009-10 but is 0 in 2011-12: not ongoing.",
    );
    ex.defect(
      "vi.trajectory-actual",
      "Quarterly monitoring",
      `C${header(0) + 7}`,
      "The Q3 2009-10 update has a planned figure but no actual, though the quarter ended 31/12/2009.",
    );
    ex.defect(
      "ix.publication-record",
      undefined,
      undefined,
      "No publication record: the Publication sheet is missing, and nothing else in the workbook says where performance was published.",
    );
    ex.defect(
      "viii.risk-reviewed",
      "Efficiencies",
      `${col("Last reviewed")}${effRow("H08")}`,
      "H08's risk was last reviewed on 30/06/2009, six months before the reporting date.",
    );
  }
  return {
    file,
    bytes,
    expectation: ex.toJSON({
      file,
      body: `Harrowgate Metropolitan Borough Council (fictional metropolitan borough): NI 179 efficiency register 2008-11${seeded ? ", with seeded defects" : ", clean"}`,
      program: "vfm writer (src/adapters/xlsx/write.ts)",
      reportingDate: "2009-12-31",
      shapes: [
        "Excel tables with the council's own sheet, table and column names",
        "a title and a line of context above each table: organisation, plan name, original budget, 2007-08 prices, All figures in £'000, position at 31 December",
        "years and units inside header text (Gross saving 2010-11 (£'000), 2007-08 (£'000), Amount (£'000))",
        "synonyms: Scheme, Budget heading, Implementation cost, Confidence, Recycled to, Investment plan, Lead officer, Reported to Cabinet",
        "a separate Phasing sheet running one year past the target year (2011-12)",
        "amounts in £'000",
      ],
    }),
  };
}
