/** Cross-cutting method rules from the same regimes (SR2004, NI 179, HM Treasury conventions). */
import { deflate } from "../../calc";
import { moneyClose } from "../analysis";
import { financialYearLabel } from "../../text/financial-year";
import type { DiscoveredTable } from "../discovery";
import { defineRule, PRINCIPLE_TITLES, type Rule, type RuleContext, type RuleFinding } from "../rule";
import { SETTING_DOCS } from "../settings";
import type { ColumnKey, TableKey } from "../schema";
import { formatPercent, quote, UNIT_FACTORS, type MoneyUnit } from "../text";
import { gainName } from "./helpers";

const WHY_METHOD = `${PRINCIPLE_TITLES.method}.`;

export const serviceReduction = defineRule({
  id: "method.service-reduction",
  principle: "method",
  severity: "error",
  title: "No gain flagged as a service reduction counts",
  checks:
    'No gain whose Service impact flags a service reduction (e.g. "Service reduction", "Reduced opening hours", or Yes in a column headed Service reduction) shows a non-zero gross, net or risk-adjusted gain. Such gains are always left out of the totals and the progress figure.',
  why: `${WHY_METHOD} Withdrawing a service or lowering its standard is not an efficiency gain and must never be counted (SR2004; the Annual Efficiency Statements carried quality cross-checks that service quality had not fallen).`,
  fix: 'Take the gain out of the register, or set its gains to 0. If the service was not in fact reduced, correct the Service impact entry (e.g. "No reduction; quality maintained").',
  example: {
    failing: 'Gain G4, Service impact "Service reduction: front counter closed", Net gain 300.',
    passing: 'Gain G4, Service impact "No reduction in service", Net gain 300.',
  },
  messages: {
    counted:
      "{{gain}} is flagged as a service reduction ({{text}}) yet shows a gain of {{value}}: a cut in service is not an efficiency gain. It is left out of every total.",
  },
  check(ctx) {
    const table = ctx.table("gains");
    const col = table?.columns.get("serviceImpact");
    if (!table || col === undefined) return [];
    const out: RuleFinding[] = [];
    for (const gain of ctx.gains) {
      if (!gain.serviceReduction) continue;
      const counted = [gain.gross, gain.net, gain.riskAdjusted].find((v): v is number => v !== null && v !== 0);
      if (counted === undefined) continue;
      out.push(
        ctx.at(table.sheet.name, gain.row, col, "counted", {
          gain: gainName(gain),
          text: quote(ctx.text(gain, "serviceImpact")),
          value: ctx.money(counted),
        }),
      );
    }
    return out;
  },
});

export const cashableShare = defineRule({
  id: "method.cashable-share",
  principle: "method",
  severity: "warning",
  title: "At least half of the gains are cashable",
  checks: "Cashable net gains are at least the Minimum cashable share (50% by default) of all net gains, service reductions left out.",
  why: `${WHY_METHOD} Under SR2004 at least half of each authority's efficiency gains had to be cashable; non-cashable gains cannot fund re-investment.`,
  fix: "Identify more cashable gains, or check that cashable gains are typed Cashable. If your regime sets another share, change the Minimum cashable share setting.",
  judgement:
    "The 50% floor is the SR2004 local-government rule; CSR07 required the whole Home Office target to be cashable. Set Minimum cashable share for your regime.",
  settings: ["minimumCashableShare"],
  example: {
    failing: "Cashable net gains 300, non-cashable 700 (30% cashable).",
    passing: "Cashable net gains 600, non-cashable 400 (60% cashable).",
  },
  messages: {
    belowMinimum: "Cashable gains are {{share}} of net gains ({{cashable}} of {{total}}), below the minimum cashable share of {{minimum}}.",
  },
  check(ctx) {
    const table = ctx.tableWithRows("gains");
    const col = table?.columns.get("type");
    if (!table || col === undefined) return [];
    const { cashableNet, nonCashableNet } = ctx.data.totals;
    const total = cashableNet + nonCashableNet;
    if (!(total > 0)) return [];
    const share = cashableNet / total;
    if (share + 1e-12 >= ctx.settings.minimumCashableShare) return [];
    const data = {
      share: formatPercent(share),
      cashable: ctx.money(cashableNet),
      total: ctx.money(total),
      minimum: formatPercent(ctx.settings.minimumCashableShare),
    };
    return [{ sheet: table.sheet.name, cell: ctx.columnRange(table, col), messageId: "belowMinimum", data }];
  },
});

