/*
 * The one source of the functions' descriptions: Excel's formula autocomplete (through the JSDoc in
 * src/functions/functions.ts, which a test keeps identical to this file), `vfm FUNCTION --help` and
 * docs/functions.md all say these words.
 */

export type FunctionId = "TARGET" | "NETGAIN" | "DEFLATE";

interface ParameterDoc {
  name: string;
  description: string;
  optional: boolean;
}

export interface FunctionDoc {
  id: FunctionId;
  /** The command name in `vfm`. */
  command: "target" | "netgain" | "deflate";
  description: string;
  parameters: ParameterDoc[];
  /** Worked examples: a formula and its result. */
  examples: Array<{ formula: string; command: string; result: string; note: string }>;
}

export const FUNCTION_DOCS: Record<FunctionId, FunctionDoc> = {
  TARGET: {
    id: "TARGET",
    command: "target",
    description:
      "Cumulative efficiency gain required by the end of a year of the spending period: baseline x ((1 + rate)^years - 1) compounded, or baseline x rate x years simple.",
    parameters: [
      {
        name: "baseline",
        description:
          "Baseline spend the gains are measured against, in pounds (or £m, £000: the result is in the same unit). Must not be negative.",
        optional: false,
      },
      {
        name: "rate",
        description: "Gain required each year as a fraction: 3% or 0.03. A rate of 1 or more is an error (a typed 3 probably means 3%).",
        optional: false,
      },
      {
        name: "years",
        description: "Years of the spending period elapsed: a whole number from 0 to 100 (3 for the end of a three-year period).",
        optional: false,
      },
      { name: "method", description: '"compound" (the default; CSR07) or "simple" (SR2004, baseline x rate x years).', optional: true },
    ],
    examples: [
      {
        formula: "=VFM.TARGET(15246, 3%, 3)",
        command: "vfm target 15246 3% 3",
        result: "1413.715842",
        note: "Home Office CSR07 target on the 2007-08 baseline of £15,246m: £1,414m by 2010-11",
      },
      {
        formula: "=VFM.TARGET(1, 3%, 2)",
        command: "vfm target 1 3% 2",
        result: "0.0609",
        note: "3% a year compounds to 6.09% after two years",
      },
      {
        formula: '=VFM.TARGET(86000, 2.5%, 3, "simple")',
        command: "vfm target 86000 2.5% 3 simple",
        result: "6450",
        note: "SR2004 local government: 2.5% a year on about £86bn, £6.45bn",
      },
    ],
  },
  NETGAIN: {
    id: "NETGAIN",
    command: "netgain",
    description:
      "Net efficiency gain, risk-adjusted: sum(gross) x deliverability - sum(costs). Deliverability discounts the gross gain, not the costs, which are incurred whatever happens.",
    parameters: [
      {
        name: "gross",
        description: "Gross gain: a number or a range, summed. Blank cells count 0; text or an error in the range is an error.",
        optional: false,
      },
      {
        name: "costs",
        description: "Up-front and ongoing costs of achieving the gain: a number or a range, summed. Default 0.",
        optional: true,
      },
      {
        name: "deliverability",
        description:
          "Likelihood the gain is realised: a fraction from 0 to 1 (such as 90%), or Green (1), Amber (0.5) or Red (0). Default 1.",
        optional: true,
      },
    ],
    examples: [
      {
        formula: "=VFM.NETGAIN(250000, 40000, 90%)",
        command: "vfm netgain 250000 40000 90%",
        result: "185000",
        note: "£250,000 gross, £40,000 costs, 90% deliverable",
      },
      {
        formula: '=VFM.NETGAIN({120000,80000,50000}, 30000, "Amber")',
        command: "vfm netgain {120000,80000,50000} 30000 Amber",
        result: "95000",
        note: "gross gains summed (as from a range such as I7:K7), rated Amber so counted at half, less £30,000 costs",
      },
    ],
  },
  DEFLATE: {
    id: "DEFLATE",
    command: "deflate",
    description:
      "Re-expresses an amount in the prices of one financial year in the prices of another: amount x D(to_year) / D(from_year). Default series: HM Treasury GDP deflators, March 2026; years after 2024-25 are forecasts.",
    parameters: [
      { name: "amount", description: "Amount in the prices of from_year.", optional: false },
      {
        name: "from_year",
        description: 'Financial year the amount is priced in: "2008-09", "2008/09", "2008-2009", 2008 or a date within it.',
        optional: false,
      },
      { name: "to_year", description: "Financial year whose prices you want, in the same forms as from_year.", optional: false },
      {
        name: "deflators",
        description:
          "Optional price index: a two-column range (financial year, index) or the name of a shipped series. Default HMT-2026-03.",
        optional: true,
      },
    ],
    examples: [
      {
        formula: '=VFM.DEFLATE(1, "2004-05", "2024-25")',
        command: "vfm deflate 1 2004-05 2024-25",
        result: "1.6745594234156993",
        note: "£1 in 2004-05 prices is £1.67 in 2024-25 prices (100 / 59.7172)",
      },
      {
        formula: '=VFM.DEFLATE(1000000, "2008-09", "2010-11")',
        command: "vfm deflate 1000000 2008-09 2010-11",
        result: "1030167.6997353369",
        note: "£1m in 2008-09 prices is about £1.03m in 2010-11 prices, so holding £1m flat in cash over those years is a gain of DEFLATE(...) - 1000000, about £30,168 in 2010-11 prices",
      },
    ],
  },
};
