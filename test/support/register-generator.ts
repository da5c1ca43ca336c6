/**
 * A deterministic generator of complete, clean VfM workbook models of any size: every table of
^ * workbook.md, realistic values, five-year profiles, derived columns as formulas with cached values
 * computed by the calculation core. The benchmark and tests use it; a check of it finds no errors.
 */
import { netGain, sumExact } from "../../src/core/calc";
import type { Cell, CellValue, Sheet, TableDef, WorkbookModel } from "../../src/core/workbook/model";
import { a1 } from "../../src/core/workbook/model";
import { isoToSerial } from "../../src/core/workbook/iso-date";

const MONEY = "£#,##0.00;[Red]-£#,##0.00";
const DATE = "dd/mm/yyyy";
const PERCENT = "0%";

/** Small, fast, deterministic pseudo-random numbers (mulberry32); the benchmarks share it. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type CellSpec = CellValue | Cell;

function toCell(spec: CellSpec): Cell | undefined {
  if (spec === null) return undefined;
  if (typeof spec === "object") return spec;
  return { value: spec };
}

function sheetFrom(name: string, rows: CellSpec[][]): Sheet {
  return { name, visibility: "visible", rows: rows.map((row) => row.map(toCell)) };
}

function tableOver(name: string, sheet: Sheet, columns: number): TableDef {
  return {
    name,
    sheet: sheet.name,
    range: { startRow: 0, startCol: 0, endRow: Math.max(1, sheet.rows.length - 1), endCol: columns - 1 },
    headerRowCount: 1,
    totalsRow: false,
  };
}

const money = (value: number, formula?: string): Cell => (formula ? { value, formula, numFmt: MONEY } : { value, numFmt: MONEY });
const date = (iso: string): Cell => ({ value: isoToSerial(iso), numFmt: DATE });

const BASELINE_LINES = [
  "Police officer pay",
  "Police staff pay",
  "Overtime and allowances",
  "Premises",
  "Transport",
  "Supplies and services",
  "Custody and detention",
  "Information technology",
  "Forensic services",
  "Training",
];

const WORKSTREAMS = ["Procurement", "Workforce modernisation", "Estates", "Collaboration", "Business process"];
const CATEGORIES = ["Economy", "Efficiency", "Effectiveness"];
const DELIVERABILITY: readonly CellValue[] = [1, 0.9, 0.8, 0.75, 0.6, "Green", "Amber"];
const RAG: ReadonlyMap<string, number> = new Map([
  ["green", 1],
  ["amber", 0.5],
  ["red", 0],
]);

const GENERATED_REPORTING_DATE = "2009-12-31";

/**
 * A complete, clean register of `gains` gains (baseline 2007-08, target 2010-11, reporting date
 * 31/12/2009, amounts in £). Every table is an Excel table whose header is row 1 of its sheet.
 */
