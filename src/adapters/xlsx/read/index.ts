/**
 * The untrusted-.xlsx reader, for Node and the browser: bytes in, the workbook model out, or a
 * one-line reason a finance user understands. It never throws.
 *
 * Why our own small reader rather than a spreadsheet library: exceljs 4.4.0 throws on real files
 * (corpus FinalBudget.xlsx) and has no decompressed-size control; SheetJS's npm `xlsx` 0.18.5 carries
 * CVE-2023-30533 (prototype pollution), and its fixed builds neither read Excel table parts nor
 * stream, inflating whole archives in memory so a zip bomb exhausts memory. So the reader is built
 * on two small, well-kept packages: fflate (zip, with streaming inflate so decompressed bytes are
 * counted and capped as they come) and saxes (a strict, spec-conformant streaming XML parser, the
 * one jsdom uses). It reads only the parts the model needs: workbook.xml and its relationships,
 * sharedStrings.xml, styles.xml, the sheets, their relationships and their table parts.
 *
 * Safety: file size is checked first; each part's declared size, then its actual decompressed bytes
 * while inflating, are checked against a per-part and a whole-workbook cap, and every part read is
 * checked against its CRC-32; an archive naming one part twice is refused; the number of cells
 * with content is capped, and so are the characters that expanding shared formulas makes; names
 * are held to Excel's limits (31 characters for a sheet, 255 for a table or defined name) and no
 * tag may exceed 1 MB; elapsed time is checked between chunks, and the reader yields to the event
 * loop every few tens of milliseconds so an AbortSignal and progress work in the browser.
 * Workbook text (sheet, table and defined names, cells) is only ever stored in arrays and Maps.
 */
import type { DefinedName, Sheet, TableDef, WorkbookModel } from "../../../core/workbook/model";
import { ReadFailure, megabytes, oneLine, quoteForMessage } from "./failure";
import { Pace } from "./pace";
import type { Relationship, RawTable } from "./parts";
import { RelationshipsHandler, SharedStringsHandler, StylesHandler, TableHandler, WorkbookHandler, relsPartFor } from "./parts";
import type { SheetContext } from "./sheet";
import { SheetHandler } from "./sheet";
import { TextPool } from "./text-pool";
import { NOT_A_WORKBOOK_ZIP, describeNonZip, describeOtherZip } from "./sniff";
import type { XmlHandler } from "./xml";
import { parseXmlEntry } from "./xml";
import type { ZipArchive } from "./zip";
import { InflateBudget, findEntry, isZipSignature, openZip } from "./zip";

export interface ReadLimits {
  /** Largest .xlsx file accepted, in bytes. */
  maxFileBytes: number;
  /** Most decompressed bytes read from the whole archive (the parts the reader needs). */
  maxUncompressedBytes: number;
  /** Most decompressed bytes of any one part (a sheet, the shared text...). */
  maxEntryBytes: number;
  /** Most cells with content (a value or a formula) in the whole workbook. */
  maxCells: number;
  /** Most characters of formula text made by expanding shared formulas (one master, many cells). */
  maxFormulaChars: number;
  /** Longest a read may take, in milliseconds. */
  timeoutMs: number;
}

/**
 * Defaults, sized so that a 100,000-gain register (about 2.5 million cells, 150-250 MB of sheet XML,
 * 15-40 MB as .xlsx) reads comfortably, while corpus zip-bomb.xlsx (1.6 GB of sheet XML in 3.9 MB)
 * is refused at once from its declared size, or, if a bomb lies about its size, after at most
 * 400 MB has streamed past in 16 MB steps. The model takes about 70 bytes a cell (the 100,000-gain
 * register's 2.9 million cells: 190 MB), so 4 million cells take under 300 MB, plus their text.
 */
export const DEFAULT_READ_LIMITS: ReadLimits = Object.freeze({
  maxFileBytes: 100 * 1024 * 1024,
  maxUncompressedBytes: 600 * 1024 * 1024,
  maxEntryBytes: 400 * 1024 * 1024,
  maxCells: 4_000_000,
  // About 64 MB of text: 500,000 rows of two 60-character formula columns, filled down.
  maxFormulaChars: 64 * 1024 * 1024,
  timeoutMs: 60_000,
});

export type ReadResult = { ok: true; model: WorkbookModel; warnings: string[] } | { ok: false; reason: string };

export interface ReadOptions {
  limits?: Partial<ReadLimits>;
  signal?: AbortSignal;
  /** Called now and then with the fraction read so far (0 to 1). */
  onProgress?: (fraction: number) => void;
  /** The file's name, when known: it helps recognise Excel lock files ("~$Budget.xlsx"). */
  fileName?: string;
}

const MAX_WARNINGS = 100;

function mergeLimits(partial: Partial<ReadLimits> | undefined): ReadLimits {
  const limits: ReadLimits = { ...DEFAULT_READ_LIMITS };
  if (!partial) return limits;
  for (const key of ["maxFileBytes", "maxUncompressedBytes", "maxEntryBytes", "maxCells", "maxFormulaChars", "timeoutMs"] as const) {
    const value = partial[key];
    if (typeof value === "number" && value > 0 && !Number.isNaN(value)) limits[key] = value;
  }
  return limits;
}

