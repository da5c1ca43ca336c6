/**
 * What a rule is, and the context its check receives: the discovered tables with their column maps,
 * the parsed register, the settings and reporting date, and helpers that place a finding at a cell,
 * a range, a table or a missing table.
 */
import type { Cell, CellRect, WorkbookModel } from "../workbook/model";
import { a1, a1Range } from "../workbook/model";
import type { Analysis, GainNumberKey, ParsedGain, VfmData } from "./analysis";
import { formatMoney, type MoneyPrecision, type MoneyUnit, type NumberRead } from "./text";
import {
  addressOf,
  readHeaderRow,
  readRows,
  readTotalRows,
  sourceCell,
  sourceNumber,
  sourceText,
  tableFor,
  valueCell,
} from "./read/record";
import type { CellRef, RecordKey, SheetRecord } from "./read/record";
import type { DiscoveredTable } from "./discovery";
import { describeSearch } from "./recognise";
import { quoteSheetName } from "../text";
import { columnSpec, tableSpec, type ColumnKey, type TableKey } from "./schema";
import type { SettingKey, Settings } from "./settings";
import type { PrincipleKey, Severity } from "./types";
import { CONTEXT_MESSAGES, type MessageData } from "./messages";

/** The CSR07 measurement principles, shortened (methodology.md); "method" gathers the cross-cutting rules. */
export const PRINCIPLE_TITLES: Record<PrincipleKey, string> = {
  i: "The baseline should be clearly quantified",
  ii: "Cashable gains identified in budget forecasts and auditable",
  iii: "Cashable gains should be net of cost",
  iv: "Milestones and profiles underpin delivery of £m gains",
  v: "Gains re-invested per agreed budget, business plan and investment strategy",
  vi: "Quarterly updates to the VfM Board (trajectory incl. budget evidence, comparative data, milestones, risk management)",
  vii: "Comparative measurement: HQ costs, output/outcome measures, unit costs",
  viii: "Dynamic risk management that discounts on deliverability",
  ix: "Performance should be public and rewarded",
  method: "Measurement method (cross-cutting rules from the same regimes)",
};

/**
 * A finding as a rule reports it: where, which of the rule's messages and the values for its
 * placeholders. The engine adds the principle, rule id and severity and fills in the message.
 */
export interface RuleFinding {
  sheet: string | null;
  cell: string | null;
  messageId: string;
  data: MessageData;
}

/** A rule's own messages and the context's, by id. */
export function ruleMessages(rule: Pick<Rule, "messages">): Readonly<Record<string, string>> {
  return { ...rule.messages, ...CONTEXT_MESSAGES };
}

export interface RuleExample {
  /** A row (or workbook state) the rule reports. */
  failing: string;
  /** The same row put right. */
  passing: string;
}

export interface Rule<MessageId extends string = string> {
  id: string;
  principle: PrincipleKey;
  severity: Severity;
  title: string;
  /** What exactly the rule checks, for its documentation page (the title when absent). */
  checks?: string;
  /** Why this matters, quoting the CSR07 principle. */
  why: string;
  /** What to do in the workbook. */
  fix: string;
  /** Present when the rule is our judgement rather than the regime's: says so and why. */
  judgement?: string;
  /** Settings keys that change what the rule accepts. */
  settings?: readonly SettingKey[];
  example: RuleExample;
  /**
   * The rule's messages by id, each a template with {{placeholders}} filled from a finding's data,
   * e.g. { blank: "{{gain}} has no costs figure: enter 0 if there were no costs." }.
   */
  messages: Readonly<Record<MessageId, string>>;
  check(ctx: RuleContext<MessageId>): RuleFinding[];
}

/** Declares a rule with its message ids checked: ctx.at(..., "blnak") does not compile. */
export function defineRule<MessageId extends string>(rule: Rule<MessageId>): Rule<MessageId> {
  return rule;
}

export class RuleContext<MessageId extends string = string> {
  readonly model: WorkbookModel;
  readonly settings: Settings;
  readonly reportingDate: string;
  readonly data: VfmData;
  readonly gains: readonly ParsedGain[];

  constructor(readonly analysis: Analysis) {
    this.model = analysis.model;
    this.settings = analysis.data.settings;
    this.reportingDate = analysis.data.reportingDate;
    this.data = analysis.data;
    this.gains = analysis.gains;
  }

  /** What a gain's numeric cell holds, amounts in the register's unit (for messages; not a hot path). */
  read(gain: ParsedGain, key: GainNumberKey): NumberRead {
    return this.analysis.readGain(gain, key);
  }

