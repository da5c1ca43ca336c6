/**
 * `vfm consolidate` figures for `npm run bench`: a batch of 43 returns of the bundled example's size
 * (the consolidate fixtures' three forces, copied in turn to 43 files, as 43 police forces would send):
 *  - end to end: `vfm consolidate` run as a user runs it (a new Node process: start-up, reading and
 *    checking every file, the roll-up, the board pack written as .xlsx and the HTML page on stdout),
 *    the median of three runs; goal under 5 s;
 *  - in one process: the 43 files read, checked and rolled up (wall and CPU time), and the roll-up alone.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync } from "child_process";
import { performance } from "perf_hooks";
import { readXlsx } from "../src/adapters/xlsx/read";
import { consolidate, consolidatedReturnOfModel, type ConsolidatedReturn } from "../src/core/review/consolidate";
import { boardPackHtml } from "../src/core/review/consolidate-html";

const ROOT = path.resolve(__dirname, "../..");
const FIXTURES = path.join(ROOT, "test", "fixtures", "consolidate");
const RETURNS = 43;
const SOURCES = ["northmoor-police.xlsx", "eastmoor-police.xlsx", "harrowgate-police.xlsx"];

export interface ConsolidateFigures {
  returns: number;
  endToEndMs: number;
  inProcessMs: number;
  /** CPU time of the in-process run: what it costs whatever else the machine is doing. */
  inProcessCpuMs: number;
  rollUpMs: number;
  totalRiskAdjustedCashable: number;
  /** The machine's 1-minute load average when the batch ran (the machine is shared: read the figures with it). */
  loadAverage: number;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function runConsolidateBench(workDir: string): Promise<ConsolidateFigures> {
  const dir = path.join(workDir, "consolidate");
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < RETURNS; i++) {
    const file = path.join(dir, `return-${String(i + 1).padStart(2, "0")}.xlsx`);
    fs.copyFileSync(path.join(FIXTURES, SOURCES[i % SOURCES.length]), file);
    files.push(file);
  }

  const vfm = path.join(ROOT, "bin", "vfm.js");
  const out = path.join(dir, "board-pack.xlsx");
  const endToEnd: number[] = [];
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    try {
      execFileSync(
        process.execPath,
        [vfm, "consolidate", ...files, "--target-rate", "3%", "--baseline", "12.6bn", "--format", "html", "--out", out, "--force"],
        {
          stdio: ["ignore", "pipe", "pipe"],
          maxBuffer: 64 * 1024 * 1024,
        },
      );
    } catch (error) {
      // Exit status 1 (a return has an error finding) is the expected result; anything else is not.
      if ((error as { status?: number }).status !== 1) throw error;
    }
    endToEnd.push(performance.now() - start);
  }

  const rows: ConsolidatedReturn[] = [];
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  for (const file of files) {
    const read = await readXlsx(new Uint8Array(fs.readFileSync(file)), { fileName: path.basename(file) });
    if (!read.ok) throw new Error(`${file}: ${read.reason}`);
    rows.push(consolidatedReturnOfModel(read.model, { file: path.basename(file) }));
  }
  const c = consolidate(rows);
  boardPackHtml(c);
  const inProcessMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const rollUp: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    boardPackHtml(consolidate(rows));
    rollUp.push(performance.now() - t);
  }
  return {
    loadAverage: Math.round(os.loadavg()[0] * 10) / 10,
    returns: RETURNS,
    endToEndMs: round(median(endToEnd)),
    inProcessMs: round(inProcessMs),
    inProcessCpuMs: round((cpu.user + cpu.system) / 1000),
    rollUpMs: round(median(rollUp)),
    totalRiskAdjustedCashable: c.totals.riskAdjustedCashable,
  };
}
