import { terminalSafe } from "../../../core/text/terminal";

/**
 * Internal control flow of the reader: any step may throw a ReadFailure carrying the one-line reason
 * the user sees. readXlsx catches it (and anything unexpected) and returns { ok: false, reason }.
 */
export class ReadFailure extends Error {
  readonly reason: string;
  /**
   * True for limits, cancellation and encryption: these stop the whole read even when they arise in
   * an optional part (styles, a table), whereas damage in an optional part only earns a warning.
   */
  readonly stopsRead: boolean;
  constructor(reason: string, stopsRead = false) {
    super(reason);
    this.name = "ReadFailure";
    this.reason = reason;
    this.stopsRead = stopsRead;
  }
}

/** Megabytes for messages: whole numbers, binary megabytes as Windows Explorer shows them. */
export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 10 ? `${Math.round(mb)} MB` : `${Number(mb.toFixed(1))} MB`;
}

/** Collapses any message to one line (reasons are shown in a terminal line or a pane message bar). */
export { oneLine } from "../../../core/text/terminal";

/**
 * Workbook text (a part, sheet or table name) quoted inside a reader message, terminal safe and
 * cut to `max` characters, so a hostile name can neither reshape the line it is printed on nor
 * make it long.
 */
export function quoteForMessage(text: string, max = 80): string {
  return `"${terminalSafe(text, { maxLength: max })}"`;
}
