/*
 * An independent exact reference for the calculation core, on BigInt rationals.
 *
 * Each input double stands for its shortest round-trip decimal (String(x)); the exact rational result
 * is rounded once, to nearest with ties to even, into a double by integer arithmetic. It shares no code
 * with src/core/calc (neither the scaled-integer fast path nor decimal.js).
 */

export interface Rational {
  n: bigint;
  d: bigint; // > 0
}

/** Not reduced: rounding works on any numerator and denominator, and skipping gcd keeps it quick. */
function make(n: bigint, d: bigint): Rational {
  return d < 0n ? { n: -n, d: -d } : { n, d };
}

/** The decimal a double is displayed as, as an exact rational. */
function rationalOf(x: number): Rational {
  if (!Number.isFinite(x)) throw new Error(`not finite: ${x}`);
  const text = String(x);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!match) throw new Error(`unexpected number text ${text}`);
  const [, sign, whole, fraction = "", exponentText = "0"] = match;
  const digits = BigInt(whole + fraction) * (sign === "-" ? -1n : 1n);
  const exponent = Number(exponentText) - fraction.length;
  return exponent >= 0 ? make(digits * 10n ** BigInt(exponent), 1n) : make(digits, 10n ** BigInt(-exponent));
}

const add = (a: Rational, b: Rational): Rational => make(a.n * b.d + b.n * a.d, a.d * b.d);
const sub = (a: Rational, b: Rational): Rational => make(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Rational, b: Rational): Rational => make(a.n * b.n, a.d * b.d);
const div = (a: Rational, b: Rational): Rational => make(a.n * b.d, a.d * b.n);
function pow(a: Rational, k: number): Rational {
  return make(a.n ** BigInt(k), a.d ** BigInt(k));
}
const ONE: Rational = { n: 1n, d: 1n };

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/** The double nearest to n / d (ties to even; a result that underflows is 0, never -0); +-Infinity beyond the largest double. */
export function roundToDouble(value: Rational): number {
  let { n } = value;
  const { d } = value;
  if (n === 0n) return 0;
  const negative = n < 0n;
  if (negative) n = -n;
  const quotientAt = (e: number): [bigint, bigint, bigint] => {
    const N = e >= 0 ? n : n << BigInt(-e);
    const D = e >= 0 ? d << BigInt(e) : d;
    return [N / D, N, D];
  };
  // Choose e so that 2^52 <= n / d / 2^e < 2^53.
  let e = bitLength(n) - bitLength(d) - 53;
  let [q, N, D] = quotientAt(e);
  while (q >= 1n << 53n) [q, N, D] = quotientAt(++e);
  while (q < 1n << 52n) [q, N, D] = quotientAt(--e);
  if (e < -1074) [q, N, D] = quotientAt((e = -1074)); // subnormal
  const remainder2 = (N - q * D) * 2n;
  if (remainder2 > D || (remainder2 === D && (q & 1n) === 1n)) q += 1n;
  if (q === 1n << 53n) {
    q >>= 1n;
    e += 1;
  }
  if (e > 971) return negative ? -Infinity : Infinity;
  const magnitude = Number(q) * 2 ** e;
  // Excel has no negative zero, and neither do the results compared with this.
  return negative && magnitude !== 0 ? -magnitude : magnitude;
}

function sumOf(values: readonly number[]): Rational {
  return values.reduce<Rational>((total, x) => add(total, rationalOf(x)), { n: 0n, d: 1n });
}

export function referenceNetGain(gross: readonly number[], costs: readonly number[], deliverability: number): number {
  return roundToDouble(sub(mul(sumOf(gross), rationalOf(deliverability)), sumOf(costs)));
}

export function referenceDeflate(amount: number, toIndex: number, fromIndex: number): number {
  return roundToDouble(div(mul(rationalOf(amount), rationalOf(toIndex)), rationalOf(fromIndex)));
}

export function referenceTarget(baseline: number, rate: number, years: number, method: "compound" | "simple" = "compound"): number {
  const b = rationalOf(baseline);
  const r = rationalOf(rate);
  if (method === "simple") return roundToDouble(mul(mul(b, r), { n: BigInt(years), d: 1n }));
  return roundToDouble(mul(b, sub(pow(add(ONE, r), years), ONE)));
}

export function referenceSum(values: readonly number[]): number {
  return roundToDouble(sumOf(values));
}
