import {
  cellDateProblem,
  dateTextProblem,
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

describe("dates that name no day Excel can hold (never shifted)", () => {
  it("says what is wrong with a day the calendar does not have", () => {
    expect(dateTextProblem("2026-02-31")).toEqual({ kind: "impossible", text: "2026-02-31", reason: "February 2026 has 28 days" });
    expect(dateTextProblem("29/02/2023")?.reason).toBe("February 2023 has 28 days");
    expect(dateTextProblem("31 June 2026")?.reason).toBe("June 2026 has 30 days");
    expect(dateTextProblem("2026-13-01")?.reason).toBe("there is no month 13");
    expect(dateTextProblem("0/1/2026")?.reason).toBe("there is no day 0");
    expect(parseDateText("2026-02-31")).toBeNull();
  });

  it("says a year outside 1900-9999 is outside Excel's dates", () => {
    for (const text of ["+275760-09-14", "0001-01-01", "99999-01-01", "31/12/1899", "1 January 10000"])
      expect(dateTextProblem(text)?.kind).toBe("outOfRange");
  });

  it("finds nothing wrong with real days or with text that is not written as a date", () => {
    for (const text of ["2024-02-29", "29/02/2024", "1900-01-01", "9999-12-31", "soon", "Q1 2026-27", "2026-27", ""])
      expect(dateTextProblem(text)).toBeNull();
  });

  it("reads a date-formatted serial outside Excel's dates, and Excel's 29 February 1900, as problems", () => {
    expect(cellDateProblem({ value: 3e6, numFmt: "dd/mm/yyyy" }, false)?.kind).toBe("outOfRange");
    expect(cellDateProblem({ value: -5, numFmt: "dd/mm/yyyy" }, false)?.kind).toBe("outOfRange");
    expect(cellDateProblem({ value: 60, numFmt: "dd/mm/yyyy" }, false)).toMatchObject({ kind: "impossible", text: "29/02/1900" });
    expect(cellDateProblem({ value: 60, numFmt: "dd/mm/yyyy" }, true)).toBeNull();
    expect(cellDateProblem({ value: 3e6 }, false)).toBeNull();
    expect(cellDateProblem({ value: serial("2026-02-28"), numFmt: "dd/mm/yyyy" }, false)).toBeNull();
  });
});
