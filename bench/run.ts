/**
 * `npm run bench` — every performance figure of the product, measured in one run on this machine.
 *   npm run bench            a readable table
 *   npm run bench -- --json  one JSON object with every figure
 * Timings are medians/best-of-N after warm-up; they vary with machine load, which is why they are
 * a benchmark and never a test. Goals are printed beside each figure.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { execFileSync, spawnSync } from "child_process";
import { performance } from "perf_hooks";
import { runCoreBench } from "./core";
import { runOfficeBench } from "./office";
import { runPaneBench } from "./pane";
import { runCompareBench } from "./compare";
import { runConsolidateBench } from "./consolidate";
import { runLongTaskBench } from "./page-longtask";
import { generateRegisterModel } from "../test/support/register-generator";
import { writeModelToXlsx } from "./write-model";
import { readXlsx } from "../src/adapters/xlsx/read";
import { validateWorkbook } from "../src/core/validate";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const WORK = path.join(ROOT, "build-bench", "data");

interface ValidateFigure {
  gains: number;
  coreMs: number;
  xlsxMs: number;
  /** `vfm validate FILE --format json` in a new process: wall time and its own peak resident memory. */
  cliMs: number;
  peakMB: number;
}

/**
 * Issue #12's measure: the built `vfm validate` on the file, as a user runs it, in its own process
 * (peak memory is that process's VmHWM, written at exit by rss-preload). validate-one's process also
 * holds the generated model it times the core on, so its peak is not the command's.
 */
function cliFigure(file: string): { cliMs: number; peakMB: number } {
  const rssFile = `${file}.rss`;
  fs.rmSync(rssFile, { force: true });
  const start = performance.now();
  const run = spawnSync(
    process.execPath,
    ["-r", path.join(__dirname, "rss-preload.js"), path.join(ROOT, "bin", "vfm.js"), "validate", file, "--format", "json"],
    {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, VFM_RSS_FILE: rssFile },
    },
  );
  const cliMs = Math.round(performance.now() - start);
  // Exit 1 means findings; 2 means the file could not be checked.
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`vfm validate ${path.basename(file)} failed: ${(run.stderr ?? "").split("\n")[0]}`);
  return { cliMs, peakMB: Math.round(Number(fs.readFileSync(rssFile, "utf8")) / 1024) };
}

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${cpu.trim()}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

async function validateFigures(log: (line: string) => void): Promise<ValidateFigure[]> {
  fs.mkdirSync(WORK, { recursive: true });
  const figures: ValidateFigure[] = [];
  for (const gains of [1000, 10000, 100000]) {
    const file = path.join(WORK, `register-${gains}.xlsx`);
    if (!fs.existsSync(file)) {
      log(`  writing a ${gains.toLocaleString("en-GB")}-gain register to ${path.relative(ROOT, file)} ...`);
      await writeModelToXlsx(generateRegisterModel(gains), file);
    }
    const output = execFileSync(
      process.execPath,
      ["--max-old-space-size=8192", path.join(__dirname, "validate-one.js"), String(gains), file],
      {
        encoding: "utf8",
        maxBuffer: 1 << 20,
      },
    );
    const figure = JSON.parse(output.trim().split("\n").pop() as string) as ValidateFigure & { errors: number };
    if (figure.errors !== 0) log(`  note: the generated ${gains}-gain register gave ${figure.errors} error findings`);
    figures.push({ gains: figure.gains, coreMs: figure.coreMs, xlsxMs: figure.xlsxMs, ...cliFigure(file) });
  }
  return figures;
}

function gzipKB(files: string[]): number {
  const total = files.reduce((sum, file) => sum + zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length, 0);
  return Math.round((total / 1024) * 10) / 10;
}

