/**
 * The VfM workbook the product creates (`vfm template`, "Create VfM workbook" in the pane): every table
 * of docs/spec/workbook.md under its primary name, as pure data that both writers render.
 *
 * Years: the default spending period is the one a 2026 user plans against, the 2025 Spending Review's
 * three resource-budget years 2026-27 to 2028-29, measured from a 2025-26 baseline. CSR07 (baseline
 * 2007-08, period 2008-09 to 2010-11) is `buildVfmTemplate({ baselineYear: 2007 })`.
 */
import { SHIPPED_SERIES } from "../calc";
import { DEFAULT_SETTINGS } from "../validate/settings";
import type { CellValue } from "../workbook/model";
import { isoToSerial } from "../workbook/iso-date";
import { financialYearLabel } from "../text/financial-year";
import { ragMappingText } from "../text/rag";

export { financialYearLabel, ragMappingText };
import type { TemplateCellFormat, TemplateColumn, TemplateSheet, TemplateSpec, TemplateTable } from "./types";

export interface VfmTemplateOptions {
  /** Start year of the baseline financial year: 2025 means 2025-26. */
  baselineYear?: number;
  /** Years in the spending period; the target falls due in the last (baseline year + targetYears). */
  targetYears?: number;
  /** Target rate as a fraction (0.03 is 3% a year). */
  targetRate?: number;
  /** "compound" (CSR07) or "simple" (SR2004). */
  targetMethod?: "compound" | "simple";
}

const DEFAULT_BASELINE_YEAR = 2025;

/** Number formats used by the template (and the examples). */
const FORMATS = {
  money: '"£"#,##0.00;[Red]-"£"#,##0.00',
  date: "dd/mm/yyyy",
  percent: "0%",
  rate: "0.0%",
  integer: "0",
  text: "@",
} as const;

export const TYPE_VALUES = ["Cashable", "Non-cashable"] as const;
export const CATEGORY_VALUES = ["Economy", "Efficiency", "Effectiveness"] as const;
export const KIND_VALUES = ["HQ cost", "Output", "Outcome", "Unit cost"] as const;
const BASIS_VALUES = ["Budget", "Outturn"] as const;
const MILESTONE_STATUS_VALUES = ["Not started", "On track", "At risk", "Late", "Complete"] as const;
const SERVICE_IMPACT_VALUES = ["No reduction", "Improved", "Service reduction"] as const;

/** Financial-year labels of the spending period: baseline year + 1 .. baseline year + targetYears. */
export function spendingPeriodYears(baselineYear: number, targetYears: number): string[] {
  const years: string[] = [];
  for (let i = 1; i <= targetYears; i++) years.push(financialYearLabel(baselineYear + i));
  return years;
}

const money = (header: string, help: string, width = 16): TemplateColumn => ({ header, numFmt: FORMATS.money, width, help });
const text = (header: string, help: string, width = 18): TemplateColumn => ({ header, width, help });

export const SHEET_TITLES = {
  baseline: "Baseline: the spend gains are measured against (principle i)",
  gains: "Gains register: one row per efficiency gain (principles i to v, viii)",
  profile: "Profile: each gain's net value by financial year (principle iv)",
  milestones: "Milestones: dated steps that deliver each gain (principles iv and vi)",
  reinvestment: "Reinvestment: where cashable gains are re-invested (principle v)",
  quarterly: "Quarterly updates to the VfM Board (principle vi)",
  comparatives: "Comparative measures: HQ costs, outputs and outcomes, unit costs (principle vii)",
  publication: "Publication and recognition of performance (principle ix)",
  settings: "Settings used by the checks and by VFM.TARGET",
} as const;

export function baselineTable(rows: ReadonlyArray<readonly CellValue[]> = []): TemplateTable {
  return {
    name: "tblBaseline",
    columns: [
      text("Line", "Baseline line, e.g. a budget heading or cost centre. Gains point at it by this name.", 32),
      text("Year", "Financial year of the baseline, e.g. 2025-26.", 10),
      money(
        "Amount",
        "Gross spend on this line in that year: a positive amount. Do not net off fees and charges; leave out transfer payments.",
      ),
      { header: "Basis", list: BASIS_VALUES, width: 10, help: "Budget or Outturn." },
      text("Price base", "The year whose prices the amount is in, e.g. 2025-26.", 11),
      text("Notes", "Anything a reviewer needs, e.g. that income was not netted off.", 40),
    ],
    rows,
  };
}

