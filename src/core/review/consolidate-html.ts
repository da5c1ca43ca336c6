/**
 * The roll-up across returns as one self-contained HTML page (`vfm consolidate --format html`): no
 * script, no external file, styles inline, charts as inline SVG with a data table beside each, so it
 * opens anywhere, can be mailed to a Board, and prints on A4 landscape. One row per return links to
 * that return's findings further down the page (one click away).
 *
 * Everything from a workbook (body names, file names, messages, reasons) is escaped. Pure.
 */
import { rollUpFindings, rangesText, type ReportItem } from "./rollup";
import type { RuleCatalogue } from "../report/rule-info";
import { formatCellRef } from "../text/sheet-name";
import { formatDate } from "../validate/dates";
import { formatPercent } from "../validate/text";
import { PRINCIPLES } from "../validate/types";
import { pounds, toPenny, type Consolidation, type ConsolidatedReturn, type GroupAmount } from "./consolidate";
import { asAtText, count, failedPrinciples, onTrackWord, overallFigures, totalsLines, trajectoryRows } from "./consolidate-report";
import { ON_TRACK_WORDS, type OnTrackStatus } from "./on-track";
import { totalsLine, verdictWord } from "./verdict";

export interface BoardPackHtmlOptions {
  /** Rule titles and documentation links (https addresses only are linked). */
  catalogue?: RuleCatalogue;
  /** When the pack was made, shown in the footer (ISO date-time). */
  generatedAt?: string;
  /** "vfm 0.1.0", shown in the footer. */
  generator?: string;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text for HTML content or an attribute: escaped, and control characters (invalid in HTML) shown as U+FFFD. */
export function escapeHtml(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this replaces
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "\ufffd").replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);
}

const e = escapeHtml;
/** To the penny: a target phased by quarter can fall between pennies (the JSON keeps the exact figure). */
const money = (value: number | null) => (value === null ? "" : e(pounds(toPenny(value))));
/** Whole pounds, for chart labels: "£38.2m", "£1.17bn", "£950k". */
function shortMoney(value: number): string {
  const abs = Math.abs(value);
  const sign = value < 0 ? "-" : "";
  const fmt = (n: number, unit: string) => `${sign}£${Number(n.toPrecision(3)).toLocaleString("en-GB")}${unit}`;
  if (abs >= 1e9) return fmt(abs / 1e9, "bn");
  if (abs >= 1e6) return fmt(abs / 1e6, "m");
  if (abs >= 1e3) return fmt(abs / 1e3, "k");
  return `${sign}£${Math.round(abs)}`;
}

const STATUS_CLASS: Record<string, string> = {
  pass: "ok",
  warnings: "warn",
  fail: "bad",
  unreadable: "bad",
  "not checked": "muted",
  "not VfM": "muted",
};
const TRACK_CLASS: Record<OnTrackStatus, string> = { "on-track": "ok", "at-risk": "warn", "off-track": "bad" };

