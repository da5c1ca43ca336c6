/**
 * Recognise: sheets -> tables with column roles and context (the first stage of the check; read,
 * check and report follow). In workbook.md's order: corrections the user saved in the Settings table,
 * then Excel tables and defined names with a table's name, then every block of every sheet (hidden ones
 * too) scored against every table, a sheet named for a table being a strong clue. The best consistent
 * assignment wins: candidates are taken best first, each table and each block used once; a register
 * with per-year money columns is also its own profile. What lost, and why, is kept for `vfm inspect`
 * and for the missing-table findings.
 */
import type { CellRect, Sheet, SheetVisibility, TableDef, WorkbookModel } from "../../workbook/model";
import { a1Range } from "../../workbook/model";
import { TABLE_SPECS, type ColumnKey, type TableKey, type TableSpec } from "../schema";
import { cellText, normaliseLabel, type MoneyUnit } from "../text";
import { findAllBlocks, findBlocks, TITLE_ROWS, type Block } from "./blocks";
import { EMPTY_CONTEXT, readContext } from "./context";
import { correctionHeaders, NO_CORRECTIONS, type Corrections } from "./corrections";
import { readHeader, type HeaderColumn } from "./headers";
import { publicationNotes } from "./publication";
import { scoreBlock, type Candidate, type Vocabulary } from "./score";
import { buildHeaderMaps, HEADER_MAPS, headerWordSpread, SHEET_NAME_HINTS } from "./vocabulary";
import { fillRows, normaliseTableName, parseReference, type Confidence, type DiscoveredTable, type TableSource } from "../discovery";

export interface RecogniseOptions {
  corrections?: Corrections;
  /** The unit the Settings table states: where it is given it wins over a title block's. */
  statedUnit?: MoneyUnit | null;
  /** Tables already recognised (the Settings table, found first): kept as they are. */
  known?: ReadonlyMap<TableKey, DiscoveredTable>;
}

/** A block that could have been a table but was not taken as it, and why. */
export interface RejectedCandidate {
  table: TableKey;
  sheet: string;
  /** A1 range of the block, header included. */
  range: string;
  matched: number;
  total: number;
  /** What it lacks to be the table ("no Type column"); empty when it lost to a better block. */
  lacks: string[];
  reason: string;
}

interface SheetLooked {
  name: string;
  visibility: SheetVisibility;
  /** Candidate blocks found on it. */
  blocks: number;
}

export interface Recognition {
  tables: Map<TableKey, DiscoveredTable>;
  sheets: SheetLooked[];
  rejected: RejectedCandidate[];
  /** For each table not found, the candidate that came nearest and what it lacks. */
  nearest: Map<TableKey, RejectedCandidate>;
  /** Tables the user's corrections declare absent ("Table Milestones = none"). */
  declaredAbsent: Set<TableKey>;
  corrections: Corrections;
}

const BUILT_IN: Vocabulary = { maps: HEADER_MAPS, spread: headerWordSpread(HEADER_MAPS) };

function vocabularyFor(corrections: Corrections): { vocabulary: Vocabulary; extraWords: Set<string> } {
  if (corrections.columns.length === 0) return { vocabulary: BUILT_IN, extraWords: new Set() };
  const extra = correctionHeaders(corrections);
  const maps = buildHeaderMaps(extra);
  return { vocabulary: { maps, spread: headerWordSpread(maps) }, extraWords: new Set(corrections.columns.map((c) => c.header)) };
}

function namesFor(spec: TableSpec): Set<string> {
  return new Set([spec.label, ...spec.sheetSynonyms].map(normaliseTableName));
}

/** "exact" when the sheet is named for the table; "partial" when its name holds a table name ("Savings Plan 2011-15"). */
function sheetClue(sheet: Sheet, spec: TableSpec<TableKey>): "exact" | "partial" | null {
  const name = normaliseTableName(sheet.name);
  const names = namesFor(spec);
  if (names.has(name)) return "exact";
  for (const n of names) if (n.length >= 5 && name.includes(n)) return "partial";
  const words = ` ${normaliseLabel(sheet.name)} `;
  for (const hint of SHEET_NAME_HINTS[spec.key] ?? []) if (words.includes(` ${hint} `)) return "partial";
  return null;
}