export function gainsTable(rows: ReadonlyArray<readonly CellValue[]> = []): TemplateTable {
  return {
    name: "tblGains",
    columns: [
      text("ID", "A short reference that is unique in the register, e.g. G01.", 7),
      text("Initiative", "What is being done.", 34),
      text("Workstream", "The programme or department it belongs to.", 16),
      {
        header: "Type",
        list: TYPE_VALUES,
        width: 13,
        help: "Cashable (a budget line goes down) or Non-cashable (more or better for the same money).",
      },
      { header: "Category", list: CATEGORY_VALUES, width: 13, help: "Economy, Efficiency or Effectiveness." },
      text("Baseline line", "The Line on the Baseline sheet this gain is measured against.", 26),
      text("Budget line", "For a cashable gain: the cost centre or budget code whose forecast it reduces.", 14),
      text("Evidence", "Reference to the evidence that the gain is real, e.g. a contract or a budget paper.", 20),
      money("Gross gain", "Gain in the target year before costs, in the register's price base."),
      money("Costs", "Investment and implementation costs of achieving the gain in that year. Enter 0 if there are none.", 14),
      {
        header: "Net gain",
        formula: "=[@[Gross gain]]-[@Costs]",
        derived: { kind: "net", gross: "Gross gain", costs: "Costs" },
        numFmt: FORMATS.money,
        width: 16,
        help: "Worked out for you: Gross gain less Costs.",
      },
      {
        header: "Deliverability",
        numFmt: FORMATS.percent,
        between: { min: 0, max: 1 },
        width: 13,
        help: "Likelihood the gain is delivered, 0% to 100%. Green 100%, Amber 50%, Red 0% unless Settings says otherwise.",
      },
      {
        header: "Risk-adjusted gain",
        formula: "=[@[Gross gain]]*[@Deliverability]-[@Costs]",
        derived: { kind: "riskAdjusted", gross: "Gross gain", costs: "Costs", deliverability: "Deliverability" },
        numFmt: FORMATS.money,
        width: 18,
        help: "Worked out for you: Gross gain x Deliverability less Costs (costs are not discounted).",
      },
      text("Reinvestment", "For a cashable gain: where the money is re-invested.", 24),
      text("Plan reference", "The budget, business plan or investment strategy that agrees the re-investment.", 22),
      {
        header: "Service impact",
        list: SERVICE_IMPACT_VALUES,
        width: 16,
        help: "Quality cross-check. A service reduction is not an efficiency gain and is not counted.",
      },
      text("Price base", "The year whose prices the money columns are in; normally the target year.", 11),
      text("Owner", "Who is accountable for delivering the gain.", 16),
      {
        header: "Risk reviewed",
        numFmt: FORMATS.date,
        date: true,
        width: 13,
        help: "Date the gain's deliverability was last reviewed (at least every three months).",
      },
    ],
    rows,
  };
}

export function profileTable(years: readonly string[], rows: ReadonlyArray<readonly CellValue[]> = []): TemplateTable {
  return {
    name: "tblProfile",
    columns: [
      text("ID", "The gain's ID in the register.", 7),
      ...years.map((year) =>
        money(
          year,
          `Net value of the gain in ${year}, in ${year} prices: gross gain in the year less costs incurred in the year (an up-front investment shows as a negative).`,
          14,
        ),
      ),
    ],
    rows,
  };
}

export function milestonesTable(rows: ReadonlyArray<readonly CellValue[]> = []): TemplateTable {
  return {
    name: "tblMilestones",
    columns: [
      text("ID", "The gain's ID in the register.", 7),
      text("Milestone", "A step that must happen for the gain to be delivered.", 40),
      { header: "Due", numFmt: FORMATS.date, date: true, width: 12, help: "Date the milestone is due." },
      { header: "Status", list: MILESTONE_STATUS_VALUES, width: 13, help: "Not started, On track, At risk, Late or Complete." },
    ],
    rows,
  };
}

