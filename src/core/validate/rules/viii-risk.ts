/** Principle (viii): dynamic risk management that discounts on the basis of deliverability. */
import { sumExact } from "../../calc";
import { moneyClose } from "../analysis";
import { cellDateProblem, formatDate, minusMonths, readDate } from "../dates";
import { defineRule, PRINCIPLE_TITLES, type Rule, type RuleFinding } from "../rule";
import { normaliseWords, quote, UNIT_FACTORS } from "../text";
import { ragMappingText } from "../../text/rag";
import { describeRead, gainName, num } from "./helpers";

const WHY = `CSR07 principle (viii): performance is "underpinned by a dynamic risk management strategy that discounts on the basis of deliverability" ("${PRINCIPLE_TITLES.viii}").`;

function ragWords(mapping: ReadonlyMap<string, number>): string {
  return ragMappingText(mapping, { between: "=", separator: ", " });
}

export const deliverabilityPresent = defineRule({
  id: "viii.deliverability-present",
  principle: "viii",
  severity: "error",
  title: "Every gain has a deliverability",
  checks:
    "Each gain's Deliverability is a fraction from 0 to 1, a percentage, or a word of the RAG mapping (Green, Amber, Red by default).",
  why: `${WHY} Each gain is discounted by the likelihood that it is delivered.`,
  fix: "Enter each gain's deliverability as a fraction or percentage (e.g. 80%), or as Green, Amber or Red.",
  judgement:
    "Turning Green, Amber and Red into fractions is our judgement (by default Green 1, Amber 0.5, Red 0, after the NAO's ratings of CSR07 claims). Change it with the RAG mapping setting.",
  settings: ["ragMapping"],
  example: { failing: 'Gain G1, Deliverability blank (or 120%, or "Likely").', passing: "Gain G1, Deliverability 80% (or Amber)." },
  messages: {
    blank: "{{gain}} has no deliverability.",
    percentMeant:
      "{{gain}} has a deliverability of {{value}}, outside 0 to 1 (0% to 100%): if {{value}}% is meant, write {{value}}% or {{fraction}}.",
    outOfRange: "{{gain}} has a deliverability of {{value}}, outside 0 to 1 (0% to 100%).",
    unknownWord: "{{gain}} has the deliverability {{text}}: use a fraction, a percentage, or one of {{mapping}}.",
  },
  check(ctx) {
    const table = ctx.tableWithRows("gains");
    if (!table) return [];
    const col = ctx.requireColumn(table, "deliverability", "each gain must be discounted by its deliverability");
    if (col === undefined) return [];
    const out: RuleFinding[] = [];
    for (const gain of ctx.gains) {
      if (gain.deliverability !== null) continue;
      const read = ctx.read(gain, "deliverability");
      if (read.kind === "error") continue;
      const name = gainName(gain);
      if (read.kind === "blank") out.push(ctx.at(table.sheet.name, gain.row, col, "blank", { gain: name }));
      else if (read.kind === "number" && read.value > 1 && read.value <= 100)
        out.push(
          ctx.at(table.sheet.name, gain.row, col, "percentMeant", { gain: name, value: num(read.value), fraction: num(read.value / 100) }),
        );
      else if (read.kind === "number")
        out.push(ctx.at(table.sheet.name, gain.row, col, "outOfRange", { gain: name, value: num(read.value) }));
      else {
        const data = { gain: name, text: quote(ctx.gainText(gain, "deliverability")), mapping: ragWords(ctx.settings.ragMapping) };
        out.push(ctx.at(table.sheet.name, gain.row, col, "unknownWord", data));
      }
    }
    return out;
  },
});