  /**
   * An amount as a message prints it, with £ and the unit: "£3,740k", "-£80.50", "£1.0025m". Amounts
   * are in the register's unit (ctx.data.unit) unless `unit` names another (a column's own, e.g. a
   * profile year stated in £m). Every amount in a rule message goes through here, never bare digits.
   * "exact" (the default) shows the decimals a recomputation needs; "report" at most 2, for figures
   * the message reports rather than checks (progress, the on-track judgement).
   */
  money(value: number, unit: MoneyUnit = this.data.unit, precision: MoneyPrecision = "exact"): string {
    return formatMoney(value, unit, precision);
  }

  /** The text a gain's cell shows, e.g. its deliverability "Amber". */
  gainText(gain: ParsedGain, key: ColumnKey<"gains">): string {
    return sourceText(gain, key);
  }

  /** The text the cell of a record's value shows, trimmed ("" when blank, or when the table has no such column). */
  text<K extends string | number>(record: SheetRecord<K>, key: K): string {
    return sourceText(record, key);
  }

  /** What the cell of a record's value holds as a number, in the cell's own unit (blank, text or an error otherwise). */
  number<K extends string | number>(record: SheetRecord<K>, key: K): NumberRead {
    return sourceNumber(record, key);
  }

  /** The cell of a record's value (value, formula, error, number format), for checks on the cell itself. */
  cell<K extends string | number>(record: SheetRecord<K>, key: K): Cell | undefined {
    return sourceCell(record, key);
  }

  /** The cell a record's value came from (sheet, row, column); undefined when its table has no such column. */
  cellOf<K extends string | number>(record: SheetRecord<K>, key: K): CellRef | undefined {
    return valueCell(record, key);
  }

  /** The found table, typed by its key: ctx.table("gains")?.columns.get("grosss") does not compile. */
  table<K extends TableKey>(key: K): DiscoveredTable<K> | undefined {
    return tableFor(this.analysis.tables, key);
  }

  /**
   * A table's rows as records (read/record.ts), made once per check on first use: each value's cell
   * through the record (ctx.text, ctx.number, ctx.cell, ctx.atValue). For tables the read stage has
   * no typed records for; the gains, quarters and baseline lines are ctx.gains, ctx.data.quarterly
   * and ctx.analysis.baselineLines.
   */
  records<K extends TableKey>(key: K): ReadonlyArray<SheetRecord<RecordKey<K>>> {
    let rows = this.rowRecords.get(key);
    if (!rows) {
      rows = readRows(this.table(key));
      this.rowRecords.set(key, rows);
    }
    return rows as ReadonlyArray<SheetRecord<RecordKey<K>>>;
  }

  private readonly rowRecords = new Map<TableKey, ReadonlyArray<SheetRecord>>();

  /** A table's total rows ("Total", "Grand total") as records, for rules that check a reported total. */
  totalRecords<K extends TableKey>(key: K): ReadonlyArray<SheetRecord<RecordKey<K>>> {
    return readTotalRows(this.table(key));
  }

  /** A table's header row as a record: a header cell read like a value (ctx.cell(header, 2010)). */
  headerRecord<K extends TableKey>(table: DiscoveredTable<K>): SheetRecord<RecordKey<K>> {
    return readHeaderRow(table);
  }

  /** The Profile row of a gain (the first with its ID), as a record; undefined without an ID or a row. */
  profileOf(gain: ParsedGain): SheetRecord<RecordKey<"profile">> | undefined {
    const row = gain.idKey === null ? undefined : this.analysis.profileRowById.get(gain.idKey);
    if (row === undefined) return undefined;
    const source = this.records("profile")[0].source;
    return { sheet: source.sheet.name, row, source };
  }

  /** The found table when it has data rows: a rule about rows has nothing to say of a missing or empty table. */
  tableWithRows<K extends TableKey>(key: K): DiscoveredTable<K> | undefined {
    const table = this.table(key);
    return table && table.rows.length > 0 ? table : undefined;
  }

  /** 0-based sheet column of a recognised column, or undefined. */
  column<K extends TableKey>(table: DiscoveredTable<K>, key: ColumnKey<K>): number | undefined {
    return table.columns.get(key);
  }

