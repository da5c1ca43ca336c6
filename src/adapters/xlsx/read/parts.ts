/**
 * Readers for the small package parts: relationships, workbook.xml, styles.xml, sharedStrings.xml
 * and table parts. Everything keyed by workbook text lives in arrays and Maps.
 */
import type { CellRect, SheetVisibility } from "../../../core/workbook/model";
import { parseA1Range } from "../../../core/workbook/model";
import { formatCodeFor } from "./formats";
import { stripFutureFunctionPrefixes } from "./formula";
import { MAX_CELL_TEXT } from "./sheet";
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
export function resolveTarget(sourcePart: string, target: string): string {
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
  date1904 = false;
  private currentName: RawDefinedName | null = null;

  open(name: string, attributes: Attributes): void {
    switch (name) {
      case "workbookPr":
        this.date1904 = xmlBoolean(attributes.date1904, false);
        break;
      case "sheet": {
        const state = attributes.state;
        const visibility: SheetVisibility = state === "hidden" ? "hidden" : state === "veryHidden" ? "veryHidden" : "visible";
        this.sheets.push({
          name: attributes.name ?? "",
          visibility,
          relationshipId: prefixedAttribute(attributes, "id") ?? attributes.id ?? "",
        });
        break;
      }
      case "definedName": {
        const local = attributes.localSheetId;
        const localSheetId = local !== undefined && /^\d+$/.test(local) ? Number(local) : null;
        this.currentName = { name: attributes.name ?? "", localSheetId, hidden: xmlBoolean(attributes.hidden, false), formula: "" };
        break;
      }
    }
  }
  text(text: string): void {
    if (this.currentName) this.currentName.formula += text;
  }
  close(name: string): void {
    if (name === "definedName" && this.currentName) {
      this.currentName.formula = stripFutureFunctionPrefixes(this.currentName.formula.replace(/^=/, ""));
      this.names.push(this.currentName);
      this.currentName = null;
    }
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
      if (Number.isInteger(id) && attributes.formatCode !== undefined) this.customFormats.set(id, attributes.formatCode);
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
      this.strings.push(decodeOoxmlEscapes(this.current));
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
  open(name: string, attributes: Attributes): void {
    if (name !== "table" || this.table) return;
    const range = parseA1Range(attributes.ref ?? "");
    if (!range) return;
    const header = Number(attributes.headerRowCount ?? 1);
    const totals = Number(attributes.totalsRowCount ?? 0);
    this.table = {
      name: attributes.displayName || attributes.name || "",
      range,
      headerRowCount: Number.isInteger(header) && header >= 0 ? Math.min(header, 1) : 1,
      // totalsRowShown only says a totals row was once shown; totalsRowCount says one is there now.
      totalsRow: Number.isInteger(totals) && totals > 0,
    };
  }
}
