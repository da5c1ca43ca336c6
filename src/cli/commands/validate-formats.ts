/**
 * The output formats of `vfm validate`, registered by name: the `--format` option, its help and the
 * dispatch all come from this registry. A format is a pure function of the batch's outcomes; every
 * file given is in every format, whether it was checked or not.
 */
import { formatJson, formatText, toSarif, type RuleCatalogue, type SarifTool, type TextOptions } from "../../core/report/index";
import { verdictsCsv } from "../../core/review/verdict-csv";
import { batchTotals, totalsLine, verdictDetail, verdictOf, verdictWord, type ReturnOutcome } from "../../core/review/verdict";
import type { ValidationReport } from "../../core/validate/types";
import { FormatterRegistry } from "../formatters";
import { safeMessage, safeName } from "../terminal";

export interface ValidateOutput {
  /** Every file given, in the order given. */
  outcomes: readonly ReturnOutcome[];
  /** More than one file was given (JSON is then an array, whatever happened to each file). */
  several: boolean;
  catalogue: RuleCatalogue;
  tool: SarifTool;
  /** file: URI of the directory relative paths are relative to. */
  srcRoot: string;
  text: Pick<TextOptions, "unicode" | "color" | "verbose" | "quiet"> & {
    /** Only the one-line-per-file view and the totals. */
    summary: boolean;
  };
}

const checkedReports = (output: ValidateOutput): ValidationReport[] =>
  output.outcomes.flatMap((o) => (o.status === "checked" ? [o.report] : []));

/** The one-line-per-file view and the totals line of a batch. */
function batchSummary(outcomes: readonly ReturnOutcome[]): string {
  const verdicts = outcomes.map(verdictOf);
  const width = Math.max(...verdicts.map((v) => verdictWord(v).length));
  const lines = verdicts.map((v) => `  ${verdictWord(v).padEnd(width)}  ${safeName(v.file)}: ${safeMessage(verdictDetail(v))}`);
  return [...lines, totalsLine(batchTotals(verdicts))].join("\n") + "\n";
}

export const VALIDATE_FORMATS = new FormatterRegistry<ValidateOutput>()
  .register({
    name: "text",
    help: "a report for people; for several files, one line per file and the totals at the end",
    format(output) {
      const reports = checkedReports(output);
      const noVfmTables = new Set(output.outcomes.flatMap((o) => (o.status === "checked" && !o.vfmTablesFound ? [o.file] : [])));
      const units = new Map(output.outcomes.flatMap((o) => (o.status === "checked" && o.unit ? [[o.file, o.unit] as const] : [])));
      const full =
        output.text.summary || reports.length === 0 ? "" : formatText(reports, output.catalogue, { ...output.text, noVfmTables, units });
      if (!output.several && !output.text.summary) return full;
      return (full ? `${full}\n` : "") + batchSummary(output.outcomes);
    },
  })
  .register({
    name: "json",
    help: "the report of each file checked (docs/cli.md), {file, status, reason} for each file not checked; an array for several",
    format(output) {
      const entries = output.outcomes.map((o) =>
        o.status === "checked" ? o.report : { file: o.file, status: o.status, reason: o.reason },
      );
      return formatJson(entries, output.several);
    },
  })
  .register({
    name: "sarif",
    help: "SARIF 2.1.0, for code-scanning tools in CI",
    format(output) {
      const unreadable = output.outcomes.flatMap((o) => (o.status === "checked" ? [] : [{ file: o.file, reason: o.reason }]));
      const log = toSarif(checkedReports(output), output.catalogue, output.tool, { srcRoot: output.srcRoot, unreadable });
      return JSON.stringify(log, null, 2) + "\n";
    },
  })
  .register({
    name: "csv",
    help: "one row per file: its verdict, counts, principles failed and not checked, target and progress",
    format: (output) => verdictsCsv(output.outcomes.map(verdictOf)),
  });
