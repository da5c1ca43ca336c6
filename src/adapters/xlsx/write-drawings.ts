/**
 * The parts exceljs cannot write, added to the package it produced: native charts (DrawingML chart
 * parts, xl/charts/chartN.xml, placed on a sheet by xl/drawings/drawingN.xml) and internal hyperlinks
 * (a sheet's <hyperlinks> with `location` targets, which need no relationship).
 *
 * Each chart series references the table cells it plots ('Trajectory'!$D$5:$D$16), so Excel and
 * LibreOffice redraw it when a figure is edited, and carries those cells' values as its cache, so a
 * program that does not recalculate draws the same chart. Everything is derived from the spec, in
 * spec order: the same spec gives the same parts.
 */
import { strFromU8, strToU8 } from "fflate";
import { columnLetters, type CellValue } from "../../core/workbook/model";
import type { TemplateCellRef, TemplateChart, TemplateSheet, TemplateSpec } from "../../core/template/types";

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const NS_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_DRAWING = `${NS_R}/drawing`;
const REL_CHART = `${NS_R}/chart`;
const TYPE_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const TYPE_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Colours for series that name none: the HTML board pack's. */
const PALETTE = ["1d4f91", "c25e00", "505050", "6b2c91", "2e7d32", "8a6d00"];
const CATEGORY_AXIS_ID = 500100;
const VALUE_AXIS_ID = 500200;

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
export const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch]);
const unescapeXml = (text: string): string =>
  text.replace(/&(amp|lt|gt|quot|apos);/g, (_m, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[name] ?? "");

/** "'By year'!$B$5:$B$7": a sheet name is always quoted, its apostrophes doubled. */
const sheetRef = (sheet: string, range: string): string => `'${sheet.replace(/'/g, "''")}'!${range}`;
const absolute = (column: number, row: number): string => `$${columnLetters(column)}$${row}`;

/** Where a sheet's parts go: its title row, its free lines and its table (1-based rows). */
interface SheetLayout {
  sheet: TemplateSheet;
  /** Row of the table's header; 0 without a table. */
  headerRow: number;
}

function layoutOf(spec: TemplateSpec, headerRowOf: (sheet: TemplateSheet) => number): Map<string, SheetLayout> {
  return new Map(spec.sheets.map((sheet) => [sheet.name, { sheet, headerRow: sheet.table ? headerRowOf(sheet) : 0 }]));
}

function columnIndex(layout: SheetLayout, header: string): number {
  const index = layout.sheet.table?.columns.findIndex((c) => c.header === header) ?? -1;
  if (index < 0) throw new Error(`sheet "${layout.sheet.name}" has no table column "${header}"`);
  return index;
}

/** The 1-based row and 0-based column of a cell named by the spec. */
function cellOf(layout: SheetLayout, ref: TemplateCellRef): { row: number; column: number } {
  if ("line" in ref) return { row: (layout.sheet.title !== undefined ? 2 : 1) + ref.line, column: 0 };
  return { row: layout.headerRow + 1 + ref.row, column: columnIndex(layout, ref.column) };
}

interface ResolvedSeries {
  nameXml: string;
  ref: string;
  values: Array<number | null>;
  formatCode: string;
  colour: string;
  dashed: boolean;
  markers: boolean;
}

const numberOr = (value: CellValue | undefined): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);
const textOf = (value: CellValue | undefined): string => (value === null || value === undefined ? "" : String(value));

