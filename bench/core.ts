/*
 * Core benchmark (issue 5): realistic rows through NETGAIN, DEFLATE and TARGET three ways, timed in
 * the same process after warm-up:
 *   float  - plain double arithmetic on the same inputs (the speed to approach);
 *   exact  - the product's calculation core (src/core/calc), every result exact;
 *   naive  - decimal.js used the obvious way, one Decimal per operand and operation.
 * Every exact result is then compared with an independent BigInt rational reference.
 *
 * Run alone: npm run bench:core (compiles with tsc, then prints a table; --json prints one object).
 */
import Decimal from "decimal.js";
import { deflate, netGain, target } from "../src/core/calc";
import { HMT_2026_03 } from "../src/core/deflators";
import { seededRandom } from "../test/support/register-generator";
import { referenceDeflate, referenceNetGain, referenceTarget } from "../test/core/calc/exactReference";

export interface CoreBenchResult {
  rows: number;
  floatMs: number;
  exactMs: number;
  naiveDecimalMs: number;
  exactVsFloat: number;
  exactVsNaive: number;
  exactMatchesReference: boolean;
}

interface Rows {
  count: number;
  gross: Float64Array;
  costs: Float64Array;
  deliverability: Float64Array;
  amount: Float64Array;
  fromYear: string[];
  toYear: string[];
  baseline: Float64Array;
  rate: Float64Array;
  years: Int32Array;
  simple: Uint8Array;
}

const DELIVERABILITIES = [1, 1, 0.9, 0.85, 0.8, 0.75, 0.6, 0.5, 0.25, 0];
const RATES = [0.03, 0.025, 0.01, 0.035, 0.0325, 0.02, 0.015];
const FIRST_YEAR = HMT_2026_03.points[0].startYear;
const YEAR_COUNT = HMT_2026_03.points.length;

function financialYear(start: number): string {
  return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
}

/** Pence amounts, percentages, RAG-style deliverabilities and financial years as a register holds them. */
export function makeRows(count: number, seed = 20260323): Rows {
  const random = seededRandom(seed);
  const pence = (maxPounds: number): number => Math.floor(random() * maxPounds * 100) / 100;
  const rows: Rows = {
    count,
    gross: new Float64Array(count),
    costs: new Float64Array(count),
    deliverability: new Float64Array(count),
    amount: new Float64Array(count),
    fromYear: new Array<string>(count),
    toYear: new Array<string>(count),
    baseline: new Float64Array(count),
    rate: new Float64Array(count),
    years: new Int32Array(count),
    simple: new Uint8Array(count),
  };
  for (let i = 0; i < count; i++) {
    rows.gross[i] = pence(5_000_000);
    rows.costs[i] = random() < 0.3 ? 0 : pence(1_000_000);
    rows.deliverability[i] = DELIVERABILITIES[Math.floor(random() * DELIVERABILITIES.length)];
    rows.amount[i] = pence(50_000_000);
    rows.fromYear[i] = financialYear(FIRST_YEAR + Math.floor(random() * YEAR_COUNT));
    rows.toYear[i] = financialYear(FIRST_YEAR + Math.floor(random() * YEAR_COUNT));
    rows.baseline[i] = pence(100_000_000);
    rows.rate[i] = RATES[Math.floor(random() * RATES.length)];
    rows.years[i] = 1 + Math.floor(random() * 5);
    rows.simple[i] = random() < 0.2 ? 1 : 0;
  }
  return rows;
}

/** Start year of "2008-09" (the benchmark's rows are always well formed). */
function startYear(text: string): number {
  return (text.charCodeAt(0) - 48) * 1000 + (text.charCodeAt(1) - 48) * 100 + (text.charCodeAt(2) - 48) * 10 + (text.charCodeAt(3) - 48);
}

const INDEX_BY_OFFSET = HMT_2026_03.points.map((point) => point.index);

