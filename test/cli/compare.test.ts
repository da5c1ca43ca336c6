import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { readXlsx } from "../../src/adapters/xlsx/read/index";
import { writeXlsx } from "../../src/adapters/xlsx/write";
import { memoryIO } from "./io-support";

const ROOT = path.resolve(__dirname, "..", "..");
const Q1 = "test/fixtures/compare/northmoor-q1.xlsx";
const Q2 = "test/fixtures/compare/northmoor-q2.xlsx";
const RELAID = "test/fixtures/compare/northmoor-q2-relaid.xlsx";

async function run(...args: string[]) {
  const io = memoryIO({ cwd: ROOT, env: { LANG: "en_GB.UTF-8" } });
  const status = await main(["compare", ...args], io);
  return { status, out: io.out, err: io.err };
}

describe("vfm compare", () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vfm-compare-cli-"));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("prints the grouped changes and exits 0", async () => {
    const { status, out, err } = await run(Q1, Q2);
    expect(status).toBe(0);
    expect(err).toBe("");
    expect(out).toContain("What changed: northmoor-q1.xlsx (as at 31/07/2026) → northmoor-q2.xlsx (as at 31/10/2026)\n");
    expect(out).toContain("Gains added (1)\n  G07 Overtime management and duty planning");
    expect(out).toContain("Quarters revised after they were reported (1)\n  Q1 2026-27 actual: £900,000 → £950,000 (+£50,000)\n");
  });

  it("uses -> where the terminal is not UTF-8", async () => {
    const io = memoryIO({ cwd: ROOT, env: { LANG: "C" } });
    await main(["compare", Q1, Q2], io);
    expect(io.out).toContain("northmoor-q1.xlsx (as at 31/07/2026) -> northmoor-q2.xlsx");
  });

  it("--format json is the whole comparison, exact", async () => {
    const { status, out } = await run(Q1, Q2, "--format", "json");
    expect(status).toBe(0);
    const json = JSON.parse(out);
    expect(json.totals.net).toEqual({ last: 12_030_000, current: 13_180_000, change: 1_150_000 });
    expect(json.restated.target).toEqual({ last: 38_249_887.5, current: 38_203_524, change: -46_363.5 });
    expect(json.added.map((g: { id: string }) => g.id)).toEqual(["G07"]);
    expect(json.matchedByName).toEqual([{ lastId: "D06", id: "G06", name: "ICT licence consolidation" }]);
    expect(json.noChanges).toBe(false);
  });

  it("a layout-only difference prints 'No changes'", async () => {
    const { status, out } = await run(Q2, RELAID);
    expect(status).toBe(0);
    expect(out).toContain("No changes: the same 7 gains");
  });

  it("--out writes the changes sheet, and refuses to overwrite it without --force", async () => {
    const out = path.join(tmp, "changes.xlsx");
    const first = await run(Q1, Q2, "--out", out, "--format", "json");
    expect(first.status).toBe(0);
    JSON.parse(first.out);
    expect(first.err).toBe(`Wrote the changes to ${out} (sheet Changes).\n`);
    const read = await readXlsx(new Uint8Array(fs.readFileSync(out)));
    if (!read.ok) throw new Error(read.reason);
    expect(read.model.tables.map((t) => t.name)).toEqual(["tblVfmChanges"]);
    const again = await run(Q1, Q2, "--out", out);
    expect(again.status).toBe(2);
    expect(again.err).toBe(`vfm: ${out}: already exists; choose another name or add --force to overwrite it\n`);
    expect((await run(Q1, Q2, "--out", out, "--force")).status).toBe(0);
  });

  it("exit status 2 with one line for each unreadable file", async () => {
    const { status, out, err } = await run("missing.xlsx", "package.json");
    expect(status).toBe(2);
    expect(out).toBe("");
    const lines = err.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe("vfm: missing.xlsx: no such file");
    expect(lines[1]).toMatch(/^vfm: package\.json: /);
  });

  it("exit status 2 for wrong arguments", async () => {
    expect((await run(Q1)).err).toContain("give two .xlsx files: the last return, then this one");
    expect((await run(Q1)).status).toBe(2);
    expect((await run(Q1, Q2, RELAID)).status).toBe(2);
    expect((await run(Q1, Q2, "--out", "changes.csv")).err).toContain("'changes.csv' must end in .xlsx");
    expect((await run(Q1, Q2, "--force")).status).toBe(2);
    expect((await run(Q1, Q2, "--format", "sarif")).status).toBe(2);
  });

  it("notes a workbook without a gains register, and still compares", async () => {
    const notes = path.join(tmp, "notes.xlsx");
    fs.writeFileSync(notes, await writeXlsx({ sheets: [{ name: "Notes", lines: ["Minutes of the VfM Board"] }] }));
    const { status, err, out } = await run(Q1, notes);
    expect(status).toBe(0);
    expect(err).toBe(`vfm: ${notes}: note: no gains register was found in this workbook, so it counts as having no gains\n`);
    expect(out).toContain("Gains removed (7)");
  });

  it("is listed in vfm --help, with its own --help", async () => {
    const io = memoryIO({ cwd: ROOT });
    await main(["--help"], io);
    expect(io.out).toMatch(/compare\s+what changed since the last return/);
    const help = await run("--help");
    expect(help.status).toBe(0);
    expect(help.out).toContain("vfm compare LAST.xlsx THIS.xlsx");
    expect(help.out).toContain("--out OUT.xlsx");
  });
});

describe("vfm compare: terminal-safe stderr", () => {
  it("a file name with control characters is shown visibly, on one line", async () => {
    const io = memoryIO({ cwd: ROOT });
    const status = await main(["compare", "evil\u001b[2J.xlsx", Q2], io);
    expect(status).toBe(2);
    expect(io.err).toBe("vfm: evil\\x1b[2J.xlsx: no such file\n");
  });
});
