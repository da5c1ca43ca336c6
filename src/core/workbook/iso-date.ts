/**
 * An ISO date as the pane and the Office adapter take it from the user: "YYYY-MM-DD" naming a real
 * calendar day. Imports nothing, so the pane's first download does not grow by the date arithmetic.
 */
export function isCalendarIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
