import { formatCellRef, formatJson, formatText, severityLabel, summaryLine } from "../../../src/core/report/index";
import type { PrincipleKey, PrincipleStatus } from "../../../src/core/validate/types";
import { CATALOGUE, report } from "./fixtures";

describe("formatCellRef", () => {
  it("quotes sheet names as Excel does", () => {
    expect(formatCellRef("Gains", "K7")).toBe("Gains!K7");
    expect(formatCellRef("My sheet", "B4")).toBe("'My sheet'!B4");
    expect(formatCellRef("Bob's gains", "A1")).toBe("'Bob''s gains'!A1");
    expect(formatCellRef("2026", "A1")).toBe("'2026'!A1");
    expect(formatCellRef("A1", "B2")).toBe("'A1'!B2");
    expect(formatCellRef("Gains", null)).toBe("Gains");
    expect(formatCellRef(null, null)).toBe("");
  });
});

describe("text report", () => {
  const text = formatText([report()], CATALOGUE);

  it("groups findings under their principle with its title and status", () => {
    const lines = text.split("\n");
    const iii = lines.findIndex((l) => l.includes("(iii) Principle iii title: ✖ fail"));
    expect(iii).toBeGreaterThan(0);
    expect(lines[iii + 1]).toContain("✖ error");
    expect(lines[iii + 1]).toContain("Gains!K7");
    expect(lines[iii + 1]).toContain("[iii.net-recomputes]");
    expect(lines[iii + 2]).toMatch(/^\s+How to fix: Make Net gain a formula/);
    expect(text).toContain("(i) Principle i title: ✔ pass");
    expect(text).toContain("(iv) Principle iv title: ⚠ warnings");
    expect(text).toContain("⚠ warning 'My gains'!A4:A9");
    // One word per severity, the pane's: "note", never "info" (#11).
    expect(text).toContain("ℹ note    whole workbook");
    expect(text).not.toMatch(/\binfo\b/);
    expect(text).toContain("(method) Principle method title: ✔ pass");
  });

  it("shows severity in words, never by colour alone, and colour only when asked", () => {
    expect(text).not.toContain("\u001b[");
    const coloured = formatText([report()], CATALOGUE, { color: true });
    expect(coloured).toContain("\u001b[31m✖ error");
    expect(coloured.replace(/\u001b\[\d+m/g, "")).toBe(text);
  });

  it("falls back to ASCII symbols", () => {
    const ascii = formatText([report()], CATALOGUE, { unicode: false });
    expect(ascii).toContain("x error");
    expect(ascii).toContain("! warning");
    expect(ascii).toContain("i note");
    expect(ascii).toContain(": ok pass");
    expect(/[^\x00-\x7f£]/.test(ascii.replace(/[^\n]*Principle[^\n]*title/g, ""))).toBe(false);
    expect(severityLabel("error", { unicode: false })).toBe("x error  ");
  });

  it("adds why, judgement and documentation with verbose", () => {
    expect(text).not.toContain("Why it matters");
    const verbose = formatText([report()], CATALOGUE, { verbose: true });
    expect(verbose).toContain("Why it matters: Principle (iii) says gains are net of cost.");
    expect(verbose).toContain("Our judgement: Materiality is our judgement.");
    expect(verbose).toContain("More: docs/rules/iii.net-recomputes.md");
  });

  it("shows errors only with quiet, and still counts everything", () => {
    const quiet = formatText([report()], CATALOGUE, { quiet: true });
    expect(quiet).toContain("Gains!K7");
    expect(quiet).not.toContain("A4:A9");
    expect(quiet).not.toContain("(i) Principle i title");
    expect(quiet).toContain("1 error, 1 warning, 1 note;");
  });

  it("ends each file with a summary line: counts, the 9 principles and the method rules, target progress in £", () => {
    const lines = text.trimEnd().split("\n");
    expect(lines[lines.length - 1]).toBe(
      "returns/force a.xlsx: 1 error, 1 warning, 1 note; 9 principles and the method rules: failed (iii); warnings (iv); passed (i) (ii) (v) (vi) (vii) (viii) (ix) (method); target progress 78% (risk-adjusted cashable net gains £1,102.40 of target £1,413.72)",
    );
    const notes = summaryLine(report({ summary: { ...report().summary, infos: 2 } }));
    expect(notes).toContain("1 error, 1 warning, 2 notes;");
    const unknown = summaryLine(report({ summary: { ...report().summary, errors: 2, warnings: 0, target: null } }));
    expect(unknown).toContain("2 errors, 0 warnings");
    expect(unknown).toContain("target progress not known");
  });

  it("carries £ and the workbook's unit on money: £, £k, £m", () => {
    const target = { value: 38203524, riskAdjustedCashable: 7870000, progress: 0.206 };
    const pounds = report({ file: "p.xlsx", summary: { ...report().summary, target } });
    const thousands = report({
      file: "k.xlsx",
      summary: { ...report().summary, target: { value: 1234, riskAdjustedCashable: 250.5, progress: 0.203 } },
    });
    const both = formatText([pounds, thousands, report({ file: "m.xlsx" })], CATALOGUE, {
      units: new Map([
        ["p.xlsx", "£"],
        ["k.xlsx", "£k"],
        ["m.xlsx", "£m"],
      ]),
    });
    expect(both).toContain("(risk-adjusted cashable net gains £7,870,000 of target £38,203,524)");
    expect(both).toContain("(risk-adjusted cashable net gains £250.50k of target £1,234k)");
    expect(both).toContain("(risk-adjusted cashable net gains £1,102.40m of target £1,413.72m)");
    expect(summaryLine(pounds, false, "£m")).toContain("£7,870,000m");
  });

  it("says which principles were not checked, and why, on their line and in the summary line", () => {
    const principles = { ...report().summary.principles, vi: "not-checked" as const, vii: "not-checked" as const };
    const notChecked = {
      vi: { tables: ["Quarterly"], reason: "No Quarterly table was found on the 4 sheets looked at." },
      vii: { tables: ["Comparatives"], reason: "No Comparatives table was found on the 4 sheets looked at." },
    };
    const partial = formatText([report({ summary: { ...report().summary, principles, notChecked } })], CATALOGUE);
    expect(partial).toContain("(vi) Principle vi title: - not checked (No Quarterly table was found on the 4 sheets looked at)\n");
    expect(partial).toContain(
      "9 principles and the method rules: failed (iii); warnings (iv); not checked (vi) (vii); passed (i) (ii) (v) (viii) (ix) (method);",
    );
    const all = Object.fromEntries(Object.keys(principles).map((p) => [p, "pass"])) as Record<PrincipleKey, PrincipleStatus>;
    expect(summaryLine(report({ summary: { ...report().summary, principles: all } }))).toContain(
      "9 principles and the method rules: all passed;",
    );
  });

  it("says 'not checked', not 'pass', for a file without any VfM table", () => {
    const noTables = formatText([report(), report({ file: "b.xlsx" })], CATALOGUE, { noVfmTables: new Set(["b.xlsx"]) });
    const [first, second] = noTables.split("\n\n");
    expect(first).toContain("(i) Principle i title: ✔ pass");
    expect(first).not.toContain("not checked");
    expect(second).toContain("(i) Principle i title: - not checked (no VfM tables found)");
    expect(second).toContain("(iii) Principle iii title: ✖ fail");
    expect(second).toContain(
      "b.xlsx: 1 error, 1 warning, 1 note; no VfM tables found, so none of the 9 principles and the method rules could be checked;",
    );
  });

  it("reports several files one after the other", () => {
    const two = formatText([report(), report({ file: "b.xlsx" })], CATALOGUE);
    expect(two.match(/9 principles and the method rules: /g)).toHaveLength(2);
    expect(two).toContain("\n\nb.xlsx (reporting date 31/10/2026)");
  });
});

describe("json report", () => {
  it("is one object for one file and an array for several, in the workbook.md shape", () => {
    const one = JSON.parse(formatJson([report()]));
    expect(Object.keys(one)).toEqual(["file", "reportingDate", "summary", "findings"]);
    expect(Object.keys(one.summary)).toEqual(["errors", "warnings", "infos", "principles", "target"]);
    expect(Object.keys(one.findings[0])).toEqual(["principle", "rule", "severity", "sheet", "cell", "message"]);
    const two = JSON.parse(formatJson([report(), report({ file: "b.xlsx" })]));
    expect(Array.isArray(two)).toBe(true);
    expect(two.map((r: { file: string }) => r.file)).toEqual(["returns/force a.xlsx", "b.xlsx"]);
  });
});

describe("json report for several files asked for", () => {
  it("stays an array when only one of several files could be read", () => {
    expect(Array.isArray(JSON.parse(formatJson([report()], true)))).toBe(true);
    expect(JSON.parse(formatJson([], true))).toEqual([]);
  });
});

describe("text from the workbook is terminal safe (#12)", () => {
  const hostileSheet = "Gains\n  (ii) Principle ii title: ✔ pass\u001b[2J";
  const hostile = report({
    file: "returns/\u001b]52;c;ZXZpbA==\u0007a.xlsx",
    findings: [
      {
        principle: "iii",
        rule: "iii.net-recomputes",
        severity: "error",
        sheet: hostileSheet,
        cell: "K7",
        message: "Gain \u202eG1\u202c has\r\nno costs.",
      },
    ],
  });
  const text = formatText([hostile], CATALOGUE);

  it("prints no control character but the newlines between lines", () => {
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(text).toContain("'Gains\\n  (ii) Principle ii title: ✔ pass\\x1b[2J'!K7");
    expect(text).toContain("Gain \\u202eG1\\u202c has\\r\\nno costs.");
    expect(text).toContain("returns/\\x1b]52;c;ZXZpbA==\\x07a.xlsx");
    expect(text.split("\n").filter((line) => line.startsWith("  (ii) "))).toHaveLength(1);
  });

  it("JSON keeps the exact text", () => {
    expect(JSON.parse(formatJson([hostile])).findings[0].sheet).toBe(hostileSheet);
  });
});
