/**
 * The real-layout corpus (test/fixtures/real-layouts/) and how the validator is scored on it: what
 * each fixture must give, may give and must not give, and recall / error precision over the corpus.
 * Used by test/real-layouts/*.test.ts and by `npm run score:layouts` (scripts/score-layouts.ts).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { readXlsx } from "../../src/adapters/xlsx/read/index";
import { validateWorkbook } from "../../src/core/validate/index";
import type { Finding, PrincipleKey, Severity, ValidationReport } from "../../src/core/validate/types";
import { parseA1Range, type CellRect } from "../../src/core/workbook/model";

export const REAL_LAYOUTS_DIR = path.resolve(__dirname, "..", "fixtures", "real-layouts");

/** One finding a fixture must (or may, or must not) give. */
export interface ExpectedFinding {
  /** Short handle used in reports, e.g. "westmere-S3". */
  id?: string;
  rule: string;
  /** Sheet of the finding; absent: any sheet (or none, for a finding about a missing table). */
  sheet?: string;
  /** A1 cell or range on `sheet`; a finding matches when its own cell or range overlaps it. Absent: anywhere on the sheet. */
  range?: string;
  /** Only findings of this severity match (mustNot entries: "error" for "no error here"). */
  severity?: Severity;
  /** What was seeded, or why the finding must not appear, in words. */
  why: string;
}

export interface FixtureExpectation {
  file: string;
  /** The fictional body and the workbook, e.g. "Westmere Police: Savings Plan 2011-15". */
  body: string;
  /** What wrote the committed file. */
  program: "exceljs" | "LibreOffice Calc (re-save of an exceljs file)" | "vfm writer (src/adapters/xlsx/write.ts)";
  /** The reviewer's reporting date (as `vfm validate --reporting-date`). */
  reportingDate: string;
  /** The shapes of issue #9 this fixture carries. */
  shapes: string[];
  /** Seeded defects: each must be found (recall). */
  defects: ExpectedFinding[];
  /** Consequences of a seeded defect that a correct check may also report: neither counted right nor wrong. */
  tolerated: ExpectedFinding[];
  /** Findings that must not appear (tables that exist reported missing, correct rows flagged). */
  mustNot: ExpectedFinding[];
  principles: {
    /** Principles carrying a seeded defect: they must not read "pass". */
    notPass: PrincipleKey[];
    /** Principles whose evidence is genuinely absent from the workbook: they must read "not-checked". */
    notChecked: PrincipleKey[];
  };
}

export interface Corpus {
  about: string;
  fixtures: FixtureExpectation[];
}

export function loadCorpus(dir = REAL_LAYOUTS_DIR): Corpus {
  return JSON.parse(fs.readFileSync(path.join(dir, "expected.json"), "utf8")) as Corpus;
}

function overlaps(a: CellRect, b: CellRect): boolean {
  return a.startRow <= b.endRow && b.startRow <= a.endRow && a.startCol <= b.endCol && b.startCol <= a.endCol;
}

/** Whether a finding is the one an expectation describes (rule, sheet, overlapping range, severity). */
export function matches(finding: Finding, expected: ExpectedFinding): boolean {
  if (finding.rule !== expected.rule) return false;
  if (expected.severity !== undefined && finding.severity !== expected.severity) return false;
  if (expected.sheet === undefined) return true;
  if ((finding.sheet ?? "").toLowerCase() !== expected.sheet.toLowerCase()) return false;
  if (expected.range === undefined) return true;
  const want = parseA1Range(expected.range);
  const got = finding.cell === null ? null : parseA1Range(finding.cell);
  return want !== null && got !== null && overlaps(want, got);
}

const where = (f: Pick<Finding, "rule" | "severity" | "sheet" | "cell">): string =>
  `${f.rule} (${f.severity}) ${f.sheet ?? "-"}!${f.cell ?? "-"}`;
const described = (e: ExpectedFinding): string => `${e.id ? `${e.id} ` : ""}${e.rule} ${e.sheet ?? "-"}!${e.range ?? "*"}: ${e.why}`;