const CSS = `
:root { --ink: #1b1b1b; --muted: #505050; --line: #b1b4b6; --ok: #00703c; --okbg: #e3f1e8; --warn: #7a4d00; --warnbg: #fff4d6; --bad: #a3001b; --badbg: #fbe4e6; --accent: #1d4f91; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Arial, Helvetica, sans-serif; color: var(--ink); background: #fff; margin: 0; line-height: 1.4; font-size: 15px; }
.skip, .sr { position: absolute; left: -10000px; }
.nw { white-space: nowrap; }
.skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px 8px; outline: 3px solid #fd0; }
header, main, footer { max-width: 1400px; margin: 0 auto; padding: 0 20px; }
header { border-bottom: 4px solid var(--accent); padding-top: 12px; padding-bottom: 8px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 21px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 17px; margin: 20px 0 6px; }
p { margin: 4px 0 8px; }
a { color: var(--accent); }
a:focus { outline: 3px solid #fd0; }
.lead { font-size: 17px; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: 6px 0 12px; font-size: 13px; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border: 1px solid var(--line); padding: 3px 6px; vertical-align: top; text-align: left; }
th { background: #f3f2f1; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total td, tr.total th { font-weight: 700; border-top: 2px solid var(--ink); }
.tag { display: inline-block; padding: 0 6px; border-radius: 3px; font-weight: 600; white-space: nowrap; }
.ok { color: var(--ok); background: var(--okbg); }
.warn { color: var(--warn); background: var(--warnbg); }
.bad { color: var(--bad); background: var(--badbg); }
.muted { color: var(--muted); background: #f3f2f1; }
.figures { display: flex; flex-wrap: wrap; gap: 12px; margin: 8px 0; padding: 0; list-style: none; }
.figures li { border: 1px solid var(--line); border-left: 6px solid var(--accent); padding: 6px 10px; min-width: 200px; }
.figures .value { display: block; font-size: 20px; font-weight: 700; }
figure { margin: 8px 0 16px; }
figure svg { width: 100%; max-width: 900px; height: auto; display: block; }
figcaption { color: var(--muted); font-size: 13px; }
section.return { border-top: 1px solid var(--line); }
.back { font-size: 13px; }
footer { color: var(--muted); font-size: 13px; border-top: 1px solid var(--line); margin-top: 24px; padding-top: 8px; padding-bottom: 16px; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { font-size: 10pt; }
  header, main, footer { max-width: none; padding: 0; }
  .skip, .back { display: none; }
  .scroll { overflow: visible; }
  table { font-size: 8pt; page-break-inside: auto; }
  thead { display: table-header-group; }
  tr, figure, .figures li { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  section.return { break-before: auto; }
  a { color: inherit; text-decoration: none; }
  .tag { border: 1px solid currentColor; }
}
`;

/** Nice round steps for an axis from min to max. */
function ticks(min: number, max: number, count = 5): number[] {
  const span = max - min || Math.abs(max) || 1;
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  // From the step at or below min to the first step at or above max, so every value is inside the axis.
  for (let v = Math.floor(min / step) * step; ; v += step) {
    out.push(Number(v.toPrecision(12)));
    if (v >= max - step * 1e-9 && out.length >= 2) break;
  }
  return out;
}

interface Series {
  name: string;
  colour: string;
  dash?: string;
  marker: "circle" | "square" | "triangle" | "none";
  points: Array<{ x: number; y: number }>;
}

function marker(kind: Series["marker"], x: number, y: number, colour: string): string {
  if (kind === "circle") return `<circle cx="${x}" cy="${y}" r="4" fill="${colour}"/>`;
  if (kind === "square") return `<rect x="${x - 4}" y="${y - 4}" width="8" height="8" fill="${colour}"/>`;
  if (kind === "triangle") return `<path d="M${x} ${y - 5} L${x + 5} ${y + 4} L${x - 5} ${y + 4} Z" fill="${colour}"/>`;
  return "";
}

let chartCount = 0;

