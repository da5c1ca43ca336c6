/**
 * `vfm target|netgain|deflate ARG...`: the custom functions outside Excel, on the same core.
 *
 * Output: the result alone on stdout as a plain decimal; with --json one object
 * {"value", "usesForecast", "series"}. Exit status: 0 a result; 1 the function returned an Excel error
 * (printed on stderr as "#NUM! message"); 2 the command was used wrongly or a --series file is bad.
 */
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
import { ExcelArgument, parseExcelArgument } from "../args";
import { defineCommand, type CliCommand } from "../command";
import { flag, valueOption } from "../options";
import { readRegularFile } from "../read-file";
import { safeMessage, safeName } from "../terminal";
import { CliIO, EXIT_FINDINGS_OR_FUNCTION_ERROR, EXIT_OK, EXIT_USAGE_OR_UNREADABLE } from "../io";

export type CalcName = "target" | "netgain" | "deflate";

const DOC_OF: Record<CalcName, FunctionDoc> = {
  target: FUNCTION_DOCS.TARGET,
  netgain: FUNCTION_DOCS.NETGAIN,
  deflate: FUNCTION_DOCS.DEFLATE,
};

const ARGUMENT_FORMS = [
  "Each argument is written as in an Excel formula: a number (1200000, -5, 0.9), a percentage (3%),",
  'text in double quotes ("2008-09", "simple"; the shell removes quotes unless you escape them, so',
  "2008-09 and simple work bare too), TRUE or FALSE, an array constant ({100,200} for a row,",
  '{100;200} for a column), or "" to leave out an optional argument.',
];

/** A deflator series is a few dozen lines; 1 MB is thousands of years of them. */
const SERIES_LIMIT = {
  maxBytes: 1024 * 1024,
  limitFor: "a deflator series",
  advice: "give a CSV file of financial years and indices",
};

const JSON_OPTION = flag('print {"value": ..., "usesForecast": true|false, "series": ...}');

const SERIES_OPTION = valueOption<string>({
  placeholder: "FILE.csv",
  needs: "a file name",
  once: true,
  help: [
    "use your own deflators: a CSV file with a header row and columns for the",
    "financial year and the index, and optionally is_forecast (true/false)",
  ],
  parse: (text) => ({ ok: true, value: text }),
});

/** The command line of `vfm NAME`: the arguments and help are the descriptions Excel shows, from the same source. */
function calcCommandLine(name: CalcName) {
  const doc = DOC_OF[name];
  const width = Math.max(...doc.parameters.map((p) => p.name.length)) + 4;
  const description = [
    `VFM.${doc.id}: ${doc.description}`,
    "",
    "Arguments:",
    ...doc.parameters.map((p) => `  ${(p.optional ? `[${p.name}]` : p.name).padEnd(width)}${p.description}`),
    "",
    ...ARGUMENT_FORMS,
  ].join("\n");
  const footer = [
    "Examples:",
    ...doc.examples.map((example) => `  ${example.command}\n      ${example.result}    (${example.note})`),
    "",
    "Exit status: 0 a result; 1 the function returned an Excel error (#VALUE!, #NUM! or #N/A, with its",
    "message, on stderr); 2 the command was used wrongly or the --series file could not be used.",
  ].join("\n");
  return {
    name,
    operands: doc.parameters.map((p) => (p.optional ? `[${p.name.toUpperCase()}]` : p.name.toUpperCase())).join(" "),
    description,
    footer,
    helpTopic: "the arguments",
  };
}