export interface FixtureScore {
  file: string;
  /** The check could not run (file unreadable): every defect is a miss. */
  failure?: string;
  expected: number;
  found: number;
  errors: number;
  rightErrors: number;
  /** Error findings that are tolerated consequences: left out of precision. */
  toleratedErrors: number;
  misses: string[];
  falseErrors: string[];
  /** mustNot findings that appeared, and principle verdicts that are wrong. */
  verdictProblems: string[];
  report?: ValidationReport;
}

export interface CorpusScore {
  fixtures: FixtureScore[];
  expected: number;
  found: number;
  errors: number;
  rightErrors: number;
  recall: number;
  precision: number;
  verdictProblems: number;
}

/** Scores one report against its expectation. */
export function scoreReport(expectation: FixtureExpectation, report: ValidationReport): FixtureScore {
  const findings = report.findings;
  const misses = expectation.defects.filter((d) => !findings.some((f) => matches(f, d))).map(described);
  const errors = findings.filter((f) => f.severity === "error");
  const tolerated = errors.filter(
    (f) => !expectation.defects.some((d) => matches(f, d)) && expectation.tolerated.some((t) => matches(f, t)),
  );
  const right = errors.filter((f) => expectation.defects.some((d) => matches(f, d)));
  const falseErrors = errors.filter((f) => !right.includes(f) && !tolerated.includes(f));
  const verdictProblems: string[] = [];
  for (const not of expectation.mustNot) {
    for (const f of findings.filter((f) => matches(f, not))) verdictProblems.push(`must not report ${where(f)}: ${not.why}`);
  }
  const statuses = report.summary.principles as Record<PrincipleKey, string>;
  for (const p of expectation.principles.notPass) {
    if (statuses[p] === "pass") verdictProblems.push(`principle (${p}) reads "pass" but carries a seeded defect`);
  }
  for (const p of expectation.principles.notChecked) {
    if (statuses[p] !== "not-checked")
      verdictProblems.push(`principle (${p}) reads "${statuses[p]}" but its evidence is not in the workbook ("not-checked" expected)`);
  }
  return {
    file: expectation.file,
    expected: expectation.defects.length,
    found: expectation.defects.length - misses.length,
    errors: errors.length - tolerated.length,
    rightErrors: right.length,
    toleratedErrors: tolerated.length,
    misses,
    falseErrors: falseErrors.map((f) => `${where(f)}: ${f.message}`),
    verdictProblems,
    report,
  };
}

/** Reads and checks one fixture as `vfm validate FILE --reporting-date DATE` would. */
async function scoreFixture(expectation: FixtureExpectation, dir = REAL_LAYOUTS_DIR): Promise<FixtureScore> {
  const bytes = new Uint8Array(fs.readFileSync(path.join(dir, expectation.file)));
  const read = await readXlsx(bytes, { fileName: expectation.file });
  if (!read.ok) {
    return {
      file: expectation.file,
      failure: read.reason,
      expected: expectation.defects.length,
      found: 0,
      errors: 0,
      rightErrors: 0,
      toleratedErrors: 0,
      misses: expectation.defects.map(described),
      falseErrors: [],
      verdictProblems: [`could not be read: ${read.reason}`],
    };
  }
  const report = validateWorkbook(read.model, { file: expectation.file, reportingDate: expectation.reportingDate });
  return scoreReport(expectation, report);
}

export function totalScore(fixtures: FixtureScore[]): CorpusScore {
  const sum = (key: "expected" | "found" | "errors" | "rightErrors"): number => fixtures.reduce((n, f) => n + f[key], 0);
  const expected = sum("expected");
  const errors = sum("errors");
  return {
    fixtures,
    expected,
    found: sum("found"),
    errors,
    rightErrors: sum("rightErrors"),
    // No defects expected: recall is vacuously 1. No error findings at all: nothing was wrong, precision 1.
    recall: expected === 0 ? 1 : sum("found") / expected,
    precision: errors === 0 ? 1 : sum("rightErrors") / errors,
    verdictProblems: fixtures.reduce((n, f) => n + f.verdictProblems.length, 0),
  };
}

export async function scoreCorpus(dir = REAL_LAYOUTS_DIR): Promise<CorpusScore> {
  const corpus = loadCorpus(dir);
  const fixtures: FixtureScore[] = [];
  for (const expectation of corpus.fixtures) fixtures.push(await scoreFixture(expectation, dir));
  return totalScore(fixtures);
}

