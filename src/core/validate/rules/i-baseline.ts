/** Principle (i): the baseline should be clearly quantified. */
import { financialYearOfCell } from "../dates";
import type { Cell } from "../../workbook/model";
import { idKey } from "../analysis";
import type { DiscoveredTable } from "../discovery";
import { defineRule, PRINCIPLE_TITLES, type Rule, type RuleFinding } from "../rule";
import { financialYearLabel } from "../../text/financial-year";
import type { BaselineLine } from "../read/baseline";
import { normaliseWords, quote } from "../text";
import { gainName } from "./helpers";

const WHY = `CSR07 principle (i): "${PRINCIPLE_TITLES.i}."`;

/** 'Baseline line "Custody"', or "The baseline line on row 7" when the line has no name. */
function lineName(line: BaselineLine): string {
  return line.line !== null ? `Baseline line ${quote(line.line)}` : `The baseline line on row ${line.row + 1}`;
}

export const baselinePresent = defineRule({
  id: "i.baseline-present",
  principle: "i",
  severity: "error",
  title: "The baseline is in the workbook, line by line",
  checks:
    "A Baseline table is found (Excel table, defined name or sheet named Baseline), it has a Line and an Amount column, and it holds at least one line.",
  why: `${WHY} Every gain is measured against the baseline spend; without it no gain or target can be checked.`,
  fix: "Enter each line of baseline spend, with its amount, in the Baseline table. If the workbook has none, add a sheet or Excel table named Baseline with a Line and an Amount column.",
  example: {
    failing: "No Baseline sheet or table in the workbook.",
    passing: 'Baseline: Line "Police officer pay", Year 2007-08, Amount 98,500,000, Basis Budget, Price base 2007-08.',
  },
  messages: { noLines: "The Baseline table has no lines: enter each line of baseline spend with its amount." },
  check(ctx) {
    const table = ctx.table("baseline");
    if (!table) return [ctx.missingTable("baseline", "principle (i) needs the baseline spend the gains are measured against")];
    ctx.requireColumn(table, "line", "each baseline line needs a name");
    ctx.requireColumn(table, "amount", "each baseline line needs its amount");
    return table.rows.length === 0 ? [ctx.atTable(table, "noLines")] : [];
  },
});

export const baselineAmountPositive = defineRule({
  id: "i.baseline-amount-positive",
  principle: "i",
  severity: "error",
  title: "Every baseline amount is a positive number",
  checks:
    "Each Baseline line's Amount is a number above 0. Blank, text and zero amounts are reported here; negative amounts are reported by i.no-netting.",
  why: `${WHY} A blank, zero or text amount leaves the baseline unquantified. (Negative amounts are reported by i.no-netting.)`,
  fix: "Enter the line's baseline spend as a positive number (in the unit of the column header, or the Settings unit).",
  example: { failing: 'Line "Custody", Amount blank.', passing: 'Line "Custody", Amount 4,200,000.' },
  messages: {
    blank: "{{line}} has no amount: enter its baseline spend.",
    notNumber: "{{line}} has the amount {{text}}, which is not a number.",
    zero: "{{line}} has an amount of 0: enter its spend or remove the line.",
  },
  check(ctx) {
    const table = ctx.table("baseline");
    const col = table?.columns.get("amount");
    if (!table || col === undefined) return [];
    const out: RuleFinding[] = [];
    for (const line of ctx.analysis.baselineLines) {
      const read = line.amount;
      const name = lineName(line);
      if (read.kind === "blank") out.push(ctx.atValue(line, "amount", "blank", { line: name }));
      else if (read.kind === "text") out.push(ctx.atValue(line, "amount", "notNumber", { line: name, text: quote(read.text) }));
      else if (read.kind === "number" && read.value === 0) out.push(ctx.atValue(line, "amount", "zero", { line: name }));
    }
    return out;
  },
});

