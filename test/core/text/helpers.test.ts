import { errorText, financialYearLabel, isAbortError, ragMappingText } from "../../../src/core/text";
import { isoToSerial, serialToIso } from "../../../src/core/workbook/iso-date";
import { formatFinancialYear } from "../../../src/core/calc";
import { formatFinancialYearLabel, isoToSerial as validateIsoToSerial } from "../../../src/core/validate/dates";
import {
  financialYearLabel as templateYearLabel,
  isoDateToSerial,
  ragMappingText as templateRagText,
} from "../../../src/core/template/spec";
import { isAbortError as officeIsAbortError } from "../../../src/adapters/office/errors";
import { formatRagMapping } from "../../../src/taskpane/settings-form";
import { isoToSerial as readerIsoToSerial } from "../../../src/adapters/xlsx/read/formats";

describe("ISO date <-> serial, both date systems", () => {
  const cases: ReadonlyArray<[string, number, number | null]> = [
    // ISO, 1900-system serial, 1904-system serial (null: before 1904-01-01)
    ["1900-01-01", 1, null],
    ["1900-02-28", 59, null],
    ["1900-03-01", 61, null],
    ["1904-01-01", 1462, 0],
    ["2009-12-31", 40178, 38716],
    ["2026-03-31", 46112, 44650],
    ["9999-12-31", 2958465, 2957003],
  ];
  test.each(cases)("%s", (iso, serial1900, serial1904) => {
    expect(isoToSerial(iso, false)).toBe(serial1900);
    expect(serialToIso(serial1900, false)).toBe(iso);
    expect(readerIsoToSerial(iso, false)).toBe(serial1900);
    if (serial1904 !== null) {
      expect(isoToSerial(iso, true)).toBe(serial1904);
      expect(serialToIso(serial1904, true)).toBe(iso);
      expect(readerIsoToSerial(iso, true)).toBe(serial1904);
    }
  });

  test("a time of day is dropped; days Excel does not have are null", () => {
    expect(serialToIso(40178.75, false)).toBe("2009-12-31");
    expect(serialToIso(60, false)).toBeNull(); // Excel's 29 February 1900
    expect(serialToIso(0, false)).toBeNull();
    expect(serialToIso(-1, true)).toBeNull();
    expect(serialToIso(2958466, false)).toBeNull();
    expect(serialToIso(2957004, true)).toBeNull();
    expect(serialToIso(Number.NaN, false)).toBeNull();
    expect(isoToSerial("31/12/2009")).toBeNaN();
  });

  test("the template and the validator use the same conversion", () => {
    expect(isoDateToSerial("2026-09-30")).toBe(isoToSerial("2026-09-30"));
    expect(validateIsoToSerial("2026-09-30", true)).toBe(isoToSerial("2026-09-30", true));
  });
});

test("financial-year labels: one helper under every name", () => {
  for (const label of [financialYearLabel, formatFinancialYear, formatFinancialYearLabel, templateYearLabel]) {
    expect(label(2008)).toBe("2008-09");
    expect(label(1999)).toBe("1999-00");
    expect(label(2030)).toBe("2030-31");
  }
});

test("RAG mapping text: the Settings form, the pane's form, prose", () => {
  const mapping = new Map([
    ["green", 1],
    ["amber", 0.5],
    ["red", 0],
  ]);
  expect(ragMappingText(mapping)).toBe("Green=1; Amber=0.5; Red=0");
  expect(templateRagText(mapping)).toBe("Green=1; Amber=0.5; Red=0");
  expect(formatRagMapping([...mapping])).toBe("Green 1, Amber 0.5, Red 0");
  expect(formatRagMapping([["green", 1 / 3]])).toBe("Green 0.333333");
  expect(ragMappingText([["g", 1 / 3]])).toBe(`G=${1 / 3}`);
  expect(ragMappingText(mapping, { between: "=", separator: ", " })).toBe("Green=1, Amber=0.5, Red=0");
});

test("abort detection and the text of anything thrown", () => {
  for (const isAbort of [isAbortError, officeIsAbortError]) {
    expect(isAbort(Object.assign(new Error("x"), { name: "AbortError" }))).toBe(true);
    expect(isAbort({ name: "AbortError" })).toBe(true);
    expect(isAbort(new Error("boom"))).toBe(false);
    expect(isAbort(null)).toBe(false);
    expect(isAbort("AbortError")).toBe(false);
  }
  expect(errorText(new Error("boom"))).toBe("boom");
  expect(errorText("plain")).toBe("plain");
  expect(errorText({ message: "office" })).toBe("office");
  expect(errorText(42)).toBe("");
});
