/** Number and date text as a UK finance team writes it. */

const moneyFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2, minimumFractionDigits: 0 });
const percentFormat = new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 1, minimumFractionDigits: 0 });

/** Shown for a figure that is NaN or infinite, never "NaN" or "∞" (the core reports why as a finding). */
const NOT_MEASURABLE = "not measurable";

/** "1,413.72", or "£1,413.72m" with a unit such as "£m", "£k" or "£". */
export function formatMoney(value: number, unit?: string | null): string {
  if (!Number.isFinite(value)) return NOT_MEASURABLE;
  const text = moneyFormat.format(Math.abs(value));
  const sign = value < 0 ? "-" : "";
  if (!unit) return `${sign}${text}`;
  if (unit.startsWith("£")) return `${sign}£${text}${unit.slice(1)}`;
  return `${sign}${text} ${unit}`;
}

export function formatPercent(fraction: number): string {
  return Number.isFinite(fraction) ? percentFormat.format(fraction) : NOT_MEASURABLE;
}

/** "2009-12-31" -> "31 December 2009"; other text is returned unchanged. */
export function formatIsoDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(date);
}

const countFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });

/** "6,002": a whole count grouped in thousands. */
export function formatCount(count: number): string {
  return countFormat.format(count);
}

/** "1 error", "6,002 errors": counts grouped in thousands, as a finance team reads them. */
export function plural(count: number, one: string, many: string): string {
  return `${countFormat.format(count)} ${count === 1 ? one : many}`;
}

/** Short axis labels: "£38.3m", "£950k", "£250" (with "£k", "£m" and "£bn" units scaled to pounds first). */
export function formatCompactMoney(value: number, unit?: string | null): string {
  // The same factors as the core's UNIT_FACTORS, written out: importing that module adds 1 KB gzip to
  // the pane's first download, for four numbers.
  const scale = unit === "£bn" ? 1e9 : unit === "£m" ? 1e6 : unit === "£k" ? 1e3 : 1;
  const pounds = value * scale;
  if (!Number.isFinite(pounds)) return NOT_MEASURABLE;
  const size = Math.abs(pounds);
  const sign = pounds < 0 ? "-" : "";
  const short = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });
  if (size >= 1e9) return `${sign}£${short.format(size / 1e9)}bn`;
  if (size >= 1e6) return `${sign}£${short.format(size / 1e6)}m`;
  if (size >= 1e3) return `${sign}£${short.format(size / 1e3)}k`;
  return `${sign}£${short.format(size)}`;
}
