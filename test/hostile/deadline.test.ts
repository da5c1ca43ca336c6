/**
 * The check's deadline (issue #12 item 1): past it the validator stops with one line, from the core's
 * entry point, the pane's check and the CLI alike; a genuine workbook is far inside it.
 */
import * as fs from "fs";
import * as path from "path";
import { readXlsx } from "../../src/adapters/xlsx/read";
import {
  CheckDeadlineExceeded,
  DEFAULT_CHECK_DEADLINE_MS,
  RULES,
  runRules,
  analyse,
  startDeadline,
  validateWorkbookWithContext,
} from "../../src/core/validate";
import type { WorkbookModel } from "../../src/core/workbook/model";
import { repositoryRoot } from "../support/repository-root";

async function example(): Promise<WorkbookModel> {
  const bytes = fs.readFileSync(path.join(repositoryRoot(), "examples", "northmoor-police-seeded.xlsx"));
  const read = await readXlsx(new Uint8Array(bytes));
  if (!read.ok) throw new Error(read.reason);
  return read.model;
}

/** A clock that moves `step` ms every time it is read. */
function steppingClock(step: number): () => number {
  let now = 0;
  return () => (now += step);
}

describe("the check's deadline", () => {
  it("stops a check that runs past it with one line that says what happened", async () => {
    const model = await example();
    let thrown: unknown;
    try {
      validateWorkbookWithContext(model, { file: "f.xlsx", deadlineMs: 5_000, clock: steppingClock(1_000) });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CheckDeadlineExceeded);
    expect((thrown as Error).message).toBe(
      "Checking this workbook took longer than 5 seconds, the safe limit, so it was stopped. If it is genuine, split it into smaller workbooks.",
    );
  });

  it("is not mistaken for one rule's failure (it is looked at between rules, outside their guard)", async () => {
    const model = await example();
    const analysis = analyse(model, { file: "f.xlsx" });
    const deadline = startDeadline({ deadlineMs: 3_500, clock: steppingClock(1_000) });
    expect(() => runRules(analysis, RULES, deadline)).toThrow(CheckDeadlineExceeded);
  });

  it("has a default far above what the examples need, and lets them through", async () => {
    expect(DEFAULT_CHECK_DEADLINE_MS).toBe(20_000);
    const model = await example();
    const { report } = validateWorkbookWithContext(model, { file: "f.xlsx", reportingDate: "2026-10-31" });
    expect(report.summary.errors).toBeGreaterThan(0);
    // A nonsense deadline falls back to the default rather than stopping every check.
    expect(() => validateWorkbookWithContext(model, { file: "f.xlsx", deadlineMs: Number.NaN })).not.toThrow();
    expect(() => validateWorkbookWithContext(model, { file: "f.xlsx", deadlineMs: -1 })).not.toThrow();
  });
});
