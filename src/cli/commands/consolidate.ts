/**
 * `vfm consolidate FILE...`: the roll-up across returns (src/core/review/consolidate.ts) for a VfM
 * Board or a reviewer who receives many returns at once: one row per return and the totals against a
 * stated overall target, as text, JSON or one self-contained HTML page, and with `--out` as a board
 * pack workbook (.xlsx), page (.html) or JSON file.
 *
 * Exit status as `vfm validate`: 0 no errors found; 1 a return has an error finding; 2 a file could not
 * be read or checked (it is still a row, with its reason), the arguments are wrong or the output
 * cannot be written; 130 stopped with Ctrl+C.
 */
import type { TargetMethod } from "../../core/calc";
import { createRuleCatalogue } from "../../core/report/index";
import {
  consolidate,
  consolidatedReturnOf,
  resolveOverallTarget,
  unreadableReturn,
  type CheckedWorkbook,
  type Consolidation,
} from "../../core/review/consolidate";
import { overallTargetSpec, parseTargetAmount, parseTargetRate, parseTargetYears, TARGET_METHODS } from "../../core/review/overall-target";
import { boardPackHtml } from "../../core/review/consolidate-html";
import { boardPackWorkbookSpec, formatConsolidationText } from "../../core/review/consolidate-report";
import { PRINCIPLE_TITLES, RULES, ruleDocPath } from "../../core/validate/index";
import { checkFiles } from "../check-files";
import { defineCommand, type CommandInput } from "../command";
import { FormatterRegistry } from "../formatters";
import { EXIT_FINDINGS_OR_FUNCTION_ERROR, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE_OR_UNREADABLE } from "../io";
import { choiceOption, flag, valueOption } from "../options";
import { fileMessage, safeName } from "../terminal";
import { writeOutputFile } from "../write-file";
import { packageInfo, reportingDateOption, ruleCatalogue } from "./validate";

interface ConsolidateOutput {
  consolidation: Consolidation;
  generatedAt: string;
  generator: string;
  docBaseUri: string | undefined;
}

/** The board pack as JSON: every amount in £, exact. */
function boardPackJson({ consolidation, generatedAt, generator }: ConsolidateOutput): string {
  return JSON.stringify({ generator, generatedAt, unit: "£", ...consolidation }, null, 2) + "\n";
}

function boardPackPage({ consolidation, generatedAt, generator, docBaseUri }: ConsolidateOutput): string {
  const catalogue = docBaseUri
    ? createRuleCatalogue(RULES, PRINCIPLE_TITLES, (id) => new URL(ruleDocPath(id), docBaseUri).href)
    : ruleCatalogue();
  return boardPackHtml(consolidation, { catalogue, generatedAt, generator });
}

const CONSOLIDATE_FORMATS = new FormatterRegistry<ConsolidateOutput>()
  .register({
    name: "text",
    help: "one line per return, then the totals and the overall target",
    format: (o) => formatConsolidationText(o.consolidation),
  })
  .register({ name: "json", help: "the roll-up as one JSON object, every amount in £ and exact", format: boardPackJson })
  .register({ name: "html", help: "one self-contained page (charts, each return's findings) that prints on A4", format: boardPackPage });

/** An amount in £ above 0, written as a reviewer writes one: 1.17bn, 378m, 450k, 12,600,000,000. */
function amountOption(help: string) {
  return valueOption<number>({ placeholder: "AMOUNT", needs: "an amount in £, e.g. 1.17bn or 378m", help, parse: parseTargetAmount });
}

const OUT_EXTENSIONS = /\.(xlsx|html?|json)$/i;

const CONSOLIDATE = {
  name: "consolidate",
  operands: "FILE...",
  description: `Rolls many returns up into one board pack: one row per return (body, baseline, target, planned
and achieved risk-adjusted cashable gains by year, progress, on track or not, errors by principle, and
any file that could not be read, with why), the totals in £ added up exactly, and the totals against an
overall target. Each return is checked as vfm validate checks it.

State the overall target as an amount (--overall-target 1.17bn) or as a rate a year on a baseline:
--target-rate 3% --baseline 12.6bn gives VFM.TARGET over the returns' own spending period (3 years for
CSR07: 12.6bn x (1.03^3 - 1) = 1,168,360,200), compound unless --method simple. Without one, the
returns' own targets are added up.`,
  footer: `Examples:
  vfm consolidate returns/*.xlsx --target-rate 3% --baseline 12.6bn --out board-pack.xlsx
  vfm consolidate returns/*.xlsx --format html > board-pack.html

Exit status: 0 no errors found; 1 a return has an error finding; 2 a file could not be read or checked
(it is still in the roll-up, with its reason), the arguments are wrong, or the output could not be
written; 130 stopped with Ctrl+C (the files checked so far are rolled up, the rest listed as not checked).`,
  options: {
    format: CONSOLIDATE_FORMATS.option(),
    out: valueOption<string>({
      placeholder: "OUT",
      needs: "a file name ending in .xlsx, .html or .json",
      help: [
        "also write the board pack to OUT: .xlsx a workbook (Summary, By year, Trajectory,",
        "Workstreams, Categories, one findings sheet per return), .html the page, .json the JSON",
      ],
      parse: (text) =>
        OUT_EXTENSIONS.test(text) ? { ok: true, value: text } : { ok: false, message: `'${text}' must end in .xlsx, .html or .json` },
    }),
    force: flag("overwrite OUT if it exists"),
    overallTarget: amountOption("the overall target the returns are measured against, in £ (e.g. 1.17bn)"),
    targetRate: valueOption<number>({
      placeholder: "RATE",
      needs: "a rate a year, e.g. 3%",
      help: "or: the overall target as a rate a year (e.g. 3%) on --baseline",
      parse: parseTargetRate,
    }),
    baseline: amountOption("the baseline --target-rate applies to, in £ (e.g. 12.6bn, the police service's GRE)"),
    years: valueOption<number>({
      placeholder: "N",
      needs: "a whole number of years from 1 to 100",
      help: "years of the spending period for --target-rate (default: the returns' own, else 3)",
      parse: parseTargetYears,
    }),
    method: choiceOption<TargetMethod>(TARGET_METHODS, "how --target-rate adds up over the years (default compound, as CSR07)"),
    reportingDate: reportingDateOption(["check every return as at this date", "(default: each workbook's Settings, else today)"]),
    progress: flag("show progress on stderr even when it is not a terminal"),
  },
};

