/**
 * Readers for the small package parts: relationships, workbook.xml, styles.xml, sharedStrings.xml
 * and table parts. Everything keyed by workbook text lives in arrays and Maps.
 */
import type { CellRect, SheetVisibility } from "../../../core/workbook/model";
import { parseA1Range } from "../../../core/workbook/model";
import { formatCodeFor } from "./formats";
import { stripFutureFunctionPrefixes } from "./formula";
import { quoteForMessage } from "./failure";
import { MAX_CELL_TEXT } from "./sheet";
import { ownCopy } from "./text-pool";
import type { Attributes } from "./xml";
import { decodeOoxmlEscapes, prefixedAttribute, xmlBoolean } from "./xml";

export interface Relationship {
  id: string;
  /** Last path segment of the relationship type URI, e.g. "worksheet", "sharedStrings", "table". */
  type: string;
  /** Resolved part name without a leading "/", e.g. "xl/worksheets/sheet1.xml"; null when external. */
  target: string | null;
}

/** The relationships part that belongs to `partName`: "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels". */
export function relsPartFor(partName: string): string {
  const slash = partName.lastIndexOf("/");
  return `${partName.slice(0, slash + 1)}_rels/${partName.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against its source part, as OPC says (absolute "/xl/..." or relative). */
function resolveTarget(sourcePart: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // Keep the raw text: a stray "%" is legal in some writers' output.
  }
  decoded = decoded.replace(/\\/g, "/").split("#")[0];
  const base = decoded.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const segment of decoded.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") base.pop();
    else base.push(segment);
  }
  return base.join("/");
}

export class RelationshipsHandler {
  readonly relationships: Relationship[] = [];
  constructor(private readonly sourcePart: string) {}
  open(name: string, attributes: Attributes): void {
    if (name !== "Relationship") return;
    const id = attributes.Id ?? "";
    const type = (attributes.Type ?? "").split("/").pop() ?? "";
    const rawTarget = attributes.Target ?? "";
    const external = (attributes.TargetMode ?? "").toLowerCase() === "external";
    const target = external || rawTarget === "" ? null : resolveTarget(this.sourcePart, rawTarget);
    this.relationships.push({ id, type, target });
  }
}

/** Excel's limits: 31 characters for a sheet name, 255 for a defined name or a table name. */
const MAX_SHEET_NAME = 31;
const MAX_NAME = 255;
/** Excel's limit on a formula's length, which a defined name's formula shares. */
const MAX_FORMULA = 8_192;

/**
 * A name longer than Excel allows (only a hostile or broken writer makes one), cut to the limit;
 * never in the middle of a surrogate pair. `notes` gets one line saying so.
 */
function cutName(name: string, max: number, what: string, notes: string[]): string {
  if (name.length <= max) return name;
  let cut = name.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  notes.push(
    `${what} ${quoteForMessage(cut, 40)} was ${name.length.toLocaleString("en-GB")} characters long, more than Excel's limit of ${max}; it was cut to ${cut.length}.`,
  );
  return cut;
}

export interface SheetEntry {
  name: string;
  visibility: SheetVisibility;
  relationshipId: string;
}

export interface RawDefinedName {
  name: string;
  localSheetId: number | null;
  hidden: boolean;
  formula: string;
}

export class WorkbookHandler {
  readonly sheets: SheetEntry[] = [];
  readonly names: RawDefinedName[] = [];
  /** Names cut to Excel's limits, defined names left out: one line each, for the reader's warnings. */
  readonly notes: string[] = [];
  date1904 = false;
  private currentName: RawDefinedName | null = null;
  private formulaTooLong = false;

  open(name: string, attributes: Attributes): void {
    switch (name) {
      case "workbookPr":
        this.date1904 = xmlBoolean(attributes.date1904, false);
        break;
      case "sheet": {
        const state = attributes.state;
        const visibility: SheetVisibility = state === "hidden" ? "hidden" : state === "veryHidden" ? "veryHidden" : "visible";
        this.sheets.push({
          name: cutName(attributes.name ?? "", MAX_SHEET_NAME, "A sheet name", this.notes),
          visibility,
          relationshipId: prefixedAttribute(attributes, "id") ?? attributes.id ?? "",
        });
        break;
      }
      case "definedName": {
        const local = attributes.localSheetId;
        const localSheetId = local !== undefined && /^\d+$/.test(local) ? Number(local) : null;
        const name = cutName(attributes.name ?? "", MAX_NAME, "A defined name", this.notes);
        this.currentName = { name, localSheetId, hidden: xmlBoolean(attributes.hidden, false), formula: "" };
        this.formulaTooLong = false;
        break;
      }
    }
  }
  text(text: string): void {
    const current = this.currentName;
    if (!current || this.formulaTooLong) return;
    if (current.formula.length + text.length > MAX_FORMULA + 1) {
      this.formulaTooLong = true;
      current.formula = "";
    } else current.formula += text;
  }
  close(name: string): void {
    if (name === "definedName" && this.currentName) {
      if (this.formulaTooLong) {
        this.notes.push(
          `The defined name ${quoteForMessage(this.currentName.name, 40)} refers to a formula longer than Excel's limit of ${MAX_FORMULA.toLocaleString("en-GB")} characters; it was left out.`,
        );
      } else {
        this.currentName.formula = stripFutureFunctionPrefixes(this.currentName.formula.replace(/^=/, ""));
        this.names.push(this.currentName);
      }
      this.currentName = null;
    }
  }

