/**
 * The mock built from a model read from an .xlsx file holds exactly that workbook: the Office adapter
 * reads it back into the same model (what the pane-in-Chromium test relies on), in the documented
 * 3 round trips for a workbook whose cells fit in one request.
 */
import * as fs from "fs";
import * as path from "path";
import { readXlsx } from "../../../src/adapters/xlsx/read";
import { DEFAULT_MAX_CELLS_PER_REQUEST, readOpenWorkbook } from "../../../src/adapters/office/read";
import type { WorkbookModel } from "../../../src/core/workbook/model";
import { createMockWorkbook, expectedModel, mockSpecFromModel } from "../../support/office-mock";

const EXAMPLES = path.resolve(__dirname, "../../../examples");

/** The model without empty cells (the Office adapter leaves them out, as the mock's oracle does). */
function withoutEmptyCells(model: WorkbookModel): WorkbookModel {
  return {
    ...model,
    sheets: model.sheets.map((sheet) => ({
      ...sheet,
      rows: sheet.rows.map((row) =>
        row?.map((cell) =>
          cell && (cell.formula !== undefined || cell.error !== undefined || (cell.value !== null && cell.value !== "")) ? cell : undefined,
        ),
      ),
    })),
  };
}

describe.each(["northmoor-police.xlsx", "northmoor-police-seeded.xlsx"])("the mock made from %s", (file) => {
  test("is read back by the Office adapter as the model the .xlsx reader made", async () => {
    const read = await readXlsx(new Uint8Array(fs.readFileSync(path.join(EXAMPLES, file))));
    if (!read.ok) throw new Error(read.reason);
    const spec = mockSpecFromModel(read.model);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    const workbook = createMockWorkbook(spec);
    const model = await readOpenWorkbook(workbook.context);
    expect(model).toEqual(expectedModel(spec));
    expect(model).toEqual(withoutEmptyCells(read.model));
    // docs/pane.md: 3 round trips for up to 40,000 used cells, which the examples are well within.
    const usedCells = spec.sheets.reduce((sum, sheet) => sum + (sheet.cells ?? []).reduce((n, row) => n + row.length, 0), 0);
    expect(usedCells).toBeLessThan(DEFAULT_MAX_CELLS_PER_REQUEST / 10);
    expect(workbook.syncCount).toBe(3);
  });
});
