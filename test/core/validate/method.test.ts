import * as rules from "../../../src/core/validate/rules/method";
import { clean, cleanWith } from "./fixtures";
import { ruleTester } from "./rule-tester";
import { f, removeSheet } from "../../support/model-builder";

ruleTester(rules.serviceReduction, {
  valid: [
    { name: "clean register", model: clean() },
    {
      name: "no service reduction, said several ways",
      model: cleanWith({
        "Gains!P2": "No service reduction",
        "Gains!P3": "None",
        "Gains!P4": "Quality maintained; not a reduction in service",
      }),
    },
    {
      name: "a flagged gain set to 0",
      model: cleanWith({ "Gains!P2": "Service reduction", "Gains!I2": 0, "Gains!J2": 0, "Gains!K2": 0, "Gains!M2": 0 }),
    },
  ],
  invalid: [
    {
      name: "a counted service reduction",
      model: cleanWith({ "Gains!P2": "Service reduction: front counter closed", "Gains!P4": "Reduced opening hours" }),
      errors: [
        {
          sheet: "Gains",
          cell: "P2",
          message: "is flagged as a service reduction",
          messageId: "counted",
          data: { gain: "Gain G1", text: '"Service reduction: front counter closed"', value: "£1,878,959" },
        },
        {
          sheet: "Gains",
          cell: "P4",
          messageId: "counted",
          data: { gain: "Gain G3", text: '"Reduced opening hours"', value: "£1,133,443.50" },
        },
      ],
    },
  ],
});

ruleTester(rules.cashableShare, {
  valid: [
    { name: "clean register", model: clean() },
    {
      name: "a lower share allowed by the Settings",
      model: cleanWith({ "Gains!D2": "Non-cashable", "Gains!D3": "Non-cashable", "Gains!D4": "Non-cashable" }),
      options: { settings: { minimumCashableShare: 0 } },
    },
  ],
  invalid: [
    {
      name: "mostly non-cashable",
      model: cleanWith({ "Gains!D2": "Non-cashable", "Gains!D3": "Non-cashable", "Gains!D4": "Non-cashable" }),
      errors: [
        {
          sheet: "Gains",
          cell: "D2:D6",
          message: "below the minimum cashable share of 50%",
          messageId: "belowMinimum",
          data: { share: "22.3%", cashable: "£1,467,617.75", total: "£6,582,751.50", minimum: "50%" },
        },
      ],
    },
  ],
});

ruleTester(rules.priceBase, {
  valid: [
    { name: "clean register", model: clean() },
    {
      name: "deflated with VFM.DEFLATE",
      model: cleanWith({ "Gains!Q2": "2007-08", "Gains!I2": f('VFM.DEFLATE(480,"2007-08","2010-11")', 500) }),
    },
    { name: "current prices", model: cleanWith({ "Gains!Q2": "Current prices" }) },
  ],
  invalid: [
    {
      name: "2007-08 prices, target year 2010-11",
      model: cleanWith({ "Gains!Q2": "2007/08" }),
      errors: [
        {
          sheet: "Gains",
          cell: "Q2",
          message: "is in 2007-08 prices but the target year is 2010-11",
          messageId: "notDeflated",
          data: { gain: "Gain G1", priceBase: "2007-08", targetYear: "2010-11" },
        },
      ],
    },
    {
      name: "an unreadable price base",
      model: cleanWith({ "Gains!Q3": "old money" }),
      errors: [{ sheet: "Gains", cell: "Q3", messageId: "unreadable", data: { gain: "Gain G2", text: '"old money"' } }],
    },
  ],
});

ruleTester(rules.mixedUnits, {
  valid: [
    { name: "clean register", model: clean() },
    {
      name: "everything in £k through the Settings unit",
      model: cleanWith({ "Settings!B10": "£k", "Gains!I1": "Gross gain (£k)", "Gains!J1": "Costs (£000)" }),
    },
  ],
  invalid: [
    {
      name: "costs in £m against gross in £",
      model: cleanWith({ "Gains!J1": "Costs (£m)" }),
      errors: [
        {
          sheet: "Gains",
          cell: "J1",
          message: 'column "Costs (£m)" is in £m but the Gross gain column "Gross gain" is in £',
          messageId: "differs",
          data: { table: "Gains", column: '"Costs (£m)"', unit: "£m", against: 'the Gross gain column "Gross gain"', expected: "£" },
        },
      ],
    },
    {
      name: "a baseline in £m against a register in £",
      model: cleanWith({ "Baseline!C1": "Amount £m" }),
      errors: [
        {
          sheet: "Baseline",
          cell: "C1",
          messageId: "differs",
          data: { table: "Baseline", column: '"Amount £m"', unit: "£m", against: "the register", expected: "£" },
        },
      ],
    },
  ],
});

ruleTester(rules.settingsReadable, {
  valid: [{ name: "clean register", model: clean() }],
  invalid: [
    {
      name: "a rate typed as a whole number and an unknown method",
      model: cleanWith({ "Settings!B2": 3, "Settings!B3": "linear" }),
      errors: [
        {
          sheet: "Settings",
          cell: "B2",
          message:
            'Setting "Target rate" is 3, which looks like 3% typed as a whole number: write 3% or 0.03; the default (3%) was used instead.',
          messageId: "unreadable",
          data: {
            problem:
              'Setting "Target rate" is 3, which looks like 3% typed as a whole number: write 3% or 0.03; the default (3%) was used instead.',
          },
        },
        {
          sheet: "Settings",
          cell: "B3",
          message: 'Setting "Target method" is "linear"; use compound or simple; the default (compound) was used instead.',
          messageId: "unreadable",
          data: { problem: 'Setting "Target method" is "linear"; use compound or simple; the default (compound) was used instead.' },
        },
      ],
    },
  ],
});

