/** The exact arithmetic against the independent BigInt reference, on the fast path and off it. */
import fc from "fast-check";
import { deflate, formatPlainDecimal, moneyEqual, netGain, sumExact, target } from "../../../src/core/calc";
import { exactCompoundTarget, exactNetGain, exactRescale, exactSimpleTarget } from "../../../src/core/calc/exact";
import { referenceDeflate, referenceNetGain, referenceSum, referenceTarget, roundToDouble } from "./exactReference";

/** Money as registers hold it: whole pounds or pence, up to £10bn. */
const pence = fc.integer({ min: 0, max: 1_000_000_000_000 }).map((p) => p / 100);
const signedPence = fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }).map((p) => p / 100);
/** Rates with up to 5 decimal places below 100%, and percentages. */
const rate = fc.oneof(
  fc.integer({ min: 0, max: 99_999 }).map((r) => r / 100_000),
  fc.constantFrom(0.03, 0.025, 0.0325, 0.01, 0.035),
);
const fraction = fc.oneof(
  fc.integer({ min: 0, max: 100 }).map((d) => d / 100),
  fc.integer({ min: 0, max: 10_000 }).map((d) => d / 10_000),
);
const index = fc.integer({ min: 1, max: 99_999_999 }).map((i) => i / 10_000);
/** Any finite double, to reach the decimal.js path. */
const anyDouble = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 });

describe("the reference itself", () => {
  test("rounds ties to even and handles the extremes", () => {
    expect(roundToDouble({ n: 1n, d: 10n })).toBe(0.1);
    expect(roundToDouble({ n: 2n ** 53n + 1n, d: 1n })).toBe(2 ** 53);
    expect(roundToDouble({ n: 2n ** 53n + 3n, d: 1n })).toBe(2 ** 53 + 4);
    expect(roundToDouble({ n: 1n, d: 2n ** 1074n })).toBe(5e-324);
    expect(roundToDouble({ n: 2n ** 1024n, d: 1n })).toBe(Infinity);
    expect(roundToDouble({ n: -1n, d: 3n })).toBe(-1 / 3);
  });
});

describe("every result equals the correctly rounded exact result", () => {
  test("NETGAIN on realistic money", () => {
    fc.assert(
      fc.property(fc.array(signedPence, { minLength: 1, maxLength: 4 }), fc.array(pence, { maxLength: 3 }), fraction, (gross, costs, d) => {
        const result = netGain([gross], [costs], d);
        expect(result.ok && result.value).toBe(referenceNetGain(gross, costs, d));
        expect(exactNetGain(gross[0], d, costs[0] ?? 0)).toBe(referenceNetGain([gross[0]], costs.slice(0, 1), d));
      }),
      { numRuns: 400 },
    );
  });

  test("DEFLATE on realistic money and 4-place indices", () => {
    fc.assert(
      fc.property(signedPence, index, index, (amount, to, from) => {
        expect(exactRescale(amount, to, from)).toBe(referenceDeflate(amount, to, from));
      }),
      { numRuns: 1000 },
    );
  });

  test("TARGET compound and simple on realistic money", () => {
    fc.assert(
      fc.property(pence, rate, fc.integer({ min: 0, max: 12 }), (baseline, r, years) => {
        expect(exactCompoundTarget(baseline, r, years)).toBe(referenceTarget(baseline, r, years));
        expect(exactSimpleTarget(baseline, r, years)).toBe(referenceTarget(baseline, r, years, "simple"));
      }),
      { numRuns: 600 },
    );
  });

  test("any finite doubles (the decimal.js path)", () => {
    fc.assert(
      fc.property(anyDouble, anyDouble, anyDouble, (a, b, c) => {
        expect(exactNetGain(a, Math.abs(b) % 1, c)).toBe(referenceNetGain([a], [c], Math.abs(b) % 1));
        const to = Math.abs(b) || 1;
        const from = Math.abs(c) || 1;
        expect(exactRescale(a, to, from)).toBe(referenceDeflate(a, to, from));
      }),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e12, noNaN: true }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        fc.integer({ min: 0, max: 6 }),
        (baseline, r, years) => {
          expect(exactCompoundTarget(baseline, r, years)).toBe(referenceTarget(baseline, r, years));
          expect(exactSimpleTarget(baseline, r, years)).toBe(referenceTarget(baseline, r, years, "simple"));
        },
      ),
      { numRuns: 150 },
    );
  });

  test("products far beyond 2^53 divided by large integers (the correction step of the fast path)", () => {
    const big = (max: bigint) => fc.bigInt({ min: 1n, max }).map(Number);
    fc.assert(
      fc.property(big(2n ** 51n - 1n), big(2n ** 51n - 1n), big(2n ** 50n - 1n), fc.boolean(), (a, b, d, negative) => {
        const amount = negative ? -a : a;
        expect(exactRescale(amount, b, d)).toBe(referenceDeflate(amount, b, d));
      }),
      { numRuns: 1000 },
    );
  });

  test("hand-picked hard cases", () => {
    const cases: Array<[number, number, number]> = [
      [0.1, 3, 7],
      [12345678.91, 103.2388, 59.7172],
      [99999999.99, 113.6416, 54.3697],
      [-0.01, 1, 3],
      [2 ** 51, 1.5, 1.1],
      [1e-7, 66.8397, 100],
      [123456789012.34, 99.9999, 0.0001],
    ];
    for (const [a, to, from] of cases) expect(exactRescale(a, to, from)).toBe(referenceDeflate(a, to, from));
    // Exact ties between two doubles, with a x b beyond 2^53: ties go to the even neighbour.
    expect(exactRescale(7, 1930114126015927, 4)).toBe(3 * 2 ** 50); // 3 x 2^50 + 0.25
    expect(exactRescale(3, 2 ** 52 + 1, 4)).toBe(3 * 2 ** 50 + 1); // 3 x 2^50 + 0.75
    expect(exactRescale(264949, 50993960657, 4)).toBe(3 * 2 ** 50 + 1); // 3 x 2^50 + 1.25
    expect(exactRescale(-3, 2 ** 52 + 1, 4)).toBe(-(3 * 2 ** 50 + 1));
    expect(exactCompoundTarget(15246123.45, 0.0325, 5)).toBe(referenceTarget(15246123.45, 0.0325, 5));
    expect(exactCompoundTarget(99999999999.99, 0.12345, 12)).toBe(referenceTarget(99999999999.99, 0.12345, 12));
    expect(exactCompoundTarget(1, 1e-7, 100)).toBe(referenceTarget(1, 1e-7, 100));
    expect(exactSimpleTarget(1e15, 0.99999, 100)).toBe(referenceTarget(1e15, 0.99999, 100, "simple"));
  });

  test("through the public functions", () => {
    expect(target(15246123.45, "3.25%", 5)).toMatchObject({ ok: true, value: referenceTarget(15246123.45, 0.0325, 5) });
    expect(deflate(12345678.91, "2004-05", "2030-31")).toMatchObject({ ok: true, value: referenceDeflate(12345678.91, 113.6416, 59.7172) });
  });
});

