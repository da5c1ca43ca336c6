/**
 * The roll-up across returns (consolidate.ts) as text for a terminal and as the board pack workbook
 * (a TemplateSpec the .xlsx writer renders): a Summary sheet with one row per return and the totals
 * against the overall target, sheets for the totals by year, the total trajectory and the gains by
 * workstream and category, each with a native chart, and one sheet per return with its findings,
 * named and linked in the Summary's "Findings" column (one click away), linking back. Pure.
 */
import { oneLine } from "../text/index";
import { formatDate } from "../validate/dates";
import { formatPercent } from "../validate/text";
import { PRINCIPLES, type PrincipleKey } from "../validate/types";
import type { TemplateChart, TemplateSheet, TemplateSpec } from "../template/types";
import type { CellValue } from "../workbook/model";
import { pounds, type Consolidation, type ConsolidatedReturn, type GroupAmount } from "./consolidate";
import { ON_TRACK_WORDS } from "./on-track";
import { totalsLine, verdictWord } from "./verdict";

const principleList = (keys: readonly PrincipleKey[]) => keys.map((p) => `(${p})`).join(" ");
/** "1 return", "3 returns". */
export const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

/** The principles a return has errors under, "(ii) (iii)"; "" for none. */
export function failedPrinciples(r: ConsolidatedReturn): string {
  return principleList(PRINCIPLES.filter((p) => r.errorsByPrinciple[p] > 0));
}

/** "off track", "on track", "not judged" (no target or nothing to judge), "" when the file was not checked. */
export function onTrackWord(r: ConsolidatedReturn): string {
  if (r.status !== "checked") return "";
  return r.onTrack ? ON_TRACK_WORDS[r.onTrack.status] : "not judged";
}

/** One line for a return after its verdict word. */
function returnLine(r: ConsolidatedReturn): string {
  if (r.status === "unreadable" || r.status === "not-checked") return r.reason ?? "";
  if (r.status === "not-vfm") return "no VfM tables found";
  const parts: string[] = [];
  if (r.target !== null) parts.push(`target ${pounds(r.target)}`);
  if (r.riskAdjustedCashable !== null)
    parts.push(`gains ${pounds(r.riskAdjustedCashable)}${r.progress === null ? "" : ` (${formatPercent(r.progress)})`}`);
  parts.push(onTrackWord(r));
  const failed = failedPrinciples(r);
  parts.push(failed === "" ? "no errors" : `errors in ${failed}`);
  return parts.join(", ");
}

