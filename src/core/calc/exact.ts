/*
 * Exact decimal arithmetic for money.
 *
 * Every input number is taken as the decimal it is written as: the shortest decimal that turns back
 * into the same double (what Excel and JavaScript display at full precision), so 0.1 means one tenth,
 * not the binary fraction nearest to it. Each result is the exact rational answer on those decimals,
 * rounded once, correctly, to the nearest double.
 *
 * Fast path: most money inputs are decimals with few places (pence, percentages, 4-place indices).
 * Written as scaled integers m / 10^s held in doubles, every sum and product stays exact while it is
 * below 2^53, and one final division of two exact integers is correctly rounded by IEEE 754, which is
 * the correctly rounded exact result. A product beyond 2^53 (a baseline in pence times a compounded
 * rate) is carried exactly as two doubles and its quotient corrected by an exact residual
 * (roundProductRatio). When an input or an intermediate does not fit, the same calculation runs on
 * decimal.js at a precision that keeps it exact. The fast path builds no strings and no decimals.
 */
import Decimal from "decimal.js";

/** Integers below this are exact in a double. */
const EXACT_LIMIT = 9007199254740992; // 2^53
/** Sums of two values below this cannot leave the exact range. */
const HALF_EXACT_LIMIT = 4503599627370496; // 2^52
/** Scaled inputs are kept below 2^51 so that only one integer can round to the input (see decimalScale). */
const SCALE_LIMIT = 2251799813685248; // 2^51
/** Largest power of ten that is exact in a double. */
const MAX_EXACT_POWER = 22;
/** Inputs with more decimal places than this go to decimal.js. */
const MAX_FAST_SCALE = 12;

/** POW10[k] = 10^k exactly, for k = 0..22 (parsed, so each is the exact double). */
const POW10: readonly number[] = Array.from({ length: MAX_EXACT_POWER + 1 }, (_, k) => Number(`1e${k}`));

