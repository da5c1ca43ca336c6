/**
 * `vfm target|netgain|deflate ARG...`: the custom functions outside Excel, on the same core.
 *
 * Output: the result alone on stdout as a plain decimal; with --json one object
 * {"value", "usesForecast", "series"}. Exit status: 0 a result; 1 the function returned an Excel error
 * (printed on stderr as "#NUM! message"); 2 the command was used wrongly or a --series file is bad.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  CalcResult,
  DeflatorSeries,
  FUNCTION_DOCS,
  FunctionDoc,
  deflate,
  formatPlainDecimal,
  netGain,
  seriesFromRows,
  target,
} from "../../core/calc";
import { ExcelArgument, isOption, parseExcelArgument } from "../args";
import { CliIO, EXIT_FINDINGS_OR_FUNCTION_ERROR, EXIT_OK, EXIT_USAGE_OR_UNREADABLE } from "../io";

export type CalcName = "target" | "netgain" | "deflate";

const DOC_OF: Record<CalcName, FunctionDoc> = {
  target: FUNCTION_DOCS.TARGET,
  netgain: FUNCTION_DOCS.NETGAIN,
  deflate: FUNCTION_DOCS.DEFLATE,
};

function usageLine(name: CalcName): string {
  const args = DOC_OF[name].parameters.map((p) => (p.optional ? `[${p.name.toUpperCase()}]` : p.name.toUpperCase())).join(" ");
  const series = name === "deflate" ? " [--series FILE.csv]" : "";
  return `vfm ${name} ${args}${series} [--json]`;
}

const ARGUMENT_FORMS = [
  "Each argument is written as in an Excel formula: a number (1200000, -5, 0.9), a percentage (3%),",
  'text in double quotes ("2008-09", "simple"; the shell removes quotes unless you escape them, so',
  "2008-09 and simple work bare too), TRUE or FALSE, an array constant ({100,200} for a row,",
  '{100;200} for a column), or "" to leave out an optional argument.',
];

/** The help for `vfm FUNCTION --help`: the descriptions Excel shows, from the same source. */
export function calcHelp(name: string): string {
  const key = name.toLowerCase() as CalcName;
  const doc = DOC_OF[key];
  if (!doc) return `vfm: no function called '${name}'; the functions are target, netgain and deflate\n`;
  const width = Math.max(...doc.parameters.map((p) => p.name.length)) + 4;
  const lines = [
    `Usage: ${usageLine(key)}`,
    "",
    `VFM.${doc.id}: ${doc.description}`,
    "",
    "Arguments:",
    ...doc.parameters.map((p) => `  ${(p.optional ? `[${p.name}]` : p.name).padEnd(width)}${p.description}`),
    "",
    ...ARGUMENT_FORMS,
    "",
    "Options:",
    '  --json              print {"value": ..., "usesForecast": true|false, "series": ...}',
  ];
  if (key === "deflate") {
    lines.push(
      "  --series FILE.csv   use your own deflators: a CSV file with a header row and columns for the",
      "                      financial year and the index, and optionally is_forecast (true/false)",
    );
  }
  lines.push(
    "  --help              show this help",
    "",
    "Examples:",
    ...doc.examples.map((example) => `  ${example.command}\n      ${example.result}    (${example.note})`),
    "",
    "Exit status: 0 a result; 1 the function returned an Excel error (#VALUE!, #NUM! or #N/A, with its",
    "message, on stderr); 2 the command was used wrongly or the --series file could not be used.",
  );
  return lines.join("\n") + "\n";
}

function usageError(name: CalcName, io: CliIO, problem: string): number {
  io.stderr(`vfm ${name}: ${problem}\nUsage: ${usageLine(name)}\nRun \`vfm ${name} --help\` for the arguments.\n`);
  return EXIT_USAGE_OR_UNREADABLE;
}

/** Splits one CSV line into cells (quoted cells may hold commas and doubled quotes). */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        current += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ",") {
      cells.push(current.trim());
      current = "";
    } else {
      current += char;
    }
  }
  cells.push(current.trim());
  return cells;
}

