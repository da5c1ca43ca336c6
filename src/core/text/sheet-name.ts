/**
 * Sheet names in A1 references, the way Excel writes them: "Gains!K7", "'My sheet'!B4",
 * "'Bob''s'!A1", "'Q1'!A1", "Année!A1". One rule for the CLI, the pane, the report sheet and the
 * Office adapter.
 *
 * Excel leaves a sheet name bare when it is a plain name: it starts with a letter (any script) or an
 * underscore and goes on with letters, digits, underscores and full stops. Everything else is put in
 * single quotes, with each quote in the name doubled: names with spaces or punctuation, names that
 * start with a digit, and plain names that Excel would read as something else: a cell in A1 style
 * ("Q1", "AB12"), a row, column or cell in R1C1 style ("R", "C3", "R1C1", "RC"), or a boolean
 * ("TRUE", "false").
 */

const PLAIN_NAME = /^[\p{L}_][\p{L}\p{M}\p{Nd}_.]*$/u;
const A1_LIKE = /^[A-Za-z]{1,3}\d+$/;
const R1C1_LIKE = /^(?:[Rr]\d*(?:[Cc]\d*)?|[Cc]\d*)$/;
const BOOLEAN = /^(?:true|false)$/i;

/** True when Excel puts the sheet name in single quotes in a reference. */
export function sheetNeedsQuotes(name: string): boolean {
  return !PLAIN_NAME.test(name) || A1_LIKE.test(name) || R1C1_LIKE.test(name) || BOOLEAN.test(name);
}

/** The sheet name as it appears in a reference: "Gains", "'My sheet'", "'Bob''s'". */
export function quoteSheetName(name: string): string {
  return sheetNeedsQuotes(name) ? `'${name.replace(/'/g, "''")}'` : name;
}

/** "Gains!K7", "'My sheet'!B4"; the sheet alone when there is no cell; "" when there is no sheet. */
export function formatCellRef(sheet: string | null, cell: string | null): string {
  if (sheet === null) return "";
  const name = quoteSheetName(sheet);
  return cell === null ? name : `${name}!${cell}`;
}
