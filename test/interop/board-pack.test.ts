/**
 * The board pack's charts and hyperlinks, as LibreOffice Calc reads them: a second program opening
 * our DrawingML chart parts and <hyperlinks>, so our writer and our test helpers agreeing cannot hide
 * a shared mistake. LibreOffice is not needed here: the files it made are committed under
 * test/fixtures/board-pack/ by scripts/make-board-pack-fixtures.sh (docs/interop.md, "The board pack").
 *
 * - board-pack.xlsx: ours (test/cli/consolidate.test.ts checks it is what `vfm consolidate` writes today);
 * - board-pack.ods: LibreOffice's conversion to OpenDocument, where each chart is an embedded object
 *   with the cell ranges it plots and a copy of the values it read from them;
 * - board-pack.resaved.xlsx: LibreOffice's re-save as .xlsx.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { chartsOnSheet, hyperlinksOf, unescapeXml, xmlParts, type ChartPart, type Parts } from "../support/xlsx-parts";

const FIXTURES = path.resolve(__dirname, "..", "fixtures", "board-pack");
const parts = (file: string): Parts => xmlParts(new Uint8Array(fs.readFileSync(path.join(FIXTURES, file))));
const CHART_SHEETS = ["Trajectory", "Workstreams", "Categories"];

/** "'Trajectory'!$B$5:$B$16" and "Trajectory.B5:Trajectory.B16" both as "Trajectory!B5:B16". */
function normalRef(ref: string): string {
  const ods = /^'?([^'.]+)'?\.([A-Z]+\d+)(?::'?[^'.]+'?\.([A-Z]+\d+))?$/.exec(ref);
  if (ods) return `${ods[1]}!${ods[2]}${ods[3] && ods[3] !== ods[2] ? `:${ods[3]}` : ""}`;
  return ref.replace(/'/g, "").replace(/\$/g, "");
}

interface OdsChart {
  sheet: string;
  kind: string;
  categories: string;
  series: Array<{ values: string; label: string | null; name: string }>;
  /** The local table: each row's category and the series' values (null for a missing point). */
  rows: Array<{ category: string; values: Array<number | null> }>;
}

function odsCharts(ods: Parts): OdsChart[] {
  const content = ods["content.xml"];
  const out: OdsChart[] = [];
  for (const table of content.split(/(?=<table:table table:name=)/).slice(1)) {
    const sheet = unescapeXml(/^<table:table table:name="([^"]*)"/.exec(table)![1]);
    for (const object of table.matchAll(/<draw:object\b[^>]*xlink:href="\.\/([^"]+)"/g)) {
      const chart = ods[`${object[1]}/content.xml`];
      const attr = (element: string, name: string) => {
        const m = new RegExp(`\\s${name}="([^"]*)"`).exec(element);
        return m ? unescapeXml(m[1]) : null;
      };
      const local = /<table:table table:name="local-table">([\s\S]*?)<\/table:table>/.exec(chart)![1];
      const headers = [
        .../<table:table-header-rows>([\s\S]*?)<\/table:table-header-rows>/.exec(local)![1].matchAll(/<text:p>([^<]*)<\/text:p>/g),
      ].map((m) => unescapeXml(m[1]));
      const body = /<table:table-rows>([\s\S]*?)<\/table:table-rows>/.exec(local)![1];
      const rows = [...body.matchAll(/<table:table-row>([\s\S]*?)<\/table:table-row>/g)].map((row) => {
        const cells = [...row[1].matchAll(/<table:table-cell\b([^>]*)>/g)].map((c) => c[1]);
        return {
          category: unescapeXml(/<text:p>([^<]*)<\/text:p>/.exec(row[1])![1]),
          values: cells.slice(1).map((c) => {
            const value = attr(c, "office:value");
            return value === null || value === "NaN" ? null : Number(value);
          }),
        };
      });
      out.push({
        sheet,
        kind: attr(/<chart:chart\b[^>]*>/.exec(chart)![0], "chart:class")!.replace("chart:", ""),
        categories: attr(/<chart:categories\b[^>]*>/.exec(chart)![0], "table:cell-range-address")!,
        series: [...chart.matchAll(/<chart:series\b[^>]*>/g)].map((s, i) => ({
          values: attr(s[0], "chart:values-cell-range-address")!,
          label: attr(s[0], "chart:label-cell-address"),
          name: headers[i],
        })),
        rows,
      });
    }
  }
  return out;
}