function strCache(values: readonly string[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`).join("")}</c:strCache>`;
}

function numCache(values: ReadonlyArray<number | null>, formatCode: string): string {
  // A blank cell is a missing point, not a zero: the line breaks there (dispBlanksAs gap).
  const points = values.flatMap((v, i) => (v === null ? [] : [`<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`]));
  return `<c:numCache><c:formatCode>${escapeXml(formatCode)}</c:formatCode><c:ptCount val="${values.length}"/>${points.join("")}</c:numCache>`;
}

function richText(text: string, size: number, bold: boolean): string {
  const run = `<a:rPr lang="en-GB" sz="${size}" b="${bold ? 1 : 0}"/>`;
  return `<c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr><a:r>${run}<a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich>`;
}

function seriesXml(chart: TemplateChart, s: ResolvedSeries, index: number, categories: { ref: string; values: string[] }): string {
  const fill = `<a:solidFill><a:srgbClr val="${s.colour}"/></a:solidFill>`;
  const head = `<c:idx val="${index}"/><c:order val="${index}"/><c:tx>${s.nameXml}</c:tx>`;
  const data = `<c:cat><c:strRef><c:f>${escapeXml(categories.ref)}</c:f>${strCache(categories.values)}</c:strRef></c:cat><c:val><c:numRef><c:f>${escapeXml(s.ref)}</c:f>${numCache(s.values, s.formatCode)}</c:numRef></c:val>`;
  if (chart.kind === "bar") return `<c:ser>${head}<c:spPr>${fill}</c:spPr><c:invertIfNegative val="0"/>${data}</c:ser>`;
  const line = `<c:spPr><a:ln w="28575" cap="rnd">${fill}${s.dashed ? '<a:prstDash val="dash"/>' : ""}<a:round/></a:ln></c:spPr>`;
  const marker = s.markers
    ? `<c:marker><c:symbol val="circle"/><c:size val="6"/><c:spPr>${fill}<a:ln>${fill}</a:ln></c:spPr></c:marker>`
    : '<c:marker><c:symbol val="none"/></c:marker>';
  return `<c:ser>${head}${line}${marker}${data}<c:smooth val="0"/></c:ser>`;
}

function axesXml(chart: TemplateChart): string {
  const bar = chart.kind === "bar";
  // Horizontal bars list the categories top to bottom in table order (reversed axis), with the value
  // axis kept at the bottom (it crosses at the last category).
  const catAx = `<c:catAx><c:axId val="${CATEGORY_AXIS_ID}"/><c:scaling><c:orientation val="${bar ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/><c:axPos val="${bar ? "l" : "b"}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="${VALUE_AXIS_ID}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx = `<c:valAx><c:axId val="${VALUE_AXIS_ID}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${bar ? "b" : "l"}"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines><c:numFmt formatCode="${escapeXml(chart.numFmt ?? "General")}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${CATEGORY_AXIS_ID}"/><c:crosses val="${bar ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>`;
  return catAx + valAx;
}

/** xl/charts/chartN.xml for one chart of the spec. */
function chartXml(chart: TemplateChart, layouts: Map<string, SheetLayout>): string {
  const layout = layouts.get(chart.sheet);
  const table = layout?.sheet.table;
  if (!layout || !table) throw new Error(`chart "${chart.title}": no table on sheet "${chart.sheet}"`);
  const first = layout.headerRow + 1;
  const last = layout.headerRow + Math.max(1, table.rows.length);
  const categoryColumn = columnIndex(layout, chart.categories);
  const categories = {
    ref: sheetRef(chart.sheet, `${absolute(categoryColumn, first)}:${absolute(categoryColumn, last)}`),
    values: table.rows.map((row) => textOf(row[categoryColumn])),
  };
  const series = chart.series.map((s, i): ResolvedSeries => {
    const column = columnIndex(layout, s.column);
    return {
      nameXml:
        s.name === undefined
          ? `<c:strRef><c:f>${escapeXml(sheetRef(chart.sheet, absolute(column, layout.headerRow)))}</c:f>${strCache([s.column])}</c:strRef>`
          : `<c:v>${escapeXml(s.name)}</c:v>`,
      ref: sheetRef(chart.sheet, `${absolute(column, first)}:${absolute(column, last)}`),
      values: table.rows.map((row) => numberOr(row[column])),
      formatCode: table.columns[column].numFmt ?? "General",
      colour: (s.colour ?? PALETTE[i % PALETTE.length]).toUpperCase(),
      dashed: s.dashed ?? false,
      markers: s.markers ?? false,
    };
  });
  const plotted = series.map((s, i) => seriesXml(chart, s, i, categories)).join("");
  const axisIds = `<c:axId val="${CATEGORY_AXIS_ID}"/><c:axId val="${VALUE_AXIS_ID}"/>`;
  const plot =
    chart.kind === "bar"
      ? `<c:barChart><c:barDir val="bar"/><c:grouping val="${chart.stacked ? "stacked" : "clustered"}"/><c:varyColors val="0"/>${plotted}<c:gapWidth val="60"/>${chart.stacked ? '<c:overlap val="100"/>' : ""}${axisIds}</c:barChart>`
      : `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${plotted}<c:marker val="1"/>${axisIds}</c:lineChart>`;
  return (
    XML_HEAD +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:lang val="en-GB"/><c:roundedCorners val="0"/>` +
    `<c:chart><c:title><c:tx>${richText(chart.title, 1400, true)}</c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plot}${axesXml(chart)}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000"/></a:pPr><a:endParaRPr lang="en-GB"/></a:p></c:txPr></c:chartSpace>`
  );
}

