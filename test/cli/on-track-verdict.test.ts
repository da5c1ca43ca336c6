/** The on-track judgement in each return's verdict: vfm validate's one-line view and CSV. */
import { main } from "../../src/cli/main";
import { verdictOf } from "../../src/core/review/verdict";
import { memoryIO } from "./io-support";

describe("the on-track judgement in the verdict", () => {
  test("the CSV's On track column and the one-line view carry it", async () => {
    const io = memoryIO();
    expect(await main(["validate", "examples/northmoor-police.xlsx", "examples/northmoor-police-seeded.xlsx", "--format", "csv"], io)).toBe(
      1,
    );
    const rows = io.out
      .trim()
      .split(/\r?\n/)
      .map((line) => line.split(","));
    const column = rows[0].indexOf("On track");
    expect(column).toBeGreaterThan(0);
    expect(rows.slice(1).map((row) => row[column])).toEqual(["off-track", "off-track"]);

    const summary = memoryIO();
    await main(["validate", "examples/northmoor-police.xlsx", "--summary"], summary);
    expect(summary.out).toMatch(/northmoor-police\.xlsx: 0 errors, 0 warnings, 2 notes; target progress 20\.6%; off track\n/);
  });

  test("a verdict holds the reason and the shortfall of the measure that decided it", () => {
    const report = {
      file: "a.xlsx",
      reportingDate: "2026-10-31",
      summary: { errors: 0, warnings: 0, infos: 0, principles: {} as never, target: null },
      findings: [],
    };
    const onTrack = {
      status: "off-track" as const,
      reason: "Off track: £2,050,000 delivered by Q2 2026-27 against £6,180,000 due on the target path (33.2%), £4,130,000 short.",
      shortfall: 4_130_000,
    };
    expect(verdictOf({ file: "a.xlsx", status: "checked", report, vfmTablesFound: true, onTrack }).onTrack).toEqual(onTrack);
    expect(verdictOf({ file: "a.xlsx", status: "checked", report, vfmTablesFound: true, onTrack: null })).not.toHaveProperty("onTrack");
  });
});
