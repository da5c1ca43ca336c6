/** Principle (vii): comparative measurement - HQ costs, output/outcome measures, unit costs. */
import Decimal from "decimal.js";
import { defineRule, PRINCIPLE_TITLES, type Rule, type RuleFinding } from "../rule";
import { headerUnit, normaliseLabel, quote, UNIT_FACTORS } from "../text";
import { describeRead, num } from "./helpers";

const WHY = `CSR07 principle (vii): "${PRINCIPLE_TITLES.vii}."`;

export type MeasureKind = "hq" | "output" | "unit";

/** "HQ cost", "Headquarters cost", "Output", "Outcome", "Unit cost" -> kind; null when not recognised. */
function measureKind(text: string): MeasureKind | null {
  const t = normaliseLabel(text);
  if (/\b(hq|headquarters?|back office|corporate)\b/.test(t)) return "hq";
  if (/\bunit\s*costs?\b|\bcost per\b/.test(t)) return "unit";
  if (/\b(outputs?|outcomes?)\b/.test(t)) return "output";
  return null;
}

export const measuresPresent = defineRule({
  id: "vii.measures-present",
  principle: "vii",
  severity: "error",
  title: "At least one HQ-cost, one output or outcome, and one unit-cost measure",
  checks: "The Comparatives table holds at least one measure of each kind: HQ cost, output or outcome, and unit cost.",
  why: `${WHY} Gains are credible when set against comparative measures: what headquarters costs, what the service produces, and what each unit of it costs.`,
  fix: 'Add rows to the Comparatives table with Kind "HQ cost", "Output" (or "Outcome") and "Unit cost", each with its value and year.',
  example: {
    failing: "Comparatives hold only an Output measure.",
    passing: "Comparatives: HQ cost 12.4m; Output 41,000 crimes detected; Unit cost £302 per detection.",
  },
  messages: {
    noHq: "The Comparatives table has no HQ cost measure.",
    noOutput: "The Comparatives table has no output or outcome measure.",
    noUnit: "The Comparatives table has no unit cost measure.",
  },
  check(ctx) {
    const table = ctx.table("comparatives");
    if (!table) return [ctx.missingTable("comparatives", "principle (vii) needs HQ-cost, output or outcome, and unit-cost measures")];
    const col = ctx.requireColumn(table, "kind", "each measure must say whether it is an HQ cost, an output or outcome, or a unit cost");
    if (col === undefined) return [];
    const kinds = new Set<MeasureKind>();
    for (const row of ctx.records("comparatives")) {
      const kind = measureKind(ctx.text(row, "kind"));
      if (kind) kinds.add(kind);
    }
    const out: RuleFinding[] = [];
    const missing = { hq: "noHq", output: "noOutput", unit: "noUnit" } as const;
    for (const kind of ["hq", "output", "unit"] as const) {
      if (!kinds.has(kind)) out.push(ctx.atTable(table, missing[kind]));
    }
    return out;
  },
});

export const kindRecognised = defineRule({
  id: "vii.kind-recognised",
  principle: "vii",
  severity: "warning",
  title: "Each comparative measure has a recognised kind",
  checks: "Each comparative measure's Kind reads as HQ cost, Output, Outcome or Unit cost.",
  why: `${WHY} A measure counts towards the comparison only when its kind is clear.`,
  fix: "Write HQ cost, Output, Outcome or Unit cost in the Kind column.",
  example: { failing: 'Measure "Cost per call", Kind blank.', passing: 'Measure "Cost per call", Kind Unit cost.' },
  messages: {
    blank: "{{measure}} has no kind: write HQ cost, Output, Outcome or Unit cost.",
    unknown: "{{measure}} has the kind {{text}}, which is not HQ cost, Output, Outcome or Unit cost.",
  },
  check(ctx) {
    const table = ctx.table("comparatives");
    const col = table?.columns.get("kind");
    if (!table || col === undefined) return [];
    const out: RuleFinding[] = [];
    for (const row of ctx.records("comparatives")) {
      const text = ctx.text(row, "kind");
      if (measureKind(text) !== null) continue;
      const measure = ctx.text(row, "measure");
      const name = measure ? `The measure ${quote(measure)}` : "This measure";
      out.push(
        text === ""
          ? ctx.atValue(row, "kind", "blank", { measure: name })
          : ctx.atValue(row, "kind", "unknown", { measure: name, text: quote(text) }),
      );
    }
    return out;
  },
});

export const unitCostRecomputes = defineRule({
  id: "vii.unit-cost-recomputes",
  principle: "vii",
  severity: "error",
  title: "A unit cost given with its cost and output equals cost / output",
  checks:
    "For each unit-cost row with a Cost and an Output, the Value equals Cost / Output within the Tolerance (an Output of 0 is reported).",
  why: `${WHY} A unit cost that does not follow from the cost and output beside it misstates the comparison.`,
  fix: "Make the Value of the unit-cost row the Cost divided by the Output, e.g. =F7/G7.",
  settings: ["tolerance"],
  example: {
    failing: "Unit cost: Cost 1,000,000, Output 4,000, Value 260.",
    passing: "Unit cost: Cost 1,000,000, Output 4,000, Value 250.",
  },
  messages: {
    zeroOutput: "This unit cost's output is 0, so cost / output cannot be worked out.",
    differs: "Unit cost {{value}} does not equal cost {{cost}} / output {{output}} ({{expected}}).",
    notNumber: "This unit cost's value is {{value}}; it should be cost {{cost}} / output {{output}} ({{expected}}).",
  },
  check(ctx) {
    const table = ctx.table("comparatives");
    if (!table) return [];
    const c = table.columns;
    const kindCol = c.get("kind");
    const valueCol = c.get("value");
    const costCol = c.get("cost");
    const outputCol = c.get("output");
    if (kindCol === undefined || costCol === undefined || outputCol === undefined) return [];
    const costUnit = table.units.get("cost") ?? ctx.settings.unit;
    const costFactor = UNIT_FACTORS[costUnit];
    const valueHeader = table.headers.get("value");
    // A unit cost is in pounds unless its header says otherwise (£ per arrest, not £k per arrest).
    const valueUnit = (valueHeader ? headerUnit(valueHeader) : null) ?? "£";
    const valueFactor = UNIT_FACTORS[valueUnit];
    const out: RuleFinding[] = [];
    for (const row of ctx.records("comparatives")) {
      if (measureKind(ctx.text(row, "kind")) !== "unit") continue;
      const cost = ctx.number(row, "cost");
      const output = ctx.number(row, "output");
      if (cost.kind !== "number" || output.kind !== "number") continue;
      if (output.value === 0) {
        out.push(ctx.atValue(row, "output", "zeroOutput"));
        continue;
      }
      const expected = new Decimal(cost.value).times(costFactor).dividedBy(output.value).dividedBy(valueFactor).toNumber();
      if (valueCol === undefined) continue;
      const value = ctx.number(row, "value");
      const sum = { cost: ctx.money(cost.value, costUnit), output: num(output.value), expected: ctx.money(expected, valueUnit) };
      if (value.kind === "number") {
        const diffPounds = new Decimal(value.value).minus(expected).abs().times(valueFactor);
        if (diffPounds.greaterThan(ctx.settings.tolerance))
          out.push(ctx.atValue(row, "value", "differs", { value: ctx.money(value.value, valueUnit), ...sum }));
      } else if (value.kind !== "error") {
        out.push(ctx.atValue(row, "value", "notNumber", { value: describeRead(value), ...sum }));
      }
    }
    return out;
  },
});

export const RULES_VII: readonly Rule[] = [measuresPresent, kindRecognised, unitCostRecomputes];