/** Where a chart sits: given by the spec, or right of its sheet's table, level with the header. */
function anchorOf(chart: TemplateChart, layout: SheetLayout | undefined): { column: number; row: number; width: number; height: number } {
  if (chart.at) return chart.at;
  const columns = layout?.sheet.table?.columns.length ?? 0;
  return { column: columns + 1, row: Math.max(0, (layout?.headerRow ?? 1) - 1), width: 10, height: 20 };
}

function drawingXml(layout: SheetLayout | undefined, charts: readonly TemplateChart[]): string {
  const anchors = charts.map((chart, i) => {
    const at = anchorOf(chart, layout);
    const marker = (tag: string, column: number, row: number) =>
      `<xdr:${tag}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${marker("from", at.column, at.row)}${marker("to", at.column + at.width, at.row + at.height)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(`Chart ${i + 1}`)}" descr="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="rId${i + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return XML_HEAD + `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors.join("")}</xdr:wsDr>`;
}

function relationships(rels: ReadonlyArray<{ id: string; type: string; target: string }>): string {
  return (
    XML_HEAD +
    `<Relationships xmlns="${NS_RELS}">${rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`).join("")}</Relationships>`
  );
}

/** Sheet name to its part path ("xl/worksheets/sheet3.xml"), from the workbook and its relationships. */
function sheetParts(files: Record<string, Uint8Array>): Map<string, string> {
  const workbook = strFromU8(files["xl/workbook.xml"]);
  const rels = strFromU8(files["xl/_rels/workbook.xml.rels"]);
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const part = id ? targets.get(id) : undefined;
    if (name !== undefined && part) parts.set(unescapeXml(name), part);
  }
  return parts;
}

/** The elements a worksheet may have after <hyperlinks> and after <drawing>, in schema order. */
const AFTER_HYPERLINKS = ["printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties"];
const AFTER_DRAWING = [
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];
const LATER = [...AFTER_HYPERLINKS, "cellWatches", "ignoredErrors", "smartTags", "drawing", ...AFTER_DRAWING];

/** Inserts `element` before the first of `before` present in the sheet (else before </worksheet>). */
function insertBefore(xml: string, element: string, before: readonly string[]): string {
  let at = xml.lastIndexOf("</worksheet>");
  for (const tag of before) {
    const found = xml.search(new RegExp(`<${tag}[\\s/>]`));
    if (found >= 0 && found < at) at = found;
  }
  return xml.slice(0, at) + element + xml.slice(at);
}

function addContentTypes(files: Record<string, Uint8Array>, overrides: ReadonlyArray<{ part: string; type: string }>): void {
  if (overrides.length === 0) return;
  const xml = strFromU8(files["[Content_Types].xml"]);
  const added = overrides.map((o) => `<Override PartName="/${o.part}" ContentType="${o.type}"/>`).join("");
  files["[Content_Types].xml"] = strToU8(xml.replace("</Types>", `${added}</Types>`));
}

