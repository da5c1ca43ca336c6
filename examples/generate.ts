/**
 * Regenerates the example workbooks of the fictional Northmoor Police:
 *   examples/northmoor-police.xlsx         complete, passes with no errors and no warnings
 *   examples/northmoor-police-seeded.xlsx  the same with exactly one defect per principle (i..ix, method)
 *   examples/seeded-defects.json           each seeded defect: principle, rule id, sheet, cell
 * Run with `npm run examples`. The output is reproducible: the same bytes on every run.
 *
 * Northmoor Police is invented: its figures are realistic in size for an English force but belong to
 * no real force. The years follow the template's defaults: a 2025-26 baseline, a 3% a year compound
 * target over 2026-27 to 2028-29, reported as at 31 October 2026 (Q2 2026-27 reported to the Board).
 */
import { accessSync, promises as fs } from "node:fs";
import * as path from "node:path";
import { writeXlsx } from "../src/adapters/xlsx/write";
import {
  baselineTable,
  comparativesTable,
  defaultSettingsValues,
  gainsTable,
  instructionsLines,
  isoDateToSerial,
  milestonesTable,
  profileTable,
  publicationTable,
  quarterlyTable,
  reinvestmentTable,
  settingsTable,
  SHEET_TITLES,
  spendingPeriodYears,
} from "../src/core/template/spec";
import type { TemplateSheet, TemplateSpec, TemplateTable } from "../src/core/template/types";
import { tableHeaderRow } from "../src/adapters/xlsx/write";
import type { CellValue } from "../src/core/workbook/model";
import type { PrincipleKey } from "../src/core/validate/types";

export const FORCE = "Northmoor Police";
export const BASELINE_YEAR = 2025;
export const TARGET_YEARS = 3;
export const REPORTING_DATE = "2026-10-31";
/** Fixed file time, so that every run writes the same bytes. */
export const FILE_TIME = new Date(Date.UTC(2026, 9, 31, 9, 0, 0));

const date = (iso: string): number => isoDateToSerial(iso);
const YEARS = spendingPeriodYears(BASELINE_YEAR, TARGET_YEARS); // 2026-27, 2027-28, 2028-29
const TARGET_YEAR = YEARS[YEARS.length - 1];
const BASE = "2025-26";

type Row = Record<string, CellValue>;

/** A table's rows written by header, so a row never depends on column order. */
function rowsFor(table: TemplateTable, records: readonly Row[]): CellValue[][] {
  const headers = new Set(table.columns.map((c) => c.header));
  for (const record of records) {
    for (const key of Object.keys(record)) if (!headers.has(key)) throw new Error(`${table.name} has no column ${key}`);
  }
  return records.map((record) => table.columns.map((c) => (c.formula ? null : (record[c.header] ?? null))));
}

function withRows(table: TemplateTable, records: readonly Row[]): TemplateTable {
  return { ...table, rows: rowsFor(table, records) };
}

export interface ExampleData {
  baseline: Row[];
  gains: Row[];
  profile: Row[];
  milestones: Row[];
  reinvestment: Row[];
  quarterly: Row[];
  comparatives: Row[];
  publication: Row[];
  reportingDate: string;
}

