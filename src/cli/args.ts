/*
 * Command-line arguments written as in an Excel formula:
 *   a number        1200000   -5   0.9   1.5E3
 *   a percentage    3%
 *   text            "2008-09"  "simple"   (the shell removes unescaped quotes: bare 2008-09 and simple work too)
 *   TRUE / FALSE
 *   an array        {100,200} (one row)   {100;200} (one column)   {1,2;3,4}
 *   ""              an omitted optional argument (also an empty argument)
 */
import { parseNumberText } from "../core/calc";

export type ExcelArgument = number | string | boolean | null | ExcelArgument[][];

export type ParsedArgument = { ok: true; value: ExcelArgument } | { ok: false; message: string };

function parseQuoted(text: string): string | null {
  if (text.length < 2 || !text.startsWith('"') || !text.endsWith('"')) return null;
  const inner = text.slice(1, -1);
  // Inside Excel text a quote is written twice.
  if (inner.replace(/""/g, "").includes('"')) return null;
  return inner.replace(/""/g, '"');
}

function parseScalar(text: string): ParsedArgument {
  const trimmed = text.trim();
  if (trimmed === "" || trimmed === '""') return { ok: true, value: null };
  if (trimmed.startsWith('"')) {
    const quoted = parseQuoted(trimmed);
    if (quoted === null) return { ok: false, message: `text ${trimmed} is not closed by a double quote` };
    return { ok: true, value: quoted === "" ? null : quoted };
  }
  const upper = trimmed.toUpperCase();
  if (upper === "TRUE") return { ok: true, value: true };
  if (upper === "FALSE") return { ok: true, value: false };
  const number = parseNumberText(trimmed);
  if (!Number.isNaN(number)) return { ok: true, value: number };
  return { ok: true, value: trimmed };
}

/** Splits on `separator` outside double quotes. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (char === separator && !quoted) {
      parts.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

function parseArray(text: string): ParsedArgument {
  const body = text.slice(1, -1);
  if (body.trim() === "") return { ok: false, message: "an array constant {...} needs at least one value" };
  const rows: ExcelArgument[][] = [];
  for (const rowText of splitOutsideQuotes(body, ";")) {
    const row: ExcelArgument[] = [];
    for (const cellText of splitOutsideQuotes(rowText, ",")) {
      if (cellText.trim() === "") return { ok: false, message: `array constant ${text} has an empty value` };
      if (cellText.includes("{") || cellText.includes("}"))
        return { ok: false, message: `array constant ${text} cannot contain another array` };
      const cell = parseScalar(cellText);
      if (!cell.ok) return cell;
      row.push(cell.value);
    }
    if (rows.length > 0 && row.length !== rows[0].length) {
      return { ok: false, message: `every row of array constant ${text} must have the same number of values` };
    }
    rows.push(row);
  }
  return { ok: true, value: rows };
}

/** One argument as Excel would read it in a formula. */
export function parseExcelArgument(text: string): ParsedArgument {
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) {
    if (!trimmed.endsWith("}")) return { ok: false, message: `array constant ${trimmed} is not closed by }` };
    return parseArray(trimmed);
  }
  return parseScalar(trimmed);
}