export const baselineYear = defineRule({
  id: "i.baseline-year",
  principle: "i",
  severity: "error",
  title: "The baseline year is stated",
  checks:
    "The baseline year is stated: either once in the Settings table (Baseline year), and then every line that gives a year agrees with it, or on every Baseline line, all for the same financial year.",
  why: `${WHY} The baseline is the spend of a stated financial year (CSR07: 2007-08; SR2004: 2004-05); the target and the quarters due are counted from it.`,
  fix: 'Give each Baseline line its financial year (e.g. 2007-08) in a Year column, or state it once as "Baseline year" in the Settings table. All lines must be for the same year.',
  settings: ["baselineYear"],
  example: {
    failing: "Baseline lines for 2007-08 and 2008-09, and no Baseline year in Settings.",
    passing: "Every line 2007-08 (or Settings: Baseline year = 2007-08).",
  },
  messages: {
    blank: "{{line}} has no year: enter its financial year, e.g. 2007-08.",
    unreadable: "The year {{text}} cannot be read: write a financial year such as 2007-08 or 2007/08.",
    differsFromSettings: "{{line}} is for {{year}} but the Settings baseline year is {{expected}}.",
    severalYears:
      "The baseline lines are for different years ({{years}}) and the Settings table states no baseline year: the baseline must be one stated year.",
  },
  check(ctx) {
    const table = ctx.table("baseline");
    if (!table) return [];
    // A year stated once for all lines (Settings, or the Baseline's own header or title) needs no Year column.
    const fromSettings = ctx.analysis.baselineYearSource === "settings" || ctx.analysis.baselineYearSource === "header";
    const yearCol = fromSettings
      ? table.columns.get("year")
      : ctx.requireColumn(table, "year", 'the baseline year must be stated (or give "Baseline year" in the Settings table)');
    if (yearCol === undefined) return [];
    const out: RuleFinding[] = [];
    const years = new Set<number>();
    const expected = ctx.settings.baselineYear;
    for (const line of ctx.analysis.baselineLines) {
      const text = ctx.text(line, "year");
      if (text === "") {
        if (!fromSettings) out.push(ctx.atValue(line, "year", "blank", { line: lineName(line) }));
        continue;
      }
      const year = line.year;
      if (year === null) {
        out.push(ctx.atValue(line, "year", "unreadable", { text: quote(text) }));
        continue;
      }
      years.add(year);
      if (fromSettings && expected !== null && year !== expected) {
        out.push(
          ctx.atValue(line, "year", "differsFromSettings", {
            line: lineName(line),
            year: financialYearLabel(year),
            expected: financialYearLabel(expected),
          }),
        );
      }
    }
    if (!fromSettings && years.size > 1) {
      const list = [...years].sort().map(financialYearLabel).join(", ");
      out.push(ctx.atTable(table, "severalYears", { years: list }));
    }
    return out;
  },
});

/** The title block says budget or outturn (a forecast is neither). */
function titleBasisStated(table: DiscoveredTable): boolean {
  return table.context.basis === "budget" || table.context.basis === "outturn";
}

function statedColumnRule(
  id: string,
  key: "basis" | "priceBase",
  title: string,
  whyText: string,
  fix: string,
  example: Rule["example"],
  accept: (text: string, cell: Cell | undefined, date1904: boolean) => boolean,
  unreadable: string,
): Rule<"notStated" | "unreadable"> {
  return {
    id,
    principle: "i",
    severity: "warning",
    title,
    why: `${WHY} ${whyText}`,
    fix,
    example,
    messages: { notStated: `{{line}} does not state its ${key === "basis" ? "basis (budget or outturn)" : "price base"}.`, unreadable },
    check(ctx) {
      const table = ctx.tableWithRows("baseline");
      if (!table) return [];
      const label = key === "basis" ? "basis (budget or outturn)" : "price base";
      // A title block that states it ("Net revenue budget 2007/08 (original budget)", "£m, cash prices") states it for every line.
      const statedAbove = key === "basis" ? titleBasisStated(table) : table.context.priceBase !== null;
      const col = statedAbove ? table.columns.get(key) : ctx.requireColumn(table, key, `each baseline line needs its ${label}`);
      if (col === undefined) return [];
      const out: RuleFinding[] = [];
      for (const line of ctx.analysis.baselineLines) {
        const text = ctx.text(line, key);
        if (text === "" && statedAbove) continue;
        if (text === "") out.push(ctx.atValue(line, key, "notStated", { line: lineName(line) }));
        else if (!accept(text, ctx.cell(line, key), ctx.model.date1904))
          out.push(ctx.atValue(line, key, "unreadable", { text: quote(text) }));
      }
      return out;
    },
  };
}

export const basisStated = defineRule({
  ...statedColumnRule(
    "i.basis-stated",
    "basis",
    "Each baseline line says whether it is budget or outturn",
    "A budget and an outturn for the same year differ; a reader cannot tell what the gains are measured against unless the basis is stated.",
    "Write Budget or Outturn in the Basis column of each Baseline line.",
    { failing: 'Line "Custody", Basis blank.', passing: 'Line "Custody", Basis Budget.' },
    (text) => /\b(budget|outturn|out turn|actual)\b/i.test(text),
    "The basis {{text}} is neither Budget nor Outturn.",
  ),
  checks:
    'Each Baseline line\'s Basis says Budget or Outturn, or the Baseline\'s title block says it once for every line ("original budget", "2010-11 outturn").',
});

export const priceBaseStated = defineRule({
  ...statedColumnRule(
    "i.price-base-stated",
    "priceBase",
    "Each baseline line states its price base",
    "Amounts in different years' prices are not comparable; the price base says which year's money the baseline is in.",
    "Write the financial year whose prices the line is in (e.g. 2007-08) in the Price base column.",
    { failing: 'Line "Custody", Price base blank.', passing: 'Line "Custody", Price base 2007-08.' },
    (text, cell, date1904) => financialYearOfCell(cell, date1904) !== null || /\b(cash|current|nominal)\b/i.test(text),
    "The price base {{text}} cannot be read as a financial year: write e.g. 2007-08.",
  ),
  checks:
    'Each Baseline line\'s Price base is a financial year (e.g. 2007-08) or says cash or current prices, or the Baseline\'s title block states it once for every line ("2007/08 prices", "cash prices").',
});

