/**
 * Issue #11: every amount inside a rule message carries £ and the workbook's unit, in every format the
 * message text reaches (the finding, the text report, JSON, SARIF's text and arguments). One rule per
 * family is asserted on a register kept in £k; the pane's copy is test/taskpane/money-in-messages.test.tsx.
 */
import { createRuleCatalogue, formatJson, formatText, toSarif } from "../../../src/core/report/index";
import { PRINCIPLE_TITLES, RULES, validateWorkbook } from "../../../src/core/validate";
import type { Finding } from "../../../src/core/validate/types";
import { cleanWith } from "./fixtures";

/** The clean register with its Settings unit £k (every money header states none), and some cells changed. */
function inThousands(cells: Parameters<typeof cleanWith>[0] = {}) {
  return cleanWith({ "Settings!B10": "£k", ...cells });
}

function finding(cells: Parameters<typeof cleanWith>[0], rule: string, messageId: string): Finding {
  const found = validateWorkbook(inThousands(cells), { file: "t.xlsx" }).findings.filter(
    (f) => f.rule === rule && f.messageId === messageId,
  );
  expect(found).toHaveLength(1);
  return found[0];
}

describe("amounts in rule messages carry £ and the register's unit (#11)", () => {
  test("v.reinvestment-plan-total: the plan and the cashable total in £k", () => {
    const f = finding({ "Reinvestment!C2": 1 }, "v.reinvestment-plan-total", "short");
    expect(f.message).toBe(
      "The re-investment plan accounts for £1,937,698.80k but cashable net gains total £4,844,244.50k: £2,906,545.70k is not accounted for.",
    );
    expect(f.data).toEqual({ planned: "£1,937,698.80k", expected: "£4,844,244.50k", gap: "£2,906,545.70k" });
  });

  test("iii.net-recomputes: net, gross, costs and the recomputed net in £k", () => {
    const f = finding({ "Gains!I2": 500, "Gains!J2": 80, "Gains!K2": 450 }, "iii.net-recomputes", "differs");
    expect(f.message).toBe("Net gain £450k does not equal gross £500k - costs £80k (£420k).");
  });

  test("iv.profile-target-year: the profile value and the register's net gain in £k", () => {
    const f = finding(
      { "Gains!I2": 500, "Gains!J2": 80, "Gains!K2": 420, "Gains!M2": 336, "Profile!D2": 400 },
      "iv.profile-target-year",
      "differs",
    );
    expect(f.message).toContain("is £400k but its net gain in the register is £420k");
  });

  test("viii.risk-adjusted-recomputes: gross, costs and the risk-adjusted figures in £k", () => {
    const f = finding(
      { "Gains!I2": 500, "Gains!J2": 80, "Gains!K2": 420, "Gains!L2": 0.8, "Gains!M2": 336 },
      "viii.risk-adjusted-recomputes",
      "differs",
    );
    expect(f.message).toBe("Risk-adjusted gain £336k does not equal gross £500k x deliverability 0.8 - costs £80k (£320k).");
  });

  test("i.no-netting: a negative baseline line in £k", () => {
    const f = finding({ "Baseline!C2": -1200 }, "i.no-netting", "negative");
    expect(f.data?.amount).toBe("-£1,200k");
  });

  test("ii.derived-formulas: a typed net gain in £k", () => {
    const f = finding({ "Gains!K2": 420 }, "ii.derived-formulas", "typedNet");
    expect(f.message).toBe("This Net gain (£420k) is a typed number, not a formula.");
  });

  test("vii.unit-cost-recomputes: the cost in its column's £k, the unit cost in £ (its header states no unit)", () => {
    const f = finding({}, "vii.unit-cost-recomputes", "differs");
    expect(f.message).toBe("Unit cost £250 does not equal cost £12,000,000k / output 48,000 (£250,000).");
  });

  test("method.progress and method.on-track: reported figures in £k, no separate 'Amounts in' note", () => {
    const progress = finding({}, "method.progress", "progress");
    expect(progress.message).toMatch(/^Risk-adjusted cashable net gains of £4,117,545\.89k against a target of £12,879,648\.07k \(32%\)/);
    expect(progress.message).toContain("on a baseline of £138,898,574k (2007-08)");
    const onTrack = finding({}, "method.on-track", "judgement");
    expect(onTrack.message).toMatch(/^Off track: actual gains of £2,741,035k by the end of Q3 2009-10 against £7,385,931\.67k due/);
    expect(onTrack.message).not.toContain("Amounts in");
  });

  test("method.target-not-measurable: a baseline too small for plain digits in Excel's notation, with £ and the unit", () => {
    const tiny = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`Baseline!C${i + 2}`, 1e-300]));
    const f = finding(tiny, "method.target-not-measurable", "targetUnderflow");
    expect(f.message).toMatch(/^A baseline of £1E-299k gives a target of £9\.273E-301k \(3% a year/);
  });

  test("the text report, JSON and SARIF carry the same amounts (SARIF's arguments too)", () => {
    const report = validateWorkbook(inThousands({ "Reinvestment!C2": 1 }), { file: "t.xlsx" });
    const catalogue = createRuleCatalogue(RULES, PRINCIPLE_TITLES, (id) => `docs/rules/${id}.md`);
    const text = "accounts for £1,937,698.80k but cashable net gains total £4,844,244.50k";
    expect(formatText([report], catalogue)).toContain(text);
    expect(formatJson([report])).toContain(text);
    const run = toSarif([report], catalogue, { name: "vfm", version: "0" }).runs[0];
    const result = run.results.find((r) => r.ruleId === "v.reinvestment-plan-total")!;
    const message = result.message as { text: string; arguments?: string[] };
    expect(message.text).toContain(text);
    expect(message.arguments).toEqual(["£1,937,698.80k", "£4,844,244.50k", "£2,906,545.70k"]);
  });
});
