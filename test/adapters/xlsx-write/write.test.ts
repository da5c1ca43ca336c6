import { strFromU8, unzipSync } from "fflate";
import { XMLValidator } from "fast-xml-parser";
import { readXlsx } from "../../../src/adapters/xlsx/read/index";
import { derivedValue, tableHeaderRow, toFileFormula, writeXlsx } from "../../../src/adapters/xlsx/write";
import { buildVfmTemplate, gainsTable, VFM_TEMPLATE } from "../../../src/core/template/spec";
import type { TemplateSpec } from "../../../src/core/template/types";
import { a1Range, getCell } from "../../../src/core/workbook/model";

const FIXED = new Date(Date.UTC(2026, 0, 1));

function tableParts(bytes: Uint8Array): Map<string, string> {
  const files = unzipSync(bytes);
  const parts = new Map<string, string>();
  for (const [name, data] of Object.entries(files)) {
    if (/^xl\/tables\/table\d+\.xml$/.test(name)) {
      const xml = strFromU8(data);
      parts.set(/<table\b[^>]*\bname="([^"]+)"/.exec(xml)![1], xml);
    }
  }
  return parts;
}

describe("toFileFormula", () => {
  it("writes structured references to the same row in the file form Excel stores", () => {
    expect(toFileFormula("=[@[Gross gain]]-[@Costs]", "tblGains")).toBe("tblGains[[#This Row],[Gross gain]]-tblGains[[#This Row],[Costs]]");
    expect(toFileFormula("=[@[Gross gain]]*[@Deliverability]-[@Costs]", "tblGains")).toBe(
      "tblGains[[#This Row],[Gross gain]]*tblGains[[#This Row],[Deliverability]]-tblGains[[#This Row],[Costs]]",
    );
  });

  it("escapes an apostrophe in a column name as Excel does (LibreOffice reads the unescaped form as #NAME?)", () => {
    expect(toFileFormula("=[@[Gross (£'000)]]-[@Costs]", "tblSavings")).toBe(
      "tblSavings[[#This Row],[Gross (£''000)]]-tblSavings[[#This Row],[Costs]]",
    );
  });
});

describe("derivedValue", () => {
  const table = gainsTable();
  const row = (gross: number | null, costs: number | null, deliverability: number | string | null) =>
    table.columns.map((c) =>
      c.header === "Gross gain" ? gross : c.header === "Costs" ? costs : c.header === "Deliverability" ? deliverability : null,
    );
  const net = table.columns.find((c) => c.header === "Net gain")!.derived!;
  const risk = table.columns.find((c) => c.header === "Risk-adjusted gain")!.derived!;
  it("computes net and risk-adjusted gains with deliverability discounting gross only", () => {
    expect(derivedValue(net, table.columns, row(500, 80, 0.5))).toBe(420);
    expect(derivedValue(risk, table.columns, row(500, 80, 0.5))).toBe(170);
    expect(derivedValue(risk, table.columns, row(100, 300, 0.5))).toBe(-250);
  });
  it("counts a blank deliverability as 0, as Excel's formula does", () => {
    expect(derivedValue(risk, table.columns, row(500, 80, null))).toBe(-80);
  });
  it("gives no cached value where Excel would show an error", () => {
    expect(derivedValue(net, table.columns, row(null, null, null))).toBe(0);
    expect(derivedValue(risk, table.columns, row(500, 80, 2))).toBeNull();
  });
});

