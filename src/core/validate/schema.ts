/**
 * The logical tables of a VfM workbook and their column names and synonyms, exactly as
 * docs/spec/workbook.md lists them. Discovery matches headers against these after normalising
 * (see normaliseLabel), so "Gross gain (£m)", "GROSS-GAIN" and "gross gain" are the same column.
 *
 * The schema is declared `as const`: the table keys (TableKey) and each table's column keys
 * (ColumnKey<"gains"> = "id" | "initiative" | ...) are derived from it, so a misspelt key
 * (`columns.get("grosss")`) does not compile.
 */
import type { PrincipleKey } from "./types";

export interface ColumnSpec<Key extends string = string> {
  key: Key;
  /** The header the template writes and messages name. */
  label: string;
  synonyms: readonly string[];
  /** Holds an amount of money (its unit comes from the header or the Settings). */
  money?: boolean;
}

export interface TableSpec<Key extends string = string, Col extends string = string> {
  key: Key;
  /** The name messages use and the template gives the sheet ("Gains"). */
  label: string;
  /** Sheet names that hold this table, besides the label. */
  sheetSynonyms: readonly string[];
  columns: readonly ColumnSpec<Col>[];
  /** The principle a missing table is reported against. */
  principle: PrincipleKey;
}

const col = <Key extends string>(key: Key, label: string, synonyms: readonly string[] = [], money = false): ColumnSpec<Key> => ({
  key,
  label,
  synonyms,
  money,
});

const SCHEMA = [
  {
    key: "baseline",
    label: "Baseline",
    sheetSynonyms: [],
    principle: "i",
    columns: [
      col("line", "Line", ["Item", "Description", "Baseline line"]),
      col("year", "Year", ["Financial year", "FY", "Baseline year"]),
      col("amount", "Amount", ["Baseline", "Spend", "Value", "Baseline amount"], true),
      col("basis", "Basis", ["Budget or outturn"]),
      col("priceBase", "Price base", ["Prices", "Price year"]),
      col("notes", "Notes", ["Note", "Comments"]),
    ],
  },
  {
    key: "gains",
    label: "Gains",
    sheetSynonyms: ["Register", "Initiatives", "Efficiencies", "Gains register", "Efficiency register"],
    principle: "ii",
    columns: [
      col("id", "ID", ["Ref", "Reference", "Gain ID"]),
      col("initiative", "Initiative", ["Name", "Description"]),
      col("workstream", "Workstream", []),
      col("type", "Type", ["Cashable / Non-cashable", "Cashable or non-cashable", "Cashable"]),
      col("category", "Category", ["Economy / Efficiency / Effectiveness"]),
      col("baselineLine", "Baseline line", []),
      col("budgetLine", "Budget line", ["Cost centre", "Budget code"]),
      col("evidence", "Evidence", ["Evidence ref", "Evidence reference"]),
      col("gross", "Gross gain", ["Gross", "Saving", "Gross saving"], true),
      col("costs", "Costs", ["Cost", "Investment", "Implementation cost", "Implementation costs"], true),
      col("net", "Net gain", ["Net", "Net saving"], true),
      col("deliverability", "Deliverability", ["Confidence", "Probability", "RAG"]),
      col("riskAdjusted", "Risk-adjusted gain", ["Risk adjusted", "Weighted gain", "Risk-adjusted"], true),
      col("reinvestment", "Reinvestment", ["Reinvested in", "Recycled to"]),
      col("planReference", "Plan reference", ["Plan ref"]),
      col("serviceImpact", "Service impact", ["Quality cross-check", "Quality cross check", "Service reduction"]),
      col("priceBase", "Price base", ["Prices", "Price year"]),
      col("owner", "Owner", []),
      col("riskReviewed", "Risk reviewed", ["Last reviewed", "Risk review date"]),
    ],
  },
  {
    key: "profile",
    label: "Profile",
    sheetSynonyms: ["Phasing", "Trajectory by year"],
    principle: "iv",
    columns: [col("id", "ID", ["Ref", "Reference", "Gain ID"])],
  },
  {
    key: "milestones",
    label: "Milestones",
    sheetSynonyms: [],
    principle: "iv",
    columns: [
      col("id", "ID", ["Ref", "Reference", "Gain ID"]),
      col("milestone", "Milestone", ["Description"]),
      col("due", "Due", ["Due date", "Date"]),
      col("status", "Status", []),
    ],
  },
  {
    key: "reinvestment",
    label: "Reinvestment",
    sheetSynonyms: ["Reinvestment plan"],
    principle: "v",
    columns: [
      col("destination", "Destination", ["Reinvested in", "Recycled to"]),
      col("planReference", "Plan reference", ["Budget", "Business plan", "Investment strategy", "Plan"]),
      col("amount", "Amount", ["Value"], true),
    ],
  },
  {
    key: "quarterly",
    label: "Quarterly",
    sheetSynonyms: ["Quarterly report", "Board updates"],
    principle: "vi",
    columns: [
      col("quarter", "Quarter", ["Period"]),
      col("trajectory", "Trajectory", ["Planned", "Plan"], true),
      col("actual", "Actual", ["Actuals"], true),
      col("budgetEvidence", "Budget evidence", []),
      col("comparativeData", "Comparative data", ["Comparatives"]),
      col("milestones", "Milestones", ["Milestone status"]),
      col("risks", "Risks", ["Risk review", "Risk"]),
      col("boardDate", "Board date", []),
    ],
  },
  {
    key: "comparatives",
    label: "Comparatives",
    sheetSynonyms: ["Benchmarks", "Unit costs"],
    principle: "vii",
    columns: [
      col("measure", "Measure", []),
      col("kind", "Kind", []),
      col("value", "Value", []),
      col("unit", "Unit", []),
      col("year", "Year", []),
      col("cost", "Cost", [], true),
      col("output", "Output", []),
      col("benchmark", "Benchmark", []),
    ],
  },
  {
    key: "publication",
    label: "Publication",
    sheetSynonyms: ["Publications"],
    principle: "ix",
    columns: [
      col("report", "Report", []),
      col("published", "Published", ["Date", "Date published"]),
      col("reference", "Reference", ["Link"]),
      col("reward", "Reward", ["Recognition"]),
    ],
  },
  {
    key: "settings",
    label: "Settings",
    sheetSynonyms: [],
    principle: "method",
    columns: [col("key", "Key", ["Setting", "Parameter"]), col("value", "Value", [])],
  },
  {
    key: "summary",
    label: "Summary",
    sheetSynonyms: ["Progress", "Dashboard"],
    principle: "viii",
    columns: [col("measure", "Measure", ["Item", "Key"]), col("value", "Value", ["Amount"], true)],
  },
] as const satisfies readonly TableSpec[];