/** A line chart over quarters: `labels` are the x positions' labels. */
function lineChart(title: string, description: string, labels: readonly string[], series: readonly Series[]): string {
  const id = `chart-${++chartCount}`;
  const width = 900;
  const height = 340;
  const left = 80;
  const right = 20;
  const top = 20;
  const bottom = 80;
  const values = series.flatMap((s) => s.points.map((p) => p.y));
  const axis = ticks(Math.min(0, ...values), Math.max(1, ...values));
  const yMin = axis[0];
  const yMax = axis[axis.length - 1];
  const xOf = (i: number) => left + (labels.length <= 1 ? 0 : (i * (width - left - right)) / (labels.length - 1));
  const yOf = (v: number) => top + ((yMax - v) * (height - top - bottom)) / (yMax - yMin || 1);
  const parts: string[] = [];
  for (const v of axis) {
    parts.push(`<line x1="${left}" x2="${width - right}" y1="${yOf(v)}" y2="${yOf(v)}" stroke="#d8d8d8"/>`);
    parts.push(`<text x="${left - 6}" y="${yOf(v) + 4}" text-anchor="end" font-size="12" fill="#1b1b1b">${e(shortMoney(v))}</text>`);
  }
  const every = Math.max(1, Math.ceil(labels.length / 12));
  labels.forEach((label, i) => {
    if (i % every !== 0 && i !== labels.length - 1) return;
    parts.push(
      `<text x="${xOf(i)}" y="${height - bottom + 16}" text-anchor="end" font-size="12" fill="#1b1b1b" transform="rotate(-35 ${xOf(i)} ${height - bottom + 16})">${e(label)}</text>`,
    );
  });
  for (const s of series) {
    if (s.points.length === 0) continue;
    const d = s.points.map((p, i) => `${i === 0 ? "M" : "L"}${xOf(p.x).toFixed(1)} ${yOf(p.y).toFixed(1)}`).join(" ");
    parts.push(`<path d="${d}" fill="none" stroke="${s.colour}" stroke-width="2.5"${s.dash ? ` stroke-dasharray="${s.dash}"` : ""}/>`);
    for (const p of s.points) parts.push(marker(s.marker, xOf(p.x), yOf(p.y), s.colour));
  }
  // Legend under the axis labels.
  let lx = left;
  const ly = height - 14;
  for (const s of series) {
    parts.push(
      `<line x1="${lx}" x2="${lx + 28}" y1="${ly}" y2="${ly}" stroke="${s.colour}" stroke-width="2.5"${s.dash ? ` stroke-dasharray="${s.dash}"` : ""}/>`,
    );
    parts.push(marker(s.marker, lx + 14, ly, s.colour));
    parts.push(`<text x="${lx + 34}" y="${ly + 4}" font-size="12" fill="#1b1b1b">${e(s.name)}</text>`);
    lx += 44 + s.name.length * 6.6;
  }
  return `<svg viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-t ${id}-d" xmlns="http://www.w3.org/2000/svg"><title id="${id}-t">${e(title)}</title><desc id="${id}-d">${e(description)}</desc>${parts.join("")}</svg>`;
}

/** Horizontal bars, cashable and non-cashable side by side in one bar. */
function barChart(title: string, description: string, groups: readonly GroupAmount[]): string {
  const id = `chart-${++chartCount}`;
  const shown = groups.slice(0, 15);
  const width = 900;
  const row = 26;
  const left = 230;
  const right = 110;
  const top = 10;
  const height = top + shown.length * row + 50;
  const max = Math.max(1, ...shown.map((g) => Math.max(0, g.cashable) + Math.max(0, g.nonCashable)));
  const scale = (v: number) => (Math.max(0, v) * (width - left - right)) / max;
  const parts: string[] = [];
  shown.forEach((g, i) => {
    const y = top + i * row;
    const name = g.name.length > 34 ? `${g.name.slice(0, 33)}…` : g.name;
    parts.push(`<text x="${left - 8}" y="${y + 17}" text-anchor="end" font-size="12" fill="#1b1b1b">${e(name)}</text>`);
    const c = scale(g.cashable);
    const n = scale(g.nonCashable);
    parts.push(`<rect x="${left}" y="${y + 4}" width="${c.toFixed(1)}" height="18" fill="#1d4f91"/>`);
    parts.push(`<rect x="${(left + c).toFixed(1)}" y="${y + 4}" width="${n.toFixed(1)}" height="18" fill="#c25e00"/>`);
    parts.push(
      `<text x="${(left + c + n + 6).toFixed(1)}" y="${y + 17}" font-size="12" fill="#1b1b1b">${e(shortMoney(g.cashable + g.nonCashable))}</text>`,
    );
  });
  const ly = height - 20;
  parts.push(`<rect x="${left}" y="${ly - 9}" width="14" height="14" fill="#1d4f91"/>`);
  parts.push(`<text x="${left + 20}" y="${ly + 2}" font-size="12" fill="#1b1b1b">Cashable</text>`);
  parts.push(`<rect x="${left + 110}" y="${ly - 9}" width="14" height="14" fill="#c25e00"/>`);
  parts.push(`<text x="${left + 130}" y="${ly + 2}" font-size="12" fill="#1b1b1b">Non-cashable</text>`);
  return `<svg viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-t ${id}-d" xmlns="http://www.w3.org/2000/svg"><title id="${id}-t">${e(title)}</title><desc id="${id}-d">${e(description)}</desc>${parts.join("")}</svg>`;
}