export async function readXlsx(bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadResult> {
  try {
    return await readPackage(bytes, options);
  } catch (error) {
    if (error instanceof ReadFailure) return { ok: false, reason: oneLine(error.reason) };
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      reason: oneLine(
        `This workbook could not be read: it is damaged or not a valid Excel workbook (${detail.slice(0, 200)}). Save it again from Excel.`,
      ),
    };
  }
}

async function readPackage(input: Uint8Array, options: ReadOptions): Promise<ReadResult> {
  // ArrayBuffer.isView rather than instanceof: a Node Buffer or a Uint8Array from another realm
  // (an iframe, a test sandbox) is still bytes.
  if (!ArrayBuffer.isView(input) || (input as { BYTES_PER_ELEMENT?: number }).BYTES_PER_ELEMENT !== 1) {
    throw new ReadFailure("This file could not be read: no file contents were given.");
  }
  const bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  const limits = mergeLimits(options.limits);
  if (bytes.length === 0) throw new ReadFailure("This file is empty (0 bytes).");
  if (bytes.length > limits.maxFileBytes) {
    throw new ReadFailure(
      `This file is ${megabytes(bytes.length)}, larger than the ${megabytes(limits.maxFileBytes)} limit for workbooks to check. Split it into smaller workbooks.`,
    );
  }
  if (!isZipSignature(bytes)) throw new ReadFailure(describeNonZip(bytes, options.fileName));
  const zip = openZip(bytes);
  const other = describeOtherZip(zip);
  if (other) throw new ReadFailure(other);

  const pace = new Pace(limits.timeoutMs, options.signal, options.onProgress);
  pace.check();
  const reader = new PartReader(zip, new InflateBudget(limits.maxUncompressedBytes, limits.maxEntryBytes), pace);

  // The package's root relationships say where the workbook part is; xl/workbook.xml by convention.
  const rootRels = await reader.relationships("_rels/.rels", "", false);
  const officeDocument = rootRels.find((rel) => rel.type === "officeDocument" && rel.target !== null);
  let workbookPart = officeDocument?.target ?? "xl/workbook.xml";
  if (!findEntry(zip, workbookPart) && findEntry(zip, "xl/workbook.xml")) workbookPart = "xl/workbook.xml";
  if (!findEntry(zip, workbookPart)) {
    if (workbookPart.toLowerCase().endsWith(".bin")) {
      throw new ReadFailure("This is an Excel binary workbook (.xlsb). Open it in Excel and save it as .xlsx (Excel Workbook).");
    }
    throw new ReadFailure(NOT_A_WORKBOOK_ZIP);
  }

  const workbook = new WorkbookHandler();
  // The fast scanner here too: it refuses a tag over 1 MB at once (a 50 MB sheet name, say),
  // where a general parser would first spend seconds collecting it.
  await reader.parse(workbookPart, "The workbook's list of sheets (workbook.xml)", workbook, true, true);
  for (const note of workbook.notes) reader.warn(note);
  if (workbook.sheets.length === 0) throw new ReadFailure("This workbook has no sheets, so there is nothing to check.");
  const twice = workbook.duplicateSheetName();
  if (twice !== null) {
    throw new ReadFailure(
      `This workbook names two sheets ${quoteForMessage(twice, 40)}, which Excel does not allow, so findings could not say which one they mean. Save it again from Excel.`,
    );
  }
  const workbookRels = await reader.relationships(relsPartFor(workbookPart), workbookPart, true);
  const relById = new Map<string, Relationship>();
  for (const rel of workbookRels) if (!relById.has(rel.id)) relById.set(rel.id, rel);

  const stylesPart = workbookRels.find((rel) => rel.type === "styles")?.target ?? null;
  const sharedStringsPart = workbookRels.find((rel) => rel.type === "sharedStrings")?.target ?? null;
  let totalWork = 0;
  for (const part of [stylesPart, sharedStringsPart, ...workbook.sheets.map((s) => relById.get(s.relationshipId)?.target ?? null)]) {
    const entry = part ? findEntry(zip, part) : undefined;
    if (entry) totalWork += entry.compressedSize;
  }
  pace.setTotal(totalWork);

  let formatsByStyle: Array<string | undefined> = [];
  if (stylesPart && findEntry(zip, stylesPart)) {
    const styles = new StylesHandler();
    if (await reader.parse(stylesPart, "The workbook's formats (styles.xml)", styles, false)) formatsByStyle = styles.formatsByStyle();
  }
  let sharedStrings: string[] = [];
  if (sharedStringsPart && findEntry(zip, sharedStringsPart)) {
    const handler = new SharedStringsHandler();
    // Shared text can be tens of MB in a big register: it goes through the fast scanner too.
    await reader.parse(sharedStringsPart, "The workbook's shared text (sharedStrings.xml)", handler, true, true);
    sharedStrings = handler.strings;
  }

  const context: SheetContext = {
    sharedStrings,
    formatsByStyle,
    date1904: workbook.date1904,
    cellCount: 0,
    maxCells: limits.maxCells,
    formulaChars: 0,
    maxFormulaChars: limits.maxFormulaChars,
    text: new TextPool(),
    warn: (message) => reader.warn(message),
  };
  const sheets: Sheet[] = [];
  const tables: TableDef[] = [];
  for (const entry of workbook.sheets) {
    const sheet: Sheet = { name: entry.name, visibility: entry.visibility, rows: [] };
    sheets.push(sheet);
    const rel = relById.get(entry.relationshipId);
    const part = rel?.target ?? null;
    if (!rel || !part || !findEntry(zip, part)) {
      reader.warn(`Sheet "${entry.name}" has no contents in the file; it was read as empty.`);
      continue;
    }
    // Chart sheets and dialog sheets have no cells; macro sheets share the worksheet layout.
    if (rel.type !== "worksheet" && rel.type !== "macrosheet") continue;
    const handler = new SheetHandler(entry.name, context);
    await reader.parse(part, `The sheet "${entry.name}"`, handler, true, true);
    handler.finish();
    sheet.rows = handler.rows;
    if (handler.isProtected) sheet.protected = true;

    for (const table of await reader.tablesOf(part, entry.name)) {
      tables.push({
        name: table.name,
        sheet: entry.name,
        range: table.range,
        headerRowCount: table.headerRowCount,
        totalsRow: table.totalsRow,
      });
    }
  }

  const names: DefinedName[] = [];
  for (const raw of workbook.names) {
    let scope: string | null = null;
    if (raw.localSheetId !== null) {
      const owner = sheets[raw.localSheetId];
      if (owner) scope = owner.name;
      else reader.warn(`The defined name "${raw.name}" belongs to a sheet that does not exist; it was read as workbook-wide.`);
    }
    const name: DefinedName = { name: raw.name, scope, formula: raw.formula };
    if (raw.hidden) name.hidden = true;
    names.push(name);
  }

  pace.report(1);
  return { ok: true, model: { sheets, tables, names, date1904: workbook.date1904 }, warnings: reader.warnings };
}

