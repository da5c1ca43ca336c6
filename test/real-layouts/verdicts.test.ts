/**
 * Honest verdicts on the real-layout corpus (issue #9 item 6): a principle whose evidence is not in
 * the workbook (expected.json's `notChecked`) reads "not-checked" with its reason, never "pass"; and
 * the template-shaped examples keep every principle checked.
 */
import { scoreCorpus, scoreTemplateShaped, loadCorpus, type CorpusScore } from "../support/real-layouts";
import { PRINCIPLES } from "../../src/core/validate/types";

describe("principles not checked on the real-layout corpus and the examples", () => {
  let corpus: CorpusScore;
  let template: CorpusScore;
  beforeAll(async () => {
    corpus = await scoreCorpus();
    template = await scoreTemplateShaped();
  }, 120_000);

  it("reads not-checked, never pass, wherever the evidence is genuinely absent", () => {
    const expectations = loadCorpus().fixtures;
    expect(expectations.some((e) => e.principles.notChecked.length > 0)).toBe(true);
    for (const e of expectations) {
      const summary = corpus.fixtures.find((f) => f.file === e.file)!.report!.summary;
      for (const p of e.principles.notChecked) {
        expect({ file: e.file, principle: p, status: summary.principles[p] }).toEqual({
          file: e.file,
          principle: p,
          status: "not-checked",
        });
        expect(summary.notChecked?.[p]?.tables.length).toBeGreaterThan(0);
      }
    }
  });

  it("gives a reason, naming the tables looked for, for every principle that reads not-checked, and only for those", () => {
    for (const f of [...corpus.fixtures, ...template.fixtures]) {
      const { principles, notChecked = {} } = f.report!.summary;
      const unchecked = PRINCIPLES.filter((p) => principles[p] === "not-checked");
      expect({ file: f.file, keys: Object.keys(notChecked) }).toEqual({ file: f.file, keys: unchecked });
      for (const p of unchecked) expect(notChecked[p]!.reason).toMatch(new RegExp(notChecked[p]!.tables[0]));
    }
  });

  it("keeps every principle of the template-shaped examples checked", () => {
    for (const f of template.fixtures) {
      expect({ file: f.file, notChecked: PRINCIPLES.filter((p) => f.report!.summary.principles[p] === "not-checked") }).toEqual({
        file: f.file,
        notChecked: [],
      });
    }
    const clean = template.fixtures.find((f) => f.file === "northmoor-police.xlsx")!;
    expect(PRINCIPLES.map((p) => clean.report!.summary.principles[p])).toEqual(PRINCIPLES.map(() => "pass"));
  });
});