const tag = (text: string, cls: string) => (text === "" ? "" : `<span class="tag ${cls}">${e(text)}</span>`);

function verdictTag(r: ConsolidatedReturn): string {
  const word = verdictWord(r.verdict);
  return tag(word, STATUS_CLASS[word] ?? "muted");
}

function trackTag(r: ConsolidatedReturn): string {
  const word = onTrackWord(r);
  return tag(word, r.onTrack ? TRACK_CLASS[r.onTrack.status] : "muted");
}

const hasFindingsSection = (r: ConsolidatedReturn) => r.status === "checked" || r.status === "not-vfm";

function returnsTable(c: Consolidation): string {
  const years = [...new Map([...c.totals.planned, ...c.totals.achieved].map((y) => [y.year, y.label]))].sort((a, b) => a[0] - b[0]);
  const head = [
    `<th scope="col">Body</th>`,
    `<th scope="col">Verdict</th>`,
    `<th scope="col" class="num">Baseline</th>`,
    `<th scope="col" class="num">Target</th>`,
    `<th scope="col" class="num">Risk-adjusted cashable gains</th>`,
    `<th scope="col" class="num">Progress</th>`,
    `<th scope="col">On track</th>`,
    ...years.map(([, label]) => `<th scope="col" class="num">Planned ${e(label)}</th>`),
    ...years.map(([, label]) => `<th scope="col" class="num">Achieved ${e(label)}</th>`),
    `<th scope="col">Errors by principle</th>`,
    `<th scope="col">Findings</th>`,
  ].join("");
  const rows = c.returns.map((r, i) => {
    const planned = new Map(r.planned.map((y) => [y.year, y.amount]));
    const achieved = new Map(r.achieved.map((y) => [y.year, y.amount]));
    const errors = PRINCIPLES.filter((p) => r.errorsByPrinciple[p] > 0)
      .map((p) => `<span class="nw">(${p})&nbsp;${r.errorsByPrinciple[p]}</span>`)
      .join(" ");
    const findings = hasFindingsSection(r)
      ? `<a href="#return-${i + 1}">${r.findings.length.toLocaleString("en-GB")} finding${r.findings.length === 1 ? "" : "s"}<span class="sr"> for ${e(r.body)}</span></a>`
      : `<a href="#h-unreadable">why it was not checked<span class="sr">: ${e(r.body)}</span></a>`;
    return `<tr><th scope="row">${e(r.body)}<br><small>${e(r.file)}</small></th><td>${verdictTag(r)}</td><td class="num">${money(r.baseline)}</td><td class="num">${money(r.target)}</td><td class="num">${money(r.riskAdjustedCashable)}</td><td class="num">${r.progress === null ? "" : e(formatPercent(r.progress))}</td><td>${trackTag(r)}</td>${years.map(([y]) => `<td class="num">${money(planned.get(y) ?? null)}</td>`).join("")}${years.map(([y]) => `<td class="num">${money(achieved.get(y) ?? null)}</td>`).join("")}<td>${errors === "" && r.status === "checked" ? "none" : errors}</td><td>${findings}</td></tr>`;
  });
  const t = c.totals;
  const plannedTotal = new Map(t.planned.map((y) => [y.year, y.amount]));
  const achievedTotal = new Map(t.achieved.map((y) => [y.year, y.amount]));
  const failing = PRINCIPLES.filter((p) => t.returnsFailing[p] > 0)
    .map((p) => `(${p})&nbsp;${t.returnsFailing[p]}`)
    .join(", ");
  rows.push(
    `<tr class="total"><th scope="row">Total (${t.counted} of ${t.files} counted)</th><td></td><td class="num">${money(t.baseline)}</td><td class="num">${money(t.target)}</td><td class="num">${money(t.riskAdjustedCashable)}</td><td class="num">${t.progress === null ? "" : e(formatPercent(t.progress))}</td><td>${t.onTrack} on, ${t.atRisk} at risk, ${t.offTrack} off</td>${years.map(([y]) => `<td class="num">${money(plannedTotal.get(y) ?? null)}</td>`).join("")}${years.map(([y]) => `<td class="num">${money(achievedTotal.get(y) ?? null)}</td>`).join("")}<td>${failing === "" ? "none" : `returns failing: ${failing}`}</td><td></td></tr>`,
  );
  return `<div class="scroll" role="region" aria-label="Returns, one row each" tabindex="0"><table><caption>One row per return; amounts in £. Planned: risk-adjusted cashable gains in each year's profile. Achieved: the latest quarterly Actual in the year.</caption><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table></div>`;
}