/** Reads a deflator series from a CSV file; a one-line message when it cannot be used. */
export function readSeriesCsv(text: string, fileName: string): DeflatorSeries | string {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const headerAt = lines.findIndex((line) => line.trim() !== "");
  if (headerAt < 0) return `${fileName} is empty; it needs a header row and rows of financial year and index`;
  const header = splitCsvLine(lines[headerAt]).map((cell) => cell.toLowerCase());
  if (header.length < 2) return `${fileName} line ${headerAt + 1}: the header needs at least two columns separated by commas (financial year, index)`;
  const find = (pattern: RegExp, fallback: number): number => {
    const at = header.findIndex((cell) => pattern.test(cell));
    return at >= 0 ? at : fallback;
  };
  const forecastColumn = find(/forecast/, -1);
  const yearColumn = find(/year/, 0);
  let indexColumn = find(/index|deflator/, -1);
  if (indexColumn < 0) indexColumn = [0, 1, 2].find((c) => c !== yearColumn && c !== forecastColumn && c < header.length) ?? 1;
  const rows: unknown[][] = [];
  for (let i = headerAt + 1; i < lines.length; i++) {
    if (lines[i].trim() === "") {
      rows.push([]);
      continue;
    }
    const cells = splitCsvLine(lines[i]);
    const row: unknown[] = [cells[yearColumn] ?? "", cells[indexColumn] ?? ""];
    if (forecastColumn >= 0) row.push(cells[forecastColumn] ?? "");
    rows.push(row);
  }
  const id = path.basename(fileName);
  const series = seriesFromRows(rows, id, { label: id, skipHeadings: false, firstRowNumber: headerAt + 2, rowWord: "line" });
  if ("ok" in series) return series.message;
  return { ...series, title: `${id} (your file)` };
}

interface ParsedCommand {
  json: boolean;
  help: boolean;
  seriesFile: string | null;
  values: ExcelArgument[];
}

function parseCommand(name: CalcName, args: string[]): ParsedCommand | string {
  const parsed: ParsedCommand = { json: false, help: false, seriesFile: null, values: [] };
  let optionsEnded = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!optionsEnded && isOption(arg)) {
      if (arg === "--") optionsEnded = true;
      else if (arg === "--json") parsed.json = true;
      else if (arg === "--help" || arg === "-h") parsed.help = true;
      else if (name === "deflate" && (arg === "--series" || arg.startsWith("--series="))) {
        const file = arg === "--series" ? args[++i] : arg.slice("--series=".length);
        if (file === undefined || file === "") return "--series needs a file name";
        if (parsed.seriesFile !== null) return "--series is given twice";
        parsed.seriesFile = file;
      } else return `unknown option ${arg}`;
      continue;
    }
    const value = parseExcelArgument(arg);
    if (!value.ok) return `argument ${parsed.values.length + 1}: ${value.message}`;
    parsed.values.push(value.value);
  }
  return parsed;
}

/** Runs `vfm target|netgain|deflate`; returns the exit status. */
export async function runCalc(name: CalcName, args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommand(name, args);
  if (typeof parsed === "string") return usageError(name, io, parsed);
  if (parsed.help) {
    io.stdout(calcHelp(name));
    return EXIT_OK;
  }
  const doc = DOC_OF[name];
  const required = doc.parameters.filter((p) => !p.optional).length;
  const allowed = doc.parameters.length;
  const given = parsed.values;
  if (given.length < required || given.length > allowed) {
    const expected = required === allowed ? `${required}` : `${required} to ${allowed}`;
    return usageError(name, io, `expected ${expected} arguments, got ${given.length}`);
  }

  let deflators: unknown = given[3] ?? null;
  if (parsed.seriesFile !== null) {
    if (given.length > 3 && given[3] !== null) return usageError(name, io, "give the deflators either as the fourth argument or with --series, not both");
    let text: string;
    try {
      text = fs.readFileSync(path.resolve(io.cwd, parsed.seriesFile), "utf8");
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
      io.stderr(`vfm deflate: cannot read ${parsed.seriesFile}: ${reason}\n`);
      return EXIT_USAGE_OR_UNREADABLE;
    }
    const series = readSeriesCsv(text, parsed.seriesFile);
    if (typeof series === "string") {
      io.stderr(`vfm deflate: ${series}\n`);
      return EXIT_USAGE_OR_UNREADABLE;
    }
    deflators = series;
  }

  let result: CalcResult;
  if (name === "target") result = target(given[0], given[1], given[2], given[3]);
  else if (name === "netgain") result = netGain(given[0], given[1], given[2]);
  else result = deflate(given[0], given[1], given[2], deflators);

  if (!result.ok) {
    io.stderr(`${result.kind} ${result.message}\n`);
    return EXIT_FINDINGS_OR_FUNCTION_ERROR;
  }
  if (parsed.json) {
    io.stdout(`${JSON.stringify({ value: result.value, usesForecast: result.usesForecast, series: result.series })}\n`);
  } else {
    io.stdout(`${formatPlainDecimal(result.value)}\n`);
    if (result.usesForecast) {
      io.stderr(`note: this result uses a forecast year of ${result.series}, not outturn; it will change as the forecast is revised\n`);
    }
  }
  return EXIT_OK;
}
