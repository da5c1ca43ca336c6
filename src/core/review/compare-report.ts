/**
 * A comparison of two returns (compare.ts) as people read it: grouped text for a Board secretary
 * (`vfm compare`), and rows for a report sheet (the .xlsx writer for `--out`, the Office adapter for
 * "Write changes to a sheet"). JSON is the comparison itself.
 */
import { financialYearLabel, terminalSafe } from "../text";
import { formatDate } from "../validate/dates";
import { formatPlainDecimal } from "../calc";
import type { MoneyUnit } from "../validate/text";
import type { TemplateSpec } from "../template/types";
import type { CellValue } from "../workbook/model";
import type { GainRef, Movement, Rating, ReturnComparison, YearMovement } from "./compare";

/** Workbook text shown on a terminal: control and bidi characters made visible, one line, capped. */
function safe(text: string, max = 80): string {
  return terminalSafe(text.trim(), { maxLength: max });
}

/** Every digit of the decimal, thousands grouped, pence always in two places at least: "38,249,887.50", "38,249.8875". */
function exactAmount(value: number): string {
  const plain = formatPlainDecimal(Math.abs(value));
  const [whole, fraction = ""] = plain.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === "" ? grouped : `${grouped}.${fraction.padEnd(2, "0")}`;
}

/** "£1,150,000", "-£35,000", "£13,180k" (the return's unit after the figure), never rounded. */
export function money(value: number, unit: MoneyUnit): string {
  const text = `£${exactAmount(value)}${unit.slice(1)}`;
  return value < 0 ? `-${text}` : text;
}

/** "+£50,000", "-£150,000", "no change". */
export function signedMoney(value: number, unit: MoneyUnit): string {
  if (value === 0) return "no change";
  return value > 0 ? `+${money(value, unit)}` : money(value, unit);
}

function moneyOrBlank(value: number | null, unit: MoneyUnit): string {
  return value === null ? "blank" : money(value, unit);
}

/** "£1,130,000 -> £980,000 (-£150,000)". */
function movementText(m: Movement, unit: MoneyUnit, arrow: string): string {
  const change = m.change === null ? "" : ` (${signedMoney(m.change, unit)})`;
  return `${moneyOrBlank(m.last, unit)} ${arrow} ${moneyOrBlank(m.current, unit)}${change}`;
}

function gainLabel(gain: GainRef): string {
  const id = gain.id === null ? "(no ID)" : safe(gain.id, 20);
  return gain.name === null ? id : `${id} ${safe(gain.name, 60)}`;
}