/** decimal.js configured so that sums, products and integer powers of our inputs are never rounded. */
export const ExactDecimal = Decimal.clone({ precision: 100000, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
/**
 * Division is truncated at a number of significant digits, then a sticky digit is appended when the
 * division was inexact. A halfway point between two doubles near a value 2^k has at most about
 * 17 + 0.7 |k - 53| significant digits (770 at the extremes), so truncating beyond that many digits
 * leaves the sticky string on the same side of every halfway point as the true quotient.
 */
const MAX_DIVISION_DIGITS = 850;
const TruncatingDecimal = Decimal.clone({ precision: MAX_DIVISION_DIGITS, rounding: Decimal.ROUND_DOWN, toExpNeg: -9e15, toExpPos: 9e15 });

function divisionDigits(estimate: number): number {
  const magnitude = Math.abs(estimate);
  if (!(magnitude > 0 && magnitude < Infinity)) return MAX_DIVISION_DIGITS;
  const exponent = Math.abs(Math.floor(Math.log2(magnitude)) - 53);
  return Math.min(MAX_DIVISION_DIGITS, 40 + Math.ceil(exponent * 0.7));
}

/**
 * Set by decimalScale: the scaled integer of the last input it accepted. Kept in a typed array
 * because a module-level `let` holding a double allocates a heap number on every write.
 */
const scratch = new Float64Array(1);

/**
 * The number of decimal places of x (0..12) when x is a decimal whose digits, as an integer, stay
 * below 2^51; -1 otherwise. The scaled integer is left in `scratch[0]`.
 *
 * Why it is exact: m / 10^s is the correctly rounded double of the decimal m x 10^-s, so m / 10^s === x
 * proves that decimal round-trips to x. Below 2^51 the rounding interval of x is narrower than one
 * unit of the scaled integer, so m is the only such integer at scale s, and the first scale that
 * works gives the shortest decimal: the one JavaScript and Excel display.
 */
function decimalScale(x: number): number {
  if (!(x < SCALE_LIMIT && x > -SCALE_LIMIT)) return -1;
  if (Math.round(x) === x) {
    scratch[0] = x;
    return 0;
  }
  for (let s = 1; s <= MAX_FAST_SCALE; s++) {
    const power = POW10[s];
    const product = x * power;
    if (!(product < SCALE_LIMIT && product > -SCALE_LIMIT)) return -1;
    const m = Math.round(product);
    // A decimal that round-trips to x lies within |x 10^s| 2^-52 of the product, so a larger gap rules
    // this scale out without the (slower) division.
    const gap = product - m;
    const tolerance = (product < 0 ? -product : product) * 8.881784197001252e-16; // 2^-50
    if (gap > tolerance || gap < -tolerance) continue;
    if (m / power === x) {
      scratch[0] = m;
      return s;
    }
  }
  return -1;
}

/** An exact value: a finite double (meaning its shortest decimal), a scaled integer, or a decimal. */
export type ExactValue = number | ScaledInteger | Decimal;
export interface ScaledInteger {
  /** The integer, |m| < 2^51. */
  m: number;
  /** Decimal places: the value is m / 10^s. */
  s: number;
}

function isScaled(value: ExactValue): value is ScaledInteger {
  return typeof value === "object" && !(value instanceof Decimal);
}

/** Loads an exact value into the fast registers; returns its scale, or -1 when it needs decimal.js. */
function loadScale(value: ExactValue): number {
  if (typeof value === "number") return decimalScale(value);
  if (isScaled(value)) {
    scratch[0] = value.m;
    return value.s;
  }
  return -1;
}

function toDecimal(value: ExactValue): Decimal {
  if (typeof value === "number") return new ExactDecimal(value);
  if (isScaled(value)) return new ExactDecimal(value.m).dividedBy(new ExactDecimal(10).toPower(value.s));
  return value;
}

/** The nearest double to an exact decimal; +-Infinity when it is beyond the largest double. */
export function decimalToDouble(value: Decimal): number {
  const result = Number(value.toString());
  return result === 0 ? 0 : result;
}

/** The correctly rounded double of numerator / denominator (denominator non-zero). */
export function ratioToDouble(numerator: Decimal, denominator: Decimal): number {
  if (numerator.isZero()) return 0;
  const digits = divisionDigits(numerator.toNumber() / denominator.toNumber());
  TruncatingDecimal.set({ precision: digits });
  const quotient = new TruncatingDecimal(numerator).dividedBy(denominator);
  TruncatingDecimal.set({ precision: MAX_DIVISION_DIGITS });
  const exact = new ExactDecimal(quotient).times(denominator).equals(numerator);
  let text = quotient.toExponential(digits - 1);
  if (!exact) {
    // Append a non-zero digit below the last kept one: the string now lies strictly between the
    // truncated quotient and the next decimal of that many digits, on the same side of every halfway point.
    const e = text.indexOf("e");
    text = `${text.slice(0, e)}1${text.slice(e)}`;
  }
  const result = Number(text);
  return result === 0 ? 0 : result;
}

/** Exact sum of finite numbers, kept exact (not rounded). */
export function exactSum(values: readonly number[]): ExactValue {
  let m = 0;
  let s = 0;
  let fast = true;
  for (let i = 0; i < values.length; i++) {
    const xs = decimalScale(values[i]);
    if (xs < 0) {
      fast = false;
      break;
    }
    let xm = scratch[0];
    if (xs > s) {
      m *= POW10[xs - s];
      s = xs;
    } else if (xs < s) {
      xm *= POW10[s - xs];
    }
    // Both terms below 2^51 (checked on the rounded values, which are at least 2^51 whenever the
    // exact ones are) keep the sum exact and below 2^52.
    if (!(m < SCALE_LIMIT && m > -SCALE_LIMIT && xm < SCALE_LIMIT && xm > -SCALE_LIMIT)) {
      fast = false;
      break;
    }
    m += xm;
  }
  if (fast) return { m, s };
  return wideSum(values);
}

/** Digit places a sum of doubles can reach: 10^-400 (slot 0) to 10^399, beyond a double's 10^-340 .. 10^308 plus carries. */
const PLACE_OFFSET = 400;
const PLACES = 800;

/**
 * The exact sum of finite numbers, for when the fast path's doubles cannot hold it. Each value's
 * shortest decimal (String(x), what decimal.js reads too) is added digit by digit into one column
 * per decimal place (positive and negative values apart); carries are resolved once at the end.
 * No decimal.js number per value: on a register's risk-adjusted profile values (17 digits each)
 * this is several times faster than adding decimals.
 */
function wideSum(values: readonly number[]): Decimal {
  const positive = new Float64Array(PLACES);
  const negative = new Float64Array(PLACES);
  let low = PLACES;
  let high = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x === 0) continue;
    const columns = x < 0 ? negative : positive;
    const xs = decimalScale(x);
    if (xs >= 0) {
      let m = x < 0 ? -scratch[0] : scratch[0];
      let place = PLACE_OFFSET - xs;
      if (place < low) low = place;
      while (m > 0) {
        const rest = Math.floor(m / 10);
        columns[place++] += m - rest * 10;
        m = rest;
      }
      if (place > high) high = place;
      continue;
    }
    // Shortest round-trip decimal: [-]d+[.d+][e[+-]d+].
    const text = String(x);
    const e = text.indexOf("e");
    const end = e < 0 ? text.length : e;
    const exponent = e < 0 ? 0 : Number(text.slice(e + 1));
    const first = x < 0 ? 1 : 0;
    let point = text.indexOf(".");
    if (point < 0 || point > end) point = end;
    // The digit just before the point is at 10^exponent.
    const top = PLACE_OFFSET + exponent + (point - first - 1);
    let place = top;
    for (let k = first; k < end; k++) {
      const code = text.charCodeAt(k);
      if (code === 46) continue; // "."
      columns[place--] += code - 48;
    }
    if (place + 1 < low) low = place + 1;
    if (top + 1 > high) high = top + 1;
  }
  if (low >= high) return new ExactDecimal(0);
  const total = new ExactDecimal(columnsText(positive, low, high));
  return total.minus(new ExactDecimal(columnsText(negative, low, high)));
}

