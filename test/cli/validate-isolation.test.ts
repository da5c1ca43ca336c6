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
      if ((globalThis as { overDeadline?: boolean }).overDeadline && options.file.includes("seeded"))
        throw new actual.CheckDeadlineExceeded(20_000);
      const hostile = (globalThis as { hostileMessage?: string }).hostileMessage;
      if (hostile !== undefined && options.file.includes("seeded")) throw new Error(hostile);
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

describe("what a failure quotes is printed safely", () => {
  afterEach(() => delete (globalThis as { hostileMessage?: string }).hostileMessage);

  test("a 50 MB message full of control characters is one short, visible line on stderr and in the text; exact in JSON", async () => {
    const sheet = "Gains\u001b[2J\u001b]52;c;QUxMIENIRUNLUyBQQVNTRUQ=\u0007\r\n(ii) ...: \u2714 pass\u202e";
    const hostile = `no table on sheet ${sheet}${"x".repeat(50 * 1024 * 1024)}`;
    (globalThis as { hostileMessage?: string }).hostileMessage = hostile;
    const text = await validate(["--summary", CLEAN, SEEDED]);
    expect(text.err.length).toBeLessThan(1200);
    expect(text.err.split("\n")).toHaveLength(2);
    expect(text.err).toContain("\\x1b[2J\\x1b]52;c;QUxMIENIRUNLUyBQQVNTRUQ=\\x07 (ii) ...: \u2714 pass\\u202e");
    expect(text.err.trimEnd().endsWith("…")).toBe(true);
    for (const output of [text.out, text.err]) expect(output).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(text.out.length).toBeLessThan(3000);
    const json = await validate(["--format", "json", SEEDED]);
    // The reason is kept exact, but bounded: JSON is not amplified either.
    expect(JSON.parse(json.out).reason).toBe(`could not be checked: ${hostile.replace(/\s+/g, " ").slice(0, 999)}…`);
  }, 60_000);
});

test("a file that runs past the check's deadline is that file's result; the others are complete", async () => {
  (globalThis as { overDeadline?: boolean }).overDeadline = true;
  try {
    const run = await validate(["--format", "json", CLEAN, SEEDED]);
    expect(run.status).toBe(2);
    const entries = JSON.parse(run.out);
    expect(entries[0].summary).toBeDefined();
    expect(entries[1]).toEqual({
      file: SEEDED,
      status: "unreadable",
      reason:
        "could not be checked: Checking this workbook took longer than 20 seconds, the safe limit, so it was stopped. If it is genuine, split it into smaller workbooks.",
    });
  } finally {
    delete (globalThis as { overDeadline?: boolean }).overDeadline;
  }
});