function overallSection(c: Consolidation): string {
  const t = c.totals;
  const o = c.overall;
  const figures = overallFigures(c);
  const status = o
    ? `<p class="lead">The returns together are ${tag(ON_TRACK_WORDS[o.status], TRACK_CLASS[o.status])} against the overall target.</p>`
    : "";
  return `<section aria-labelledby="h-overall"><h2 id="h-overall">${o ? "Against the overall target" : "Totals"}</h2>${status}<ul class="figures">${figures.map(([k, v]) => `<li>${e(k)}<span class="value">${e(v)}</span></li>`).join("")}</ul>${totalsLines(
    c,
  )
    .map((line) => `<p>${e(line)}</p>`)
    .join("")}<p>${e(totalsLine(t))}</p></section>`;
}

function yearsTable(c: Consolidation): string {
  const planned = new Map(c.totals.planned.map((y) => [y.year, y]));
  const achieved = new Map(c.totals.achieved.map((y) => [y.year, y]));
  const due = new Map((c.overall?.target.yearTargets ?? []).map((y) => [y.year, y.amount]));
  const years = [
    ...new Map([...c.totals.planned, ...c.totals.achieved, ...(c.overall?.target.yearTargets ?? [])].map((y) => [y.year, y.label])),
  ].sort((a, b) => a[0] - b[0]);
  if (years.length === 0) return "";
  const rows = years.map(
    ([year, label]) =>
      `<tr><th scope="row">${e(label)}</th><td class="num">${money(planned.get(year)?.amount ?? null)}</td><td class="num">${money(achieved.get(year)?.amount ?? null)}</td><td class="num">${achieved.get(year)?.returns ?? 0}</td><td class="num">${money(due.get(year) ?? null)}</td></tr>`,
  );
  return `<section aria-labelledby="h-years"><h2 id="h-years">By financial year</h2><table><caption>Risk-adjusted cashable gains, £</caption><thead><tr><th scope="col">Year</th><th scope="col" class="num">Planned</th><th scope="col" class="num">Achieved</th><th scope="col" class="num">Returns reporting</th><th scope="col" class="num">Overall target due</th></tr></thead><tbody>${rows.join("")}</tbody></table></section>`;
}