  /**
   * The column a rule needs: its 0-based sheet column, or undefined after reporting it missing (the
   * context's missingColumn message, on the table's header row, saying `why` the rule needs it). The
   * one guard every rule uses, instead of reading the column map and writing missingColumn by hand.
   */
  requireColumn<K extends TableKey>(table: DiscoveredTable<K>, key: ColumnKey<K>, why: string): number | undefined {
    const col = table.columns.get(key);
    if (col === undefined) this.report(this.missingColumn(table, key, why));
    return col;
  }

  /** Reports a finding now, as ESLint's context.report does; the engine puts it before what check returns. */
  report(finding: RuleFinding): void {
    this.reported.push(finding);
  }

  /** The findings reported since the last call (the engine takes them after each rule's check). */
  takeReported(): RuleFinding[] {
    const taken = this.reported;
    this.reported = [];
    return taken;
  }

  private reported: RuleFinding[] = [];

  /** The table's header row, from its first to its last recognised column (or the whole range). */
  headerRange(table: DiscoveredTable): string {
    const cols = [...table.columns.values(), ...table.yearColumns.values()];
    const row = Math.max(0, table.headerRow);
    if (cols.length === 0) {
      const endCol = Number.isFinite(table.endCol) && table.endCol < 16384 ? table.endCol : table.startCol;
      return a1Range({ startRow: row, endRow: row, startCol: table.startCol, endCol });
    }
    return a1Range({ startRow: row, endRow: row, startCol: Math.min(...cols), endCol: Math.max(...cols) });
  }

  /** The data cells of one column (first to last data row), e.g. "K5:K40". */
  columnRange(table: DiscoveredTable, col: number): string {
    const rows = table.rows;
    if (rows.length === 0) return a1(Math.max(0, table.headerRow), col);
    return a1Range({ startRow: rows[0], endRow: rows[rows.length - 1], startCol: col, endCol: col });
  }

  at(sheet: string, row: number, col: number, messageId: MessageId, data: MessageData = {}): RuleFinding {
    return { sheet, cell: a1(row, col), messageId, data };
  }

  /**
   * A finding at the cell of a record's value, e.g. ctx.atValue(gain, "costs", "blank", ...). A value
   * whose table has no such column is placed on the record's row, in the table's first column.
   */
  atValue<K extends string | number>(record: SheetRecord<K>, key: K, messageId: MessageId, data: MessageData = {}): RuleFinding {
    const ref = valueCell(record, key);
    return { sheet: record.sheet, cell: ref ? addressOf(ref) : a1(record.row, 0), messageId, data };
  }

  atRange(sheet: string, rect: CellRect, messageId: MessageId, data: MessageData = {}): RuleFinding {
    return { sheet, cell: a1Range(rect), messageId, data };
  }

  /** A finding about a whole table (placed on its header row). */
  atTable(table: DiscoveredTable, messageId: MessageId, data: MessageData = {}): RuleFinding {
    return { sheet: table.sheet.name, cell: this.headerRange(table), messageId, data };
  }

  /** A finding about the whole workbook (sheet and cell null). */
  inWorkbook(messageId: MessageId, data: MessageData = {}): RuleFinding {
    return { sheet: null, cell: null, messageId, data };
  }

  /** A finding about a table that is not in the workbook (sheet and cell null). */
  missingTable(key: TableKey, why: string): RuleFinding {
    const spec = tableSpec(key);
    const labels = spec.columns.map((c) => c.label);
    // A profile's other headers are its financial years.
    const headers = key === "profile" ? `${labels.join(", ")} and one column per financial year (e.g. 2008-09)` : labels.join(", ");
    const synonyms = spec.sheetSynonyms.length ? ` (or ${spec.sheetSynonyms.map((s) => `"${s}"`).join(", ")})` : "";
    // Where the check looked and what came nearest (recognise/describeSearch), so the user can tell a
    // missing table from one laid out in a way the check did not understand.
    const search = describeSearch(this.analysis.recognition, key, quoteSheetName);
    return { sheet: null, cell: null, messageId: "missingTable", data: { table: spec.label, why, synonyms, headers, search } };
  }

  /** A finding for a required column missing from a found table (placed on its header row). */
  missingColumn<K extends TableKey>(table: DiscoveredTable<K>, key: ColumnKey<K>, why: string): RuleFinding {
    const spec = columnSpec(table.key, key);
    const synonyms = spec.synonyms.length ? ` (or ${spec.synonyms.map((s) => `"${s}"`).join(", ")})` : "";
    const data = { table: table.spec.label, sheet: table.sheet.name, column: spec.label, synonyms, why };
    return { sheet: table.sheet.name, cell: this.headerRange(table), messageId: "missingColumn", data };
  }
}
