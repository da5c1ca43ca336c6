/** Property-based tests of issue 2 (fast-check). */
import fc from "fast-check";
import { HMT_2026_03, deflate, moneyEqual, netGain, parseFinancialYear, sumExact, target } from "../../../src/core/calc";

const years = HMT_2026_03.points.map((point) => point.startYear);
const money = fc.integer({ min: -100_000_000_000, max: 100_000_000_000 }).map((p) => p / 100);

test("DEFLATE round trip for every pair of years in the shipped series", () => {
  const amounts = [1413.72, 15246000000, -250000.5];
  for (const a of years) {
    for (const b of years) {
      for (const x of amounts) {
        const there = deflate(x, a, b);
        if (!there.ok) throw new Error(there.message);
        const back = deflate(there.value, b, a);
        if (!back.ok) throw new Error(back.message);
        expect(Math.abs(back.value - x)).toBeLessThanOrEqual(Math.abs(x) * 1e-9);
      }
    }
  }
  fc.assert(
    fc.property(money, fc.constantFrom(...years), fc.constantFrom(...years), (x, a, b) => {
      const there = deflate(x, a, b);
      const back = there.ok ? deflate(there.value, b, a) : there;
      expect(back.ok && Math.abs(back.value - x) <= Math.abs(x) * 1e-9).toBe(true);
    }),
    { numRuns: 300 },
  );
});

test("TARGET compound >= simple for rate > 0 and years >= 1", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 1e12 }).map((p) => p / 100),
      fc.integer({ min: 1, max: 99_999 }).map((r) => r / 100_000),
      fc.integer({ min: 1, max: 30 }),
      (baseline, rate, n) => {
        const compound = target(baseline, rate, n);
        const simple = target(baseline, rate, n, "simple");
        expect(compound.ok && simple.ok).toBe(true);
        if (compound.ok && simple.ok) expect(compound.value).toBeGreaterThanOrEqual(simple.value);
      },
    ),
    { numRuns: 300 },
  );
});

test("NETGAIN is linear in gross and in costs", () => {
  const deliverability = fc.integer({ min: 0, max: 100 }).map((d) => d / 100);
  fc.assert(
    fc.property(money, money, money, money, deliverability, (g1, g2, c1, c2, d) => {
      const whole = netGain([[g1, g2]], [[c1], [c2]], d);
      const first = netGain(g1, c1, d);
      const second = netGain(g2, c2, d);
      if (!whole.ok || !first.ok || !second.ok) throw new Error("unexpected error");
      // Exact: the whole equals the exact sum of the parts.
      expect(whole.value).toBe(sumExact([first.value, second.value]));
      const doubled = netGain(2 * g1, 2 * c1, d);
      expect(doubled.ok && doubled.value).toBe(2 * first.value);
      expect(moneyEqual(whole.value, first.value + second.value, 0.005)).toBe(true);
    }),
    { numRuns: 300 },
  );
});

/** Anything a spreadsheet, a command line or a careless caller might pass. */
const wild = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, 1e308, -1e308, 5e-324, 0, -0, 3, 0.03, 2008, 39600, 3000, 3001, 2958466),
  fc.constantFrom("", " ", "3%", "2008-09", "2008/2009", "Green", "simple", "#DIV/0!", "1e400", "-", "%", "1,200"),
  fc.constantFrom([], [[]], [[null]], [[1, "x"]], [[1e308, 1e308]], [[[[1]]]], [[{ code: "#N/A" }]]),
  fc.array(fc.array(fc.oneof(fc.double(), fc.string(), fc.constant(null), fc.boolean()), { maxLength: 3 }), { maxLength: 3 }),
);

test("no input makes any function throw or return a non-finite or denormal number", () => {
  fc.assert(
    fc.property(wild, wild, wild, wild, (a, b, c, d) => {
      const results = [
        target(a, b, c, d),
        target(a, 0.03, 3),
        netGain(a, b, c),
        netGain(a),
        deflate(a, b, c, d),
        deflate(1, a, b),
        deflate(1, 2008, 2010, a),
      ];
      for (const result of results) {
        if (result.ok) {
          expect(Number.isFinite(result.value)).toBe(true);
          // Never a denormal: Excel holds nothing between 0 and about 2.2E-308.
          expect(result.value === 0 || Math.abs(result.value) >= 2.2250738585072014e-308).toBe(true);
        } else {
          expect(["#VALUE!", "#NUM!", "#N/A"]).toContain(result.kind);
          expect(result.message.length).toBeGreaterThan(10);
          expect(result.message).not.toMatch(/\n|undefined|\[object/);
        }
      }
      const year = parseFinancialYear(a);
      expect(year.ok ? Number.isInteger(year.startYear) : year.kind === "#VALUE!").toBe(true);
    }),
    { numRuns: 800 },
  );
});
