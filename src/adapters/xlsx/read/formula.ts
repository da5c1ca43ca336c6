/**
 * Shared formulas: Excel stores a formula filled across a range once, in the range's first cell
 * (the master), and marks the other cells as sharing it. Each dependent cell's formula is the
 * master's with every relative A1 reference moved by the cell's offset from the master ($-anchored
 * parts stay). The master is compiled once into literal text and reference pieces; each dependent
 * is then a cheap re-assembly.
 *
 * Recognised references: A1, $A$1, A1:B2 (each end moved), whole columns (A:C) and whole rows
 * (1:3), sheet-qualified forms (Sheet1!A1, 'My sheet'!A1). Left untouched: string literals,
 * quoted sheet names, structured references and external-workbook indexes in [...], error literals
 * (#REF!), function names (LOG10(...)) and defined names. A reference moved off the grid becomes
 * #REF!, as in Excel.
 */

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

type Piece =
  | string
  | { kind: "cell"; col: number; colFixed: boolean; row: number; rowFixed: boolean }
  | { kind: "col"; col: number; fixed: boolean }
  | { kind: "row"; row: number; fixed: boolean };

export interface CompiledFormula {
  pieces: Piece[];
  /** True when there is nothing to move (the text is the same for every cell). */
  constant: boolean;
  text: string;
}

const NAME_CHAR = /[A-Za-z0-9_.$\\?\u00C0-\uFFFF]/;
const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)(\d{1,7})$/;

function lettersToColumn(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) | 0x20) - 96);
  return n - 1;
}

/** Column letters by index, filled as they are first needed (a shared formula asks for the same few again and again). */
const LETTERS: string[] = [];

function columnToLetters(col: number): string {
  return (LETTERS[col] ??= spellColumn(col));
}