/** The columns' number, carries resolved, as digits x 10^(low - PLACE_OFFSET) in text decimal.js reads. */
function columnsText(columns: Float64Array, low: number, high: number): string {
  const digits: number[] = [];
  let carry = 0;
  for (let place = low; place < high || carry > 0; place++) {
    const t = (place < high ? columns[place] : 0) + carry;
    const digit = t % 10;
    digits.push(digit);
    carry = (t - digit) / 10;
  }
  let top = digits.length - 1;
  while (top > 0 && digits[top] === 0) top--;
  let text = "";
  for (let k = top; k >= 0; k--) text += String.fromCharCode(48 + digits[k]);
  return `${text}e${low - PLACE_OFFSET}`;
}

/** The nearest double to an exact value. */
function exactToDouble(value: ExactValue): number {
  if (typeof value === "number") return value === 0 ? 0 : value;
  if (isScaled(value)) {
    if (value.s <= MAX_EXACT_POWER) {
      const result = value.m / POW10[value.s];
      return result === 0 ? 0 : result;
    }
  }
  return decimalToDouble(toDecimal(value));
}

/** gross x deliverability - costs, exactly, as the nearest double. */
export function exactNetGain(gross: ExactValue, deliverability: number, costs: ExactValue): number {
  const gs = loadScale(gross);
  const gm = scratch[0];
  if (gs >= 0) {
    const ds = decimalScale(deliverability);
    const dm = scratch[0];
    if (ds >= 0) {
      const cs = loadScale(costs);
      const cm = scratch[0];
      if (cs >= 0) {
        const productScale = gs + ds;
        const scale = productScale > cs ? productScale : cs;
        if (scale <= MAX_EXACT_POWER) {
          // A rounded product is at least 2^53 whenever the exact one is, so a rounded value below the
          // limit proves the exact integer is below it and therefore held exactly.
          const rawProduct = gm * dm;
          const product = rawProduct * POW10[scale - productScale];
          const cost = cm * POW10[scale - cs];
          if (
            rawProduct < EXACT_LIMIT &&
            rawProduct > -EXACT_LIMIT &&
            product < HALF_EXACT_LIMIT &&
            product > -HALF_EXACT_LIMIT &&
            cost < HALF_EXACT_LIMIT &&
            cost > -HALF_EXACT_LIMIT
          ) {
            const numerator = product - cost;
            return numerator === 0 ? 0 : numerator / POW10[scale];
          }
        }
      }
    }
  }
  return decimalToDouble(toDecimal(gross).times(new ExactDecimal(deliverability)).minus(toDecimal(costs)));
}