/** The clean example's data. */
export function northmoorData(): ExampleData {
  const baseline: Row[] = [
    {
      Line: "Police officer pay",
      Year: BASE,
      Amount: 238_400_000,
      Basis: "Budget",
      "Price base": BASE,
      Notes: "Includes overtime and allowances.",
    },
    { Line: "Police staff pay", Year: BASE, Amount: 96_200_000, Basis: "Budget", "Price base": BASE, Notes: "Includes the control room." },
    { Line: "Premises", Year: BASE, Amount: 14_800_000, Basis: "Budget", "Price base": BASE, Notes: "Gross spend." },
    { Line: "Transport", Year: BASE, Amount: 8_900_000, Basis: "Budget", "Price base": BASE, Notes: "Fleet, fuel and travel." },
    {
      Line: "Supplies and services",
      Year: BASE,
      Amount: 31_700_000,
      Basis: "Budget",
      "Price base": BASE,
      Notes: "Uniform, equipment, forensics.",
    },
    { Line: "ICT", Year: BASE, Amount: 22_000_000, Basis: "Budget", "Price base": BASE, Notes: "Licences, hardware and support." },
  ];
  const reviewed = date("2026-10-14");
  const common = { "Price base": TARGET_YEAR, "Service impact": "No reduction", "Risk reviewed": reviewed };
  const gains: Row[] = [
    {
      ID: "G01",
      Initiative: "Shared control room with Eastmoor Fire and Rescue",
      Workstream: "Collaboration",
      Type: "Cashable",
      Category: "Efficiency",
      "Baseline line": "Police staff pay",
      "Budget line": "CC2104 Control room",
      Evidence: "Collaboration agreement NP-FR-2026-03",
      "Gross gain": 3_200_000,
      Costs: 450_000,
      Deliverability: 1,
      Reinvestment: "Neighbourhood policing teams",
      "Plan reference": "Medium Term Financial Plan 2026-29, section 4",
      Owner: "Head of Contact Management",
      ...common,
    },
    {
      ID: "G02",
      Initiative: "Fleet telematics and pool cars",
      Workstream: "Fleet",
      Type: "Cashable",
      Category: "Economy",
      "Baseline line": "Transport",
      "Budget line": "CC3310 Fleet",
      Evidence: "Fleet review report FR-2026-01",
      "Gross gain": 1_100_000,
      Costs: 120_000,
      Deliverability: 0.9,
      Reinvestment: "Neighbourhood policing teams",
      "Plan reference": "Medium Term Financial Plan 2026-29, section 4",
      Owner: "Head of Fleet",
      ...common,
    },
    {
      ID: "G03",
      Initiative: "Move two headquarters buildings into one",
      Workstream: "Estates",
      Type: "Cashable",
      Category: "Economy",
      "Baseline line": "Premises",
      "Budget line": "CC4120 HQ estate",
      Evidence: "Estates strategy 2026, business case EST-07",
      "Gross gain": 2_400_000,
      Costs: 600_000,
      Deliverability: 0.75,
      Reinvestment: "Digital forensics unit",
      "Plan reference": "Capital and investment strategy 2026-29",
      Owner: "Director of Estates",
      ...common,
    },
    {
      ID: "G04",
      Initiative: "Regional framework for uniform and equipment",
      Workstream: "Procurement",
      Type: "Cashable",
      Category: "Economy",
      "Baseline line": "Supplies and services",
      "Budget line": "CC5005 Uniform and equipment",
      Evidence: "Framework award PR-2026-118",
      "Gross gain": 1_500_000,
      Costs: 50_000,
      Deliverability: 1,
      Reinvestment: "Digital forensics unit",
      "Plan reference": "Capital and investment strategy 2026-29",
      Owner: "Head of Procurement",
      ...common,
    },
    {
      ID: "G05",
      Initiative: "Digital case files: officer time released to patrol",
      Workstream: "Criminal justice",
      Type: "Non-cashable",
      Category: "Efficiency",
      "Baseline line": "Police officer pay",
      Evidence: "Time and motion study CJ-2026-02",
      "Gross gain": 4_000_000,
      Costs: 300_000,
      Deliverability: 0.5,
      Owner: "Head of Criminal Justice",
      ...common,
    },
    {
      ID: "G06",
      Initiative: "ICT licence consolidation",
      Workstream: "Digital",
      Type: "Cashable",
      Category: "Economy",
      "Baseline line": "ICT",
      "Budget line": "CC6200 Software licences",
      Evidence: "Licence audit ICT-2026-09",
      "Gross gain": 900_000,
      Costs: 200_000,
      Deliverability: 1,
      Reinvestment: "Victim support service",
      "Plan reference": "Police and Crime Plan 2025-29, priority 2",
      Owner: "Head of Digital",
      ...common,
    },
    {
      ID: "G07",
      Initiative: "Overtime management and duty planning",
      Workstream: "Workforce",
      Type: "Cashable",
      Category: "Efficiency",
      "Baseline line": "Police officer pay",
      "Budget line": "CC1190 Officer overtime",
      Evidence: "Duty planning review WF-2026-04",
      "Gross gain": 1_800_000,
      Costs: 0,
      Deliverability: 0.5,
      Reinvestment: "Victim support service",
      "Plan reference": "Police and Crime Plan 2025-29, priority 2",
      Owner: "Head of Resourcing",
      ...common,
    },
  ];
  // Net value by year: an up-front investment shows as a negative in the year it is spent; the
  // target-year figure equals the register's Net gain; once positive a gain stays positive.
  const [y1, y2, y3] = YEARS;
  const profile: Row[] = [
    { ID: "G01", [y1]: -1_200_000, [y2]: 1_600_000, [y3]: 2_750_000 },
    { ID: "G02", [y1]: 300_000, [y2]: 800_000, [y3]: 980_000 },
    { ID: "G03", [y1]: -2_500_000, [y2]: 900_000, [y3]: 1_800_000 },
    { ID: "G04", [y1]: 700_000, [y2]: 1_300_000, [y3]: 1_450_000 },
    { ID: "G05", [y1]: 1_200_000, [y2]: 2_800_000, [y3]: 3_700_000 },
    { ID: "G06", [y1]: 200_000, [y2]: 600_000, [y3]: 700_000 },
    { ID: "G07", [y1]: 600_000, [y2]: 1_200_000, [y3]: 1_800_000 },
  ];
  const milestones: Row[] = [
    { ID: "G01", Milestone: "Joint control room opens", Due: date("2027-04-01"), Status: "On track" },
    { ID: "G01", Milestone: "Shared call-handling system live", Due: date("2027-09-30"), Status: "Not started" },
    { ID: "G02", Milestone: "Telematics fitted to all response vehicles", Due: date("2026-09-30"), Status: "Complete" },
    { ID: "G03", Milestone: "Second headquarters building vacated", Due: date("2027-12-31"), Status: "On track" },
    { ID: "G04", Milestone: "Regional framework contract starts", Due: date("2026-07-01"), Status: "Complete" },
    { ID: "G05", Milestone: "Digital case files used for all charges", Due: date("2027-03-31"), Status: "On track" },
    { ID: "G06", Milestone: "Duplicate licences ended at renewal", Due: date("2027-03-31"), Status: "On track" },
    { ID: "G07", Milestone: "New duty planning rules in force", Due: date("2026-12-01"), Status: "On track" },
  ];
  const reinvestment: Row[] = [
    { Destination: "Neighbourhood policing teams", "Plan reference": "Medium Term Financial Plan 2026-29, section 4", Amount: 3_730_000 },
    { Destination: "Digital forensics unit", "Plan reference": "Capital and investment strategy 2026-29", Amount: 3_250_000 },
    { Destination: "Victim support service", "Plan reference": "Police and Crime Plan 2025-29, priority 2", Amount: 2_500_000 },
  ];
  const quarterly: Row[] = [
    {
      Quarter: "Q1 2026-27",
      Trajectory: 900_000,
      Actual: 950_000,
      "Budget evidence": "Budget monitoring report P3 2026-27",
      "Comparative data": "HMICFRS value for money profile 2026",
      Milestones: "8 milestones: 1 complete, 7 on track",
      Risks: "VfM risk register reviewed 14/07/2026",
      "Board date": date("2026-07-21"),
    },
    {
      Quarter: "Q2 2026-27",
      Trajectory: 2_100_000,
      Actual: 2_050_000,
      "Budget evidence": "Budget monitoring report P6 2026-27",
      "Comparative data": "HMICFRS value for money profile 2026",
      Milestones: "8 milestones: 2 complete, 6 on track",
      Risks: "VfM risk register reviewed 14/10/2026",
      "Board date": date("2026-10-20"),
    },
  ];
  const comparatives: Row[] = [
    {
      Measure: "Headquarters and support services cost",
      Kind: "HQ cost",
      Value: 18_400_000,
      Unit: "£",
      Year: BASE,
      Cost: 18_400_000,
      Benchmark: "Most similar group average £19.1m",
    },
    {
      Measure: "Crimes investigated to a charge or summons",
      Kind: "Output",
      Value: 9_150,
      Unit: "crimes",
      Year: BASE,
      Benchmark: "Most similar group average 8,700",
    },
    {
      Measure: "Emergency calls answered within 10 seconds",
      Kind: "Outcome",
      Value: 0.91,
      Unit: "%",
      Year: BASE,
      Benchmark: "National standard 90%",
    },
    {
      Measure: "Cost per emergency call handled",
      Kind: "Unit cost",
      Value: 27.5,
      Unit: "£ per call",
      Year: BASE,
      Cost: 5_500_000,
      Output: 200_000,
      Benchmark: "Most similar group average £29.80",
    },
  ];
  const publication: Row[] = [
    {
      Report: "Annual report 2025-26 (value for money section)",
      Published: date("2026-07-15"),
      Reference: "https://www.example.org/northmoor-police/annual-report-2025-26",
      Reward: "Efficiency team commended in the Chief Constable's awards, September 2026",
    },
    {
      Report: "Council tax leaflet 2026-27",
      Published: date("2026-03-02"),
      Reference: "https://www.example.org/northmoor-police/council-tax-2026-27",
      Reward: "",
    },
  ];
  return { baseline, gains, profile, milestones, reinvestment, quarterly, comparatives, publication, reportingDate: REPORTING_DATE };
}

