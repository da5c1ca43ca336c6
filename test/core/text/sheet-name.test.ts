import { formatCellRef, quoteSheetName, sheetNeedsQuotes } from "../../../src/core/text";
import { formatCellRef as reportFormatCellRef } from "../../../src/core/report";
import { quoteSheetName as officeQuoteSheetName } from "../../../src/adapters/office/address";
import { findingLocation } from "../../../src/taskpane/components/Findings";

// What Excel writes in a formula for each sheet name.
const EXCEL_WRITES: ReadonlyArray<[string, string]> = [
  ["Gains", "Gains"],
  ["Sheet1", "Sheet1"],
  ["_lookup", "_lookup"],
  ["Data.2024", "Data.2024"],
  ["Année", "Année"],
  ["Übersicht", "Übersicht"],
  ["Доходы", "Доходы"],
  ["My sheet", "'My sheet'"],
  ["Bob's", "'Bob''s'"],
  ["'quoted'", "'''quoted'''"],
  ["2024", "'2024'"],
  ["1st quarter", "'1st quarter'"],
  ["Q1", "'Q1'"],
  ["AB12", "'AB12'"],
  ["XFD1048576", "'XFD1048576'"],
  ["R1C1", "'R1C1'"],
  ["R", "'R'"],
  ["c", "'c'"],
  ["RC", "'RC'"],
  ["R12", "'R12'"],
  ["C3", "'C3'"],
  ["TRUE", "'TRUE'"],
  ["false", "'false'"],
  ["Savings Plan 2011-15", "'Savings Plan 2011-15'"],
  ["Budget(£)", "'Budget(£)'"],
  ["Q2 return 2012-13", "'Q2 return 2012-13'"],
  ["ABCD1", "ABCD1"],
  ["TRUEish", "TRUEish"],
];

test.each(EXCEL_WRITES)("%s is written %s", (name, written) => {
  expect(quoteSheetName(name)).toBe(written);
  expect(sheetNeedsQuotes(name)).toBe(written !== name);
});

test("the CLI, the pane and the Office adapter write every reference the same way", () => {
  for (const [name, written] of EXPECTED_REFS()) {
    expect(formatCellRef(name, "K7")).toBe(written);
    expect(reportFormatCellRef(name, "K7")).toBe(written);
    expect(`${officeQuoteSheetName(name)}!K7`).toBe(written);
    expect(findingLocation({ principle: "i", rule: "i.x", severity: "error", sheet: name, cell: "K7", message: "" })).toBe(written);
  }
});

function EXPECTED_REFS(): Array<[string, string]> {
  return EXCEL_WRITES.map(([name, written]) => [name, `${written}!K7`]);
}

test("a sheet without a cell, and no sheet", () => {
  expect(formatCellRef("My sheet", null)).toBe("'My sheet'");
  expect(formatCellRef(null, null)).toBe("");
});
