/**
 * The shared body builder of the real-layout fixtures: what every body module (one fictional force or
 * council) builds its exceljs sheets from. Cells: values, formulas with the value a spreadsheet
 * calculates for them (so a reader that does not recalculate sees what Excel would show), merged
 * header cells, number formats. Blocks the bodies all have, in each body's own words and places:
 * title and note lines, two- and three-row merged headers, weighting keys, tables, a baseline with
 * its Total, Total rows under a register, re-investment blocks, benchmarking measures. And what each
 * fixture must, may and must not give (Expectations, exceljsFixture). The cached values are checked
 * against LibreOffice's own recalculation (test/real-layouts/corpus.test.ts), so a wrong one here
 * cannot go unnoticed.
 */
import ExcelJS from "exceljs";
import { columnLetters } from "../../src/core/workbook/model";
import type { PrincipleKey, Severity } from "../../src/core/validate/types";
import type { ExpectedFinding, FixtureExpectation } from "../../test/support/real-layouts";

/** A formula (without "=") and the value it calculates to. */
export interface Formula {
  f: string;
  v: number | string;
}
export type Value = string | number | Date | Formula | null | undefined;

export const fx = (f: string, v: number | string): Formula => ({ f, v });
/** A date cell (UTC midnight, as a spreadsheet stores a date without a time). */
export const date = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
/** Column letters of a 1-based column number. */
export const L = (col: number): string => columnLetters(col - 1);

export const FMT = {
  money: "#,##0;[Red]-#,##0",
  money2: "#,##0.00;[Red]-#,##0.00",
  pounds: '"£"#,##0;[Red]-"£"#,##0',
  pounds2: '"£"#,##0.00',
  millions: "0.000",
  percent: "0%",
  date: "dd/mm/yyyy",
} as const;

export const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
/** Rounds away binary noise so that a cached value is what a spreadsheet shows (15 significant digits). */
const clean = (x: number): number => Number(x.toPrecision(15));

/** A baseline line: its name, its amount (null where the workbook has none, text where it has text) and a note. */
export type BaselineLine = readonly [string, number | string | null, (string | null)?];

/** A re-investment line: the text cells from column A (what is funded, the plan), and the amount. */
export type Reinvestment = readonly [readonly Value[], number];

/** A comparative measure on a benchmarking sheet. A unit cost with spend and volume and no typed figure is their quotient, by formula. */
export interface Measure {
  measure: string;
  type: "HQ cost" | "Output" | "Outcome" | "Unit cost";
  own?: number;
  comparator: number;
  spend?: number;
  volume?: number;
}

export class Sheet {
  constructor(readonly ws: ExcelJS.Worksheet) {}

  get name(): string {
    return this.ws.name;
  }

  set(ref: string, value: Value, style: { fmt?: string; bold?: boolean; wrap?: boolean } = {}): void {
    const cell = this.ws.getCell(ref);
    if (value === undefined || value === null) cell.value = null;
    else if (typeof value === "object" && !(value instanceof Date))
      cell.value = { formula: value.f, result: typeof value.v === "number" ? clean(value.v) : value.v };
    else cell.value = value;
    if (style.fmt) cell.numFmt = style.fmt;
    else if (value instanceof Date) cell.numFmt = FMT.date;
    if (style.bold) cell.font = { bold: true };
    if (style.wrap) cell.alignment = { wrapText: true, vertical: "top" };
  }

  /** Values along a row from a 1-based column; `fmt` per value (or one for all). */
  row(r: number, c: number, values: readonly Value[], fmt?: string | readonly (string | undefined)[], bold = false): void {
    values.forEach((value, i) => {
      const f = typeof fmt === "string" ? fmt : fmt?.[i];
      if (value === undefined) return;
      this.set(`${L(c + i)}${r}`, value, { fmt: value instanceof Date && !f ? FMT.date : f, bold });
    });
  }

  /** A merged header cell over a range, its text in the top-left cell. */
  merged(range: string, text: string): void {
    const [first] = range.split(":");
    this.set(first, text, { bold: true, wrap: true });
    this.ws.mergeCells(range);
  }

  /** One header cell per text, each merged down `depth` rows, from column `c` rightwards (a two- or three-row header). */
  mergedDown(r: number, c: number, texts: readonly string[], depth: number): void {
    texts.forEach((text, i) => this.merged(`${L(c + i)}${r}:${L(c + i)}${r + depth - 1}`, text));
  }

  /** Lines of text down column A from row `r`, the first `bold` of them bold (a title block, notes). Returns the last row. */
  lines(r: number, texts: readonly string[], bold = 1): number {
    texts.forEach((text, i) => this.set(`A${r + i}`, text, { bold: i < bold }));
    return r + texts.length - 1;
  }

