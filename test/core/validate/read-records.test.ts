/**
 * The read stage's records carry, for each value, the cell it came from (read/record.ts): the rules
 * place findings and quote cells through them, never by indexing a sheet's rows.
 */
import { analyse } from "../../../src/core/validate/analysis";
import { RuleContext } from "../../../src/core/validate/rule";
import { addressOf, valueCell } from "../../../src/core/validate/read/record";
import { clean, cleanWith, plain } from "./fixtures";

const OPTIONS = { file: "t.xlsx", today: "2026-01-01" };

describe("records carry each value's cell", () => {
  test("a gain's values are at its row, in their columns (clean layout: Gains I Gross, J Costs, L Deliverability)", () => {
    const analysis = analyse(clean(), OPTIONS);
    const gain = analysis.gains[2];
    expect(gain.id).toBe("G3");
    expect(valueCell(gain, "gross")).toEqual({ sheet: "Gains", row: 3, col: 8 });
    expect(addressOf(valueCell(gain, "costs")!)).toBe("J4");
    expect(addressOf(valueCell(gain, "deliverability")!)).toBe("L4");
    // Every gain of a table shares one source: one pointer a record, not one cell a value.
    expect(new Set(analysis.gains.map((g) => g.source)).size).toBe(1);
  });

  test("a value whose table has no such column has no cell", () => {
    const analysis = analyse(cleanWith({ "Gains!R1": "Notes" }), OPTIONS);
    expect(valueCell(analysis.gains[0], "owner")).toBeUndefined();
    const ctx = new RuleContext(analysis);
    expect(ctx.text(analysis.gains[0], "owner")).toBe("");
    expect(ctx.number(analysis.gains[0], "owner")).toEqual({ kind: "blank" });
  });

  test("the context reads a record's cell: its text, number and the cell itself", () => {
    const analysis = analyse(cleanWith({ "Gains!J3": "tbc", "Gains!L3": "Amber" }), OPTIONS);
    const ctx = new RuleContext(analysis);
    const g2 = analysis.gains[1];
    expect(ctx.text(g2, "costs")).toBe("tbc");
    expect(ctx.number(g2, "costs")).toEqual({ kind: "text", text: "tbc" });
    expect(ctx.cell(g2, "deliverability")?.value).toBe("Amber");
    expect(ctx.cellOf(g2, "id")).toEqual({ sheet: "Gains", row: 2, col: 0 });
  });

  test("a finding at a record's value is placed on its cell", () => {
    const analysis = analyse(clean(), OPTIONS);
    const ctx = new RuleContext(analysis);
    expect(ctx.atValue(analysis.gains[4], "net", "x", { a: "1" })).toEqual({
      sheet: "Gains",
      cell: "K6",
      messageId: "x",
      data: { a: "1" },
    });
  });

  test("quarters and baseline lines are records too", () => {
    const analysis = analyse(cleanWith({ "Baseline!C4": "n/a" }), OPTIONS);
    const q = analysis.data.quarterly[0];
    expect(addressOf(valueCell(q, "actual")!)).toBe("C2");
    const line = analysis.baselineLines[2];
    expect(line).toMatchObject({
      sheet: "Baseline",
      row: 3,
      line: "Overtime and allowances",
      amount: { kind: "text", text: "n/a" },
      year: 2007,
    });
    expect(addressOf(valueCell(line, "amount")!)).toBe("C4");
  });

  test("ctx.records gives any table's rows as records, a profile's years keyed by year, the same array each time", () => {
    const ctx = new RuleContext(analyse(plain(), OPTIONS));
    const profile = ctx.records("profile");
    expect(profile).toHaveLength(5);
    expect(ctx.records("profile")).toBe(profile);
    expect(ctx.text(profile[0], "id")).toBe("G1");
    expect(addressOf(ctx.cellOf(profile[0], 2010)!)).toBe("D2");
    expect(ctx.records("milestones").map((m) => ctx.text(m, "id"))).toEqual(["G1", "G2", "G3", "G4", "G5"]);
  });
});
