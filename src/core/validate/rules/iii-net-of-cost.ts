/** Principle (iii): cashable gains should be net of cost. */
import { moneyClose } from "../analysis";
import { defineRule, PRINCIPLE_TITLES, type Rule, type RuleFinding } from "../rule";
import { describeRead, gainName } from "./helpers";

const WHY = `CSR07 principle (iii): "${PRINCIPLE_TITLES.iii}."`;

export const grossPresent = defineRule({
  id: "iii.gross-present",
  principle: "iii",
  severity: "error",
  title: "Every gain has a gross gain",
  checks: 'Each gain\'s Gross gain is a number (numeric text such as "£1,200" counts).',
  why: `${WHY} The net gain starts from the gross gain; without it neither can be checked.`,
  fix: "Enter the gain's gross value for the target year in the Gross gain column.",
  example: { failing: "Gain G1, Gross gain blank.", passing: "Gain G1, Gross gain 500,000." },
  messages: { notNumber: "{{gain}} has a gross gain that is {{value}}." },
  check(ctx) {
    const table = ctx.tableWithRows("gains");
    if (!table) return [];
    if (ctx.requireColumn(table, "gross", "each gain needs its gross value") === undefined) return [];
    const out: RuleFinding[] = [];
    for (const gain of ctx.gains) {
      if (gain.gross !== null) continue;
      const read = ctx.read(gain, "gross");
      if (read.kind === "blank" || read.kind === "text") {
        out.push(ctx.atValue(gain, "gross", "notNumber", { gain: gainName(gain), value: describeRead(read) }));
      }
    }
    return out;
  },
});

export const costsPresent = defineRule({
  id: "iii.costs-present",
  principle: "iii",
  severity: "error",
  title: "Every gain has a costs figure (0 is a figure, blank is not)",
  checks: "Each gain's Costs cell holds a number; 0 is a figure, a blank cell is not.",
  why: `${WHY} Net means net of up-front investment and the costs of achieving the gain; a blank cannot show that the costs were considered.`,
  fix: "Enter the gain's costs (investment and implementation costs) in the Costs column; enter 0 when there were none.",
  example: { failing: "Gain G1, Costs blank.", passing: "Gain G1, Costs 0." },
  messages: { blank: "{{gain}} has no costs figure: enter 0 if there were no costs.", notNumber: "{{gain}} has costs of {{value}}." },
  check(ctx) {
    const table = ctx.tableWithRows("gains");
    if (!table) return [];
    if (ctx.requireColumn(table, "costs", "gains must be shown net of their costs") === undefined) return [];
    const out: RuleFinding[] = [];
    for (const gain of ctx.gains) {
      if (gain.costs !== null) continue;
      const read = ctx.read(gain, "costs");
      if (read.kind === "blank") out.push(ctx.atValue(gain, "costs", "blank", { gain: gainName(gain) }));
      else if (read.kind === "text") out.push(ctx.atValue(gain, "costs", "notNumber", { gain: gainName(gain), value: describeRead(read) }));
    }
    return out;
  },
});

export const netRecomputes = defineRule({
  id: "iii.net-recomputes",
  principle: "iii",
  severity: "error",
  title: "Net gain equals gross gain minus costs",
  checks:
    "Each gain's Net gain equals Gross gain minus Costs, recomputed exactly by VFM.NETGAIN, within the Tolerance. A blank Net gain is reported too.",
  why: `${WHY} A net figure that does not follow from its gross and costs overstates (or understates) what the gain is worth.`,
  fix: "Make the Net gain cell the gross gain minus the costs, e.g. =VFM.NETGAIN(I5, J5) or =I5-J5.",
  settings: ["tolerance"],
  example: { failing: "Gross gain 500, Costs 80, Net gain 450.", passing: "Gross gain 500, Costs 80, Net gain 420." },
  messages: {
    differs: "Net gain {{net}} does not equal gross {{gross}} - costs {{costs}} ({{expected}}).",
    notNumber: "{{gain}} has a net gain that is {{value}}; it should be gross {{gross}} - costs {{costs}} ({{expected}}).",
  },
  check(ctx) {
    const table = ctx.tableWithRows("gains");
    if (!table) return [];
    if (ctx.requireColumn(table, "net", "each gain's net value (gross less costs) must be shown") === undefined) return [];
    const out: RuleFinding[] = [];
    const tolerance = ctx.analysis.tolerance;
    for (const gain of ctx.gains) {
      const expected = gain.recomputedNet;
      if (expected === null) continue;
      const read = gain.net !== null ? ({ kind: "number", value: gain.net } as const) : ctx.read(gain, "net");
      const sum = () => ({ gross: ctx.money(gain.gross!), costs: ctx.money(gain.costs ?? 0), expected: ctx.money(expected) });
      if (read.kind === "number") {
        if (!moneyClose(read.value, expected, tolerance))
          out.push(ctx.atValue(gain, "net", "differs", { net: ctx.money(read.value), ...sum() }));
      } else if (read.kind !== "error") {
        out.push(ctx.atValue(gain, "net", "notNumber", { gain: gainName(gain), value: describeRead(read), ...sum() }));
      }
    }
    return out;
  },
});

export const RULES_III: readonly Rule[] = [grossPresent, costsPresent, netRecomputes];