export function reinvestmentTable(rows: ReadonlyArray<readonly CellValue[]> = []): TemplateTable {
  return {
    name: "tblReinvestment",
    columns: [
      text("Destination", "Where cashable gains are re-invested, as named in the register's Reinvestment column.", 34),
      text("Plan reference", "The budget, business plan or investment strategy that agrees it.", 26),
      money("Amount", "Amount re-invested in the target year."),
    ],
    rows,
  };
}

export function quarterlyTable(rows: ReadonlyArray<readonly CellValue[]> = []): TemplateTable {
  return {
    name: "tblQuarterly",
    columns: [
      text("Quarter", "e.g. Q1 2026-27 (April to June 2026).", 12),
      money("Trajectory", "Planned cumulative net gain by the end of the quarter."),
      money("Actual", "Delivered cumulative net gain by the end of the quarter."),
      text("Budget evidence", "Reference to the budget monitoring that shows the gain.", 22),
      text("Comparative data", "Reference to the comparative measures reported.", 22),
      text("Milestones", "Milestone status reported to the Board.", 22),
      text("Risks", "Reference to the risk review reported.", 22),
      {
        header: "Board date",
        numFmt: FORMATS.date,
        date: true,
        width: 12,
        help: "Date of the VfM Board meeting that received the update.",
      },
    ],
    rows,
  };
}

export function comparativesTable(rows: ReadonlyArray<readonly CellValue[]> = []): TemplateTable {
  return {
    name: "tblComparatives",
    columns: [
      text("Measure", "What is measured.", 34),
      { header: "Kind", list: KIND_VALUES, width: 11, help: "HQ cost, Output, Outcome or Unit cost." },
      { header: "Value", numFmt: "#,##0.00", width: 14, help: "The measure's value. For a unit cost: Cost divided by Output." },
      text("Unit", "e.g. £, £ per call, calls, %.", 14),
      text("Year", "Financial year of the measure.", 10),
      money("Cost", "For a unit cost: the total cost."),
      { header: "Output", numFmt: "#,##0", width: 12, help: "For a unit cost: the number of units of output." },
      text("Benchmark", "The comparator, e.g. a peer group average or a published benchmark.", 28),
    ],
    rows,
  };
}

export function publicationTable(rows: ReadonlyArray<readonly CellValue[]> = []): TemplateTable {
  return {
    name: "tblPublication",
    columns: [
      text("Report", "Where performance was published, e.g. annual report, council tax leaflet.", 34),
      { header: "Published", numFmt: FORMATS.date, date: true, width: 12, help: "Date it was published." },
      text("Reference", "Link or document reference.", 40),
      text("Reward", "How good performance was recognised or rewarded.", 34),
    ],
    rows,
  };
}

export interface VfmSettingsValues {
  targetRate: number;
  targetMethod: "compound" | "simple";
  targetYears: number;
  baselineYear: number;
  /** ISO date YYYY-MM-DD, or null for "the day of the check". */
  reportingDate: string | null;
  deflatorSeries: string;
  ragMapping: string;
  tolerance: number;
  materiality: number;
  minimumCashableShare: number;
  unit: string;
  onTrackShare: number;
  atRiskShare: number;
}

/** Serial date (1900 date system) of an ISO date; what Excel stores in a date cell. */
export function isoDateToSerial(iso: string): number {
  return isoToSerial(iso, false);
}

/** The validator's defaults (DEFAULT_SETTINGS), made explicit so a user can see and change them. */
export function defaultSettingsValues(options: VfmTemplateOptions = {}): VfmSettingsValues {
  return {
    targetRate: options.targetRate ?? DEFAULT_SETTINGS.targetRate,
    targetMethod: options.targetMethod ?? DEFAULT_SETTINGS.targetMethod,
    targetYears: options.targetYears ?? DEFAULT_SETTINGS.targetYears,
    baselineYear: options.baselineYear ?? DEFAULT_BASELINE_YEAR,
    reportingDate: null,
    deflatorSeries: SHIPPED_SERIES[0].id,
    ragMapping: ragMappingText(DEFAULT_SETTINGS.ragMapping),
    tolerance: DEFAULT_SETTINGS.tolerance,
    materiality: DEFAULT_SETTINGS.materiality,
    minimumCashableShare: DEFAULT_SETTINGS.minimumCashableShare,
    unit: DEFAULT_SETTINGS.unit,
    onTrackShare: DEFAULT_SETTINGS.onTrackShare,
    atRiskShare: DEFAULT_SETTINGS.atRiskShare,
  };
}

