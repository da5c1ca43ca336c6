/** What the terminal can show, judged only from the command's injected I/O (never from `process`). */
import { oneLine, terminalSafe } from "../core/text/index";
import type { CliIO } from "./io";

/** ✖ ⚠ ℹ unless the locale says the terminal is not UTF-8. */
export function terminalIsUnicode(env: CliIO["env"]): boolean {
  if (env.TERM === "dumb") return false;
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG;
  if (!locale) return true;
  return /utf-?8/i.test(locale);
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColour(io: Pick<CliIO, "stdoutIsTTY" | "env">): boolean {
  return io.stdoutIsTTY && (io.env.NO_COLOR === undefined || io.env.NO_COLOR === "");
}

/** Longest file name, and longest message, printed in one line on stderr or in the text overview. */
const NAME_LIMIT = 300;
const MESSAGE_LIMIT = 1000;

/** A file name (or other name from outside) for a terminal: control characters visible, length capped. */
export function safeName(text: string): string {
  return terminalSafe(text, { maxLength: NAME_LIMIT });
}

/** A message that may quote a workbook (a reason, a note) as one safe line of bounded length. */
export function safeMessage(text: string): string {
  return oneLine(text, { maxLength: MESSAGE_LIMIT });
}

/** "vfm: FILE: reason" on stderr, both parts neutralised. */
export function fileMessage(file: string, reason: string): string {
  return `vfm: ${safeName(file)}: ${safeMessage(reason)}\n`;
}