/** The example as a TemplateSpec: the template's sheets and tables, filled in. */
export function northmoorSpec(data: ExampleData = northmoorData()): TemplateSpec {
  const settings = {
    ...defaultSettingsValues({ baselineYear: BASELINE_YEAR, targetYears: TARGET_YEARS }),
    reportingDate: data.reportingDate,
  };
  const lines = [
    `${FORCE} is a fictional police force: this workbook is an example of a complete value-for-money plan and report, made to show the checks. Its figures belong to no real force.`,
    ...instructionsLines(YEARS, BASELINE_YEAR),
  ];
  const sheets: TemplateSheet[] = [
    { name: "Instructions", title: `${FORCE}: value for money efficiency gains ${YEARS[0]} to ${TARGET_YEAR}`, lines },
    { name: "Baseline", title: SHEET_TITLES.baseline, table: withRows(baselineTable(), data.baseline) },
    { name: "Gains", title: SHEET_TITLES.gains, table: withRows(gainsTable(), data.gains) },
    { name: "Profile", title: SHEET_TITLES.profile, table: withRows(profileTable(YEARS), data.profile) },
    { name: "Milestones", title: SHEET_TITLES.milestones, table: withRows(milestonesTable(), data.milestones) },
    { name: "Reinvestment", title: SHEET_TITLES.reinvestment, table: withRows(reinvestmentTable(), data.reinvestment) },
    { name: "Quarterly", title: SHEET_TITLES.quarterly, table: withRows(quarterlyTable(), data.quarterly) },
    { name: "Comparatives", title: SHEET_TITLES.comparatives, table: withRows(comparativesTable(), data.comparatives) },
    { name: "Publication", title: SHEET_TITLES.publication, table: withRows(publicationTable(), data.publication) },
    { name: "Settings", title: SHEET_TITLES.settings, table: settingsTable(settings) },
  ];
  return { sheets };
}

