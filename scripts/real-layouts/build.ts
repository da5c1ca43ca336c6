/**
 * What the real-layout fixture bodies share: placing values, formulas (with the value a spreadsheet
 * calculates for them, so a reader that does not recalculate sees what Excel would show), merged
 * header cells and number formats on exceljs sheets; and recording what each fixture must, may and
 * must not give. The cached values are checked against LibreOffice's own recalculation
 * (test/real-layouts/corpus.test.ts), so a wrong one here cannot go unnoticed.
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

  /** A titled block: a bold title row, a bold header row, then the rows (ISO dates become dates). Returns the last row used. */
  block(r: number, title: string, headers: readonly string[], rows: ReadonlyArray<readonly Value[]>): number {
    this.set(`A${r}`, title, { bold: true });
    this.row(r + 1, 1, headers, undefined, true);
    rows.forEach((values, i) =>
      this.row(
        r + 2 + i,
        1,
        values.map((v) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? date(v) : v)),
      ),
    );
    return r + 1 + rows.length;
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
