/**
 * The verdicts as CSV, one row per return (RFC 4180: comma-separated, fields quoted when they hold a
 * comma, a quote or a line break, quotes doubled, CRLF line ends). Text that a spreadsheet would take
 * for a formula (starting with = + - @, a tab or a carriage return) is prefixed with ' so that
 * opening the file in Excel never runs what a workbook's or a file's name smuggled in.
 */
import type { PrincipleKey } from "../validate/types";
import type { ReturnVerdict } from "./verdict";

const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: text neutralised against formula injection, then quoted as RFC 4180 requires. */
export function csvText(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A number we computed, as JavaScript writes it (no separators, so a spreadsheet reads it as a number), or empty. */
function csvNumber(value: number | null): string {
  return value === null || !Number.isFinite(value) ? "" : String(value);
}

function csvRow(fields: readonly string[]): string {
  return fields.join(",") + "\r\n";
}

const principleList = (keys: readonly PrincipleKey[]) => keys.join(" ");

export const VERDICT_CSV_COLUMNS = [
  "File",
  "Status",
  "Reason",
  "Reporting date",
  "Errors",
  "Warnings",
  "Notes",
  "Principles failed",
  "Principles not checked",
  "Target",
  "Risk-adjusted cashable gains",
  "Progress",
  "On track",
] as const;

export function verdictsCsv(verdicts: readonly ReturnVerdict[]): string {
  const rows = verdicts.map((v) => {
    const checked = v.status === "checked" || v.status === "not-vfm";
    return csvRow([
      csvText(v.file),
      v.status,
      csvText(v.reason ?? ""),
      v.reportingDate ?? "",
      checked ? String(v.errors) : "",
      checked ? String(v.warnings) : "",
      checked ? String(v.infos) : "",
      principleList(v.principlesFailed),
      principleList(v.principlesNotChecked),
      csvNumber(v.target),
      csvNumber(v.riskAdjustedCashable),
      csvNumber(v.progress),
      v.onTrack?.status ?? "",
    ]);
  });
  return csvRow(VERDICT_CSV_COLUMNS.map(csvText)) + rows.join("");
}