/** Local scripts a built HTML page loads at start-up (the CDN's office.js is not ours). */
function initialScripts(htmlFile: string): string[] {
  const html = fs.readFileSync(htmlFile, "utf8");
  // The production build minifies the HTML, so attribute values may be unquoted.
  return [...html.matchAll(/<script[^>]*\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((src) => !/^https?:/.test(src))
    .map((src) => path.join(DIST, src.replace(/^\.?\//, "").split("?")[0]));
}

function bundleFigures(): { taskpaneGzipKB: number; standaloneReaderGzipKB: number; functionsGzipKB: number } {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/ is missing: run `npm run build` first");
  const jsFiles = fs.readdirSync(DIST).filter((f) => f.endsWith(".js"));
  const readerChunks = jsFiles.filter((f) => /xlsx-reader/.test(f)).map((f) => path.join(DIST, f));
  const functionsFile = jsFiles.find((f) => /^functions(\.[0-9a-f]+)?\.js$/.test(f));
  return {
    taskpaneGzipKB: gzipKB(initialScripts(path.join(DIST, "taskpane.html"))),
    standaloneReaderGzipKB: gzipKB(readerChunks),
    functionsGzipKB: functionsFile ? gzipKB([path.join(DIST, functionsFile)]) : NaN,
  };
}

/** The real-world corpus kept in the repository (test/corpus). */
function corpusFolder(): string | null {
  const folder = path.join(ROOT, "test", "corpus");
  return fs.existsSync(folder) ? folder : null;
}

function listXlsx(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listXlsx(full);
    return entry.name.toLowerCase().endsWith(".xlsx") ? [full] : [];
  });
}

async function corpusFigures(): Promise<{ files: number; totalMs: number; medianMs: number; maxMs: number; mode: string }> {
  const folder = corpusFolder();
  if (!folder) throw new Error("test/corpus not found in the project");
  const files = listXlsx(folder).sort();
  const times: number[] = [];
  // Warm the JIT on one file so the first timed file is not charged for compilation.
  await readXlsx(new Uint8Array(fs.readFileSync(files[0])), { fileName: files[0] });
  for (const file of files) {
    const start = performance.now();
    const bytes = new Uint8Array(fs.readFileSync(file));
    const read = await readXlsx(bytes, { fileName: path.basename(file) });
    if (read.ok) JSON.stringify(validateWorkbook(read.model, { file }));
    times.push(performance.now() - start);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  const r = (ms: number) => Math.round(ms * 10) / 10;
  return {
    files: files.length,
    totalMs: r(times.reduce((a, b) => a + b, 0)),
    medianMs: r(median),
    maxMs: r(sorted[sorted.length - 1]),
    mode: "one process for all files; each file timed from reading its bytes to the JSON report (broken files: until refused)",
  };
}

async function main(): Promise<void> {
  const json = process.argv.includes("--json");
  const log = (line: string) => process.stderr.write(line + "\n");
  log("Benchmarking (this takes a few minutes; figures vary with machine load) ...");
  log("- core arithmetic");
  const core = runCoreBench();
  log("- validator");
  const validate = await validateFigures(log);
  log("- Office adapter round trips");
  const office = await runOfficeBench();
  log("- bundle sizes");
  const bundles = bundleFigures();
  log("- pane in headless chromium");
  const pane = await runPaneBench();
  log("- standalone page: longest main-thread task on the 20 MB register (with the worker, then without)");
  const largest = path.join(WORK, "register-100000.xlsx");
  const pageTasks = { worker: await runLongTaskBench(largest), onThread: await runLongTaskBench(largest, { worker: false }) };
  log("- real corpus");
  const corpus = await corpusFigures();
  log("- compare");
  const compare = await runCompareBench();
  log("- consolidate");
  const consolidateFigures = await runConsolidateBench(WORK);
  const result = { machine: machine(), core, validate, office, bundles, pane, pageTasks, corpus, compare, consolidate: consolidateFigures };
  if (json) {
    process.stdout.write(JSON.stringify(result, null, 2) + "\n");
    return;
  }
  const judged = (met: boolean, text: string) => (met ? text : `${text}: NOT MET`);
  const row = (label: string, value: string, goal: string) => `${label.padEnd(44)} ${value.padStart(14)}   ${goal}`;
  const lines = [
    `Machine: ${result.machine}`,
    "",
    row("figure", "measured", "goal"),
    row(`core: ${core.rows.toLocaleString("en-GB")} rows, float`, `${core.floatMs} ms`, ""),
    row("core: exact (fast path)", `${core.exactMs} ms`, ""),
    row("core: naive decimal.js", `${core.naiveDecimalMs} ms`, ""),
    row("core: exact vs float", `${core.exactVsFloat}x`, "<= 10x"),
    row("core: exact vs naive decimal.js", `${core.exactVsNaive}x`, ""),
    row("core: exact results match the reference", String(core.exactMatchesReference), "true"),
    ...validate.flatMap((v) => [
      row(`validate ${v.gains.toLocaleString("en-GB")} gains: core`, `${v.coreMs} ms`, v.gains === 100000 ? "<= 1000 ms" : ""),
      row(`validate ${v.gains.toLocaleString("en-GB")} gains: from .xlsx`, `${v.xlsxMs} ms`, ""),
      row(
        `validate ${v.gains.toLocaleString("en-GB")} gains: vfm validate, wall`,
        `${v.cliMs} ms`,
        v.gains === 100000 ? judged(v.cliMs < 30000, "< 30000 ms") : "",
      ),
      row(
        `validate ${v.gains.toLocaleString("en-GB")} gains: vfm validate, peak memory`,
        `${v.peakMB} MB`,
        v.gains === 100000 ? judged(v.peakMB < 1024, "< 1 GB") : "",
      ),
    ]),
    row("office: syncs, small workbook", String(office.syncsSmall), "<= 3"),
    row(`office: syncs, large (${office.largeCells.toLocaleString("en-GB")} cells)`, String(office.syncsLarge), ""),
    row("bundles: Excel pane initial JS (gzip)", `${bundles.taskpaneGzipKB} KB`, "<= 150 KB"),
    row("bundles: functions (gzip)", `${bundles.functionsGzipKB} KB`, "<= 40 KB"),
    row("bundles: standalone reader chunk (gzip)", `${bundles.standaloneReaderGzipKB} KB`, ""),
    row("pane: navigation to first findings", `${pane.firstFindingsMs} ms`, "<= 1500 ms"),
    row(`page: ${pageTasks.worker.fileMB} MB workbook, longest main-thread task`, `${pageTasks.worker.longestTaskMs} ms`, "< 200 ms"),
    row("page: the same, results drawn too", `${pageTasks.worker.longestWithRenderingMs} ms`, ""),
    row("page: the same, chosen to results shown", `${pageTasks.worker.checkMs} ms`, ""),
    row("page: without the worker, longest task", `${pageTasks.onThread.longestTaskMs} ms`, ""),
    row("page: without the worker, chosen to results", `${pageTasks.onThread.checkMs} ms`, ""),
    ...(pageTasks.onThread.outcome === "results"
      ? []
      : [`(without the worker the page showed: ${pageTasks.onThread.outcome.slice(0, 160)})`]),
    row(`corpus: ${corpus.files} workbooks, median`, `${corpus.medianMs} ms`, "<= 500 ms"),
    row("corpus: slowest", `${corpus.maxMs} ms`, ""),
    row("corpus: total", `${corpus.totalMs} ms`, ""),
    `(${corpus.mode})`,
    row("compare: two example-size returns, end to end", `${compare.exampleEndToEndMs} ms`, ""),
    row("compare: the comparison alone", `${compare.exampleCompareMs} ms`, ""),
    ...compare.large.map((l) =>
      row(`compare: ${l.gains.toLocaleString("en-GB")} gains, records / compare`, `${l.recordsMs} / ${l.compareMs} ms`, ""),
    ),
    row(`consolidate: ${consolidateFigures.returns} returns, end to end (vfm)`, `${consolidateFigures.endToEndMs} ms`, "< 5000 ms"),
    row(
      "consolidate: the same in one process, wall / CPU",
      `${consolidateFigures.inProcessMs} / ${consolidateFigures.inProcessCpuMs} ms`,
      "",
    ),
    row("consolidate: roll-up and page alone", `${consolidateFigures.rollUpMs} ms`, ""),
    `(consolidate ran at a load average of ${consolidateFigures.loadAverage} on ${os.cpus().length} cores)`,
  ];
  process.stdout.write(lines.join("\n") + "\n");
}

main().catch((err) => {
  process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