ruleTester(rules.settingsDefaults, {
  valid: [{ name: "clean register", model: clean() }],
  invalid: [
    {
      name: "no Settings table",
      model: removeSheet(clean(), "Settings"),
      errors: [
        {
          sheet: null,
          cell: null,
          message: "Target rate 3%",
          messageId: "defaultsUsed",
          data: {
            defaults:
              "Target rate 3%, Target method compound, Target years 3, Tolerance £0.005, Materiality £1,000,000, Minimum cashable share 50%",
          },
        },
      ],
    },
  ],
});

ruleTester(rules.progress, {
  valid: [{ name: "no baseline, so no target", model: removeSheet(clean(), "Baseline") }],
  invalid: [
    {
      name: "clean register",
      model: clean(),
      errors: [
        {
          sheet: "Gains",
          cell: "M2:M6",
          severity: "info",
          message:
            /^Risk-adjusted cashable net gains of £[\d,.]+ against a target of £[\d,.]+ \(\d+(\.\d)?%\): 3% a year compound over 3 years/,
          messageId: "progress",
          data: {
            achieved: "£4,117,545.89",
            target: "£12,879,648.07",
            progress: "32%",
            rate: "3%",
            method: "compound",
            years: "3",
            baseline: "£138,898,574",
            baselineYear: " (2007-08)",
            due: ", due 2010-11",
          },
        },
      ],
    },
  ],
});

ruleTester(rules.deflateRecomputes, {
  valid: [
    { name: "clean register (no DEFLATE)", model: clean() },
    {
      name: "a DEFLATE value that matches the shipped series",
      model: cleanWith({ "Gains!I2": f('VFM.DEFLATE(480,"2007-08","2010-11")', 512.9105186380707) }),
    },
    { name: "rounded to the penny", model: cleanWith({ "Gains!I2": f("VFM.DEFLATE(480, 2007, 2010)", 512.91) }) },
  ],
  invalid: [
    {
      name: "a value saved with another vintage",
      model: cleanWith({ "Gains!I2": f('VFM.DEFLATE(480,"2007-08","2010-11")', 500) }),
      errors: [
        {
          sheet: "Gains",
          cell: "I2",
          message: 'shows £500 but =VFM.DEFLATE(480,"2007-08","2010-11") gives £512.9105 with the deflator series HMT-2026-03',
          messageId: "differs",
          data: {
            gain: "Gain G1",
            column: "Gross gain",
            value: "£500",
            call: 'VFM.DEFLATE(480,"2007-08","2010-11")',
            expected: "£512.9105",
            series: "HMT-2026-03",
          },
        },
      ],
    },
    {
      name: "a series the add-in does not have, named in the Settings",
      model: cleanWith({
        "Gains!J3": f('VFM.DEFLATE(10,"2007-08","2010-11")', 11),
        "Settings!A10": "Deflator series",
        "Settings!B10": "My own series",
      }),
      errors: [
        {
          sheet: "Gains",
          cell: "J3",
          message: "cannot be recomputed: #VALUE!",
          messageId: "cannotRecompute",
          data: {
            gain: "Gain G2",
            column: "Costs",
            call: 'VFM.DEFLATE(10,"2007-08","2010-11")',
            errorKind: "#VALUE!",
            reason:
              'deflators must be a two-column range (financial year, index) or the name of a shipped series (HMT-2026-03), not "My own series"',
          },
        },
      ],
    },
  ],
});

ruleTester(rules.deflateForecast, {
  valid: [{ name: "outturn years only", model: cleanWith({ "Gains!I2": f('VFM.DEFLATE(480,"2007-08","2010-11")', 512.9105186380707) }) }],
  invalid: [
    {
      name: "a forecast year",
      model: cleanWith({ "Gains!I2": f('VFM.DEFLATE(480,"2024-25","2027-28")', 515.30208) }),
      errors: [
        {
          sheet: "Gains",
          cell: "I2",
          severity: "info",
          message: "rests on a forecast year",
          messageId: "forecast",
          data: { gain: "Gain G1", column: "Gross gain", call: 'VFM.DEFLATE(480,"2024-25","2027-28")', series: "HMT-2026-03" },
        },
      ],
    },
  ],
});

ruleTester(rules.serviceReduction, {
  valid: [{ name: "a denial in brackets", model: cleanWith({ "Gains!P2": "Quality maintained (no service reduction)" }) }],
  invalid: [
    {
      name: "a service reduction stated in brackets",
      model: cleanWith({ "Gains!P2": "Front counter (service withdrawn)" }),
      errors: [
        {
          sheet: "Gains",
          cell: "P2",
          message: "is flagged as a service reduction",
          messageId: "counted",
          data: { gain: "Gain G1", text: '"Front counter (service withdrawn)"', value: "£1,878,959" },
        },
      ],
    },
  ],
});

ruleTester(rules.priceBase, {
  valid: [{ name: "clean register", model: clean() }],
  invalid: [
    {
      name: "a gain in the baseline year's prices names the DEFLATE call to use",
      model: cleanWith({ "Gains!Q2": "2007-08" }),
      errors: [
        {
          sheet: "Gains",
          cell: "Q2",
          message:
            'is in 2007-08 prices but the target year is 2010-11: re-express it in 2010-11 prices with =VFM.DEFLATE(amount, "2007-08", "2010-11").',
          messageId: "notDeflated",
          data: { gain: "Gain G1", priceBase: "2007-08", targetYear: "2010-11" },
        },
      ],
    },
  ],
});
