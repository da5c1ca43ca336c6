/** The JSON output of `vfm validate`: exactly the shape in docs/spec/workbook.md. */
import type { ValidationReport } from "../validate/types";

/**
 * One object for one file, an array for several, pretty-printed, ending in a newline. `several` says
 * how many files were asked for: when several were given the output is an array even if only one of
 * them could be read, so that a script's parsing does not depend on which files failed. The CLI passes
 * `{file, status, reason}` entries for the files it could not check beside the reports.
 */
export function formatJson<Entry = ValidationReport>(reports: readonly Entry[], several: boolean = reports.length !== 1): string {
  const payload = several ? reports : reports[0];
  return JSON.stringify(payload, null, 2) + "\n";
}
