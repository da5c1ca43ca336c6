import * as rules from "../../../src/core/validate/rules/v-reinvestment";
import { clean, cleanWith } from "./fixtures";
import { ruleTester } from "./rule-tester";
import { removeSheet } from "../../support/model-builder";

ruleTester(rules.reinvestmentNamed, {
  valid: [
    { name: "clean register", model: clean() },
    { name: "a non-cashable gain without re-investment", model: cleanWith({ "Gains!N6": null }) },
  ],
  invalid: [
    {
      name: "a missing destination, a missing plan and a plan row without its plan reference",
      model: cleanWith({ "Gains!N2": null, "Gains!O3": null, "Reinvestment!B2": null }),
      errors: [
        {
          sheet: "Gains",
          cell: "N2",
          message: "does not say where it is re-invested",
          messageId: "noReinvestment",
          data: { gain: "Gain G1" },
        },
        {
          sheet: "Gains",
          cell: "O3",
          message: "the plan under which it is re-invested",
          messageId: "noPlanReference",
          data: { gain: "Gain G2" },
        },
        { sheet: "Reinvestment", cell: "B2", message: "has no plan reference", messageId: "noPlanReferenceRow", data: {} },
      ],
    },
  ],
});

ruleTester(rules.reinvestmentPlanTotal, {
  valid: [
    { name: "clean register", model: clean() },
    // Issue #9: an inline "Reinvested in" column is the re-investment record (v.reinvestment-named checks each row).
    { name: "no Reinvestment table, but the register says where each gain is re-invested", model: removeSheet(clean(), "Reinvestment") },
  ],
  invalid: [
    {
      name: "a plan short of the cashable total",
      model: cleanWith({ "Reinvestment!C2": 1 }),
      errors: [
        {
          sheet: "Reinvestment",
          cell: "C2:C4",
          message: "is not accounted for",
          messageId: "short",
          data: { planned: "£1,937,698.80", expected: "£4,844,244.50", gap: "£2,906,545.70" },
        },
      ],
    },
    {
      name: "no Reinvestment table, and no Reinvestment column in the register",
      model: removeSheet(cleanWith({ "Gains!N1": "Notes" }), "Reinvestment"),
      errors: [
        {
          sheet: null,
          cell: null,
          message: "No Reinvestment table found",
          messageId: "missingTable",
          data: {
            table: "Reinvestment",
            why: "the plan that re-invests the cashable gains is needed",
            synonyms: ' (or "Reinvestment plan")',
            headers: "Destination, Plan reference, Amount",
            search: expect.stringContaining("looked at"),
          },
        },
      ],
    },
  ],
});
