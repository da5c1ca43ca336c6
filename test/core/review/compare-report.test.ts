import * as fs from "node:fs";
import * as path from "node:path";
import { readXlsx } from "../../../src/adapters/xlsx/read/index";
import { writeXlsx } from "../../../src/adapters/xlsx/write";
import { compareReturns, type ReturnComparison } from "../../../src/core/review/compare";
import { changeRows, changesWorkbookSpec, formatComparisonText, money, signedMoney } from "../../../src/core/review/compare-report";
import { recordsOfModel, type ReturnRecords } from "../../../src/core/review/return-records";

const FIXTURES = path.resolve(__dirname, "../../fixtures/compare");

async function records(file: string): Promise<ReturnRecords> {
  const read = await readXlsx(new Uint8Array(fs.readFileSync(path.join(FIXTURES, file))), { fileName: file });
  if (!read.ok) throw new Error(`${file}: ${read.reason}`);
  return recordsOfModel(read.model, file);
}

let q1ToQ2: ReturnComparison;
let none: ReturnComparison;
beforeAll(async () => {
  const q2 = await records("northmoor-q2.xlsx");
  q1ToQ2 = compareReturns(await records("northmoor-q1.xlsx"), q2);
  none = compareReturns(q2, await records("northmoor-q2-relaid.xlsx"));
});

describe("compare report: text", () => {
  it("money is exact, with £ and the unit", () => {
    expect(money(38_249_887.5, "£")).toBe("£38,249,887.50");
    expect(money(38_249.8875, "£k")).toBe("£38,249.8875k");
    expect(money(-35_000, "£")).toBe("-£35,000");
    expect(signedMoney(50_000, "£")).toBe("+£50,000");
    expect(signedMoney(0, "£m")).toBe("no change");
  });

  it("groups the Q1 -> Q2 changes for a Board secretary", () => {
    expect(formatComparisonText(q1ToQ2)).toBe(
      [
        "What changed: northmoor-q1.xlsx (as at 31/07/2026) -> northmoor-q2.xlsx (as at 31/10/2026)",
        "Amounts in £.",
        "",
        "In total",
        "  Net gains                     £12,030,000 -> £13,180,000 (+£1,150,000)",
        "  Risk-adjusted gains           £9,605,000 -> £9,570,000 (-£35,000)",
        "  Risk-adjusted cashable gains  £7,905,000 -> £7,870,000 (-£35,000) (these count against the target)",
        "",
        "Baseline and target restated (2)",
        "  Baseline: £412,500,000 -> £412,000,000 (-£500,000)",
        "  Target: £38,249,887.50 -> £38,203,524 (-£46,363.50)",
        "",
        "Gains added (1)",
        "  G07 Overtime management and duty planning: cashable, net £1,800,000, risk-adjusted £900,000, first accrues 2026-27",
        "",
        "Gains removed (1)",
        "  G08 Body-worn video: self-service evidence upload: cashable, net £500,000, risk-adjusted £200,000, first accrues 2027-28",
        "",
        "Slippage: profile moved to a later year (2)",
        "  G01 Shared control room with Eastmoor Fire and Rescue: first accrues 2027-28 (was 2026-27); 2026-27 £400,000 -> -£1,200,000",
        "  G05 Digital case files: officer time released to patrol: £800,000 moved to later years; 2026-27 £2,000,000 -> £1,200,000, 2027-28 £2,000,000 -> £2,800,000",
        "",
        "Profile changed (not slipped) (1)",
        "  G02 Fleet telematics and pool cars: 2028-29 £1,130,000 -> £980,000",
        "",
        "Net and risk-adjusted movements (2)",
        "  G02 Fleet telematics and pool cars: net £1,130,000 -> £980,000 (-£150,000); risk-adjusted £1,005,000 -> £870,000 (-£135,000)",
        "  G03 Move two headquarters buildings into one: risk-adjusted £1,800,000 -> £1,200,000 (-£600,000)",
        "",
        "RAG and deliverability changes (1)",
        "  G03 Move two headquarters buildings into one: 100% -> 75%",
        "",
        "Quarters revised after they were reported (1)",
        "  Q1 2026-27 actual: £900,000 -> £950,000 (+£50,000)",
        "",
        "Quarters reported for the first time (1)",
        "  Q2 2026-27: actual £2,050,000",
        "",
        "IDs changed (matched by name) (1)",
        "  D06 -> G06 ICT licence consolidation",
        "",
        "Renamed (1)",
        '  G04: "Regional framework for uniform" -> "Regional framework for uniform and equipment"',
        "",
        "Unchanged: 0 gains.",
        "",
      ].join("\n"),
    );
  });

  it("says plainly when nothing changed, and names the units when they differ", () => {
    expect(formatComparisonText(none, { unicode: true })).toBe(
      "What changed: northmoor-q2.xlsx (as at 31/10/2026) → northmoor-q2-relaid.xlsx (as at 31/10/2026)\n" +
        "Amounts in £k (the last return's £ converted exactly).\n\n" +
        "No changes: the same 7 gains, figures, profiles, ratings, baseline, target and quarters. Layout and formatting are not compared.\n",
    );
  });

  it("gross and costs that move together: the net stands, and the text says so", () => {
    const same = { last: 100, current: 100, change: 0 };
    const c: ReturnComparison = {
      ...none,
      noChanges: false,
      movements: [
        {
          id: "G1",
          name: null,
          gross: { last: 500, current: 600, change: 100 },
          costs: { last: 400, current: 500, change: 100 },
          net: same,
          riskAdjusted: same,
        },
      ],
    };
    expect(formatComparisonText(c)).toContain(
      "  G1: gross £500k -> £600k (+£100k); costs £400k -> £500k (+£100k); net and risk-adjusted unchanged\n",
    );
  });

  it("shows control and bidi characters from a workbook visibly, on one line", () => {
    const c: ReturnComparison = {
      ...q1ToQ2,
      added: [{ id: "G9\u001b[2J", name: "Evil\nALL CHECKS PASSED \u202e", type: null, net: 1, riskAdjusted: 1, firstYear: null }],
    };
    const line = formatComparisonText(c)
      .split("\n")
      .find((l) => l.includes("G9"))!;
    expect(line).toBe("  G9\\x1b[2J Evil\\nALL CHECKS PASSED \\u202e: type not given, net £1, risk-adjusted £1");
  });
});