function sheetOf(model: WorkbookModel, name: string): Sheet | undefined {
  const wanted = name.toLowerCase();
  return model.sheets.find((s) => s.name.toLowerCase() === wanted);
}

function blockRange(block: Block): string {
  return a1Range({
    startRow: block.headerTop,
    endRow: Math.max(block.lastRow, block.headerRow),
    startCol: block.startCol,
    endCol: block.endCol,
  });
}

function matchedCount(c: Candidate): number {
  return new Set([...c.columns.keys(), ...c.measureYears.keys()]).size + (c.table === "profile" && c.bareYears.size > 0 ? 1 : 0);
}

function totalCount(spec: TableSpec): number {
  return spec.columns.length + (spec.key === "profile" ? 1 : 0);
}

function confidenceOf(source: TableSource, coverage: number): Confidence {
  if (source === "table" || source === "name" || source === "correction") return "high";
  if (coverage >= 0.5 || (source === "sheet" && coverage >= 0.3)) return "high";
  return coverage >= 0.25 ? "medium" : "low";
}

interface Built {
  candidate: Candidate;
  source: TableSource;
  sourceName: string;
  how: string;
}

/** The DiscoveredTable a candidate makes. */
function buildTable(built: Built, model: WorkbookModel, options: RecogniseOptions): DiscoveredTable {
  const { candidate, source, sourceName, how } = built;
  const { block } = candidate;
  const spec = TABLE_SPECS.find((s) => s.key === candidate.table)!;
  const context = block.headerRow >= 0 ? readContext(block.sheet, block.titleTop, block.headerTop, block.startCol) : EMPTY_CONTEXT;
  const contextUnit = options.statedUnit ? null : context.unit;
  // The title block's unit applies to money columns and per-year columns, not to a Quarter or a Ref.
  const moneyCols = new Set<number>();
  for (const [key, h] of candidate.columns) if (spec.columns.find((c) => c.key === key)?.money) moneyCols.add(h.col);
  for (const years of candidate.measureYears.values()) for (const h of years.values()) moneyCols.add(h.col);
  for (const h of candidate.bareYears.values()) moneyCols.add(h.col);
  const unitOf = (h: HeaderColumn) => h.unit ?? (moneyCols.has(h.col) ? contextUnit : null);
  // The candidate's keys come from the header maps, which are built from the schema's column keys.
  const columns = new Map<ColumnKey, number>();
  const headers = new Map<ColumnKey, string>();
  const units = new Map<ColumnKey, MoneyUnit | null>();
  for (const [key, h] of candidate.columns as Map<ColumnKey, HeaderColumn>) {
    columns.set(key, h.col);
    headers.set(key, h.text);
    units.set(key, unitOf(h));
  }
  const measureYears = new Map<ColumnKey, Map<number, number>>();
  const measureHeaders = new Map<number, HeaderColumn>();
  for (const [key, years] of candidate.measureYears as Map<ColumnKey, Map<number, HeaderColumn>>) {
    measureYears.set(key, new Map([...years].map(([y, h]) => [y, h.col])));
    for (const h of years.values()) measureHeaders.set(h.col, h);
  }
  const yearColumns = new Map<number, number>();
  const yearUnits = new Map<number, MoneyUnit | null>();
  if (spec.key === "profile") {
    for (const [year, h] of [...candidate.bareYears].sort((a, b) => a[1].col - b[1].col)) {
      yearColumns.set(year, h.col);
      yearUnits.set(h.col, unitOf(h));
    }
  }
  const table: DiscoveredTable = {
    key: spec.key,
    spec,
    source,
    sourceName,
    how,
    confidence: confidenceOf(source, candidate.coverage),
    coverage: candidate.coverage,
    sheet: block.sheet,
    hidden: block.sheet.visibility !== "visible",
    headerTop: block.headerTop,
    headerRow: block.headerRow,
    startCol: block.startCol,
    endCol: block.endCol,
    endRow: block.lastRow,
    columns,
    headers,
    units,
    yearColumns,
    yearUnits,
    measureYears,
    headerColumns: block.header.map((h) => ({ ...h, unit: unitOf(h) })),
    context,
    rows: [],
    totalRows: [],
  };
  void measureHeaders;
  const excel = block.excelTable;
  fillRows(table, excel?.totalsRow ? excel.range.endRow : null);
  void model;
  return table;
}

