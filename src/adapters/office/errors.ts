/**
 * Errors the Office adapter raises or recognises. The pane tells a cancelled check apart from a
 * failed one with `isAbortError`, and shows `describeOfficeError` as a one-line reason.
 */

import { isAbortError, oneLine } from "../../core/text";

/** Thrown by the reader when the caller's AbortSignal fires; checked before every round trip. */
export class OfficeReadAbortedError extends Error {
  override name = "AbortError";
  constructor() {
    super("The check was cancelled.");
  }
}

/** True for our cancellation error (named AbortError) and any other AbortError, e.g. a DOMException from fetch. */
export { isAbortError };

/**
 * Excel on the web refuses a request or response larger than 5 MB with one of these codes. The
 * reader answers by halving its block size and asking again; nothing was read or changed.
 */
const PAYLOAD_LIMIT_CODES = new Set(["ResponsePayloadSizeLimitExceeded", "RequestPayloadSizeLimitExceeded"]);

export function isPayloadLimitError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && PAYLOAD_LIMIT_CODES.has(code)) return true;
  const message = (error as { message?: unknown }).message;
  return typeof message === "string" && /payload size/i.test(message);
}

/** Plain words for the Excel errors a user can do something about. */
const KNOWN_CODES: ReadonlyMap<unknown, string> = new Map([
  ["InvalidOperationInCellEditMode", "Excel is busy editing a cell. Press Enter or Esc in the sheet, then try again"],
  ["ActivityLimitReached", "Excel is busy. Wait a moment and try again"],
]);

/** One line for the user from whatever Excel (or our own code) threw. */
export function describeOfficeError(error: unknown): string {
  if (typeof error === "object" && error !== null) {
    const known = KNOWN_CODES.get((error as { code?: unknown }).code);
    if (known) return known;
    const message = (error as { message?: unknown }).message;
    if (typeof message === "string" && message.trim() !== "") return firstLine(message);
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && code !== "") return `Excel reported "${code}"`;
  }
  if (typeof error === "string" && error.trim() !== "") return firstLine(error);
  return "Excel reported an unexpected problem";
}

function firstLine(text: string): string {
  return oneLine(text.trim().split(/\r?\n/)[0]).replace(/\.$/, "");
}
