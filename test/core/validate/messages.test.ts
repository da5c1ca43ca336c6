import { analyse, getRule, runRules, type Rule } from "../../../src/core/validate";
import { placeholders, renderMessage, sarifArguments, sarifMessageString } from "../../../src/core/validate/messages";
import { clean } from "./fixtures";
import { duplicateCaseProblem, expectedFindingProblem } from "./rule-tester";

describe("message templates", () => {
  it("fills placeholders and names each once, in order", () => {
    expect(placeholders("{{a}} and {{ b }} then {{a}}")).toEqual(["a", "b"]);
    expect(renderMessage("{{gain}} has costs of {{value}}.", { gain: "Gain G1", value: "tbc" })).toBe("Gain G1 has costs of tbc.");
    expect(renderMessage("A $& {{x}}", { x: "$1 £" })).toBe("A $& $1 £");
  });

  it("never leaves a placeholder unfilled", () => {
    expect(() => renderMessage("{{gain}} has {{value}}", { gain: "G1" })).toThrow("has no value for {{value}}");
    expect(() => renderMessage("{{toString}}", {})).toThrow();
  });

  it("gives SARIF numbered placeholders and doubled literal braces", () => {
    expect(sarifMessageString("{{gain}} is {{value}}; {{gain}} again {x}")).toBe("{0} is {1}; {0} again {{x}}");
    expect(sarifArguments("{{gain}} is {{value}}; {{gain}}", { value: "2", gain: "G1" })).toEqual(["G1", "2"]);
  });
});

describe("the engine and message ids", () => {
  const base = getRule("iii.costs-present")!;
  const run = (rule: Rule) => runRules(analyse(clean(), { file: "t" }), [rule]);

  it("puts the message id and data on each finding beside the filled message", () => {
    const rule: Rule = { ...base, check: (ctx) => [ctx.inWorkbook("blank", { gain: "Gain G9" })] };
    expect(run(rule)).toEqual([
      expect.objectContaining({
        rule: "iii.costs-present",
        messageId: "blank",
        data: { gain: "Gain G9" },
        message: "Gain G9 has no costs figure: enter 0 if there were no costs.",
      }),
    ]);
  });

  it("turns an unknown message id or an unfilled placeholder into an internal-error finding, never a broken message", () => {
    const unknown: Rule = { ...base, check: (ctx) => [ctx.inWorkbook("blnak")] };
    const unfilled: Rule = { ...base, check: (ctx) => [ctx.inWorkbook("blank")] };
    expect(run(unknown)).toEqual([
      expect.objectContaining({
        rule: "method.internal-error",
        messageId: "failed",
        data: { rule: "iii.costs-present", reason: 'iii.costs-present has no message "blnak"' },
      }),
    ]);
    expect(run(unfilled)).toEqual([
      expect.objectContaining({ rule: "method.internal-error", message: expect.stringContaining("has no value for {{gain}}") }),
    ]);
  });
});

describe("the rule tester refuses", () => {
  const rule = getRule("iii.costs-present")!;
  it("a message id the rule does not declare", () => {
    expect(expectedFindingProblem(rule, { sheet: "Gains", cell: "J2", messageId: "missing", data: {} })).toMatch(
      /has no message "missing"/,
    );
  });
  it("data that leaves a placeholder unfilled, or fills one the message lacks", () => {
    expect(expectedFindingProblem(rule, { sheet: "Gains", cell: "J2", messageId: "notNumber", data: { gain: "Gain G1" } })).toMatch(
      /leaves \{\{value\}\} unfilled/,
    );
    expect(expectedFindingProblem(rule, { sheet: "Gains", cell: "J2", messageId: "blank", data: { gain: "Gain G1", row: "2" } })).toMatch(
      /no placeholder \{\{row\}\}/,
    );
    expect(expectedFindingProblem(rule, { sheet: "Gains", cell: "J2", messageId: "blank", data: { gain: "Gain G1" } })).toBeNull();
    expect(
      expectedFindingProblem(rule, {
        sheet: null,
        cell: null,
        messageId: "missingColumn",
        data: { table: "Gains", sheet: "Gains", column: "Costs", synonyms: "", why: "x" },
      }),
    ).toBeNull();
  });
  it("two cases with one name, or with the same workbook and options", () => {
    const model = clean();
    expect(
      duplicateCaseProblem([
        { name: "a", model },
        { name: "a", model: clean() },
      ]),
    ).toMatch(/two cases are named "a"/);
    expect(
      duplicateCaseProblem([
        { name: "a", model },
        { name: "b", model: clean() },
      ]),
    ).toMatch(/check the same workbook/);
    expect(
      duplicateCaseProblem([
        { name: "a", model },
        { name: "b", model, options: { today: "2009-12-31" } },
      ]),
    ).toBeNull();
  });
});
