import * as fs from "fs";
import * as path from "path";
import { renderRuleDocs } from "../../../scripts/gen-rule-docs";
import { RULES, ruleDocPath } from "../../../src/core/validate";

const ROOT = path.resolve(__dirname, "../../..");

describe("docs/rules", () => {
  const files = renderRuleDocs();

  it("has a page for every rule at the path findings link to", () => {
    for (const rule of RULES) expect(files.has(ruleDocPath(rule.id))).toBe(true);
  });

  it("is up to date with the rule modules (run `npm run docs:rules` after changing a rule)", () => {
    for (const [file, content] of files) {
      const onDisk = path.join(ROOT, file);
      expect(fs.existsSync(onDisk) ? fs.readFileSync(onDisk, "utf8") : `(missing ${file})`).toBe(content);
    }
    const committed = fs.readdirSync(path.join(ROOT, "docs/rules")).filter((n) => n.endsWith(".md"));
    expect(committed.sort()).toEqual([...files.keys()].map((f) => path.basename(f)).sort());
  });

  it("says on each page when the rule is our judgement", () => {
    for (const rule of RULES) {
      const page = files.get(ruleDocPath(rule.id))!;
      expect(page).toContain(rule.why);
      expect(page).toContain(rule.fix);
      expect(page.includes("## Our judgement")).toBe(Boolean(rule.judgement));
    }
  });
});
