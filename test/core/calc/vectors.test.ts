/** methodology.md's test vectors and every error class, through the calculation core. */
import { CalcResult, DEFAULT_RAG_MAPPING, deflate, netGain, target } from "../../../src/core/calc";

function valueOf(result: CalcResult): number {
  if (!result.ok) throw new Error(`expected a value, got ${result.kind} ${result.message}`);
  return result.value;
}

function errorOf(result: CalcResult): { kind: string; message: string } {
  if (result.ok) throw new Error(`expected an error, got ${result.value}`);
  return { kind: result.kind, message: result.message };
}

describe("methodology.md test vectors", () => {
  test("TARGET(15246, 3%, 3) = 1413.715842 (Home Office CSR07, £1,414m)", () => {
    expect(valueOf(target(15246, 0.03, 3))).toBe(1413.715842);
    expect(valueOf(target(15246, "3%", 3))).toBe(1413.715842);
  });

  test("TARGET(1, 3%, 1..3) = 0.03, 0.0609, 0.092727", () => {
    expect(valueOf(target(1, 0.03, 1))).toBe(0.03);
    expect(valueOf(target(1, 0.03, 2))).toBe(0.0609);
    expect(valueOf(target(1, 0.03, 3))).toBe(0.092727);
  });

  test('TARGET(86000, 2.5%, 3, "simple") = 6450 (SR2004)', () => {
    expect(valueOf(target(86000, 0.025, 3, "simple"))).toBe(6450);
    expect(valueOf(target(86000, 0.025, 3, " Simple "))).toBe(6450);
  });

  test('DEFLATE(1, "2004-05", "2024-25") = 100 / 59.7172 with the shipped March 2026 series', () => {
    const result = deflate(1, "2004-05", "2024-25");
    expect(valueOf(result)).toBe(100 / 59.7172);
    expect(result).toMatchObject({ usesForecast: false, series: "HMT-2026-03" });
    expect(valueOf(result).toFixed(6)).toBe("1.674559");
  });
});

