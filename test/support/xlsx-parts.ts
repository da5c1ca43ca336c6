/**
 * Reads the parts of an .xlsx package that our reader does not model: the charts a sheet's drawing
 * places (with each series' cell references and cached values) and a sheet's hyperlinks. Follows the
 * package's own relationships (workbook -> sheet -> drawing -> chart), as Excel does, so a chart that
 * is not related from its sheet is not found.
 */
import { strFromU8, unzipSync } from "fflate";

export type Parts = Record<string, string>;

/** Every XML part of a package, as text. */
export function xmlParts(bytes: Uint8Array): Parts {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

const attr = (element: string, name: string): string | undefined => {
  const value = new RegExp(`\\s${name}="([^"]*)"`).exec(element)?.[1];
  return value === undefined ? undefined : unescapeXml(value);
};

export function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_m, n: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[n] ?? "");
}

/** "xl/worksheets/_rels/sheet1.xml.rels" resolved: relationship id -> { type (last segment), part path }. */
function relationshipsOf(parts: Parts, part: string): Map<string, { type: string; part: string }> {
  const folder = part.replace(/[^/]+$/, "");
  const rels = parts[`${folder}_rels/${part.slice(folder.length)}.rels`] ?? "";
  const out = new Map<string, { type: string; part: string }>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const target = attr(m[0], "Target")!;
    const segments = (target.startsWith("/") ? target.slice(1) : folder + target).split("/");
    const resolved: string[] = [];
    for (const s of segments)
      if (s === "..") resolved.pop();
      else if (s !== ".") resolved.push(s);
    out.set(attr(m[0], "Id")!, { type: attr(m[0], "Type")!.split("/").pop()!, part: resolved.join("/") });
  }
  return out;
}

/** The worksheet part of a sheet, by its name in xl/workbook.xml. */
function sheetPart(parts: Parts, sheet: string): string {
  const rels = relationshipsOf(parts, "xl/workbook.xml");
  for (const m of parts["xl/workbook.xml"].matchAll(/<sheet\b[^>]*>/g)) {
    if (attr(m[0], "name") === sheet) return rels.get(attr(m[0], "r:id")!)!.part;
  }
  throw new Error(`no sheet "${sheet}"`);
}

/** The content type [Content_Types].xml gives a part. */
export function contentType(parts: Parts, part: string): string | undefined {
  for (const m of parts["[Content_Types].xml"].matchAll(/<Override\b[^>]*>/g)) {
    if (attr(m[0], "PartName") === `/${part}`) return attr(m[0], "ContentType");
  }
  return undefined;
}

interface ChartSeries {
  /** The legend entry: the cached text of the referenced header, or the literal name. */
  name: string;
  /** The cell the name is taken from, or null for a literal name. */
  nameRef: string | null;
  categoriesRef: string;
  valuesRef: string;
  categories: string[];
  /** The cached values, null for a missing point. */
  values: Array<number | null>;
}

export interface ChartPart {
  part: string;
  kind: string;
  title: string;
  series: ChartSeries[];
}

const text = (xml: string, tag: string): string | undefined => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1];

function cache(xml: string): { count: number; points: Map<number, string> } {
  const count = Number(/<c:ptCount val="(\d+)"\/>/.exec(xml)?.[1] ?? 0);
  const points = new Map<number, string>();
  for (const m of xml.matchAll(/<c:pt idx="(\d+)"[^>]*><c:v>([^<]*)<\/c:v><\/c:pt>/g)) points.set(Number(m[1]), unescapeXml(m[2]));
  return { count, points };
}

function seriesOf(xml: string): ChartSeries {
  const tx = /<c:tx>([\s\S]*?)<\/c:tx>/.exec(xml)?.[1] ?? "";
  const cat = /<c:cat>([\s\S]*?)<\/c:cat>/.exec(xml)?.[1] ?? "";
  const val = /<c:val>([\s\S]*?)<\/c:val>/.exec(xml)?.[1] ?? "";
  const names = cache(tx);
  const categories = cache(cat);
  const values = cache(val);
  const nameRef = text(tx, "c:f");
  return {
    name: nameRef === undefined ? unescapeXml(text(tx, "c:v") ?? "") : (names.points.get(0) ?? ""),
    nameRef: nameRef === undefined ? null : unescapeXml(nameRef),
    categoriesRef: unescapeXml(text(cat, "c:f") ?? ""),
    valuesRef: unescapeXml(text(val, "c:f") ?? ""),
    categories: Array.from({ length: categories.count }, (_v, i) => categories.points.get(i) ?? ""),
    values: Array.from({ length: values.count }, (_v, i) => (values.points.has(i) ? Number(values.points.get(i)) : null)),
  };
}

/** The charts placed on a sheet, in drawing order, found through the sheet's drawing relationship. */
export function chartsOnSheet(parts: Parts, sheet: string): ChartPart[] {
  const part = sheetPart(parts, sheet);
  const drawingId = /<drawing r:id="([^"]+)"\/>/.exec(parts[part])?.[1];
  if (!drawingId) return [];
  const drawing = relationshipsOf(parts, part).get(drawingId);
  if (drawing?.type !== "drawing") throw new Error(`${part}: ${drawingId} is not a drawing`);
  const chartRels = relationshipsOf(parts, drawing.part);
  return [...parts[drawing.part].matchAll(/<c:chart\b[^>]*r:id="([^"]+)"/g)].map((m) => {
    const chart = chartRels.get(m[1])!;
    const xml = parts[chart.part];
    const kind = /<c:(\w+)Chart>/.exec(xml)?.[1] ?? "";
    const title = [...(/<c:title>([\s\S]*?)<\/c:title>/.exec(xml)?.[1] ?? "").matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join("");
    return {
      part: chart.part,
      kind,
      title: unescapeXml(title),
      series: [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((s) => seriesOf(s[1])),
    };
  });
}

/** A sheet's hyperlinks: the cell, the place in the workbook it opens (`location`) and the text it shows. */
export function hyperlinksOf(parts: Parts, sheet: string): Array<{ ref: string; location?: string; display?: string }> {
  return [...parts[sheetPart(parts, sheet)].matchAll(/<hyperlink\b[^>]*>/g)].map((m) => ({
    ref: attr(m[0], "ref")!,
    location: attr(m[0], "location"),
    display: attr(m[0], "display"),
  }));
}

/** "'By year'!$B$5:$B$7" -> { sheet: "By year", range: "B5:B7" }. */
export function splitRef(ref: string): { sheet: string; range: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(ref);
  if (!m) throw new Error(`not a cell reference: ${ref}`);
  return { sheet: (m[1] ?? m[2]).replace(/''/g, "'"), range: m[3].replace(/\$/g, "") };
}
