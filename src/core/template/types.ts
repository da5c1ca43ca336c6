/**
 * A description of the VfM workbook the product creates (`vfm template`, and "Create VfM workbook" in
 * the pane). Pure data: the .xlsx writer and the Office.js writer both render it.
 */
import type { CellValue } from "../workbook/model";

export interface TemplateColumn {
  header: string;
  /**
   * Formula for a derived column, with structured references to the same row, e.g.
   * "=[@[Gross gain]]-[@Costs]". Absent for input columns.
   */
  formula?: string;
  /** Number format code, e.g. "£#,##0.00;[Red]-£#,##0.00" or "dd/mm/yyyy" or "0%". */
  numFmt?: string;
  /** Allowed values, written as a data-validation list. */
  list?: readonly string[];
  /** Column width in characters. */
  width?: number;
  /** One-line help shown as the header cell's input message / comment. */
  help?: string;
  /** A numeric range the input must fall in (written as a data-validation rule), e.g. 0 to 1 for a fraction. */
  between?: { min: number; max: number };
  /** True for a date column: entries must be dates (written as a data-validation rule). */
  date?: boolean;
  /**
   * What a derived column computes, as data, so that a writer which stores cached results (the .xlsx
   * writer) can compute them with the core. Writers that let Excel calculate (Office.js) ignore it.
   * Column names are headers of the same table.
   */
  derived?: DerivedColumn;
}

/** Net gain = gross - costs; risk-adjusted = gross x deliverability - costs (VFM.NETGAIN semantics). */
export type DerivedColumn =
  { kind: "net"; gross: string; costs: string } | { kind: "riskAdjusted"; gross: string; costs: string; deliverability: string };

/** A number format for one cell of a table's data rows (e.g. "0%" for a rate in a Key/Value table). */
export interface TemplateCellFormat {
  /** 0-based index into the table's rows. */
  row: number;
  /** Header of the column. */
  column: string;
  numFmt: string;
}

export interface TemplateTable {
  /** Excel table name, e.g. "tblGains". */
  name: string;
  columns: readonly TemplateColumn[];
  /** Data rows (values for input columns; derived columns are filled by their formula). May be empty. */
  rows: ReadonlyArray<readonly CellValue[]>;
  /** Per-cell number formats that differ from the column's (optional). */
  cellFormats?: readonly TemplateCellFormat[];
  /**
   * How many rows below the header carry the input columns' data validation and number formats, so
   * that rows typed under the table get them too. Defaults to the writer's choice (at least rows.length).
   */
  inputRows?: number;
}

export interface TemplateSheet {
  name: string;
  /** Title in A1; the table then starts at A3. Absent: the table starts at A1. */
  title?: string;
  /** Free text lines (the Instructions sheet), one per row from A1 (or below the title). */
  lines?: readonly string[];
  /** Indexes into `lines` of the lines that are headings (shown bold). */
  headingLines?: readonly number[];
  table?: TemplateTable;
}

export interface TemplateSpec {
  sheets: readonly TemplateSheet[];
}
