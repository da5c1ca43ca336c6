/**
 * A batch survives any one file: when the check itself throws on a file (a bug, or a limit such as
 * the validation deadline), that file is "could not be checked: ..." and every other file's report
 * is complete, in every format.
 */
import * as path from "node:path";
import { runValidate } from "../../src/cli/commands/validate";
import { memoryIO } from "./io-support";

jest.mock("../../src/core/validate/index", () => {
  const actual = jest.requireActual("../../src/core/validate/index");
  return {
    ...actual,
    validateWorkbookWithContext: (model: unknown, options: { file: string }) => {
      if (options.file.includes("seeded")) throw new RangeError("Maximum call stack size exceeded\n    at analyse (analysis.ts:1:1)");
      return actual.validateWorkbookWithContext(model, options);
    },
  };
});

const ROOT = path.resolve(__dirname, "..", "..");
const CLEAN = "examples/northmoor-police.xlsx";
const SEEDED = "examples/northmoor-police-seeded.xlsx";
const REASON = "could not be checked: Maximum call stack size exceeded at analyse (analysis.ts:1:1)";

async function validate(args: string[]) {
  const io = memoryIO({ cwd: ROOT });
  const status = await runValidate(args, io);
  return { status, out: io.out, err: io.err };
}

describe("a file whose check throws is that file's result", () => {
  test("json: the other files' reports complete, the failed one with its reason; exit 2; one line on stderr", async () => {
    const alone = JSON.parse((await validate(["--format", "json", CLEAN])).out);
    const run = await validate(["--format", "json", CLEAN, SEEDED, CLEAN]);
    expect(run.status).toBe(2);
    expect(run.err).toBe(`vfm: ${SEEDED}: ${REASON}\n`);
    const entries = JSON.parse(run.out);
    expect(entries).toEqual([alone, { file: SEEDED, status: "unreadable", reason: REASON }, alone]);
  });

  test("text, csv and sarif too", async () => {
    const text = await validate([CLEAN, SEEDED]);
    expect(text.out).toContain("(i) The baseline should be clearly quantified");
    expect(text.out).toContain(`  unreadable  ${SEEDED}: ${REASON}\n`);
    expect(text.out.trimEnd().split("\n").pop()).toMatch(/^2 files: 1 unreadable, 0 with errors/);
    const csv = await validate(["--format", "csv", CLEAN, SEEDED]);
    expect(csv.out.split("\r\n")[2]).toBe(`${SEEDED},unreadable,${REASON},,,,,,i ii iii iv v vi vii viii ix method,,,,`);
    const sarif = JSON.parse((await validate(["--format", "sarif", SEEDED, CLEAN])).out).runs[0];
    expect(sarif.invocations[0].toolExecutionNotifications[0].message.text).toBe(`${SEEDED}: ${REASON}`);
    expect(sarif.artifacts[0].location.uri).toBe(CLEAN);
  });
});