/** Each sheet's hyperlinks in the .ods: the text shown and the place it opens. */
function odsLinks(ods: Parts): Array<[string, string, string]> {
  const out: Array<[string, string, string]> = [];
  for (const table of ods["content.xml"].split(/(?=<table:table table:name=)/).slice(1)) {
    const sheet = unescapeXml(/^<table:table table:name="([^"]*)"/.exec(table)![1]);
    for (const a of table.matchAll(/<text:a\b[^>]*xlink:href="([^"]*)"[^>]*>([^<]*)<\/text:a>/g))
      out.push([sheet, unescapeXml(a[1]), unescapeXml(a[2])]);
  }
  return out;
}

describe("the board pack in LibreOffice Calc (test/fixtures/board-pack)", () => {
  const ours = parts("board-pack.xlsx");
  const ourCharts: Array<ChartPart & { sheet: string }> = CHART_SHEETS.flatMap((sheet) =>
    chartsOnSheet(ours, sheet).map((c) => ({ ...c, sheet })),
  );
  const ods = parts("board-pack.ods");

  test("our board pack has a line chart of the trajectory and bar charts by workstream and category", () => {
    expect(ourCharts.map((c) => [c.sheet, c.kind])).toEqual([
      ["Trajectory", "line"],
      ["Workstreams", "bar"],
      ["Categories", "bar"],
    ]);
  });

  test("LibreOffice keeps every chart, on its sheet, plotting the same cells", () => {
    const charts = odsCharts(ods);
    expect(charts.map((c) => [c.sheet, c.kind])).toEqual([
      ["Trajectory", "line"],
      ["Workstreams", "bar"],
      ["Categories", "bar"],
    ]);
    charts.forEach((chart, i) => {
      const mine = ourCharts[i];
      expect(normalRef(chart.categories)).toBe(normalRef(mine.series[0].categoriesRef));
      expect(chart.series.map((s) => [normalRef(s.values), s.label === null ? null : normalRef(s.label), s.name])).toEqual(
        mine.series.map((s) => [normalRef(s.valuesRef), s.nameRef === null ? null : normalRef(s.nameRef), s.name]),
      );
    });
  });

  test("the values LibreOffice read from those cells are the ones our chart caches", () => {
    odsCharts(ods).forEach((chart, i) => {
      const mine = ourCharts[i];
      expect(chart.rows.map((r) => r.category)).toEqual(mine.series[0].categories);
      mine.series.forEach((s, k) => expect(chart.rows.map((r) => r.values[k])).toEqual(s.values));
    });
    // The trajectory's actuals, to the penny.
    expect(
      odsCharts(ods)[0]
        .rows.slice(0, 2)
        .map((r) => r.values[3]),
    ).toEqual([2_650_000.5, 4_150_000.25]);
  });

  test("LibreOffice keeps every hyperlink, to the same place, on the same text", () => {
    const expected = ["Summary", "1 Northmoor Police", "2 Eastmoor Police", "3 Harrowgate Police"].flatMap((sheet) =>
      hyperlinksOf(ours, sheet).map((link): [string, string, string] => [sheet, `#${link.location!.replace("!", ".")}`, link.display!]),
    );
    expect(expected).toHaveLength(9);
    expect(odsLinks(ods)).toEqual(expected);
  });

  test("LibreOffice's .xlsx re-save still has the charts and the links", () => {
    const resaved = parts("board-pack.resaved.xlsx");
    const charts = CHART_SHEETS.flatMap((sheet) => chartsOnSheet(resaved, sheet));
    expect(charts.map((c) => c.kind)).toEqual(["line", "bar", "bar"]);
    charts.forEach((chart, i) => {
      expect(chart.series.map((s) => [normalRef(s.valuesRef), s.values])).toEqual(
        ourCharts[i].series.map((s) => [normalRef(s.valuesRef), s.values]),
      );
    });
    expect(hyperlinksOf(resaved, "Summary").map((l) => l.location)).toEqual(hyperlinksOf(ours, "Summary").map((l) => l.location));
  });
});
