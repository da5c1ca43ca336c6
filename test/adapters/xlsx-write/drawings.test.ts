/**
 * Charts and internal hyperlinks from a TemplateSpec (src/adapters/xlsx/write-drawings.ts): the parts,
 * their relationships and content types, the cell references (sheet names quoted and escaped) and
 * the cached values, and that the same spec gives the same bytes.
 */
import { XMLValidator } from "fast-xml-parser";
import { readXlsx } from "../../../src/adapters/xlsx/read/index";
import { writeXlsx } from "../../../src/adapters/xlsx/write";
import type { TemplateSpec } from "../../../src/core/template/types";
import { chartsOnSheet, contentType, hyperlinksOf, xmlParts } from "../../support/xlsx-parts";

const FIXED = new Date(Date.UTC(2026, 0, 1));

/** A data sheet whose name needs quoting and escaping, and a summary sheet charting it and linking to it. */
const SPEC: TemplateSpec = {
  sheets: [
    {
      name: "Summary",
      title: "Summary",
      lines: ["Figures for King's Lynn"],
      links: [{ from: { line: 0 }, to: { sheet: "King's Lynn" } }],
      charts: [
        {
          kind: "line",
          title: "Savings & costs",
          sheet: "King's Lynn",
          categories: "Quarter",
          series: [{ column: "Saving" }, { column: "Cost", name: "Costs <total>", dashed: true, markers: true }],
          at: { column: 0, row: 4, width: 8, height: 15 },
        },
      ],
    },
    {
      name: "King's Lynn",
      table: {
        name: "tblLynn",
        columns: [{ header: "Quarter" }, { header: "Saving", numFmt: "£#,##0.00" }, { header: "Cost" }],
        rows: [
          ["Q1", 100.5, 3],
          ["Q2", null, 4],
          ["Q3", 300.25, null],
        ],
        inputRows: 0,
      },
      links: [{ from: { row: 1, column: "Quarter" }, to: { sheet: "Summary", row: 0 } }],
      charts: [
        { kind: "bar", title: "By quarter", sheet: "King's Lynn", categories: "Quarter", series: [{ column: "Saving" }], stacked: true },
      ],
    },
  ],
};

describe("charts and hyperlinks in the .xlsx writer", () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await writeXlsx(SPEC, { created: FIXED });
  });

  it("writes well-formed chart and drawing parts with their content types, related from their sheets", () => {
    const parts = xmlParts(bytes);
    for (const name of ["xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/drawings/drawing1.xml", "xl/drawings/drawing2.xml"]) {
      expect(XMLValidator.validate(parts[name])).toBe(true);
      expect(contentType(parts, name)).toMatch(/drawing(ml\.chart)?\+xml$/);
    }
    expect(chartsOnSheet(parts, "Summary").map((c) => [c.part, c.kind, c.title])).toEqual([
      ["xl/charts/chart1.xml", "line", "Savings & costs"],
    ]);
    expect(chartsOnSheet(parts, "King's Lynn").map((c) => [c.part, c.kind])).toEqual([["xl/charts/chart2.xml", "bar"]]);
    expect(parts["xl/charts/chart2.xml"]).toContain('<c:grouping val="stacked"/>');
    // The drawing sits where the spec says (0-based cells).
    expect(parts["xl/drawings/drawing1.xml"]).toContain("<xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>4</xdr:row>");
    expect(parts["xl/drawings/drawing1.xml"]).toContain("<xdr:to><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>19</xdr:row>");
  });

  it("references the table's cells, quoting the sheet name and doubling its apostrophe; a blank cell is a missing point", () => {
    const [line] = chartsOnSheet(xmlParts(bytes), "Summary");
    expect(line.series).toEqual([
      {
        name: "Saving",
        nameRef: "'King''s Lynn'!$B$1",
        categoriesRef: "'King''s Lynn'!$A$2:$A$4",
        valuesRef: "'King''s Lynn'!$B$2:$B$4",
        categories: ["Q1", "Q2", "Q3"],
        values: [100.5, null, 300.25],
      },
      {
        name: "Costs <total>",
        nameRef: null,
        categoriesRef: "'King''s Lynn'!$A$2:$A$4",
        valuesRef: "'King''s Lynn'!$C$2:$C$4",
        categories: ["Q1", "Q2", "Q3"],
        values: [3, 4, null],
      },
    ]);
  });

  it("writes internal hyperlinks as locations (no relationship), to A1 or to a row of the target's table", () => {
    const parts = xmlParts(bytes);
    expect(hyperlinksOf(parts, "Summary")).toEqual([{ ref: "A2", location: "'King''s Lynn'!A1", display: "Figures for King's Lynn" }]);
    // Summary's table-less sheet: row 0 of its (absent) table is row 1.
    expect(hyperlinksOf(parts, "King's Lynn")).toEqual([{ ref: "A3", location: "'Summary'!A1", display: "Q2" }]);
    expect(Object.values(parts).some((xml) => /TargetMode="External"/.test(xml))).toBe(false);
  });

  it("keeps the workbook readable, and the same spec gives the same bytes", async () => {
    const read = await readXlsx(bytes);
    if (!read.ok) throw new Error(read.reason);
    expect(read.warnings).toEqual([]);
    expect(read.model.sheets.map((s) => s.name)).toEqual(["Summary", "King's Lynn"]);
    expect(await writeXlsx(SPEC, { created: FIXED })).toEqual(bytes);
  });

  it("adds nothing to a workbook without charts or links", async () => {
    const parts = xmlParts(await writeXlsx({ sheets: [SPEC.sheets[1]].map((s) => ({ ...s, charts: [], links: [] })) }, { created: FIXED }));
    expect(Object.keys(parts).filter((name) => /drawing|chart/.test(name))).toEqual([]);
    expect(parts["xl/worksheets/sheet1.xml"]).not.toContain("<hyperlinks>");
  });

  it("refuses a link or a chart that names a sheet or a column the workbook does not have", async () => {
    await expect(writeXlsx({ sheets: [{ name: "A", lines: ["x"], links: [{ from: { line: 0 }, to: { sheet: "B" } }] }] })).rejects.toThrow(
      'link on "A" to a sheet the workbook does not have: "B"',
    );
    const chart = { ...SPEC.sheets[1].charts![0], series: [{ column: "Savings" }] };
    await expect(writeXlsx({ sheets: [{ ...SPEC.sheets[1], links: [], charts: [chart] }] })).rejects.toThrow(
      `sheet "King's Lynn" has no table column "Savings"`,
    );
  });
});