/** A block for a range the user or a defined name gives: the range's own header rows, bounded by it. */
function blockForRange(sheet: Sheet, rect: CellRect, date1904: boolean, extraWords: Set<string>): Block {
  const inside = findBlocks(sheet, {
    date1904,
    extraWords,
    fromRow: rect.startRow,
    toRow: rect.endRow,
    fromCol: rect.startCol,
    toCol: rect.endCol,
  });
  if (inside.length > 0) {
    const first = inside[0];
    return { ...first, startCol: rect.startCol, endCol: rect.endCol, lastRow: rect.endRow, endReason: "end of range" };
  }
  const header = readHeader([sheet.rows[rect.startRow]], rect.startCol, rect.endCol, date1904);
  return {
    sheet,
    headerTop: rect.startRow,
    headerRow: rect.startRow,
    startCol: rect.startCol,
    endCol: rect.endCol,
    header,
    lastRow: rect.endRow,
    endReason: "end of range",
    titleTop: Math.max(0, rect.startRow - TITLE_ROWS),
    summaryMarked: false,
  };
}

function overlaps(block: Block, table: DiscoveredTable): boolean {
  if (block.sheet !== table.sheet) return false;
  const rowsOverlap = block.headerTop <= table.endRow && Math.max(block.lastRow, block.headerRow) >= Math.max(0, table.headerTop);
  const colsOverlap = block.startCol <= table.endCol && block.endCol >= table.startCol;
  return rowsOverlap && colsOverlap;
}

/** A table with no header row of its own (key/value Settings, notes): its columns given, nothing else read. */
function headerlessTable(t: {
  key: TableKey;
  source: TableSource;
  sourceName: string;
  how: string;
  confidence: Confidence;
  coverage: number;
  sheet: Sheet;
  headerRow: number;
  startCol: number;
  endCol: number;
  endRow: number;
  columns: ReadonlyArray<[ColumnKey, number]>;
  rows: number[];
}): DiscoveredTable {
  return {
    ...t,
    spec: TABLE_SPECS.find((s) => s.key === t.key)!,
    hidden: t.sheet.visibility !== "visible",
    headerTop: t.headerRow,
    columns: new Map(t.columns),
    headers: new Map(),
    units: new Map(),
    yearColumns: new Map(),
    yearUnits: new Map(),
    measureYears: new Map(),
    headerColumns: [],
    context: EMPTY_CONTEXT,
    totalRows: [],
  };
}

/** A Settings sheet of bare key/value pairs: keys in its first used column, values in the next. */
function headerlessSettings(sheet: Sheet, rect: CellRect, source: TableSource, sourceName: string): DiscoveredTable | null {
  const last = Math.min(rect.endRow, sheet.rows.length - 1);
  let firstCol = Number.POSITIVE_INFINITY;
  for (let r = rect.startRow; r <= last; r++) {
    const cells = sheet.rows[r];
    if (!cells) continue;
    for (let c = rect.startCol; c < Math.min(cells.length, firstCol); c++) {
      const v = cells[c]?.value;
      if (v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "")) {
        firstCol = c;
        break;
      }
    }
  }
  if (!Number.isFinite(firstCol)) return null;
  const table = headerlessTable({
    key: "settings",
    source,
    sourceName,
    how: "key/value pairs without a header row",
    confidence: "high",
    coverage: 1,
    sheet,
    headerRow: rect.startRow - 1,
    startCol: firstCol,
    endCol: rect.endCol,
    endRow: rect.endRow,
    columns: [
      ["key", firstCol],
      ["value", firstCol + 1],
    ],
    rows: [],
  });
  fillRows(table, null);
  return table;
}

