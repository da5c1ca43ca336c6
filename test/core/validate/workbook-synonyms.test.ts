/**
 * Walks the table of docs/spec/workbook.md, copied here as data, and checks that discovery
 * recognises every table name, sheet synonym, column name and column synonym it lists, written as
 * people write headers: any case, with punctuation, a unit in brackets or extra spaces.
 * Parentheses in workbook.md that list a column's values (Type, Category, Kind, Quarter) or its
 * accepted forms (Profile years) are not header synonyms and are not listed here.
 */
import { analyse, type ColumnKey, type TableKey } from "../../../src/core/validate";
import { buildModel, sheet, tableOver } from "../../support/model-builder";

interface SpecColumn {
  key: ColumnKey;
  names: readonly string[];
}

interface SpecTable {
  key: TableKey;
  names: readonly string[];
  columns: readonly SpecColumn[];
}

/** workbook.md, section "Tables", one entry per row; the first name of each list is the main one. */
const WORKBOOK_MD: readonly SpecTable[] = [
  {
    key: "baseline",
    names: ["Baseline"],
    columns: [
      { key: "line", names: ["Line", "Item", "Description"] },
      { key: "year", names: ["Year", "Financial year", "FY"] },
      { key: "amount", names: ["Amount", "Baseline", "Spend", "Value"] },
      { key: "basis", names: ["Basis", "Budget or outturn"] },
      { key: "priceBase", names: ["Price base", "Prices", "Price year"] },
      { key: "notes", names: ["Notes"] },
    ],
  },
  {
    key: "gains",
    names: ["Gains", "Register", "Initiatives", "Efficiencies"],
    columns: [
      { key: "id", names: ["ID", "Ref"] },
      { key: "initiative", names: ["Initiative", "Name", "Description"] },
      { key: "workstream", names: ["Workstream"] },
      { key: "type", names: ["Type"] },
      { key: "category", names: ["Category"] },
      { key: "baselineLine", names: ["Baseline line"] },
      { key: "budgetLine", names: ["Budget line", "Cost centre", "Budget code"] },
      { key: "evidence", names: ["Evidence", "Evidence ref"] },
      { key: "gross", names: ["Gross gain", "Gross", "Saving"] },
      { key: "costs", names: ["Costs", "Cost", "Investment", "Implementation cost"] },
      { key: "net", names: ["Net gain", "Net"] },
      { key: "deliverability", names: ["Deliverability", "Confidence", "Probability", "RAG"] },
      { key: "riskAdjusted", names: ["Risk-adjusted gain", "Risk adjusted", "Weighted gain"] },
      { key: "reinvestment", names: ["Reinvestment", "Reinvested in", "Recycled to"] },
      { key: "planReference", names: ["Plan reference"] },
      { key: "serviceImpact", names: ["Service impact", "Quality cross-check"] },
      { key: "priceBase", names: ["Price base"] },
      { key: "owner", names: ["Owner"] },
      { key: "riskReviewed", names: ["Risk reviewed", "Last reviewed"] },
    ],
  },
  {
    key: "profile",
    names: ["Profile", "Phasing", "Trajectory by year"],
    columns: [{ key: "id", names: ["ID"] }],
  },
  {
    key: "milestones",
    names: ["Milestones"],
    columns: [
      { key: "id", names: ["ID"] },
      { key: "milestone", names: ["Milestone"] },
      { key: "due", names: ["Due", "Due date", "Date"] },
      { key: "status", names: ["Status"] },
    ],
  },
  {
    key: "reinvestment",
    names: ["Reinvestment"],
    columns: [
      { key: "destination", names: ["Destination"] },
      { key: "planReference", names: ["Plan reference", "Budget", "Business plan", "Investment strategy"] },
      { key: "amount", names: ["Amount"] },
    ],
  },
  {
    key: "quarterly",
    names: ["Quarterly", "Quarterly report", "Board updates"],
    columns: [
      { key: "quarter", names: ["Quarter"] },
      { key: "trajectory", names: ["Trajectory", "Planned", "Plan"] },
      { key: "actual", names: ["Actual"] },
      { key: "budgetEvidence", names: ["Budget evidence"] },
      { key: "comparativeData", names: ["Comparative data"] },
      { key: "milestones", names: ["Milestones"] },
      { key: "risks", names: ["Risks", "Risk review"] },
      { key: "boardDate", names: ["Board date"] },
    ],
  },
  {
    key: "comparatives",
    names: ["Comparatives", "Benchmarks", "Unit costs"],
    columns: [
      { key: "measure", names: ["Measure"] },
      { key: "kind", names: ["Kind"] },
      { key: "value", names: ["Value"] },
      { key: "unit", names: ["Unit"] },
      { key: "year", names: ["Year"] },
      { key: "cost", names: ["Cost"] },
      { key: "output", names: ["Output"] },
      { key: "benchmark", names: ["Benchmark"] },
    ],
  },
  {
    key: "publication",
    names: ["Publication"],
    columns: [
      { key: "report", names: ["Report"] },
      { key: "published", names: ["Published", "Date"] },
      { key: "reference", names: ["Reference", "Link"] },
      { key: "reward", names: ["Reward", "Recognition"] },
    ],
  },
  {
    key: "settings",
    names: ["Settings"],
    columns: [
      { key: "key", names: ["Key"] },
      { key: "value", names: ["Value"] },
    ],
  },
];