function runFloat(rows: Rows, out: Float64Array): void {
  for (let i = 0; i < rows.count; i++) {
    out[3 * i] = rows.gross[i] * rows.deliverability[i] - rows.costs[i];
    out[3 * i + 1] =
      (rows.amount[i] * INDEX_BY_OFFSET[startYear(rows.toYear[i]) - FIRST_YEAR]) /
      INDEX_BY_OFFSET[startYear(rows.fromYear[i]) - FIRST_YEAR];
    const b = rows.baseline[i];
    const r = rows.rate[i];
    const n = rows.years[i];
    out[3 * i + 2] = rows.simple[i] === 1 ? b * r * n : b * (Math.pow(1 + r, n) - 1);
  }
}

function valueOf(result: ReturnType<typeof target>): number {
  return result.ok ? result.value : NaN;
}

function runExact(rows: Rows, out: Float64Array): void {
  for (let i = 0; i < rows.count; i++) {
    out[3 * i] = valueOf(netGain(rows.gross[i], rows.costs[i], rows.deliverability[i]));
    out[3 * i + 1] = valueOf(deflate(rows.amount[i], rows.fromYear[i], rows.toYear[i]));
    out[3 * i + 2] = valueOf(target(rows.baseline[i], rows.rate[i], rows.years[i], rows.simple[i] === 1 ? "simple" : null));
  }
}

const DECIMAL_INDEX = INDEX_BY_OFFSET.map((index) => new Decimal(index));

function runNaive(rows: Rows, out: Float64Array): void {
  for (let i = 0; i < rows.count; i++) {
    out[3 * i] = new Decimal(rows.gross[i]).times(rows.deliverability[i]).minus(rows.costs[i]).toNumber();
    out[3 * i + 1] = new Decimal(rows.amount[i])
      .times(DECIMAL_INDEX[startYear(rows.toYear[i]) - FIRST_YEAR])
      .dividedBy(DECIMAL_INDEX[startYear(rows.fromYear[i]) - FIRST_YEAR])
      .toNumber();
    const b = new Decimal(rows.baseline[i]);
    const r = rows.rate[i];
    const n = rows.years[i];
    out[3 * i + 2] = rows.simple[i] === 1 ? b.times(r).times(n).toNumber() : new Decimal(1).plus(r).toPower(n).minus(1).times(b).toNumber();
  }
}

function slice(rows: Rows, count: number): Rows {
  return { ...rows, count: Math.min(count, rows.count) };
}

/** The rows from `start`, `count` of them, as their own set (views on the same arrays). */
function chunk(rows: Rows, start: number, count: number): Rows {
  const end = Math.min(rows.count, start + count);
  return {
    count: end - start,
    gross: rows.gross.subarray(start, end),
    costs: rows.costs.subarray(start, end),
    deliverability: rows.deliverability.subarray(start, end),
    amount: rows.amount.subarray(start, end),
    fromYear: rows.fromYear.slice(start, end),
    toYear: rows.toYear.slice(start, end),
    baseline: rows.baseline.subarray(start, end),
    rate: rows.rate.subarray(start, end),
    years: rows.years.subarray(start, end),
    simple: rows.simple.subarray(start, end),
  };
}

function time(run: (rows: Rows, out: Float64Array) => void, rows: Rows, out: Float64Array): number {
  const start = process.hrtime.bigint();
  run(rows, out);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const CHUNK_ROWS = 50_000;
const REPEATS = 5;

/**
 * Float and exact are timed chunk by chunk, alternately, several times; each chunk counts its
 * fastest run. On a shared machine other work only ever adds time, so this compares the two paths
 * under the same conditions. Each exact chunk still includes the garbage collection its own
 * allocations cause.
 */
function timeAlternately(data: Rows, floatOut: Float64Array, exactOut: Float64Array): { floatMs: number; exactMs: number } {
  const chunks: Rows[] = [];
  for (let start = 0; start < data.count; start += CHUNK_ROWS) chunks.push(chunk(data, start, CHUNK_ROWS));
  const bestFloat = chunks.map(() => Infinity);
  const bestExact = chunks.map(() => Infinity);
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    chunks.forEach((rows, c) => {
      const floatView = floatOut.subarray(c * CHUNK_ROWS * 3);
      const exactView = exactOut.subarray(c * CHUNK_ROWS * 3);
      bestFloat[c] = Math.min(bestFloat[c], time(runFloat, rows, floatView));
      bestExact[c] = Math.min(bestExact[c], time(runExact, rows, exactView));
    });
  }
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  return { floatMs: sum(bestFloat), exactMs: sum(bestExact) };
}