describe("defaults", () => {
  test("TARGET method defaults to compound; blank method is compound", () => {
    expect(valueOf(target(100, 0.1, 2))).toBe(21);
    expect(valueOf(target(100, 0.1, 2, null))).toBe(21);
    expect(valueOf(target(100, 0.1, 2, ""))).toBe(21);
    expect(valueOf(target(100, 0.1, 2, "simple"))).toBe(20);
  });

  test("NETGAIN costs default to 0 and deliverability to 1", () => {
    expect(valueOf(netGain(250000))).toBe(250000);
    expect(valueOf(netGain(250000, null, null))).toBe(250000);
    expect(valueOf(netGain(250000, 40000))).toBe(210000);
    expect(valueOf(netGain(250000, 40000, 0.9))).toBe(185000);
  });

  test("deliverability discounts the gross, not the costs", () => {
    expect(valueOf(netGain(100, 80, 0.5))).toBe(-30);
  });

  test("ranges are summed exactly; blanks count 0", () => {
    expect(
      valueOf(
        netGain([
          [0.1, 0.2, ""],
          [null, 0.3, undefined],
        ]),
      ),
    ).toBe(0.6);
    expect(valueOf(netGain([[100, 200]], [[10], [20]], 1))).toBe(270);
    expect(valueOf(netGain([[]]))).toBe(0);
    expect(valueOf(netGain([]))).toBe(0);
  });

  test("RAG words through the default mapping, and an overriding one", () => {
    expect(valueOf(netGain(100, 0, "Green"))).toBe(100);
    expect(valueOf(netGain(100, 0, " amber "))).toBe(50);
    expect(valueOf(netGain(100, 0, "RED"))).toBe(0);
    const cautious = new Map([
      ["green", 0.9],
      ["amber", 0.4],
      ["red", 0],
    ]);
    expect(valueOf(netGain(100, 0, "Amber", { ragMapping: cautious }))).toBe(40);
    expect(DEFAULT_RAG_MAPPING.get("amber")).toBe(0.5);
  });

  test("a deliverability percentage given as text", () => {
    expect(valueOf(netGain(200, 0, "90%"))).toBe(180);
  });

  test("DEFLATE accepts every year form and flags forecast years", () => {
    const reference = valueOf(deflate(1000, "2008-09", "2010-11"));
    for (const from of ["2008-09", "2008/09", "2008-2009", "2008/2009", 2008, "2008", " 2008-09 ", "2008\u201309", 39600]) {
      expect(valueOf(deflate(1000, from, 2010))).toBe(reference);
    }
    expect(deflate(1, "2024-25", "2025-26")).toMatchObject({ ok: true, usesForecast: true });
    expect(deflate(1, "2030-31", "2024-25")).toMatchObject({ ok: true, usesForecast: true });
    expect(deflate(1, "2023-24", "2024-25")).toMatchObject({ ok: true, usesForecast: false });
  });

  test("DEFLATE with a shipped series by name, or a two-column range", () => {
    expect(valueOf(deflate(1, "2004-05", "2024-25", "hmt-2026-03"))).toBe(100 / 59.7172);
    const range = [
      ["Financial year", "Index"],
      ["2008-09", 50],
      ["2009-10", ""],
      [2010, 100, true],
    ];
    expect(deflate(3, "2008-09", "2010-11", range)).toEqual({ ok: true, value: 6, usesForecast: true, series: "range" });
  });

  test("the cash-freeze recipe DEFLATE(X, A, B) - X", () => {
    const frozen = valueOf(deflate(1000000, "2008-09", "2010-11")) - 1000000;
    expect(frozen).toBeCloseTo((1000000 * 68.8561) / 66.8397 - 1000000, 6);
  });

  test("the Budget 2009 top-up recipe TARGET(b, 3%, 3) + b x 1% makes 10.3% (rounded)", () => {
    const b = 15246;
    const withTopUp = valueOf(target(b, 0.03, 3)) + valueOf(target(b, 0.01, 1));
    expect((withTopUp / b) * 100).toBeCloseTo(10.27, 2);
  });
});

