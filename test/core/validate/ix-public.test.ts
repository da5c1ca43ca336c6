import * as rules from "../../../src/core/validate/rules/ix-public";
import { clean, cleanWith } from "./fixtures";
import { ruleTester } from "./rule-tester";
import { removeSheet } from "../../support/model-builder";

ruleTester(rules.publicationRecord, {
  valid: [
    { name: "clean register", model: clean() },
    { name: "a date written as text", model: cleanWith({ "Publication!B2": "30 June 2009" }) },
  ],
  invalid: [
    {
      name: "no Publication table",
      model: removeSheet(clean(), "Publication"),
      errors: [
        {
          sheet: null,
          cell: null,
          messageId: "missingTable",
          data: {
            table: "Publication",
            why: "principle (ix) asks for a record of where performance was published",
            synonyms: ' (or "Publications")',
            headers: "Report, Published, Reference, Reward",
            search: expect.stringContaining("looked at"),
          },
        },
      ],
    },
    {
      name: "a publication without a date",
      model: cleanWith({ "Publication!B3": null }),
      errors: [
        {
          sheet: "Publication",
          cell: "B3",
          message: '"Council tax leaflet 2009-10" has no date published',
          messageId: "noDate",
          data: { publication: 'The publication "Council tax leaflet 2009-10"' },
        },
      ],
    },
  ],
});

ruleTester(rules.recognition, {
  valid: [{ name: "clean register", model: clean() }],
  invalid: [
    {
      name: "no reward recorded",
      model: cleanWith({ "Publication!D2": null }),
      errors: [{ sheet: "Publication", cell: "A1:D1", severity: "info", messageId: "none", data: {} }],
    },
    {
      name: "no Publication table",
      model: removeSheet(clean(), "Publication"),
      errors: [{ sheet: null, cell: null, severity: "info", messageId: "noTable", data: {} }],
    },
  ],
});