type Schema = (typeof SCHEMA)[number];

/** "baseline" | "gains" | ... : the tables of the schema. */
export type TableKey = Schema["key"];

/** The column keys of one table (or, for a union of tables, of any of them): ColumnKey<"milestones"> = "id" | "milestone" | "due" | "status". */
export type ColumnKey<T extends TableKey = TableKey> = ColumnKeysByTable[T];
type ColumnKeysByTable = { [S in Schema as S["key"]]: S["columns"][number]["key"] };

/** Every table of the schema, in the order recognition and the reports list them. */
export const TABLE_SPECS: readonly TableSpec<TableKey, ColumnKey>[] = SCHEMA;

export const TABLE_SPEC_BY_KEY: ReadonlyMap<TableKey, TableSpec<TableKey, ColumnKey>> = new Map(TABLE_SPECS.map((s) => [s.key, s]));

export function tableSpec<T extends TableKey>(key: T): TableSpec<T, ColumnKey<T>> {
  const spec = TABLE_SPEC_BY_KEY.get(key);
  if (!spec) throw new Error(`unknown table ${key}`);
  return spec as TableSpec<T, ColumnKey<T>>;
}

export function columnSpec<T extends TableKey>(table: T, key: ColumnKey<T>): ColumnSpec<ColumnKey<T>> {
  const spec = tableSpec(table).columns.find((c) => c.key === key);
  if (!spec) throw new Error(`unknown column ${table}.${key}`);
  return spec;
}