interface Ctx {
  model: WorkbookModel;
  options: RecogniseOptions;
  vocabulary: Vocabulary;
  extraWords: Set<string>;
  tables: Map<TableKey, DiscoveredTable>;
  rejected: RejectedCandidate[];
  /** Blocks of each sheet, found once per check. */
  blocks: Map<Sheet, Block[]>;
  /** Defined names without a header row, used only when nothing else is found. */
  headerless: Map<TableKey, DiscoveredTable>;
  /** The block each table was built from. */
  blockOf: Map<TableKey, Block>;
}

function tableBlockOf(ctx: Ctx, excel: TableDef, sheet: Sheet): Block {
  const blocks = findAllBlocksFor(ctx, sheet).filter((b) => b.excelTable === excel);
  return blocks[0] ?? blockForRange(sheet, excel.range, ctx.model.date1904, ctx.extraWords);
}

function findAllBlocksFor(ctx: Ctx, sheet: Sheet): Block[] {
  let blocks = ctx.blocks.get(sheet);
  if (!blocks) {
    blocks = findAllBlocks({ ...ctx.model, sheets: [sheet] }, ctx.extraWords);
    ctx.blocks.set(sheet, blocks);
  }
  return blocks;
}

/** Step 1: the user's corrections. */
function byCorrections(ctx: Ctx, corrections: Corrections, absent: Set<TableKey>): void {
  for (const c of corrections.tables) {
    if (ctx.tables.has(c.table) || absent.has(c.table)) continue;
    if (c.target === null) {
      absent.add(c.table);
      continue;
    }
    const block = blockForRange(c.target.sheet, c.target.rect, ctx.model.date1904, ctx.extraWords);
    const candidate = scoreBlock(block, c.table, ctx.vocabulary);
    ctx.tables.set(
      c.table,
      buildTable(
        {
          candidate,
          source: "correction",
          sourceName: `${c.where.sheet}!${c.where.cell}`,
          how: `the correction in ${c.where.sheet}!${c.where.cell}`,
        },
        ctx.model,
        ctx.options,
      ),
    );
    ctx.blockOf.set(c.table, block);
  }
}

/** Step 2: an Excel table, then a defined name, with the table's name. */
function byName(ctx: Ctx, spec: TableSpec<TableKey>): DiscoveredTable | null {
  const names = namesFor(spec);
  for (const excel of ctx.model.tables) {
    if (!names.has(normaliseTableName(excel.name))) continue;
    const sheet = sheetOf(ctx.model, excel.sheet);
    if (!sheet) continue;
    const block = tableBlockOf(ctx, excel, sheet);
    const candidate = scoreBlock(block, spec.key, ctx.vocabulary);
    ctx.blockOf.set(spec.key, block);
    return buildTable({ candidate, source: "table", sourceName: excel.name, how: `the Excel table ${excel.name}` }, ctx.model, ctx.options);
  }
  let headerless: DiscoveredTable | null = null;
  for (const name of ctx.model.names) {
    if (!names.has(normaliseTableName(name.name))) continue;
    const ref = parseReference(name.formula, ctx.model);
    if (!ref) continue;
    const block = blockForRange(ref.sheet, ref.rect, ctx.model.date1904, ctx.extraWords);
    const candidate = scoreBlock(block, spec.key, ctx.vocabulary);
    const built = { candidate, source: "name" as const, sourceName: name.name, how: `the defined name ${name.name}` };
    if (candidate.columns.size + candidate.bareYears.size >= 2 || matchedCount(candidate) >= 2)
      return buildTable(built, ctx.model, ctx.options);
    if (spec.key === "settings") {
      const settings = headerlessSettings(ref.sheet, ref.rect, "name", name.name);
      if (settings) return settings;
    }
    // A defined name without a header row (often one cell, a named baseline total) is not the table:
    // a sheet or block is tried first, and the name is used only when nothing else is found.
    headerless ??= buildTable(
      { ...built, candidate: { ...candidate, columns: new Map(), measureYears: new Map(), bareYears: new Map() } },
      ctx.model,
      ctx.options,
    );
  }
  if (headerless) ctx.headerless.set(spec.key, headerless);
  return null;
}