/** The help for `vfm FUNCTION --help`. */
export function calcHelp(name: string): string {
  const key = name.toLowerCase() as CalcName;
  const command = CALC_COMMANDS.find((c) => c.name === key);
  if (!command) return `vfm: no function called '${name}'; the functions are target, netgain and deflate\n`;
  return command.help();
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
function readSeriesCsv(text: string, fileName: string): DeflatorSeries | string {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const headerAt = lines.findIndex((line) => line.trim() !== "");
  if (headerAt < 0) return `${fileName} is empty; it needs a header row and rows of financial year and index`;
  const header = splitCsvLine(lines[headerAt]).map((cell) => cell.toLowerCase());
  if (header.length < 2)
    return `${fileName} line ${headerAt + 1}: the header needs at least two columns separated by commas (financial year, index)`;
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

interface CalcRequest {
  name: CalcName;
  values: { json: boolean; series?: string };
  operands: string[];
  io: CliIO;
  usage: (problem: string) => number;
}

/** Runs `vfm target|netgain|deflate`; returns the exit status. */
async function runCalculation({ name, values, operands, io, usage }: CalcRequest): Promise<number> {
  const given: ExcelArgument[] = [];
  for (const operand of operands) {
    const value = parseExcelArgument(operand);
    if (!value.ok) return usage(`argument ${given.length + 1}: ${value.message}`);
    given.push(value.value);
  }
  const doc = DOC_OF[name];
  const required = doc.parameters.filter((p) => !p.optional).length;
  const allowed = doc.parameters.length;
  if (given.length < required || given.length > allowed) {
    const expected = required === allowed ? `${required}` : `${required} to ${allowed}`;
    return usage(`expected ${expected} arguments, got ${given.length}`);
  }

  let deflators: unknown = given[3] ?? null;
  if (values.series !== undefined) {
    if (given.length > 3 && given[3] !== null) return usage("give the deflators either as the fourth argument or with --series, not both");
    const read = await readRegularFile(values.series, io.cwd, SERIES_LIMIT);
    if (!read.ok) {
      io.stderr(`vfm deflate: cannot read ${safeName(values.series)}: ${safeMessage(read.reason)}\n`);
      return EXIT_USAGE_OR_UNREADABLE;
    }
    const series = readSeriesCsv(new TextDecoder().decode(read.bytes), values.series);
    if (typeof series === "string") {
      io.stderr(`vfm deflate: ${safeMessage(series)}\n`);
      return EXIT_USAGE_OR_UNREADABLE;
    }
    deflators = series;
  }

  let result: CalcResult;
  if (name === "target") result = target(given[0], given[1], given[2], given[3]);
  else if (name === "netgain") result = netGain(given[0], given[1], given[2]);
  else result = deflate(given[0], given[1], given[2], deflators);

  if (!result.ok) {
    io.stderr(`${result.kind} ${safeMessage(result.message)}\n`);
    return EXIT_FINDINGS_OR_FUNCTION_ERROR;
  }
  if (values.json) {
    io.stdout(`${JSON.stringify({ value: result.value, usesForecast: result.usesForecast, series: result.series })}\n`);
  } else {
    io.stdout(`${formatPlainDecimal(result.value)}\n`);
    if (result.usesForecast) {
      io.stderr(
        `note: this result uses a forecast year of ${safeName(result.series ?? "")}, not outturn; it will change as the forecast is revised\n`,
      );
    }
  }
  return EXIT_OK;
}

function summary(name: CalcName): string {
  const doc = DOC_OF[name];
  return `VFM.${doc.id}: ${doc.description}`;
}

/** `vfm target`, `vfm netgain` and `vfm deflate`: the calculations are described exactly as Excel describes them. */
export const CALC_COMMANDS: readonly CliCommand[] = [
  ...(["target", "netgain"] as const).map((name) =>
    defineCommand({
      ...calcCommandLine(name),
      summary: summary(name),
      options: { json: JSON_OPTION },
      run: (input) => runCalculation({ name, ...input }),
    }),
  ),
  defineCommand({
    ...calcCommandLine("deflate"),
    summary: summary("deflate"),
    options: { series: SERIES_OPTION, json: JSON_OPTION },
    run: (input) => runCalculation({ name: "deflate", ...input }),
  }),
];

/** Runs `vfm target|netgain|deflate` with ARGS; returns the exit status. */
export function runCalc(name: CalcName, args: string[], io: CliIO): Promise<number> {
  const command = CALC_COMMANDS.find((c) => c.name === name);
  if (!command) throw new Error(`no calculation '${name}'`);
  return command.run(args, io);
}