export const priceBase = defineRule({
  id: "method.price-base",
  principle: "method",
  severity: "warning",
  title: "Gains in another year's prices are re-expressed with DEFLATE",
  checks:
    "Each gain's Price base is readable, and a gain in another year's prices than the target year has its Gross gain worked out with VFM.DEFLATE.",
  why: `${WHY_METHOD} The target is in the money of the year it falls due, and the register's amounts are taken to be in the prices of its stated price base; a gain stated in another year's prices is not comparable until it is deflated (HM Treasury GDP deflator).`,
  fix: "Re-express the gain in the target year's prices with =VFM.DEFLATE(amount, price base year, target year) and set its Price base to the target year.",
  judgement: "Profile values are taken as each year's current prices, so this check applies to the register's money columns only.",
  settings: ["targetYear", "deflatorSeries"],
  example: {
    failing: "Target year 2010-11; Gain G1 Price base 2007-08, Gross gain typed 500.",
    passing: 'Gain G1 Price base 2010-11 (or Gross gain =VFM.DEFLATE(480, "2007-08", "2010-11")).',
  },
  messages: {
    unreadable: "{{gain}}'s price base {{text}} cannot be read as a financial year: write e.g. 2010-11.",
    notDeflated:
      '{{gain}} is in {{priceBase}} prices but the target year is {{targetYear}}: re-express it in {{targetYear}} prices with =VFM.DEFLATE(amount, "{{priceBase}}", "{{targetYear}}").',
  },
  check(ctx) {
    const table = ctx.table("gains");
    const col = table?.columns.get("priceBase");
    const targetYear = ctx.settings.targetYear;
    if (!table || col === undefined) return [];
    const out: RuleFinding[] = [];
    for (const gain of ctx.gains) {
      const text = ctx.text(gain, "priceBase");
      if (text === "") continue;
      if (gain.priceBase === null) {
        if (!/\b(cash|current|nominal)\b/i.test(text))
          out.push(ctx.at(table.sheet.name, gain.row, col, "unreadable", { gain: gainName(gain), text: quote(text) }));
        continue;
      }
      if (targetYear === null || gain.priceBase === targetYear) continue;
      const formula = ctx.cell(gain, "gross")?.formula;
      if (formula && /\bDEFLATE\s*\(/i.test(formula)) continue;
      out.push(
        ctx.at(table.sheet.name, gain.row, col, "notDeflated", {
          gain: gainName(gain),
          priceBase: financialYearLabel(gain.priceBase),
          targetYear: financialYearLabel(targetYear),
        }),
      );
    }
    return out;
  },
});

interface UnitColumn {
  table: DiscoveredTable;
  col: number;
  label: string;
  stated: MoneyUnit | null;
}

function unitColumns<K extends TableKey>(table: DiscoveredTable<K> | undefined, keys: readonly ColumnKey<K>[]): UnitColumn[] {
  if (!table) return [];
  const out: UnitColumn[] = [];
  for (const key of keys) {
    const col = table.columns.get(key);
    if (col === undefined) continue;
    out.push({ table, col, label: table.headers.get(key) ?? key, stated: table.units.get(key) ?? null });
  }
  return out;
}

export const mixedUnits = defineRule({
  id: "method.mixed-units",
  principle: "method",
  severity: "error",
  title: "Amounts compared with each other are in the same unit",
  checks:
    "The money columns compared with each other state the same unit: the Gains Costs, Net gain and Risk-adjusted gain against its Gross gain; the Baseline, Reinvestment and Summary amounts and the Profile years against the register; a quarter's Actual against its Trajectory. A header with no unit is taken in the Settings Unit.",
  why: `${WHY_METHOD} A figure in £k set against one in £m is out by a factor of a thousand; every comparison (net against gross and costs, profile against register, baseline against target, re-investment against gains) needs one unit.`,
  fix: 'State the same unit (£, £k, £m or £bn) in the headers of the columns that are compared, e.g. "Gross gain (£k)" and "Costs (£k)", or set Unit in the Settings table for headers that state none.',
  settings: ["unit"],
  example: { failing: 'Headers "Gross gain (£k)" and "Costs (£m)".', passing: 'Headers "Gross gain (£k)" and "Costs (£k)".' },
  messages: {
    differs: "{{table}} column {{column}} is in {{unit}} but {{against}} is in {{expected}}.",
    unstated:
      "{{table}} column {{column}} states no unit, so it is taken as {{unit}} (the Settings unit) but {{against}} is in {{expected}}.",
  },
  check(ctx) {
    const fallback = ctx.settings.unit;
    const unit = ctx.data.unit;
    const out: RuleFinding[] = [];
    const report = (column: UnitColumn, against: string, expected: MoneyUnit) => {
      const actual = column.stated ?? fallback;
      if (actual === expected) return;
      const data = { table: column.table.spec.label, column: quote(column.label), unit: actual, against, expected };
      out.push(ctx.at(column.table.sheet.name, column.table.headerRow, column.col, column.stated ? "differs" : "unstated", data));
    };
    const gains = ctx.table("gains");
    const grossLabel = gains?.headers.get("gross") ?? "Gross gain";
    for (const c of unitColumns(gains, ["costs", "net", "riskAdjusted"])) report(c, `the Gross gain column ${quote(grossLabel)}`, unit);
    if (gains && gains.rows.length > 0) {
      for (const c of unitColumns(ctx.table("baseline"), ["amount"])) report(c, "the register", unit);
      for (const c of unitColumns(ctx.table("reinvestment"), ["amount"])) report(c, "the register", unit);
      for (const c of unitColumns(ctx.table("summary"), ["value"])) report(c, "the register", unit);
      const profile = ctx.table("profile");
      if (profile) {
        const headings = ctx.headerRecord(profile);
        for (const [year, col] of profile.yearColumns) {
          const header = ctx.cell(headings, year)?.value;
          // A header Excel turned into a date is named by its financial year, not its serial number.
          const label = typeof header === "string" ? header : financialYearLabel(year);
          report({ table: profile, col, label, stated: profile.yearUnits.get(col) ?? null }, "the register", unit);
        }
      }
    }
    const quarterly = unitColumns(ctx.table("quarterly"), ["trajectory", "actual"]);
    if (quarterly.length === 2) report(quarterly[1], `the Trajectory column ${quote(quarterly[0].label)}`, quarterly[0].stated ?? fallback);
    return out;
  },
});

export const settingsReadable = defineRule({
  id: "method.settings-readable",
  principle: "method",
  severity: "warning",
  title: "Every Settings value can be read",
  checks:
    "Every value in the Settings table that the check uses can be read (a rate below 1 such as 3%, compound or simple, a financial year, a date, a RAG mapping, an amount, a fraction, a unit).",
  why: `${WHY_METHOD} A setting that cannot be read is replaced by its default, which may not be what the workbook intends.`,
  fix: "Correct the value as the message says (e.g. a rate as 3% or 0.03, a year as 2007-08, a date as 31/12/2009).",
  example: { failing: "Settings: Target rate 3.", passing: "Settings: Target rate 3%." },
  // The settings reader words each problem itself (it knows the key and the value's shape).
  messages: { unreadable: "{{problem}}" },
  check(ctx) {
    return ctx.analysis.settingsRead.issues.map((issue) => ({
      sheet: issue.sheet,
      cell: issue.cell,
      messageId: "unreadable",
      data: { problem: issue.message },
    }));
  },
});

function defaultsText(): string {
  return SETTING_DOCS.filter((d) =>
    ["targetRate", "targetMethod", "targetYears", "tolerance", "materiality", "minimumCashableShare"].includes(d.key),
  )
    .map((d) => `${d.name} ${d.defaultText.replace(/ \(.*\)$/, "")}`)
    .join(", ");
}

export const settingsDefaults = defineRule({
  id: "method.settings-defaults",
  principle: "method",
  severity: "info",
  title: "Without a Settings table the defaults are used",
  checks: "The workbook has a Settings table; without one, the check says which defaults it used.",
  why: `${WHY_METHOD} The target, tolerances and thresholds come from the Settings table; without one, the documented defaults apply.`,
  fix: "Add a Settings table (Key and Value columns) stating at least the target rate, target method, baseline year and reporting date.",
  example: {
    failing: "No Settings table.",
    passing: "Settings: Target rate 3%, Target method compound, Baseline year 2007-08, Reporting date 31/12/2009.",
  },
  messages: { defaultsUsed: "No Settings table found: the defaults were used ({{defaults}})." },
  check(ctx) {
    if (ctx.table("settings")) return [];
    return [ctx.inWorkbook("defaultsUsed", { defaults: defaultsText() })];
  },
});

/** A cell formula that is one VFM.DEFLATE call with literal arguments: =VFM.DEFLATE(480, "2007-08", "2010-11"[, "series"]). */
const DEFLATE_CALL =
  /^\s*=?\s*(?:_xldudf_)?VFM[._]DEFLATE\(\s*(-?\d+(?:\.\d+)?)\s*,\s*("?)([^",()]+)\2\s*,\s*("?)([^",()]+)\4\s*(?:,\s*"([^"]+)"\s*)?\)\s*$/i;

