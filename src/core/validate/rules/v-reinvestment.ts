/** Principle (v): gains re-invested per agreed budget, business plan and investment strategy. */
import { moneyClose } from "../analysis";
import { sumExact } from "../../calc";
import { defineRule, PRINCIPLE_TITLES, type Rule, type RuleFinding } from "../rule";
import { isBlankCell, UNIT_FACTORS } from "../text";
import { gainName } from "./helpers";

const WHY = `CSR07 principle (v): "${PRINCIPLE_TITLES.v}."`;

export const reinvestmentNamed = defineRule({
  id: "v.reinvestment-named",
  principle: "v",
  severity: "warning",
  title: "Every cashable gain says where it is re-invested and under which plan",
  checks:
    "Each cashable gain (not a service reduction) fills in Reinvestment and Plan reference, and every row of the Reinvestment table has a Destination and a Plan reference.",
  why: `${WHY} Cashable gains are released to be re-deployed; the register should show where each one goes and which agreed plan says so.`,
  fix: "For each cashable gain, fill in Reinvestment (where the money goes) and Plan reference (the budget, business plan or investment strategy that agrees it). In the Reinvestment table give every row a Destination and a Plan reference.",
  example: {
    failing: 'Gain G1 (Cashable), Reinvestment "Neighbourhood policing", Plan reference blank.',
    passing: 'Gain G1 (Cashable), Reinvestment "Neighbourhood policing", Plan reference "Policing Plan 2009-12 s.3".',
  },
  messages: {
    noReinvestment: "{{gain}} is cashable but does not say where it is re-invested.",
    noPlanReference: "{{gain}} is cashable but does not say the plan under which it is re-invested.",
    noDestination: "This re-investment has no destination.",
    noPlanReferenceRow: "This re-investment has no plan reference.",
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    const gains = ctx.table("gains");
    const cashable = ctx.gains.filter((g) => g.type === "cashable" && !g.serviceReduction);
    if (gains && cashable.length > 0) {
      for (const [key, what, messageId] of [
        ["reinvestment", "where it is re-invested", "noReinvestment"],
        ["planReference", "the plan under which it is re-invested", "noPlanReference"],
      ] as const) {
        const col = ctx.requireColumn(gains, key, `each cashable gain must say ${what}`);
        if (col === undefined) continue;
        for (const gain of cashable) {
          if (isBlankCell(ctx.cell(gain, key))) out.push(ctx.at(gains.sheet.name, gain.row, col, messageId, { gain: gainName(gain) }));
        }
      }
    }
    const plan = ctx.table("reinvestment");
    if (plan) {
      for (const [key, what, messageId] of [
        ["destination", "a destination", "noDestination"],
        ["planReference", "a plan reference", "noPlanReferenceRow"],
      ] as const) {
        // An empty plan has no rows that need the column.
        const col = plan.rows.length > 0 ? ctx.requireColumn(plan, key, `each re-investment needs ${what}`) : plan.columns.get(key);
        if (col === undefined) continue;
        for (const row of ctx.records("reinvestment")) {
          if (ctx.text(row, key) === "") out.push(ctx.atValue(row, key, messageId));
        }
      }
    }
    return out;
  },
});

export const reinvestmentPlanTotal = defineRule({
  id: "v.reinvestment-plan-total",
  principle: "v",
  severity: "error",
  title: "The re-investment plan accounts for the cashable net total",
  checks:
    "The Amounts of the Reinvestment table add up to the total net gain of the cashable gains (service reductions left out), within the Tolerance. Without a Reinvestment table, a register whose Reinvestment column says where each gain goes is its own plan (each row is checked by v.reinvestment-named).",
  why: `${WHY} Every pound of cashable net gain should be shown re-invested under an agreed plan; an unplanned remainder (or a plan spending more than was released) breaks that link.`,
  fix: "Make the Amounts of the Reinvestment table add up to the total of the cashable net gains in the register (excluding service reductions).",
  settings: ["tolerance"],
  example: {
    failing: "Cashable net gains total 1,000; Reinvestment amounts add up to 900.",
    passing: "Reinvestment amounts 600 + 400 = 1,000.",
  },
  messages: {
    short: "The re-investment plan accounts for {{planned}} but cashable net gains total {{expected}}: {{gap}} is not accounted for.",
    over: "The re-investment plan accounts for {{planned}}, more than the cashable net gains of {{expected}} (by {{gap}}).",
  },
  check(ctx) {
    const cashable = ctx.gains.filter((g) => g.type === "cashable" && !g.serviceReduction);
    if (cashable.length === 0) return [];
    const table = ctx.table("reinvestment");
    // A register that says per gain where it is re-invested accounts for every pound by construction
    // (v.reinvestment-named checks each row names its destination).
    if (!table && ctx.table("gains")?.columns.has("reinvestment")) return [];
    if (!table) return [ctx.missingTable("reinvestment", "the plan that re-invests the cashable gains is needed")];
    const col = ctx.requireColumn(table, "amount", "each re-investment needs its amount");
    if (col === undefined) return [];
    const factor = UNIT_FACTORS[table.units.get("amount") ?? ctx.settings.unit] / ctx.analysis.unitFactor;
    const amounts: number[] = [];
    for (const row of ctx.records("reinvestment")) {
      const read = ctx.number(row, "amount");
      if (read.kind === "number") amounts.push(read.value * factor);
    }
    const planned = sumExact(amounts);
    const expected = ctx.data.totals.cashableNet;
    if (moneyClose(planned, expected, ctx.analysis.tolerance)) return [];
    const range = table.rows.length ? ctx.columnRange(table, col) : ctx.headerRange(table);
    const gap = sumExact([expected, -planned]);
    const data = { planned: ctx.money(planned), expected: ctx.money(expected), gap: ctx.money(Math.abs(gap)) };
    return [{ sheet: table.sheet.name, cell: range, messageId: gap > 0 ? "short" : "over", data }];
  },
});

export const RULES_V: readonly Rule[] = [reinvestmentNamed, reinvestmentPlanTotal];
