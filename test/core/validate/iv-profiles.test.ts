import * as rules from "../../../src/core/validate/rules/iv-profiles";
import { clean, cleanWith, knownGain } from "./fixtures";
import { ruleTester } from "./rule-tester";
import { date, removeSheet, setCells } from "../../support/model-builder";

ruleTester(rules.profilePresent, {
  valid: [{ name: "clean register", model: clean() }],
  invalid: [
    {
      name: "no Profile table",
      model: removeSheet(clean(), "Profile"),
      errors: [
        {
          sheet: null,
          cell: null,
          message: "No Profile table found",
          messageId: "missingTable",
          data: {
            table: "Profile",
            why: "each gain needs its profile by financial year",
            synonyms: ' (or "Phasing", "Trajectory by year")',
            headers: "ID and one column per financial year (e.g. 2008-09)",
            search: expect.stringContaining("looked at"),
          },
        },
      ],
    },
    {
      name: "a gain without a profile row",
      model: cleanWith({ "Profile!A3": "G99" }),
      errors: [
        { sheet: "Gains", cell: "A3", message: "Gain G2 has no row in the Profile table", messageId: "noRow", data: { gain: "Gain G2" } },
      ],
    },
  ],
});

ruleTester(rules.profileNumbers, {
  valid: [{ name: "clean register", model: clean() }],
  invalid: [
    {
      name: "text in a profile year",
      model: cleanWith({ "Profile!C2": "tbc" }),
      errors: [
        {
          sheet: "Profile",
          cell: "C2",
          message: '2009-10 value "tbc"',
          messageId: "notNumber",
          data: { year: "2009-10", value: '"tbc", which is not a number' },
        },
      ],
    },
  ],
});

ruleTester(rules.profileTargetYear, {
  valid: [
    { name: "clean register", model: clean() },
    { name: "profile 420 for net 420", model: setCells(knownGain(), { "Profile!D2": 420 }) },
  ],
  invalid: [
    {
      name: "profile 400 for net 420",
      model: setCells(knownGain(), { "Profile!D2": 400 }),
      errors: [
        {
          sheet: "Profile",
          cell: "D2",
          message: "Gain G1's profile for 2010-11 is £400 but its net gain in the register is £420.",
          messageId: "differs",
          data: { gain: "Gain G1", year: "2010-11", value: "£400", net: "£420" },
        },
      ],
    },
    {
      name: "no column for the target year",
      model: cleanWith({ "Profile!D1": "Notes" }),
      errors: [
        {
          sheet: "Profile",
          cell: "A1:F1",
          message: "no column for the target year 2010-11",
          messageId: "noTargetYear",
          data: { year: "2010-11" },
        },
      ],
    },
  ],
});

ruleTester(rules.ongoing, {
  valid: [
    { name: "clean register", model: clean() },
    {
      name: "first accrues in the last year the profile covers",
      model: cleanWith({ "Profile!B2": 0, "Profile!C2": 0, "Profile!D2": 0, "Profile!E2": 0, "Profile!F2": 50 }),
    },
    {
      name: "second year beyond the profile",
      model: cleanWith({ "Profile!B2": 0, "Profile!C2": 0, "Profile!D2": 0, "Profile!E2": 60, "Profile!F2": 50 }),
    },
  ],
  invalid: [
    {
      name: "a gain that stops in its second year",
      model: cleanWith({ "Profile!B2": -80, "Profile!C2": 300, "Profile!D2": 300, "Profile!E2": 0 }),
      errors: [
        {
          sheet: "Profile",
          cell: "E2",
          message: "first accrues in 2009-10 (£300) but is £0 in 2011-12",
          messageId: "stops",
          data: { gain: "Gain G1", firstYear: "2009-10", firstValue: "£300", value: "£0", year: "2011-12" },
        },
      ],
    },
    {
      name: "a gain that stops the year after it starts (blank)",
      model: cleanWith({ "Profile!B3": 100, "Profile!C3": null }),
      errors: [
        {
          sheet: "Profile",
          cell: "C3",
          message: "but is blank in 2009-10",
          messageId: "stops",
          data: { gain: "Gain G2", firstYear: "2008-09", firstValue: "£100", value: "blank", year: "2009-10" },
        },
      ],
    },
  ],
});