interface Scored {
  candidate: Candidate;
  clue: "exact" | "partial" | null;
  acceptable: boolean;
  rank: number;
}

/** Step 3: every block scored against every table not yet found; the best consistent assignment wins. */
function byContent(ctx: Ctx, absent: ReadonlySet<TableKey>): { scored: Scored[]; blocks: Block[] } {
  const blocks = ctx.model.sheets.flatMap((s) => findAllBlocksFor(ctx, s));
  const free = blocks.filter((b) => ![...ctx.tables.values()].some((t) => overlaps(b, t)));
  const scored: Scored[] = [];
  for (const block of free) {
    for (const spec of TABLE_SPECS) {
      if (ctx.tables.has(spec.key) || absent.has(spec.key)) continue;
      const candidate = scoreBlock(block, spec.key, ctx.vocabulary);
      const matched = matchedCount(candidate);
      if (matched === 0) continue;
      const clue = sheetClue(block.sheet, spec);
      const byContentOk = candidate.lacks.length === 0 && candidate.score >= 2;
      const bySheetOk =
        clue === "exact" && (matched >= 2 || (spec.key === "profile" && candidate.bareYears.size > 0 && candidate.columns.has("id")));
      const rank = (clue === "exact" ? 1000 : 0) + candidate.score + (clue === "partial" ? 2 : 0);
      scored.push({ candidate, clue, acceptable: bySheetOk || byContentOk, rank });
    }
  }
  scored.sort((a, b) => b.rank - a.rank || a.candidate.block.headerRow - b.candidate.block.headerRow);
  const used = new Set<Block>();
  for (const s of scored) {
    const { candidate } = s;
    if (!s.acceptable || ctx.tables.has(candidate.table) || used.has(candidate.block)) continue;
    used.add(candidate.block);
    const sheetName = candidate.block.sheet.name;
    const matched = matchedCount(candidate);
    const total = totalCount(TABLE_SPECS.find((t) => t.key === candidate.table)!);
    const how =
      s.clue === "exact"
        ? `the sheet's name, ${matched} of ${total} columns`
        : `its headers: ${matched} of ${total} columns${s.clue === "partial" ? ", and the sheet's name" : ""}`;
    const source: TableSource = s.clue === "exact" ? "sheet" : "content";
    ctx.tables.set(candidate.table, buildTable({ candidate, source, sourceName: sheetName, how }, ctx.model, ctx.options));
    ctx.blockOf.set(candidate.table, candidate.block);
  }
  return { scored, blocks };
}

/** A register whose money columns are given per financial year is its own profile. */
function inlineProfile(ctx: Ctx): void {
  const gains = ctx.tables.get("gains");
  if (!gains || ctx.tables.has("profile")) return;
  const hasCosts = gains.columns.has("costs") || (gains.measureYears.get("costs")?.size ?? 0) > 0;
  const years =
    pick(gains.measureYears.get("net")) ?? pick(bareYearsOf(gains)) ?? (hasCosts ? undefined : pick(gains.measureYears.get("gross")));
  if (!years) return;
  const columns = new Map<ColumnKey<"profile">, number>();
  const idCol = gains.columns.get("id");
  if (idCol !== undefined) columns.set("id", idCol);
  const yearColumns = new Map([...years].sort((a, b) => a[1] - b[1]));
  const unitByCol = new Map(gains.headerColumns.map((h) => [h.col, h.unit]));
  ctx.tables.set("profile", {
    ...gains,
    key: "profile",
    spec: TABLE_SPECS.find((s) => s.key === "profile")!,
    source: "inline",
    sourceName: gains.sheet.name,
    how: `the per-year columns of the Gains register (${yearColumns.size} years)`,
    columns,
    headers: new Map(idCol !== undefined ? [["id", gains.headers.get("id") ?? "ID"]] : []),
    units: new Map(),
    yearColumns,
    yearUnits: new Map([...yearColumns.values()].map((c) => [c, unitByCol.get(c) ?? null])),
    measureYears: new Map(),
  });
}

