/**
 * Column keys come from the one schema (src/core/validate/schema.ts, declared `as const`): a misspelt
 * key, or a key of another table, does not compile. `npm run typecheck` (tsc over test/) checks the
 * @ts-expect-error lines below: if a misspelt key compiled again, the directive itself would fail.
 */
import { analyse, TABLE_SPECS, type ColumnKey, type TableKey } from "../../../src/core/validate";
import { columnSpec } from "../../../src/core/validate/schema";
import { RuleContext } from "../../../src/core/validate/rule";
import { buildModel, sheet } from "../../support/model-builder";

describe("typed column keys", () => {
  const model = buildModel({
    sheets: [
      sheet("Gains", [
        ["ID", "Gross gain", "Costs"],
        ["G1", 100, 10],
      ]),
    ],
  });
  const ctx = new RuleContext(analyse(model, { file: "t.xlsx", today: "2026-01-01" }));

  it("a table's own keys compile and find its columns", () => {
    const gains = ctx.table("gains")!;
    expect(gains.columns.get("gross")).toBe(1);
    expect(ctx.column(gains, "costs")).toBe(2);
    expect(columnSpec("gains", "gross").label).toBe("Gross gain");
  });

  it("a misspelt key or another table's key does not compile", () => {
    const gains = ctx.table("gains")!;
    // @ts-expect-error "grosss" is not a column of any table
    expect(gains.columns.get("grosss")).toBeUndefined();
    // @ts-expect-error "due" is a Milestones column, not a Gains one
    expect(ctx.column(gains, "due")).toBeUndefined();
    // @ts-expect-error a misspelt key in requireColumn
    expect(() => ctx.requireColumn(gains, "deliverablity", "why")).toThrow(/unknown column/);
    // @ts-expect-error a misspelt table key
    expect(ctx.table("gain")).toBeUndefined();
    // @ts-expect-error columnSpec takes only the table's keys
    expect(() => columnSpec("baseline", "gross")).toThrow(/unknown column/);
  });

  it("the key types are the schema's keys, no more", () => {
    const milestones: readonly ColumnKey<"milestones">[] = ["id", "milestone", "due", "status"];
    const table: TableKey = "milestones";
    expect(TABLE_SPECS.find((s) => s.key === table)?.columns.map((c) => c.key)).toEqual(milestones);
  });
});
