/**
 * `npm run score:layouts`: runs the validator (through the .xlsx reader, as `vfm validate` does) on
 * every real-layout fixture (test/fixtures/real-layouts/) and prints recall (seeded defects found /
 * seeded) and error precision (error findings that are seeded defects / all error findings), per
 * fixture and overall, then every miss, false error and wrong verdict; then the same for the
 * template-shaped examples. `--json` prints the figures as JSON. Always exits 0: it measures, the
 * gate is test/real-layouts/gate.test.ts.
 */
import * as path from "node:path";
import { REAL_LAYOUTS_DIR, formatScore, scoreCorpus, scoreTemplateShaped, type CorpusScore } from "../test/support/real-layouts";

// Compiled to build/score-layouts/scripts/: the repository is three levels up.
const ROOT = path.resolve(__dirname, "..", "..", "..");
const DIR = path.join(ROOT, path.relative(path.resolve(REAL_LAYOUTS_DIR, "..", "..", ".."), REAL_LAYOUTS_DIR));

const figures = (score: CorpusScore) => ({
  recall: score.recall,
  precision: score.precision,
  found: score.found,
  expected: score.expected,
  rightErrors: score.rightErrors,
  errors: score.errors,
  verdictProblems: score.verdictProblems,
  fixtures: score.fixtures.map(({ report: _report, ...f }) => f),
});

async function main(): Promise<void> {
  const corpus = await scoreCorpus(DIR);
  const template = await scoreTemplateShaped(ROOT);
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify({ realLayouts: figures(corpus), templateShaped: figures(template) }, null, 1));
    return;
  }
  console.log("Real-layout corpus (test/fixtures/real-layouts/)\n");
  console.log(formatScore(corpus));
  console.log("\n\nTemplate-shaped workbooks (examples/, test/fixtures/libreoffice/authored/)\n");
  console.log(formatScore(template));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