  /** A bold header row from column A, then the rows (ISO dates become dates), `fmt` as for row(). Returns the last row used. */
  table(
    r: number,
    headers: readonly string[],
    rows: ReadonlyArray<readonly Value[]>,
    fmt?: string | readonly (string | undefined)[],
  ): number {
    this.row(r, 1, headers, undefined, true);
    rows.forEach((values, i) =>
      this.row(
        r + 1 + i,
        1,
        values.map((v) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? date(v) : v)),
        fmt,
      ),
    );
    return r + rows.length;
  }

  /** A titled block: a bold title row, then table(). Returns the last row used. */
  block(
    r: number,
    title: string,
    headers: readonly string[],
    rows: ReadonlyArray<readonly Value[]>,
    fmt?: string | readonly (string | undefined)[],
  ): number {
    this.set(`A${r}`, title, { bold: true });
    return this.table(r + 1, headers, rows, fmt);
  }

  /** A Total row: the label (in column A unless `labelAt` says), and under each column given the SUM of rows first..last with its cached value. */
  totals(
    r: number,
    first: number,
    last: number,
    columns: ReadonlyArray<readonly [string, number]>,
    fmt: string,
    label = "Total",
    labelAt = "A",
  ): void {
    this.set(`${labelAt}${r}`, label, { bold: true });
    for (const [col, value] of columns) this.set(`${col}${r}`, fx(`SUM(${col}${first}:${col}${last})`, value), { fmt, bold: true });
  }

  /** A weighting key (G/A/R or RAG code and its weight) at row r, column c: a bold header row, then one row a code. */
  key(r: number, c: number, headers: readonly Value[], weights: Readonly<Record<string, number>>): void {
    this.row(r, c, headers, undefined, true);
    Object.entries(weights).forEach(([code, weight], i) => this.row(r + 1 + i, c, [code, weight], [undefined, FMT.percent]));
  }

  /**
   * A baseline table from row `r`: a bold header row, one row a line (name, amount in column B with
   * `fmt`, note; an empty note is no note), and a bold Total row summing column B. Returns its rows and total.
   */
  baseline(
    r: number,
    headers: readonly string[],
    lines: readonly BaselineLine[],
    fmt: string,
    label = "Total",
  ): { first: number; last: number; total: number; amount: number } {
    this.row(r, 1, headers, undefined, true);
    const first = r + 1;
    lines.forEach(([line, amount, note], i) => this.row(first + i, 1, [line, amount, note || null], [undefined, fmt]));
    const last = first + lines.length - 1;
    const amount = sum(lines.map(([, value]) => (typeof value === "number" ? value : 0)));
    this.totals(last + 1, first, last, [["B", amount]], fmt, label);
    return { first, last, total: last + 1, amount };
  }

  /**
   * A re-investment block from row `r`: a bold title, a bold header row, one row a destination with its
   * amount in column `col`, and a Total row summing them (cached as `total`). Returns the Total row.
   */
  reinvestment(
    r: number,
    block: { title: string; headers: readonly Value[]; col: string; fmt: string; label?: string },
    lines: readonly Reinvestment[],
    total: number,
  ): number {
    this.set(`A${r}`, block.title, { bold: true });
    this.row(r + 1, 1, block.headers, undefined, true);
    lines.forEach(([texts, amount], i) => {
      this.row(r + 2 + i, 1, texts);
      this.set(`${block.col}${r + 2 + i}`, amount, { fmt: block.fmt });
    });
    const end = r + 2 + lines.length;
    this.totals(end, r + 2, end - 1, [[block.col, total]], block.fmt, block.label);
    return end;
  }

  /**
   * A benchmarking table from row `r`: a bold header row, then one row a measure: name, type, then
   * spend and volume before or after the body's own figure and the comparator's, as `layout` says.
   * HQ costs and unit costs carry `layout.figure`, outputs whole numbers, outcomes percentages; spend
   * `layout.spend`, volume whole numbers. Returns the last row.
   */
  measures(
    r: number,
    headers: readonly string[],
    list: readonly Measure[],
    layout: { spendFirst: boolean; figure: string; spend: string },
  ): number {
    this.row(r, 1, headers, undefined, true);
    const [spendCol, volumeCol] = layout.spendFirst ? ["C", "D"] : ["E", "F"];
    const figureFmt = { "HQ cost": layout.figure, "Unit cost": layout.figure, Output: FMT.money, Outcome: FMT.percent };
    list.forEach((m, i) => {
      const row = r + 1 + i;
      const own: Value =
        m.own === undefined && m.spend !== undefined && m.volume !== undefined
          ? fx(`${spendCol}${row}/${volumeCol}${row}`, m.spend / m.volume)
          : m.own;
      const figures: Value[] = [own, m.comparator];
      const inputs: Value[] = [m.spend, m.volume];
      const fmt = figureFmt[m.type];
      const fmts = [fmt, fmt];
      const inputFmts = [layout.spend, FMT.money];
      this.row(
        row,
        1,
        [m.measure, m.type, ...(layout.spendFirst ? [...inputs, ...figures] : [...figures, ...inputs])],
        [undefined, undefined, ...(layout.spendFirst ? [...inputFmts, ...fmts] : [...fmts, ...inputFmts])],
      );
    });
    return r + list.length;
  }

  widths(widths: readonly number[]): void {
    widths.forEach((w, i) => (this.ws.getColumn(i + 1).width = w));
  }
}

