import { generateRegisterModel } from "../../support/register-generator";
import { validateWorkbook } from "../../../src/core/validate";
import type { Finding } from "../../../src/core/validate/types";
import { formatText, formatJson } from "../../../src/core/report";
import { mergeLocations, rangesText, rolledUpHeadline, rollUpFindings } from "../../../src/core/review/rollup";
import { CATALOGUE } from "../../../src/taskpane/check-model";

const at = (rule: string, sheet: string | null, cell: string | null, severity: Finding["severity"] = "error"): Finding => ({
  principle: rule.split(".")[0] as Finding["principle"],
  rule,
  severity,
  sheet,
  cell,
  message: `${rule} at ${cell}`,
});

/** A register of 3,000 gains with every Costs cell blank (column J, rows 2 to 3001). */
function register(gains: number) {
  const model = generateRegisterModel(gains);
  const sheet = model.sheets.find((s) => s.name === "Gains")!;
  for (let r = 1; r <= gains; r++) {
    const row = sheet.rows[r]!;
    row[9] = undefined;
  }
  return model;
}

describe("rollUpFindings", () => {
  test("a rule with 4 or more findings is one item at its first finding's place; fewer stay as they are", () => {
    const findings = [
      at("iii.costs-present", "Gains", "J2"),
      at("ii.budget-line", "Gains", "G2"),
      at("iii.costs-present", "Gains", "J3"),
      at("iii.costs-present", "Gains", "J4"),
      at("iii.costs-present", "Gains", "J9"),
    ];
    const items = rollUpFindings(findings);
    expect(items.map((i) => (i.kind === "finding" ? i.finding.rule : `${i.group.rule} x${i.group.count}`))).toEqual([
      "iii.costs-present x4",
      "ii.budget-line",
    ]);
    expect(rollUpFindings(findings.slice(0, 3)).every((i) => i.kind === "finding")).toBe(true);
  });

  test("merges consecutive cells of a column into ranges, per sheet, and keeps other ranges once", () => {
    const findings = [
      at("r.x", "Gains", "J2"),
      at("r.x", "Gains", "J3"),
      at("r.x", "Gains", "J4"),
      at("r.x", "Gains", "J9"),
      at("r.x", "Gains", "K2"),
      at("r.x", "My sheet", "A1:B2"),
      at("r.x", "My sheet", "A1:B2"),
      at("r.x", null, null),
    ];
    expect(mergeLocations(findings)).toEqual([
      { sheet: "Gains", cell: "J2:J4" },
      { sheet: "Gains", cell: "J9" },
      { sheet: "Gains", cell: "K2" },
      { sheet: "My sheet", cell: "A1:B2" },
    ]);
    const [item] = rollUpFindings(findings);
    if (item.kind !== "rolled-up") throw new Error("expected a rolled-up item");
    expect(rangesText(item.group)).toBe("Gains!J2:J4, Gains!J9, Gains!K2, 'My sheet'!A1:B2");
    expect(rangesText(item.group, 2)).toBe("Gains!J2:J4, Gains!J9 and 2 more ranges");
    expect(rolledUpHeadline(item.group, "A title")).toBe("8 findings: A title");
  });
});

describe("a register of 3,000 gains without costs", () => {
  const report = validateWorkbook(register(3000), { file: "big.xlsx" });
  const costs = report.findings.filter((f) => f.rule === "iii.costs-present");

  test("JSON keeps each location", () => {
    expect(costs).toHaveLength(3000);
    const json = JSON.parse(formatJson([report], false));
    expect(json.findings.filter((f: Finding) => f.rule === "iii.costs-present")).toHaveLength(3000);
  });

  test("the text report reads as one finding with the count and the range", () => {
    const text = formatText([report], CATALOGUE);
    const lines = text.split("\n").filter((line) => line.includes("[iii.costs-present]"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Gains!J2:J3001 {2}3,000 findings: .*\. The first: .*\[iii\.costs-present\]$/);
    expect(text.split("\n").length).toBeLessThan(200);
  });
});
