/**
 * The gate of issue #9 (Tests): recall (seeded defects found / seeded) and error precision (error
 * findings that are seeded defects / all error findings) of the validator on the real-layout corpus
 * (test/fixtures/real-layouts/: workbooks laid out as forces and councils build them). The test fails
 * below 0.9 for either, as the issue asks, and prints both with every miss and false error;
 * `npm run score:layouts` prints the same.
 */
import { formatScore, scoreCorpus, type CorpusScore } from "../support/real-layouts";

/** The threshold for both figures. */
const GATE = { recall: 0.9, precision: 0.9 };

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

describe("recognition of real layouts (issue #9): recall and error precision at least 0.9", () => {
  let score: CorpusScore;
  beforeAll(async () => {
    score = await scoreCorpus();
    console.log(
      `Real-layout corpus: recall ${score.found}/${score.expected} = ${pct(score.recall)}, error precision ${score.rightErrors}/${score.errors} = ${pct(score.precision)} (gate ${pct(GATE.recall)} for both)\n${formatScore(score)}`,
    );
  });

  it(`finds at least ${pct(GATE.recall)} of the seeded defects`, () => {
    expect(score.expected).toBeGreaterThanOrEqual(12);
    expect(score.recall).toBeGreaterThanOrEqual(GATE.recall);
  });

  it(`is right in at least ${pct(GATE.precision)} of its error findings`, () => {
    expect(score.errors).toBeGreaterThan(0);
    expect(score.precision).toBeGreaterThanOrEqual(GATE.precision);
  });
});