export function workbook(creator: string, when: Date): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  wb.lastModifiedBy = creator;
  wb.created = when;
  wb.modified = when;
  return wb;
}

export function addSheet(wb: ExcelJS.Workbook, name: string, state: "visible" | "hidden" = "visible"): Sheet {
  return new Sheet(wb.addWorksheet(name, { state }));
}

const principleOf = (rule: string): PrincipleKey => rule.split(".")[0] as PrincipleKey;

/** Collects what one fixture must, may and must not give. */
export class Expectations {
  private readonly defects: ExpectedFinding[] = [];
  private readonly tolerated: ExpectedFinding[] = [];
  private readonly mustNot: ExpectedFinding[] = [];
  private readonly notPass = new Set<PrincipleKey>();
  private readonly notChecked = new Set<PrincipleKey>();

  constructor(private readonly prefix: string) {}

  /** A seeded defect: the finding must appear (and its principle must not read "pass"). */
  defect(rule: string, sheet: string | undefined, range: string | undefined, why: string): void {
    this.defects.push(finding(`${this.prefix}-${this.defects.length + 1}`, rule, sheet, range, why));
    this.notPass.add(principleOf(rule));
  }

  /** A consequence of a seeded defect that a correct check may also report. */
  tolerate(rule: string, sheet: string | undefined, range: string | undefined, why: string): void {
    this.tolerated.push(finding(undefined, rule, sheet, range, why));
  }

  /** A finding that must not appear (of `severity`, when given). */
  never(rule: string, sheet: string | undefined, range: string | undefined, why: string, severity?: Severity): void {
    this.mustNot.push({ ...finding(undefined, rule, sheet, range, why), ...(severity ? { severity } : {}) });
  }

  /** Findings that must not appear anywhere: the workbook holds the evidence `why` names. */
  neverAny(rules: readonly string[], why: string): void {
    for (const rule of rules) this.never(rule, undefined, undefined, why);
  }

  absent(principle: PrincipleKey): void {
    this.notChecked.add(principle);
  }

  toJSON(meta: Omit<FixtureExpectation, "defects" | "tolerated" | "mustNot" | "principles">): FixtureExpectation {
    return {
      ...meta,
      defects: this.defects,
      tolerated: this.tolerated,
      mustNot: this.mustNot,
      principles: { notPass: [...this.notPass], notChecked: [...this.notChecked] },
    };
  }
}

function finding(id: string | undefined, rule: string, sheet: string | undefined, range: string | undefined, why: string): ExpectedFinding {
  return { ...(id ? { id } : {}), rule, ...(sheet !== undefined ? { sheet } : {}), ...(range !== undefined ? { range } : {}), why };
}

/** A fixture as a body module describes it: its bytes (or an exceljs workbook) and its expectations. */
export interface BuiltFixture {
  file: string;
  /** exceljs workbook to write; `resave` asks the shell step to re-save it with LibreOffice Calc. */
  workbook?: ExcelJS.Workbook;
  bytes?: Uint8Array;
  resave?: boolean;
  expectation: FixtureExpectation;
}

/** A fixture written by exceljs (re-saved by LibreOffice Calc when `resave`), with what it must, may and must not give. */
export function exceljsFixture(
  wb: ExcelJS.Workbook,
  ex: Expectations,
  meta: Omit<FixtureExpectation, "defects" | "tolerated" | "mustNot" | "principles" | "program">,
  resave = false,
): BuiltFixture {
  const program: FixtureExpectation["program"] = resave ? "LibreOffice Calc (re-save of an exceljs file)" : "exceljs";
  // In expected.json's key order: file, body, program, reportingDate, shapes.
  const described = { file: meta.file, body: meta.body, program, reportingDate: meta.reportingDate, shapes: meta.shapes };
  return { file: meta.file, workbook: wb, ...(resave ? { resave } : {}), expectation: ex.toJSON(described) };
}