export interface SeededDefect {
  principle: PrincipleKey;
  rule: string;
  sheet: string;
  cell: string;
  /** What was changed, in plain words. */
  defect: string;
}

interface DefectRecipe extends Omit<SeededDefect, "cell"> {
  table: keyof Omit<ExampleData, "reportingDate">;
  /** Row index in that table's data and the column changed (its header). */
  row: number;
  column: string;
  value: CellValue;
}

/** One defect per principle, each a single changed cell of the clean example. */
export const DEFECT_RECIPES: readonly DefectRecipe[] = [
  {
    principle: "i",
    rule: "i.basis-stated",
    sheet: "Baseline",
    table: "baseline",
    row: 3,
    column: "Basis",
    value: null,
    defect: "The Transport baseline line does not say whether it is budget or outturn.",
  },
  {
    principle: "ii",
    rule: "ii.budget-line",
    sheet: "Gains",
    table: "gains",
    row: 1,
    column: "Budget line",
    value: null,
    defect: "Cashable gain G02 (fleet telematics) names no budget line whose forecast it reduces.",
  },
  {
    principle: "iii",
    rule: "iii.costs-present",
    sheet: "Gains",
    table: "gains",
    row: 6,
    column: "Costs",
    value: null,
    defect: "Gain G07 (overtime management) has a blank Costs cell where its costs of 0 were (0 is a figure; blank is not).",
  },
  {
    principle: "iv",
    rule: "iv.profile-target-year",
    sheet: "Profile",
    table: "profile",
    row: 3,
    column: TARGET_YEAR,
    value: 1_500_000,
    defect: `Gain G04's profile shows 1,500,000 in ${TARGET_YEAR}, but its Net gain in the register is 1,450,000.`,
  },
  {
    principle: "v",
    rule: "v.reinvestment-named",
    sheet: "Gains",
    table: "gains",
    row: 3,
    column: "Plan reference",
    value: null,
    defect: "Cashable gain G04 says where it is re-invested but not under which plan.",
  },
  {
    principle: "vi",
    rule: "vi.quarter-evidence",
    sheet: "Quarterly",
    table: "quarterly",
    row: 1,
    column: "Risks",
    value: null,
    defect: "The Q2 2026-27 update to the Board cites no risk review.",
  },
  {
    principle: "vii",
    rule: "vii.unit-cost-recomputes",
    sheet: "Comparatives",
    table: "comparatives",
    row: 3,
    column: "Value",
    value: 29.5,
    defect: "The cost per emergency call is given as £29.50, but Cost / Output is £27.50.",
  },
  {
    principle: "viii",
    rule: "viii.risk-reviewed",
    sheet: "Gains",
    table: "gains",
    row: 2,
    column: "Risk reviewed",
    value: date("2026-05-12"),
    defect: "Gain G03's risk was last reviewed on 12/05/2026, more than three months before the reporting date.",
  },
  {
    principle: "ix",
    rule: "ix.publication-record",
    sheet: "Publication",
    table: "publication",
    row: 0,
    column: "Published",
    value: null,
    defect: "The annual report's publication record has no date.",
  },
  {
    principle: "method",
    rule: "method.price-base",
    sheet: "Gains",
    table: "gains",
    row: 4,
    column: "Price base",
    value: "2026-27",
    defect: `Gain G05's figures are in 2026-27 prices, not the target year's (${TARGET_YEAR}), so they need re-expressing with VFM.DEFLATE.`,
  },
];