interface DeflateCheck {
  gainLabel: string;
  column: string;
  row: number;
  col: number;
  cached: number | null;
  call: string;
  result: ReturnType<typeof deflate>;
  tolerance: number;
  /** The unit of the cell's column (the call's amounts are in it too). */
  unit: MoneyUnit;
}

/** Recomputes every literal VFM.DEFLATE call in the register's Gross gain and Costs cells (few cells, so not a hot path). */
function deflateCalls(ctx: RuleContext): DeflateCheck[] {
  const table = ctx.table("gains");
  if (!table) return [];
  const out: DeflateCheck[] = [];
  for (const [key, column] of [
    ["gross", "Gross gain"],
    ["costs", "Costs"],
  ] as const) {
    const col = table.columns.get(key);
    if (col === undefined) continue;
    const unit = ctx.analysis.gainUnits.get(key)!;
    const tolerance = ctx.settings.tolerance / UNIT_FACTORS[unit];
    for (const gain of ctx.gains) {
      const cell = ctx.cell(gain, key);
      if (!cell?.formula || !/DEFLATE/i.test(cell.formula)) continue;
      const m = DEFLATE_CALL.exec(cell.formula);
      if (!m) continue;
      const year = (text: string, quoted: string) => (quoted ? text.trim() : Number(text));
      const series = m[6] ?? ctx.settings.deflatorSeries ?? undefined;
      out.push({
        gainLabel: gainName(gain),
        column,
        row: gain.row,
        col,
        cached: typeof cell.value === "number" ? cell.value : null,
        call: cell.formula.replace(/^\s*=?\s*(?:_xldudf_)?/i, ""),
        result: deflate(Number(m[1]), year(m[3], m[2]), year(m[5], m[4]), series, { date1904: ctx.model.date1904 }),
        tolerance,
        unit,
      });
    }
  }
  return out;
}

