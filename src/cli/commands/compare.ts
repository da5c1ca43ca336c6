/**
 * `vfm compare LAST.xlsx THIS.xlsx`: what changed since the last return (src/core/review/compare.ts),
 * as grouped text, JSON, and with `--out` a workbook holding the changes as a table.
 *
 * Exit status: 0 compared (whether or not anything changed); 2 a file could not be read or written,
 * or the arguments are wrong.
 */
import * as path from "node:path";
import { readXlsx } from "../../adapters/xlsx/read/index";
import { compareReturns, type ReturnComparison } from "../../core/review/compare";
import { changesWorkbookSpec, formatComparisonText } from "../../core/review/compare-report";
import { recordsOfModel, type ReturnRecords } from "../../core/review/return-records";
import { defineCommand, type CommandInput } from "../command";
import { FormatterRegistry } from "../formatters";
import { EXIT_OK, EXIT_USAGE_OR_UNREADABLE } from "../io";
import { flag, valueOption } from "../options";
import { readWorkbookFile } from "../read-file";
import { fileMessage, safeName, terminalIsUnicode } from "../terminal";
import { writeOutputFile } from "../write-file";

interface CompareOutput {
  comparison: ReturnComparison;
  unicode: boolean;
}

const COMPARE_FORMATS = new FormatterRegistry<CompareOutput>()
  .register({
    name: "text",
    help: "what changed, grouped, for people",
    format: ({ comparison, unicode }) => formatComparisonText(comparison, { unicode }),
  })
  .register({
    name: "json",
    help: "the comparison as one JSON object, every amount exact",
    format: ({ comparison }) => JSON.stringify(comparison, null, 2) + "\n",
  });

const COMPARE = {
  name: "compare",
  operands: "LAST.xlsx THIS.xlsx",
  description: `Compares this return with the last one from the same body and lists what changed: gains
added and removed (matched by ID, or by name where an ID changed), net and risk-adjusted movements,
slippage (profile moved to a later year), RAG and deliverability changes, baseline or target restated,
and quarters whose actuals were revised after being reported. Records are compared, never cells:
moved columns, renamed sheets, reordered rows, formats and units (£, £k, £m) are not changes.`,
  footer: `Exit status: 0 compared (with or without changes); 2 a file could not be read or written, or the
arguments are wrong.`,
  options: {
    format: COMPARE_FORMATS.option(),
    out: valueOption<string>({
      placeholder: "OUT.xlsx",
      needs: "a file name ending in .xlsx",
      help: "also write the changes to a workbook (one sheet, an Excel table)",
      parse: (text) => (/\.xlsx$/i.test(text) ? { ok: true, value: text } : { ok: false, message: `'${text}' must end in .xlsx` }),
    }),
    force: flag("overwrite OUT.xlsx if it exists"),
  },
};

type Loaded = { ok: true; records: ReturnRecords; notes: string[] } | { ok: false; reason: string };

async function load(file: string, cwd: string): Promise<Loaded> {
  const read = await readWorkbookFile(file, cwd);
  if (!read.ok) return read;
  const workbook = await readXlsx(read.bytes, { fileName: path.basename(file) });
  if (!workbook.ok) return workbook;
  const records = recordsOfModel(workbook.model, path.basename(file));
  const notes = [...workbook.warnings];
  if (!records.registerFound) notes.push("no gains register was found in this workbook, so it counts as having no gains");
  return { ok: true, records, notes };
}

async function runCompare({ values, operands, io, usage }: CommandInput<typeof COMPARE.options>): Promise<number> {
  if (operands.length !== 2)
    return usage(operands.length < 2 ? "give two .xlsx files: the last return, then this one" : `give two files, not ${operands.length}`);
  if (values.force && values.out === undefined) return usage("--force only goes with --out OUT.xlsx");
  const loaded: ReturnRecords[] = [];
  let unreadable = false;
  for (const file of operands) {
    const result = await load(file, io.cwd);
    if (!result.ok) {
      io.stderr(fileMessage(file, result.reason));
      unreadable = true;
      continue;
    }
    for (const note of result.notes) io.stderr(fileMessage(file, `note: ${note}`));
    loaded.push(result.records);
  }
  if (unreadable) return EXIT_USAGE_OR_UNREADABLE;
  const comparison = compareReturns(loaded[0], loaded[1]);
  if (values.out !== undefined) {
    // Loaded here, not at start-up: exceljs is large and only --out needs it.
    const { writeXlsx } = await import("../../adapters/xlsx/write");
    const written = await writeOutputFile(values.out, io.cwd, await writeXlsx(changesWorkbookSpec(comparison)), values.force);
    if (!written.ok) {
      io.stderr(fileMessage(values.out, written.reason));
      return EXIT_USAGE_OR_UNREADABLE;
    }
  }
  io.stdout(COMPARE_FORMATS.get(values.format ?? "text").format({ comparison, unicode: terminalIsUnicode(io.env) }));
  if (values.out !== undefined) io.stderr(`Wrote the changes to ${safeName(values.out)} (sheet Changes).\n`);
  return EXIT_OK;
}

export const COMPARE_COMMAND = defineCommand({
  ...COMPARE,
  summary: "what changed since the last return: gains, movements, slippage, ratings, restatements",
  run: runCompare,
});
