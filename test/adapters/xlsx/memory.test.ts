/**
 * The model keeps no part of the XML it was read from alive (issue #12: a 100,000-gain register
 * must be checked in under 1 GB). Text cut from a decoded chunk of XML is, in V8, a view into the
 * whole chunk; a model holding such views held nearly all of a register's 150 MB of sheet XML.
 *
 * Measured as heap still in use after garbage collection, which does not depend on machine load
 * (nothing here is timed). The workbook below is 20 MB of XML holding well under 1 MB of cell
 * content; a model that kept views kept 11 MB of it here (0.8 MB with own copies).
 */
import * as v8 from "v8";
import * as vm from "vm";
import type { WorkbookModel } from "../../../src/core/workbook/model";
import { getCell } from "../../../src/core/workbook/model";
import { readXlsx } from "../../../src/adapters/xlsx/read";
import { buildXlsx, sheetData } from "./buildXlsx";

v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;

const ROWS = 2000;
/** Whitespace between elements: read past, never kept. */
const PADDING = " ".repeat(10_000);
const MB = 1024 * 1024;

function heapUsed(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

/** Heap the model holds once read (everything else the read made has been collected). */
async function heldByModel(build: () => Uint8Array): Promise<{ model: WorkbookModel; heldMB: number }> {
  // The file is made first, so the XML written for it is garbage by the time the heap is measured.
  const bytes = build();
  const before = heapUsed();
  const read = await readXlsx(bytes);
  if (!read.ok) throw new Error(read.reason);
  const heldMB = (heapUsed() - before) / MB;
  return { model: read.model, heldMB };
}

describe("readXlsx: memory", () => {
  it("keeps cell text as its own copy, not a view into the sheet's XML", async () => {
    const { model, heldMB } = await heldByModel(() => {
      const rows: string[] = [];
      for (let i = 1; i <= ROWS; i++) {
        rows.push(
          `<row r="${i}"><c r="A${i}" t="str"><v>Efficiency gain number ${i}</v></c>${PADDING}<c r="B${i}"><f>SUM(C1:C10)*${i}+ROUND(D1,2)</f><v>1</v></c></row>`,
        );
      }
      return buildXlsx({ sheets: [{ name: "Gains", body: sheetData(...rows) }] });
    });
    expect(getCell(model.sheets[0], ROWS - 1, 0)).toEqual({ value: `Efficiency gain number ${ROWS}` });
    expect(getCell(model.sheets[0], ROWS - 1, 1)).toEqual({ value: 1, formula: `SUM(C1:C10)*${ROWS}+ROUND(D1,2)` });
    expect(heldMB).toBeLessThan(5);
  });

  it("holds text repeated down a column once, beside a column of one-off text", async () => {
    const repeated = "No reduction in service to the public: ".repeat(5);
    const { model, heldMB } = await heldByModel(() => {
      const rows: string[] = [];
      for (let i = 1; i <= 20_000; i++) {
        rows.push(`<row r="${i}"><c r="A${i}" t="str"><v>${repeated}</v></c><c r="B${i}" t="str"><v>Budget report ref G${i}</v></c></row>`);
      }
      return buildXlsx({ sheets: [{ name: "Gains", body: sheetData(...rows) }] });
    });
    expect(getCell(model.sheets[0], 19_999, 0)).toEqual({ value: repeated });
    expect(getCell(model.sheets[0], 19_999, 1)).toEqual({ value: "Budget report ref G20000" });
    // 40,000 cells, 20,000 row arrays and 20,000 one-off texts: about 4 MB. A copy of the
    // 195-character text in each row would add another 4 MB.
    expect(heldMB).toBeLessThan(6);
  });
});
