/** A WorkbookSource with canned results, for component tests. */
import { PRINCIPLES } from "../../src/core/validate/types";
import type { Finding, PrincipleKey, PrincipleStatus, ValidationReport } from "../../src/core/validate/types";
import type { WorkbookModel } from "../../src/core/workbook/model";
import type {
  CheckOutcome,
  CheckRequest,
  CheckResult,
  GoToOutcome,
  RuleCatalogue,
  WorkbookSource,
  WriteOutcome,
} from "../../src/taskpane/source";
import type { PaneVfmData } from "../../src/taskpane/vfm-data";

const TEST_CATALOGUE: RuleCatalogue = {
  rules: [],
  docPath: (id: string) => `docs/rules/${id}.md`,
  principleTitle: (key: PrincipleKey) => (key === "method" ? "Method checks" : `Principle ${key} title`),
  rule: (id: string) => ({
    id,
    principle: id.split(".")[0] as PrincipleKey,
    severity: "warning",
    title: `Title of ${id}`,
    why: `Why ${id} matters.`,
    fix: `How to fix ${id}.`,
    docPath: `docs/rules/${id}.md`,
  }),
};

export function finding(rule: string, severity: Finding["severity"], sheet: string | null = "Gains", cell: string | null = "K7"): Finding {
  const principle = rule.split(".")[0] as PrincipleKey;
  return { principle, rule, severity, sheet, cell, message: `Message for ${rule} at ${cell ?? "workbook"}.` };
}

function report(findings: Finding[]): ValidationReport {
  const principles = {} as Record<PrincipleKey, PrincipleStatus>;
  for (const key of PRINCIPLES) {
    const mine = findings.filter((f) => f.principle === key);
    principles[key] = mine.some((f) => f.severity === "error") ? "fail" : mine.some((f) => f.severity === "warning") ? "warn" : "pass";
  }
  return {
    file: "force.xlsx",
    reportingDate: "2009-12-31",
    summary: {
      errors: findings.filter((f) => f.severity === "error").length,
      warnings: findings.filter((f) => f.severity === "warning").length,
      infos: findings.filter((f) => f.severity === "info").length,
      principles,
      target: { value: 1413.715842, riskAdjustedCashable: 1102.4, progress: 0.7798 },
    },
    findings,
  };
}

const EMPTY_MODEL: WorkbookModel = {
  sheets: [{ name: "Sheet1", visibility: "visible", rows: [] }],
  tables: [],
  names: [],
  date1904: false,
};

export function vfmData(overrides: Partial<PaneVfmData> = {}): PaneVfmData {
  return {
    unit: "£m",
    targetYear: "2010-11",
    target: { value: 1413.715842, riskAdjustedCashable: 1102.4, progress: 0.7798 },
    quarters: [
      { label: "Q1 2008-09", quarterEnd: "2008-06-30", trajectory: 100, actual: 90, targetByYearEnd: 457.38 },
      { label: "Q2 2008-09", quarterEnd: "2008-09-30", trajectory: 200, actual: 210, targetByYearEnd: 457.38 },
    ],
    targetPath: [
      { startYear: 2008, due: 457.38 },
      { startYear: 2009, due: 928.48 },
      { startYear: 2010, due: 1413.72 },
    ],
    settings: {
      reportingDate: "2009-12-31",
      tolerance: 0.005,
      ragMapping: [
        ["green", 1],
        ["amber", 0.5],
        ["red", 0],
      ],
      minimumCashableShare: 0.5,
    },
    forecastNotes: [],
    hasVfmTables: true,
    isEmpty: false,
    protectedSheets: [],
    ...overrides,
  };
}

export function result(findings: Finding[], data: Partial<PaneVfmData> = {}, model: WorkbookModel = EMPTY_MODEL): CheckResult {
  return { report: report(findings), data: vfmData(data), model, catalogue: TEST_CATALOGUE, readerNotes: [] };
}

export interface FakeSource extends WorkbookSource {
  requests: CheckRequest[];
  goToCalls: Array<[string, string]>;
}

export function fakeSource(options: {
  outcome?: CheckOutcome | ((request: CheckRequest) => Promise<CheckOutcome>);
  goTo?: GoToOutcome;
  kind?: "excel" | "file";
  write?: WriteOutcome;
}): FakeSource {
  const requests: CheckRequest[] = [];
  const goToCalls: Array<[string, string]> = [];
  const source: FakeSource = {
    kind: options.kind ?? "file",
    label: "force.xlsx",
    requests,
    goToCalls,
    async check(request) {
      requests.push(request);
      const outcome = options.outcome ?? { status: "done", result: result([]) };
      return typeof outcome === "function" ? outcome(request) : outcome;
    },
    async goToCell(sheet, address) {
      goToCalls.push([sheet, address]);
      return options.goTo ?? { kind: "selected" };
    },
  };
  if (options.kind === "excel") {
    const write = options.write ?? { ok: true, message: "Done." };
    source.createTemplate = async () => write;
    source.writeReport = async () => write;
    source.saveSettings = async () => write;
  }
  return source;
}
