/**
 * One validator measurement in a fresh process, so that its peak memory (VmHWM) is its own:
 *   node build-bench/bench/validate-one.js GAINS XLSX_PATH
 * Prints one JSON line: { gains, coreMs, xlsxMs, peakMB, errors }.
 */
import * as fs from "fs";
import { performance } from "perf_hooks";
import { generateRegisterModel } from "../test/support/register-generator";
import { validateWorkbook } from "../src/core/validate";
import { readXlsx } from "../src/adapters/xlsx/read";

function peakRssMB(): number {
  try {
    const status = fs.readFileSync("/proc/self/status", "utf8");
    const match = /VmHWM:\s+(\d+)\s+kB/.exec(status);
    if (match) return Math.round(Number(match[1]) / 1024);
  } catch {
    // not Linux: fall back to the current resident size
  }
  return Math.round(process.memoryUsage().rss / 1048576);
}

async function main(): Promise<void> {
  const gains = Number(process.argv[2]);
  const xlsxPath = process.argv[3];
  const model = generateRegisterModel(gains);
  const options = { file: `generated-${gains}.xlsx`, reportingDate: undefined };
  // Warm-up, then the best of a few timed runs in the core (model already in memory).
  validateWorkbook(model, options);
  const runs = gains >= 100000 ? 3 : 5;
  let coreMs = Infinity;
  let errors = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const report = validateWorkbook(model, options);
    coreMs = Math.min(coreMs, performance.now() - start);
    errors = report.summary.errors;
  }
  // End to end: file bytes -> reader -> validator.
  const start = performance.now();
  const bytes = new Uint8Array(fs.readFileSync(xlsxPath));
  const read = await readXlsx(bytes, { fileName: xlsxPath });
  if (!read.ok) throw new Error(`generated workbook refused: ${read.reason}`);
  validateWorkbook(read.model, options);
  const xlsxMs = performance.now() - start;
  process.stdout.write(JSON.stringify({ gains, coreMs: round(coreMs), xlsxMs: round(xlsxMs), peakMB: peakRssMB(), errors }) + "\n");
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

main().catch((err) => {
  process.stderr.write(`validate-one: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