function trajectorySection(c: Consolidation): string {
  const rows = trajectoryRows(c);
  if (rows.length === 0) return "";
  const labels = rows.map((r) => r.label);
  const points = (pick: (r: (typeof rows)[number]) => number | null) =>
    rows.flatMap((r, x) => {
      const y = pick(r);
      return y === null ? [] : [{ x, y }];
    });
  const series: Series[] = [
    { name: "Returns' target path", colour: "#1d4f91", marker: "none", points: points((r) => r.path) },
    ...(c.overall?.target.path.length
      ? [{ name: "Overall target path", colour: "#6b2c91", dash: "8 5", marker: "none" as const, points: points((r) => r.overall) }]
      : []),
    { name: "Trajectory", colour: "#505050", dash: "3 4", marker: "square", points: points((r) => r.trajectory) },
    { name: "Actual", colour: "#c25e00", marker: "circle", points: points((r) => r.actual) },
  ];
  const description = `Cumulative risk-adjusted cashable gains by quarter from ${labels[0]} to ${labels[labels.length - 1]}. The table below gives every figure.`;
  const table = `<div class="scroll" role="region" aria-label="Total trajectory figures" tabindex="0"><table><caption>Total trajectory, £ (cumulative)</caption><thead><tr><th scope="col">Quarter</th><th scope="col" class="num">Returns' target path</th><th scope="col" class="num">Overall target path</th><th scope="col" class="num">Trajectory</th><th scope="col" class="num">Actual</th><th scope="col" class="num">Returns reporting</th></tr></thead><tbody>${rows
    .map(
      (r) =>
        `<tr><th scope="row">${e(r.label)}</th><td class="num">${money(r.path)}</td><td class="num">${money(r.overall)}</td><td class="num">${money(r.trajectory)}</td><td class="num">${money(r.actual)}</td><td class="num">${r.reporting}</td></tr>`,
    )
    .join("")}</tbody></table></div>`;
  return `<section aria-labelledby="h-trajectory"><h2 id="h-trajectory">Total trajectory</h2><figure>${lineChart("Total trajectory", description, labels, series)}<figcaption>${e(description)}</figcaption></figure>${table}</section>`;
}

function groupsBlock(id: string, heading: string, what: string, groups: readonly GroupAmount[]): string {
  if (groups.length === 0) return "";
  const description = `Risk-adjusted net gains by ${what}, cashable and non-cashable${groups.length > 15 ? ` (the first 15 of ${groups.length}; the table gives all)` : ""}. Service reductions are left out.`;
  const table = `<table><caption>${e(heading)}, £</caption><thead><tr><th scope="col">${e(what[0].toUpperCase() + what.slice(1))}</th><th scope="col" class="num">Gains</th><th scope="col" class="num">Cashable</th><th scope="col" class="num">Non-cashable</th><th scope="col" class="num">Type not given</th></tr></thead><tbody>${groups
    .map(
      (g) =>
        `<tr><th scope="row">${e(g.name)}</th><td class="num">${g.gains}</td><td class="num">${money(g.cashable)}</td><td class="num">${money(g.nonCashable)}</td><td class="num">${money(g.unclassified)}</td></tr>`,
    )
    .join("")}</tbody></table>`;
  return `<div><h3 id="${id}">${e(heading)}</h3><figure>${barChart(heading, description, groups)}<figcaption>${e(description)}</figcaption></figure>${table}</div>`;
}

function itemRow(item: ReportItem, catalogue: RuleCatalogue | undefined): string {
  const finding = item.kind === "finding" ? item.finding : item.group.findings[0];
  const rule = catalogue?.rule(finding.rule);
  const link = rule && /^https:\/\//.test(rule.docPath) ? `<a href="${e(rule.docPath)}">${e(finding.rule)}</a>` : e(finding.rule);
  const severity = finding.severity === "info" ? "note" : finding.severity;
  const cls = finding.severity === "error" ? "bad" : finding.severity === "warning" ? "warn" : "muted";
  const where =
    item.kind === "finding"
      ? finding.sheet === null || finding.cell === null
        ? "the whole workbook"
        : formatCellRef(finding.sheet, finding.cell)
      : rangesText(item.group);
  const what =
    item.kind === "finding"
      ? e(finding.message)
      : `${item.group.count.toLocaleString("en-GB")} findings: ${e(rule?.title ?? finding.rule)}. For example: ${e(finding.message)}`;
  return `<tr><td>${tag(severity, cls)}</td><td>(${e(finding.principle)})</td><td>${link}</td><td>${e(where)}</td><td>${what}</td></tr>`;
}