function percent(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(12))}%`;
}

function ratingText(rating: Rating): string {
  const fraction = rating.deliverability === null ? null : percent(rating.deliverability);
  if (rating.rag !== null) return fraction === null ? safe(rating.rag, 20) : `${safe(rating.rag, 20)} (${fraction})`;
  return fraction ?? "not rated";
}

function yearsText(years: readonly YearMovement[], unit: MoneyUnit, arrow: string): string {
  return years
    .map((y) => `${financialYearLabel(y.year)} ${moneyOrBlank(y.last ?? 0, unit)} ${arrow} ${moneyOrBlank(y.current ?? 0, unit)}`)
    .join(", ");
}

function yearOrNone(year: number | null): string {
  return year === null ? "no year" : financialYearLabel(year);
}

const TYPE_LABEL = { cashable: "cashable", "non-cashable": "non-cashable" } as const;

export interface CompareTextOptions {
  /** "→" rather than "->" (a UTF-8 terminal). */
  unicode?: boolean;
}

/** The comparison in words, grouped: the text report prints it, the pane's panel shows it. */
export interface ComparisonDescription {
  /** "What changed: a.xlsx (as at 31/07/2026) -> b.xlsx (as at 31/10/2026)". */
  heading: string;
  /** "Amounts in £." */
  unitLine: string;
  /** The sentence to show when nothing changed; null when something did. */
  noChanges: string | null;
  /** Net, risk-adjusted and risk-adjusted cashable gains: last, this and the movement. */
  totals: Array<{ label: string; text: string }>;
  /** The non-empty groups, most important first. */
  sections: Array<{ title: string; items: string[] }>;
  /** "Unchanged: 3 gains." */
  unchanged: string;
}

export function describeComparison(c: ReturnComparison, options: CompareTextOptions = {}): ComparisonDescription {
  const arrow = options.unicode ? "→" : "->";
  const u = c.unit;
  const asAt = (side: ReturnComparison["last"]) => `${safe(side.file)} (as at ${formatDate(side.reportingDate)})`;
  const unitNote = c.last.unit === c.current.unit ? "" : ` (the last return's ${c.last.unit} converted exactly)`;
  const sections: ComparisonDescription["sections"] = [];
  const section = (title: string, items: string[]) => {
    if (items.length > 0) sections.push({ title, items });
  };
  const totals = [
    { label: "Net gains", text: movementText(c.totals.net, u, arrow) },
    { label: "Risk-adjusted gains", text: movementText(c.totals.riskAdjusted, u, arrow) },
    {
      label: "Risk-adjusted cashable gains",
      text: `${movementText(c.totals.cashableRiskAdjusted, u, arrow)} (these count against the target)`,
    },
  ];
  const restated: string[] = [];
  if (c.restated.baseline) restated.push(`Baseline: ${movementText(c.restated.baseline, u, arrow)}`);
  if (c.restated.baselineYear)
    restated.push(`Baseline year: ${yearOrNone(c.restated.baselineYear.last)} ${arrow} ${yearOrNone(c.restated.baselineYear.current)}`);
  if (c.restated.target) restated.push(`Target: ${movementText(c.restated.target, u, arrow)}`);
  if (c.restated.targetBasis) restated.push(`Target basis: ${c.restated.targetBasis.last} ${arrow} ${c.restated.targetBasis.current}`);
  section("Baseline and target restated", restated);

  const snapshot = (g: ReturnComparison["added"][number]) => {
    const parts = [
      g.type ? TYPE_LABEL[g.type] : "type not given",
      `net ${moneyOrBlank(g.net, u)}`,
      `risk-adjusted ${moneyOrBlank(g.riskAdjusted, u)}`,
    ];
    if (g.firstYear !== null) parts.push(`first accrues ${financialYearLabel(g.firstYear)}`);
    return `${gainLabel(g)}: ${parts.join(", ")}`;
  };
  section("Gains added", c.added.map(snapshot));
  section("Gains removed", c.removed.map(snapshot));
  section(
    "Slippage: profile moved to a later year",
    c.slipped.map((s) => {
      const parts: string[] = [];
      if (s.movedLater > 0) parts.push(`${money(s.movedLater, u)} moved to later years`);
      if (s.firstYear.last !== s.firstYear.current)
        parts.push(`first accrues ${yearOrNone(s.firstYear.current)} (was ${yearOrNone(s.firstYear.last)})`);
      return `${gainLabel(s)}: ${parts.join("; ")}; ${yearsText(s.years, u, arrow)}`;
    }),
  );
  section(
    "Profile changed (not slipped)",
    c.reprofiled.map((r) => `${gainLabel(r)}: ${yearsText(r.years, u, arrow)}`),
  );
  section(
    "Net and risk-adjusted movements",
    c.movements.map((m) => {
      const parts: string[] = [];
      if (m.net.last !== m.net.current) parts.push(`net ${movementText(m.net, u, arrow)}`);
      if (m.riskAdjusted.last !== m.riskAdjusted.current) parts.push(`risk-adjusted ${movementText(m.riskAdjusted, u, arrow)}`);
      if (parts.length === 0) {
        // Gross and costs moved together: the net and risk-adjusted gains stand.
        if (m.gross.last !== m.gross.current) parts.push(`gross ${movementText(m.gross, u, arrow)}`);
        if (m.costs.last !== m.costs.current) parts.push(`costs ${movementText(m.costs, u, arrow)}`);
        parts.push("net and risk-adjusted unchanged");
      }
      return `${gainLabel(m)}: ${parts.join("; ")}`;
    }),
  );
  section(
    "RAG and deliverability changes",
    c.ratings.map((r) => `${gainLabel(r)}: ${ratingText(r.last)} ${arrow} ${ratingText(r.current)}`),
  );
  section(
    "Reclassified",
    c.reclassified.map(
      (r) =>
        `${gainLabel(r)}: ${r.last ? TYPE_LABEL[r.last] : "type not given"} ${arrow} ${r.current ? TYPE_LABEL[r.current] : "type not given"}`,
    ),
  );
  section(
    "Quarters revised after they were reported",
    c.revisedQuarters.map((q) =>
      q.current === null
        ? `${safe(q.label, 30)} ${q.field}: ${money(q.last!, u)} ${arrow} blank (no longer reported)`
        : `${safe(q.label, 30)} ${q.field}: ${movementText(q, u, arrow)}`,
    ),
  );
  section(
    "Quarters reported for the first time",
    c.newQuarters.map((q) => `${safe(q.label, 30)}: actual ${money(q.actual, u)}`),
  );
  section(
    "IDs changed (matched by name)",
    c.matchedByName.map((m) =>
      `${m.lastId === null ? "(no ID)" : safe(m.lastId, 20)} ${arrow} ${m.id === null ? "(no ID)" : safe(m.id, 20)} ${m.name === null ? "" : safe(m.name, 60)}`.trimEnd(),
    ),
  );
  section(
    "Renamed",
    c.renamed.map(
      (r) => `${r.id === null ? "(no ID)" : safe(r.id, 20)}: "${safe(r.last ?? "", 60)}" ${arrow} "${safe(r.current ?? "", 60)}"`,
    ),
  );
  return {
    heading: `What changed: ${asAt(c.last)} ${arrow} ${asAt(c.current)}`,
    unitLine: `Amounts in ${u}${unitNote}.`,
    noChanges: c.noChanges
      ? `No changes: the same ${c.unchanged === 1 ? "gain" : `${c.unchanged} gains`}, figures, profiles, ratings, baseline, target and quarters. Layout and formatting are not compared.`
      : null,
    totals,
    sections,
    unchanged: `Unchanged: ${c.unchanged} ${c.unchanged === 1 ? "gain" : "gains"}.`,
  };
}

