/**
 * `vfm inspect FILE... [--format text|json]`: what the check found in each workbook (the tables, their
 * sheets and ranges, how each was recognised and how sure, every column's header as written with its
 * role and unit, title-block context, candidates rejected and why, tables not found with the nearest
 * candidate, hidden sheets). It changes nothing; the corrections it shows come from the Settings table.
 *
 * Exit status: 0 inspected; 2 a file could not be read, or the arguments are wrong.
 */
import * as path from "node:path";
import { readXlsx } from "../../adapters/xlsx/read/index";
import { inspectWorkbook, type Inspection } from "../../core/validate/inspect";
import { formatInspectionJson, formatInspectionText } from "../../core/validate/inspect-format";
import { defineCommand, type CommandInput } from "../command";
import { FormatterRegistry } from "../formatters";
import { EXIT_OK, EXIT_USAGE_OR_UNREADABLE } from "../io";
import { valueOption } from "../options";
import { readWorkbookFile } from "../read-file";
import { parseReportingDate } from "./validate";

const INSPECT_FORMATS = new FormatterRegistry<readonly Inspection[]>()
  .register({ name: "text", help: "what was found, table by table, for people", format: (all) => all.map(formatInspectionText).join("\n") })
  .register({ name: "json", help: "one JSON object per file (an array for several), exact text", format: formatInspectionJson });

const INSPECT = {
  name: "inspect",
  operands: "FILE...",
  description: `Shows what the check understood of each workbook: every table it found (sheet, range, how it
was recognised and how sure), each column with its header as written, what it is read as and its unit,
the unit, price base, basis and date from the title block, the blocks it did not take and why, and for
each table it did not find the nearest candidate and what it lacks. Hidden sheets are looked at too and
said so. To correct what it found, see docs/recognition.md (corrections in the Settings table).`,
  footer: "Exit status: 0 inspected; 2 a file could not be read, or the arguments are wrong.",
  options: {
    format: INSPECT_FORMATS.option(),
    reportingDate: valueOption<string>({
      placeholder: "DD/MM/YYYY",
      needs: "a date written DD/MM/YYYY or YYYY-MM-DD, e.g. 30/09/2026",
      help: ["as vfm validate: the date the check is made as at", "(default: the workbook's Settings or title block, else today)"],
      parse: (text) => {
        const iso = parseReportingDate(text);
        return iso
          ? { ok: true, value: iso }
          : { ok: false, message: `'${text}' is not a date written DD/MM/YYYY or YYYY-MM-DD, e.g. 30/09/2026` };
      },
    }),
  },
};

async function runInspect({ values, operands, io, usage }: CommandInput<typeof INSPECT.options>): Promise<number> {
  if (operands.length === 0) return usage("give the workbook to inspect, e.g. vfm inspect plan.xlsx");
  const inspections: Inspection[] = [];
  let unreadable = false;
  for (const file of operands) {
    const read = await readWorkbookFile(file, io.cwd);
    const workbook = read.ok ? await readXlsx(read.bytes, { fileName: path.basename(file) }) : read;
    if (!workbook.ok) {
      io.stderr(`vfm: ${file}: ${workbook.reason}\n`);
      unreadable = true;
      continue;
    }
    inspections.push(inspectWorkbook(workbook.model, { file, reportingDate: values.reportingDate }));
  }
  if (inspections.length > 0) io.stdout(INSPECT_FORMATS.get(values.format ?? "text").format(inspections));
  return unreadable ? EXIT_USAGE_OR_UNREADABLE : EXIT_OK;
}

export const INSPECT_COMMAND = defineCommand({
  ...INSPECT,
  summary: "show what the check found: tables, columns, units, and what it rejected",
  run: runInspect,
});