describe("writeXlsx with the VfM template", () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await writeXlsx(VFM_TEMPLATE, { created: FIXED });
  });

  it("writes every table as an Excel table whose ref covers the header and the rows", () => {
    const parts = tableParts(bytes);
    for (const sheet of VFM_TEMPLATE.sheets) {
      if (!sheet.table) continue;
      const xml = parts.get(sheet.table.name);
      expect(xml).toBeDefined();
      const header = tableHeaderRow(sheet);
      const rows = Math.max(1, sheet.table.rows.length);
      const ref = a1Range({ startRow: header - 1, startCol: 0, endRow: header - 1 + rows, endCol: sheet.table.columns.length - 1 });
      expect(xml).toContain(`ref="${ref}"`);
      for (const column of sheet.table.columns) expect(xml).toContain(`name="${column.header}"`);
    }
  });

  it("declares the derived columns as calculated columns", () => {
    const xml = tableParts(bytes).get("tblGains")!;
    expect(xml).toMatch(
      /<tableColumn id="11" name="Net gain"[^>]*><calculatedColumnFormula>tblGains\[\[#This Row\],\[Gross gain\]\]-tblGains\[\[#This Row\],\[Costs\]\]<\/calculatedColumnFormula><\/tableColumn>/,
    );
    expect(xml).toContain('totalsRowShown="0"');
    expect(xml).toContain(
      "<calculatedColumnFormula>tblGains[[#This Row],[Gross gain]]*tblGains[[#This Row],[Deliverability]]-tblGains[[#This Row],[Costs]]</calculatedColumnFormula>",
    );
  });

  it("writes the drop-down lists, the deliverability range and a frozen header", () => {
    const files = unzipSync(bytes);
    const workbook = strFromU8(files["xl/workbook.xml"]);
    const sheetNames = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(sheetNames).toEqual(VFM_TEMPLATE.sheets.map((s) => s.name));
    const gainsXml = strFromU8(files[`xl/worksheets/sheet${sheetNames.indexOf("Gains") + 1}.xml`]);
    expect(gainsXml).toContain('type="list"');
    expect(gainsXml).toContain("&quot;Cashable,Non-cashable&quot;");
    expect(gainsXml).toContain("&quot;Economy,Efficiency,Effectiveness&quot;");
    expect(gainsXml).toMatch(/<dataValidation type="decimal"[^>]*sqref="L4:L203"/);
    expect(gainsXml).toContain('state="frozen"');
    const comparativesXml = strFromU8(files[`xl/worksheets/sheet${sheetNames.indexOf("Comparatives") + 1}.xml`]);
    expect(comparativesXml).toContain("&quot;HQ cost,Output,Outcome,Unit cost&quot;");
  });

  it("writes only well-formed XML parts, with the content types Excel needs", () => {
    const files = unzipSync(bytes);
    for (const [name, data] of Object.entries(files)) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      expect({ name, valid: XMLValidator.validate(strFromU8(data)) }).toEqual({ name, valid: true });
    }
    const types = strFromU8(files["[Content_Types].xml"]);
    expect(types).toContain('PartName="/xl/tables/table1.xml"');
    expect(Object.keys(files)[0]).toBe("[Content_Types].xml");
  });

  it("gives the same bytes for the same spec and time", async () => {
    const again = await writeXlsx(VFM_TEMPLATE, { created: FIXED });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });

  it("reads back with our reader: tables, formulas with cached values, formats, settings", async () => {
    const read = await readXlsx(bytes, { fileName: "template.xlsx" });
    if (!read.ok) throw new Error(read.reason);
    const { model } = read;
    expect(model.sheets.map((s) => s.name)).toEqual(VFM_TEMPLATE.sheets.map((s) => s.name));
    expect(model.tables.map((t) => t.name).sort()).toEqual(
      [
        "tblBaseline",
        "tblComparatives",
        "tblGains",
        "tblMilestones",
        "tblProfile",
        "tblPublication",
        "tblQuarterly",
        "tblReinvestment",
        "tblSettings",
      ].sort(),
    );
    const gains = model.sheets.find((s) => s.name === "Gains")!;
    expect(getCell(gains, 2, 8)?.value).toBe("Gross gain");
    const net = getCell(gains, 3, 10);
    expect(net?.formula).toBe("tblGains[[#This Row],[Gross gain]]-tblGains[[#This Row],[Costs]]");
    expect(net?.value).toBe(0);
    expect(net?.numFmt).toContain("£");
    expect(model.tables.every((t) => !t.totalsRow && t.headerRowCount === 1)).toBe(true);
    const settings = model.sheets.find((s) => s.name === "Settings")!;
    const keys = settings.rows.slice(3).map((r) => r?.[0]?.value);
    expect(keys).toEqual([
      "Target rate",
      "Target method",
      "Target years",
      "Baseline year",
      "Target year",
      "Reporting date",
      "Deflator series",
      "RAG mapping",
      "Tolerance",
      "Materiality",
      "Minimum cashable share",
      "Unit",
      "On-track share",
      "At-risk share",
    ]);
    expect(getCell(settings, 3, 1)?.value).toBe(0.03);
    expect(getCell(settings, 3, 1)?.numFmt).toBe("0.0%");
  });

  it("stores cached results for filled rows", async () => {
    const table = gainsTable([["G1", "Shared services", null, "Cashable", "Economy", null, null, null, 500, 80, null, 0.5]]);
    const spec: TemplateSpec = { sheets: [{ name: "Gains", table }] };
    const read = await readXlsx(await writeXlsx(spec, { created: FIXED }));
    if (!read.ok) throw new Error(read.reason);
    const sheet = read.model.sheets[0];
    expect(getCell(sheet, 1, 10)?.value).toBe(420);
    expect(getCell(sheet, 1, 12)?.value).toBe(170);
    expect(read.model.tables[0].range).toEqual({ startRow: 0, startCol: 0, endRow: 1, endCol: table.columns.length - 1 });
  });

  it("writes other spending periods", async () => {
    const spec = buildVfmTemplate({ baselineYear: 2007 });
    const parts = tableParts(await writeXlsx(spec, { created: FIXED }));
    expect(parts.get("tblProfile")).toContain('name="2008-09"');
    expect(parts.get("tblProfile")).toContain('name="2010-11"');
  });
});
