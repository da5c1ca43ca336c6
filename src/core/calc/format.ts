/**
 * A number as a plain decimal: every digit JavaScript needs to give back the same double, no
 * exponent, no thousands separators (1413.715842, 0.0000001, 1000000000000000000000).
 */
export function formatPlainDecimal(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return "0";
  const text = String(value);
  const e = text.indexOf("e");
  if (e < 0) return text;
  const negative = text.startsWith("-");
  const mantissa = text.slice(negative ? 1 : 0, e);
  const exponent = Number(text.slice(e + 1));
  const point = mantissa.indexOf(".");
  const digits = point < 0 ? mantissa : mantissa.slice(0, point) + mantissa.slice(point + 1);
  const integerDigits = (point < 0 ? mantissa.length : point) + exponent;
  let plain: string;
  if (integerDigits <= 0) plain = `0.${"0".repeat(-integerDigits)}${digits}`;
  else if (integerDigits >= digits.length) plain = digits + "0".repeat(integerDigits - digits.length);
  else plain = `${digits.slice(0, integerDigits)}.${digits.slice(integerDigits)}`;
  return negative ? `-${plain}` : plain;
}
