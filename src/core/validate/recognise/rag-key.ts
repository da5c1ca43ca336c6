/**
 * The workbook's own RAG weighting key: a small block such as
 *     G  100%            Green  1
 *     A   50%     or     Amber  0.5      or one cell "G 100%, A 50%, R 25%"
 *     R   25%            Red    0.25
 * that the workbook's own risk-adjusted formulas use. Found outside every recognised table (a register's
 * RAG column followed by amounts is not a key); used for that workbook's risk-adjusted checks when its
 * Settings table states no RAG mapping, and said so.
 */
import type { Sheet, WorkbookModel } from "../../workbook/model";
import { a1, a1Range } from "../../workbook/model";
import type { DiscoveredTable } from "../discovery";
import { cellText, MATCH_TEXT_CAP, numberOf, parseNumberText } from "../text";
import { RAG_CODES } from "./vocabulary";

export interface RagKey {
  /** RAG word ("green", "amber", "red") and the workbook's own letters -> deliverability fraction. */
  mapping: Map<string, number>;
  sheet: string;
  /** A1 cell or range of the key. */
  cell: string;
  /** The key as the workbook writes it: "G 100%, A 50%, R 25%". */
  text: string;
}

function fraction(value: number | null): number | null {
  return value !== null && value >= 0 && value <= 1 ? value : null;
}

function insideTable(sheet: Sheet, row: number, col: number, tables: readonly DiscoveredTable[]): boolean {
  return tables.some(
    (t) => t.sheet === sheet && row >= Math.max(0, t.headerTop) && row <= t.endRow && col >= t.startCol && col <= t.endCol,
  );
}

const PAIR = /^\s*([A-Za-z]+)\s*[=:-]?\s*(\d{1,3}(?:\.\d+)?%|0?\.\d+|[01])\s*$/;

/** "G 100%, A 50%, R 25%" in one cell. */
function keyInText(text: string): Map<string, number> | null {
  if (text.length > MATCH_TEXT_CAP) return null;
  // "Weighting: G 100%, A 60%, R 20%": a label before a colon names the key.
  const parts = text.replace(/^[^:,;\n]{1,40}:\s*(?=[A-Za-z]+\s*[=:-]?\s*[\d.])/, "").split(/[,;\n]+/);
  if (parts.length < 2 || parts.length > 4) return null;
  const map = new Map<string, number>();
  for (const part of parts) {
    const m = PAIR.exec(part);
    const word = m ? RAG_CODES.get(m[1].toLowerCase()) : undefined;
    const value = m ? fraction(parseNumberText(m[2])) : null;
    if (!m || word === undefined || value === null) return null;
    map.set(word, value);
  }
  return map;
}

function describe(map: ReadonlyMap<string, number>, letters: ReadonlyMap<string, string>): string {
  return [...map].map(([word, value]) => `${letters.get(word) ?? word} ${Math.round(value * 1000) / 10}%`).join(", ");
}

/** Rows of a sheet where a RAG letter or word sits beside a fraction, outside every table. */
function keyInRows(sheet: Sheet, tables: readonly DiscoveredTable[]): RagKey | null {
  const last = Math.min(sheet.rows.length - 1, 5000);
  for (let r = 0; r <= last; r++) {
    const cells = sheet.rows[r];
    if (!cells) continue;
    for (let c = 0; c < Math.min(cells.length, 60); c++) {
      const text = cellText(cells[c]);
      if (text === "" || text.length > MATCH_TEXT_CAP) continue;
      if (text.length > 6) {
        const inline = keyInText(text);
        if (inline && inline.size >= 2 && !insideTable(sheet, r, c, tables)) {
          return { mapping: inline, sheet: sheet.name, cell: a1(r, c), text };
        }
        if (!RAG_CODES.has(text.toLowerCase())) continue;
      }
      const word = RAG_CODES.get(text.toLowerCase());
      if (word === undefined || insideTable(sheet, r, c, tables)) continue;
      // A column of RAG words, each with a fraction in one of the next two cells, three rows at most.
      const map = new Map<string, number>();
      const letters = new Map<string, string>();
      let valueCol = -1;
      let row = r;
      for (; row <= Math.min(last, r + 3); row++) {
        const w = RAG_CODES.get(cellText(sheet.rows[row]?.[c]).toLowerCase());
        if (w === undefined || map.has(w)) break;
        const vc = valueCol >= 0 ? valueCol : ([c + 1, c + 2].find((k) => fraction(numberOf(sheet.rows[row]?.[k])) !== null) ?? -1);
        const value = vc >= 0 ? fraction(numberOf(sheet.rows[row]?.[vc])) : null;
        if (value === null) break;
        valueCol = vc;
        map.set(w, value);
        letters.set(w, cellText(sheet.rows[row]?.[c]));
      }
      if (map.size >= 2) {
        return {
          mapping: map,
          sheet: sheet.name,
          cell: a1Range({ startRow: r, endRow: row - 1, startCol: c, endCol: valueCol }),
          text: describe(map, letters),
        };
      }
    }
  }
  return null;
}

/** The first RAG weighting key in the workbook, outside its tables; null when there is none. */
export function findRagKey(model: WorkbookModel, tables: readonly DiscoveredTable[]): RagKey | null {
  for (const sheet of model.sheets) {
    const key = keyInRows(sheet, tables);
    if (key) return key;
  }
  return null;
}