/** Compares every exact result with the BigInt reference; returns the first mismatch, or null. */
export function firstMismatch(rows: Rows, exact: Float64Array): string | null {
  for (let i = 0; i < rows.count; i++) {
    const expectedNet = referenceNetGain([rows.gross[i]], [rows.costs[i]], rows.deliverability[i]);
    if (exact[3 * i] !== expectedNet)
      return `row ${i} NETGAIN(${rows.gross[i]}, ${rows.costs[i]}, ${rows.deliverability[i]}) = ${exact[3 * i]}, reference ${expectedNet}`;
    const to = INDEX_BY_OFFSET[startYear(rows.toYear[i]) - FIRST_YEAR];
    const from = INDEX_BY_OFFSET[startYear(rows.fromYear[i]) - FIRST_YEAR];
    const expectedDeflate = referenceDeflate(rows.amount[i], to, from);
    if (exact[3 * i + 1] !== expectedDeflate)
      return `row ${i} DEFLATE(${rows.amount[i]}, ${rows.fromYear[i]}, ${rows.toYear[i]}) = ${exact[3 * i + 1]}, reference ${expectedDeflate}`;
    const expectedTarget = referenceTarget(rows.baseline[i], rows.rate[i], rows.years[i], rows.simple[i] === 1 ? "simple" : "compound");
    if (exact[3 * i + 2] !== expectedTarget)
      return `row ${i} TARGET(${rows.baseline[i]}, ${rows.rate[i]}, ${rows.years[i]}) = ${exact[3 * i + 2]}, reference ${expectedTarget}`;
  }
  return null;
}

export function runCoreBench(rows = 1_000_000): CoreBenchResult {
  const data = makeRows(rows);
  const floatOut = new Float64Array(rows * 3);
  const exactOut = new Float64Array(rows * 3);
  const naiveOut = new Float64Array(rows * 3);

  // Warm-up, so each path is measured optimised by the JIT.
  const warm = slice(data, 50_000);
  for (let k = 0; k < 3; k++) {
    runFloat(warm, floatOut);
    runExact(warm, exactOut);
  }
  runNaive(slice(data, 20_000), naiveOut);

  const { floatMs, exactMs } = timeAlternately(data, floatOut, exactOut);
  // Naive decimal.js is two orders of magnitude slower; one run over every row is enough.
  const naiveDecimalMs = time(runNaive, data, naiveOut);

  const mismatch = firstMismatch(data, exactOut);
  if (mismatch !== null) process.stderr.write(`core bench: exact result differs from the reference: ${mismatch}\n`);

  return {
    rows,
    floatMs: round(floatMs),
    exactMs: round(exactMs),
    naiveDecimalMs: round(naiveDecimalMs),
    exactVsFloat: round(exactMs / floatMs),
    exactVsNaive: round(exactMs / naiveDecimalMs, 4),
    exactMatchesReference: mismatch === null,
  };
}

function round(value: number, places = 2): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

if (require.main === module) {
  const json = process.argv.includes("--json");
  const rowsArg = process.argv.find((arg) => /^\d+$/.test(arg));
  const result = runCoreBench(rowsArg ? Number(rowsArg) : undefined);
  if (json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    const lines = [
      `Core: ${result.rows.toLocaleString("en-GB")} rows through NETGAIN, DEFLATE and TARGET`,
      `  float (plain doubles)      ${result.floatMs.toFixed(1).padStart(10)} ms`,
      `  exact (calculation core)   ${result.exactMs.toFixed(1).padStart(10)} ms   ${result.exactVsFloat}x float`,
      `  naive decimal.js           ${result.naiveDecimalMs.toFixed(1).padStart(10)} ms   exact takes ${(result.exactVsNaive * 100).toFixed(1)}% of its time`,
      `  every exact result equals the BigInt reference: ${result.exactMatchesReference ? "yes" : "NO"}`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  }
}
