/**
 * "Write changes to a sheet": on the user's request only, adds a NEW sheet holding what changed since
 * the last return (src/core/review/compare-report.ts) as a table. It never changes an existing sheet:
 * the sheet is "VfM changes", or "VfM changes (2)" and so on when that name is taken.
 *
 * Text is stored as text, as the findings report does (report.ts): text cells are formatted "@" before
 * their values are written and text that starts like a formula gets Excel's quote prefix; amounts are
 * numbers with a £ format, so they add up in Excel.
 *
 * Round trips: one to read the names in use, then the rows in blocks of about 4 MB (Excel on the web
 * refuses a request above 5 MB; a usual comparison is one block) with the table in the last.
 */
import { changeHeaders, changeHeadingLines, changeRowValues, changeRows } from "../../core/review/compare-report";
import type { ReturnComparison } from "../../core/review/compare";
import type { CellValue } from "../../core/workbook/model";
import { sheetNameProblem } from "./address";
import { describeOfficeError } from "./errors";
import { claimNewSheet, queueInBlocks } from "./new-sheet";
import type { WriteReportResult } from "./report";
import { columnWidthInPoints } from "./template";
import { formulaSafeText } from "./text";

const DEFAULT_CHANGES_SHEET = "VfM changes";
const CHANGES_TABLE_NAME = "tblVfmChanges";

const WIDTHS = [16, 10, 40, 40, 18, 18, 16];
const MONEY_FORMAT = "£#,##0.00;[Red]-£#,##0.00";
/** Rows above the table: title, last, this, summary, blank. */
const TABLE_ROW = 5;
const EXCEL_MAX_ROWS = 1_048_576;

/** A row's values and formats as Excel takes them: numbers in £, everything else text. */
function cellsOf(values: readonly CellValue[]): { values: Array<string | number>; formats: string[] } {
  return {
    values: values.map((v) => (typeof v === "number" ? v : formulaSafeText(v === null ? "" : String(v)))),
    formats: values.map((v) => (typeof v === "number" ? MONEY_FORMAT : "@")),
  };
}

export async function writeChanges(
  context: Excel.RequestContext,
  comparison: ReturnComparison,
  options: { sheetName?: string } = {},
): Promise<WriteReportResult> {
  const baseName = options.sheetName ?? DEFAULT_CHANGES_SHEET;
  const nameProblem = sheetNameProblem(baseName);
  if (nameProblem) return { ok: false, reason: nameProblem };
  const rows = changeRows(comparison).map(changeRowValues);
  if (TABLE_ROW + 1 + rows.length > EXCEL_MAX_ROWS)
    return { ok: false, reason: `There are ${rows.length.toLocaleString("en-GB")} changes, more than one Excel sheet can hold.` };

  let sheetName = baseName;
  try {
    const claim = await claimNewSheet(context, baseName, CHANGES_TABLE_NAME, "the changes sheet cannot be added");
    if (!claim.ok) return claim;
    const { worksheet, tableName } = claim;
    sheetName = claim.sheetName;
    const headers = changeHeaders(comparison.unit);
    const width = headers.length;
    const lines = ["What changed since the last return", ...changeHeadingLines(comparison)];
    worksheet.getRangeByIndexes(0, 0, lines.length, 1).numberFormat = lines.map(() => ["@"]);
    worksheet.getRangeByIndexes(0, 0, lines.length, 1).values = lines.map((line) => [formulaSafeText(line)]);
    worksheet.getRangeByIndexes(0, 0, 1, 1).format.font.bold = true;
    const header = worksheet.getRangeByIndexes(TABLE_ROW, 0, 1, width);
    header.numberFormat = [headers.map(() => "@")];
    header.values = [headers.map(formulaSafeText)];
    if (rows.length === 0) worksheet.getRangeByIndexes(TABLE_ROW + 1, 0, 1, width).numberFormat = [headers.map(() => "@")];

    const rowBytes = (cells: ReturnType<typeof cellsOf>): number =>
      cells.values.reduce<number>((sum, v) => sum + String(v).length * 2 + 24, 0);
    await queueInBlocks(context, rows.map(cellsOf), rowBytes, (start, block) => {
      const target = worksheet.getRangeByIndexes(TABLE_ROW + 1 + start, 0, block.length, width);
      target.numberFormat = block.map((b) => b.formats);
      target.values = block.map((b) => b.values);
    });

    // A Range, not an address: given an address without a sheet, Excel puts the table on the active sheet.
    const table = worksheet.tables.add(worksheet.getRangeByIndexes(TABLE_ROW, 0, Math.max(1, rows.length) + 1, width), true);
    table.name = tableName;
    WIDTHS.forEach((w, i) => {
      worksheet.getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth = columnWidthInPoints(w);
    });
    worksheet.activate();
    await context.sync();
    return { ok: true, sheet: sheetName };
  } catch (error) {
    return { ok: false, reason: `Excel could not finish the changes sheet "${sheetName}": ${describeOfficeError(error)}.` };
  }
}
