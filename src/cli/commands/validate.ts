/**
 * `vfm validate FILE...`: checks .xlsx workbooks against the 9 CSR07 measurement principles and
 * reports as text (default), JSON (the shape in docs/cli.md), SARIF 2.1.0 or CSV (one
 * verdict per file).
 *
 * Exit status: 0 when no file has an error finding, 1 when any has, 2 when any file could not be read
 * or checked (the others are still reported), the arguments are wrong or the output cannot be
 * written, 130 when Ctrl+C stopped the batch (the files done so far are reported).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { createRuleCatalogue, type RuleCatalogue } from "../../core/report/index";
import { PRINCIPLE_TITLES, RULES, ruleDocPath } from "../../core/validate/index";
import { isCalendarIsoDate } from "../../core/workbook/iso-date";
import { checkFiles } from "../check-files";
import { defineCommand, type CommandInput } from "../command";
import { CliIO, EXIT_FINDINGS_OR_FUNCTION_ERROR, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE_OR_UNREADABLE } from "../io";
import { flag, parseCommandLine, valueOption, type OptionValues } from "../options";
import { terminalIsUnicode, useColour } from "../terminal";
import { VALIDATE_FORMATS } from "./validate-formats";

/** "31/10/2026" (as the tool prints dates) or "2026-10-31" -> "2026-10-31"; null for anything else or a day that does not exist. */
export function parseReportingDate(text: string): string | null {
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  const iso = uk ? `${uk[3]}-${uk[2].padStart(2, "0")}-${uk[1].padStart(2, "0")}` : text.trim();
  return isCalendarIsoDate(iso) ? iso : null;
}

/** --reporting-date DD/MM/YYYY, for every command that checks workbooks. */
export function reportingDateOption(help: readonly string[]) {
  return valueOption<string>({
    placeholder: "DD/MM/YYYY",
    needs: "a date written DD/MM/YYYY or YYYY-MM-DD, e.g. 30/09/2026",
    help,
    parse: (text) => {
      const iso = parseReportingDate(text);
      return iso
        ? { ok: true, value: iso }
        : { ok: false, message: `'${text}' is not a date written DD/MM/YYYY or YYYY-MM-DD, e.g. 30/09/2026` };
    },
  });
}

const VALIDATE = {
  name: "validate",
  operands: "FILE...",
  description: `Checks each .xlsx workbook against the 9 measurement principles of the Home Office CSR07
Value for Money Delivery Agreement and reports every problem at its sheet and cell. Every file given
is reported, in every format: one that cannot be read or checked is reported with its reason.`,
  footer: `Exit status: 0 no errors found; 1 a workbook has an error finding; 2 a file could not be read
or checked (the others are still reported), the arguments are wrong, or the output could not be
written; 130 stopped with Ctrl+C (the files checked so far are reported, the rest listed as not checked).`,
  options: {
    format: VALIDATE_FORMATS.option(),
    reportingDate: reportingDateOption([
      "check as at this date, written DD/MM/YYYY or YYYY-MM-DD",
      "(default: the workbook's Settings, else today)",
    ]),
    summary: flag("text: only one line per file and the totals"),
    verbose: flag("text: also say why each rule matters and where its documentation is", "v"),
    quiet: flag("text: show error findings only (the summary still counts everything)", "q"),
    progress: flag("show progress on stderr even when it is not a terminal"),
  },
};

interface ValidateArgs {
  files: string[];
  format: string;
  reportingDate?: string;
  summary: boolean;
  verbose: boolean;
  quiet: boolean;
  progress: boolean;
}

function validateArgs(values: OptionValues<typeof VALIDATE.options>, files: string[]): ValidateArgs | string {
  if (files.length === 0) return "give at least one .xlsx file";
  const { format = VALIDATE_FORMATS.names()[0], reportingDate, summary, verbose, quiet, progress } = values;
  return { files, format, reportingDate, summary, verbose, quiet, progress };
}

/** Parsed arguments, or text: "help" when help was asked for, else a one-line usage error. */
export function parseValidateArgs(args: readonly string[]): ValidateArgs | string {
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
  informationUri: string | undefined;
  /** https:// base the rule pages are linked from; undefined when none is known (then no link, never a local path). */
  docBaseUri: string | undefined;
}