export function settingsTable(values: VfmSettingsValues): TemplateTable {
  const rows: Array<[string, CellValue, string, string?]> = [
    ["Target rate", values.targetRate, "Gain required each year, as a percentage of the baseline (3% for CSR07).", FORMATS.rate],
    ["Target method", values.targetMethod, "compound (CSR07: 3%, 6.1%, 9.3%) or simple (SR2004: 2.5% a year, added)."],
    ["Target years", values.targetYears, "Years in the spending period.", FORMATS.integer],
    ["Baseline year", financialYearLabel(values.baselineYear), "Financial year of the baseline."],
    [
      "Target year",
      financialYearLabel(values.baselineYear + values.targetYears),
      "Year the target falls due: baseline year + target years. The register's money columns are for this year.",
    ],
    [
      "Reporting date",
      values.reportingDate === null ? null : isoDateToSerial(values.reportingDate),
      "Date the workbook reports to (a quarter end). Blank: the day of the check.",
      FORMATS.date,
    ],
    [
      "Deflator series",
      values.deflatorSeries,
      "Deflators for VFM.DEFLATE: the HM Treasury GDP deflator series shipped with the add-in, or your own.",
    ],
    ["RAG mapping", values.ragMapping, "Deliverability given for a Green, Amber or Red rating."],
    [
      "Tolerance",
      values.tolerance,
      "Largest difference, in the unit below, accepted when a figure is recomputed (0.005 is half a penny in £).",
    ],
    ["Materiality", values.materiality, "A gain of at least this gross amount must have a dated milestone.", FORMATS.money],
    [
      "Minimum cashable share",
      values.minimumCashableShare,
      "Cashable gains as a share of all gains, at least (SR2004: half).",
      FORMATS.percent,
    ],
    ["Unit", values.unit, "Unit of the money columns: £, £k, £m or £bn."],
    [
      "On-track share",
      values.onTrackShare,
      "On track when the actual gains to date and the plan for each year to come reach at least this share of the target path.",
      FORMATS.percent,
    ],
    [
      "At-risk share",
      values.atRiskShare,
      "Short of on track but at least this share of the target path: at risk; below it, off track.",
      FORMATS.percent,
    ],
  ];
  const cellFormats: TemplateCellFormat[] = [];
  rows.forEach((row, index) => {
    if (row[3]) cellFormats.push({ row: index, column: "Value", numFmt: row[3] });
  });
  return {
    name: "tblSettings",
    columns: [
      text("Key", "The setting.", 24),
      { header: "Value", width: 26, help: "Its value. Change it to suit your regime." },
      text("Notes", "What it means.", 90),
    ],
    rows: rows.map(([key, value, note]) => [key, value, note]),
    cellFormats,
    inputRows: rows.length,
  };
}

const INSTRUCTION_HEADINGS = ["How to fill it in", "The 9 principles", "How to check it"];