/** A register with due dates (an action plan: Action, Due by, Progress) is its own milestone record. */
function inlineMilestones(ctx: Ctx): void {
  const gains = ctx.tables.get("gains");
  const block = ctx.blockOf.get("gains");
  if (!gains || !block || ctx.tables.has("milestones")) return;
  const candidate = scoreBlock(block, "milestones", ctx.vocabulary);
  const due = candidate.columns.get("due");
  if (!due) return;
  const columns = new Map<ColumnKey<"milestones">, number>([["due", due.col]]);
  const idCol = gains.columns.get("id");
  if (idCol !== undefined) columns.set("id", idCol);
  const milestoneCol = candidate.columns.get("milestone")?.col ?? gains.columns.get("initiative");
  if (milestoneCol !== undefined) columns.set("milestone", milestoneCol);
  const status = candidate.columns.get("status");
  if (status) columns.set("status", status.col);
  const headerOf = new Map(gains.headerColumns.map((h) => [h.col, h.text]));
  ctx.tables.set("milestones", {
    ...gains,
    key: "milestones",
    spec: TABLE_SPECS.find((s) => s.key === "milestones")!,
    source: "inline",
    sourceName: gains.sheet.name,
    how: "the due-date columns of the Gains register",
    columns,
    headers: new Map([...columns].map(([k, c]) => [k, headerOf.get(c) ?? k])),
    units: new Map(),
    yearColumns: new Map(),
    yearUnits: new Map(),
    measureYears: new Map(),
  });
}

/**
 * The register's column that names each gain's baseline line: headed like the baseline's line column
 * ("Subjective heading", "Service"), or else the text column most of whose entries are baseline lines.
 */
function linkBaselineLine(ctx: Ctx): void {
  const gains = ctx.tables.get("gains");
  const baseline = ctx.tables.get("baseline");
  const lineCol = baseline?.columns.get("line");
  if (!gains || !baseline || lineCol === undefined || gains.columns.has("baselineLine")) return;
  const lineHeader = baseline.headerColumns.find((h) => h.col === lineCol);
  const idCol = gains.columns.get("id");
  const byHeader =
    lineHeader && lineHeader.measure !== ""
      ? gains.headerColumns.find((h) => h.col !== idCol && h.measure === lineHeader.measure)
      : undefined;
  const lines = new Set(baseline.rows.map((r) => normaliseLabel(cellText(baseline.sheet.rows[r]?.[lineCol]))).filter((t) => t !== ""));
  const share = (col: number) => {
    let filled = 0;
    let matched = 0;
    for (const r of gains.rows.slice(0, 500)) {
      const text = cellText(gains.sheet.rows[r]?.[col]);
      if (text === "") continue;
      filled++;
      if (lines.has(normaliseLabel(text))) matched++;
    }
    return filled === 0 ? 0 : matched / filled;
  };
  const byContent = byHeader
    ? undefined
    : gains.headerColumns
        .filter((h) => h.col !== idCol)
        .map((h) => ({ h, s: share(h.col) }))
        .filter((x) => x.s >= 0.5)
        .sort((a, b) => b.s - a.s)[0]?.h;
  const match = byHeader ?? byContent;
  if (!match) return;
  gains.columns.set("baselineLine", match.col);
  gains.headers.set("baselineLine", match.text);
  // A register without a cost centre or budget code names the budget line it reduces by the baseline's line.
  if (!gains.columns.has("budgetLine")) {
    gains.columns.set("budgetLine", match.col);
    gains.headers.set("budgetLine", match.text);
  }
}

/**
 * Without a Publication table, dated notes that say where the figures were published ("Published in
 * the Annual Report 2011-12 on 12/07/2012.") are the publication record: the notes of the first sheet
 * (in sheet order) that has any, outside the tables found, in the column of its first note.
 */
