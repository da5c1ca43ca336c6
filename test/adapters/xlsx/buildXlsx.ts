/** Builds small .xlsx packages in memory from hand-written XML, for reader tests. */
import { strToU8, zipSync } from "fflate";

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

interface FixtureSheet {
  name: string;
  state?: "hidden" | "veryHidden";
  /** Inner XML of <worksheet> (sheetData and friends). */
  body: string;
  /** Table part XML documents belonging to this sheet. */
  tables?: string[];
}

export interface FixtureWorkbook {
  sheets: FixtureSheet[];
  sharedStrings?: string[] | string;
  /** Inner XML of <styleSheet>. */
  styles?: string;
  /** Inner XML of <definedNames>. */
  definedNames?: string;
  date1904?: boolean;
  /** Extra or replacement files, by part name. */
  extraParts?: Record<string, string | Uint8Array>;
  /** Use absolute "/xl/..." relationship targets instead of relative ones. */
  absoluteTargets?: boolean;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function buildXlsx(workbook: FixtureWorkbook): Uint8Array {
  const files = new Map<string, Uint8Array>();
  const put = (name: string, content: string | Uint8Array): void => {
    files.set(name, typeof content === "string" ? strToU8(content) : content);
  };
  const target = (relative: string): string => (workbook.absoluteTargets ? `/xl/${relative}` : relative);

  put(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>`,
  );
  put(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );

  const workbookRels: string[] = [];
  const sheetElements: string[] = [];
  let tableNumber = 0;
  workbook.sheets.forEach((sheet, index) => {
    const id = `rId${index + 1}`;
    workbookRels.push(`<Relationship Id="${id}" Type="${REL_TYPE}/worksheet" Target="${target(`worksheets/sheet${index + 1}.xml`)}"/>`);
    sheetElements.push(
      `<sheet name="${escapeXml(sheet.name)}" sheetId="${index + 1}"${sheet.state ? ` state="${sheet.state}"` : ""} r:id="${id}"/>`,
    );
    put(
      `xl/worksheets/sheet${index + 1}.xml`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${sheet.body}</worksheet>`,
    );
    if (sheet.tables?.length) {
      const rels = sheet.tables.map((xml) => {
        tableNumber++;
        put(`xl/tables/table${tableNumber}.xml`, xml);
        return `<Relationship Id="rIdT${tableNumber}" Type="${REL_TYPE}/table" Target="${workbook.absoluteTargets ? `/xl/tables/table${tableNumber}.xml` : `../tables/table${tableNumber}.xml`}"/>`;
      });
      put(
        `xl/worksheets/_rels/sheet${index + 1}.xml.rels`,
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}">${rels.join("")}</Relationships>`,
      );
    }
  });
  if (workbook.sharedStrings !== undefined) {
    workbookRels.push(`<Relationship Id="rIdS" Type="${REL_TYPE}/sharedStrings" Target="${target("sharedStrings.xml")}"/>`);
    const items =
      typeof workbook.sharedStrings === "string"
        ? workbook.sharedStrings
        : workbook.sharedStrings.map((text) => `<si><t xml:space="preserve">${escapeXml(text)}</t></si>`).join("");
    put("xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN_NS}">${items}</sst>`);
  }
  if (workbook.styles !== undefined) {
    workbookRels.push(`<Relationship Id="rIdY" Type="${REL_TYPE}/styles" Target="${target("styles.xml")}"/>`);
    put("xl/styles.xml", `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN_NS}">${workbook.styles}</styleSheet>`);
  }
  put(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}">${workbookRels.join("")}</Relationships>`,
  );
  put(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr${workbook.date1904 ? ' date1904="1"' : ""}/><sheets>${sheetElements.join("")}</sheets>${workbook.definedNames ? `<definedNames>${workbook.definedNames}</definedNames>` : ""}</workbook>`,
  );
  for (const [name, content] of Object.entries(workbook.extraParts ?? {})) put(name, content);

  const zipInput: Record<string, Uint8Array> = Object.create(null);
  for (const [name, content] of files) zipInput[name] = content;
  return zipSync(zipInput, { level: 6 });
}

/** <sheetData> with the given rows' XML. */
export function sheetData(...rows: string[]): string {
  return `<sheetData>${rows.join("")}</sheetData>`;
}
