/** Small helpers the rule modules share. */
import type { ParsedGain } from "../analysis";
import { formatExact, type NumberRead } from "../text";

/** "Gain G3" or "The gain on row 7" when it has no ID. */
export function gainName(gain: ParsedGain): string {
  return gain.id !== null ? `Gain ${gain.id}` : `The gain on row ${gain.row + 1}`;
}

/** How a non-number read is described in a message. */
export function describeRead(read: NumberRead): string {
  switch (read.kind) {
    case "blank":
      return "blank";
    case "text":
      return `"${read.text}", which is not a number`;
    case "error":
      return `the error ${read.error}`;
    case "number":
      return formatExact(read.value);
  }
}

/** Splits ascending rows into runs of consecutive rows: [4,5,6,9] -> [[4,6],[9,9]]. */
export function runs(rows: readonly number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else out.push([r, r]);
  }
  return out;
}

export const num = formatExact;