/**
 * The template-shaped workbooks, scored the same way: the two Northmoor examples (examples/, with
 * examples/seeded-defects.json) and Harbourside, written by hand in LibreOffice
 * (test/fixtures/libreoffice/authored/). The clean example must give no error; every seeded defect
 * must be found.
 */
export async function scoreTemplateShaped(root = path.resolve(REAL_LAYOUTS_DIR, "..", "..", "..")): Promise<CorpusScore> {
  interface Listed {
    reportingDate: string;
    defects?: Array<{ rule: string; sheet: string; cell: string; defect: string }>;
    findings?: Array<{ rule: string; sheet: string; cell: string; defect: string }>;
  }
  const listed = (file: string): Listed => JSON.parse(fs.readFileSync(path.join(root, file), "utf8")) as Listed;
  const expectation = (file: string, body: string, reportingDate: string, defects: Listed["defects"] = []): FixtureExpectation => ({
    file,
    body,
    program: "vfm writer (src/adapters/xlsx/write.ts)",
    reportingDate,
    shapes: ["our template"],
    defects: defects.map((d) => ({ rule: d.rule, sheet: d.sheet, range: d.cell, why: d.defect })),
    tolerated: [],
    mustNot: [],
    principles: { notPass: [...new Set(defects.map((d) => d.rule.split(".")[0] as PrincipleKey))], notChecked: [] },
  });
  const seeded = listed("examples/seeded-defects.json");
  const harbourside = listed("test/fixtures/libreoffice/authored/harbourside-council.expected.json");
  const sets: Array<[string, FixtureExpectation]> = [
    ["examples", expectation("northmoor-police.xlsx", "Northmoor Police, clean example", seeded.reportingDate)],
    ["examples", expectation("northmoor-police-seeded.xlsx", "Northmoor Police, seeded example", seeded.reportingDate, seeded.defects)],
    [
      "test/fixtures/libreoffice/authored",
      {
        ...expectation(
          "harbourside-council.xlsx",
          "Harbourside Borough Council, authored in LibreOffice",
          harbourside.reportingDate,
          harbourside.findings,
        ),
        program: "LibreOffice Calc (re-save of an exceljs file)",
      },
    ],
  ];
  const fixtures: FixtureScore[] = [];
  for (const [dir, e] of sets) fixtures.push(await scoreFixture(e, path.join(root, dir)));
  return totalScore(fixtures);
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** The score as a reviewer reads it: per fixture, overall, then every miss and false error. */
export function formatScore(score: CorpusScore): string {
  const lines: string[] = [];
  const width = Math.max(...score.fixtures.map((f) => f.file.length), 7);
  lines.push(`${"fixture".padEnd(width)}  recall        error precision   verdict problems`);
  for (const f of score.fixtures) {
    const recall = `${f.found}/${f.expected}`.padEnd(6) + (f.expected ? ` ${pct(f.found / f.expected)}` : "  -").padStart(7);
    const precision = `${f.rightErrors}/${f.errors}`.padEnd(6) + (f.errors ? ` ${pct(f.rightErrors / f.errors)}` : "  -").padStart(7);
    lines.push(
      `${f.file.padEnd(width)}  ${recall.padEnd(14)}${precision.padEnd(18)}${f.verdictProblems.length}${f.failure ? `  (unreadable: ${f.failure})` : ""}`,
    );
  }
  lines.push(
    `${"overall".padEnd(width)}  recall ${score.found}/${score.expected} = ${pct(score.recall)}; error precision ${score.rightErrors}/${score.errors} = ${pct(score.precision)}; verdict problems ${score.verdictProblems}`,
  );
  for (const f of score.fixtures) {
    if (f.misses.length + f.falseErrors.length + f.verdictProblems.length === 0) continue;
    lines.push("", `${f.file}:`);
    for (const m of f.misses) lines.push(`  missed       ${m}`);
    for (const e of f.falseErrors) lines.push(`  false error  ${e}`);
    for (const v of f.verdictProblems) lines.push(`  verdict      ${v}`);
  }
  return lines.join("\n");
}
