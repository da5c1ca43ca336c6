/**
 * Header and label matching on adversarial text (issue #12 item 1): cell text built to make a
 * backtracking pattern take quadratic or exponential time ("(((...", "[[[...", unclosed brackets,
 * long runs of spaces and digits) is matched in bounded time, from the bytes through the whole check.
 * Measured in CPU time of this process, with bounds tens of times above what linear matching needs
 * (before the fix: 1.2 s for one such cell, over 120 s for 10,000).
 */
import { readXlsx } from "../../src/adapters/xlsx/read";
import { validateWorkbookWithContext } from "../../src/core/validate";
import * as gen from "./generators";

async function checkCpuSeconds(bytes: Uint8Array): Promise<number> {
  const started = process.cpuUsage();
  const read = await readXlsx(bytes);
  if (!read.ok) throw new Error(read.reason);
  const { report } = validateWorkbookWithContext(read.model, { file: "h.xlsx", reportingDate: "2026-10-31" });
  expect(report.summary.errors).toBeGreaterThanOrEqual(0);
  const cpu = process.cpuUsage(started);
  return (cpu.user + cpu.system) / 1e6;
}

describe("backtracking header text", () => {
  it("checks one 32,767-character header cell of '(' quickly", async () => {
    expect(await checkCpuSeconds(gen.backtrackingHeaders({ cells: 1 }))).toBeLessThan(2);
  });

  it("checks 10,000 such cells (a 25 KB file) in bounded time", async () => {
    expect(await checkCpuSeconds(gen.backtrackingHeaders({ cells: 10_000 }))).toBeLessThan(20);
  });

  it.each([
    ["[", "square brackets"],
    ["(£", "brackets with a unit"],
    ["( ", "brackets and spaces"],
    ["2011/12 ", "year after year"],
    [" ", "spaces"],
    ["(a)[b]", "closed brackets"],
  ])("checks 2,000 header cells of %j repeated (%s) in bounded time", async (unit) => {
    expect(await checkCpuSeconds(gen.backtrackingHeaders({ cells: 2_000, unit }))).toBeLessThan(20);
  });

  it("checks 1,000 different long header cells (nothing shared to cache) in bounded time", async () => {
    expect(await checkCpuSeconds(gen.distinctLongHeaders({ cells: 1_000, length: 32_767 }))).toBeLessThan(20);
  });
});