function returnSection(r: ConsolidatedReturn, index: number, catalogue: RuleCatalogue | undefined): string {
  const id = `return-${index + 1}`;
  const failed = failedPrinciples(r);
  const lines = [
    `<p>${verdictTag(r)} ${trackTag(r)} ${e(r.file)}${r.reportingDate ? `, as at ${e(formatDate(r.reportingDate))}` : ""}. ${e(`${count(r.verdict.errors, "error")}, ${count(r.verdict.warnings, "warning")}, ${count(r.verdict.infos, "note")}`)}${failed ? `; errors in ${e(failed)}` : ""}.</p>`,
  ];
  if (r.onTrack) lines.push(`<p>${e(r.onTrack.reason)}</p>`);
  if (r.status === "not-vfm") lines.push("<p>No VfM tables were found in this workbook, so nothing in it could be checked or counted.</p>");
  const items = rollUpFindings(r.findings);
  const table =
    items.length === 0
      ? "<p>No findings.</p>"
      : `<div class="scroll" role="region" aria-label="Findings for ${e(r.body)}" tabindex="0"><table><caption>Findings for ${e(r.body)}</caption><thead><tr><th scope="col">Severity</th><th scope="col">Principle</th><th scope="col">Rule</th><th scope="col">Where</th><th scope="col">What</th></tr></thead><tbody>${items
          .map((item) => itemRow(item, catalogue))
          .join("")}</tbody></table></div>`;
  return `<section class="return" id="${id}" aria-labelledby="${id}-h"><h3 id="${id}-h">${index + 1}. ${e(r.body)}</h3>${lines.join("")}${table}<p class="back"><a href="#returns">Back to the returns</a></p></section>`;
}

/** The board pack page. */
export function boardPackHtml(c: Consolidation, options: BoardPackHtmlOptions = {}): string {
  chartCount = 0;
  const asAt = asAtText(c);
  const title = `Value for money roll-up: ${c.returns.length} return${c.returns.length === 1 ? "" : "s"}${asAt ? `, ${asAt}` : ""}`;
  const unreadable = c.returns.filter((r) => r.status === "unreadable" || r.status === "not-checked");
  const unreadableList =
    unreadable.length === 0
      ? ""
      : `<section aria-labelledby="h-unreadable"><h2 id="h-unreadable">Files not checked</h2><ul>${unreadable.map((r) => `<li><strong>${e(r.file)}</strong>: ${e(r.reason ?? "")}</li>`).join("")}</ul></section>`;
  const findings = c.returns
    .map((r, i) => (hasFindingsSection(r) ? returnSection(r, i, options.catalogue) : ""))
    .filter((s) => s !== "")
    .join("");
  const footer = [options.generator ? `Made by ${e(options.generator)}` : "", options.generatedAt ? `on ${e(options.generatedAt)}` : ""]
    .filter((s) => s !== "")
    .join(" ");
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>${CSS}</style>
</head>
<body>
<a class="skip" href="#returns">Skip to the returns</a>
<header><h1>${e(title)}</h1><p>Amounts in £, every return converted from its own unit and added up exactly. Only checked VfM workbooks add to the totals; every file given has a row.</p></header>
<main>
${overallSection(c)}
<section aria-labelledby="returns"><h2 id="returns" tabindex="-1">Returns</h2>${returnsTable(c)}</section>
${unreadableList}
${yearsTable(c)}
${trajectorySection(c)}
<section aria-labelledby="h-groups"><h2 id="h-groups">Gains by workstream and category</h2><div>${groupsBlock("h-workstreams", "Gains by workstream", "workstream", c.totals.byWorkstream)}${groupsBlock("h-categories", "Gains by category", "category", c.totals.byCategory)}</div></section>
<section aria-labelledby="h-findings"><h2 id="h-findings">Findings by return</h2>${findings || "<p>No return could be checked.</p>"}</section>
</main>
<footer><p>${footer ? `${footer}. ` : ""}Checked against the 9 measurement principles of the Home Office CSR07 Value for Money Delivery Agreement and the method rules.</p></footer>
</body>
</html>
`;
}