function notesAsPublication(ctx: Ctx, absent: ReadonlySet<TableKey>): void {
  if (ctx.tables.has("publication") || absent.has("publication")) return;
  for (const sheet of ctx.model.sheets) {
    const skip = [...ctx.tables.values()]
      .filter((t) => t.sheet === sheet && t.rows.length > 0)
      .map((t) => ({ from: Math.max(0, t.headerTop), to: t.endRow }));
    const notes = publicationNotes(sheet, skip);
    if (notes.length === 0) continue;
    const col = notes[0].col;
    const rows = notes.filter((n) => n.col === col).map((n) => n.row);
    ctx.tables.set(
      "publication",
      headerlessTable({
        key: "publication",
        source: "notes",
        sourceName: sheet.name,
        how: `${rows.length === 1 ? "a note" : `${rows.length} notes`} saying where the figures were published`,
        confidence: "medium",
        coverage: 0.5,
        sheet,
        headerRow: rows[0] - 1,
        startCol: col,
        endCol: col,
        endRow: rows[rows.length - 1],
        columns: [
          ["report", col],
          ["published", col],
        ],
        rows,
      }),
    );
    return;
  }
}

/** In comparatives, the column headed with the body's own name ("Westmere" under "Westmere Police Authority") is its Value. */
function ownFigureColumn(ctx: Ctx): void {
  const table = ctx.tables.get("comparatives");
  if (!table || table.columns.has("value")) return;
  const titles = ctx.model.sheets
    .slice(0, 3)
    .map((s) => normaliseLabel(cellText(s.rows[0]?.[0])))
    .filter((t) => t !== "");
  const used = new Set(table.columns.values());
  const match = table.headerColumns.find(
    (h) => !used.has(h.col) && h.measure.length >= 3 && titles.some((t) => t === h.measure || t.startsWith(`${h.measure} `)),
  );
  if (!match) return;
  table.columns.set("value", match.col);
  table.headers.set("value", match.text);
  table.units.set("value", match.unit);
}

function bareYearsOf(table: DiscoveredTable): Map<number, number> {
  const out = new Map<number, number>();
  for (const h of table.headerColumns) if (h.year !== null && h.measure === "" && !out.has(h.year)) out.set(h.year, h.col);
  return out;
}

function pick(years: ReadonlyMap<number, number> | undefined): Map<number, number> | undefined {
  return years && years.size >= 2 ? new Map(years) : undefined;
}

/** Candidates that were not taken, and for each missing table the nearest one. */
function explain(ctx: Ctx, scored: readonly Scored[], absent: ReadonlySet<TableKey>): Map<TableKey, RejectedCandidate> {
  const nearest = new Map<TableKey, { r: RejectedCandidate; coverage: number }>();
  const takenBlocks = new Map<Block, TableKey>();
  for (const t of ctx.tables.values()) {
    const s = scored.find(
      (x) => x.candidate.table === t.key && x.candidate.block.sheet === t.sheet && x.candidate.block.headerRow === t.headerRow,
    );
    if (s) takenBlocks.set(s.candidate.block, t.key);
  }
  for (const s of scored) {
    const { candidate } = s;
    const found = ctx.tables.get(candidate.table);
    if (found && found.sheet === candidate.block.sheet && found.headerRow === candidate.block.headerRow) continue;
    const spec = TABLE_SPECS.find((t) => t.key === candidate.table)!;
    const matched = matchedCount(candidate);
    const takenAs = takenBlocks.get(candidate.block);
    let reason: string;
    if (takenAs !== undefined)
      reason = `it was taken as the ${TABLE_SPECS.find((t) => t.key === takenAs)!.label} table, which it matches better`;
    else if (found)
      reason = `the ${spec.label} table found at '${found.sheet.name}'!${a1Range({ startRow: Math.max(0, found.headerRow), endRow: Math.max(found.endRow, found.headerRow), startCol: found.startCol, endCol: found.endCol })} matches better`;
    else if (candidate.lacks.length > 0) reason = `it has ${candidate.lacks.join(" and ")}`;
    else reason = `only ${matched} of ${totalCount(spec)} columns match`;
    const r: RejectedCandidate = {
      table: candidate.table,
      sheet: candidate.block.sheet.name,
      range: blockRange(candidate.block),
      matched,
      total: totalCount(spec),
      lacks: candidate.lacks,
      reason,
    };
    if (matched >= 2 || candidate.lacks.length > 0) ctx.rejected.push(r);
    if (!found && !absent.has(candidate.table) && takenAs === undefined) {
      const best = nearest.get(candidate.table);
      if (!best || candidate.coverage > best.coverage) nearest.set(candidate.table, { r, coverage: candidate.coverage });
    }
  }
  return new Map([...nearest].map(([k, v]) => [k, v.r]));
}

