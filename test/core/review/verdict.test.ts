/** One verdict per return, the batch totals, and the verdicts as CSV. */
import { csvText, verdictsCsv, VERDICT_CSV_COLUMNS } from "../../../src/core/review/verdict-csv";
import {
  batchTotals,
  totalsLine,
  verdictDetail,
  verdictOf,
  verdictWord,
  type ReturnOutcome,
  type ReturnVerdict,
} from "../../../src/core/review/verdict";
import { PRINCIPLES, type PrincipleKey, type PrincipleStatus, type ValidationReport } from "../../../src/core/validate/types";

function report(
  file: string,
  counts: { errors?: number; warnings?: number; infos?: number },
  statuses: Partial<Record<PrincipleKey, PrincipleStatus>> = {},
  target: ValidationReport["summary"]["target"] = null,
): ValidationReport {
  const principles = Object.fromEntries(PRINCIPLES.map((p) => [p, statuses[p] ?? "pass"])) as Record<PrincipleKey, PrincipleStatus>;
  return {
    file,
    reportingDate: "2026-10-31",
    summary: { errors: counts.errors ?? 0, warnings: counts.warnings ?? 0, infos: counts.infos ?? 0, principles, target },
    findings: [],
  };
}

const checked = (r: ValidationReport, vfmTablesFound = true): ReturnOutcome => ({
  file: r.file,
  status: "checked",
  report: r,
  vfmTablesFound,
});