async function writeBoardPack(file: string, output: ConsolidateOutput, cwd: string, force: boolean) {
  let bytes: Uint8Array;
  if (/\.xlsx$/i.test(file)) {
    // Loaded here, not at start-up: exceljs is large and only an .xlsx board pack needs it.
    const { writeXlsx } = await import("../../adapters/xlsx/write");
    bytes = await writeXlsx(boardPackWorkbookSpec(output.consolidation), { creator: output.generator });
  } else {
    bytes = new TextEncoder().encode(CONSOLIDATE_FORMATS.get(/\.json$/i.test(file) ? "json" : "html").format(output));
  }
  return writeOutputFile(file, cwd, bytes, force);
}

async function runConsolidate(input: CommandInput<typeof CONSOLIDATE.options>): Promise<number> {
  const { values, operands, io } = input;
  if (operands.length === 0) return input.usage("give at least one .xlsx file (the returns to roll up)");
  if (values.force && values.out === undefined) return input.usage("--force only goes with --out OUT");
  const { overallTarget: amount, targetRate: rate, baseline, years, method } = values;
  const spec = overallTargetSpec({ amount, rate, baseline, years, method });
  if (spec !== null && "error" in spec) return input.usage(spec.error);

  const checked = new Map<number, CheckedWorkbook>();
  const { outcomes, stopped } = await checkFiles(operands, io, {
    reportingDate: values.reportingDate,
    progress: values.progress,
    onChecked: (index, result) => checked.set(index, result),
  });
  if (stopped)
    io.stderr(`vfm: stopped: ${outcomes.filter((o) => o.status === "not-checked").length} of ${outcomes.length} files not checked\n`);
  const rows = outcomes.map((outcome, index) => {
    const result = checked.get(index);
    if (outcome.status === "checked" && result) return consolidatedReturnOf(outcome.file, result);
    return unreadableReturn(
      outcome.file,
      outcome.status === "checked" ? "could not be checked" : outcome.reason,
      outcome.status === "not-checked" ? "not-checked" : "unreadable",
    );
  });
  const overall = spec === null ? null : resolveOverallTarget(spec, rows);
  if (overall !== null && "error" in overall) {
    io.stderr(`vfm consolidate: ${overall.error}\n`);
    return EXIT_USAGE_OR_UNREADABLE;
  }
  const info = packageInfo(io.env);
  const output: ConsolidateOutput = {
    consolidation: consolidate(rows, overall),
    generatedAt: new Date().toISOString(),
    generator: `vfm ${info.version}`,
    docBaseUri: info.docBaseUri,
  };
  if (values.out !== undefined) {
    const written = await writeBoardPack(values.out, output, io.cwd, values.force);
    if (!written.ok) {
      io.stderr(fileMessage(values.out, written.reason));
      return EXIT_USAGE_OR_UNREADABLE;
    }
  }
  io.stdout(CONSOLIDATE_FORMATS.get(values.format ?? "text").format(output));
  if (values.out !== undefined) io.stderr(`Wrote the board pack to ${safeName(values.out)}.\n`);

  if (stopped) return EXIT_INTERRUPTED;
  if (rows.some((r) => r.status === "unreadable" || r.status === "not-checked")) return EXIT_USAGE_OR_UNREADABLE;
  return rows.some((r) => r.verdict.errors > 0) ? EXIT_FINDINGS_OR_FUNCTION_ERROR : EXIT_OK;
}

export const CONSOLIDATE_COMMAND = defineCommand({
  ...CONSOLIDATE,
  summary: "roll many returns up into one board pack: totals against an overall target (.xlsx, HTML, JSON)",
  run: runConsolidate,
});