export const riskAdjustedRecomputes = defineRule({
  id: "viii.risk-adjusted-recomputes",
  principle: "viii",
  severity: "error",
  title: "Risk-adjusted gain equals NETGAIN(gross, costs, deliverability)",
  checks:
    "Each gain's Risk-adjusted gain equals VFM.NETGAIN(gross, costs, deliverability) = gross x deliverability - costs, recomputed exactly, within the Tolerance.",
  why: `${WHY} The risk-adjusted gain is what the discount leaves: the gross gain times its deliverability, less the costs.`,
  fix: "Make the Risk-adjusted gain cell the gross gain times its deliverability, less the costs: =VFM.NETGAIN(gross, costs, deliverability), e.g. =VFM.NETGAIN(I5, J5, L5), or =I5*L5-J5.",
  judgement:
    "Deliverability discounts the gross gain, not the costs, because costs are incurred whether or not the gain materialises (our judgement, in line with the Green Book's optimism bias, which never pushes costs down).",
  settings: ["tolerance", "ragMapping"],
  example: {
    failing: "Gross 500, Costs 80, Deliverability 0.8, Risk-adjusted gain 336.",
    passing: "Gross 500, Costs 80, Deliverability 0.8, Risk-adjusted gain 320.",
  },
  messages: {
    differs:
      "Risk-adjusted gain {{riskAdjusted}} does not equal gross {{gross}} x deliverability {{deliverability}} - costs {{costs}} ({{expected}}).",
    notNumber:
      "{{gain}} has a risk-adjusted gain that is {{value}}; it should be gross {{gross}} x deliverability {{deliverability}} - costs {{costs}} ({{expected}}).",
  },
  check(ctx) {
    const table = ctx.tableWithRows("gains");
    if (!table) return [];
    const col = ctx.requireColumn(table, "riskAdjusted", "each gain's risk-adjusted value must be shown");
    if (col === undefined) return [];
    const out: RuleFinding[] = [];
    const tolerance = ctx.analysis.tolerance;
    for (const gain of ctx.gains) {
      const expected = gain.recomputedRiskAdjusted;
      if (expected === null) continue;
      const read = gain.riskAdjusted !== null ? ({ kind: "number", value: gain.riskAdjusted } as const) : ctx.read(gain, "riskAdjusted");
      const call = () => {
        const text = ctx.read(gain, "deliverability").kind === "text" ? ctx.gainText(gain, "deliverability") : "";
        const d = text ? `${text} (${num(gain.deliverability!)})` : num(gain.deliverability!);
        return { gross: ctx.money(gain.gross!), deliverability: d, costs: ctx.money(gain.costs ?? 0), expected: ctx.money(expected) };
      };
      if (read.kind === "number") {
        if (!moneyClose(read.value, expected, tolerance))
          out.push(ctx.at(table.sheet.name, gain.row, col, "differs", { riskAdjusted: ctx.money(read.value), ...call() }));
      } else if (read.kind !== "error") {
        out.push(ctx.at(table.sheet.name, gain.row, col, "notNumber", { gain: gainName(gain), value: describeRead(read), ...call() }));
      }
    }
    return out;
  },
});

const RISK_WORDS = /\b(risk|weighted|adjusted|discounted)\b/;
const GAINS_WORD = /\b(gains?|savings?)\b/;
/** A summary line that reports a total: "Total gains", "Grand total", "Net gains against target". */
const REPORTED_TOTAL = /\btotals?\b|\b(gains?|savings?)\b.*\b(against|towards|to)\s+(the\s+)?target\b/;

export const totalRiskAdjusted = defineRule({
  id: "viii.total-risk-adjusted",
  principle: "viii",
  severity: "error",
  title: "A total reported against the target is risk-adjusted",
  checks:
    "Where the register has a total row (labelled Total, Totals or Grand total, or an Excel totals row), its Risk-adjusted gain total is present and equals the sum of the column. Where a Summary table (sheet Summary, Progress or Dashboard with Measure and Value) reports a total (a line labelled as a total, or gains against the target), it is the risk-adjusted one, not the gross or net total, and a line labelled risk-adjusted equals the register's risk-adjusted total. A workbook with no total at all is not reported.",
  why: `${WHY} A total set against the target that is not discounted for deliverability overstates progress.`,
  fix: "Report the total of the Risk-adjusted gain column against the target: give the register's total row a risk-adjusted total equal to the sum of that column, and in a Summary table use the risk-adjusted total.",
  settings: ["tolerance"],
  example: {
    failing: "Gains total row: Net gain 1,000, Risk-adjusted gain blank.",
    passing: "Gains total row: Net gain 1,000, Risk-adjusted gain =SUBTOTAL(109, ...) showing 830.",
  },
  messages: {
    totalDiffers: "The risk-adjusted total {{total}} does not equal the sum of the risk-adjusted gains ({{sum}}).",
    totalMissing: "The register's total row gives gross or net totals but no risk-adjusted total.",
    summaryDiffers:
      "The summary's risk-adjusted total {{value}} does not equal the register's risk-adjusted total ({{riskAdjusted}}; cashable {{cashable}}).",
    summaryNotAdjusted:
      "The summary total {{value}} is not risk-adjusted: the risk-adjusted total is {{riskAdjusted}} (cashable {{cashable}}).",
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    const tolerance = ctx.analysis.tolerance;
    const gains = ctx.table("gains");
    const raCol = gains?.columns.get("riskAdjusted");
    if (gains && gains.totalRows.length > 0) {
      const totalLines = ctx.totalRecords("gains");
      const total = totalLines[totalLines.length - 1];
      const row = total.row;
      const columnSum = sumExact(ctx.gains.map((g) => g.riskAdjusted ?? 0));
      const ra = raCol === undefined ? null : ctx.number(total, "riskAdjusted");
      if (ra?.kind === "number") {
        const value = ra.value * (UNIT_FACTORS[ctx.analysis.gainUnits.get("riskAdjusted")!] / ctx.analysis.unitFactor);
        if (!moneyClose(value, columnSum, tolerance))
          out.push(ctx.at(gains.sheet.name, row, raCol!, "totalDiffers", { total: ctx.money(value), sum: ctx.money(columnSum) }));
      } else if (ra?.kind !== "error") {
        const reported = (["gross", "net"] as const).some((key) => {
          const col = gains.columns.get(key);
          return col !== undefined && ctx.number(total, key).kind === "number";
        });
        if (reported) {
          const where = raCol ?? gains.columns.get("net") ?? gains.columns.get("gross")!;
          out.push(ctx.at(gains.sheet.name, row, where, "totalMissing"));
        }
      }
    }
    const summary = ctx.table("summary");
    const measureCol = summary?.columns.get("measure");
    const valueCol = summary?.columns.get("value");
    if (summary && measureCol !== undefined && valueCol !== undefined) {
      const totals = ctx.data.totals;
      const factor = UNIT_FACTORS[summary.units.get("value") ?? ctx.settings.unit] / ctx.analysis.unitFactor;
      const adjusted = [totals.riskAdjusted, totals.cashableRiskAdjusted];
      const unadjusted = [totals.gross, totals.net, totals.cashableNet];
      // A summary's lines are often labelled "Total ...", so discovery's total rows are read too.
      const lines = [...ctx.records("summary"), ...ctx.totalRecords("summary")].sort((a, b) => a.row - b.row);
      for (const line of lines) {
        const label = normaliseWords(ctx.text(line, "measure"));
        if (!REPORTED_TOTAL.test(label) || (/\btarget\b/.test(label) && !GAINS_WORD.test(label))) continue;
        const read = ctx.number(line, "value");
        if (read.kind !== "number") continue;
        const value = read.value * factor;
        if (adjusted.some((a) => moneyClose(a, value, tolerance))) continue;
        const data = {
          value: ctx.money(value),
          riskAdjusted: ctx.money(totals.riskAdjusted),
          cashable: ctx.money(totals.cashableRiskAdjusted),
        };
        if (RISK_WORDS.test(label)) out.push(ctx.atValue(line, "value", "summaryDiffers", data));
        else if (unadjusted.some((u) => moneyClose(u, value, tolerance))) out.push(ctx.atValue(line, "value", "summaryNotAdjusted", data));
      }
    }
    return out;
  },
});