describe("error classes", () => {
  test("#NUM!: rate of 1 or more says a typed 3 probably means 3%", () => {
    const error = errorOf(target(15246, 3, 3));
    expect(error.kind).toBe("#NUM!");
    expect(error.message).toMatch(/^rate must be a fraction such as 3% or 0\.03, not 3 /);
    expect(error.message).toContain("if you meant 3%");
    expect(errorOf(target(15246, 1, 3)).kind).toBe("#NUM!");
  });

  test.each([
    ["negative baseline", () => target(-1, 0.03, 3), /baseline must not be negative/],
    ["negative rate", () => target(1, -0.03, 3), /rate must not be negative/],
    ["negative years", () => target(1, 0.03, -1), /years must be a whole number/],
    ["fractional years", () => target(1, 0.03, 2.5), /years must be a whole number/],
    ["too many years", () => target(1, 0.03, 101), /from 0 to 100/],
    ["deliverability above 1", () => netGain(1, 0, 1.5), /deliverability must be between 0 and 1/],
    ["deliverability below 0", () => netGain(1, 0, -0.1), /deliverability must be between 0 and 1/],
    ["a RAG mapping outside [0, 1]", () => netGain(1, 0, "green", { ragMapping: new Map([["green", 2]]) }), /RAG mapping/],
    ["NaN", () => netGain(NaN), /finite number/],
    ["Infinity", () => target(Infinity, 0.03, 3), /finite number/],
    ["an overflowing result", () => target(1e308, 0.5, 100), /too large/],
    ["an overflowing sum", () => netGain([[1.7e308, 1.7e308]]), /too large/],
  ])("#NUM!: %s", (_name, call, message) => {
    const error = errorOf(call());
    expect(error.kind).toBe("#NUM!");
    expect(error.message).toMatch(message);
  });

  test.each([
    ["text baseline", () => target("lots", 0.03, 3), /baseline must be a number .*"lots"/],
    ["TRUE as a rate", () => target(1, true, 3), /rate must be a number, not TRUE/],
    ["an unknown method", () => target(1, 0.03, 3, "linear"), /method must be "compound" or "simple"/],
    ["text in a gross range", () => netGain([[100, "n/a"]]), /gross holds the text "n\/a"/],
    ["numbers stored as text in a range", () => netGain([[100, "200"]]), /text is never counted as 0/],
    ["an error value in a range", () => netGain([[100, { code: "#DIV/0!" }]]), /the error #DIV\/0!/],
    ["error text in a range", () => netGain([[100]], [[1, "#REF!"]]), /costs holds the error #REF!/],
    ["error text in a single cell", () => netGain([[100]], [["#REF!"]]), /costs is the error #REF!/],
    ["TRUE in a range", () => netGain([[1, true]]), /gross holds TRUE/],
    ["TRUE in a single cell", () => netGain([[true]]), /gross must be a number, not TRUE/],
    ["an unknown RAG word", () => netGain(1, 0, "Blue"), /Green, Amber or Red, not "Blue"/],
    ["a range for a single value", () => target([[1, 2]], 0.03, 3), /single value/],
    [
      "a bad year",
      () => deflate(1, "banana", 2010),
      /from_year must be a financial year such as "2008-09", "2008\/09", "2008-2009", 2008 or a date/,
    ],
    ["years that do not follow", () => deflate(1, "2008-10", 2010), /second year must be the year after the first/],
    ["a fractional year", () => deflate(1, 2008.5, 2010), /from_year must be a financial year/],
    ["a missing year", () => deflate(1, 2008, null), /to_year is missing/],
    ["an unknown series", () => deflate(1, 2008, 2010, "ONS-1999"), /shipped series \(HMT-2026-03\)/],
    [
      "a bad range",
      () =>
        deflate(1, 2008, 2010, [
          [2008, "x"],
          [2009, 2],
        ]),
      /deflators row 1: the index for 2008-09 is "x"/,
    ],
    [
      "a duplicated year",
      () =>
        deflate(1, 2008, 2010, [
          [2008, 1],
          ["2008-09", 2],
        ]),
      /gives 2008-09 twice \(rows 1 and 2\); give each financial year once/,
    ],
    [
      "thousands separators",
      () => netGain("1,200,000"),
      /not the text "1,200,000" \(leave out £ signs, spaces and thousands separators: 1200000\)/,
    ],
    ["a pound sign", () => target("£15,246", 0.03, 3), /\(leave out £ signs, spaces and thousands separators: 15246\)/],
    ["a typographic minus", () => netGain(100, "\u22125"), /type the minus sign as an ordinary hyphen/],
    [
      "a typographic minus with thousands separators",
      () => netGain("\u22121,200"),
      /thousands separators and use an ordinary hyphen for the minus sign: -1200\)/,
    ],
  ])("#VALUE!: %s", (_name, call, message) => {
    const error = errorOf(call());
    expect(error.kind).toBe("#VALUE!");
    expect(error.message).toMatch(message);
  });

  test("#N/A: a year missing from the series names the series and the year", () => {
    const error = errorOf(deflate(1, "2008-09", "2040-41"));
    expect(error.kind).toBe("#N/A");
    expect(error.message).toBe("the series HMT-2026-03 has no index for 2040-41; it covers 2000-01 to 2030-31");
    expect(errorOf(deflate(1, 1999, 2008)).message).toContain("1999-00");
    expect(
      errorOf(
        deflate(1, 2008, 2011, [
          [2008, 1],
          [2010, 2],
        ]),
      ).message,
    ).toBe("the deflators range has no index for 2011-12; it covers 2008-09 to 2010-11");
  });

  test("every message is one line", () => {
    for (const result of [target(1, 3, 3), netGain([["x"]]), deflate(1, 2008, 2050), deflate(1, "x", 1)]) {
      expect(errorOf(result).message).not.toMatch(/\n/);
    }
  });
});