/** Overrides the rule pages' base address, e.g. for a private deployment: https://intranet.example/vfm/ */
const DOCS_BASE_URL_VARIABLE = "VFM_DOCS_BASE_URL";

/** An https:// address ending in "/", or undefined for anything else (a local path must never reach a shared report). */
function httpsBase(value: unknown): string | undefined {
  if (typeof value !== "string" || !/^https:\/\/[^\s/]+/i.test(value.trim())) return undefined;
  const trimmed = value.trim();
  return trimmed.endsWith("/") ? trimmed : `${trimmed}/`;
}

/**
 * The package's root (where package.json and docs/ are), from build/cli/commands or src/cli/commands, and the public
 * addresses reports link to: package.json's repository (rule pages on GitHub) and homepage, or VFM_DOCS_BASE_URL.
 */
export function packageInfo(env: Readonly<Record<string, string | undefined>> = {}): PackageInfo {
  const root = path.resolve(__dirname, "..", "..", "..");
  let manifest: { version?: unknown; homepage?: unknown; repository?: unknown } = {};
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as typeof manifest;
  } catch {
    // Without a readable package.json the report still works; the version says so.
  }
  const version = typeof manifest.version === "string" ? manifest.version : "0.0.0";
  const repository =
    typeof manifest.repository === "string" ? manifest.repository : (manifest.repository as { url?: unknown } | undefined)?.url;
  const github = typeof repository === "string" ? /github\.com[/:]([^/]+\/[^/.#]+)/.exec(repository)?.[1] : undefined;
  const docBaseUri = httpsBase(env[DOCS_BASE_URL_VARIABLE]) ?? (github ? `https://github.com/${github}/blob/main/` : undefined);
  const homepage = typeof manifest.homepage === "string" && /^https:\/\//i.test(manifest.homepage) ? manifest.homepage : undefined;
  const informationUri = homepage ?? (github ? `https://github.com/${github}` : undefined);
  return { root, version, informationUri, docBaseUri };
}

/** Where the text report points for a rule: its public page, else the copy in this installation's docs/. */
function textCatalogue(info: PackageInfo): RuleCatalogue {
  const base = info.docBaseUri;
  if (!base) return ruleCatalogue(info.root);
  return createRuleCatalogue(RULES, PRINCIPLE_TITLES, (id) => new URL(ruleDocPath(id), base).href);
}

async function validateFiles({ values, operands, io, usage }: CommandInput<typeof VALIDATE.options>): Promise<number> {
  const parsed = validateArgs(values, operands);
  if (typeof parsed === "string") return usage(parsed);

  const { outcomes, stopped } = await checkFiles(parsed.files, io, { reportingDate: parsed.reportingDate, progress: parsed.progress });
  if (stopped)
    io.stderr(`vfm: stopped: ${outcomes.filter((o) => o.status === "not-checked").length} of ${outcomes.length} files not checked\n`);

  const info = packageInfo(io.env);
  const output = VALIDATE_FORMATS.get(parsed.format).format({
    outcomes,
    several: parsed.files.length > 1,
    catalogue: parsed.format === "text" ? textCatalogue(info) : ruleCatalogue(),
    tool: { name: "vfm", version: info.version, informationUri: info.informationUri, docBaseUri: info.docBaseUri },
    srcRoot: pathToFileURL(io.cwd + path.sep).href,
    text: {
      unicode: terminalIsUnicode(io.env),
      color: useColour(io),
      verbose: parsed.verbose,
      quiet: parsed.quiet,
      summary: parsed.summary,
    },
  });
  if (output !== "") io.stdout(output);

  if (stopped) return EXIT_INTERRUPTED;
  if (outcomes.some((o) => o.status !== "checked")) return EXIT_USAGE_OR_UNREADABLE;
  return outcomes.some((o) => o.status === "checked" && o.report.summary.errors > 0) ? EXIT_FINDINGS_OR_FUNCTION_ERROR : EXIT_OK;
}

export const VALIDATE_COMMAND = defineCommand({
  ...VALIDATE,
  summary: "check .xlsx workbooks against the 9 CSR07 measurement principles",
  run: validateFiles,
});

export const runValidate = (args: string[], io: CliIO): Promise<number> => VALIDATE_COMMAND.run(args, io);
