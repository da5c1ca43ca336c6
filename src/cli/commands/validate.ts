/**
 * `vfm validate FILE...`: checks .xlsx workbooks against the 9 CSR07 measurement principles and
 * reports as text (default), JSON (the shape of shared/spec/workbook.md) or SARIF 2.1.0.
 *
 * Exit status: 0 when no file has an error finding, 1 when any has, 2 when any file could not be read
 * (the others are still reported) or the arguments are wrong.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { readXlsx } from "../../adapters/xlsx/read/index";
import { formatJson, formatText, toSarif, type RuleCatalogue, type UnreadableFile } from "../../core/report/index";
import { PRINCIPLE_TITLES, RULES, ruleDocPath, validateWorkbookWithContext } from "../../core/validate/index";
import type { ValidationReport } from "../../core/validate/types";
import { CliIO, EXIT_FINDINGS_OR_FUNCTION_ERROR, EXIT_OK, EXIT_USAGE_OR_UNREADABLE } from "../io";
import { readWorkbookFile } from "../read-file";

export const VALIDATE_USAGE =
  "vfm validate FILE... [--format text|json|sarif] [--reporting-date YYYY-MM-DD] [--verbose] [--quiet] [--progress]";

const HELP = `Usage: ${VALIDATE_USAGE}

Checks each .xlsx workbook against the 9 measurement principles of the Home Office CSR07
Value for Money Delivery Agreement and reports every problem at its sheet and cell.

Options:
  --format text|json|sarif   text (default) for people; json (one object for one file, an array for
                             several); sarif (SARIF 2.1.0) for code-scanning tools in CI
  --reporting-date YYYY-MM-DD
                             check as at this date (default: the workbook's Settings, else today)
  --verbose                  text: also say why each rule matters and where its documentation is
  --quiet                    text: show error findings only (the summary still counts everything)
  --progress                 show progress on stderr even when it is not a terminal

Exit status: 0 no errors found; 1 a workbook has an error finding; 2 a file could not be read
(the others are still reported) or the arguments are wrong.
`;

type Format = "text" | "json" | "sarif";

interface ValidateArgs {
  files: string[];
  format: Format;
  reportingDate?: string;
  verbose: boolean;
  quiet: boolean;
  progress: boolean;
}

/** A file this big gets a progress indicator even on its own. */
const LARGE_FILE_BYTES = 2 * 1024 * 1024;

function isRealIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Parsed arguments, "help", or a one-line usage error. */
export function parseValidateArgs(args: readonly string[]): ValidateArgs | "help" | string {
  const parsed: ValidateArgs = { files: [], format: "text", verbose: false, quiet: false, progress: false };
  let optionsEnded = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (optionsEnded || !arg.startsWith("-") || arg === "-") {
      parsed.files.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    const inlineValue = eq >= 0 ? arg.slice(eq + 1) : undefined;
    const takeValue = (): string | null => {
      if (inlineValue !== undefined) return inlineValue;
      if (i + 1 >= args.length) return null;
      i++;
      return args[i];
    };
    switch (name) {
      case "--":
        optionsEnded = true;
        break;
      case "--help":
      case "-h":
        return "help";
      case "--format":
      case "-f": {
        const value = takeValue();
        if (value === null) return "--format needs a value: text, json or sarif";
        const format = value.toLowerCase();
        if (format !== "text" && format !== "json" && format !== "sarif") return `--format '${value}' is not one of text, json, sarif`;
        parsed.format = format;
        break;
      }
      case "--reporting-date": {
        const value = takeValue();
        if (value === null) return "--reporting-date needs a date written YYYY-MM-DD, e.g. 2026-09-30";
        if (!isRealIsoDate(value)) return `--reporting-date '${value}' is not a date written YYYY-MM-DD, e.g. 2026-09-30`;
        parsed.reportingDate = value;
        break;
      }
      case "--verbose":
      case "-v":
        parsed.verbose = true;
        break;
      case "--quiet":
      case "-q":
        parsed.quiet = true;
        break;
      case "--progress":
        parsed.progress = true;
        break;
      default:
        return `unknown option '${arg}'`;
    }
  }
  if (parsed.files.length === 0) return "give at least one .xlsx file";
  return parsed;
}

/**
 * The rules' metadata as the formatters take it. With `docRoot`, documentation paths are absolute
 * (the text report is read in any folder); without it they stay relative (SARIF resolves them).
 */
export function ruleCatalogue(docRoot?: string): RuleCatalogue {
  const docPath = docRoot ? (id: string) => path.join(docRoot, ruleDocPath(id)) : ruleDocPath;
  return { rules: RULES, principleTitles: PRINCIPLE_TITLES, docPath };
}

interface PackageInfo {
  root: string;
  version: string;
  informationUri: string;
  docBaseUri: string;
}

