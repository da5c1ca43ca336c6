/**
 * The recognition vocabulary: every word and code the validator reads a workbook's headers, labels and
 * title blocks by, as data in this one module (docs/recognition.md lists it for users). The table and
 * column names of docs/spec/workbook.md live in schema.ts; this adds the words real workbooks use for
 * the same things ("C/NC", "Qtr", "Due by", "Achieved to date"), the words that mark blocks that are not
 * tables (a pivot's "Row Labels"), title-block phrases, and RAG letter codes. A workbook extends it from
 * its own Settings table ("Header Gains.Type" = "C/NC"; see corrections.ts).
 */
import { TABLE_SPECS, type TableKey } from "../schema";
import { normaliseLabel } from "../text";

/** "Project no", "Scheme ref", "Action number": a thing's reference, the ID of a register, profile or milestone row. */
const ID_COMBINATIONS: readonly string[] = [
  "project",
  "scheme",
  "proposal",
  "action",
  "initiative",
  "saving",
  "savings",
  "efficiency",
  "item",
  "gain",
  "line",
].flatMap((thing) => ["no", "number", "ref", "reference", "id", "code"].map((what) => `${thing} ${what}`));

/** Extra header words for each table's columns, beyond schema.ts's synonyms. */
const EXTRA_HEADERS: Readonly<Partial<Record<TableKey, Readonly<Record<string, readonly string[]>>>>> = {
  baseline: {
    line: [
      "Service",
      "Subjective heading",
      "Subjective",
      "Objective heading",
      "Budget heading",
      "Expenditure type",
      "Budget line",
      "Cost centre",
      "Expenditure heading",
      "Service area",
      "Line description",
      "Service block",
      "Service line",
      "Subjective line",
      "Expenditure line",
    ],
    year: ["Base year"],
    amount: [
      "Budget",
      "Net budget",
      "Original budget",
      "Net spend",
      "Net expenditure",
      "Gross expenditure",
      "Baseline spend",
      "Base budget",
      "Outturn",
      "Net revenue expenditure",
      "GRE",
      "Gross revenue expenditure",
      "Revenue budget",
      "Net revenue budget",
    ],
    basis: ["Budget / outturn", "Budget/outturn", "Basis of figures"],
  },
  gains: {
    id: ["No", "No.", "Number", "Ref no", "Reference number", ...ID_COMBINATIONS],
    initiative: [
      "Action",
      "Proposal",
      "Savings proposal",
      "Description of saving",
      "Efficiency",
      "Project",
      "Scheme",
      "Initiative description",
      "Title",
      "Activity",
    ],
    workstream: ["Service", "Theme", "Programme", "Portfolio", "Directorate", "Department", "Service area", "Work stream"],
    type: ["C/NC", "C / NC", "Cash / non-cash", "Cash/non-cash", "Cashable?", "Cashable/non-cashable", "Cash or non-cash", "Nature"],
    category: ["Efficiency type", "3Es", "Economy / efficiency / effectiveness"],
    baselineLine: ["Baseline ref", "Baseline reference"],
    budgetLine: ["Budget head", "Cost code", "Budget heading", "Subjective heading", "Subjective", "Objective heading"],
    evidence: ["Evidence of saving", "Evidence source", "Verification"],
    gross: [
      "Gross saving",
      "Gross savings",
      "Gross efficiency",
      "Gross gain",
      "Savings",
      "Efficiency saving",
      "Gross",
      "Saving target",
      "Planned saving",
    ],
    costs: [
      "One-off costs",
      "One off costs",
      "Costs of delivery",
      "Investment required",
      "Set-up costs",
      "Cost to achieve",
      "Implementation",
    ],
    net: ["Net saving", "Net savings", "Net efficiency", "Net gain", "Net benefit"],
    deliverability: [
      "RAG status",
      "R/A/G",
      "G/A/R",
      "RAG rating",
      "Risk rating",
      "Confidence rating",
      "Deliverability rating",
      "Achievability",
      "Status (RAG)",
    ],
    riskAdjusted: ["Risk adjusted saving", "Risk-adjusted saving", "Weighted saving", "Risk weighted", "Adjusted saving", "Weighted"],
    reinvestment: ["Reinvestment", "Re-invested in", "Reinvested", "Reinvested to"],
    planReference: ["Business plan ref", "Plan"],
    serviceImpact: ["Impact on service", "Service impact", "Impact on service delivery", "Quality impact"],
    owner: ["Lead", "Lead officer", "Responsible officer", "Responsible", "Sponsor", "Accountable officer", "Project lead"],
    riskReviewed: ["Date reviewed", "Review date", "Reviewed"],
  },
  profile: {
    id: ["No", "No.", "Number", "Ref no", "Reference number", ...ID_COMBINATIONS],
  },
  milestones: {
    id: ID_COMBINATIONS,
    milestone: ["Action", "Actions", "Key milestone", "Milestones", "Task", "Deliverable"],
    due: ["Due by", "Target date", "Deadline", "Completion date", "By when", "Due"],
    status: ["Progress", "Progress update", "Position", "Complete?"],
  },
  reinvestment: {
    destination: ["Re-invested in", "Reinvestment", "Re-investment", "Reinvested to", "Use of savings", "Redeployed to"],
    planReference: ["Plan ref", "Plan reference", "Approved in"],
    amount: ["Amount reinvested", "Reinvested amount", "Re-invested"],
  },
  quarterly: {
    quarter: ["Qtr", "Quarter ending", "Quarter end", "Period", "Period ending", "Month", "As at"],
    trajectory: ["Plan to date", "Planned to date", "Target to date", "Forecast", "Profile", "Target", "Planned saving", "Profiled"],
    actual: ["Achieved to date", "Actual to date", "Achieved", "Delivered", "Delivered to date", "Actual saving", "Outturn"],
    budgetEvidence: ["Budget monitoring", "Budget ref"],
    comparativeData: ["Comparative", "Benchmarking"],
    milestones: ["Milestones met", "Milestone progress"],
    risks: ["Risk register", "Risks reviewed", "Risk update"],
    boardDate: ["Board", "Reported to board", "Meeting date", "Date of board"],
  },
  comparatives: {
    measure: ["Indicator", "Performance indicator", "Metric", "KPI"],
    kind: [
      "Type",
      "Indicator type",
      "Type of indicator",
      "Type of measure",
      "Measure type",
      "Kind of measure",
      "Category",
      "Measure category",
    ],
    value: ["Unit cost", "Result", "Score"],
    cost: ["Net spend", "Spend", "Total cost", "Net cost", "Expenditure"],
    output: ["Activity volume", "Activity", "Volume", "Outputs"],
    benchmark: [
      "Comparator",
      "Family average",
      "Peer average",
      "Most similar group",
      "MSG average",
      "Average",
      "Most similar forces",
      "Most similar family",
      "MSF average",
      "Nearest neighbours",
      "Comparator average",
      "Peer group",
      "CIPFA nearest neighbours",
    ],
  },
  publication: {
    report: ["Publication", "Document", "Published in", "Where published"],
    published: ["Date of publication", "Publication date"],
    reference: ["URL", "Web link", "Website"],
  },
  summary: {
    measure: ["Description", "Summary"],
  },
};

