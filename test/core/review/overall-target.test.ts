/**
 * The overall target as stated (src/core/review/overall-target.ts): the one parser behind
 * `vfm consolidate --overall-target / --target-rate --baseline --years --method` and the standalone
 * page's roll-up, with each surface's own names in the messages.
 */
import { resolveOverallTarget } from "../../../src/core/review/consolidate";
import {
  COMMAND_LINE_TARGET_NAMES,
  overallTargetSpec,
  parseOverallTarget,
  parseTargetAmount,
  parseTargetMethod,
  parseTargetRate,
  parseTargetYears,
} from "../../../src/core/review/overall-target";
import { PAGE_TARGET_NAMES } from "../../../src/standalone/rollup-target";

/** The standalone page's names for the parts: its fields' labels. */
const PAGE_NAMES = PAGE_TARGET_NAMES;

describe("each part", () => {
  test("an amount above £0, a rate above 0, whole years 1-100, compound or simple", () => {
    expect(parseTargetAmount("1.17bn")).toEqual({ ok: true, value: 1_170_000_000 });
    expect(parseTargetAmount("0")).toEqual({
      ok: false,
      message: "'0' is not an amount in £: write it like 1.17bn, 378m, 450k or 12,600,000,000",
    });
    expect(parseTargetRate("3%")).toEqual({ ok: true, value: 0.03 });
    expect(parseTargetRate("0%")).toMatchObject({ ok: false, message: "'0%' is not a rate a year: write it like 3% or 0.03" });
    expect(parseTargetYears("3")).toEqual({ ok: true, value: 3 });
    expect(parseTargetYears("0")).toMatchObject({ ok: false });
    expect(parseTargetYears("2.5")).toMatchObject({ ok: false, message: "'2.5' is not a whole number of years from 1 to 100" });
    expect(parseTargetMethod("Simple")).toEqual({ ok: true, value: "simple" });
    expect(parseTargetMethod("linear")).toMatchObject({ ok: false });
  });
});

describe("the parts together, named as the command line names them", () => {
  test.each([
    [{ amount: 1e9, rate: 0.03 }, "give --overall-target or --target-rate with --baseline, not both"],
    [{ amount: 1e9, years: 3 }, "--years and --method go with --target-rate, not --overall-target"],
    [{ rate: 0.03 }, "--target-rate needs --baseline AMOUNT (e.g. --baseline 12.6bn)"],
    [{ baseline: 12.6e9 }, "--baseline goes with --target-rate RATE (e.g. --target-rate 3%)"],
    [{ years: 3 }, "--years and --method go with --target-rate RATE --baseline AMOUNT"],
  ])("%j: %s", (parts, error) => {
    expect(overallTargetSpec(parts)).toEqual({ error });
  });

  test("an amount, a rate on a baseline, or nothing", () => {
    expect(overallTargetSpec({ amount: 1.17e9 })).toEqual({ kind: "amount", amount: 1.17e9 });
    expect(overallTargetSpec({ rate: 0.03, baseline: 12.6e9, method: "simple" })).toEqual({
      kind: "rate",
      rate: 0.03,
      baseline: 12.6e9,
      method: "simple",
    });
    expect(overallTargetSpec({})).toBeNull();
  });
});

describe("the texts typed on the page", () => {
  test("3% on 12.6bn is the CLI's 3% on 12.6bn: £1,168,360,200 over 3 years, compound", () => {
    const parsed = parseOverallTarget({ rate: " 3% ", baseline: "£12.6bn", years: "", method: "compound" }, PAGE_NAMES);
    expect(parsed).toEqual({ ok: true, spec: { kind: "rate", rate: 0.03, baseline: 12.6e9, method: "compound" } });
    const spec = overallTargetSpec({ rate: 0.03, baseline: 12.6e9, method: "compound" });
    expect(parsed.ok && parsed.spec).toEqual(spec);
    const target = resolveOverallTarget(parsed.ok && parsed.spec ? parsed.spec : { kind: "amount", amount: 0 }, []);
    expect(target).toMatchObject({ amount: 1_168_360_200, years: 3, method: "compound" });
  });

  test("blank texts state nothing", () => {
    expect(parseOverallTarget({ amount: "  ", rate: "" }, PAGE_NAMES)).toEqual({ ok: true, spec: null });
  });

  test("a problem names the part it is in, in the page's words", () => {
    expect(parseOverallTarget({ amount: "lots" }, PAGE_NAMES)).toEqual({
      ok: false,
      part: "amount",
      message: "Overall target: 'lots' is not an amount in £: write it like 1.17bn, 378m, 450k or 12,600,000,000",
    });
    expect(parseOverallTarget({ rate: "3%" }, PAGE_NAMES)).toEqual({
      ok: false,
      part: null,
      message: "Rate a year needs a baseline (e.g. 12.6bn)",
    });
    expect(parseOverallTarget({ rate: "3%", baseline: "12.6bn", years: "three" }, PAGE_NAMES)).toMatchObject({ ok: false, part: "years" });
  });

  test("the command line's names by default", () => {
    expect(parseOverallTarget({ baseline: "12.6bn" })).toMatchObject({
      message: `--baseline goes with ${COMMAND_LINE_TARGET_NAMES.askRate}`,
    });
  });
});
