/**
 * The gate of issue #9 (Tests): recall (seeded defects found / seeded) and error precision (error
 * findings that are seeded defects / all error findings) of the validator on the real-layout corpus
 * (test/fixtures/real-layouts/: workbooks laid out as forces and councils build them). Both are
 * printed with every miss and false error; `npm run score:layouts` prints the same.
 *
 * RATCHET. The goal is 0.9 for both (GOAL). At the team's last measurement on main
 * (11:30 UTC, 1 December 2026) main reached recall 23/28 (82.1%) and error precision 21/26 (80.8%), so the floors below are the levels
 * main reached, never lower: a change that loses recall or precision fails here. Raise a floor to the
 * new level whenever recognition improves, and replace RATCHET by GOAL once both reach 0.9.
 */
import { formatScore, scoreCorpus, type CorpusScore } from "../support/real-layouts";

const GOAL = { recall: 0.9, precision: 0.9 };
/** The levels main reached (11:30 UTC, 1 December 2026), as the fractions measured: never lower these. */
const RATCHET = { recall: 23 / 28, precision: 21 / 26 };

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

describe("recognition of real layouts (issue #9), ratchet towards recall and precision 0.9", () => {
  let score: CorpusScore;
  beforeAll(async () => {
    score = await scoreCorpus();
    console.log(
      `Real-layout corpus: recall ${pct(score.recall)} (floor ${pct(RATCHET.recall)}, goal ${pct(GOAL.recall)}), error precision ${pct(score.precision)} (floor ${pct(RATCHET.precision)}, goal ${pct(GOAL.precision)})\n${formatScore(score)}`,
    );
  });

  it(`finds at least ${pct(RATCHET.recall)} of the seeded defects (ratchet; goal ${pct(GOAL.recall)})`, () => {
    expect(score.expected).toBeGreaterThanOrEqual(12);
    expect(score.recall).toBeGreaterThanOrEqual(RATCHET.recall);
  });

  it(`is right in at least ${pct(RATCHET.precision)} of its error findings (ratchet; goal ${pct(GOAL.precision)})`, () => {
    expect(score.precision).toBeGreaterThanOrEqual(RATCHET.precision);
  });
});