/**
 * Words in a sheet's name that hint at a table without naming it ("GRE 2012-13" holds the baseline,
 * "Benchmarking" the comparatives): matched as whole words, worth what a sheet name that contains the
 * table's name is worth (a little, never enough alone).
 */
export const SHEET_NAME_HINTS: Readonly<Partial<Record<TableKey, readonly string[]>>> = {
  baseline: ["baseline", "gre", "gross revenue expenditure", "revenue budget", "base budget", "budget"],
  gains: ["savings plan", "efficiency programme", "efficiency plan", "action plan", "savings", "efficiencies"],
  quarterly: ["monitoring", "tracker", "quarterly"],
  comparatives: ["benchmarking", "benchmarks", "comparators"],
  publication: ["publication", "publications"],
};

/** Words a block's header or first column carries when it is a pivot or summary, never a register. */
export const SUMMARY_MARKERS: readonly string[] = ["row labels", "column labels", "grand total", "sum of", "count of", "values"];

/** Measure words that a per-year column header may carry besides a table's column words. */
export const YEAR_MEASURE_WORDS: Readonly<Record<string, "gross" | "costs" | "net">> = {
  saving: "gross",
  savings: "gross",
  gross: "gross",
  "gross saving": "gross",
  "gross savings": "gross",
  efficiency: "gross",
  budget: "gross",
  cost: "costs",
  costs: "costs",
  "one off costs": "costs",
  investment: "costs",
  net: "net",
  "net saving": "net",
  "net savings": "net",
  "net gain": "net",
};

/** RAG letter codes as workbooks write them, and the word each stands for. */
export const RAG_CODES: ReadonlyMap<string, "green" | "amber" | "red"> = new Map([
  ["g", "green"],
  ["a", "amber"],
  ["r", "red"],
  ["green", "green"],
  ["amber", "amber"],
  ["red", "red"],
]);

/** How a Type cell says cashable or not, letters and spaces only ("C", "NC", "Cash", "Non-cash"). */
export const TYPE_CODES: ReadonlyMap<string, "cashable" | "non-cashable"> = new Map([
  ["cashable", "cashable"],
  ["c", "cashable"],
  ["cash", "cashable"],
  ["noncashable", "non-cashable"],
  ["nc", "non-cashable"],
  ["noncash", "non-cashable"],
]);

/** Title-block phrases that state a basis. */
export const BASIS_WORDS: readonly (readonly [string, string])[] = [
  ["original budget", "budget"],
  ["revised budget", "budget"],
  ["budget", "budget"],
  ["outturn", "outturn"],
  ["actual", "outturn"],
  ["forecast", "forecast"],
];

/** normalised header -> column key, per table: schema.ts's names first, then EXTRA_HEADERS. */
export function buildHeaderMaps(extra?: ReadonlyMap<TableKey, ReadonlyMap<string, string>>): Map<TableKey, Map<string, string>> {
  const maps = new Map<TableKey, Map<string, string>>();
  for (const spec of TABLE_SPECS) {
    const map = new Map<string, string>();
    const add = (name: string, key: string) => {
      const normal = normaliseLabel(name);
      if (normal !== "" && !map.has(normal)) map.set(normal, key);
    };
    for (const [normal, key] of extra?.get(spec.key) ?? []) map.set(normal, key);
    for (const column of spec.columns) for (const name of [column.label, ...column.synonyms]) add(name, column.key);
    const more = EXTRA_HEADERS[spec.key] ?? {};
    for (const [key, names] of Object.entries(more)) for (const name of names) add(name, key);
    maps.set(spec.key, map);
  }
  return maps;
}

/** The built-in header maps (a workbook's own synonyms make a new set for that check). */
export const HEADER_MAPS: ReadonlyMap<TableKey, ReadonlyMap<string, string>> = buildHeaderMaps();

/** How many tables use each normalised header word: a word only one table uses is a stronger clue. */
export function headerWordSpread(maps: ReadonlyMap<TableKey, ReadonlyMap<string, string>>): Map<string, number> {
  const spread = new Map<string, number>();
  for (const map of maps.values()) for (const word of map.keys()) spread.set(word, (spread.get(word) ?? 0) + 1);
  return spread;
}
