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
}

export interface TemplateTable {
  /** Excel table name, e.g. "tblGains". */
  name: string;
  columns: readonly TemplateColumn[];
  /** Data rows (values for input columns; derived columns are filled by their formula). May be empty. */
  rows: ReadonlyArray<readonly CellValue[]>;
}

export interface TemplateSheet {
  name: string;
  /** Title in A1; the table then starts at A3. Absent: the table starts at A1. */
  title?: string;
  /** Free text lines (the Instructions sheet), one per row from A1 (or below the title). */
  lines?: readonly string[];
  table?: TemplateTable;
}

export interface TemplateSpec {
  sheets: readonly TemplateSheet[];
}
