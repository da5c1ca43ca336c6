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
import { createRuleCatalogue, type RuleCatalogue } from "../../core/report/index";
import { PRINCIPLE_TITLES, RULES, ruleDocPath, validateWorkbookWithContext } from "../../core/validate/index";
import { defineCommand, type CommandInput } from "../command";
import { CliIO, EXIT_FINDINGS_OR_FUNCTION_ERROR, EXIT_OK, EXIT_USAGE_OR_UNREADABLE } from "../io";
import { flag, parseCommandLine, valueOption, type OptionValues } from "../options";
import { readWorkbookFile } from "../read-file";
import { terminalIsUnicode, useColour } from "../terminal";
import { VALIDATE_FORMATS, type FileOutcome } from "./validate-formats";

/** A file this big gets a progress indicator even on its own. */
const LARGE_FILE_BYTES = 2 * 1024 * 1024;

function isRealIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const VALIDATE = {
  name: "validate",
  operands: "FILE...",
  description: `Checks each .xlsx workbook against the 9 measurement principles of the Home Office CSR07
Value for Money Delivery Agreement and reports every problem at its sheet and cell.`,
  footer: `Exit status: 0 no errors found; 1 a workbook has an error finding; 2 a file could not be read
(the others are still reported) or the arguments are wrong.`,
  options: {
    format: VALIDATE_FORMATS.option(),
    reportingDate: valueOption<string>({
      placeholder: "YYYY-MM-DD",
      needs: "a date written YYYY-MM-DD, e.g. 2026-09-30",
      help: "check as at this date (default: the workbook's Settings, else today)",
      parse: (text) => (isRealIsoDate(text) ? { ok: true, value: text } : { ok: false, message: `'${text}' is not a date written YYYY-MM-DD, e.g. 2026-09-30` }),
    }),
    verbose: flag("text: also say why each rule matters and where its documentation is", "v"),
    quiet: flag("text: show error findings only (the summary still counts everything)", "q"),
    progress: flag("show progress on stderr even when it is not a terminal"),
  },
};

interface ValidateArgs {
  files: string[];
  format: string;
  reportingDate?: string;
  verbose: boolean;
  quiet: boolean;
  progress: boolean;
}

function validateArgs(values: OptionValues<typeof VALIDATE.options>, files: string[]): ValidateArgs | string {
  if (files.length === 0) return "give at least one .xlsx file";
  const { format = VALIDATE_FORMATS.names()[0], reportingDate, verbose, quiet, progress } = values;
  return { files, format, reportingDate, verbose, quiet, progress };
}

/** Parsed arguments, "help", or a one-line usage error. */
export function parseValidateArgs(args: readonly string[]): ValidateArgs | "help" | string {
  const parsed = parseCommandLine(VALIDATE, args);
  if ("error" in parsed) return parsed.error;
  if (parsed.help) return "help";
  return validateArgs(parsed.values, parsed.operands);
}

/**
 * The rules' metadata as the formatters take it. With `docRoot`, documentation paths are absolute
 * (the text report is read in any folder); without it they stay relative (SARIF resolves them).
 */
export function ruleCatalogue(docRoot?: string): RuleCatalogue {
  const docPath = docRoot ? (id: string) => path.join(docRoot, ruleDocPath(id)) : ruleDocPath;
  return createRuleCatalogue(RULES, PRINCIPLE_TITLES, docPath);
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

async function validateFiles({ values, operands, io, usage }: CommandInput<typeof VALIDATE.options>): Promise<number> {
  const parsed = validateArgs(values, operands);
  if (typeof parsed === "string") return usage(parsed);

  const outcomes: FileOutcome[] = [];
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
      outcomes.push({ file, status: "unreadable", reason: read.reason });
      continue;
    }
    const large = read.size >= LARGE_FILE_BYTES;
    const workbook = await readXlsx(read.bytes, {
      fileName: path.basename(file),
      onProgress: several || large ? (fraction: number) => progress.show(`${counter}reading ${file} ${Math.round(fraction * 100)}%`) : undefined,
    });
    if (!workbook.ok) {
      fileProblem(file, workbook.reason);
      outcomes.push({ file, status: "unreadable", reason: workbook.reason });
      continue;
    }
    if (several || large) progress.show(`${counter}checking ${file}`);
    for (const warning of workbook.warnings) fileProblem(file, `note: ${warning}`);
    const checked = validateWorkbookWithContext(workbook.model, { file, reportingDate: parsed.reportingDate });
    outcomes.push({ file, status: "checked", report: checked.report, vfmTablesFound: checked.vfmTablesFound });
  }
  progress.clear();

  const info = packageInfo();
  const output = VALIDATE_FORMATS.get(parsed.format).format({
    outcomes,
    several,
    catalogue: ruleCatalogue(parsed.format === "text" ? info.root : undefined),
    tool: { name: "vfm", version: info.version, informationUri: info.informationUri, docBaseUri: info.docBaseUri },
    srcRoot: pathToFileURL(io.cwd + path.sep).href,
    text: { unicode: terminalIsUnicode(io.env), color: useColour(io), verbose: parsed.verbose, quiet: parsed.quiet },
  });
  if (output !== "") io.stdout(output);

  if (outcomes.some((o) => o.status === "unreadable")) return EXIT_USAGE_OR_UNREADABLE;
  return outcomes.some((o) => o.status === "checked" && o.report.summary.errors > 0) ? EXIT_FINDINGS_OR_FUNCTION_ERROR : EXIT_OK;
}

export const VALIDATE_COMMAND = defineCommand({ ...VALIDATE, summary: "check .xlsx workbooks against the 9 CSR07 measurement principles", run: validateFiles });

export const runValidate = (args: string[], io: CliIO): Promise<number> => VALIDATE_COMMAND.run(args, io);