/** RFC 4180 parsing, written independently of the writer. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  expect(field).toBe("");
  expect(row).toEqual([]);
  return rows;
}

describe("verdictOf", () => {
  test("a checked return: counts, principles failed, target figures", () => {
    const v = verdictOf(
      checked(
        report(
          "a.xlsx",
          { errors: 4, warnings: 6, infos: 1 },
          { ii: "fail", iii: "fail", i: "warn" },
          { value: 38203524, riskAdjustedCashable: 7870000, progress: 0.206 },
        ),
      ),
    );
    expect(v).toEqual({
      file: "a.xlsx",
      status: "checked",
      reason: null,
      reportingDate: "2026-10-31",
      errors: 4,
      warnings: 6,
      infos: 1,
      principlesFailed: ["ii", "iii"],
      principlesNotChecked: [],
      target: 38203524,
      riskAdjustedCashable: 7870000,
      progress: 0.206,
    });
    expect("onTrack" in v).toBe(false);
    expect(verdictWord(v)).toBe("fail");
    expect(verdictDetail(v)).toBe("4 errors, 6 warnings, 1 note; failed (ii) (iii); target progress 20.6%");
  });

  test("a principle whose evidence was not found is not checked, never passed", () => {
    const statuses = { vi: "not-checked" } as unknown as Partial<Record<PrincipleKey, PrincipleStatus>>;
    expect(verdictOf(checked(report("a.xlsx", {}, statuses))).principlesNotChecked).toEqual(["vi"]);
    const notVfm = verdictOf(checked(report("b.xlsx", { errors: 9 }, { i: "fail", ii: "fail" }), false));
    expect(notVfm.status).toBe("not-vfm");
    expect(notVfm.principlesFailed).toEqual(["i", "ii"]);
    expect(notVfm.principlesNotChecked).toEqual(["iii", "iv", "v", "vi", "vii", "viii", "ix", "method"]);
    expect(verdictWord(notVfm)).toBe("not VfM");
    expect(verdictDetail(notVfm)).toBe("no VfM tables found; 9 errors, 0 warnings, 0 notes; failed (i) (ii)");
  });

  test("a file not checked keeps its reason and has no figures", () => {
    const v = verdictOf({ file: "c.xlsx", status: "unreadable", reason: "This workbook is password-protected (encrypted)." });
    expect(v).toMatchObject({
      status: "unreadable",
      reason: "This workbook is password-protected (encrypted).",
      reportingDate: null,
      target: null,
      progress: null,
      principlesFailed: [],
    });
    expect(v.principlesNotChecked).toEqual([...PRINCIPLES]);
    expect(verdictWord(v)).toBe("unreadable");
    expect(verdictDetail(v)).toBe("This workbook is password-protected (encrypted).");
  });

  test("progress that is not a finite number is not shown", () => {
    const v = verdictOf(checked(report("a.xlsx", {}, {}, { value: 0, riskAdjustedCashable: 5, progress: Infinity })));
    expect(verdictDetail(v)).toBe("0 errors, 0 warnings, 0 notes");
  });

  test("the on-track judgement, once made, is said", () => {
    const v: ReturnVerdict = { ...verdictOf(checked(report("a.xlsx", {}))), onTrack: { status: "at-risk", reason: "", shortfall: 10 } };
    expect(verdictDetail(v)).toBe("0 errors, 0 warnings, 0 notes; at risk");
  });
});

describe("batch totals", () => {
  const verdicts = [
    verdictOf(checked(report("a.xlsx", { errors: 2, warnings: 1 }))),
    verdictOf(checked(report("b.xlsx", { warnings: 3, infos: 1 }))),
    verdictOf(checked(report("c.xlsx", {}))),
    verdictOf({ file: "d.xlsx", status: "unreadable", reason: "no such file" }),
    verdictOf({ file: "e.xlsx", status: "unreadable", reason: "could not be checked: x" }),
  ];

  test("every file in exactly one category", () => {
    const totals = batchTotals(verdicts);
    expect(totals).toEqual({
      files: 5,
      unreadable: 2,
      notChecked: 0,
      notVfm: 0,
      withErrors: 1,
      withWarningsOnly: 1,
      clean: 1,
      errors: 2,
      warnings: 4,
      infos: 1,
    });
    expect(totalsLine(totals)).toBe(
      "5 files: 2 unreadable, 1 with errors, 1 with warnings only, 1 without problems (2 errors, 4 warnings, 1 note)",
    );
  });

  test("not VfM workbooks and files not reached are said when there are any", () => {
    const more = [
      ...verdicts,
      verdictOf(checked(report("f.xlsx", { errors: 9 }), false)),
      verdictOf({ file: "g.xlsx", status: "not-checked", reason: "stopped" }),
    ];
    expect(totalsLine(batchTotals(more))).toBe(
      "7 files: 2 unreadable, 1 not a VfM workbook, 1 with errors, 1 with warnings only, 1 without problems, 1 not checked (stopped) (11 errors, 4 warnings, 1 note)",
    );
    expect(totalsLine(batchTotals([]))).toBe(
      "0 files: 0 unreadable, 0 with errors, 0 with warnings only, 0 without problems (0 errors, 0 warnings, 0 notes)",
    );
  });
});

describe("verdicts as CSV", () => {
  test("one row per return under a header, parsed back exactly", () => {
    const csv = verdictsCsv([
      verdictOf(
        checked(
          report(
            "returns/a, b.xlsx",
            { errors: 1, warnings: 2, infos: 3 },
            { iv: "fail" },
            { value: 1413.715842, riskAdjustedCashable: 1102.4, progress: 0.78 },
          ),
        ),
      ),
      verdictOf({ file: 'say "hi".xlsx', status: "unreadable", reason: "two\nlines" }),
    ]);
    expect(csv.endsWith("\r\n")).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...VERDICT_CSV_COLUMNS]);
    expect(rows[1]).toEqual([
      "returns/a, b.xlsx",
      "checked",
      "",
      "2026-10-31",
      "1",
      "2",
      "3",
      "iv",
      "",
      "1413.715842",
      "1102.4",
      "0.78",
      "",
    ]);
    expect(rows[2]).toEqual([
      'say "hi".xlsx',
      "unreadable",
      "two\nlines",
      "",
      "",
      "",
      "",
      "",
      "i ii iii iv v vi vii viii ix method",
      "",
      "",
      "",
      "",
    ]);
    expect(rows).toHaveLength(3);
  });

  test.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ["+1+2", "'+1+2"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["\r=1", `"'\r=1"`],
    ["plain.xlsx", "plain.xlsx"],
    ["a,b", '"a,b"'],
  ])("text starting like a formula is neutralised, then quoted: %j", (text, field) => {
    expect(csvText(text)).toBe(field);
  });

  test("a file name that looks like a formula cannot run in a spreadsheet", () => {
    const rows = parseCsv(verdictsCsv([verdictOf({ file: "=cmd|' /C calc'!A0.xlsx", status: "unreadable", reason: "@evil" })]));
    expect(rows[1][0]).toBe("'=cmd|' /C calc'!A0.xlsx");
    expect(rows[1][2]).toBe("'@evil");
  });
});
