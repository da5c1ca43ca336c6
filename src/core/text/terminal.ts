/**
 * Text that comes from a workbook or a file name, made safe to print: on a terminal, in a one-line
 * message, in a report line. Control characters (C0, DEL, C1), line and paragraph separators and the
 * bidirectional controls are shown visibly as escapes ("\x1b", "\n", "\u202e"), so a sheet name
 * cannot clear the screen, write the clipboard (OSC 52), hide a link (OSC 8), start a forged report
 * line or reorder the text around it. JSON and SARIF output keep the exact text: use these only for
 * text meant to be read by a person.
 */

/** Characters that change what a terminal does or how text around them reads. */
// eslint-disable-next-line no-control-regex -- matching control characters is this module's job
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, "g");
const NAMED: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** The visible form of one unsafe character: "\n", "\x1b", "\u202e". */
function visible(char: string): string {
  const named = NAMED[char];
  if (named !== undefined) return named;
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** The mark that ends a shortened text. */
export const ELLIPSIS = "…";

/**
 * Cuts `text` to at most `maxLength` UTF-16 units, ending in "…" when cut, never inside a surrogate
 * pair or an escape written by terminalSafe (`escapes` says where those are).
 */
function cap(text: string, maxLength: number, escaped: boolean): string {
  if (text.length <= maxLength) return text;
  if (maxLength <= 0) return "";
  let end = maxLength - ELLIPSIS.length;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  if (escaped) {
    // Step back over a partly kept escape ("\x1b" is 4 units, "\u202e" 6).
    const start = text.lastIndexOf("\\", end - 1);
    if (start >= 0 && start > end - 6) {
      const escape = /^\\(?:[nrt]|x[0-9a-f]{2}|u[0-9a-f]{4})/.exec(text.slice(start, start + 6));
      if (escape && start + escape[0].length > end) end = start;
    }
  }
  return text.slice(0, Math.max(0, end)) + ELLIPSIS;
}

export interface SafeTextOptions {
  /** At most this many characters (UTF-16 units), the last being "…" when the text was cut. */
  maxLength?: number;
}

/**
 * `text` with every control character shown as an escape, optionally capped in length:
 * terminalSafe("Gains\x1b[2J") is "Gains\\x1b[2J", terminalSafe("a\nb") is "a\\nb".
 */
export function terminalSafe(text: string, options: SafeTextOptions = {}): string {
  const safe = UNSAFE.test(text) ? text.replace(UNSAFE_ALL, visible) : text;
  return options.maxLength === undefined ? safe : cap(safe, options.maxLength, safe !== text);
}

/** True when terminalSafe would change the text (it holds a control character). */
export function hasUnsafeCharacters(text: string): boolean {
  return UNSAFE.test(text);
}

/**
 * Any message as one line for a terminal line, a message bar or a log: line breaks (with the spaces
 * around them) and tabs become one space, the ends are trimmed, and what is left is made terminal
 * safe. oneLine("Could not read\n  Gains.") is "Could not read Gains.".
 */
export function oneLine(text: string, options: SafeTextOptions = {}): string {
  const joined = text.replace(/[ \t]*[\r\n\u2028\u2029\t]+[ \t]*/g, " ").trim();
  return terminalSafe(joined, options);
}
