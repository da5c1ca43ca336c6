/**
 * Writing text so that Excel keeps it as the same text.
 *
 * Excel reads what an add-in writes to `Range.values` the way it reads typing: "=..." becomes a
 * formula, "-1+2" becomes the formula =-1+2, "@SUM(A1)" a formula, "2008-09" a date, "TRUE" a
 * boolean, "#N/A" an error. A leading apostrophe is Excel's own "this is text" marker (the quote
 * prefix): it is not part of the cell's value, not shown in the cell, and `values` reads the text
 * back without it. So we put one in front of any text Excel might reinterpret.
 */

/** Characters that make Excel (or a program the sheet is exported to as CSV) read text as a formula. */
const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r", "\n"]);

/**
 * For cells already formatted as Text ("@"), where numbers and dates stay text: quote only text
 * that begins like a formula, and text that begins with an apostrophe (else Excel would eat it).
 */
export function formulaSafeText(text: string): string {
  if (text === "") return text;
  const first = text[0];
  return FORMULA_TRIGGERS.has(first) || first === "'" ? `'${text}` : text;
}

/**
 * For cells in the General format: quote any text Excel could read as something else (a formula, a
 * number, a date, a time, a percentage, a fraction, a boolean or an error). Plain words that start
 * with a letter and contain no digit cannot be any of those and are written as they are.
 */
export function literalText(text: string): string {
  if (text === "") return text;
  const startsWithLetter = /^\p{L}/u.test(text);
  const plainWords = startsWithLetter && !/\d/.test(text) && !/^(true|false)$/i.test(text.trim());
  return plainWords ? text : `'${text}`;
}
