import {
  financialYearOf,
  minusMonths,
  parseDateText,
  parseQuarter,
  quarterEnd,
  quarterLabel,
  serialToIso,
} from "../../../src/core/validate/dates";
import { serial } from "../../support/model-builder";

describe("dates and quarters", () => {
  it("reads quarter labels in every accepted form", () => {
    const q = (value: string | number) => {
      const parsed = parseQuarter({ value }, false);
      return parsed ? quarterLabel(parsed) : null;
    };
    expect(q("Q1 2008-09")).toBe("Q1 2008-09");
    expect(q("2008-09 Q1")).toBe("Q1 2008-09");
    expect(q("Q3 2009/10")).toBe("Q3 2009-10");
    expect(q("q4 FY2009-10")).toBe("Q4 2009-10");
    expect(q(serial("2009-12-31"))).toBe("Q3 2009-10");
    expect(q("31/03/2010")).toBe("Q4 2009-10");
    expect(q("Quarter 2 2008-09")).toBe("Q2 2008-09");
    expect(q("2008/09 quarter 4")).toBe("Q4 2008-09");
    expect(q("Q5 2008-09")).toBeNull();
    expect(q("Q1 2008")).toBeNull();
    expect(q("Second quarter")).toBeNull();
  });

  it("gives quarter-end dates of financial-year quarters", () => {
    expect(quarterEnd({ startYear: 2008, quarter: 1 })).toBe("2008-06-30");
    expect(quarterEnd({ startYear: 2008, quarter: 4 })).toBe("2009-03-31");
  });

  it("reads financial years through the calculation core", () => {
    expect(financialYearOf("2008-09")).toBe(2008);
    expect(financialYearOf("2008/09")).toBe(2008);
    expect(financialYearOf("FY2008-09")).toBe(2008);
    expect(financialYearOf("2008-2009")).toBe(2008);
    expect(financialYearOf(2008)).toBe(2008);
    expect(financialYearOf(39813)).toBeNull();
    expect(financialYearOf("2008-10")).toBeNull();
    expect(financialYearOf("Amount")).toBeNull();
  });

  it("reads dates and subtracts months", () => {
    expect(serialToIso(serial("2009-12-31"), false)).toBe("2009-12-31");
    expect(serialToIso(serial("2009-12-31", true), true)).toBe("2009-12-31");
    expect(parseDateText("31 December 2009")).toBe("2009-12-31");
    expect(parseDateText("2009-02-30")).toBeNull();
    expect(minusMonths("2009-05-31", 3)).toBe("2009-02-28");
    expect(minusMonths("2009-01-15", 3)).toBe("2008-10-15");
  });
});