const TABLE_OF: Record<DefectRecipe["table"], string> = {
  baseline: "Baseline",
  gains: "Gains",
  profile: "Profile",
  milestones: "Milestones",
  reinvestment: "Reinvestment",
  quarterly: "Quarterly",
  comparatives: "Comparatives",
  publication: "Publication",
};

/** A1 address of a data cell of a sheet in the spec. */
function cellOf(spec: TemplateSpec, sheetName: string, row: number, column: string): string {
  const sheet = spec.sheets.find((s) => s.name === sheetName);
  const table = sheet?.table;
  const col = table?.columns.findIndex((c) => c.header === column) ?? -1;
  if (!sheet || !table || col < 0) throw new Error(`no column ${column} on ${sheetName}`);
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return `${letters}${tableHeaderRow(sheet) + 1 + row}`;
}

/** The seeded example's spec and the list of its defects with their cells. */
export function seededExample(): { spec: TemplateSpec; defects: SeededDefect[] } {
  const data = northmoorData();
  for (const recipe of DEFECT_RECIPES) {
    if (TABLE_OF[recipe.table] !== recipe.sheet) throw new Error(`defect ${recipe.rule}: ${recipe.table} is not on ${recipe.sheet}`);
    const rows = data[recipe.table];
    const target = rows[recipe.row];
    if (!target || (!(recipe.column in target) && recipe.value === null)) {
      throw new Error(`defect ${recipe.rule}: row ${recipe.row} of ${recipe.table} has no ${recipe.column} to clear`);
    }
    rows[recipe.row] = { ...target, [recipe.column]: recipe.value };
  }
  const spec = northmoorSpec(data);
  const instructions = spec.sheets[0];
  const seededSpec: TemplateSpec = {
    sheets: [
      {
        ...instructions,
        lines: [
          `This copy of the ${FORCE} example has one deliberate defect for each principle, listed in examples/seeded-defects.json and examples/README.md.`,
          ...(instructions.lines ?? []),
        ],
      },
      ...spec.sheets.slice(1),
    ],
  };
  const defects = DEFECT_RECIPES.map(({ principle, rule, sheet, row, column, defect }) => ({
    principle,
    rule,
    sheet,
    cell: cellOf(seededSpec, sheet, row, column),
    defect,
  }));
  return { spec: seededSpec, defects };
}

function packageRoot(start: string): string {
  let dir = start;
  for (;;) {
    try {
      accessSync(path.join(dir, "package.json"));
      return dir;
    } catch {
      const parent = path.dirname(dir);
      if (parent === dir) throw new Error("cannot find package.json above " + start);
      dir = parent;
    }
  }
}

export async function generateExamples(outDir: string): Promise<string[]> {
  const clean = await writeXlsx(northmoorSpec(), { created: FILE_TIME, creator: FORCE });
  const seeded = seededExample();
  const seededBytes = await writeXlsx(seeded.spec, { created: FILE_TIME, creator: FORCE });
  const files = [
    path.join(outDir, "northmoor-police.xlsx"),
    path.join(outDir, "northmoor-police-seeded.xlsx"),
    path.join(outDir, "seeded-defects.json"),
  ];
  await fs.writeFile(files[0], clean);
  await fs.writeFile(files[1], seededBytes);
  await fs.writeFile(
    files[2],
    JSON.stringify({ workbook: "northmoor-police-seeded.xlsx", reportingDate: REPORTING_DATE, defects: seeded.defects }, null, 2) + "\n",
  );
  return files;
}

if (require.main === module) {
  const outDir = path.join(packageRoot(__dirname), "examples");
  generateExamples(outDir).then(
    (files) => process.stdout.write(files.map((f) => `wrote ${path.relative(process.cwd(), f)}\n`).join("")),
    (error: unknown) => {
      process.stderr.write(`examples: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