const INCOME_WORDS =
  /\b(income|fees?|charges?|receipts?|transfer payments?|transfers?|benefits? payments?|housing benefits?|council tax benefits?|rent allowances?|sales)\b/;
/** SR2004 councils' baseline is "revenue plus capital net of receipts": a capital receipts line may reduce it. */
const CAPITAL_RECEIPTS = /\bcapital\s+receipts?\b/;
const NOT_NETTED =
  /\b(not|never)\s+(been\s+)?(netted|offset|deducted|included)|\bgross of\b|\bexclud(es|ed|ing)\b|\bbefore\s+(income|fees)/;

export const noNetting = defineRule({
  id: "i.no-netting",
  principle: "i",
  severity: "error",
  title: "No baseline line nets off income or transfer payments",
  checks:
    'No Baseline line is negative (whatever its Notes say: a negative line takes income off the baseline), and no line\'s name marks it as income, fees, charges, receipts or transfer payments (housing or council tax benefit, rent allowances), unless its Notes say nothing was netted off (e.g. "gross of fees; not netted off", "excludes"). A line of capital receipts may be negative: the SR2004 council baseline is capital net of receipts.',
  why: `${WHY} The baseline is gross of income from fees and charges, and transfer payments (housing and council tax benefit, rent allowances) are not in it at all; netting them off understates the baseline and so the target.`,
  fix: 'Remove negative lines and lines of income, fees, charges or transfer payments from the baseline. If a line only looks like one, say in its Notes that nothing was netted off (e.g. "gross of fees; not netted off").',
  example: {
    failing: 'Line "Fees and charges income", Amount -1,200,000.',
    passing: 'No income line; Notes on "Licensing" say "gross of fees; not netted off".',
  },
  messages: {
    negative: "{{line}} is negative ({{amount}}): the baseline must not net off income or transfer payments.",
    incomeLine:
      "Baseline line {{text}} looks like income, fees, charges or transfer payments, which the baseline must not net off or include.",
  },
  check(ctx) {
    const table = ctx.table("baseline");
    if (!table) return [];
    const out: RuleFinding[] = [];
    for (const record of ctx.analysis.baselineLines) {
      const line = record.line ?? "";
      if (line !== "" && CAPITAL_RECEIPTS.test(normaliseWords(line))) continue;
      const amount = record.amount;
      // A negative line takes something off the baseline whatever its note says; a note only clears a
      // line whose name merely looks like income.
      const note = normaliseWords(ctx.text(record, "notes"));
      if (!(amount.kind === "number" && amount.value < 0) && note !== "" && NOT_NETTED.test(note)) continue;
      if (amount.kind === "number" && amount.value < 0) {
        out.push(
          ctx.atValue(record, "amount", "negative", {
            line: lineName(record),
            amount: ctx.money(amount.value, table.units.get("amount") ?? ctx.settings.unit),
          }),
        );
      } else if (line !== "" && INCOME_WORDS.test(normaliseWords(line))) {
        out.push(ctx.atValue(record, "line", "incomeLine", { text: quote(line) }));
      }
    }
    return out;
  },
});

export const gainBaselineLine = defineRule({
  id: "i.gain-baseline-line",
  principle: "i",
  severity: "error",
  title: "Every gain points at a baseline line that exists",
  checks: "Each gain's Baseline line names a line of the Baseline table (ignoring case and surrounding spaces).",
  why: `${WHY} A gain is a reduction against part of the baseline; naming the line shows the gain is measured against quantified spend.`,
  fix: "In the Gains table's Baseline line column, write the name of the Baseline line (exactly as in the Baseline table) that each gain reduces.",
  example: {
    failing: 'Gain G1, Baseline line "Overtime" (no such line in the Baseline table).',
    passing: 'Gain G1, Baseline line "Police officer pay" (a line of the Baseline table).',
  },
  messages: {
    blank: "{{gain}} names no baseline line.",
    unknown: "{{gain}} names the baseline line {{text}}, which is not a line of the Baseline table.",
  },
  check(ctx) {
    const gains = ctx.tableWithRows("gains");
    const baseline = ctx.table("baseline");
    if (!gains) return [];
    if (ctx.requireColumn(gains, "baselineLine", "each gain must name the baseline line it reduces") === undefined) return [];
    const hasLines = baseline?.columns.get("line") !== undefined;
    const lines = new Set<string>();
    if (hasLines) for (const line of ctx.analysis.baselineLines) lines.add(idKey(line.line ?? ""));
    const out: RuleFinding[] = [];
    for (const gain of ctx.gains) {
      const text = ctx.text(gain, "baselineLine");
      if (text === "") out.push(ctx.atValue(gain, "baselineLine", "blank", { gain: gainName(gain) }));
      else if (hasLines && !lines.has(idKey(text)))
        out.push(ctx.atValue(gain, "baselineLine", "unknown", { gain: gainName(gain), text: quote(text) }));
    }
    return out;
  },
});

export const RULES_I: readonly Rule[] = [
  baselinePresent,
  baselineYear,
  baselineAmountPositive,
  basisStated,
  priceBaseStated,
  noNetting,
  gainBaselineLine,
];
