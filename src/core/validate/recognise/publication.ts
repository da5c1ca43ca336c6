/**
 * The publication record as people keep it: a Publication table (Report, Published, Reference), or,
 * when there is none, dated notes under a register or tracker ("Published in the Force's Annual Report
 * 2011-12 on 12/07/2012.", "Publication: AES submitted to CLG on 15/07/2009 and published on the
 * council's website on 30/07/2009."). Either way the rules read records, each with its report, the date
 * it was published (from a date cell, or a date written inside the text) and the cell to point at.
 */
import type { Sheet } from "../../workbook/model";
import { parseDateText, readDate } from "../dates";
import type { DiscoveredTable } from "../discovery";
import { cellText, isBlankCell, MATCH_TEXT_CAP } from "../text";

export interface PublicationRecord {
  sheet: string;
  /** 0-based row and column of the cell that says it was published. */
  row: number;
  col: number;
  /** What was published (the Report cell, or the note's own text). */
  report: string;
  /** ISO date it was published, or null when none can be read. */
  date: string | null;
  /** The Published cell's text when it holds something that is not a date; "" when blank. */
  dateText: string;
}

/** A note that records a publication: it starts by saying so, or says where it was "published in/on". */
const PUBLICATION_NOTE = /^(?:published\b|publication\s*[:\-\u2013]|first published\b)|\bpublished\s+(?:in|on|at|with|via|by)\b/i;
/** A note about a publication still to come ("will be published in the Annual Report") records none. */
const NOT_YET = /\b(?:will be|to be|not yet|not been|yet to be|due to be|never)\s+published\b/i;
/** A date written inside a sentence: 12/07/2012, 30 July 2009, 30th July 2009. */
const DATE_IN_SENTENCE = /\b(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4})\b/g;
/** Columns a note may sit in, from the left: notes are written in the first columns of a sheet. */
const NOTE_COLUMNS = 3;

/** The last date a sentence gives (a note "submitted on 15/07/2009 and published on 30/07/2009" was published on the last). */
function dateInText(text: string): string | null {
  let last: string | null = null;
  for (const m of text.slice(0, MATCH_TEXT_CAP * 4).matchAll(DATE_IN_SENTENCE)) last = parseDateText(m[1]) ?? last;
  return last;
}

/** True when a cell's text is a publication note. */
function isPublicationNote(text: string): boolean {
  const capped = text.slice(0, MATCH_TEXT_CAP * 4);
  return text.length >= 12 && PUBLICATION_NOTE.test(capped) && !NOT_YET.test(capped);
}

/**
 * The rows of a sheet that are publication notes: one text cell in a row (in the sheet's first
 * columns) that says where the figures were published. Rows inside the given tables' data are skipped.
 */
export function publicationNotes(sheet: Sheet, skip: ReadonlyArray<{ from: number; to: number }>): Array<{ row: number; col: number }> {
  const out: Array<{ row: number; col: number }> = [];
  for (let r = 0; r < sheet.rows.length; r++) {
    const within = skip.find((s) => r >= s.from && r <= s.to);
    if (within) {
      r = within.to;
      continue;
    }
    const row = sheet.rows[r];
    if (!row) continue;
    let col = -1;
    let filled = 0;
    for (let c = 0; c < row.length && filled < 2; c++) {
      if (isBlankCell(row[c])) continue;
      filled++;
      col = c;
    }
    if (filled !== 1 || col >= NOTE_COLUMNS || typeof row[col]?.value !== "string") continue;
    if (isPublicationNote(cellText(row[col]))) out.push({ row: r, col });
  }
  return out;
}

/** The publication records of a Publication table (or of the notes recognised as one). */
export function readPublications(table: DiscoveredTable, date1904: boolean): PublicationRecord[] {
  const publishedCol = table.columns.get("published");
  const reportCol = table.columns.get("report");
  const records: PublicationRecord[] = [];
  for (const r of table.rows) {
    const cells = table.sheet.rows[r] ?? [];
    const col = publishedCol ?? reportCol ?? table.startCol;
    const text = cellText(cells[col]);
    const report = reportCol === undefined ? "" : cellText(cells[reportCol]);
    // A date cell, a date typed as text, or a date inside the note's sentence ("... on 12/07/2012.").
    const date = readDate(cells[col], date1904) ?? (text === "" ? null : dateInText(text));
    records.push({ sheet: table.sheet.name, row: r, col, report, date, dateText: text });
  }
  return records;
}