/** The comparison for a person: what changed, grouped, most important first. */
export function formatComparisonText(c: ReturnComparison, options: CompareTextOptions = {}): string {
  const d = describeComparison(c, options);
  const lines = [d.heading, d.unitLine];
  if (d.noChanges !== null) return [...lines, "", d.noChanges].join("\n") + "\n";
  lines.push("", "In total", ...d.totals.map((t) => `  ${t.label.padEnd(30)}${t.text}`));
  for (const s of d.sections) lines.push("", `${s.title} (${s.items.length})`, ...s.items.map((item) => `  ${item}`));
  lines.push("", d.unchanged);
  return lines.join("\n") + "\n";
}

/** One row of a changes sheet. Amounts are numbers in the comparison's unit; blank is null. */
export interface ChangeRow {
  section: string;
  id: string | null;
  gain: string | null;
  change: string;
  last: number | string | null;
  current: number | string | null;
  movement: number | null;
}

/** Headers of a changes sheet; the amount columns name the unit. */
export function changeHeaders(unit: MoneyUnit): string[] {
  return ["Section", "ID", "Gain or item", "What changed", `Last return (${unit})`, `This return (${unit})`, `Movement (${unit})`];
}

export function changeRowValues(row: ChangeRow): CellValue[] {
  return [row.section, row.id, row.gain, row.change, row.last, row.current, row.movement];
}