/** The sheet's relationships with one more added; returns its id. */
function addSheetRelationship(files: Record<string, Uint8Array>, part: string, type: string, target: string): string {
  const relsPath = part.replace(/([^/]+)$/, "_rels/$1.rels");
  const existing = files[relsPath] ? strFromU8(files[relsPath]) : relationships([]);
  const used = new Set([...existing.matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]));
  let n = 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  files[relsPath] = strToU8(
    existing.replace("</Relationships>", `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`),
  );
  return id;
}

function linksXml(sheet: TemplateSheet, layouts: Map<string, SheetLayout>): string {
  const layout = layouts.get(sheet.name)!;
  const links = (sheet.links ?? []).map((link) => {
    const from = cellOf(layout, link.from);
    const target = layouts.get(link.to.sheet);
    if (!target) throw new Error(`link on "${sheet.name}" to a sheet the workbook does not have: "${link.to.sheet}"`);
    const row = link.to.row === undefined ? 1 : target.headerRow + 1 + link.to.row;
    const text = "line" in link.from ? (sheet.lines?.[link.from.line] ?? "") : textOf(sheet.table?.rows[link.from.row]?.[from.column]);
    return `<hyperlink ref="${columnLetters(from.column)}${from.row}" location="${escapeXml(sheetRef(link.to.sheet, `A${row}`))}" display="${escapeXml(text)}" tooltip="${escapeXml(`Go to ${link.to.sheet}`)}"/>`;
  });
  return `<hyperlinks>${links.join("")}</hyperlinks>`;
}

/** The cells of a sheet that are link sources (1-based row, 0-based column), for the writer to style. */
export function linkCells(sheet: TemplateSheet, headerRow: number): Array<{ row: number; column: number }> {
  return (sheet.links ?? []).map((link) => cellOf({ sheet, headerRow }, link.from));
}

/** Adds the spec's charts and hyperlinks to the unzipped package exceljs wrote. */
export function addChartsAndLinks(
  files: Record<string, Uint8Array>,
  spec: TemplateSpec,
  headerRowOf: (sheet: TemplateSheet) => number,
): void {
  const layouts = layoutOf(spec, headerRowOf);
  const parts = sheetParts(files);
  const overrides: Array<{ part: string; type: string }> = [];
  let drawings = 0;
  let charts = 0;
  for (const sheet of spec.sheets) {
    const part = parts.get(sheet.name);
    if (!part || (!sheet.charts?.length && !sheet.links?.length)) continue;
    let xml = strFromU8(files[part]);
    if (sheet.links?.length) xml = insertBefore(xml, linksXml(sheet, layouts), LATER);
    if (sheet.charts?.length) {
      const drawing = `xl/drawings/drawing${++drawings}.xml`;
      const chartRels = sheet.charts.map((chart, i) => {
        const chartPart = `xl/charts/chart${++charts}.xml`;
        files[chartPart] = strToU8(chartXml(chart, layouts));
        overrides.push({ part: chartPart, type: TYPE_CHART });
        return { id: `rId${i + 1}`, type: REL_CHART, target: `../charts/chart${charts}.xml` };
      });
      files[drawing] = strToU8(drawingXml(layouts.get(sheet.name), sheet.charts));
      files[`xl/drawings/_rels/drawing${drawings}.xml.rels`] = strToU8(relationships(chartRels));
      overrides.push({ part: drawing, type: TYPE_DRAWING });
      const id = addSheetRelationship(files, part, REL_DRAWING, `../drawings/drawing${drawings}.xml`);
      xml = insertBefore(xml, `<drawing r:id="${id}"/>`, AFTER_DRAWING);
    }
    files[part] = strToU8(xml);
  }
  addContentTypes(files, overrides);
}
