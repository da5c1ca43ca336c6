/** What was thrown, as text, and whether it was a cancellation: the same test everywhere. */

/**
 * True for the DOMException (or any look-alike) that fetch, the readers and Office throw when an
 * AbortSignal fires: an error object named "AbortError".
 */
export function isAbortError(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { name?: unknown }).name === "AbortError";
}

/** The message of anything thrown: an Error's message, a string as it is, "" for anything else. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "string") return error;
  if (typeof error === "object" && error !== null) {
    const message = (error as { message?: unknown }).message;
    if (typeof message === "string") return message;
  }
  return "";
}
