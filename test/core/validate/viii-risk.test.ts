import * as rules from "../../../src/core/validate/rules/viii-risk";
import { analyse } from "../../../src/core/validate";
import { clean, cleanWith, knownGain, plain } from "./fixtures";
import { ruleTester } from "./rule-tester";
import { date, f, setCells, sheet } from "../../support/model-builder";
import type { WorkbookModel } from "../../../src/core/workbook/model";

function withTotalRow(cells: { net?: number | null; risk?: number | null }): WorkbookModel {
  const model = plain();
  return setCells(model, { "Gains!A7": "Total", "Gains!K7": cells.net ?? null, "Gains!M7": cells.risk ?? null });
}

function totals(model: WorkbookModel) {
  return analyse(model, { file: "t.xlsx" }).data.totals;
}

function withSummary(label: string, value: (m: WorkbookModel) => number): WorkbookModel {
  const model = clean();
  const built = sheet("Summary", [
    ["Measure", "Value"],
    [label, value(model)],
  ]);
  model.sheets.push({
    name: "Summary",
    visibility: "visible",
    rows: built.rows.map((r) => r.map((v) => ({ value: v as number | string }))),
  });
  return model;
}

ruleTester(rules.deliverabilityPresent, {
  valid: [
    { name: "clean register", model: clean() },
    { name: "a RAG word and a percentage text", model: cleanWith({ "Gains!L2": "Amber", "Gains!L3": "80%" }) },
  ],
  invalid: [
    {
      name: "blank, out of range and unknown words",
      model: cleanWith({ "Gains!L2": null, "Gains!L3": 1.2, "Gains!L4": "Likely" }),
      errors: [
        { sheet: "Gains", cell: "L2", message: "has no deliverability", messageId: "blank", data: { gain: "Gain G1" } },
        {
          sheet: "Gains",
          cell: "L3",
          message: "outside 0 to 1",
          messageId: "percentMeant",
          data: { gain: "Gain G2", value: "1.2", fraction: "0.012" },
        },
        {
          sheet: "Gains",
          cell: "L4",
          message: 'the deliverability "Likely": use a fraction, a percentage, or one of Green=1, Amber=0.5, Red=0',
          messageId: "unknownWord",
          data: { gain: "Gain G3", text: '"Likely"', mapping: "Green=1, Amber=0.5, Red=0" },
        },
      ],
    },
  ],
});

ruleTester(rules.riskAdjustedRecomputes, {
  valid: [
    { name: "clean register", model: clean() },
    { name: "gross 500, costs 80, deliverability 0.8 -> 320", model: knownGain() },
    { name: "Amber under the default mapping -> 170", model: setCells(knownGain(), { "Gains!L2": "Amber", "Gains!M2": 170 }) },
    {
      name: "Amber = 0.6 from the Settings RAG mapping -> 220",
      model: setCells(knownGain(), {
        "Gains!L2": "Amber",
        "Gains!M2": 220,
        "Settings!A10": "RAG mapping",
        "Settings!B10": "Green=1; Amber=0.6; Red=0",
      }),
    },
  ],
  invalid: [
    {
      name: "336 instead of 500 x 0.8 - 80",
      model: setCells(knownGain(), { "Gains!M2": f("(I2-J2)*L2", 336) }),
      errors: [
        {
          sheet: "Gains",
          cell: "M2",
          message: "Risk-adjusted gain £336 does not equal gross £500 x deliverability 0.8 - costs £80 (£320).",
          messageId: "differs",
          data: { riskAdjusted: "£336", gross: "£500", deliverability: "0.8", costs: "£80", expected: "£320" },
        },
      ],
    },
    {
      name: "the default Amber value where the Settings say Amber = 0.6",
      model: setCells(knownGain(), {
        "Gains!L2": "Amber",
        "Gains!M2": 170,
        "Settings!A10": "RAG mapping",
        "Settings!B10": "Green=1; Amber=0.6; Red=0",
      }),
      errors: [
        {
          sheet: "Gains",
          cell: "M2",
          message: "deliverability Amber (0.6)",
          messageId: "differs",
          data: { riskAdjusted: "£170", gross: "£500", deliverability: "Amber (0.6)", costs: "£80", expected: "£220" },
        },
      ],
    },
    {
      name: "blank risk-adjusted gain",
      model: setCells(knownGain(), { "Gains!M2": null }),
      errors: [
        {
          sheet: "Gains",
          cell: "M2",
          message: "it should be gross £500 x deliverability 0.8 - costs £80 (£320)",
          messageId: "notNumber",
          data: { gain: "Gain G1", value: "blank", gross: "£500", deliverability: "0.8", costs: "£80", expected: "£320" },
        },
      ],
    },
  ],
});