export function instructionsLines(years: readonly string[], baselineYear: number): string[] {
  const base = financialYearLabel(baselineYear);
  const target = years[years.length - 1] ?? base;
  return [
    "This workbook plans and reports value-for-money efficiency gains and shows how each claim meets the 9 measurement principles of the Home Office CSR07 Value for Money Delivery Agreement.",
    `It is set up for a ${base} baseline and a spending period of ${years.join(", ")}, with the target falling due in ${target}. To use other years, change the Settings sheet and the year headings on the Profile sheet.`,
    "",
    "How to fill it in",
    "1. Settings: check the target rate, method, years, unit and reporting date. They are used by the checks and by VFM.TARGET.",
    "2. Baseline (principle i): one row per baseline line, with its year, a positive gross amount, basis (Budget or Outturn) and price base. Do not net off fees and charges, and leave out transfer payments such as benefit payments.",
    "3. Gains (principles i to v, viii): one row per gain, its figures for the target year. Choose Type and Category from the lists. Give every cashable gain a Budget line, Evidence, Reinvestment and Plan reference. Enter Costs even when they are 0. Deliverability is a percentage (Green 100%, Amber 50%, Red 0%).",
    "   Net gain and Risk-adjusted gain are worked out for you: Net gain = Gross gain - Costs; Risk-adjusted gain = Gross gain x Deliverability - Costs. Costs are not discounted, because they are incurred whether or not the gain is delivered. A blank Deliverability counts the gain as 0 until it is assessed. Do not type over these formulas.",
    "4. Profile (principle iv): one row per gain, its net value in each financial year in that year's prices. An up-front investment shows as a negative in the year it is spent. The target-year figure must equal the register's Net gain, and once a gain is positive it must stay positive for the next two years.",
    "5. Milestones (principles iv and vi): at least one dated milestone for every material gain (see Materiality in Settings).",
    "6. Reinvestment (principle v): where cashable gains go and the plan that agrees it; the amounts must account for the cashable net total.",
    `7. Quarterly (principle vi): one row per quarter ended by the reporting date, from Q1 ${years[0] ?? base}, with trajectory, actual, and references to budget evidence, comparative data, milestones and the risk review.`,
    "8. Comparatives (principle vii): at least one HQ cost, one output or outcome measure and one unit cost (give a unit cost's Cost and Output too).",
    "9. Publication (principle ix): where and when performance was published, and how it was recognised.",
    "",
    "The 9 principles",
    "(i) The baseline should be clearly quantified.",
    "(ii) Cashable gains should be identified in budget forecasts and be auditable.",
    "(iii) Cashable gains should be net of cost.",
    "(iv) Milestones and profiles should underpin delivery of gains.",
    "(v) Gains should be re-invested in line with the agreed budget, business plan and investment strategy.",
    "(vi) Quarterly updates should go to the VfM Board: trajectory with budget evidence, comparative data, milestones and risk management.",
    "(vii) Comparative measurement: HQ costs, output and outcome measures, unit costs.",
    "(viii) Performance should be underpinned by a dynamic risk management strategy that discounts on the basis of deliverability.",
    "(ix) Performance should be public and rewarded.",
    "",
    "How to check it",
    "In Excel: open the VfM pane from the Home tab and choose Check workbook. Each problem links to its cell.",
    "Outside Excel: run  npx vfm validate this-file.xlsx  (add --format sarif for a code-scanning report).",
    "Keep the table names (tblGains and so on) and column headings: the checks find the data by them. Extra columns are fine.",
  ];
}

export function buildVfmTemplate(options: VfmTemplateOptions = {}): TemplateSpec {
  const settings = defaultSettingsValues(options);
  const years = spendingPeriodYears(settings.baselineYear, settings.targetYears);
  const lines = instructionsLines(years, settings.baselineYear);
  const headingLines = INSTRUCTION_HEADINGS.map((heading) => lines.indexOf(heading)).filter((index) => index >= 0);
  const sheets: TemplateSheet[] = [
    { name: "Instructions", title: "Value for money efficiency gains workbook", lines, headingLines },
    { name: "Baseline", title: SHEET_TITLES.baseline, table: baselineTable() },
    { name: "Gains", title: SHEET_TITLES.gains, table: gainsTable() },
    { name: "Profile", title: SHEET_TITLES.profile, table: profileTable(years) },
    { name: "Milestones", title: SHEET_TITLES.milestones, table: milestonesTable() },
    { name: "Reinvestment", title: SHEET_TITLES.reinvestment, table: reinvestmentTable() },
    { name: "Quarterly", title: SHEET_TITLES.quarterly, table: quarterlyTable() },
    { name: "Comparatives", title: SHEET_TITLES.comparatives, table: comparativesTable() },
    { name: "Publication", title: SHEET_TITLES.publication, table: publicationTable() },
    { name: "Settings", title: SHEET_TITLES.settings, table: settingsTable(settings) },
  ];
  return { sheets };
}

/** The template with its defaults: a 2025-26 baseline, 3% a year compound over 2026-27 to 2028-29. */
export const VFM_TEMPLATE: TemplateSpec = buildVfmTemplate();