/** Recognises the tables of a workbook. */
export function recogniseWorkbook(model: WorkbookModel, options: RecogniseOptions = {}): Recognition {
  const corrections = options.corrections ?? NO_CORRECTIONS;
  const { vocabulary, extraWords } = vocabularyFor(corrections);
  const ctx: Ctx = {
    model,
    options,
    vocabulary,
    extraWords,
    tables: new Map(options.known ?? []),
    rejected: [],
    blocks: new Map(),
    headerless: new Map(),
    blockOf: new Map(),
  };
  const absent = new Set<TableKey>();
  byCorrections(ctx, corrections, absent);
  for (const spec of TABLE_SPECS) {
    if (ctx.tables.has(spec.key) || absent.has(spec.key)) continue;
    const found = byName(ctx, spec);
    if (found) ctx.tables.set(spec.key, found);
  }
  const { scored, blocks } = byContent(ctx, absent);
  if (!ctx.tables.has("settings") && !absent.has("settings")) {
    for (const sheet of model.sheets) {
      if (
        sheetClue(
          sheet,
          TABLE_SPECS.find((s) => s.key === "settings")!,
        ) !== "exact"
      )
        continue;
      const whole = {
        startRow: 0,
        endRow: Math.max(0, sheet.rows.length - 1),
        startCol: 0,
        endCol: Math.max(0, ...sheet.rows.map((r) => (r?.length ?? 1) - 1)),
      };
      const settings = headerlessSettings(sheet, whole, "sheet", sheet.name);
      if (settings) {
        ctx.tables.set("settings", settings);
        break;
      }
    }
  }
  for (const [key, table] of ctx.headerless) if (!ctx.tables.has(key) && !absent.has(key)) ctx.tables.set(key, table);
  inlineProfile(ctx);
  inlineMilestones(ctx);
  linkBaselineLine(ctx);
  ownFigureColumn(ctx);
  notesAsPublication(ctx, absent);
  const nearest = explain(ctx, scored, absent);
  const sheets = model.sheets.map((s) => ({ name: s.name, visibility: s.visibility, blocks: blocks.filter((b) => b.sheet === s).length }));
  return { tables: ctx.tables, sheets, rejected: ctx.rejected, nearest, declaredAbsent: absent, corrections };
}

const SHEETS_NAMED = 8;

/**
 * Where the check looked for a table it did not find, and what came nearest, for the missing-table
 * finding: "looked at sheets 'Cover', 'Data' (hidden); the nearest, 'Savings Plan'!A6:X40, looks like
 * the Gains table (12 of 19 columns) but has no Type column". Sheet names are quoted as Excel does.
 */
export function describeSearch(recognition: Recognition, table: TableKey, quoteSheet: (name: string) => string): string {
  const names = recognition.sheets.map((s) => `${quoteSheet(s.name)}${s.visibility === "visible" ? "" : " (hidden)"}`);
  if (names.length === 0) return "the workbook has no sheets";
  const shown =
    names.length > SHEETS_NAMED ? `${names.slice(0, SHEETS_NAMED).join(", ")} and ${names.length - SHEETS_NAMED} more` : names.join(", ");
  const looked = `looked at ${names.length === 1 ? "sheet" : `${names.length} sheets:`} ${shown}`;
  const near = recognition.nearest.get(table);
  if (!near) return `${looked}; no block there has this table's headers`;
  const label = TABLE_SPECS.find((s) => s.key === table)!.label;
  const what = near.lacks.length > 0 ? `has ${near.lacks.join(" and ")}` : `only ${near.matched} of ${near.total} columns match`;
  return `${looked}; the nearest, ${quoteSheet(near.sheet)}!${near.range}, looks like the ${label} table (${near.matched} of ${near.total} columns) but ${what}`;
}
