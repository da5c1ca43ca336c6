import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readXlsx } from "../../src/adapters/xlsx/read/index";
import { parseTemplateArgs } from "../../src/cli/commands/template";
import { ensureCliBuilt, vfm } from "./validate-support";

describe("vfm template", () => {
  let dir: string;
  beforeAll(() => {
    ensureCliBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "vfm-template-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("writes the template and says what it wrote", async () => {
    const run = vfm(["template", "plan.xlsx"], { cwd: dir });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      "Wrote plan.xlsx: 10 sheets (Instructions, Baseline, Gains, Profile, Milestones, Reinvestment, Quarterly, Comparatives, Publication, Settings), 9 Excel tables",
    );
    expect(run.stdout).toContain("spending period 2026-27, 2027-28, 2028-29");
    const read = await readXlsx(new Uint8Array(fs.readFileSync(path.join(dir, "plan.xlsx"))));
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.model.tables.map((t) => t.name)).toContain("tblGains");
  });

  it("refuses to overwrite an existing file without --force, in one line, with exit status 2", () => {
    const file = path.join(dir, "mine.xlsx");
    fs.writeFileSync(file, "my own work");
    const run = vfm(["template", "mine.xlsx"], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("vfm: mine.xlsx: already exists; choose another name or add --force to overwrite it\n");
    expect(fs.readFileSync(file, "utf8")).toBe("my own work");
  });

  it("overwrites with --force", () => {
    const file = path.join(dir, "again.xlsx");
    fs.writeFileSync(file, "old");
    const run = vfm(["template", "--force", "again.xlsx"], { cwd: dir });
    expect(run.status).toBe(0);
    expect(fs.readFileSync(file).subarray(0, 2).toString("latin1")).toBe("PK");
  });

  it("takes another spending period", async () => {
    const run = vfm(["template", "csr07.xlsx", "--baseline-year", "2007-08"], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("baseline 2007-08, spending period 2008-09, 2009-10, 2010-11");
  });

  it("gives usage errors exit status 2", () => {
    const run = vfm(["template", "plan.txt"], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "vfm template: 'plan.txt' must end in .xlsx\nUsage: vfm template OUT.xlsx [--force] [--baseline-year YYYY-YY] [--years N]\nRun `vfm template --help` for the options.\n",
    );
  });

  it("parses its arguments", () => {
    expect(parseTemplateArgs(["plan.xlsx", "--force", "--baseline-year=2007/08", "--years", "4"])).toEqual({
      out: "plan.xlsx",
      force: true,
      baselineYear: 2007,
      targetYears: 4,
    });
    expect(parseTemplateArgs(["--help"])).toBe("help");
    expect(parseTemplateArgs([])).toMatch(/^give the file to write/);
    expect(parseTemplateArgs(["a.xlsx", "b.xlsx"])).toBe("give one output file, not 'a.xlsx' and 'b.xlsx'");
    expect(parseTemplateArgs(["a.xlsx", "--colour"])).toBe("unknown option '--colour'");
    expect(parseTemplateArgs(["a.xlsx", "--baseline-year", "2007-09"])).toMatch(/^--baseline-year needs a financial year/);
    expect(parseTemplateArgs(["a.xlsx", "--years", "0"])).toMatch(/^--years needs a whole number/);
  });

  it("says why a file cannot be written", () => {
    const run = vfm(["template", "no-such-folder/plan.xlsx"], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("vfm: no-such-folder/plan.xlsx: the folder does not exist\n");
  });
});
