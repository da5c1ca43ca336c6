/** A RAG mapping (rating word -> fraction of the gain counted) written out as text. */

export interface RagTextStyle {
  /** Between a rating and its fraction: "=" as the Settings table writes it, " " as the pane's form. */
  between: string;
  /** Between two ratings: "; " in the Settings table, ", " in prose. */
  separator: string;
  /** Round fractions to this many decimals for display (the pane's form); exact when absent. */
  maxFractionDigits?: number;
}

/** How the Settings table writes a mapping, and how the settings reader reads it: "Green=1; Amber=0.5; Red=0". */
const SETTINGS_RAG_STYLE: RagTextStyle = { between: "=", separator: "; " };

function fractionText(value: number, digits: number | undefined): string {
  return digits === undefined ? String(value) : String(Number(value.toFixed(digits)));
}

/** "Green=1; Amber=0.5; Red=0" (or another style); each rating with a capital letter. */
export function ragMappingText(mapping: Iterable<readonly [string, number]>, style: RagTextStyle = SETTINGS_RAG_STYLE): string {
  return [...mapping]
    .map(
      ([word, value]) => `${word.charAt(0).toUpperCase()}${word.slice(1)}${style.between}${fractionText(value, style.maxFractionDigits)}`,
    )
    .join(style.separator);
}