/** POW5[k] = 5^k exactly, k = 0..22. */
const POW5: readonly number[] = Array.from({ length: 23 }, (_, k) => 5 ** k);
/** POW2[k] = 2^k and INVERSE_POW2[k] = 2^-k exactly, k = 0..1074 (built by doubling and halving, which are exact). */
const POW2: Float64Array = new Float64Array(1075);
const INVERSE_POW2: Float64Array = new Float64Array(1075);
POW2[0] = 1;
INVERSE_POW2[0] = 1;
for (let k = 1; k < 1075; k++) {
  POW2[k] = POW2[k - 1] * 2;
  INVERSE_POW2[k] = INVERSE_POW2[k - 1] / 2;
}
/** Denominators up to 2^50 keep every residual below exact (see roundProductRatio). */
const DENOMINATOR_LIMIT = 1125899906842624; // 2^50
/** Largest k with 5^k below 2^50. */
const MAX_FIVES = 21;
/** Dekker's splitter 2^27 + 1: splits a double into two halves whose products are exact. */
const SPLITTER = 134217729;

const bitsView = new Float64Array(1);
const wordsView = new Uint32Array(bitsView.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const HIGH = LITTLE_ENDIAN ? 1 : 0;
const LOW = LITTLE_ENDIAN ? 0 : 1;

/**
 * The unit in the last place of a positive normal double q < 2^52, or 0 when q is within two units of
 * a power of two (where the spacing of doubles changes) or too small: the caller then takes the slow path.
 */
function ulpAwayFromBinadeEdges(q: number): number {
  bitsView[0] = q;
  const high = wordsView[HIGH];
  const low = wordsView[LOW];
  const exponent = (high >>> 20) & 0x7ff;
  if (exponent < 128 || exponent >= 1075) return 0;
  const mantissaHigh = high & 0xfffff;
  if (mantissaHigh === 0 && low <= 1) return 0;
  if (mantissaHigh === 0xfffff && low >= 0xfffffffe) return 0;
  return INVERSE_POW2[1075 - exponent];
}

function isEvenDouble(q: number): boolean {
  bitsView[0] = q;
  return (wordsView[LOW] & 1) === 0;
}

/**
 * The correctly rounded double of a x b / d, for integers 0 <= a, b < 2^53 and 0 < d < 2^50, even
 * when a x b is far beyond 2^53; NaN when the quotient is near a power of two or out of range (the
 * caller then takes the slow path).
 *
 * a x b = p + e exactly (Dekker's two-product). q = p / d is within 1.5 units in the last place (u) of
 * the true quotient. The residual r = a b - q d is computed exactly: every term is a multiple of u
 * below 2^53 u. Comparing r with the half-way distance d u / 2 picks q, q + u or q - u, ties to even.
 */
function roundProductRatio(a: number, b: number, d: number): number {
  const p = a * b;
  let c = SPLITTER * a;
  const ah = c - (c - a);
  const al = a - ah;
  c = SPLITTER * b;
  const bh = c - (c - b);
  const bl = b - bh;
  const e = ah * bh - p + ah * bl + al * bh + al * bl;
  const q = p / d;
  if (e === 0) return q; // a x b was exact, so q is already the correctly rounded quotient
  if (!(q < HALF_EXACT_LIMIT)) return NaN;
  const u = ulpAwayFromBinadeEdges(q);
  if (u === 0) return NaN;
  c = SPLITTER * q;
  const qh = c - (c - q);
  const ql = q - qh;
  c = SPLITTER * d;
  const dh = c - (c - d);
  const dl = d - dh;
  const s = q * d;
  const t = qh * dh - s + qh * dl + ql * dh + ql * dl;
  const r = p - s + (e - t);
  const half = d * u * 0.5;
  if (r > half) {
    const rest = r - d * u;
    const up = q + u;
    return rest === half && !isEvenDouble(up) ? up + u : up;
  }
  if (r < -half) {
    const rest = r + d * u;
    const down = q - u;
    return rest === -half && !isEvenDouble(down) ? down - u : down;
  }
  if (r === half) return isEvenDouble(q) ? q : q + u;
  if (r === -half) return isEvenDouble(q) ? q : q - u;
  return q;
}

/** a x b / (5^fives x 2^twos) with the sign of `negative`, correctly rounded; NaN for the slow path. */
function scaledProductRatio(a: number, b: number, d: number, twos: number, negative: boolean): number {
  if (!(d < DENOMINATOR_LIMIT) || twos > 900 || twos < -900) return NaN;
  const q = roundProductRatio(a, b, d);
  if (Number.isNaN(q)) return NaN;
  // Scaling by a power of two is exact while the result stays a normal double.
  const scaled = twos >= 0 ? q * INVERSE_POW2[twos] : q * POW2[-twos];
  if (scaled !== 0 && !(scaled > 2.2250738585072014e-308 && scaled < 1.7976931348623157e308)) return NaN;
  return negative ? -scaled : scaled;
}

/** The scaled integer of x (x = m / 10^s), or null when x is outside the fast path. */
export function scaledIntegerOf(x: number): ScaledInteger | null {
  const s = decimalScale(x);
  return s < 0 ? null : { m: scratch[0], s };
}

/** amount x toIndex / fromIndex, exactly, as the nearest double (fromIndex > 0). */
export function exactRescale(amount: number, toIndex: number, fromIndex: number): number {
  const ts = decimalScale(toIndex);
  const tm = scratch[0];
  const fs = decimalScale(fromIndex);
  const fm = scratch[0];
  return exactRescaleScaled(amount, toIndex, tm, ts, fromIndex, fm, fs);
}

/**
 * exactRescale with the indices' scaled integers already known (a series prepares them once):
 * toIndex = tm / 10^ts and fromIndex = fm / 10^fs, with a scale of -1 for an index outside the fast path.
 */
export function exactRescaleScaled(
  amount: number,
  toIndex: number,
  tm: number,
  ts: number,
  fromIndex: number,
  fm: number,
  fs: number,
): number {
  if (amount === 0) return 0;
  const as = decimalScale(amount);
  const am = scratch[0];
  if (as >= 0 && ts >= 0 && fs >= 0) {
    // value = am x tm x 10^x / fm, and 10^x = 5^x x 2^x.
    const x = fs - ts - as;
    const fives = x >= 0 ? x : -x;
    if (fives <= MAX_FIVES) {
      const b = x >= 0 ? tm * POW5[fives] : tm;
      const d = x >= 0 ? fm : fm * POW5[fives];
      if (b < EXACT_LIMIT) {
        const result = scaledProductRatio(am < 0 ? -am : am, b, d, -x, am < 0);
        if (!Number.isNaN(result)) return result;
      }
    }
  }
  return ratioToDouble(new ExactDecimal(amount).times(new ExactDecimal(toIndex)), new ExactDecimal(fromIndex));
}

/*
 * (1 + rate)^years - 1 = growth / (2^twos x 5^fives) for each (rate, years) recently used. A register
 * uses a handful of rates, so a small direct-mapped cache saves the reduction on almost every call.
 */
const GROWTH_SLOTS = 64;
const growthRate = new Float64Array(GROWTH_SLOTS).fill(NaN);
const growthYears = new Int32Array(GROWTH_SLOTS);
/** NaN when the growth factor does not fit the fast path. */
const growthNumerator = new Float64Array(GROWTH_SLOTS);
const growthTwos = new Int32Array(GROWTH_SLOTS);
const growthFives = new Int32Array(GROWTH_SLOTS);

function growthSlot(rate: number, years: number): number {
  const slot = (((rate * 65536) | 0) * 31 + years) & (GROWTH_SLOTS - 1);
  if (growthRate[slot] === rate && growthYears[slot] === years) return slot;
  growthRate[slot] = rate;
  growthYears[slot] = years;
  growthNumerator[slot] = NaN;
  const rs = decimalScale(rate);
  const rm = scratch[0];
  if (rs < 0) return slot;
  // 1 + rate = base / (2^twos x 5^fives) in lowest terms.
  let base = POW10[rs] + rm;
  let twos = rs;
  let fives = rs;
  while (twos > 0 && base % 2 === 0) {
    base /= 2;
    twos--;
  }
  while (fives > 0 && base % 5 === 0) {
    base /= 5;
    fives--;
  }
  const denominator = POW2[twos] * POW5[fives];
  let basePower = 1;
  let denominatorPower = 1;
  for (let k = 0; k < years && basePower < EXACT_LIMIT; k++) {
    basePower *= base;
    denominatorPower *= denominator;
  }
  if (basePower < EXACT_LIMIT) {
    growthNumerator[slot] = basePower - denominatorPower;
    growthTwos[slot] = twos * years;
    growthFives[slot] = fives * years;
  }
  return slot;
}

/** baseline x ((1 + rate)^years - 1), exactly, as the nearest double (baseline >= 0, 0 <= rate < 1, years 0..100). */
export function exactCompoundTarget(baseline: number, rate: number, years: number): number {
  if (years === 0 || rate === 0 || baseline === 0) return 0;
  const bs = decimalScale(baseline);
  const bm = scratch[0];
  if (bs >= 0) {
    const slot = growthSlot(rate, years);
    let growth = growthNumerator[slot];
    if (!Number.isNaN(growth)) {
      // The baseline's decimal places add 10^bs = 2^bs x 5^bs to the denominator.
      let totalFives = growthFives[slot] + bs;
      while (totalFives > MAX_FIVES && growth % 5 === 0) {
        growth /= 5;
        totalFives--;
      }
      if (totalFives <= MAX_FIVES) {
        const result = scaledProductRatio(bm, growth, POW5[totalFives], growthTwos[slot] + bs, false);
        if (!Number.isNaN(result)) return result;
      }
    }
  }
  const growth = new ExactDecimal(rate).plus(1).toPower(years).minus(1);
  return decimalToDouble(new ExactDecimal(baseline).times(growth));
}

/** baseline x rate x years, exactly, as the nearest double (baseline >= 0, rate >= 0). */
export function exactSimpleTarget(baseline: number, rate: number, years: number): number {
  if (years === 0 || rate === 0 || baseline === 0) return 0;
  const bs = decimalScale(baseline);
  const bm = scratch[0];
  if (bs >= 0) {
    const rs = decimalScale(rate);
    const rm = scratch[0];
    const scale = bs + rs;
    const b = rm * years;
    if (rs >= 0 && scale <= MAX_FIVES && b < EXACT_LIMIT) {
      const result = scaledProductRatio(bm, b, POW5[scale], scale, false);
      if (!Number.isNaN(result)) return result;
    }
  }
  return decimalToDouble(new ExactDecimal(baseline).times(new ExactDecimal(rate)).times(years));
}

/** The exact sum of finite numbers as the nearest double. Non-finite inputs give the float sum (NaN or +-Infinity). */
export function sumExact(values: readonly number[]): number {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) return values.reduce((total, v) => total + v, 0);
  }
  return exactToDouble(exactSum(values));
}

/** |a - b| <= tolerance, decided on the exact decimals (no binary rounding error). */
export function moneyEqual(a: number, b: number, tolerance: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b) || Number.isNaN(tolerance)) return false;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  if (!Number.isFinite(tolerance)) return tolerance > 0;
  const as = decimalScale(a);
  const am = scratch[0];
  if (as >= 0) {
    const bs = decimalScale(b);
    const bm = scratch[0];
    if (bs >= 0) {
      const ts = decimalScale(tolerance);
      const tm = scratch[0];
      if (ts >= 0) {
        const scale = Math.max(as, bs, ts);
        const x = am * POW10[scale - as];
        const y = bm * POW10[scale - bs];
        const right = tm * POW10[scale - ts];
        if (
          x < HALF_EXACT_LIMIT &&
          x > -HALF_EXACT_LIMIT &&
          y < HALF_EXACT_LIMIT &&
          y > -HALF_EXACT_LIMIT &&
          right < EXACT_LIMIT &&
          right > -EXACT_LIMIT
        ) {
          return Math.abs(x - y) <= right;
        }
      }
    }
  }
  return new ExactDecimal(a).minus(new ExactDecimal(b)).abs().lessThanOrEqualTo(new ExactDecimal(tolerance));
}