/** Reads parts of one archive under one budget, collecting warnings. */
class PartReader {
  readonly warnings: string[] = [];
  private readonly seenWarnings = new Set<string>();

  constructor(
    private readonly zip: ZipArchive,
    private readonly budget: InflateBudget,
    private readonly pace: Pace,
  ) {}

  /** Warnings are one line each, terminal safe (they quote sheet names and cell text from the file). */
  warn(message: string): void {
    if (this.seenWarnings.has(message) || this.warnings.length >= MAX_WARNINGS) return;
    this.seenWarnings.add(message);
    this.warnings.push(oneLine(message, { maxLength: 1000 }));
  }

  /**
   * Parses a part. A required part that is damaged stops the read; an optional one earns a warning
   * and `false`. Limits, cancellation and encryption always stop the read.
   */
  async parse(part: string, what: string, handler: XmlHandler, required: boolean, fast = false): Promise<boolean> {
    const entry = findEntry(this.zip, part);
    if (!entry) {
      if (required) throw new ReadFailure(`${what} is missing from the file. Save it again from Excel.`);
      return false;
    }
    try {
      await parseXmlEntry(this.zip, entry, this.budget, this.pace, what, handler, fast);
      return true;
    } catch (error) {
      if (required || !(error instanceof ReadFailure) || error.stopsRead) throw error;
      this.warn(oneLine(`${error.reason} It was skipped.`));
      return false;
    }
  }

  /** A part's relationships; none when its .rels part is absent. */
  async relationships(relsPart: string, sourcePart: string, required: boolean): Promise<Relationship[]> {
    if (!findEntry(this.zip, relsPart)) return [];
    const handler = new RelationshipsHandler(sourcePart);
    await this.parse(relsPart, `The list of parts (${relsPart.split("/").pop()})`, handler, required);
    return handler.relationships;
  }

  /** The Excel tables of one sheet, located through the sheet's relationships. */
  async tablesOf(sheetPart: string, sheetName: string): Promise<RawTable[]> {
    const rels = await this.relationships(relsPartFor(sheetPart), sheetPart, false);
    const found: RawTable[] = [];
    for (const rel of rels) {
      if (rel.type !== "table" || rel.target === null) continue;
      const handler = new TableHandler();
      const what = `A table on sheet "${sheetName}"`;
      const read = await this.parse(rel.target, what, handler, false, true);
      for (const note of handler.notes) this.warn(note);
      if (!read) {
        if (!findEntry(this.zip, rel.target)) this.warn(`${what} is missing from the file; it was skipped.`);
        continue;
      }
      if (handler.table) found.push(handler.table);
      else this.warn(`${what} has no valid range; it was skipped.`);
    }
    return found;
  }
}
