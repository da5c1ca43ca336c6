/**
 * `vfm template OUT.xlsx [--force]`: writes the complete, empty VfM workbook (src/core/template/spec.ts).
 * Never overwrites an existing file unless told to.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { buildVfmTemplate, defaultSettingsValues, financialYearLabel, spendingPeriodYears } from "../../core/template/spec";
import { CliIO, EXIT_OK, EXIT_USAGE_OR_UNREADABLE } from "../io";

export const TEMPLATE_USAGE = "vfm template OUT.xlsx [--force] [--baseline-year YYYY-YY] [--years N]";

const HELP = `Usage: ${TEMPLATE_USAGE}

Writes a complete, empty value-for-money workbook: an Instructions sheet, and Baseline, Gains,
Profile, Milestones, Reinvestment, Quarterly, Comparatives, Publication and Settings sheets, each an
Excel table with its headings, formulas for Net gain and Risk-adjusted gain, drop-down lists and
£ and date formats.

Options:
  --force                    overwrite OUT.xlsx if it exists
  --baseline-year YYYY-YY    baseline financial year (default 2025-26)
  --years N                  years in the spending period (default 3: 2026-27 to 2028-29)
`;

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

export function parseTemplateArgs(args: readonly string[]): TemplateArgs | "help" | string {
  let out: string | undefined;
  let force = false;
  let baselineYear: number | undefined;
  let targetYears: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.indexOf("=");
    const name = arg.startsWith("--") && eq >= 0 ? arg.slice(0, eq) : arg;
    const takeValue = (): string | null => (eq >= 0 && arg.startsWith("--") ? arg.slice(eq + 1) : i + 1 < args.length ? args[++i] : null);
    if (name === "--help" || name === "-h") return "help";
    if (name === "--force" || name === "-f") {
      force = true;
    } else if (name === "--baseline-year") {
      const value = takeValue();
      const year = value === null ? null : parseBaselineYear(value);
      if (year === null) return `--baseline-year needs a financial year such as 2025-26`;
      baselineYear = year;
    } else if (name === "--years") {
      const value = takeValue();
      const years = value === null ? NaN : Number(value);
      if (!Number.isInteger(years) || years < 1 || years > 10) return "--years needs a whole number of years from 1 to 10";
      targetYears = years;
    } else if (arg.startsWith("-") && arg !== "-") {
      return `unknown option '${arg}'`;
    } else if (out === undefined) {
      out = arg;
    } else {
      return `give one output file, not '${out}' and '${arg}'`;
    }
  }
  if (out === undefined) return "give the file to write, e.g. vfm template my-plan.xlsx";
  if (!/\.xlsx$/i.test(out)) return `'${out}' must end in .xlsx`;
  return { out, force, baselineYear, targetYears };
}

export async function runTemplate(args: string[], io: CliIO): Promise<number> {
  const parsed = parseTemplateArgs(args);
  if (parsed === "help") {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (typeof parsed === "string") {
    io.stderr(`vfm template: ${parsed}\nUsage: ${TEMPLATE_USAGE}\nRun \`vfm template --help\` for the options.\n`);
    return EXIT_USAGE_OR_UNREADABLE;
  }
  const target = path.resolve(io.cwd, parsed.out);
  const options = { baselineYear: parsed.baselineYear, targetYears: parsed.targetYears };
  const settings = defaultSettingsValues(options);
  const spec = buildVfmTemplate(options);
  // Loaded here, not at start-up: exceljs is large and only this command needs it.
  const { writeXlsx } = await import("../../adapters/xlsx/write");
  const bytes = await writeXlsx(spec);
  try {
    // "wx" fails when the file exists, so there is no gap between checking and writing.
    await fs.writeFile(target, bytes, { flag: parsed.force ? "w" : "wx" });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "EEXIST"
        ? "already exists; choose another name or add --force to overwrite it"
        : code === "ENOENT"
          ? "the folder does not exist"
          : code === "EACCES" || code === "EPERM"
            ? "permission denied: you are not allowed to write here"
            : code === "EISDIR"
              ? "is a folder"
              : `cannot be written: ${(error as Error).message}`;
    io.stderr(`vfm: ${parsed.out}: ${reason}\n`);
    return EXIT_USAGE_OR_UNREADABLE;
  }
  const tables = spec.sheets.filter((s) => s.table).map((s) => s.table!.name);
  io.stdout(
    `Wrote ${parsed.out}: ${spec.sheets.length} sheets (${spec.sheets.map((s) => s.name).join(", ")}), ` +
      `${tables.length} Excel tables; baseline ${financialYearLabel(settings.baselineYear)}, ` +
      `spending period ${spendingPeriodYears(settings.baselineYear, settings.targetYears).join(", ")}.\n` +
      `Fill it in, then check it with: npx vfm validate ${parsed.out}\n`,
  );
  return EXIT_OK;
}
