import * as rules from "../../../src/core/validate/rules/measurable";
import { clean, cleanWith } from "./fixtures";
import { ruleTester } from "./rule-tester";
import { date, fmt } from "../../support/model-builder";

/** Every baseline line (Baseline!C2:C11) set to one amount. */
function baselineOf(amount: number) {
  return cleanWith(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`Baseline!C${i + 2}`, amount])));
}

const TARGET = { rate: "3%", method: "compound", years: "3" };

ruleTester(rules.targetNotMeasurable, {
  valid: [
    { name: "clean register", model: clean() },
    { name: "a large but measurable baseline", model: baselineOf(1e300) },
    { name: "a baseline of a few pence gives a target of at least half a penny", model: baselineOf(0.02) },
  ],
  invalid: [
    {
      name: "baseline lines of 1E+308 add up to more than Excel holds",
      model: baselineOf(1e308),
      errors: [{ sheet: "Baseline", cell: "C2:C11", messageId: "baselineOverflow", data: { column: '"Amount"' } }],
    },
    {
      name: "a sum of finite lines beyond Excel's largest number",
      model: baselineOf(1e307),
      errors: [{ sheet: "Baseline", cell: "C2:C11", messageId: "baselineOverflow", data: { column: '"Amount"' } }],
    },
    {
      name: "baseline lines of 1E-300 give a target of a fraction of a penny",
      model: baselineOf(1e-300),
      errors: [
        {
          sheet: "Baseline",
          cell: "C2:C11",
          messageId: "targetUnderflow",
          message: "less than half a penny",
          data: { ...TARGET, baseline: "£1E-299", target: "£9.273E-301", column: '"Amount"' },
        },
      ],
    },
    {
      name: "a baseline whose target underflows to 0",
      model: baselineOf(1e-320),
      errors: [
        {
          sheet: "Baseline",
          cell: "C2:C11",
          messageId: "targetUnderflow",
          data: { ...TARGET, baseline: "£1E-319", target: "£0", column: '"Amount"' },
        },
      ],
    },
    {
      name: "a target rate of 0% gives a target of 0",
      model: clean(),
      options: { settings: { targetRate: 0 } },
      errors: [{ sheet: "Baseline", cell: "C2:C11", messageId: "targetZero", data: { baseline: "£138,898,574", rate: "0%", years: "3" } }],
    },
    {
      name: "gross gains of 1E+308 overflow the register's totals (net and risk-adjusted are worked out from them)",
      model: cleanWith({ "Gains!I2": 1e308, "Gains!I3": 1e308 }),
      errors: [
        { sheet: "Gains", cell: "I2:I6", messageId: "registerOverflow", data: { column: '"Gross gain"' } },
        { sheet: "Gains", cell: "K2:K6", messageId: "registerOverflow", data: { column: '"Net gain"' } },
        { sheet: "Gains", cell: "M2:M6", messageId: "registerOverflow", data: { column: '"Risk-adjusted gain"' } },
      ],
    },
  ],
});

ruleTester(rules.impossibleDate, {
  valid: [
    { name: "clean register", model: clean() },
    {
      name: "real days, leap days and text that is not a date",
      model: cleanWith({
        "Milestones!C2": "29/02/2024",
        "Milestones!C3": "2026-02-28",
        "Milestones!C4": "soon",
        "Gains!S2": date("2009-12-01"),
      }),
    },
  ],
  invalid: [
    {
      name: "days the calendar does not have, never shifted",
      model: cleanWith({
        "Milestones!C2": "2026-02-31",
        "Milestones!C3": "31/04/2026",
        "Quarterly!A3": "2009-13-01",
        "Quarterly!H2": fmt(60, "dd/mm/yyyy"),
      }),
      errors: [
        {
          sheet: "Milestones",
          cell: "C2",
          messageId: "impossible",
          message: "not a day the calendar has (February 2026 has 28 days)",
          data: { table: "Milestones", column: '"Due"', text: '"2026-02-31"', reason: "February 2026 has 28 days" },
        },
        {
          sheet: "Milestones",
          cell: "C3",
          messageId: "impossible",
          data: { table: "Milestones", column: '"Due"', text: '"31/04/2026"', reason: "April 2026 has 30 days" },
        },
        {
          sheet: "Quarterly",
          cell: "H2",
          messageId: "impossible",
          data: { table: "Quarterly", column: '"Board date"', text: '"29/02/1900"', reason: "February 1900 has 28 days" },
        },
        {
          sheet: "Quarterly",
          cell: "A3",
          messageId: "impossible",
          data: { table: "Quarterly", column: '"Quarter"', text: '"2009-13-01"', reason: "there is no month 13" },
        },
      ],
    },
    {
      name: "dates outside Excel's range, as text and as a date-formatted serial",
      model: cleanWith({ "Gains!S2": "+275760-09-14", "Publication!B2": fmt(3e6, "dd/mm/yyyy"), "Milestones!C2": "0001-01-01" }),
      errors: [
        {
          sheet: "Gains",
          cell: "S2",
          messageId: "outOfRange",
          data: {
            table: "Gains",
            column: '"Risk reviewed"',
            text: '"+275760-09-14"',
            reason: "outside the dates Excel can hold (1 January 1900 to 31 December 9999)",
          },
        },
        {
          sheet: "Milestones",
          cell: "C2",
          messageId: "outOfRange",
          data: {
            table: "Milestones",
            column: '"Due"',
            text: '"0001-01-01"',
            reason: "outside the dates Excel can hold (1 January 1900 to 31 December 9999)",
          },
        },
        {
          sheet: "Publication",
          cell: "B2",
          messageId: "outOfRange",
          data: {
            table: "Publication",
            column: '"Published"',
            text: '"3000000"',
            reason: "outside the dates Excel can hold (1 January 1900 to 31 December 9999), as a date serial number",
          },
        },
      ],
    },
  ],
});
