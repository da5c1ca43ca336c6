/** Financial years (April to March) named as UK public bodies write them. */

/** 2008 -> "2008-09", 1999 -> "1999-00": the year it starts in, a hyphen, the last two digits of the next. */
export function financialYearLabel(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, "0")}`;
}
