/**
 * The output formats of `vfm validate`, registered by name: the `--format` option, its help and the
 * dispatch all come from this registry. A format is a pure function of the batch's outcomes.
 */
import { formatJson, formatText, toSarif, type RuleCatalogue, type SarifTool, type TextOptions } from "../../core/report/index";
import type { ValidationReport } from "../../core/validate/types";
import { FormatterRegistry } from "../formatters";

/** What became of one file given on the command line. */
export type FileOutcome =
  | { file: string; status: "checked"; report: ValidationReport; vfmTablesFound: boolean }
  | { file: string; status: "unreadable"; reason: string };

export interface ValidateOutput {
  /** Every file given, in the order given. */
  outcomes: readonly FileOutcome[];
  /** More than one file was given (JSON is then an array, whatever happened to each file). */
  several: boolean;
  catalogue: RuleCatalogue;
  tool: SarifTool;
  /** file: URI of the directory relative paths are relative to. */
  srcRoot: string;
  text: Pick<TextOptions, "unicode" | "color" | "verbose" | "quiet">;
}

const checkedReports = (output: ValidateOutput): ValidationReport[] =>
  output.outcomes.flatMap((o) => (o.status === "checked" ? [o.report] : []));

export const VALIDATE_FORMATS = new FormatterRegistry<ValidateOutput>()
  .register({
    name: "text",
    help: "a report for people",
    format(output) {
      const reports = checkedReports(output);
      if (reports.length === 0) return "";
      const noVfmTables = new Set(output.outcomes.flatMap((o) => (o.status === "checked" && !o.vfmTablesFound ? [o.file] : [])));
      return formatText(reports, output.catalogue, { ...output.text, noVfmTables });
    },
  })
  .register({
    name: "json",
    help: "one object for one file, an array for several",
    format(output) {
      const reports = checkedReports(output);
      return reports.length > 0 || output.several ? formatJson(reports, output.several) : "";
    },
  })
  .register({
    name: "sarif",
    help: "SARIF 2.1.0, for code-scanning tools in CI",
    format(output) {
      const unreadable = output.outcomes.flatMap((o) => (o.status === "unreadable" ? [{ file: o.file, reason: o.reason }] : []));
      const log = toSarif(checkedReports(output), output.catalogue, output.tool, { srcRoot: output.srcRoot, unreadable });
      return JSON.stringify(log, null, 2) + "\n";
    },
  });
