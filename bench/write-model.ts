/**
 * Writes a WorkbookModel to .xlsx with exceljs's streaming writer, so the benchmark can time the
 * end-to-end path (bytes -> reader -> validator) on registers of any size. Bench-only: the product's
 * own writer renders TemplateSpecs (src/adapters/xlsx/write.ts).
 */
import ExcelJS from "exceljs";
import type { WorkbookModel } from "../src/core/workbook/model";

export async function writeModelToXlsx(model: WorkbookModel, filePath: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: filePath, useStyles: true, useSharedStrings: false });
  for (const sheet of model.sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    for (let r = 0; r < sheet.rows.length; r++) {
      const cells = sheet.rows[r];
      if (!cells) continue;
      const row = worksheet.getRow(r + 1);
      for (let c = 0; c < cells.length; c++) {
        const cell = cells[c];
        if (!cell) continue;
        const target = row.getCell(c + 1);
        if (cell.formula) {
          target.value = {
            formula: cell.formula,
            result: cell.value ?? undefined,
          };
        } else if (cell.error) {
          target.value = { error: cell.error } as ExcelJS.CellErrorValue;
        } else if (cell.value !== null) {
          target.value = cell.value;
        }
        if (cell.numFmt) target.numFmt = cell.numFmt;
      }
      row.commit();
    }
    worksheet.commit();
  }
  await workbook.commit();
}
