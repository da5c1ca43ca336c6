import * as rules from "../../../src/core/validate/rules/ii-cashable";
import { clean, cleanWith, knownGain } from "./fixtures";
import { ruleTester } from "./rule-tester";
import { err, removeSheet, setCells } from "../../support/model-builder";
import type { WorkbookModel } from "../../../src/core/workbook/model";

function emptyGains(): WorkbookModel {
  const model = clean();
  const gains = model.sheets.find((s) => s.name === "Gains")!;
  gains.rows = [gains.rows[0]];
  model.tables.find((t) => t.name === "tblGains")!.range.endRow = 1;
  return model;
}

ruleTester(rules.registerPresent, {
  valid: [{ name: "clean register", model: clean() }],
  invalid: [
    {
      name: "no Gains table",
      model: removeSheet(clean(), "Gains"),
      errors: [
        {
          sheet: null,
          cell: null,
          message: "No Gains table found",
          messageId: "missingTable",
          data: {
            table: "Gains",
            why: "the register of gains is what principles (i) to (viii) check",
            synonyms: ' (or "Register", "Initiatives", "Efficiencies", "Gains register", "Efficiency register")',
            headers:
              "ID, Initiative, Workstream, Type, Category, Baseline line, Budget line, Evidence, Gross gain, Costs, Net gain, Deliverability, Risk-adjusted gain, Reinvestment, Plan reference, Service impact, Price base, Owner, Risk reviewed",
            search: expect.stringContaining("looked at"),
          },
        },
      ],
    },
    { name: "a Gains table without gains", model: emptyGains(), errors: [{ sheet: "Gains", cell: "A1:S1", messageId: "empty", data: {} }] },
  ],
});

ruleTester(rules.gainId, {
  valid: [{ name: "clean register", model: clean() }],
  invalid: [
    {
      name: "a duplicate and a missing ID",
      model: cleanWith({ "Gains!A3": "g1", "Gains!A4": null }),
      errors: [
        {
          sheet: "Gains",
          cell: "A3",
          message: 'The ID "g1" is also used on row 2',
          messageId: "duplicate",
          data: { id: '"g1"', row: "2" },
        },
        { sheet: "Gains", cell: "A4", message: "has no ID", messageId: "blank", data: { gain: "The gain on row 4" } },
      ],
    },
  ],
});

ruleTester(rules.typeStated, {
  valid: [
    { name: "clean register", model: clean() },
    { name: "spelling variants", model: cleanWith({ "Gains!D2": "CASHABLE", "Gains!D6": "non cashable" }) },
  ],
  invalid: [
    {
      name: "unknown and blank types",
      model: cleanWith({ "Gains!D2": "Saving", "Gains!D3": null }),
      errors: [
        { sheet: "Gains", cell: "D2", message: 'the type "Saving"', messageId: "unknown", data: { gain: "Gain G1", text: '"Saving"' } },
        { sheet: "Gains", cell: "D3", message: "has no type", messageId: "blank", data: { gain: "Gain G2" } },
      ],
    },
  ],
});

ruleTester(rules.budgetLine, {
  valid: [
    { name: "clean register", model: clean() },
    { name: "a non-cashable gain without a budget line", model: cleanWith({ "Gains!G6": null }) },
  ],
  invalid: [
    {
      name: "a cashable gain without a budget line",
      model: cleanWith({ "Gains!G2": null }),
      errors: [{ sheet: "Gains", cell: "G2", message: "Gain G1 is cashable", messageId: "missing", data: { gain: "Gain G1" } }],
    },
  ],
});

ruleTester(rules.evidence, {
  valid: [{ name: "clean register", model: clean() }],
  invalid: [
    {
      name: "a cashable gain without evidence",
      model: cleanWith({ "Gains!H3": "  " }),
      errors: [{ sheet: "Gains", cell: "H3", messageId: "missing", data: { gain: "Gain G2" } }],
    },
  ],
});

ruleTester(rules.derivedFormulas, {
  valid: [{ name: "clean register", model: clean() }],
  invalid: [
    {
      name: "typed net gains in a run, and one typed risk-adjusted gain",
      model: setCells(knownGain(), { "Gains!K2": 420, "Gains!K3": 5, "Gains!K5": 7, "Gains!M4": 9 }),
      errors: [
        {
          sheet: "Gains",
          cell: "K2:K3",
          message: "These 2 Net gain cells are typed numbers",
          messageId: "typedNetRange",
          data: { count: "2" },
        },
        {
          sheet: "Gains",
          cell: "M4",
          message: "This Risk-adjusted gain (£9) is a typed number, not a formula.",
          messageId: "typedRiskAdjusted",
          data: { value: "£9" },
        },
        { sheet: "Gains", cell: "K5", messageId: "typedNet", data: { value: "£7" } },
      ],
    },
  ],
});

ruleTester(rules.noErrorValues, {
  valid: [{ name: "clean register", model: clean() }],
  invalid: [
    {
      name: "error values in the register and the profile",
      model: cleanWith({ "Gains!K3": err("#REF!", "I3-#REF!"), "Profile!C2": err("#DIV/0!") }),
      errors: [
        { sheet: "Gains", cell: "K3", message: "#REF!", messageId: "error", data: { table: "Gains", error: "#REF!" } },
        { sheet: "Profile", cell: "C2", message: "#DIV/0!", messageId: "error", data: { table: "Profile", error: "#DIV/0!" } },
      ],
    },
  ],
});

ruleTester(rules.derivedFormulas, {
  valid: [
    {
      name: "a word in a Net gain cell is not a typed figure (iii.net-recomputes reports it)",
      model: setCells(knownGain(), { "Gains!K2": "tbc" }),
    },
  ],
  invalid: [
    {
      name: "a net gain typed as text (a number stored as text)",
      model: setCells(knownGain(), { "Gains!K2": "420" }),
      errors: [
        {
          sheet: "Gains",
          cell: "K2",
          message: "This Net gain (£420) is a typed number, not a formula.",
          messageId: "typedNet",
          data: { value: "£420" },
        },
      ],
    },
  ],
});