export const riskReviewed = defineRule({
  id: "viii.risk-reviewed",
  principle: "viii",
  severity: "warning",
  title: "Every gain's risk was reviewed in the three months before the reporting date",
  checks: "Each gain's Risk reviewed date falls within the three months up to the reporting date.",
  why: `${WHY} A dynamic strategy reviews each gain's deliverability at least every quarter.`,
  fix: "Review the gain's deliverability and enter the date of the review in the Risk reviewed column.",
  judgement: 'Three months is our reading of "dynamic" alongside the quarterly Board updates of principle (vi).',
  settings: ["reportingDate"],
  example: {
    failing: "Reporting date 31/12/2009, Risk reviewed 15/06/2009.",
    passing: "Reporting date 31/12/2009, Risk reviewed 10/12/2009.",
  },
  messages: {
    blank: "{{gain}} has no risk review date.",
    unreadable: "{{gain}}'s risk review date {{text}} cannot be read as a date.",
    stale: "{{gain}}'s risk was last reviewed on {{date}}, more than three months before the reporting date {{reportingDate}}.",
    future: "{{gain}}'s risk review is dated {{date}}, after the reporting date {{reportingDate}}.",
  },
  check(ctx) {
    const table = ctx.tableWithRows("gains");
    if (!table) return [];
    const col = ctx.requireColumn(table, "riskReviewed", "each gain's risk review date must be recorded");
    if (col === undefined) return [];
    const earliest = minusMonths(ctx.reportingDate, 3);
    const out: RuleFinding[] = [];
    for (const gain of ctx.gains) {
      const cell = ctx.cell(gain, "riskReviewed");
      const text = ctx.text(gain, "riskReviewed");
      if (cell?.error) continue;
      if (text === "") {
        out.push(ctx.at(table.sheet.name, gain.row, col, "blank", { gain: gainName(gain) }));
        continue;
      }
      const date = readDate(cell, ctx.model.date1904);
      // A date no calendar has is method.impossible-date's finding, not a second one here.
      if (date === null && cellDateProblem(cell, ctx.model.date1904)) continue;
      if (date === null) out.push(ctx.at(table.sheet.name, gain.row, col, "unreadable", { gain: gainName(gain), text: quote(text) }));
      else if (date < earliest || date > ctx.reportingDate) {
        const data = { gain: gainName(gain), date: formatDate(date), reportingDate: formatDate(ctx.reportingDate) };
        out.push(ctx.at(table.sheet.name, gain.row, col, date < earliest ? "stale" : "future", data));
      }
    }
    return out;
  },
});

export const RULES_VIII: readonly Rule[] = [deliverabilityPresent, riskAdjustedRecomputes, totalRiskAdjusted, riskReviewed];
