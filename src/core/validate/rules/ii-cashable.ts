/** Principle (ii): cashable gains identified in budget forecasts and auditable. */
import { defineRule, PRINCIPLE_TITLES, type Rule, type RuleFinding } from "../rule";
import type { ParsedGain } from "../analysis";
import { readErrorCells } from "../read/record";
import { isBlankCell, numberOf, quote } from "../text";
import { gainName, runs } from "./helpers";

const WHY = `CSR07 principle (ii): "${PRINCIPLE_TITLES.ii}."`;

export const registerPresent = defineRule({
  id: "ii.register-present",
  principle: "ii",
  severity: "error",
  title: "The register of gains is in the workbook",
  checks:
    "A Gains table is found (Excel table, defined name or a sheet named Gains, Register, Initiatives or Efficiencies) and holds at least one gain.",
  why: `${WHY} The register is where each gain is identified; every other check reads it.`,
  fix: "Enter one row per gain in the Gains table. If the workbook has none, add a sheet or Excel table named Gains (or Register, Initiatives or Efficiencies).",
  example: {
    failing: "No Gains sheet or table.",
    passing: "A Gains table with a row for each gain: ID, Initiative, Type, Gross gain, Costs, Net gain, ...",
  },
  messages: { empty: "The Gains table has no gains: enter one row per gain." },
  check(ctx) {
    const table = ctx.table("gains");
    if (!table) return [ctx.missingTable("gains", "the register of gains is what principles (i) to (viii) check")];
    if (table.rows.length === 0) return [ctx.atTable(table, "empty")];
    return [];
  },
});

export const gainId = defineRule({
  id: "ii.gain-id",
  principle: "ii",
  severity: "error",
  title: "Every gain has its own ID",
  checks: "Each gain has an ID, and no two gains share one (ignoring case and surrounding spaces).",
  why: `${WHY} An auditable gain can be traced from the register to its profile, milestones and evidence; the ID is that link and must be unique.`,
  fix: "Give each gain a short unique reference (e.g. G1, G2) in the ID column and use the same reference in the Profile and Milestones tables.",
  example: { failing: "Two gains both with ID G3.", passing: "IDs G3 and G4." },
  messages: {
    blank: "{{gain}} has no ID.",
    duplicate: "The ID {{id}} is also used on row {{row}}: each gain needs its own ID.",
  },
  check(ctx) {
    const table = ctx.tableWithRows("gains");
    if (!table) return [];
    if (ctx.requireColumn(table, "id", "each gain needs a unique reference") === undefined) return [];
    const out: RuleFinding[] = [];
    for (const gain of ctx.gains) {
      if (gain.id === null) {
        out.push(ctx.atValue(gain, "id", "blank", { gain: gainName(gain) }));
        continue;
      }
      const first = ctx.analysis.gainById.get(gain.idKey!)!;
      if (first !== gain) {
        out.push(ctx.atValue(gain, "id", "duplicate", { id: quote(gain.id), row: String(first.row + 1) }));
      }
    }
    return out;
  },
});

export const typeStated = defineRule({
  id: "ii.type-stated",
  principle: "ii",
  severity: "error",
  title: "Every gain is typed Cashable or Non-cashable",
  checks: 'Each gain\'s Type is Cashable or Non-cashable (any case; "non cashable" and "noncashable" are accepted).',
  why: `${WHY} Only cashable gains (a budget line goes down) count towards a cashable target; non-cashable gains are counted separately.`,
  fix: "Write Cashable or Non-cashable in the Type column of each gain.",
  example: { failing: 'Gain G2, Type "Saving".', passing: "Gain G2, Type Cashable." },
  messages: {
    blank: "{{gain}} has no type: write Cashable or Non-cashable.",
    unknown: "{{gain}} has the type {{text}}: write Cashable or Non-cashable.",
  },
  check(ctx) {
    const table = ctx.tableWithRows("gains");
    if (!table) return [];
    if (ctx.requireColumn(table, "type", "each gain must be typed Cashable or Non-cashable") === undefined) return [];
    const out: RuleFinding[] = [];
    for (const gain of ctx.gains) {
      if (gain.type !== null) continue;
      const text = ctx.text(gain, "type");
      out.push(
        text === ""
          ? ctx.atValue(gain, "type", "blank", { gain: gainName(gain) })
          : ctx.atValue(gain, "type", "unknown", { gain: gainName(gain), text: quote(text) }),
      );
    }
    return out;
  },
});

function cashableNeeds(
  id: string,
  key: "budgetLine" | "evidence",
  severity: Rule["severity"],
  title: string,
  whyText: string,
  fix: string,
  example: Rule["example"],
  what: string,
): Rule<"missing"> {
  return {
    id,
    principle: "ii",
    severity,
    title,
    why: `${WHY} ${whyText}`,
    fix,
    example,
    messages: { missing: `{{gain}} is cashable but names no ${what}.` },
    check(ctx) {
      const table = ctx.table("gains");
      if (!table) return [];
      const cashable = ctx.gains.filter((g) => g.type === "cashable");
      if (cashable.length === 0) return [];
      if (ctx.requireColumn(table, key, `each cashable gain must name its ${what}`) === undefined) return [];
      const out: RuleFinding[] = [];
      for (const gain of cashable) {
        if (isBlankCell(ctx.cell(gain, key))) out.push(ctx.atValue(gain, key, "missing", { gain: gainName(gain) }));
      }
      return out;
    },
  };
}