export function generateRegisterModel(gains: number): WorkbookModel {
  const count = Math.max(0, Math.floor(gains));
  const next = seededRandom(20071231);
  const reviewDate = date("2009-11-30");

  // Gains: A ID ... S Risk reviewed (the template's column order).
  const gainHeader = [
    "ID",
    "Initiative",
    "Workstream",
    "Type",
    "Category",
    "Baseline line",
    "Budget line",
    "Evidence",
    "Gross gain",
    "Costs",
    "Net gain",
    "Deliverability",
    "Risk-adjusted gain",
    "Reinvestment",
    "Plan reference",
    "Service impact",
    "Price base",
    "Owner",
    "Risk reviewed",
  ];
  const gainRows: CellSpec[][] = [gainHeader];
  const profileRows: CellSpec[][] = [["ID", "2008-09", "2009-10", "2010-11", "2011-12", "2012-13"]];
  const milestoneRows: CellSpec[][] = [["ID", "Milestone", "Due", "Status"]];
  const cashableNets: number[] = [];
  const lineTotals = new Array<number>(BASELINE_LINES.length).fill(0);
  for (let i = 0; i < count; i++) {
    const r = i + 1;
    const id = `G${i + 1}`;
    const cashable = i % 5 !== 4; // four in five cashable, so any size keeps a cashable majority
    const gross = Math.round(10_000 + next() * 1_990_000) + (i % 4) * 0.25;
    const costs = Math.round(gross * next() * 0.3);
    const deliverability = DELIVERABILITY[i % DELIVERABILITY.length];
    const fraction = typeof deliverability === "number" ? deliverability : RAG.get(String(deliverability).toLowerCase())!;
    const netResult = netGain(gross, costs);
    const riskResult = netGain(gross, costs, fraction);
    const net = netResult.ok ? netResult.value : 0;
    const risk = riskResult.ok ? riskResult.value : 0;
    if (cashable) cashableNets.push(net);
    const line = i % BASELINE_LINES.length;
    lineTotals[line] += gross;
    gainRows.push([
      id,
      `${WORKSTREAMS[i % WORKSTREAMS.length]} initiative ${i + 1}`,
      WORKSTREAMS[i % WORKSTREAMS.length],
      cashable ? "Cashable" : "Non-cashable",
      CATEGORIES[i % CATEGORIES.length],
      BASELINE_LINES[line],
      `CC${4000 + line * 10}`,
      `Budget report 2009-10 ref ${id}`,
      money(gross),
      money(costs),
      money(net, `VFM.NETGAIN(${a1(r, 8)},${a1(r, 9)})`),
      typeof deliverability === "number" ? { value: deliverability, numFmt: PERCENT } : deliverability,
      money(risk, `VFM.NETGAIN(${a1(r, 8)},${a1(r, 9)},${a1(r, 11)})`),
      cashable ? "Neighbourhood policing" : "",
      cashable ? "Policing Plan 2008-11" : "",
      "No reduction in service",
      "2010-11",
      `Owner ${(i % 12) + 1}`,
      reviewDate,
    ]);
    // Up-front costs in 2008-09, half the gross in 2009-10, then the net gain from the target year on.
    const half = Math.round(gross / 2);
    profileRows.push([id, money(-costs), money(half), money(net), money(gross), money(gross)]);
    milestoneRows.push([id, "Implementation complete", date(i % 2 === 0 ? "2009-03-31" : "2009-09-30"), "Complete"]);
  }

  const baselineRows: CellSpec[][] = [["Line", "Year", "Amount", "Basis", "Price base", "Notes"]];
  BASELINE_LINES.forEach((line, i) => {
    // Each line is comfortably larger than the gains against it.
    const amount = Math.round(lineTotals[i] * 12 + 5_000_000);
    baselineRows.push([line, "2007-08", money(amount), "Budget", "2007-08", "Gross of income; not netted off"]);
  });

  const cashableTotal = sumExact(cashableNets);
  const firstShare = Math.round(cashableTotal * 0.6 * 100) / 100;
  const secondShare = Math.round(cashableTotal * 0.25 * 100) / 100;
  const remainder = sumExact([cashableTotal, -firstShare, -secondShare]);
  const reinvestmentRows: CellSpec[][] = [
    ["Destination", "Plan reference", "Amount"],
    ["Neighbourhood policing", "Policing Plan 2008-11", money(firstShare)],
    ["Protective services", "Policing Plan 2008-11", money(secondShare)],
    ["Investment in technology", "Investment strategy 2008-11", money(remainder)],
  ];

  const quarterRows: CellSpec[][] = [
    ["Quarter", "Trajectory", "Actual", "Budget evidence", "Comparative data", "Milestones", "Risks", "Board date"],
  ];
  const quarterEnds = [
    "2008-06-30",
    "2008-09-30",
    "2008-12-31",
    "2009-03-31",
    "2009-06-30",
    "2009-09-30",
    "2009-12-31",
    "2010-03-31",
    "2010-06-30",
    "2010-09-30",
    "2010-12-31",
    "2011-03-31",
  ];
  const yearlyTarget = Math.max(1, Math.round(cashableTotal / 12));
  quarterEnds.forEach((end, q) => {
    const year = 2008 + Math.floor(q / 4);
    const label = `Q${(q % 4) + 1} ${year}-${String((year + 1) % 100).padStart(2, "0")}`;
    const ended = end <= GENERATED_REPORTING_DATE;
    quarterRows.push([
      label,
      money(yearlyTarget * (q + 1)),
      ended ? money(Math.round(yearlyTarget * (q + 1) * 0.97)) : null,
      ended ? `Budget monitoring report ${label}` : "",
      ended ? "HMIC VfM profile" : "",
      ended ? "On track" : "",
      ended ? "Risk register reviewed" : "",
      ended ? date(end) : null,
    ]);
  });

  const comparativeRows: CellSpec[][] = [
    ["Measure", "Kind", "Value", "Unit", "Year", "Cost", "Output", "Benchmark"],
    ["Headquarters cost per head of population", "HQ cost", 12.4, "£ per head", "2008-09", null, null, 13.1],
    ["Crimes detected", "Output", 41_000, "detections", "2008-09", null, null, 39_500],
    ["Cost per detection", "Unit cost", { value: 250, formula: "F4/G4" }, "£ per detection", "2008-09", money(12_000_000), 48_000, 262],
  ];

  const publicationRows: CellSpec[][] = [
    ["Report", "Published", "Reference", "Reward"],
    [
      "Annual report 2008-09",
      date("2009-06-30"),
      "https://www.example.police.uk/annual-report-2008-09",
      "Chief Constable's commendation for the procurement team",
    ],
    ["Council tax leaflet 2009-10", date("2009-03-01"), "Leaflet enclosed with council tax bills", ""],
  ];

  const settingsRows: CellSpec[][] = [
    ["Key", "Value"],
    ["Target rate", { value: 0.03, numFmt: PERCENT }],
    ["Target method", "compound"],
    ["Target years", 3],
    ["Baseline year", "2007-08"],
    ["Target year", "2010-11"],
    ["Reporting date", date(GENERATED_REPORTING_DATE)],
    ["Materiality", money(1_000_000)],
    ["Minimum cashable share", { value: 0.5, numFmt: PERCENT }],
    ["Unit", "£"],
  ];

  const sheets: Array<[string, CellSpec[][], number]> = [
    ["Settings", settingsRows, 2],
    ["Baseline", baselineRows, 6],
    ["Gains", gainRows, gainHeader.length],
    ["Profile", profileRows, 6],
    ["Milestones", milestoneRows, 4],
    ["Reinvestment", reinvestmentRows, 3],
    ["Quarterly", quarterRows, 8],
    ["Comparatives", comparativeRows, 8],
    ["Publication", publicationRows, 4],
  ];
  const model: WorkbookModel = { sheets: [], tables: [], names: [], date1904: false };
  for (const [name, rows, width] of sheets) {
    const sheet = sheetFrom(name, rows);
    model.sheets.push(sheet);
    model.tables.push(tableOver(`tbl${name}`, sheet, width));
  }
  return model;
}