describe("compare report: rows and the --out workbook", () => {
  it("lists every change as a row with exact amounts", () => {
    const rows = changeRows(q1ToQ2);
    expect(rows.map((r) => [r.section, r.id, r.change, r.last, r.current, r.movement])).toEqual([
      ["In total", null, "Net gains", 12_030_000, 13_180_000, 1_150_000],
      ["In total", null, "Risk-adjusted gains", 9_605_000, 9_570_000, -35_000],
      ["In total", null, "Risk-adjusted cashable gains (count against the target)", 7_905_000, 7_870_000, -35_000],
      ["Restated", null, "Baseline", 412_500_000, 412_000_000, -500_000],
      ["Restated", null, "Target", 38_249_887.5, 38_203_524, -46_363.5],
      ["Added", "G07", "Net gain", null, 1_800_000, 1_800_000],
      ["Removed", "G08", "Net gain", 500_000, null, -500_000],
      ["Slipped", "G01", "First year of accrual", "2026-27", "2027-28", null],
      ["Slipped", "G01", "Profile 2026-27", 400_000, -1_200_000, -1_600_000],
      ["Slipped", "G05", "Value moved to later years", null, null, 800_000],
      ["Slipped", "G05", "Profile 2026-27", 2_000_000, 1_200_000, -800_000],
      ["Slipped", "G05", "Profile 2027-28", 2_000_000, 2_800_000, 800_000],
      ["Profile changed", "G02", "Profile 2028-29", 1_130_000, 980_000, -150_000],
      ["Movement", "G02", "Net gain", 1_130_000, 980_000, -150_000],
      ["Movement", "G02", "Risk-adjusted gain", 1_005_000, 870_000, -135_000],
      ["Movement", "G03", "Risk-adjusted gain", 1_800_000, 1_200_000, -600_000],
      ["Rating", "G03", "RAG / deliverability", "100%", "75%", null],
      ["Quarter revised", null, "Actual", 900_000, 950_000, 50_000],
      ["Quarter reported", null, "Actual", null, 2_050_000, null],
      ["ID changed", "G06", "Matched by name", "D06", "G06", null],
      ["Renamed", "G04", "Name", "Regional framework for uniform", "Regional framework for uniform and equipment", null],
    ]);
    expect(changeRows(none)).toEqual([]);
  });

  it("writes a one-sheet workbook our reader reads back, figures intact", async () => {
    const bytes = await writeXlsx(changesWorkbookSpec(q1ToQ2), { created: new Date(Date.UTC(2026, 9, 31)) });
    const read = await readXlsx(bytes, { fileName: "changes.xlsx" });
    if (!read.ok) throw new Error(read.reason);
    expect(read.model.sheets.map((s) => s.name)).toEqual(["Changes"]);
    expect(read.model.tables.map((t) => t.name)).toEqual(["tblVfmChanges"]);
    const sheet = read.model.sheets[0];
    const text = (r: number, c: number) => sheet.rows[r]?.[c]?.value ?? null;
    expect(text(0, 0)).toBe("What changed since the last return");
    expect(text(1, 0)).toBe("Last return: northmoor-q1.xlsx (as at 31/07/2026)");
    const header = read.model.tables[0].range.startRow;
    expect(sheet.rows[header]!.map((c) => c?.value)).toEqual([
      "Section",
      "ID",
      "Gain or item",
      "What changed",
      "Last return (£)",
      "This return (£)",
      "Movement (£)",
    ]);
    expect([text(header + 5, 4), text(header + 5, 5), text(header + 5, 6)]).toEqual([38_249_887.5, 38_203_524, -46_363.5]);
    expect(read.model.tables[0].range.endRow - header).toBe(changeRows(q1ToQ2).length);
  });
});
