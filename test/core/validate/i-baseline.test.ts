import * as rules from "../../../src/core/validate/rules/i-baseline";
import { clean, cleanWith } from "./fixtures";
import { ruleTester } from "./rule-tester";
import { date, removeSheet, setCells } from "../../support/model-builder";

ruleTester(rules.baselinePresent, {
  valid: [{ name: "clean register", model: clean() }],
  invalid: [
    {
      name: "no Baseline table",
      model: removeSheet(clean(), "Baseline"),
      errors: [
        {
          sheet: null,
          cell: null,
          message: "No Baseline table found",
          messageId: "missingTable",
          data: {
            table: "Baseline",
            why: "principle (i) needs the baseline spend the gains are measured against",
            synonyms: "",
            headers: "Line, Year, Amount, Basis, Price base, Notes",
            search: expect.stringContaining("looked at"),
          },
        },
      ],
    },
    {
      name: "no Line column",
      model: cleanWith({ "Baseline!A1": "Heading" }),
      errors: [
        {
          sheet: "Baseline",
          cell: "B1:F1",
          message: 'no "Line" column',
          messageId: "missingColumn",
          data: {
            table: "Baseline",
            sheet: "Baseline",
            column: "Line",
            synonyms: ' (or "Item", "Description", "Baseline line")',
            why: "each baseline line needs a name",
          },
        },
      ],
    },
  ],
});

ruleTester(rules.baselineAmountPositive, {
  valid: [{ name: "clean register", model: clean() }],
  invalid: [
    {
      name: "blank, text and zero amounts",
      model: cleanWith({ "Baseline!C3": null, "Baseline!C4": "lots", "Baseline!C5": 0 }),
      errors: [
        { sheet: "Baseline", cell: "C3", message: "has no amount", messageId: "blank", data: { line: 'Baseline line "Police staff pay"' } },
        {
          sheet: "Baseline",
          cell: "C4",
          message: '"lots", which is not a number',
          messageId: "notNumber",
          data: { line: 'Baseline line "Overtime and allowances"', text: '"lots"' },
        },
        { sheet: "Baseline", cell: "C5", message: "amount of 0", messageId: "zero", data: { line: 'Baseline line "Premises"' } },
      ],
    },
  ],
});

ruleTester(rules.baselineYear, {
  valid: [
    { name: "clean register", model: clean() },
    { name: "years only on the lines (no Settings baseline year)", model: cleanWith({ "Settings!A5": "Note" }) },
  ],
  invalid: [
    {
      name: "a line for another year than the Settings baseline year",
      model: cleanWith({ "Baseline!B3": "2008-09" }),
      errors: [
        {
          sheet: "Baseline",
          cell: "B3",
          message: "is for 2008-09 but the Settings baseline year is 2007-08",
          messageId: "differsFromSettings",
          data: { line: 'Baseline line "Police staff pay"', year: "2008-09", expected: "2007-08" },
        },
      ],
    },
    {
      name: "lines for different years and no Settings baseline year",
      model: cleanWith({ "Settings!A5": "Note", "Baseline!B3": "2008/09" }),
      errors: [
        {
          sheet: "Baseline",
          cell: "A1:F1",
          message: "different years (2007-08, 2008-09)",
          messageId: "severalYears",
          data: { years: "2007-08, 2008-09" },
        },
      ],
    },
    {
      name: "an unreadable year",
      model: cleanWith({ "Baseline!B4": "last year" }),
      errors: [{ sheet: "Baseline", cell: "B4", message: "cannot be read", messageId: "unreadable", data: { text: '"last year"' } }],
    },
  ],
});

ruleTester(rules.basisStated, {
  valid: [
    { name: "clean register", model: clean() },
    { name: "outturn", model: cleanWith({ "Baseline!D2": "Outturn" }) },
  ],
  invalid: [
    {
      name: "blank and unknown basis",
      model: cleanWith({ "Baseline!D2": null, "Baseline!D3": "Estimate" }),
      errors: [
        {
          sheet: "Baseline",
          cell: "D2",
          severity: "warning",
          messageId: "notStated",
          data: { line: 'Baseline line "Police officer pay"' },
        },
        { sheet: "Baseline", cell: "D3", message: "neither Budget nor Outturn", messageId: "unreadable", data: { text: '"Estimate"' } },
      ],
    },
  ],
});

ruleTester(rules.priceBaseStated, {
  valid: [
    { name: "clean register", model: clean() },
    { name: "2007/08 prices", model: cleanWith({ "Baseline!E2": "2007/08 prices" }) },
  ],
  invalid: [
    {
      name: "blank price base",
      model: cleanWith({ "Baseline!E2": null }),
      errors: [
        {
          sheet: "Baseline",
          cell: "E2",
          severity: "warning",
          messageId: "notStated",
          data: { line: 'Baseline line "Police officer pay"' },
        },
      ],
    },
  ],
});