export const budgetLine = defineRule({
  ...cashableNeeds(
    "ii.budget-line",
    "budgetLine",
    "error",
    "Every cashable gain names the budget line it reduces",
    "A cashable gain is one where a budget line goes down; naming the cost centre or budget code shows where the forecast was reduced.",
    "Write the cost centre or budget code whose forecast the gain reduces in the Budget line column.",
    { failing: "Gain G1 (Cashable), Budget line blank.", passing: 'Gain G1 (Cashable), Budget line "CC4100 Custody".' },
    "budget line (cost centre or budget code)",
  ),
  checks: "Each cashable gain has a Budget line (cost centre or budget code).",
});

export const evidence = defineRule({
  ...cashableNeeds(
    "ii.evidence",
    "evidence",
    "warning",
    "Every cashable gain names its evidence",
    "An auditable gain points at its evidence: the budget report, contract or minute that shows the reduction.",
    "Write a reference to the evidence (document, budget report, contract) in the Evidence column.",
    { failing: "Gain G1 (Cashable), Evidence blank.", passing: 'Gain G1 (Cashable), Evidence "Budget book 2009-10 p.14".' },
    "evidence",
  ),
  checks: "Each cashable gain has an Evidence reference.",
});

export const derivedFormulas = defineRule({
  id: "ii.derived-formulas",
  principle: "ii",
  severity: "warning",
  title: "Net and risk-adjusted gains are formulas, not typed numbers",
  checks:
    "The Net gain and Risk-adjusted gain cells hold formulas, not typed numbers (a number stored as text counts as typed). Neighbouring typed cells are reported together as one range.",
  why: `${WHY} A derived figure typed over its formula no longer follows its inputs, so the register cannot be audited from its own cells.`,
  fix: "Put a formula in each Net gain cell (e.g. =VFM.NETGAIN(I5, J5) or =I5-J5) and each Risk-adjusted gain cell (e.g. =VFM.NETGAIN(I5, J5, L5)).",
  example: { failing: "Net gain cell holds the typed number 420.", passing: "Net gain cell holds =VFM.NETGAIN(I5, J5), showing 420." },
  messages: {
    typedNet: "This Net gain ({{value}}) is a typed number, not a formula.",
    typedNetRange: "These {{count}} Net gain cells are typed numbers, not formulas.",
    typedRiskAdjusted: "This Risk-adjusted gain ({{value}}) is a typed number, not a formula.",
    typedRiskAdjustedRange: "These {{count}} Risk-adjusted gain cells are typed numbers, not formulas.",
  },
  check(ctx) {
    const table = ctx.table("gains");
    if (!table) return [];
    const out: RuleFinding[] = [];
    for (const [key, one, several] of [
      ["net", "typedNet", "typedNetRange"],
      ["riskAdjusted", "typedRiskAdjusted", "typedRiskAdjustedRange"],
    ] as const) {
      const col = table.columns.get(key);
      if (col === undefined) continue;
      const typed: ParsedGain[] = [];
      for (const gain of ctx.gains) {
        const cell = ctx.cell(gain, key);
        // A number stored as text ("420") is typed just the same.
        if (cell && !cell.formula && !cell.error && numberOf(cell) !== null) typed.push(gain);
      }
      const unit = ctx.analysis.gainUnits.get(key) ?? ctx.data.unit;
      // Neighbouring typed cells are one finding: runs of consecutive rows, in the gains' order.
      let first = 0;
      for (const [start, end] of runs(typed.map((g) => g.row))) {
        const count = end - start + 1;
        const rect = { startRow: start, endRow: end, startCol: col, endCol: col };
        out.push(
          count === 1
            ? ctx.atRange(table.sheet.name, rect, one, { value: ctx.money(numberOf(ctx.cell(typed[first], key))!, unit) })
            : ctx.atRange(table.sheet.name, rect, several, { count: String(count) }),
        );
        first += count;
      }
    }
    return out;
  },
});

export const noErrorValues = defineRule({
  id: "ii.no-error-values",
  principle: "ii",
  severity: "error",
  title: "No error values anywhere in the register",
  checks:
    "No cell of any table the check reads (Gains, Baseline, Profile, Milestones, Reinvestment, Quarterly, Comparatives, Publication, Settings, Summary) shows an error value such as #REF!, #DIV/0!, #VALUE! or #N/A.",
  why: `${WHY} A cell showing #REF!, #DIV/0!, #VALUE! or #N/A has no auditable value, and every total that includes it is an error too.`,
  fix: "Correct the formula in the cell (for #REF!, it refers to a deleted cell or sheet; for #DIV/0!, a divisor is 0 or blank).",
  example: { failing: "Net gain cell shows #REF!.", passing: "Net gain cell shows 420." },
  messages: { error: "This cell of the {{table}} table shows the error {{error}}." },
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const table of ctx.analysis.tables.values()) {
      for (const cell of readErrorCells(table))
        out.push(ctx.at(cell.sheet, cell.row, cell.col, "error", { table: table.spec.label, error: cell.error }));
    }
    return out;
  },
});

export const RULES_II: readonly Rule[] = [registerPresent, gainId, typeStated, budgetLine, evidence, derivedFormulas, noErrorValues];
