import * as rules from "../../../src/core/validate/rules/vii-comparative";
import { clean, cleanWith } from "./fixtures";
import { ruleTester } from "./rule-tester";
import { removeSheet } from "../../support/model-builder";

ruleTester(rules.measuresPresent, {
  valid: [
    { name: "clean register", model: clean() },
    { name: "an outcome instead of an output", model: cleanWith({ "Comparatives!B3": "Outcome" }) },
  ],
  invalid: [
    {
      name: "no HQ cost measure",
      model: cleanWith({ "Comparatives!B2": "Output" }),
      errors: [{ sheet: "Comparatives", cell: "A1:H1", message: "no HQ cost measure", messageId: "noHq", data: {} }],
    },
    {
      name: "no Comparatives table",
      model: removeSheet(clean(), "Comparatives"),
      errors: [
        {
          sheet: null,
          cell: null,
          messageId: "missingTable",
          data: {
            table: "Comparatives",
            why: "principle (vii) needs HQ-cost, output or outcome, and unit-cost measures",
            synonyms: ' (or "Benchmarks", "Unit costs")',
            headers: "Measure, Kind, Value, Unit, Year, Cost, Output, Benchmark",
            search: expect.stringContaining("looked at"),
          },
        },
      ],
    },
  ],
});

ruleTester(rules.kindRecognised, {
  valid: [{ name: "clean register", model: clean() }],
  invalid: [
    {
      name: "an unknown kind",
      model: cleanWith({ "Comparatives!B3": "Stuff" }),
      errors: [
        {
          sheet: "Comparatives",
          cell: "B3",
          message: /^The measure "[^"]+" has the kind "Stuff", which is not HQ cost, Output, Outcome or Unit cost\.$/,
          messageId: "unknown",
          data: { measure: 'The measure "Crimes detected"', text: '"Stuff"' },
        },
      ],
    },
  ],
});

ruleTester(rules.unitCostRecomputes, {
  valid: [
    { name: "clean register", model: clean() },
    { name: "rounded to the penny", model: cleanWith({ "Comparatives!F4": 1000, "Comparatives!G4": 3, "Comparatives!C4": 333.33 }) },
  ],
  invalid: [
    {
      name: "a unit cost that is not cost / output",
      model: cleanWith({ "Comparatives!C4": 260 }),
      errors: [
        {
          sheet: "Comparatives",
          cell: "C4",
          message: "Unit cost £260 does not equal cost £12,000,000 / output 48,000 (£250).",
          messageId: "differs",
          data: { value: "£260", cost: "£12,000,000", output: "48,000", expected: "£250" },
        },
      ],
    },
    {
      name: "an output of 0",
      model: cleanWith({ "Comparatives!G4": 0 }),
      errors: [{ sheet: "Comparatives", cell: "G4", messageId: "zeroOutput", data: {} }],
    },
  ],
});

ruleTester(rules.unitCostRecomputes, {
  valid: [{ name: "clean register", model: clean() }],
  invalid: [
    {
      name: "pence are shown as money",
      model: cleanWith({ "Comparatives!C4": 250.5 }),
      errors: [
        {
          sheet: "Comparatives",
          cell: "C4",
          message: "Unit cost £250.50 does not equal cost £12,000,000 / output 48,000 (£250).",
          messageId: "differs",
          data: { value: "£250.50", cost: "£12,000,000", output: "48,000", expected: "£250" },
        },
      ],
    },
  ],
});
