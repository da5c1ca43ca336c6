/**
 * A clone of the repository passes its tests on its own (#11): the real-world corpus the tests read
 * is kept in test/corpus with its sources' licences, nothing the project runs reaches for a folder
 * outside the repository, and `npm test` says how long it took.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { corpusDir, corpusWorkbooks } from "../support/corpus";

const ROOT = path.resolve(__dirname, "..", "..");

/** Text files under a folder (recursively), skipping binary workbooks and the corpus itself. */
function textFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return full === path.join(ROOT, "test", "corpus") ? [] : textFiles(full);
    return /\.(ts|tsx|js|cjs|mjs|json|md|sh|html|css)$/.test(entry.name) ? [full] : [];
  });
}

describe("the repository is self-contained", () => {
  test("the corpus lives inside the repository, with every folder the tests read", () => {
    const dir = corpusDir();
    expect(path.relative(ROOT, dir)).toBe(path.join("test", "corpus"));
    expect(corpusWorkbooks("euses-custodes")).toHaveLength(70);
    expect(corpusWorkbooks("mhclg-returns")).toHaveLength(6);
    expect(corpusWorkbooks("broken").map((file) => path.basename(file))).toEqual(
      expect.arrayContaining(["empty.xlsx", "not-a-workbook.xlsx", "truncated.xlsx", "zip-bomb.xlsx", "~$act3_lab23_posey.xlsx", "proto-names.xlsx"]),
    );
    // Odd names are kept as they were published: real folders of returns have them.
    expect(fs.existsSync(path.join(dir, "euses-custodes", "grades_Spring04_Geol%#A8A32.xlsx"))).toBe(true);
    expect(fs.existsSync(path.join(dir, "euses-custodes", "20030114144840!Superi#A7DEA.xlsx"))).toBe(true);
  });

  test("the corpus README gives each source's licence and attribution", () => {
    const readme = fs.readFileSync(path.join(corpusDir(), "README.md"), "utf8");
    for (const folder of ["euses-custodes", "mhclg-returns", "broken"]) expect(readme).toContain(`## ${folder}/`);
    expect(readme).toMatch(/Apache License 2\.0/);
    expect(readme).toMatch(/ExceLint\/ExceLint-addin/);
    expect(readme).toMatch(/communitiesuk\/funding-service-design-post-award-data-store/);
    expect(readme).toMatch(/MIT licence; Crown Copyright/);
  });

  test("no code, test, script, config or doc reaches for a folder beside the repository", () => {
    const files = [
      ...["src", "test", "scripts", "bench", "examples", ".ci", "docs"].flatMap((dir) => textFiles(path.join(ROOT, dir))),
      ...["README.md", "jest.config.js", "webpack.config.js", "package.json", "tsconfig.json"].map((name) => path.join(ROOT, name)),
    ].filter((file) => file !== __filename);
    expect(files.length).toBeGreaterThan(100);
    // "../shared", "shared/spec/...", or a path built from a "shared" segment: all reach outside the clone.
    const outside = /\.\.[/\\]+shared\b|\bshared[/\\](corpus|spec|data)\b|["']shared["']\s*,\s*["'](corpus|spec|data)["']/;
    const offenders = files.filter((file) => outside.test(fs.readFileSync(file, "utf8"))).map((file) => path.relative(ROOT, file));
    expect(offenders).toEqual([]);
  });

  test("the docs cite the specification where a reader can open it: docs/spec, in the repository", () => {
    for (const name of ["methodology.md", "workbook.md"]) expect(fs.existsSync(path.join(ROOT, "docs", "spec", name))).toBe(true);
    const docs = [...textFiles(path.join(ROOT, "docs")), path.join(ROOT, "README.md")].filter((file) => file.endsWith(".md") && !file.includes(`${path.sep}spec${path.sep}`));
    const unlinked = docs.flatMap((file) =>
      [...fs.readFileSync(file, "utf8").matchAll(/(?<![/\w])(workbook|methodology)\.md\b/g)].map((match) => `${path.relative(ROOT, file)}: ${match[0]}`),
    );
    // Every mention is a link into docs/spec (spec/workbook.md, ../spec/workbook.md, docs/spec/...).
    expect(unlinked).toEqual([]);
  });

  test("npm test reports how long it took, and passes the exit status through", () => {
    const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
    expect(scripts.test).toMatch(/^node scripts\/timed\.js "npm test" npm run -s test:steps$/);
    // What the steps are (jest among them): test/build/test-steps.test.ts.
    expect(scripts["test:steps"]).toBe("node scripts/test-steps.js");
    const timed = path.join(ROOT, "scripts", "timed.js");
    const failed = spawnSync(process.execPath, [timed, "npm test", process.execPath, "-e", "process.exit(3)"], { encoding: "utf8" });
    expect(failed.status).toBe(3);
    expect(failed.stdout).toMatch(/\nnpm test: failed \(exit status 3\) in \d+\.\d s\n$/);
    const passed = spawnSync(process.execPath, [timed, "npm test", process.execPath, "-e", "console.log('ok')"], { encoding: "utf8" });
    expect(passed.status).toBe(0);
    expect(passed.stdout).toMatch(/^ok\n\nnpm test: passed in \d+\.\d s\n$/);
  });

  test("elapsed times read as minutes and seconds", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain Node script, no types
    const { formatElapsed } = require("../../scripts/timed.js") as { formatElapsed: (ms: number) => string };
    expect(formatElapsed(48_340)).toBe("48.3 s");
    expect(formatElapsed(125_400)).toBe("2 min 05 s");
    expect(formatElapsed(299_600)).toBe("5 min 00 s");
    expect(formatElapsed(59_960)).toBe("1 min 00 s");
  });
});
