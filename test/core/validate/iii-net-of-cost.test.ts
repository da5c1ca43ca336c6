import * as rules from "../../../src/core/validate/rules/iii-net-of-cost";
import { clean, cleanWith, knownGain } from "./fixtures";
import { ruleTester } from "./rule-tester";
import { buildModel, f, setCells, sheet } from "../../support/model-builder";

ruleTester(rules.grossPresent, {
  valid: [
    { name: "clean register", model: clean() },
    { name: "numeric text", model: cleanWith({ "Gains!I2": "£1,200.50" }) },
  ],
  invalid: [
    {
      name: "blank and text gross gains",
      model: cleanWith({ "Gains!I2": null, "Gains!I3": "tbc" }),
      errors: [
        { sheet: "Gains", cell: "I2", message: "blank", messageId: "notNumber", data: { gain: "Gain G1", value: "blank" } },
        {
          sheet: "Gains",
          cell: "I3",
          message: '"tbc", which is not a number',
          messageId: "notNumber",
          data: { gain: "Gain G2", value: '"tbc", which is not a number' },
        },
      ],
    },
  ],
});

ruleTester(rules.costsPresent, {
  valid: [
    { name: "clean register", model: clean() },
    { name: "zero costs", model: cleanWith({ "Gains!J2": 0 }) },
  ],
  invalid: [
    {
      name: "blank and text costs",
      model: cleanWith({ "Gains!J2": null, "Gains!J4": "none" }),
      errors: [
        { sheet: "Gains", cell: "J2", message: "enter 0 if there were no costs", messageId: "blank", data: { gain: "Gain G1" } },
        {
          sheet: "Gains",
          cell: "J4",
          message: '"none"',
          messageId: "notNumber",
          data: { gain: "Gain G3", value: '"none", which is not a number' },
        },
      ],
    },
  ],
});

ruleTester(rules.netRecomputes, {
  valid: [
    { name: "clean register", model: clean() },
    { name: "gross 500, costs 80, net 420", model: knownGain() },
    { name: "within half a penny", model: setCells(knownGain(), { "Gains!K2": 420.004 }) },
  ],
  invalid: [
    {
      name: "net 450 against gross 500 - costs 80",
      model: setCells(knownGain(), { "Gains!K2": f("I2-J2+30", 450) }),
      errors: [
        {
          sheet: "Gains",
          cell: "K2",
          message: "Net gain £450 does not equal gross £500 - costs £80 (£420).",
          messageId: "differs",
          data: { net: "£450", gross: "£500", costs: "£80", expected: "£420" },
        },
      ],
    },
    {
      name: "a penny out",
      model: setCells(knownGain(), { "Gains!K2": 420.01 }),
      errors: [
        {
          sheet: "Gains",
          cell: "K2",
          message: "Net gain £420.01 does not equal",
          messageId: "differs",
          data: { net: "£420.01", gross: "£500", costs: "£80", expected: "£420" },
        },
      ],
    },
    {
      name: "blank net gain",
      model: setCells(knownGain(), { "Gains!K2": null }),
      errors: [
        {
          sheet: "Gains",
          cell: "K2",
          message: "it should be gross £500 - costs £80 (£420)",
          messageId: "notNumber",
          data: { gain: "Gain G1", value: "blank", gross: "£500", costs: "£80", expected: "£420" },
        },
      ],
    },
    {
      name: "a wider tolerance from the Settings still catches a pound",
      model: setCells(knownGain(), { "Gains!K2": 421 }),
      options: { settings: { tolerance: 0.5 } },
      errors: [{ sheet: "Gains", cell: "K2", messageId: "differs", data: { net: "£421", gross: "£500", costs: "£80", expected: "£420" } }],
    },
  ],
});

/** A one-gain register whose Costs column is in £m while the rest is in £k. */
function mixedUnits(net: number) {
  return buildModel({
    sheets: [
      sheet("Gains", [
        ["ID", "Gross gain (£k)", "Costs (£m)", "Net gain (£k)"],
        ["G1", 500, 0.08, f("B2-C2*1000", net)],
      ]),
    ],
  });
}

ruleTester(rules.netRecomputes, {
  valid: [{ name: "costs in £m converted to the register's £k", model: mixedUnits(420) }],
  invalid: [
    {
      name: "mixed units: the message says which unit its figures are in",
      model: mixedUnits(450),
      errors: [
        {
          sheet: "Gains",
          cell: "D2",
          message: "Net gain £450k does not equal gross £500k - costs £80k (£420k).",
          messageId: "differs",
          data: { net: "£450k", gross: "£500k", costs: "£80k", expected: "£420k" },
        },
      ],
    },
  ],
});
