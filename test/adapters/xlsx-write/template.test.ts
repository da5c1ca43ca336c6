import { readXlsx } from "../../../src/adapters/xlsx/read/index";
import { writeXlsx } from "../../../src/adapters/xlsx/write";
import { buildVfmTemplate, CATEGORY_VALUES, KIND_VALUES, TYPE_VALUES, VFM_TEMPLATE } from "../../../src/core/template/spec";
import { DEFAULT_SETTINGS, SETTING_DOCS, TABLE_SPECS, validateWorkbook } from "../../../src/core/validate/index";

describe("the VfM template spec", () => {
  const tables = new Map(VFM_TEMPLATE.sheets.filter((s) => s.table).map((s) => [s.name, s.table!]));

  it("has an Instructions sheet and every table of workbook.md under its primary name, with every column", () => {
    expect(VFM_TEMPLATE.sheets[0].name).toBe("Instructions");
    expect(VFM_TEMPLATE.sheets[0].lines!.join("\n")).toContain("npx vfm validate");
    for (const spec of TABLE_SPECS) {
      if (spec.key === "summary") continue; // optional: a workbook may report a total; the template leaves it to the pane.
      const table = tables.get(spec.label);
      expect({ table: spec.label, found: table !== undefined }).toEqual({ table: spec.label, found: true });
      expect(table!.name).toBe(`tbl${spec.label}`);
      const headers = table!.columns.map((c) => c.header);
      for (const column of spec.columns) expect(headers).toContain(column.label);
    }
  });

  it("has the drop-down lists for Type, Category and Kind and the derived formulas", () => {
    const gains = tables.get("Gains")!;
    expect(gains.columns.find((c) => c.header === "Type")!.list).toEqual(TYPE_VALUES);
    expect(gains.columns.find((c) => c.header === "Category")!.list).toEqual(CATEGORY_VALUES);
    expect(tables.get("Comparatives")!.columns.find((c) => c.header === "Kind")!.list).toEqual(KIND_VALUES);
    expect(gains.columns.find((c) => c.header === "Net gain")!.formula).toBe("=[@[Gross gain]]-[@Costs]");
    expect(gains.columns.find((c) => c.header === "Risk-adjusted gain")!.formula).toBe("=[@[Gross gain]]*[@Deliverability]-[@Costs]");
    for (const header of ["Gross gain", "Costs", "Net gain", "Risk-adjusted gain"])
      expect(gains.columns.find((c) => c.header === header)!.numFmt).toContain("£");
    expect(gains.columns.find((c) => c.header === "Risk reviewed")!.numFmt).toBe("dd/mm/yyyy");
    expect(gains.columns.find((c) => c.header === "Deliverability")!.numFmt).toBe("0%");
  });

  it("profiles the spending period after the baseline year", () => {
    expect(tables.get("Profile")!.columns.map((c) => c.header)).toEqual(["ID", "2026-27", "2027-28", "2028-29"]);
    const csr07 = buildVfmTemplate({ baselineYear: 2007, targetYears: 3 });
    expect(csr07.sheets.find((s) => s.name === "Profile")!.table!.columns.map((c) => c.header)).toEqual([
      "ID",
      "2008-09",
      "2009-10",
      "2010-11",
    ]);
  });

  it("writes every setting the validator reads, with the validator's defaults", () => {
    const settings = tables.get("Settings")!;
    const keys = settings.rows.map((r) => r[0]);
    expect(keys).toEqual(SETTING_DOCS.map((d) => d.name));
    const value = (key: string) => settings.rows.find((r) => r[0] === key)![1];
    expect(value("Target rate")).toBe(DEFAULT_SETTINGS.targetRate);
    expect(value("Target method")).toBe(DEFAULT_SETTINGS.targetMethod);
    expect(value("Target years")).toBe(DEFAULT_SETTINGS.targetYears);
    expect(value("Baseline year")).toBe("2025-26");
    expect(value("Target year")).toBe("2028-29");
    expect(value("Reporting date")).toBeNull();
    expect(value("RAG mapping")).toBe("Green=1; Amber=0.5; Red=0");
    expect(value("Tolerance")).toBe(DEFAULT_SETTINGS.tolerance);
    expect(value("Materiality")).toBe(DEFAULT_SETTINGS.materiality);
    expect(value("Minimum cashable share")).toBe(DEFAULT_SETTINGS.minimumCashableShare);
    expect(value("Unit")).toBe("£");
    expect(value("On-track share")).toBe(DEFAULT_SETTINGS.onTrackShare);
    expect(value("At-risk share")).toBe(DEFAULT_SETTINGS.atRiskShare);
  });
});

describe("the written template, checked", () => {
  it("is read back and found structurally sound: formulas, no error values, settings readable", async () => {
    const read = await readXlsx(await writeXlsx(VFM_TEMPLATE));
    if (!read.ok) throw new Error(read.reason);
    const report = validateWorkbook(read.model, { file: "template.xlsx", reportingDate: "2026-10-31" });
    const structural = report.findings.filter((f) =>
      ["ii.derived-formulas", "ii.no-error-values", "method.settings-readable", "method.settings-defaults", "method.mixed-units"].includes(
        f.rule,
      ),
    );
    expect(structural).toEqual([]);
    // An empty workbook is missing its data, and says so, never that a table is missing.
    expect(report.findings.filter((f) => /^Add a .* (table|sheet)/.test(f.message))).toEqual([]);
  });
});