ruleTester(rules.totalRiskAdjusted, {
  valid: [
    { name: "clean register (no total at all)", model: clean() },
    { name: "a total row with the risk-adjusted total", model: withTotalRow({ net: 1, risk: totals(clean()).riskAdjusted }) },
    {
      name: "a summary reporting the risk-adjusted total",
      model: withSummary("Total gains (risk-adjusted)", (m) => totals(m).riskAdjusted),
    },
  ],
  invalid: [
    {
      name: "a total row without a risk-adjusted total",
      model: withTotalRow({ net: 100 }),
      errors: [{ sheet: "Gains", cell: "M7", message: "no risk-adjusted total", messageId: "totalMissing", data: {} }],
    },
    {
      name: "a wrong risk-adjusted total",
      model: withTotalRow({ net: 100, risk: 5 }),
      errors: [
        {
          sheet: "Gains",
          cell: "M7",
          message: "The risk-adjusted total £5 does not equal",
          messageId: "totalDiffers",
          data: { total: "£5", sum: "£5,086,730.0875" },
        },
      ],
    },
    {
      name: "a summary reporting the unadjusted net total",
      model: withSummary("Total gains", (m) => totals(m).net),
      errors: [
        {
          sheet: "Summary",
          cell: "B2",
          message: "is not risk-adjusted",
          messageId: "summaryNotAdjusted",
          data: { value: "£6,582,751.50", riskAdjusted: "£5,086,730.0875", cashable: "£4,117,545.8875" },
        },
      ],
    },
  ],
});

ruleTester(rules.riskReviewed, {
  valid: [
    { name: "clean register", model: clean() },
    { name: "reviewed on the earliest day allowed", model: cleanWith({ "Gains!S2": date("2009-09-30") }) },
  ],
  invalid: [
    {
      name: "stale, missing and future reviews",
      model: cleanWith({ "Gains!S2": date("2009-09-29"), "Gains!S3": null, "Gains!S4": "2010-01-15", "Gains!S5": "last week" }),
      errors: [
        {
          sheet: "Gains",
          cell: "S2",
          message: "last reviewed on 29/09/2009, more than three months before the reporting date 31/12/2009",
          messageId: "stale",
          data: { gain: "Gain G1", date: "29/09/2009", reportingDate: "31/12/2009" },
        },
        { sheet: "Gains", cell: "S3", message: "has no risk review date", messageId: "blank", data: { gain: "Gain G2" } },
        {
          sheet: "Gains",
          cell: "S4",
          message: "after the reporting date",
          messageId: "future",
          data: { gain: "Gain G3", date: "15/01/2010", reportingDate: "31/12/2009" },
        },
        {
          sheet: "Gains",
          cell: "S5",
          message: "cannot be read as a date",
          messageId: "unreadable",
          data: { gain: "Gain G4", text: '"last week"' },
        },
      ],
    },
  ],
});

ruleTester(rules.totalRiskAdjusted, {
  valid: [{ name: "a summary line giving the target itself", model: withSummary("Target (3% a year)", () => 5) }],
  invalid: [
    {
      name: "a summary total labelled risk-adjusted in brackets that is not",
      model: withSummary("Total gains (risk-adjusted)", () => 5),
      errors: [
        {
          sheet: "Summary",
          cell: "B2",
          message: "The summary's risk-adjusted total £5 does not equal",
          messageId: "summaryDiffers",
          data: { value: "£5", riskAdjusted: "£5,086,730.0875", cashable: "£4,117,545.8875" },
        },
      ],
    },
    {
      name: "gains reported against the target without the word total",
      model: withSummary("Net gains against target", (m) => totals(m).net),
      errors: [
        {
          sheet: "Summary",
          cell: "B2",
          message: "is not risk-adjusted",
          messageId: "summaryNotAdjusted",
          data: { value: "£6,582,751.50", riskAdjusted: "£5,086,730.0875", cashable: "£4,117,545.8875" },
        },
      ],
    },
  ],
});

ruleTester(rules.deliverabilityPresent, {
  valid: [{ name: "a percentage", model: cleanWith({ "Gains!L2": "80%" }) }],
  invalid: [
    {
      name: "80 typed for 80%",
      model: cleanWith({ "Gains!L2": 80 }),
      errors: [
        {
          sheet: "Gains",
          cell: "L2",
          message: "outside 0 to 1 (0% to 100%): if 80% is meant, write 80% or 0.8.",
          messageId: "percentMeant",
          data: { gain: "Gain G1", value: "80", fraction: "0.8" },
        },
      ],
    },
  ],
});