/** The ways a header is written in real workbooks: all must be recognised as the same column. */
const VARIANTS: ReadonlyArray<[string, (name: string) => string]> = [
  ["as written", (n) => n],
  ["upper case", (n) => n.toUpperCase()],
  ["lower case with extra spaces", (n) => `  ${n.toLowerCase().replace(/ /g, "   ")} `],
  ["with a unit in brackets", (n) => `${n} (£m)`],
  ["with punctuation", (n) => `${n.replace(/ /g, "-")}:`],
];

/** Another column of the same table, so the header row holds the two recognised headers it needs. */
function companion(table: SpecTable, column: SpecColumn): SpecColumn {
  const other = table.columns.find((c) => c.key !== column.key);
  if (other) return other;
  throw new Error(`${table.key} needs two columns`);
}

function companionHeader(table: SpecTable, column: SpecColumn): string | number {
  // A Profile's second recognised header is a financial year.
  if (table.key === "profile") return "2008-09";
  return companion(table, column).names[0];
}

function discovered(model: ReturnType<typeof buildModel>, key: TableKey) {
  return analyse(model, { file: "t.xlsx", today: "2009-12-31" }).tables.get(key);
}

describe("workbook.md: every table name and sheet synonym is found", () => {
  for (const table of WORKBOOK_MD) {
    const first = table.columns[0];
    for (const name of table.names) {
      it(`${table.key}: a sheet named "${name}"`, () => {
        const model = buildModel({ sheets: [sheet(name, [[first.names[0], companionHeader(table, first)]])] });
        const found = discovered(model, table.key);
        expect(found?.source).toBe("sheet");
        expect(found?.columns.get(first.key)).toBe(0);
      });
      const tableName = `tbl${name.replace(/\s+/g, "")}`;
      it(`${table.key}: an Excel table named "${tableName}" on another sheet`, () => {
        const data = sheet("Data", [[first.names[0], companionHeader(table, first)]]);
        const found = discovered(buildModel({ sheets: [data], tables: [tableOver(data, tableName)] }), table.key);
        expect(found?.source).toBe("table");
        expect(found?.columns.get(first.key)).toBe(0);
      });
    }
  }
});

describe("workbook.md: every column name and synonym is recognised for its table", () => {
  for (const table of WORKBOOK_MD) {
    for (const column of table.columns) {
      for (const name of column.names) {
        it(`${table.key}.${column.key}: "${name}" (${VARIANTS.map(([variant]) => variant).join(", ")})`, () => {
          for (const [variant, write] of VARIANTS) {
            const model = buildModel({ sheets: [sheet(table.names[0], [[companionHeader(table, column), write(name)]])] });
            const found = discovered(model, table.key);
            expect({ variant, column: found?.columns.get(column.key) }).toEqual({ variant, column: 1 });
          }
        });
      }
    }
  }
});

describe("workbook.md: amounts in £, £k or £m, from a header suffix or the Settings", () => {
  const units: ReadonlyArray<[string, string]> = [
    ["Gross gain (£)", "£"],
    ["Gross gain £k", "£k"],
    ["Gross gain (£000)", "£k"],
    ["Gross gain (£'000)", "£k"],
    ["Gross gain £m", "£m"],
    ["Gross gain (£ million)", "£m"],
    ["Gross gain (£m, 2010-11 prices)", "£m"],
    ["Gross gain (2010-11 prices; £k)", "£k"],
    ["Gross gain [£m]", "£m"],
  ];
  for (const [header, unit] of units) {
    it(`"${header}" is in ${unit}`, () => {
      const model = buildModel({
        sheets: [
          sheet("Gains", [
            ["ID", header],
            ["G1", 5],
          ]),
        ],
      });
      expect(analyse(model, { file: "t.xlsx", today: "2009-12-31" }).data.unit).toBe(unit);
    });
  }

  it("takes the Settings unit when the header states none", () => {
    const model = buildModel({
      sheets: [
        sheet("Gains", [
          ["ID", "Gross gain"],
          ["G1", 5],
        ]),
        sheet("Settings", [
          ["Key", "Value"],
          ["Unit", "£k"],
        ]),
      ],
    });
    expect(analyse(model, { file: "t.xlsx", today: "2009-12-31" }).data.unit).toBe("£k");
  });
});