describe("sumExact and moneyEqual", () => {
  test("sums are exact decimals", () => {
    expect(sumExact([0.1, 0.2])).toBe(0.3);
    expect(sumExact([])).toBe(0);
    expect(sumExact(Array.from({ length: 1000 }, () => 0.01))).toBe(10);
    expect(sumExact([1e300, 1e-300, -1e300])).toBe(1e-300);
    expect(Number.isNaN(sumExact([1, NaN]))).toBe(true);
    fc.assert(
      fc.property(fc.array(fc.oneof(signedPence, anyDouble), { maxLength: 20 }), (values) => {
        expect(sumExact(values)).toBe(referenceSum(values));
      }),
      { numRuns: 300 },
    );
  });

  test("long sums off the fast path (17-digit shares of pence, tiny and huge values) stay exact", () => {
    // What a register's risk-adjusted profile values look like: pence rescaled by a ratio.
    const share = fc.tuple(signedPence, fc.integer({ min: 1, max: 999 })).map(([p, k]) => p * (k / 1000));
    const extreme = fc.constantFrom(5e-324, -2.2250738585072014e-308, 1e21, -1.7976931348623157e308, 1e-7, 123456789012345680000);
    fc.assert(
      fc.property(fc.array(fc.oneof(signedPence, share, anyDouble, extreme), { minLength: 30, maxLength: 200 }), (values) => {
        expect(sumExact(values)).toBe(referenceSum(values));
      }),
      { numRuns: 100 },
    );
    expect(sumExact([0.01, 1234.5678901234567, -0.01, -1234.5678901234567])).toBe(0);
    expect(Object.is(sumExact([-0.5, 0.5]), 0)).toBe(true);
  });

  test("moneyEqual compares the exact difference with the tolerance", () => {
    expect(moneyEqual(0.1 + 0.2, 0.3, 0)).toBe(false);
    expect(moneyEqual(0.3, 0.3, 0)).toBe(true);
    expect(moneyEqual(1.005, 1, 0.005)).toBe(true);
    expect(moneyEqual(1.0051, 1, 0.005)).toBe(false);
    expect(moneyEqual(100, 100.005, 0.005)).toBe(true);
    expect(moneyEqual(1e300, 1e300 + 1e285, 1)).toBe(false);
    expect(moneyEqual(NaN, NaN, 1)).toBe(false);
    expect(moneyEqual(Infinity, Infinity, 0)).toBe(true);
  });
});

describe("formatPlainDecimal", () => {
  test.each([
    [1413.715842, "1413.715842"],
    [0.092727, "0.092727"],
    [1e21, "1000000000000000000000"],
    [1.5e-7, "0.00000015"],
    [-2.5e-10, "-0.00000000025"],
    [123456789012345680000, "123456789012345680000"],
    [0, "0"],
    [-0, "0"],
  ])("%p -> %s", (value, text) => {
    expect(formatPlainDecimal(value)).toBe(text);
    expect(Number(formatPlainDecimal(value))).toBe(value === 0 ? 0 : value);
  });
});