/** The lines the totals and the overall target read as, for the text output and the Summary sheet. */
export function totalsLines(c: Consolidation): string[] {
  const t = c.totals;
  const lines = [
    `Totals over ${count(t.counted, "checked return")}: baseline ${pounds(t.baseline)}, target ${pounds(t.target)}, risk-adjusted cashable gains ${pounds(t.riskAdjustedCashable)}${t.progress === null ? "" : ` (${formatPercent(t.progress)} of the returns' targets)`}; ${t.onTrack} on track, ${t.atRisk} at risk, ${t.offTrack} off track${t.notJudged > 0 ? `, ${t.notJudged} not judged` : ""}.`,
  ];
  if (t.planned.length > 0)
    lines.push(`Planned (risk-adjusted cashable): ${t.planned.map((y) => `${y.label} ${pounds(y.amount)}`).join(", ")}.`);
  if (t.achieved.length > 0)
    lines.push(
      `Achieved (latest quarter reported in the year): ${t.achieved.map((y) => `${y.label} ${pounds(y.amount)} (${count(y.returns, "return")})`).join(", ")}.`,
    );
  if (c.overall) lines.push(...overallLines(c));
  else lines.push("No overall target stated: give --overall-target AMOUNT, or --target-rate RATE --baseline AMOUNT.");
  return lines;
}

/** The lines the totals against a stated overall target read as (none without one): the text output, the board pack, the page. */
export function overallLines(c: Consolidation): string[] {
  const o = c.overall;
  if (!o) return [];
  const short = o.shortfall > 0 ? `, ${pounds(o.shortfall)} short` : ", the target is met";
  const lines = [
    `Overall target: ${o.target.description}. The returns' risk-adjusted cashable gains reach ${pounds(o.riskAdjustedCashable)} (${formatPercent(o.progress)})${short}: ${ON_TRACK_WORDS[o.status]}.`,
  ];
  if (o.toDate)
    lines.push(
      `To date: ${pounds(o.toDate.amount)} delivered by ${o.toDate.quarter} (${count(o.toDate.returns, "return")}) against ${pounds(o.toDate.due)} due on the overall path (${formatPercent(o.toDate.share)}).`,
    );
  const covered =
    o.baselineCovered === null
      ? ""
      : ` The returns' baselines add up to ${pounds(c.totals.baseline)}, ${formatPercent(o.baselineCovered)} of the stated baseline.`;
  lines.push(`The returns' own targets add up to ${pounds(o.returnTargets)}.${covered}`);
  return lines;
}

/** The headline figures against the overall target (or, without one, the returns' own targets), as the board pack lists them. */
export function overallFigures(c: Consolidation): Array<[string, string]> {
  const t = c.totals;
  const o = c.overall;
  const figures: Array<[string, string]> = [];
  if (o) {
    figures.push(["Overall target", pounds(o.target.amount)]);
    figures.push(["Risk-adjusted cashable gains", `${pounds(o.riskAdjustedCashable)} (${formatPercent(o.progress)})`]);
    figures.push([o.shortfall > 0 ? "Short of the target by" : "Target met", o.shortfall > 0 ? pounds(o.shortfall) : "yes"]);
  } else {
    figures.push(["Returns' targets", pounds(t.target)]);
    figures.push([
      "Risk-adjusted cashable gains",
      `${pounds(t.riskAdjustedCashable)}${t.progress === null ? "" : ` (${formatPercent(t.progress)})`}`,
    ]);
  }
  figures.push(["Returns", `${t.files}: ${t.onTrack} on track, ${t.atRisk} at risk, ${t.offTrack} off track, ${t.unreadable} unreadable`]);
  return figures;
}

/** The roll-up as text: one line per return, the totals, the overall target, the batch's totals line. */
export function formatConsolidationText(c: Consolidation): string {
  const width = Math.min(40, Math.max(4, ...c.returns.map((r) => oneLine(r.body, { maxLength: 40 }).length)));
  const lines = [`Roll-up of ${count(c.returns.length, "return")} (amounts in £)`, ""];
  for (const r of c.returns) {
    lines.push(
      `${verdictWord(r.verdict).padEnd(11)} ${oneLine(r.body, { maxLength: 40 }).padEnd(width)}  ${oneLine(returnLine(r), { maxLength: 400 })}`,
    );
  }
  lines.push("", ...totalsLines(c), totalsLine(c.totals));
  return lines.join("\n") + "\n";
}

const MONEY = "£#,##0.00;[Red]-£#,##0.00";
const PERCENT = "0.0%";
/** Characters Excel refuses in a sheet name. */
// eslint-disable-next-line no-control-regex -- control characters are among them
const SHEET_NAME_UNSAFE = /[[\]:*?/\\\u0000-\u001f]/g;

/** "3 Northmoor Police": unique, at most 31 characters, none Excel refuses. */
export function findingsSheetNames(returns: readonly ConsolidatedReturn[]): string[] {
  const used = new Set(["summary", "by year", "trajectory", "workstreams", "categories"]);
  return returns.map((r, i) => {
    const body =
      oneLine(r.body)
        .replace(SHEET_NAME_UNSAFE, " ")
        .replace(/^'+|'+$/g, "")
        .replace(/\s+/g, " ")
        .trim() || "return";
    let name = `${i + 1} ${body}`.slice(0, 31).trim();
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${i + 1}-${n} ${body}`.slice(0, 31).trim();
    used.add(name.toLowerCase());
    return name;
  });
}

/** Years that appear in any return's planned or achieved figures, in order. */
function yearsOf(c: Consolidation): Array<{ year: number; label: string }> {
  const years = new Map<number, string>();
  for (const y of [...c.totals.planned, ...c.totals.achieved]) years.set(y.year, y.label);
  return [...years].sort((a, b) => a[0] - b[0]).map(([year, label]) => ({ year, label }));
}

function summarySheet(c: Consolidation, sheetNames: readonly string[]): TemplateSheet {
  const years = yearsOf(c);
  const money = (header: string, width = 16) => ({ header, numFmt: MONEY, width });
  const columns = [
    { header: "Body", width: 28 },
    { header: "File", width: 28 },
    { header: "Status", width: 12 },
    { header: "Reason", width: 36 },
    money("Baseline"),
    money("Target"),
    money("Risk-adjusted cashable gains"),
    { header: "Progress", numFmt: PERCENT, width: 10 },
    { header: "On track", width: 11 },
    { header: "On-track figures", width: 60 },
    ...years.map((y) => money(`Planned ${y.label}`)),
    ...years.map((y) => money(`Achieved ${y.label}`)),
    { header: "Errors", width: 8 },
    { header: "Warnings", width: 9 },
    ...PRINCIPLES.map((p) => ({ header: `Errors (${p})`, width: 9 })),
    { header: "Findings", width: 28 },
  ];
  const rows: CellValue[][] = c.returns.map((r, i) => {
    const planned = new Map(r.planned.map((y) => [y.year, y.amount]));
    const achieved = new Map(r.achieved.map((y) => [y.year, y.amount]));
    const counted = r.status === "checked";
    return [
      r.body,
      r.file,
      verdictWord(r.verdict),
      r.reason ?? (r.status === "not-vfm" ? "no VfM tables found" : ""),
      r.baseline,
      r.target,
      r.riskAdjustedCashable,
      r.progress,
      onTrackWord(r),
      r.onTrack?.reason ?? "",
      ...years.map((y) => planned.get(y.year) ?? null),
      ...years.map((y) => achieved.get(y.year) ?? null),
      counted ? r.verdict.errors : null,
      counted ? r.verdict.warnings : null,
      ...PRINCIPLES.map((p) => (counted ? r.errorsByPrinciple[p] : null)),
      r.status === "checked" || r.status === "not-vfm" ? sheetNames[i] : "",
    ];
  });
  const t = c.totals;
  const plannedTotal = new Map(t.planned.map((y) => [y.year, y.amount]));
  const achievedTotal = new Map(t.achieved.map((y) => [y.year, y.amount]));
  rows.push([
    "Total",
    `${count(t.counted, "checked return")} of ${t.files}`,
    "",
    "",
    t.baseline,
    t.target,
    t.riskAdjustedCashable,
    t.progress,
    `${t.onTrack} on track, ${t.atRisk} at risk, ${t.offTrack} off track`,
    "",
    ...years.map((y) => plannedTotal.get(y.year) ?? null),
    ...years.map((y) => achievedTotal.get(y.year) ?? null),
    t.errors,
    t.warnings,
    ...PRINCIPLES.map((p) => t.errorsByPrinciple[p]),
    "",
  ]);
  const lines = [
    ...totalsLines(c),
    totalsLine(t),
    "Each return's findings are on the sheet named in its Findings column: click the name to go there (each findings sheet links back).",
  ];
  const chartLinks = CHART_SHEETS.filter((chart) => chart.drawn(c)).map((chart) => {
    lines.push(chart.line);
    return { from: { line: lines.length - 1 }, to: { sheet: chart.sheet } };
  });
  const findingsColumn = columns[columns.length - 1].header;
  const returnLinks = c.returns.flatMap((r, i) =>
    rows[i][columns.length - 1] === "" ? [] : [{ from: { row: i, column: findingsColumn }, to: { sheet: sheetNames[i] } }],
  );
  return {
    name: "Summary",
    title: `Value for money roll-up: ${count(c.returns.length, "return")}`,
    lines,
    table: { name: "tblRollUp", columns, rows, inputRows: 0 },
    links: [...chartLinks, ...returnLinks],
  };
}

/** The sheets with a chart, and the Summary line that links to each. */
const CHART_SHEETS = [
  {
    sheet: "Trajectory",
    line: "Chart: the total trajectory by quarter, planned and achieved against the target path (Trajectory sheet).",
    drawn: (c: Consolidation) => trajectoryRows(c).length > 0,
  },
  {
    sheet: "Workstreams",
    line: "Chart: risk-adjusted net gains by workstream (Workstreams sheet).",
    drawn: (c: Consolidation) => c.totals.byWorkstream.length > 0,
  },
  {
    sheet: "Categories",
    line: "Chart: risk-adjusted net gains by category (Categories sheet).",
    drawn: (c: Consolidation) => c.totals.byCategory.length > 0,
  },
];

function byYearSheet(c: Consolidation): TemplateSheet {
  const planned = new Map(c.totals.planned.map((y) => [y.year, y.amount]));
  const achieved = new Map(c.totals.achieved.map((y) => [y.year, y]));
  const due = new Map((c.overall?.target.yearTargets ?? []).map((y) => [y.year, y.amount]));
  const rows = yearsOf(c).map((y): CellValue[] => [
    y.label,
    planned.get(y.year) ?? null,
    achieved.get(y.year)?.amount ?? null,
    achieved.get(y.year)?.returns ?? 0,
    due.get(y.year) ?? null,
  ]);
  return {
    name: "By year",
    title: "Risk-adjusted cashable gains by financial year",
    lines: ["Planned: the returns' profiles, risk-adjusted. Achieved: each return's latest quarterly Actual reported in the year."],
    table: {
      name: "tblRollUpYears",
      columns: [
        { header: "Year", width: 10 },
        { header: "Planned", numFmt: MONEY, width: 18 },
        { header: "Achieved", numFmt: MONEY, width: 18 },
        { header: "Returns reporting", width: 10 },
        { header: "Overall target due", numFmt: MONEY, width: 18 },
      ],
      rows,
      inputRows: 0,
    },
  };
}

/** The total trajectory: every quarter any return (or the overall target) has a figure for. */
export function trajectoryRows(c: Consolidation) {
  const byIndex = new Map<
    number,
    { label: string; path: number | null; overall: number | null; trajectory: number | null; actual: number | null; reporting: number }
  >();
  const at = (index: number, label: string) => {
    let row = byIndex.get(index);
    if (!row) {
      row = { label, path: null, overall: null, trajectory: null, actual: null, reporting: 0 };
      byIndex.set(index, row);
    }
    return row;
  };
  for (const q of c.totals.path) at(q.index, q.label).path = q.amount;
  for (const q of c.overall?.target.path ?? []) at(q.index, q.label).overall = q.amount;
  for (const q of c.totals.trajectory) at(q.index, q.label).trajectory = q.amount;
  for (const q of c.totals.actuals) {
    const row = at(q.index, q.label);
    row.actual = q.amount;
    row.reporting = q.returns;
  }
  return [...byIndex].sort((a, b) => a[0] - b[0]).map(([index, row]) => ({ index, ...row }));
}

/** A chart's value axis in millions ("£2.5m"): whole pounds run to 13 characters at a police service's scale. */
const CHART_MONEY = '£#,##0.0,,"m"';

function trajectorySheet(c: Consolidation): TemplateSheet {
  const rows = trajectoryRows(c);
  const chart: TemplateChart = {
    kind: "line",
    title: "Total trajectory (cumulative risk-adjusted cashable gains)",
    sheet: "Trajectory",
    categories: "Quarter",
    series: [
      { column: "Returns' target path", colour: "1d4f91" },
      ...(rows.some((r) => r.overall !== null) ? [{ column: "Overall target path", colour: "6b2c91", dashed: true }] : []),
      { column: "Trajectory", name: "Planned (trajectory)", colour: "505050", dashed: true },
      { column: "Actual", name: "Achieved (actual)", colour: "c25e00", markers: true },
    ],
    numFmt: CHART_MONEY,
  };
  return {
    charts: rows.length > 0 ? [chart] : [],
    name: "Trajectory",
    title: "Total trajectory, cumulative by quarter",
    lines: [
      "Target path: the returns' targets phased by quarter, added up. Trajectory and Actual: the returns' quarterly figures, added up.",
    ],
    table: {
      name: "tblRollUpTrajectory",
      columns: [
        { header: "Quarter", width: 12 },
        { header: "Returns' target path", numFmt: MONEY, width: 20 },
        { header: "Overall target path", numFmt: MONEY, width: 20 },
        { header: "Trajectory", numFmt: MONEY, width: 18 },
        { header: "Actual", numFmt: MONEY, width: 18 },
        { header: "Returns reporting", width: 10 },
      ],
      rows: rows.map((r) => [r.label, r.path, r.overall, r.trajectory, r.actual, r.reporting]),
      inputRows: 0,
    },
  };
}

function groupSheet(name: string, what: string, tableName: string, groups: readonly GroupAmount[]): TemplateSheet {
  const chart: TemplateChart = {
    kind: "bar",
    title: `Risk-adjusted net gains by ${what}`,
    sheet: name,
    categories: what[0].toUpperCase() + what.slice(1),
    series: [
      { column: "Cashable", colour: "1d4f91" },
      { column: "Non-cashable", colour: "c25e00" },
      ...(groups.some((g) => g.unclassified !== 0) ? [{ column: "Type not given", colour: "808080" }] : []),
    ],
    stacked: true,
    numFmt: CHART_MONEY,
    // One bar a row or so: long lists stay readable.
    at: { column: 6, row: 3, width: 10, height: Math.max(18, Math.ceil(groups.length * 1.5) + 6) },
  };
  return {
    name,
    charts: groups.length > 0 ? [chart] : [],
    title: `Risk-adjusted net gains by ${what}`,
    lines: ["Service reductions are left out (they never count)."],
    table: {
      name: tableName,
      columns: [
        { header: what[0].toUpperCase() + what.slice(1), width: 30 },
        { header: "Gains", width: 8 },
        { header: "Cashable", numFmt: MONEY, width: 18 },
        { header: "Non-cashable", numFmt: MONEY, width: 18 },
        { header: "Type not given", numFmt: MONEY, width: 18 },
      ],
      rows: groups.map((g) => [g.name, g.gains, g.cashable, g.nonCashable, g.unclassified]),
      inputRows: 0,
    },
  };
}

function findingsSheet(r: ConsolidatedReturn, name: string, index: number): TemplateSheet {
  const head = `${verdictWord(r.verdict)}: ${returnLine(r)}`;
  return {
    name,
    title: oneLine(`${r.body} (${r.file})`, { maxLength: 200 }),
    lines: [
      "Back to the Summary",
      head,
      r.onTrack?.reason ?? "",
      r.findings.length === 0 ? "No findings." : `${count(r.findings.length, "finding")}.`,
    ],
    // To this return's row on the Summary.
    links: [{ from: { line: 0 }, to: { sheet: "Summary", row: index } }],
    table: {
      name: `tblFindings${index + 1}`,
      columns: [
        { header: "Severity", width: 10 },
        { header: "Principle", width: 10 },
        { header: "Rule", width: 30 },
        { header: "Sheet", width: 18 },
        { header: "Cell", width: 12 },
        { header: "Message", width: 100 },
      ],
      rows: r.findings.map((f) => [
        f.severity === "info" ? "note" : f.severity,
        `(${f.principle})`,
        f.rule,
        f.sheet ?? "",
        f.cell ?? "",
        f.message,
      ]),
      inputRows: 0,
    },
  };
}

/** The board pack as a workbook for the .xlsx writer. */
export function boardPackWorkbookSpec(c: Consolidation): TemplateSpec {
  const names = findingsSheetNames(c.returns);
  const sheets: TemplateSheet[] = [
    summarySheet(c, names),
    byYearSheet(c),
    trajectorySheet(c),
    groupSheet("Workstreams", "workstream", "tblRollUpWorkstreams", c.totals.byWorkstream),
    groupSheet("Categories", "category", "tblRollUpCategories", c.totals.byCategory),
  ];
  c.returns.forEach((r, i) => {
    if (r.status === "checked" || r.status === "not-vfm") sheets.push(findingsSheet(r, names[i], i));
  });
  return { sheets };
}

/** "as at 31/10/2026" when every checked return shares one reporting date; else the range. */
export function asAtText(c: Consolidation): string {
  const dates = [...new Set(c.returns.map((r) => r.reportingDate).filter((d): d is string => d !== null))].sort();
  if (dates.length === 0) return "";
  return dates.length === 1 ? `as at ${formatDate(dates[0])}` : `as at ${formatDate(dates[0])} to ${formatDate(dates[dates.length - 1])}`;
}