/** The package's root (where package.json and docs/ are), from build/cli/commands or src/cli/commands. */
function packageInfo(): PackageInfo {
  const root = path.resolve(__dirname, "..", "..", "..");
  let manifest: { version?: unknown; homepage?: unknown; repository?: unknown } = {};
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  } catch {
    // Without a readable package.json the report still works; the version says so.
  }
  const version = typeof manifest.version === "string" ? manifest.version : "0.0.0";
  const repository =
    typeof manifest.repository === "string" ? manifest.repository : (manifest.repository as { url?: unknown } | undefined)?.url;
  const github = typeof repository === "string" ? /github\.com[/:]([^/]+\/[^/.#]+)/.exec(repository)?.[1] : undefined;
  const rootUri = pathToFileURL(root + path.sep).href;
  const docBaseUri = github ? `https://github.com/${github}/blob/main/` : rootUri;
  const informationUri =
    typeof manifest.homepage === "string" ? manifest.homepage : github ? `https://github.com/${github}` : new URL("docs/cli.md", rootUri).href;
  return { root, version, informationUri, docBaseUri };
}

/** ✖ ⚠ ℹ unless the locale says the terminal is not UTF-8. */
function terminalIsUnicode(env: NodeJS.ProcessEnv): boolean {
  if (env.TERM === "dumb") return false;
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG;
  if (!locale) return true;
  return /utf-?8/i.test(locale);
}

function useColour(env: NodeJS.ProcessEnv): boolean {
  return Boolean(process.stdout.isTTY) && (env.NO_COLOR === undefined || env.NO_COLOR === "");
}

class Progress {
  private drawn = false;
  private last = "";
  constructor(
    private readonly io: CliIO,
    private readonly enabled: boolean,
  ) {}

  show(text: string): void {
    // The reader reports often; a line is redrawn only when what it says changes.
    if (!this.enabled || text === this.last) return;
    this.last = text;
    if (this.io.stderrIsTTY) {
      this.io.stderr(`\r\u001b[K${text}`);
      this.drawn = true;
    } else {
      this.io.stderr(`${text}\n`);
    }
  }

  clear(): void {
    if (this.drawn) this.io.stderr("\r\u001b[K");
    this.drawn = false;
    this.last = "";
  }
}

export async function runValidate(args: string[], io: CliIO): Promise<number> {
  const parsed = parseValidateArgs(args);
  if (parsed === "help") {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (typeof parsed === "string") {
    io.stderr(`vfm validate: ${parsed}\nUsage: ${VALIDATE_USAGE}\nRun \`vfm validate --help\` for the options.\n`);
    return EXIT_USAGE_OR_UNREADABLE;
  }

  const reports: ValidationReport[] = [];
  const noVfmTables = new Set<string>();
  const unreadable: UnreadableFile[] = [];
  const progress = new Progress(io, parsed.progress || io.stderrIsTTY);
  const several = parsed.files.length > 1;
  const fileProblem = (file: string, reason: string) => {
    progress.clear();
    io.stderr(`vfm: ${file}: ${reason}\n`);
  };

  for (const [index, file] of parsed.files.entries()) {
    const counter = several ? `[${index + 1}/${parsed.files.length}] ` : "";
    if (several) progress.show(`${counter}reading ${file}`);
    const read = await readWorkbookFile(file, io.cwd);
    if (!read.ok) {
      fileProblem(file, read.reason);
      unreadable.push({ file, reason: read.reason });
      continue;
    }
    const large = read.size >= LARGE_FILE_BYTES;
    const workbook = await readXlsx(read.bytes, {
      fileName: path.basename(file),
      onProgress: several || large ? (fraction: number) => progress.show(`${counter}reading ${file} ${Math.round(fraction * 100)}%`) : undefined,
    });
    if (!workbook.ok) {
      fileProblem(file, workbook.reason);
      unreadable.push({ file, reason: workbook.reason });
      continue;
    }
    if (several || large) progress.show(`${counter}checking ${file}`);
    for (const warning of workbook.warnings) fileProblem(file, `note: ${warning}`);
    const checked = validateWorkbookWithContext(workbook.model, { file, reportingDate: parsed.reportingDate });
    reports.push(checked.report);
    if (!checked.vfmTablesFound) noVfmTables.add(file);
  }
  progress.clear();

  const info = packageInfo();
  const catalogue = ruleCatalogue(parsed.format === "text" ? info.root : undefined);
  if (parsed.format === "json") {
    if (reports.length > 0 || several) io.stdout(formatJson(reports, several));
  } else if (parsed.format === "sarif") {
    const log = toSarif(
      reports,
      catalogue,
      { name: "vfm", version: info.version, informationUri: info.informationUri, docBaseUri: info.docBaseUri },
      { srcRoot: pathToFileURL(io.cwd + path.sep).href, unreadable },
    );
    io.stdout(JSON.stringify(log, null, 2) + "\n");
  } else if (reports.length > 0) {
    io.stdout(
      formatText(reports, catalogue, {
        unicode: terminalIsUnicode(process.env),
        color: useColour(process.env),
        verbose: parsed.verbose,
        quiet: parsed.quiet,
        noVfmTables,
      }),
    );
  }

  if (unreadable.length > 0) return EXIT_USAGE_OR_UNREADABLE;
  return reports.some((r) => r.summary.errors > 0) ? EXIT_FINDINGS_OR_FUNCTION_ERROR : EXIT_OK;
}
