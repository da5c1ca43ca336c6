/**
 * `vfm compare` figures for `npm run bench`:
 *  - two returns of the bundled example's size (examples/northmoor-police-q1.xlsx and
 *    examples/northmoor-police.xlsx), end to end: both files read, analysed, compared and the text
 *    report made; and the comparison alone on their records;
 *  - a large register (10,000 and 100,000 gains, the validator bench's generated register) against a
 *    copy with every 10th gross gain changed, every 7th profile moved a year later and every 50th ID
 *    renumbered (so matching by name is exercised too): records of both and the comparison.
 */
import * as fs from "fs";
import * as path from "path";
import { performance } from "perf_hooks";
import { readXlsx } from "../src/adapters/xlsx/read";
import { compareReturns } from "../src/core/review/compare";
import { formatComparisonText } from "../src/core/review/compare-report";
import { recordsOfModel } from "../src/core/review/return-records";
import { generateRegisterModel } from "../test/support/register-generator";
import type { Sheet, WorkbookModel } from "../src/core/workbook/model";

const ROOT = path.resolve(__dirname, "../..");

export interface CompareFigures {
  exampleEndToEndMs: number;
  exampleCompareMs: number;
  large: Array<{ gains: number; recordsMs: number; compareMs: number; changes: number }>;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

function sheetWithHeader(model: WorkbookModel, header: string): { sheet: Sheet; row: number; col: number } {
  for (const sheet of model.sheets) {
    for (let r = 0; r < Math.min(sheet.rows.length, 10); r++) {
      const col = (sheet.rows[r] ?? []).findIndex((cell) => cell?.value === header);
      if (col >= 0) return { sheet, row: r, col };
    }
  }
  throw new Error(`no ${header} header in the generated register`);
}

/** A later return of the generated register: some gross gains changed, profiles slipped, IDs renumbered. */
function laterReturn(gains: number): WorkbookModel {
  const model = generateRegisterModel(gains);
  const gross = sheetWithHeader(model, "Gross gain");
  const id = sheetWithHeader(model, "ID");
  const year = sheetWithHeader(model, "2008-09");
  for (let i = 0; i < gains; i++) {
    const row = gross.sheet.rows[gross.row + 1 + i];
    if (row && i % 10 === 0 && typeof row[gross.col]?.value === "number")
      row[gross.col] = { ...row[gross.col]!, value: (row[gross.col]!.value as number) + 1000 };
    if (row && i % 50 === 0) row[id.col] = { value: `R${i + 1}` };
    const profile = year.sheet.rows[year.row + 1 + i];
    if (profile && i % 7 === 0) {
      // The first year's value moves into the second.
      const first = profile[year.col]?.value;
      const second = profile[year.col + 1]?.value;
      if (typeof first === "number" && typeof second === "number") {
        profile[year.col] = { value: 0 };
        profile[year.col + 1] = { value: first + second };
      }
    }
  }
  return model;
}

export async function runCompareBench(): Promise<CompareFigures> {
  const files = [path.join(ROOT, "examples", "northmoor-police-q1.xlsx"), path.join(ROOT, "examples", "northmoor-police.xlsx")];
  const endToEnd = async () => {
    const records = [];
    for (const file of files) {
      const read = await readXlsx(new Uint8Array(fs.readFileSync(file)), { fileName: path.basename(file) });
      if (!read.ok) throw new Error(`${file}: ${read.reason}`);
      records.push(recordsOfModel(read.model, path.basename(file)));
    }
    formatComparisonText(compareReturns(records[0], records[1]));
    return records;
  };
  const [last, current] = await endToEnd(); // warm-up
  const e2e: number[] = [];
  for (let i = 0; i < 10; i++) {
    const start = performance.now();
    await endToEnd();
    e2e.push(performance.now() - start);
  }
  const core: number[] = [];
  for (let i = 0; i < 50; i++) {
    const start = performance.now();
    compareReturns(last, current);
    core.push(performance.now() - start);
  }

  const large: CompareFigures["large"] = [];
  for (const gains of [10_000, 100_000]) {
    const before = generateRegisterModel(gains);
    const after = laterReturn(gains);
    const startRecords = performance.now();
    const a = recordsOfModel(before, "last.xlsx");
    const b = recordsOfModel(after, "this.xlsx");
    const recordsMs = performance.now() - startRecords;
    compareReturns(a, b); // warm-up
    const times: number[] = [];
    let changes = 0;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      const c = compareReturns(a, b);
      times.push(performance.now() - start);
      changes = c.movements.length + c.slipped.length + c.matchedByName.length;
    }
    large.push({ gains, recordsMs: round(recordsMs), compareMs: round(Math.min(...times)), changes });
  }
  return { exampleEndToEndMs: round(median(e2e)), exampleCompareMs: round(median(core) * 1000) / 1000, large };
}
