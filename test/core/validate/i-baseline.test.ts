import * as rules from "../../../src/core/validate/rules/i-baseline";
import { clean, cleanWith } from "./fixtures";
import { ruleTester } from "./rule-tester";
import { removeSheet, setCells } from "../../support/model-builder";

ruleTester(rules.baselinePresent, {
  valid: [{ name: "clean register", model: clean() }],
  invalid: [
    { name: "no Baseline table", model: removeSheet(clean(), "Baseline"), errors: [{ sheet: null, cell: null, message: "No Baseline table found" }] },
    {
      name: "no Line column",
      model: cleanWith({ "Baseline!A1": "Heading" }),
      errors: [{ sheet: "Baseline", cell: "B1:F1", message: 'no "Line" column' }],
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
        { sheet: "Baseline", cell: "C3", message: "has no amount" },
        { sheet: "Baseline", cell: "C4", message: '"lots", which is not a number' },
        { sheet: "Baseline", cell: "C5", message: "amount of 0" },
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
      errors: [{ sheet: "Baseline", cell: "B3", message: "is for 2008-09 but the Settings baseline year is 2007-08" }],
    },
    {
      name: "lines for different years and no Settings baseline year",
      model: cleanWith({ "Settings!A5": "Note", "Baseline!B3": "2008/09" }),
      errors: [{ sheet: "Baseline", cell: "A1:F1", message: "different years (2007-08, 2008-09)" }],
    },
    {
      name: "an unreadable year",
      model: cleanWith({ "Baseline!B4": "last year" }),
      errors: [{ sheet: "Baseline", cell: "B4", message: "cannot be read" }],
    },
  ],
});

ruleTester(rules.basisStated, {
  valid: [{ name: "clean register", model: clean() }, { name: "outturn", model: cleanWith({ "Baseline!D2": "Outturn" }) }],
  invalid: [
    {
      name: "blank and unknown basis",
      model: cleanWith({ "Baseline!D2": null, "Baseline!D3": "Estimate" }),
      errors: [
        { sheet: "Baseline", cell: "D2", severity: "warning" },
        { sheet: "Baseline", cell: "D3", message: "neither budget nor outturn" },
      ],
    },
  ],
});

ruleTester(rules.priceBaseStated, {
  valid: [{ name: "clean register", model: clean() }, { name: "2007/08 prices", model: cleanWith({ "Baseline!E2": "2007/08 prices" }) }],
  invalid: [
    { name: "blank price base", model: cleanWith({ "Baseline!E2": null }), errors: [{ sheet: "Baseline", cell: "E2", severity: "warning" }] },
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
        { sheet: "Baseline", cell: "A3", message: "looks like income" },
        { sheet: "Baseline", cell: "C5", message: "is negative (-1,200)" },
      ],
    },
  ],
});

ruleTester(rules.gainBaselineLine, {
  valid: [{ name: "clean register", model: clean() }, { name: "case and spaces differ", model: cleanWith({ "Gains!F2": "  police OFFICER pay " }) }],
  invalid: [
    {
      name: "unknown and blank baseline lines",
      model: setCells(clean(), { "Gains!F2": "Overtime", "Gains!F3": null }),
      errors: [
        { sheet: "Gains", cell: "F2", message: '"Overtime", which is not a line of the Baseline table' },
        { sheet: "Gains", cell: "F3", message: "names no baseline line" },
      ],
    },
  ],
});
