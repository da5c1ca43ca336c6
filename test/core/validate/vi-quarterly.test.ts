import * as rules from "../../../src/core/validate/rules/vi-quarterly";
import { clean, cleanWith } from "./fixtures";
import { ruleTester } from "./rule-tester";
import { date, deleteRow, removeSheet } from "../../support/model-builder";

ruleTester(rules.quartersPresent, {
  valid: [
    { name: "clean register", model: clean() },
    {
      name: "other quarter labels",
      model: cleanWith({ "Quarterly!A2": "2008-09 Q1", "Quarterly!A3": date("2008-09-30"), "Quarterly!A4": "Q3 2008/09" }),
    },
    { name: "nothing due yet", model: removeSheet(clean(), "Quarterly"), options: { reportingDate: "2008-06-29" } },
  ],
  invalid: [
    {
      name: "a missing quarter",
      model: deleteRow(clean(), "Quarterly", 5),
      errors: [
        {
          sheet: "Quarterly",
          cell: "A1:H1",
          message: "No update for Q4 2008-09 (ended 31/03/2009).",
          messageId: "missing",
          data: { quarter: "Q4 2008-09", ended: "31/03/2009" },
        },
      ],
    },
    {
      name: "an unreadable label",
      model: cleanWith({ "Quarterly!A3": "Second quarter" }),
      errors: [
        {
          sheet: "Quarterly",
          cell: "A1:H1",
          message: "Q2 2008-09",
          messageId: "missing",
          data: { quarter: "Q2 2008-09", ended: "30/09/2008" },
        },
        {
          sheet: "Quarterly",
          cell: "A3",
          message: '"Second quarter" cannot be read',
          messageId: "unreadable",
          data: { label: '"Second quarter"' },
        },
      ],
    },
    {
      name: "no Quarterly table",
      model: removeSheet(clean(), "Quarterly"),
      errors: [
        {
          sheet: null,
          cell: null,
          message: "7 quarterly updates were due by 31/12/2009",
          messageId: "missingTable",
          data: {
            table: "Quarterly",
            why: "7 quarterly updates were due by 31/12/2009",
            synonyms: ' (or "Quarterly report", "Board updates")',
            headers: "Quarter, Trajectory, Actual, Budget evidence, Comparative data, Milestones, Risks, Board date",
            search: expect.stringContaining("looked at"),
          },
        },
      ],
    },
  ],
});

ruleTester(rules.trajectoryActual, {
  valid: [{ name: "clean register", model: clean() }],
  invalid: [
    {
      name: "an ended quarter without actual, a future one without trajectory",
      model: cleanWith({ "Quarterly!C3": null, "Quarterly!B12": null }),
      errors: [
        {
          sheet: "Quarterly",
          cell: "C3",
          message: "The actual gain for Q2 2008-09 is blank.",
          messageId: "actual",
          data: { quarter: "Q2 2008-09", value: "blank" },
        },
        { sheet: "Quarterly", cell: "B12", messageId: "trajectory", data: { quarter: "Q3 2010-11", value: "blank" } },
      ],
    },
    {
      name: "a later reporting date makes more actuals due",
      model: clean(),
      options: { reportingDate: "2010-06-30" },
      errors: [
        { sheet: "Quarterly", cell: "C9", messageId: "actual", data: { quarter: "Q4 2009-10", value: "blank" } },
        { sheet: "Quarterly", cell: "C10", messageId: "actual", data: { quarter: "Q1 2010-11", value: "blank" } },
      ],
    },
  ],
});

ruleTester(rules.quarterEvidence, {
  valid: [{ name: "clean register", model: clean() }],
  invalid: [
    {
      name: "a quarter without its risk review",
      model: cleanWith({ "Quarterly!G4": null }),
      errors: [
        {
          sheet: "Quarterly",
          cell: "G4",
          message: "Q3 2008-09 cites no risk review",
          messageId: "noRiskReview",
          data: { quarter: "Q3 2008-09" },
        },
      ],
    },
  ],
});

ruleTester(rules.quartersPresent, {
  valid: [
    {
      name: "no update is due after the spending period ends (target year 2010-11), however late the reporting date",
      model: clean(),
      options: { reportingDate: "2026-11-23" },
    },
  ],
  invalid: [
    {
      name: "missing quarters in a row are reported once, as a run",
      model: deleteRow(deleteRow(deleteRow(clean(), "Quarterly", 3), "Quarterly", 3), "Quarterly", 3),
      errors: [
        {
          sheet: "Quarterly",
          cell: "A1:H1",
          message: "No updates for Q2 2008-09 to Q4 2008-09 (3 quarters; the last ended 31/03/2009).",
          messageId: "missingRun",
          data: { first: "Q2 2008-09", last: "Q4 2008-09", count: "3", ended: "31/03/2009" },
        },
      ],
    },
    {
      name: "a late reporting date counts the updates due up to the end of the target year",
      model: removeSheet(clean(), "Quarterly"),
      options: { reportingDate: "2026-11-23" },
      errors: [
        {
          sheet: null,
          cell: null,
          message: "12 quarterly updates were due by 23/11/2026",
          messageId: "missingTable",
          data: {
            table: "Quarterly",
            why: "12 quarterly updates were due by 23/11/2026",
            synonyms: ' (or "Quarterly report", "Board updates")',
            headers: "Quarter, Trajectory, Actual, Budget evidence, Comparative data, Milestones, Risks, Board date",
            search: expect.stringContaining("looked at"),
          },
        },
      ],
    },
  ],
});
