import { formatFinancialYear, parseFinancialYear } from "../../../src/core/calc";

const start = (input: unknown, date1904 = false): number | string => {
  const parsed = parseFinancialYear(input, { date1904 });
  return parsed.ok ? parsed.startYear : parsed.kind;
};

test("the written forms all mean April 2008 to March 2009", () => {
  for (const form of ["2008-09", "2008/09", "2008-2009", "2008/2009", "2008", 2008, "2008\u201309", " 2008-09 "]) {
    expect(start(form)).toBe(2008);
  }
  expect(start("1999-00")).toBe(1999);
  expect(start("1999-2000")).toBe(1999);
  expect(start([[2008]])).toBe(2008);
});

test("Excel dates mean the financial year containing them; numbers above 3000 are dates", () => {
  expect(start(39539)).toBe(2008); // 1 April 2008
  expect(start(39538)).toBe(2007); // 31 March 2008
  expect(start(39538.75)).toBe(2007); // a time of day on 31 March 2008
  expect(start(3000)).toBe(3000); // a bare year
  expect(start(3001)).toBe(1907); // 19 March 1908
  expect(start(2958465)).toBe(9999); // 31 December 9999
  expect(start(2958466)).toBe("#VALUE!");
  expect(start(38077, true)).toBe(2008); // 1 April 2008 in the 1904 date system
});

test("anything else is #VALUE! naming the accepted forms", () => {
  for (const bad of ["2008-10", "2008/2010", "08-09", "FY2008", "", null, true, 1899, 2008.5, -2008, NaN, [[2008, 2009]], {}]) {
    const parsed = parseFinancialYear(bad);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.kind).toBe("#VALUE!");
      expect(parsed.message).toMatch(/financial year/);
    }
  }
});

test("formatFinancialYear", () => {
  expect(formatFinancialYear(2008)).toBe("2008-09");
  expect(formatFinancialYear(1999)).toBe("1999-00");
  expect(formatFinancialYear(2030)).toBe("2030-31");
});
