/** What the terminal can show, judged only from the command's injected I/O (never from `process`). */
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

