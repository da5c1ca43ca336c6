/**
 * Text that the model keeps is copied out of the XML it was parsed from, and repeated text is kept
 * once. Why: V8 (Node, Chrome, Edge) makes a slice of 13 or more characters a view into the whole
 * string it was cut from ("sliced string"). A cell's text cut from a decoded chunk of sheet XML
 * would keep that whole chunk alive for as long as the model lives: for a 100,000-gain register,
 * most of its 150 MB of sheet XML. And a register repeats its text ("Cashable", "Procurement",
 * "No reduction in service") in every row, so each distinct text is held once, not once a cell.
 */

/** V8's shortest sliced string (SlicedString::kMinLength); shorter slices are copies already. */
const SHORTEST_VIEW = 13;

/**
 * The pool holds at most this many distinct texts: a register's repeated text (workstreams, types,
 * owners) is met in its first rows, while its one-off text (descriptions, references) would only
 * make the pool big and slow. Past it, text is still copied, only no longer shared. On the
 * 100,000-gain register a full pool saved 12 MB more and cost more time than this one.
 */
const MAX_POOLED = 65_536;

/** A copy of `text` that shares no memory with the string it was cut from. */
export function ownCopy(text: string): string {
  if (text.length < SHORTEST_VIEW) return text;
  // Concatenating makes a new string; slicing it flattens that into a fresh copy (and views only it).
  return (" " + text).slice(1);
}

/** Distinct texts of one workbook read, each an own copy. */
export class TextPool {
  private readonly known = new Map<string, string>();

  /** The copy already held for text equal to `text`, if any. */
  find(text: string): string | undefined {
    return this.known.get(text);
  }

  /** `text` as the model should keep it: the copy already held for equal text, or a new own copy. */
  own(text: string): string {
    return this.find(text) ?? this.add(text);
  }

  /** A new own copy of `text`, held for equal text to come while the pool has room. */
  add(text: string): string {
    const copy = ownCopy(text);
    if (this.known.size < MAX_POOLED) this.known.set(copy, copy);
    return copy;
  }
}
