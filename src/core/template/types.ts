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
  /** Charts drawn on the sheet, each plotting columns of a table in the workbook (this sheet's or another's). */
  charts?: readonly TemplateChart[];
  /** Cells of this sheet that are hyperlinks to a place in the workbook. */
  links?: readonly TemplateLink[];
}

/** A cell of a sheet: one of its free lines, or a cell of its table's data rows. */
export type TemplateCellRef = { line: number } | { row: number; column: string };

/** An internal hyperlink: the cell at `from` opens `to` (a sheet, at a row of its table or at A1). */
interface TemplateLink {
  from: TemplateCellRef;
  to: { sheet: string; row?: number };
}

/**
 * A native chart (DrawingML) whose series reference a table's cells, so the chart follows the table
 * when a user edits it. `line` plots series over the category column; `bar` is horizontal bars,
 * stacked when `stacked`.
 */
export interface TemplateChart {
  kind: "line" | "bar";
  title: string;
  /** The sheet whose table the chart plots. */
  sheet: string;
  /** Header of the column that labels the points (quarters, workstreams). */
  categories: string;
  /** The columns plotted, one series each, in legend order. */
  series: readonly TemplateChartSeries[];
  stacked?: boolean;
  /** Number format of the value axis, e.g. "£#,##0". */
  numFmt?: string;
  /**
   * Where the chart sits on its sheet: its top-left cell (0-based column and row) and its size in
   * cells. Default: to the right of the sheet's table, level with its header, 10 columns by 20 rows.
   */
  at?: { column: number; row: number; width: number; height: number };
}

interface TemplateChartSeries {
  /** Header of the column plotted. */
  column: string;
  /** Legend entry, when it should differ from the header (which is otherwise referenced). */
  name?: string;
  /** "1d4f91": the line or bar colour. */
  colour?: string;
  /** Dashed line (line charts). */
  dashed?: boolean;
  /** A marker at each point (line charts). */
  markers?: boolean;
}

export interface TemplateSpec {
  sheets: readonly TemplateSheet[];
}