ruleTester(rules.milestones, {
  valid: [
    { name: "clean register", model: clean() },
    {
      name: "a material gain under a higher materiality",
      model: cleanWith({ "Gains!I2": 1_500_000, "Milestones!A2": "G99" }),
      options: { settings: { materiality: 2_000_000 } },
    },
  ],
  invalid: [
    {
      name: "a material gain without a milestone",
      model: cleanWith({ "Gains!I2": 1_500_000, "Milestones!A2": "G99" }),
      errors: [
        {
          sheet: "Gains",
          cell: "A2",
          message: "Gain G1 (gross £1,500,000) is material",
          messageId: "none",
          data: { gain: "Gain G1", gross: "£1,500,000" },
        },
      ],
    },
    {
      name: "a material gain whose milestone has no date",
      model: cleanWith({ "Gains!I3": 2_000_000, "Milestones!C3": "soon" }),
      errors: [{ sheet: "Gains", cell: "A3", messageId: "none", data: { gain: "Gain G2", gross: "£2,000,000" } }],
    },
    {
      name: "a dated milestone as text is fine, but no Milestones table is not",
      model: removeSheet(cleanWith({ "Gains!I3": 2_000_000, "Milestones!C3": date("2009-01-01") }), "Milestones"),
      errors: [
        {
          sheet: null,
          cell: null,
          message: "No Milestones table found",
          messageId: "missingTable",
          data: {
            table: "Milestones",
            why: "5 gains of £1,000,000 or more need dated milestones",
            synonyms: "",
            headers: "ID, Milestone, Due, Status",
            search: expect.stringContaining("looked at"),
          },
        },
      ],
    },
  ],
});

ruleTester(rules.ongoing, {
  valid: [
    {
      name: "a profile in £m whose small later years are still positive (£4,000)",
      model: cleanWith({
        "Profile!B1": "2008-09 (£m)",
        "Profile!C1": "2009-10 (£m)",
        "Profile!D1": "2010-11 (£m)",
        "Profile!B2": 0.5,
        "Profile!C2": 0.004,
        "Profile!D2": 0.004,
      }),
    },
  ],
  invalid: [
    {
      name: "a profile in £m that stops",
      model: cleanWith({ "Profile!B1": "2008-09 (£m)", "Profile!C1": "2009-10 (£m)", "Profile!B2": 0.5, "Profile!C2": 0 }),
      errors: [
        {
          sheet: "Profile",
          cell: "C2",
          message: "first accrues in 2008-09 (£0.50m) but is £0m in 2009-10",
          messageId: "stops",
          data: { gain: "Gain G1", firstYear: "2008-09", firstValue: "£0.50m", value: "£0m", year: "2009-10" },
        },
      ],
    },
  ],
});

ruleTester(rules.profilePresent, {
  valid: [{ name: "clean register", model: clean() }],
  invalid: [
    {
      name: "no Profile table: the message says a profile needs year columns",
      model: removeSheet(clean(), "Profile"),
      errors: [
        {
          sheet: null,
          cell: null,
          message: "with the headers ID and one column per financial year (e.g. 2008-09).",
          messageId: "missingTable",
          data: {
            table: "Profile",
            why: "each gain needs its profile by financial year",
            synonyms: ' (or "Phasing", "Trajectory by year")',
            headers: "ID and one column per financial year (e.g. 2008-09)",
            search: expect.stringContaining("looked at"),
          },
        },
      ],
    },
  ],
});

ruleTester(rules.milestones, {
  valid: [{ name: "clean register", model: clean() }],
  invalid: [
    {
      name: "no Milestones table for one material gain: singular wording",
      model: setCells(removeSheet(clean(), "Milestones"), { "Gains!I3": 10, "Gains!I4": 10, "Gains!I5": 10, "Gains!I6": 10 }),
      errors: [
        {
          sheet: null,
          cell: null,
          message: "1 gain of £1,000,000 or more needs dated milestones",
          messageId: "missingTable",
          data: {
            table: "Milestones",
            why: "1 gain of £1,000,000 or more needs dated milestones",
            synonyms: "",
            headers: "ID, Milestone, Due, Status",
            search: expect.stringContaining("looked at"),
          },
        },
      ],
    },
  ],
});
