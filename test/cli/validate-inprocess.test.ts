import * as path from "node:path";
import { runValidate } from "../../src/cli/commands/validate";
import { memoryIO } from "./io-support";

const ROOT = path.resolve(__dirname, "..", "..");

const capture = (stderrIsTTY: boolean) => memoryIO({ stderrIsTTY, cwd: ROOT });

describe("runValidate in process", () => {
  it("draws progress on a terminal's stderr for several files, clears it, and keeps stdout clean", async () => {
    const io = capture(true);
    const status = await runValidate(["--format", "json", "examples/northmoor-police.xlsx", "examples/northmoor-police-seeded.xlsx"], io);
    expect(status).toBe(1);
    const stderr = io.err;
    expect(stderr).toContain("\r\u001b[K[1/2] reading examples/northmoor-police.xlsx");
    expect(stderr).toContain("\r\u001b[K[2/2] checking examples/northmoor-police-seeded.xlsx");
    expect(stderr.endsWith("\r\u001b[K")).toBe(true);
    expect(JSON.parse(io.out)).toHaveLength(2);
  });

  it("draws nothing for one small file, nor when stderr is not a terminal", async () => {
    const one = capture(true);
    expect(await runValidate(["--format", "json", "examples/northmoor-police.xlsx"], one)).toBe(0);
    expect(one.err).toBe("");
    const piped = capture(false);
    await runValidate(["examples/northmoor-police.xlsx", "examples/northmoor-police-seeded.xlsx"], piped);
    expect(piped.err).toBe("");
  });

  it("clears the progress line before printing a file's reason", async () => {
    const io = capture(true);
    expect(await runValidate(["--format", "json", "examples/northmoor-police.xlsx", "examples/missing.xlsx"], io)).toBe(2);
    const stderr = io.err;
    expect(stderr).toContain("\r\u001b[Kvfm: examples/missing.xlsx: no such file\n");
    expect(JSON.parse(io.out).map((r: { file: string }) => r.file)).toEqual(["examples/northmoor-police.xlsx", "examples/missing.xlsx"]);
  });

  it("prints help on stdout with status 0", async () => {
    const io = capture(false);
    expect(await runValidate(["--help"], io)).toBe(0);
    expect(io.out).toContain("Exit status: 0 no errors found");
  });
});