function spellColumn(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Index just past a quoted run starting at `start` (the quote doubled inside means itself). */
function skipQuoted(formula: string, start: number, quote: string): number {
  let at = start + 1;
  while (at < formula.length) {
    if (formula[at] === quote) {
      if (formula[at + 1] === quote) at += 2;
      else return at + 1;
    } else at++;
  }
  return formula.length;
}

/** Index just past a bracketed run (nested; "'" escapes the next character in structured references). */
function skipBracketed(formula: string, start: number): number {
  let depth = 0;
  let at = start;
  while (at < formula.length) {
    const ch = formula[at];
    if (ch === "'") at += 2;
    else {
      if (ch === "[") depth++;
      else if (ch === "]" && --depth === 0) return at + 1;
      at++;
    }
  }
  return formula.length;
}

function tokenEnd(formula: string, start: number): number {
  let at = start;
  while (at < formula.length && NAME_CHAR.test(formula[at])) at++;
  return at;
}

/** Splits a formula into literal text and movable references. */
export function compileFormula(formula: string): CompiledFormula {
  const pieces: Piece[] = [];
  let literal = "";
  let movable = false;
  const flush = (): void => {
    if (literal) pieces.push(literal);
    literal = "";
  };
  let at = 0;
  while (at < formula.length) {
    const ch = formula[at];
    if (ch === '"' || ch === "'") {
      const end = skipQuoted(formula, at, ch);
      literal += formula.slice(at, end);
      at = end;
      continue;
    }
    if (ch === "[") {
      const end = skipBracketed(formula, at);
      literal += formula.slice(at, end);
      at = end;
      continue;
    }
    if (ch === "#") {
      let end = at + 1;
      while (end < formula.length && /[A-Za-z0-9/!?]/.test(formula[end])) {
        end++;
        if (formula[end - 1] === "!" || formula[end - 1] === "?") break;
      }
      literal += formula.slice(at, end);
      at = end;
      continue;
    }
    if (!NAME_CHAR.test(ch)) {
      literal += ch;
      at++;
      continue;
    }
    const end = tokenEnd(formula, at);
    const token = formula.slice(at, end);
    const next = formula[end];
    if (next === "(" || next === "!" || next === "[") {
      literal += token;
      at = end;
      continue;
    }
    // Whole columns (A:C) and whole rows (1:3) come as a pair around ":".
    if (next === ":") {
      const secondEnd = tokenEnd(formula, end + 1);
      const second = formula.slice(end + 1, secondEnd);
      const after = formula[secondEnd];
      if (after !== "(" && after !== "!" && after !== "[") {
        const c1 = COLUMN.exec(token);
        const c2 = COLUMN.exec(second);
        if (c1 && c2) {
          const col1 = lettersToColumn(c1[2]);
          const col2 = lettersToColumn(c2[2]);
          if (col1 < MAX_COL && col2 < MAX_COL) {
            flush();
            pieces.push({ kind: "col", col: col1, fixed: c1[1] === "$" }, ":", { kind: "col", col: col2, fixed: c2[1] === "$" });
            movable = true;
            at = secondEnd;
            continue;
          }
        }
        const r1 = ROW.exec(token);
        const r2 = ROW.exec(second);
        if (r1 && r2) {
          const row1 = Number(r1[2]) - 1;
          const row2 = Number(r2[2]) - 1;
          if (row1 >= 0 && row2 >= 0 && row1 < MAX_ROW && row2 < MAX_ROW) {
            flush();
            pieces.push({ kind: "row", row: row1, fixed: r1[1] === "$" }, ":", { kind: "row", row: row2, fixed: r2[1] === "$" });
            movable = true;
            at = secondEnd;
            continue;
          }
        }
      }
    }
    const cell = CELL.exec(token);
    if (cell) {
      const col = lettersToColumn(cell[2]);
      const row = Number(cell[4]) - 1;
      if (col < MAX_COL && row >= 0 && row < MAX_ROW) {
        flush();
        pieces.push({ kind: "cell", col, colFixed: cell[1] === "$", row, rowFixed: cell[3] === "$" });
        movable = true;
        at = end;
        continue;
      }
    }
    literal += token;
    at = end;
  }
  flush();
  return { pieces, constant: !movable, text: formula };
}

/** The compiled formula as it reads in a cell `rowOffset` rows and `colOffset` columns from the master. */
export function shiftFormula(compiled: CompiledFormula, rowOffset: number, colOffset: number): string {
  if (compiled.constant || (rowOffset === 0 && colOffset === 0)) return compiled.text;
  // Built as an array and joined: one flat string per cell. Appending piece by piece would leave a
  // tree of string fragments behind each cell, many times the text's own size for a long formula.
  const out: string[] = [];
  for (const piece of compiled.pieces) {
    if (typeof piece === "string") {
      out.push(piece);
      continue;
    }
    if (piece.kind === "cell") {
      const col = piece.colFixed ? piece.col : piece.col + colOffset;
      const row = piece.rowFixed ? piece.row : piece.row + rowOffset;
      if (col < 0 || col >= MAX_COL || row < 0 || row >= MAX_ROW) out.push("#REF!");
      else out.push(`${piece.colFixed ? "$" : ""}${columnToLetters(col)}${piece.rowFixed ? "$" : ""}${row + 1}`);
    } else if (piece.kind === "col") {
      const col = piece.fixed ? piece.col : piece.col + colOffset;
      out.push(col < 0 || col >= MAX_COL ? "#REF!" : `${piece.fixed ? "$" : ""}${columnToLetters(col)}`);
    } else {
      const row = piece.fixed ? piece.row : piece.row + rowOffset;
      out.push(row < 0 || row >= MAX_ROW ? "#REF!" : `${piece.fixed ? "$" : ""}${row + 1}`);
    }
  }
  return out.join("");
}

/**
 * Removes the "_xlfn." / "_xlws." / "_xlpm." prefixes the file format puts before newer function
 * and parameter names (IFS, XLOOKUP, LET...), outside string literals, so formulas read as Excel
 * shows them.
 */
export function stripFutureFunctionPrefixes(formula: string): string {
  if (formula.indexOf("_xl") < 0) return formula;
  let out = "";
  let at = 0;
  while (at < formula.length) {
    const ch = formula[at];
    if (ch === '"' || ch === "'") {
      const end = skipQuoted(formula, at, ch);
      out += formula.slice(at, end);
      at = end;
    } else if (
      ch === "_" &&
      /^_xl(?:fn|ws|pm)\./i.test(formula.slice(at, at + 6)) &&
      (out === "" || !NAME_CHAR.test(out[out.length - 1]))
    ) {
      at += 6;
    } else {
      out += ch;
      at++;
    }
  }
  return out;
}