export const deflateRecomputes = defineRule({
  id: "method.deflate-recomputes",
  principle: "method",
  severity: "warning",
  title: "Deflated amounts match the deflator series",
  checks:
    "Each Gross gain or Costs cell whose formula is a single VFM.DEFLATE call with typed-in arguments shows the value that call gives now, with the series the formula names, else the Settings Deflator series, else the shipped HM Treasury series; a call the series cannot answer is reported too.",
  why: `${WHY_METHOD} Where a gain is valued by re-expressing spend in another year's prices, the deflator (generally HM Treasury's GDP deflator) sets its size; HM Treasury revises the series every quarter, so a value saved with an older vintage no longer matches.`,
  fix: "Recalculate the workbook (Ctrl+Alt+F9) so the cell shows the current series' value, or name the series the figure was agreed on in the Deflator series setting.",
  settings: ["deflatorSeries", "tolerance"],
  example: {
    failing: 'Gross gain =VFM.DEFLATE(480, "2007-08", "2010-11") saved as 500 when the series now gives 512.3.',
    passing: "The same cell showing the value the series gives.",
  },
  messages: {
    cannotRecompute: "{{gain}}'s {{column}} ={{call}} cannot be recomputed: {{errorKind}} {{reason}}.",
    differs: "{{gain}}'s {{column}} shows {{value}} but ={{call}} gives {{expected}} with the deflator series {{series}}.",
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    const sheet = ctx.table("gains")?.sheet.name ?? null;
    if (sheet === null) return out;
    for (const c of deflateCalls(ctx)) {
      const result = c.result;
      if (result.ok === false) {
        out.push(
          ctx.at(sheet, c.row, c.col, "cannotRecompute", {
            gain: c.gainLabel,
            column: c.column,
            call: c.call,
            errorKind: result.kind,
            reason: result.message,
          }),
        );
      } else if (c.cached !== null && !moneyClose(c.cached, result.value, c.tolerance)) {
        const data = {
          gain: c.gainLabel,
          column: c.column,
          value: ctx.money(c.cached, c.unit),
          call: c.call,
          expected: ctx.money(result.value, c.unit),
          series: result.series ?? "given",
        };
        out.push(ctx.at(sheet, c.row, c.col, "differs", data));
      }
    }
    return out;
  },
});

