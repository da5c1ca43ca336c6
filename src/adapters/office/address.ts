/**
 * Sheet-qualified addresses as Excel writes them ("Gains!A3:T40", "'My ''odd'' sheet'!B2") and the
 * rules for names Excel accepts for sheets and tables.
 */
import { parseA1Range, type CellRect } from "../../core/workbook/model";

export interface SheetAddress {
  /** Sheet name with quoting removed; null when the address has no sheet part. */
  sheet: string | null;
  rect: CellRect;
}

/** Parses "Gains!A3:T40", "'My ''odd'' sheet'!A1" or a bare "A1:B2"; null when it is not one. */
export function parseSheetAddress(address: string): SheetAddress | null {
  const text = address.trim();
  let sheet: string | null = null;
  let cells = text;
  if (text.startsWith("'")) {
    let name = "";
    let i = 1;
    for (; i < text.length; i++) {
      const ch = text[i];
      if (ch === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i++;
          continue;
        }
        break;
      }
      name += ch;
    }
    if (i >= text.length || text[i + 1] !== "!") return null;
    sheet = name;
    cells = text.slice(i + 2);
  } else {
    // An unquoted sheet name cannot contain "!" followed by a cell reference, so the last "!" splits.
    const bang = text.lastIndexOf("!");
    if (bang >= 0) {
      sheet = text.slice(0, bang);
      cells = text.slice(bang + 1);
    }
  }
  const rect = parseA1Range(cells);
  return rect ? { sheet, rect } : null;
}

/** Sheet name as it must appear in a formula or address (the one rule the whole product uses). */
export { quoteSheetName } from "../../core/text/sheet-name";

const FORBIDDEN_SHEET_CHARACTERS = /[:\\/?*[\]]/;

/** Why Excel would refuse this sheet name, in plain words; null when it is acceptable. */
export function sheetNameProblem(name: string): string | null {
  if (name.trim() === "") return "A sheet name cannot be blank.";
  if (name.length > 31) return `The sheet name "${name}" is longer than Excel's limit of 31 characters.`;
  if (FORBIDDEN_SHEET_CHARACTERS.test(name))
    return `The sheet name "${name}" contains a character Excel does not allow in sheet names (: \\ / ? * [ ]).`;
  if (name.startsWith("'") || name.endsWith("'")) return `The sheet name "${name}" cannot begin or end with an apostrophe.`;
  if (name.toLowerCase() === "history") return 'Excel keeps the sheet name "History" for itself.';
  return null;
}

/** Why Excel would refuse this table name; null when it is acceptable. */
export function tableNameProblem(name: string): string | null {
  if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/.test(name))
    return `"${name}" is not a name Excel accepts for a table (letters, digits, underscores and full stops, starting with a letter).`;
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name))
    return `"${name}" looks like a cell reference, so Excel will not use it as a table name.`;
  return null;
}

/** Case-insensitive comparison, as Excel compares sheet, table and defined names. */
export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
