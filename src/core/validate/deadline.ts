/**
 * A deadline for the whole check, so that no workbook, however it is built, can keep the validator
 * busy without end: the engine looks at the clock between its stages and between rules, and past the
 * deadline stops with CheckDeadlineExceeded, whose message is the one line a surface shows ("could
 * not be checked: ..."). Each stage is itself bounded (linear-time header matching, capped text), so
 * the deadline is the last line of defence, set far above what a genuine workbook needs (a
 * 100,000-gain register is checked in about half a second).
 */

/** Longest a check may take by default, in milliseconds. */
export const DEFAULT_CHECK_DEADLINE_MS = 20_000;

export class CheckDeadlineExceeded extends Error {
  constructor(readonly limitMs: number) {
    super(
      `Checking this workbook took longer than ${Math.round(limitMs / 1000)} seconds, the safe limit, so it was stopped. If it is genuine, split it into smaller workbooks.`,
    );
    this.name = "CheckDeadlineExceeded";
  }
}

export interface Deadline {
  /** Throws CheckDeadlineExceeded once the deadline has passed. */
  check(): void;
}

export interface DeadlineOptions {
  /** Milliseconds the check may take; DEFAULT_CHECK_DEADLINE_MS when absent or not a positive number. */
  deadlineMs?: number;
  /** The clock, in milliseconds (tests); Date.now by default. */
  clock?: () => number;
}

export function startDeadline(options: DeadlineOptions = {}): Deadline {
  const limitMs = typeof options.deadlineMs === "number" && options.deadlineMs > 0 ? options.deadlineMs : DEFAULT_CHECK_DEADLINE_MS;
  const clock = options.clock ?? Date.now;
  const endsAt = clock() + limitMs;
  return {
    check() {
      if (clock() > endsAt) throw new CheckDeadlineExceeded(limitMs);
    },
  };
}

/** A deadline that never passes, for callers that run single rules (the rule tester). */
export const NO_DEADLINE: Deadline = Object.freeze({ check() {} });
