/**
 * Parity between the rules, their registration, their tests and their pages, as ESLint and
 * typescript-eslint keep it: a rule that is written but not registered (left out of its principle's
 * array), registered but untested, or without a generated page fails here.
 */
import * as fs from "fs";
import * as path from "path";
import { PRINCIPLES, RULES, ruleDocPath, type Rule } from "../../../src/core/validate";
import { placeholders } from "../../../src/core/validate/messages";

const ROOT = path.resolve(__dirname, "../../..");
const RULES_DIR = path.join(ROOT, "src/core/validate/rules");
const TEST_DIR = path.join(ROOT, "test");

function isRule(value: unknown): value is Rule {
  return (
    typeof value === "object" && value !== null && typeof (value as Rule).id === "string" && typeof (value as Rule).check === "function"
  );
}

/** Every rule module's exported rules, with the module's file name and the export's name. */
function exportedRules(): Array<{ file: string; name: string; rule: Rule }> {
  const out: Array<{ file: string; name: string; rule: Rule }> = [];
  for (const file of fs.readdirSync(RULES_DIR).filter((f) => f.endsWith(".ts") && f !== "index.ts" && f !== "helpers.ts")) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the modules are found at run time, so a new one is covered without editing this test
    const module = require(path.join(RULES_DIR, file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) if (isRule(value)) out.push({ file, name, rule: value });
  }
  return out;
}

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "fixtures" || entry.name === "corpus" ? [] : testFiles(full);
    return entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

const testSources = testFiles(TEST_DIR)
  .map((f) => fs.readFileSync(f, "utf8"))
  .join("\n");

describe("rule parity", () => {
  const exported = exportedRules();

  it("finds the rule modules", () => {
    expect(exported.length).toBeGreaterThanOrEqual(RULES.length);
  });

  it("registers every exported rule in RULES (a rule left out of its principle's array is never run)", () => {
    const registered = new Set(RULES);
    expect(exported.filter((e) => !registered.has(e.rule)).map((e) => `${e.file}: ${e.name}`)).toEqual([]);
  });

  it("gives every rule a unique id that starts with its principle", () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const rule of RULES) {
      expect(PRINCIPLES).toContain(rule.principle);
      expect(rule.id.startsWith(`${rule.principle}.`)).toBe(true);
    }
  });

  it("tests every rule with the rule tester (valid and invalid cases)", () => {
    const untested = exported.filter(
      (e) =>
        e.rule.id !== "method.internal-error" &&
        !testSources.includes(`ruleTester(rules.${e.name},`) &&
        !testSources.includes(`ruleTester(${e.name},`),
    );
    expect(untested.map((e) => `${e.rule.id} (${e.file}: ${e.name})`)).toEqual([]);
  });

  it("has a generated documentation page for every rule", () => {
    for (const rule of RULES) expect(fs.existsSync(path.join(ROOT, ruleDocPath(rule.id)))).toBe(true);
  });

  it("declares at least one message per rule, each with well-formed placeholders", () => {
    for (const rule of RULES) {
      expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
      for (const [id, template] of Object.entries(rule.messages)) {
        expect(id).toMatch(/^[a-z][A-Za-z0-9]*$/);
        const stripped = placeholders(template).reduce((text, name) => text.split(`{{${name}}}`).join(""), template);
        expect(stripped).not.toMatch(/\{\{|\}\}/);
      }
    }
  });
});