/** Every change as rows, in the text report's order (a comparison without changes has none). */
export function changeRows(c: ReturnComparison): ChangeRow[] {
  if (c.noChanges) return [];
  const rows: ChangeRow[] = [];
  const amount = (section: string, change: string, m: Movement, gain: GainRef | null = null) =>
    rows.push({ section, id: gain?.id ?? null, gain: gain?.name ?? null, change, last: m.last, current: m.current, movement: m.change });
  amount("In total", "Net gains", c.totals.net);
  amount("In total", "Risk-adjusted gains", c.totals.riskAdjusted);
  amount("In total", "Risk-adjusted cashable gains (count against the target)", c.totals.cashableRiskAdjusted);
  if (c.restated.baseline) amount("Restated", "Baseline", c.restated.baseline);
  if (c.restated.baselineYear) {
    const y = c.restated.baselineYear;
    rows.push({
      section: "Restated",
      id: null,
      gain: null,
      change: "Baseline year",
      last: yearOrNone(y.last),
      current: yearOrNone(y.current),
      movement: null,
    });
  }
  if (c.restated.target) amount("Restated", "Target", c.restated.target);
  if (c.restated.targetBasis) {
    rows.push({
      section: "Restated",
      id: null,
      gain: null,
      change: "Target basis",
      last: c.restated.targetBasis.last,
      current: c.restated.targetBasis.current,
      movement: null,
    });
  }
  for (const g of c.added)
    rows.push({ section: "Added", id: g.id, gain: g.name, change: "Net gain", last: null, current: g.net, movement: g.net });
  for (const g of c.removed)
    rows.push({
      section: "Removed",
      id: g.id,
      gain: g.name,
      change: "Net gain",
      last: g.net,
      current: null,
      movement: g.net === null ? null : -g.net,
    });
  for (const s of c.slipped) {
    if (s.movedLater > 0)
      rows.push({
        section: "Slipped",
        id: s.id,
        gain: s.name,
        change: "Value moved to later years",
        last: null,
        current: null,
        movement: s.movedLater,
      });
    if (s.firstYear.last !== s.firstYear.current) {
      rows.push({
        section: "Slipped",
        id: s.id,
        gain: s.name,
        change: "First year of accrual",
        last: yearOrNone(s.firstYear.last),
        current: yearOrNone(s.firstYear.current),
        movement: null,
      });
    }
    for (const y of s.years)
      amount("Slipped", `Profile ${financialYearLabel(y.year)}`, { last: y.last ?? 0, current: y.current ?? 0, change: y.change }, s);
  }
  for (const r of c.reprofiled) {
    for (const y of r.years)
      amount(
        "Profile changed",
        `Profile ${financialYearLabel(y.year)}`,
        { last: y.last ?? 0, current: y.current ?? 0, change: y.change },
        r,
      );
  }
  for (const m of c.movements) {
    if (m.net.last !== m.net.current) amount("Movement", "Net gain", m.net, m);
    if (m.riskAdjusted.last !== m.riskAdjusted.current) amount("Movement", "Risk-adjusted gain", m.riskAdjusted, m);
    if (m.net.last === m.net.current && m.riskAdjusted.last === m.riskAdjusted.current) {
      if (m.gross.last !== m.gross.current) amount("Movement", "Gross gain", m.gross, m);
      if (m.costs.last !== m.costs.current) amount("Movement", "Costs", m.costs, m);
    }
  }
  for (const r of c.ratings)
    rows.push({
      section: "Rating",
      id: r.id,
      gain: r.name,
      change: "RAG / deliverability",
      last: ratingText(r.last),
      current: ratingText(r.current),
      movement: null,
    });
  for (const r of c.reclassified)
    rows.push({ section: "Reclassified", id: r.id, gain: r.name, change: "Type", last: r.last, current: r.current, movement: null });
  for (const q of c.revisedQuarters) {
    rows.push({
      section: "Quarter revised",
      id: null,
      gain: q.label,
      change: q.field === "actual" ? "Actual" : "Trajectory",
      last: q.last,
      current: q.current,
      movement: q.change,
    });
  }
  for (const q of c.newQuarters)
    rows.push({ section: "Quarter reported", id: null, gain: q.label, change: "Actual", last: null, current: q.actual, movement: null });
  for (const m of c.matchedByName)
    rows.push({ section: "ID changed", id: m.id, gain: m.name, change: "Matched by name", last: m.lastId, current: m.id, movement: null });
  for (const r of c.renamed)
    rows.push({ section: "Renamed", id: r.id, gain: r.current, change: "Name", last: r.last, current: r.current, movement: null });
  return rows;
}

/** The heading lines above a changes table. */
export function changeHeadingLines(c: ReturnComparison): string[] {
  const asAt = (side: ReturnComparison["last"]) => `${side.file} (as at ${formatDate(side.reportingDate)})`;
  return [
    `Last return: ${asAt(c.last)}`,
    `This return: ${asAt(c.current)}`,
    c.noChanges
      ? "No changes: the same gains, figures, profiles, ratings, baseline, target and quarters (layout and formatting are not compared)."
      : `Amounts in ${c.unit}. ${c.unchanged} ${c.unchanged === 1 ? "gain" : "gains"} unchanged.`,
  ];
}

const MONEY_FORMAT = "£#,##0.00;[Red]-£#,##0.00";

/** The comparison as a one-sheet workbook for the .xlsx writer (`vfm compare --out`). */
export function changesWorkbookSpec(c: ReturnComparison): TemplateSpec {
  const headers = changeHeaders(c.unit);
  const widths = [16, 10, 44, 44, 20, 20, 18];
  return {
    sheets: [
      {
        name: "Changes",
        title: "What changed since the last return",
        lines: changeHeadingLines(c),
        table: {
          name: "tblVfmChanges",
          columns: headers.map((header, i) => ({ header, width: widths[i], ...(i >= 4 ? { numFmt: MONEY_FORMAT } : {}) })),
          rows: changeRows(c).map(changeRowValues),
          inputRows: 0,
        },
      },
    ],
  };
}
