/**
 * `vfm template OUT.xlsx [--force]`: writes the complete, empty VfM workbook (src/core/template/spec.ts).
 * Never overwrites an existing file unless told to.
 */
import { buildVfmTemplate, defaultSettingsValues, financialYearLabel, spendingPeriodYears } from "../../core/template/spec";
import { defineCommand, type CommandInput } from "../command";
import { fileMessage, safeName } from "../terminal";
import { EXIT_OK, EXIT_USAGE_OR_UNREADABLE } from "../io";
import { writeOutputFile } from "../write-file";
import { flag, parseCommandLine, valueOption, type OptionValues } from "../options";

interface TemplateArgs {
  out: string;
  force: boolean;
  baselineYear?: number;
  targetYears?: number;
}

/** "2025-26", "2025/26", "2025-2026" or "2025" -> 2025; null otherwise. */
function parseBaselineYear(text: string): number | null {
  const m = /^(\d{4})(?:[-/](\d{2}|\d{4}))?$/.exec(text.trim());
  if (!m) return null;
  const start = Number(m[1]);
  if (m[2] !== undefined) {
    const end = Number(m[2]);
    const expected = m[2].length === 2 ? (start + 1) % 100 : start + 1;
    if (end !== expected) return null;
  }
  return start >= 1990 && start <= 2100 ? start : null;
}

const TEMPLATE = {
  name: "template",
  operands: "OUT.xlsx",
  description: `Writes a complete, empty value-for-money workbook: an Instructions sheet, and Baseline, Gains,
Profile, Milestones, Reinvestment, Quarterly, Comparatives, Publication and Settings sheets, each an
Excel table with its headings, formulas for Net gain and Risk-adjusted gain, drop-down lists and
£ and date formats.`,
  options: {
    force: flag("overwrite OUT.xlsx if it exists", "f"),
    baselineYear: valueOption<number>({
      placeholder: "YYYY-YY",
      needs: "a financial year such as 2025-26",
      help: "baseline financial year (default 2025-26)",
      parse: (text) => {
        const year = parseBaselineYear(text);
        return year === null ? { ok: false, message: "needs a financial year such as 2025-26" } : { ok: true, value: year };
      },
    }),
    years: valueOption<number>({
      placeholder: "N",
      needs: "a whole number of years from 1 to 10",
      help: "years in the spending period (default 3: 2026-27 to 2028-29)",
      parse: (text) => {
        const years = Number(text);
        return Number.isInteger(years) && years >= 1 && years <= 10
          ? { ok: true, value: years }
          : { ok: false, message: "needs a whole number of years from 1 to 10" };
      },
    }),
  },
};

/** The output file and options, or text: "help" when help was asked for, else a one-line usage problem. */
export function parseTemplateArgs(args: readonly string[]): TemplateArgs | string {
  const parsed = parseCommandLine(TEMPLATE, args);
  if ("error" in parsed) return parsed.error;
  if (parsed.help) return "help";
  return templateArgs(parsed.values, parsed.operands);
}

function templateArgs(values: OptionValues<typeof TEMPLATE.options>, operands: readonly string[]): TemplateArgs | string {
  const [out, second] = operands;
  if (out === undefined) return "give the file to write, e.g. vfm template my-plan.xlsx";
  if (second !== undefined) return `give one output file, not '${out}' and '${second}'`;
  if (!/\.xlsx$/i.test(out)) return `'${out}' must end in .xlsx`;
  return { out, force: values.force, baselineYear: values.baselineYear, targetYears: values.years };
}

async function writeTemplate({ values, operands, io, usage }: CommandInput<typeof TEMPLATE.options>): Promise<number> {
  const parsed = templateArgs(values, operands);
  if (typeof parsed === "string") return usage(parsed);
  const options = { baselineYear: parsed.baselineYear, targetYears: parsed.targetYears };
  const settings = defaultSettingsValues(options);
  const spec = buildVfmTemplate(options);
  // Loaded here, not at start-up: exceljs is large and only this command needs it.
  const { writeXlsx } = await import("../../adapters/xlsx/write");
  const bytes = await writeXlsx(spec);
  const written = await writeOutputFile(parsed.out, io.cwd, bytes, parsed.force);
  if (!written.ok) {
    io.stderr(fileMessage(parsed.out, written.reason));
    return EXIT_USAGE_OR_UNREADABLE;
  }
  const tables = spec.sheets.filter((s) => s.table).map((s) => s.table!.name);
  io.stdout(
    `Wrote ${safeName(parsed.out)}: ${spec.sheets.length} sheets (${spec.sheets.map((s) => s.name).join(", ")}), ` +
      `${tables.length} Excel tables; baseline ${financialYearLabel(settings.baselineYear)}, ` +
      `spending period ${spendingPeriodYears(settings.baselineYear, settings.targetYears).join(", ")}.\n` +
      `Fill it in, then check it with: npx vfm validate ${safeName(parsed.out)}\n`,
  );
  return EXIT_OK;
}

export const TEMPLATE_COMMAND = defineCommand({ ...TEMPLATE, summary: "write a complete, empty VfM workbook", run: writeTemplate });
