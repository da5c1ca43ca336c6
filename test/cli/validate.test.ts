import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseValidateArgs } from "../../src/cli/commands/validate";
import { CORPUS, ensureCliBuilt, EXAMPLES, vfm } from "./validate-support";

const CLEAN = path.join(EXAMPLES, "northmoor-police.xlsx");
const relClean = "examples/northmoor-police.xlsx";
const relSeeded = "examples/northmoor-police-seeded.xlsx";

describe("vfm validate", () => {
  let dir: string;
  beforeAll(() => {
    ensureCliBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "vfm-validate-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("exits 0 for a workbook without errors, with a text report ending in its summary line", () => {
    expect(fs.existsSync(CLEAN)).toBe(true);
    const run = vfm(["validate", relClean]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("(i) The baseline should be clearly quantified: ✔ pass");
    const last = run.stdout.trimEnd().split("\n").pop()!;
    expect(last).toMatch(
      /^examples\/northmoor-police\.xlsx: 0 errors, \d+ warnings?, \d+ notes?; 9 principles and the method rules: all passed; target progress [\d.]+% \(risk-adjusted cashable net gains £[\d,]+ of target £[\d,]+\)$/,
    );
  });

  it("exits 1 when a workbook has an error finding, and pins findings to sheet!cell", () => {
    const run = vfm(["validate", relSeeded]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/✖ error\s+Gains!\w+\d+ /);
    expect(run.stdout).toContain("How to fix:");
    expect(run.stdout).not.toContain("Why it matters:");
    expect(vfm(["validate", "--verbose", relSeeded]).stdout).toContain("Why it matters:");
  });

  it("uses ASCII symbols, still with the severity words, when the terminal is not UTF-8", () => {
    const run = vfm(["validate", relSeeded], { env: { LANG: "C" } });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/ x error\s+Gains!G5 /);
    expect(run.stdout).toMatch(/ ! warning Baseline!D7 /);
    expect(run.stdout).not.toMatch(/[✖⚠ℹ✔]/);
  });

  it("writes json: one object for one file, an array for several", () => {
    const one = vfm(["validate", "--format", "json", relSeeded]);
    expect(one.status).toBe(1);
    const report = JSON.parse(one.stdout);
    expect(report.file).toBe(relSeeded);
    expect(Object.keys(report)).toEqual(["file", "reportingDate", "summary", "findings"]);
    expect(report.reportingDate).toBe("2026-10-31");
    const several = vfm(["validate", "--format=json", relClean, relSeeded]);
    expect(several.status).toBe(1);
    const reports = JSON.parse(several.stdout);
    expect(reports.map((r: { file: string }) => r.file)).toEqual([relClean, relSeeded]);
  });

  it("says in JSON, SARIF and text which principles were not checked and why, never pass (#9)", () => {
    // An annual return with no quarterly tracker and no benchmarking (test/fixtures/real-layouts/expected.json).
    const annual = "test/fixtures/real-layouts/thornbury-cc-aes-ni179-seeded.xlsx";
    const json = JSON.parse(vfm(["validate", "--format", "json", "--reporting-date", "2010-03-31", annual]).stdout);
    expect(json.summary.principles.vi).toBe("not-checked");
    expect(json.summary.principles.vii).toBe("not-checked");
    expect(json.summary.notChecked.vi).toEqual({
      tables: ["Quarterly"],
      reason: expect.stringMatching(/^No Quarterly table was found on the \d+ sheets looked at\.$/),
    });
    const sarif = JSON.parse(vfm(["validate", "--format", "sarif", "--reporting-date", "2010-03-31", annual]).stdout);
    const notes = sarif.runs[0].invocations[0].toolExecutionNotifications as Array<{ level: string; properties: { principle: string } }>;
    expect(notes.filter((n) => n.level === "warning").map((n) => n.properties.principle)).toEqual(expect.arrayContaining(["vi", "vii"]));
    const text = vfm(["validate", "--reporting-date", "2010-03-31", annual]).stdout;
    expect(text).toMatch(/\(vi\) Quarterly updates [^\n]*: - not checked \(No Quarterly table was found/);
    expect(text).toMatch(/not checked \(vi\) \(vii\)/);
  });

  it("checks as at --reporting-date", () => {
    const run = vfm(["validate", "--format", "json", "--reporting-date", "2027-01-31", relClean]);
    const report = JSON.parse(run.stdout);
    expect(report.reportingDate).toBe("2027-01-31");
    // Q3 2026-27 ended on 31/12/2026 and has no update.
    expect(report.findings.some((f: { rule: string }) => f.rule === "vi.quarters-present")).toBe(true);
  });

  it("links rules to https pages in SARIF and the text report, never to a local path; VFM_DOCS_BASE_URL overrides", () => {
    const sarif = vfm(["validate", "--format", "sarif", relSeeded]).stdout;
    const text = vfm(["validate", "--verbose", relSeeded]).stdout;
    for (const output of [sarif, text]) {
      expect(output).toMatch(/https:\/\/github\.com\/vfm-checker\/vfm-addin\/blob\/main\/docs\/rules\/[a-z]+\.[a-z-]+\.md/);
      expect(output).not.toContain(path.resolve(__dirname, "..", "..", "docs"));
    }
    const driver = JSON.parse(sarif).runs[0].tool.driver;
    for (const rule of driver.rules) expect(rule.helpUri).toMatch(/^https:\/\//);
    const env = { VFM_DOCS_BASE_URL: "https://intranet.example/vfm" };
    const privateSarif = JSON.parse(vfm(["validate", "--format", "sarif", relSeeded], { env }).stdout);
    expect(privateSarif.runs[0].tool.driver.rules[0].helpUri).toMatch(/^https:\/\/intranet\.example\/vfm\/docs\/rules\/.+\.md$/);
    expect(vfm(["validate", "--verbose", relSeeded], { env }).stdout).toContain("More: https://intranet.example/vfm/docs/rules/");
    // Anything but https is ignored rather than leaking a path into a shared report.
    const local = JSON.parse(vfm(["validate", "--format", "sarif", relSeeded], { env: { VFM_DOCS_BASE_URL: "file:///home/me/" } }).stdout);
    expect(JSON.stringify(local.runs[0].tool.driver.rules)).not.toContain("file://");
  });

  it("writes SARIF 2.1.0 with rules and located results", () => {
    const run = vfm(["validate", "--format", "sarif", relSeeded]);
    expect(run.status).toBe(1);
    const log = JSON.parse(run.stdout);
    expect(log.version).toBe("2.1.0");
    const [sarifRun] = log.runs;
    expect(sarifRun.tool.driver.name).toBe("vfm");
    expect(sarifRun.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(sarifRun.tool.driver.informationUri).toBe("https://github.com/vfm-checker/vfm-addin#readme");
    expect(sarifRun.tool.driver.rules.length).toBeGreaterThan(20);
    for (const rule of sarifRun.tool.driver.rules) {
      expect(rule.shortDescription.text).not.toBe("");
      expect(rule.fullDescription.text).not.toBe("");
      expect(rule.help.text).not.toBe("");
      expect(rule.helpUri).toBe(`https://github.com/vfm-checker/vfm-addin/blob/main/docs/rules/${rule.id}.md`);
      expect(["error", "warning", "note"]).toContain(rule.defaultConfiguration.level);
    }
    const errors = sarifRun.results.filter((r: { level: string }) => r.level === "error");
    expect(errors.length).toBeGreaterThan(0);
    for (const result of sarifRun.results) {
      const [location] = result.locations;
      expect(location.physicalLocation.artifactLocation.uri).toBe(relSeeded);
      if (result.properties.cell) expect(location.logicalLocations[0].name).toBe(`${result.properties.sheet}!${result.properties.cell}`);
    }
  });

  it("still reports the good files when one cannot be read, with exit 2 and a one-line reason; the JSON holds every file", () => {
    const broken = path.join(CORPUS, "broken", "truncated.xlsx");
    const run = vfm(["validate", "--format", "json", relClean, broken, relSeeded]);
    expect(run.status).toBe(2);
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^vfm: ${broken.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: \\S`));
    const reports = JSON.parse(run.stdout);
    expect(reports.map((r: { file: string }) => r.file)).toEqual([relClean, broken, relSeeded]);
    expect(reports[1]).toEqual({ file: broken, status: "unreadable", reason: lines[0].slice(`vfm: ${broken}: `.length) });
    expect(Object.keys(reports[0])).toEqual(["file", "reportingDate", "summary", "findings"]);
  });

  it("refuses Excel lock files, missing files and folders with exit 2", () => {
    const lock = vfm(["validate", path.join(CORPUS, "broken", "~$act3_lab23_posey.xlsx")]);
    expect(lock.status).toBe(2);
    expect(lock.stderr).toMatch(/lock file/);
    const missing = vfm(["validate", "no-such.xlsx"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe("vfm: no-such.xlsx: no such file\n");
    expect(missing.stdout).toBe("");
    const folder = vfm(["validate", "examples"]);
    expect(folder.status).toBe(2);
    expect(folder.stderr).toMatch(/^vfm: examples: this is a folder/);
    const empty = path.join(dir, "empty.xlsx");
    fs.writeFileSync(empty, "");
    const emptyRun = vfm(["validate", empty]);
    expect(emptyRun.status).toBe(2);
    expect(emptyRun.stderr.split("\n")).toHaveLength(2);
  });

  it("gives usage errors exit status 2", () => {
    for (const args of [["validate"], ["validate", "--reporting-date", "2026-02-30", relClean]]) {
      const run = vfm(args);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(/^vfm validate: .+\nUsage: vfm validate FILE\.\.\./);
    }
  });

  it("parses its arguments, refusing what it does not know in one line", () => {
    expect(parseValidateArgs(["a.xlsx", "--format", "SARIF", "--reporting-date=2026-10-31", "-q", "--", "-odd.xlsx"])).toEqual({
      files: ["a.xlsx", "-odd.xlsx"],
      format: "sarif",
      reportingDate: "2026-10-31",
      summary: false,
      verbose: false,
      quiet: true,
      progress: false,
    });
    expect(parseValidateArgs(["--help"])).toBe("help");
    expect(parseValidateArgs([])).toBe("give at least one .xlsx file");
    expect(parseValidateArgs(["a.xlsx", "--format", "xml"])).toBe("--format 'xml' is not one of text, json, sarif, csv");
    expect(parseValidateArgs(["a.xlsx", "--format"])).toBe("--format needs a value: text, json, sarif or csv");
    // Dates are printed dd/mm/yyyy, so they are accepted that way too, as well as yyyy-mm-dd.
    expect(parseValidateArgs(["a.xlsx", "--reporting-date", "31/10/2026"])).toMatchObject({ reportingDate: "2026-10-31" });
    expect(parseValidateArgs(["a.xlsx", "--reporting-date", "1/4/2027"])).toMatchObject({ reportingDate: "2027-04-01" });
    expect(parseValidateArgs(["a.xlsx", "--reporting-date", "31/02/2027"])).toBe(
      "--reporting-date '31/02/2027' is not a date written DD/MM/YYYY or YYYY-MM-DD, e.g. 30/09/2026",
    );
    expect(parseValidateArgs(["a.xlsx", "--reporting-date", "10/31/2026"])).toMatch(/is not a date written DD\/MM\/YYYY/);
    expect(parseValidateArgs(["a.xlsx", "--reporting-date", "2026-13-01"])).toMatch(/is not a date/);
    expect(parseValidateArgs(["a.xlsx", "--colour"])).toBe("unknown option '--colour'");
  });

  it("keeps progress on stderr, never in the json on stdout", () => {
    const run = vfm(["validate", "--progress", "--format", "json", relClean, relSeeded]);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
    expect(run.stderr).toContain("[1/2] reading examples/northmoor-police.xlsx");
    expect(run.stderr).toContain("[2/2] checking examples/northmoor-police-seeded.xlsx");
    const quiet = vfm(["validate", "--format", "json", relClean, relSeeded]);
    expect(quiet.stderr).toBe("");
  });
});