ruleTester(rules.noNetting, {
  valid: [
    { name: "clean register", model: clean() },
    { name: "a fees line with a note that nothing was netted off", model: cleanWith({ "Baseline!A3": "Licensing fees" }) },
  ],
  invalid: [
    {
      name: "an income line without a note, and a negative line",
      model: cleanWith({ "Baseline!A3": "Fees and charges income", "Baseline!F3": null, "Baseline!C5": -1200, "Baseline!F5": "" }),
      errors: [
        {
          sheet: "Baseline",
          cell: "A3",
          message: "looks like income",
          messageId: "incomeLine",
          data: { text: '"Fees and charges income"' },
        },
        {
          sheet: "Baseline",
          cell: "C5",
          message: "is negative (-£1,200)",
          messageId: "negative",
          data: { line: 'Baseline line "Premises"', amount: "-£1,200" },
        },
      ],
    },
  ],
});

ruleTester(rules.gainBaselineLine, {
  valid: [
    { name: "clean register", model: clean() },
    { name: "case and spaces differ", model: cleanWith({ "Gains!F2": "  police OFFICER pay " }) },
  ],
  invalid: [
    {
      name: "unknown and blank baseline lines",
      model: setCells(clean(), { "Gains!F2": "Overtime", "Gains!F3": null }),
      errors: [
        {
          sheet: "Gains",
          cell: "F2",
          message: '"Overtime", which is not a line of the Baseline table',
          messageId: "unknown",
          data: { gain: "Gain G1", text: '"Overtime"' },
        },
        { sheet: "Gains", cell: "F3", message: "names no baseline line", messageId: "blank", data: { gain: "Gain G2" } },
      ],
    },
  ],
});

ruleTester(rules.noNetting, {
  valid: [
    {
      name: "a note in brackets saying nothing was netted off",
      model: cleanWith({ "Baseline!A3": "Licensing fees", "Baseline!F3": "(gross: fees not netted off)" }),
    },
    {
      name: "a spend line whose name only contains a bracketed remark",
      model: cleanWith({ "Baseline!A3": "Custody (PFI contract)", "Baseline!F3": "" }),
    },
    {
      name: "capital receipts netted off a council's capital spend (SR2004)",
      model: cleanWith({ "Baseline!A3": "Less: capital receipts", "Baseline!C3": -300, "Baseline!F3": "" }),
    },
  ],
  invalid: [
    {
      name: "income named only inside brackets",
      model: cleanWith({ "Baseline!A3": "Car parks (net of fees income)", "Baseline!F3": "" }),
      errors: [
        {
          sheet: "Baseline",
          cell: "A3",
          message: 'Baseline line "Car parks (net of fees income)" looks like income',
          messageId: "incomeLine",
          data: { text: '"Car parks (net of fees income)"' },
        },
      ],
    },
    {
      name: "benefit and transfer payments",
      model: cleanWith({
        "Baseline!A3": "Housing benefit payments",
        "Baseline!F3": "",
        "Baseline!A4": "Transfer payments",
        "Baseline!F4": null,
      }),
      errors: [
        {
          sheet: "Baseline",
          cell: "A3",
          message: "looks like income",
          messageId: "incomeLine",
          data: { text: '"Housing benefit payments"' },
        },
        { sheet: "Baseline", cell: "A4", message: "looks like income", messageId: "incomeLine", data: { text: '"Transfer payments"' } },
      ],
    },
    {
      name: "a negative line is netting whatever its note says",
      model: cleanWith({ "Baseline!C5": -1200 }),
      errors: [
        {
          sheet: "Baseline",
          cell: "C5",
          message: "is negative (-£1,200)",
          messageId: "negative",
          data: { line: 'Baseline line "Premises"', amount: "-£1,200" },
        },
      ],
    },
  ],
});

/** A cell as Excel leaves it when "2007-08" is typed without a leading apostrophe: 1 August 2007. */
const typedYearBecameDate = () => date("2007-08-01");

ruleTester(rules.baselineYear, {
  valid: [
    {
      name: "years that Excel turned into dates",
      model: cleanWith({ "Baseline!B2": typedYearBecameDate(), "Baseline!B3": typedYearBecameDate() }),
    },
  ],
  invalid: [
    {
      name: "a date in another financial year",
      model: cleanWith({ "Baseline!B2": date("2008-09-01") }),
      errors: [
        {
          sheet: "Baseline",
          cell: "B2",
          message: 'Baseline line "Police officer pay" is for 2008-09 but the Settings baseline year is 2007-08.',
          messageId: "differsFromSettings",
          data: { line: 'Baseline line "Police officer pay"', year: "2008-09", expected: "2007-08" },
        },
      ],
    },
  ],
});

ruleTester(rules.priceBaseStated, {
  valid: [{ name: "a price base that Excel turned into a date", model: cleanWith({ "Baseline!E2": typedYearBecameDate() }) }],
  invalid: [
    {
      name: "a price base that is not a year",
      model: cleanWith({ "Baseline!E2": "real terms" }),
      errors: [
        {
          sheet: "Baseline",
          cell: "E2",
          message: "cannot be read as a financial year",
          messageId: "unreadable",
          data: { text: '"real terms"' },
        },
      ],
    },
  ],
});

ruleTester(rules.basisStated, {
  valid: [{ name: "clean register", model: clean() }],
  invalid: [
    {
      name: "the message names the line",
      model: cleanWith({ "Baseline!D3": null }),
      errors: [
        {
          sheet: "Baseline",
          cell: "D3",
          message: /^Baseline line "[^"]+" does not state its basis \(budget or outturn\)\.$/,
          messageId: "notStated",
          data: { line: 'Baseline line "Police staff pay"' },
        },
      ],
    },
  ],
});