  /**
   * Two sheets with one name (Excel compares them ignoring case), in the file or once cut to 31
   * characters: every finding names its sheet, so which one a finding means would be unclear.
   */
  duplicateSheetName(): string | null {
    const seen = new Set<string>();
    for (const sheet of this.sheets) {
      const key = sheet.name.toLowerCase();
      if (seen.has(key)) return sheet.name;
      seen.add(key);
    }
    return null;
  }
}

/** styles.xml -> the number format code for each cell style index (cellXfs), undefined for General. */
export class StylesHandler {
  private readonly customFormats = new Map<number, string>();
  private readonly xfFormatIds: number[] = [];
  private inCellXfs = false;

  open(name: string, attributes: Attributes): void {
    if (name === "numFmt") {
      const id = Number(attributes.numFmtId);
      const code = attributes.formatCode;
      // Excel's number formats are at most 255 characters; a longer one is not Excel's, and reads as General.
      if (Number.isInteger(id) && code !== undefined && code.length <= MAX_NAME) this.customFormats.set(id, code);
    } else if (name === "cellXfs") {
      this.inCellXfs = true;
    } else if (name === "xf" && this.inCellXfs) {
      const id = Number(attributes.numFmtId ?? 0);
      this.xfFormatIds.push(Number.isInteger(id) ? id : 0);
    }
  }
  close(name: string): void {
    if (name === "cellXfs") this.inCellXfs = false;
  }
  /** Index = the cell's `s` attribute. */
  formatsByStyle(): Array<string | undefined> {
    return this.xfFormatIds.map((id) => formatCodeFor(id, this.customFormats));
  }
}

/**
 * sharedStrings.xml: each <si> is plain text (<t>) or rich text runs (<r><t>); phonetic guides
 * (<rPh>, East Asian reading aids) are not part of the value.
 */
export class SharedStringsHandler {
  readonly strings: string[] = [];
  private current = "";
  private inItem = false;
  private inText = false;
  private phoneticDepth = 0;

  open(name: string): void {
    if (name === "si") {
      this.inItem = true;
      this.current = "";
    } else if (name === "rPh") this.phoneticDepth++;
    else if (name === "t" && this.inItem && this.phoneticDepth === 0) this.inText = true;
  }
  text(text: string): void {
    // Excel holds at most 32,767 characters in a cell; a longer item (a hostile file) is cut there.
    if (this.inText && this.current.length < MAX_CELL_TEXT) {
      this.current += text;
      if (this.current.length > MAX_CELL_TEXT) this.current = this.current.slice(0, MAX_CELL_TEXT);
    }
  }
  close(name: string): void {
    if (name === "t") this.inText = false;
    else if (name === "rPh") this.phoneticDepth--;
    else if (name === "si") {
      // An own copy: the text may be a view into a whole chunk of the part's XML (see text-pool.ts).
      this.strings.push(ownCopy(decodeOoxmlEscapes(this.current)));
      this.inItem = false;
      this.current = "";
    }
  }
}

export interface RawTable {
  name: string;
  range: CellRect;
  headerRowCount: number;
  totalsRow: boolean;
}

/** A table part's root element: name, range, header and totals rows. */
export class TableHandler {
  table: RawTable | null = null;
  readonly notes: string[] = [];
  open(name: string, attributes: Attributes): void {
    if (name !== "table" || this.table) return;
    const range = parseA1Range(attributes.ref ?? "");
    if (!range) return;
    const header = Number(attributes.headerRowCount ?? 1);
    const totals = Number(attributes.totalsRowCount ?? 0);
    this.table = {
      name: cutName(attributes.displayName || attributes.name || "", MAX_NAME, "A table name", this.notes),
      range,
      headerRowCount: Number.isInteger(header) && header >= 0 ? Math.min(header, 1) : 1,
      // totalsRowShown only says a totals row was once shown; totalsRowCount says one is there now.
      totalsRow: Number.isInteger(totals) && totals > 0,
    };
  }
}