export const deflateForecast = defineRule({
  id: "method.deflate-forecast",
  principle: "method",
  severity: "info",
  title: "Deflated amounts that rest on forecast years are pointed out",
  checks:
    "Each Gross gain or Costs cell whose formula is a single VFM.DEFLATE call with typed-in arguments, and whose result uses a forecast (not outturn) year of the deflator series.",
  why: `${WHY_METHOD} The later years of a deflator series are forecasts, not outturn; a value that rests on one will change when the outturn is published.`,
  fix: "Nothing to fix now: revisit the figure when HM Treasury publishes outturn for the year.",
  settings: ["deflatorSeries"],
  example: {
    failing: '=VFM.DEFLATE(480, "2024-25", "2027-28") (2027-28 is a forecast year).',
    passing: '=VFM.DEFLATE(480, "2007-08", "2010-11") (both outturn years).',
  },
  messages: {
    forecast:
      "{{gain}}'s {{column}} ={{call}} rests on a forecast year of the deflator series {{series}}; it will change when outturn is published.",
  },
  check(ctx) {
    const sheet = ctx.table("gains")?.sheet.name ?? null;
    if (sheet === null) return [];
    return deflateCalls(ctx)
      .filter((c) => c.result.ok && c.result.usesForecast)
      .map((c) =>
        ctx.at(sheet, c.row, c.col, "forecast", {
          gain: c.gainLabel,
          column: c.column,
          call: c.call,
          series: String(c.result.ok ? c.result.series : ""),
        }),
      );
  },
});

function progressLocation(ctx: RuleContext): { sheet: string | null; cell: string | null } {
  const gains = ctx.table("gains");
  const col = gains?.columns.get("riskAdjusted") ?? gains?.columns.get("net");
  if (!gains || col === undefined) return { sheet: null, cell: null };
  return { sheet: gains.sheet.name, cell: ctx.columnRange(gains, col) };
}

export const progress = defineRule({
  id: "method.progress",
  principle: "method",
  severity: "info",
  title: "Progress: risk-adjusted cashable net gains against the target",
  checks:
    "Reports the risk-adjusted net gains of cashable gains (service reductions left out) against VFM.TARGET of the baseline total, as a figure and a percentage.",
  why: `${WHY_METHOD} Progress is measured by the gains that count (cashable, net of cost, discounted for deliverability, never service reductions) against VFM.TARGET of the baseline.`,
  fix: "Nothing to fix: this reports progress. If no target can be worked out, state the baseline amounts and the Settings (target rate, years, method).",
  settings: ["targetRate", "targetMethod", "targetYears", "baselineYear"],
  example: { failing: "(Information only.)", passing: "Risk-adjusted cashable net gains 1,102.4 against a target of 1,413.72 (78%)." },
  messages: {
    progress:
      "Risk-adjusted cashable net gains of {{achieved}} against a target of {{target}} ({{progress}}): {{rate}} a year {{method}} over {{years}} years on a baseline of {{baseline}}{{baselineYear}}{{due}}.",
  },
  check(ctx) {
    const target = ctx.data.target;
    if (!target || ctx.gains.length === 0) return [];
    const s = ctx.settings;
    const data = {
      achieved: ctx.money(target.riskAdjustedCashable, ctx.data.unit, "report"),
      target: ctx.money(target.value, ctx.data.unit, "report"),
      progress: formatPercent(target.progress),
      rate: formatPercent(s.targetRate),
      method: s.targetMethod,
      years: String(ctx.data.targetYears),
      baseline: ctx.money(ctx.data.baselineTotal ?? 0, ctx.data.unit, "report"),
      baselineYear: s.baselineYear !== null ? ` (${financialYearLabel(s.baselineYear)})` : "",
      due: s.targetYear !== null ? `, due ${financialYearLabel(s.targetYear)}` : "",
    };
    return [{ ...progressLocation(ctx), messageId: "progress", data }];
  },
});

/**
 * Exported like every rule: test/core/validate/rule-parity.test.ts finds rules by their modules' exports.
 * @public (the engine raises it by id; knip cannot see the parity test's run-time require)
 */
export const internalError = defineRule({
  id: "method.internal-error",
  principle: "method",
  severity: "warning",
  title: "A check could not be completed",
  checks: "Raised by the engine when a check stops on an unexpected workbook shape, naming the check; the other checks still run.",
  why: `${WHY_METHOD} When one check fails on an unexpected workbook shape, the others still run; this finding says which check did not.`,
  fix: "Report the workbook shape to the add-in's maintainers. The other findings are still valid.",
  example: { failing: "A check stopped on an unexpected cell.", passing: "Every check completes." },
  messages: { failed: "The check {{rule}} could not be completed ({{reason}}); its findings are missing from this report." },
  check() {
    return [];
  },
});

export const RULES_METHOD: readonly Rule[] = [
  serviceReduction,
  cashableShare,
  priceBase,
  deflateRecomputes,
  deflateForecast,
  mixedUnits,
  settingsReadable,
  settingsDefaults,
  progress,
  internalError,
];
