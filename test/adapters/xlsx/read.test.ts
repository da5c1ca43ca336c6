import { strToU8, zipSync } from "fflate";
import { getCell } from "../../../src/core/workbook/model";
import type { WorkbookModel } from "../../../src/core/workbook/model";
import { DEFAULT_READ_LIMITS, readXlsx } from "../../../src/adapters/xlsx/read";
import { MAIN_NS, REL_NS, buildXlsx, sheetData } from "./buildXlsx";

async function readOk(bytes: Uint8Array): Promise<{ model: WorkbookModel; warnings: string[] }> {
  const result = await readXlsx(bytes);
  if (!result.ok) throw new Error(`expected a model, got: ${result.reason}`);
  return result;
}

async function readReason(bytes: Uint8Array, options?: Parameters<typeof readXlsx>[1]): Promise<string> {
  const result = await readXlsx(bytes, options);
  if (result.ok) throw new Error("expected a refusal");
  expect(result.reason).not.toMatch(/[\r\n]/);
  return result.reason;
}

describe("readXlsx: values", () => {
  it("reads numbers, shared and inline strings, booleans, errors, formula strings and ISO dates", async () => {
    const { model, warnings } = await readOk(
      buildXlsx({
        sharedStrings: `<si><t>Gross gain</t></si><si><r><rPr><b/></rPr><t>Rich </t></r><r><t xml:space="preserve">text</t></r></si><si><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh></si><si><t>Line_x000D_break &amp; more</t></si>`,
        sheets: [
          {
            name: "Data",
            body: sheetData(
              `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>`,
              `<row r="2"><c r="A2"><v>1234.5</v></c><c r="B2" t="n"><v>-2E-3</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="b"><v>0</v></c></row>`,
              `<row r="3"><c r="A3" t="inlineStr"><is><t>Inline &lt;text&gt;</t></is></c><c r="B3" t="e"><v>#DIV/0!</v></c><c r="C3" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="D3" t="d"><v>2024-03-31T12:00:00</v></c></row>`,
              `<row r="5"><c r="C5" s="0"/><c r="E5" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>`,
            ),
          },
        ],
      }),
    );
    expect(warnings).toEqual([]);
    const sheet = model.sheets[0];
    expect(getCell(sheet, 0, 0)).toEqual({ value: "Gross gain" });
    expect(getCell(sheet, 0, 1)?.value).toBe("Rich text");
    expect(getCell(sheet, 0, 2)?.value).toBe("漢字");
    expect(getCell(sheet, 0, 3)?.value).toBe("Line\rbreak & more");
    expect(getCell(sheet, 1, 0)?.value).toBe(1234.5);
    expect(getCell(sheet, 1, 1)?.value).toBe(-0.002);
    expect(getCell(sheet, 1, 2)?.value).toBe(true);
    expect(getCell(sheet, 1, 3)?.value).toBe(false);
    expect(getCell(sheet, 2, 0)?.value).toBe("Inline <text>");
    expect(getCell(sheet, 2, 1)).toEqual({ value: null, error: "#DIV/0!" });
    expect(getCell(sheet, 2, 2)).toEqual({ value: "ab", formula: '"a"&"b"' });
    // 31 March 2024 is serial 45382 in the 1900 date system.
    expect(getCell(sheet, 2, 3)?.value).toBe(45382.5);
    expect(sheet.rows[3]).toBeUndefined();
    expect(getCell(sheet, 4, 2)).toBeUndefined();
    expect(getCell(sheet, 4, 4)).toEqual({ value: null, error: "#DIV/0!", formula: "1/0" });
  });

  it("places cells without an r attribute by counting, and accepts prefixed SpreadsheetML", async () => {
    const bytes = buildXlsx({
      sheets: [{ name: "S", body: "" }],
      extraParts: {
        "xl/worksheets/sheet1.xml": `<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN_NS}"><x:sheetData><x:row><x:c><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row r="4"><x:c t="inlineStr"><x:is><x:t>four</x:t></x:is></x:c><x:c r="C4"><x:v>3</x:v></x:c><x:c><x:v>4</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
      },
    });
    const { model } = await readOk(bytes);
    const sheet = model.sheets[0];
    expect(getCell(sheet, 0, 0)?.value).toBe(1);
    expect(getCell(sheet, 0, 1)?.value).toBe(2);
    expect(getCell(sheet, 3, 0)?.value).toBe("four");
    expect(getCell(sheet, 3, 2)?.value).toBe(3);
    expect(getCell(sheet, 3, 3)?.value).toBe(4);
  });

  it("cuts text longer than Excel's 32,767-character cell limit, with a warning", async () => {
    const long = "x".repeat(40_000);
    const { model, warnings } = await readOk(
      buildXlsx({
        sharedStrings: [long],
        sheets: [
          {
            name: "S",
            body: sheetData(`<row r="1"><c r="A1" t="inlineStr"><is><t>${long}</t></is></c><c r="B1" t="s"><v>0</v></c></row>`),
          },
        ],
      }),
    );
    expect((getCell(model.sheets[0], 0, 0)?.value as string).length).toBe(32_767);
    expect((getCell(model.sheets[0], 0, 1)?.value as string).length).toBe(32_767);
    expect(warnings).toEqual(['Sheet "S": cell A1 holds more text than Excel allows; only the first 32,767 characters were read.']);
  });

  it("ignores formula-like elements outside cells, such as data-validation extensions", async () => {
    const { model } = await readOk(
      buildXlsx({
        sheets: [
          {
            name: "S",
            body:
              sheetData(`<row r="1"><c r="A1"><v>7</v></c></row>`) +
              `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations xmlns:x14="urn:x14" xmlns:xm="urn:xm"><x14:dataValidation><x14:formula1><xm:f>Lists!$A$1:$A$3</xm:f></x14:formula1></x14:dataValidation></x14:dataValidations></ext></extLst>`,
          },
        ],
      }),
    );
    expect(model.sheets[0].rows).toEqual([[{ value: 7 }]]);
  });

  it("uses the 1904 date system for dates when the workbook says so", async () => {
    const { model } = await readOk(
      buildXlsx({ date1904: true, sheets: [{ name: "S", body: sheetData(`<row r="1"><c r="A1" t="d"><v>1904-01-02</v></c></row>`) }] }),
    );
    expect(model.date1904).toBe(true);
    expect(getCell(model.sheets[0], 0, 0)?.value).toBe(1);
  });

  it("maps style indexes to custom and built-in number formats", async () => {
    const { model } = await readOk(
      buildXlsx({
        styles: `<numFmts count="1"><numFmt numFmtId="164" formatCode="&quot;£&quot;#,##0.00"/></numFmts><cellStyleXfs count="1"><xf numFmtId="10"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="14"/><xf numFmtId="9"/></cellXfs>`,
        sheets: [
          {
            name: "S",
            body: sheetData(
              `<row r="1"><c r="A1" s="0"><v>1</v></c><c r="B1" s="1"><v>2</v></c><c r="C1" s="2"><v>45000</v></c><c r="D1" s="3"><v>0.5</v></c><c r="E1" s="99"><v>5</v></c></row>`,
            ),
          },
        ],
      }),
    );
    const sheet = model.sheets[0];
    expect(getCell(sheet, 0, 0)).toEqual({ value: 1 });
    expect(getCell(sheet, 0, 1)?.numFmt).toBe('"£"#,##0.00');
    expect(getCell(sheet, 0, 2)?.numFmt).toBe("dd/mm/yyyy");
    expect(getCell(sheet, 0, 3)?.numFmt).toBe("0%");
    expect(getCell(sheet, 0, 4)).toEqual({ value: 5 });
  });
});

describe("readXlsx: formulas", () => {
  it("expands shared formulas into each dependent cell, moving relative references only", async () => {
    const { model } = await readOk(
      buildXlsx({
        sheets: [
          {
            name: "Calc",
            body: sheetData(
              `<row r="2"><c r="C2"><f t="shared" ref="C2:D4" si="0">A2*$B$1+SUM(A:A)+'Other sheet'!B2&amp;"A1"</f><v>1</v></c><c r="D2"><f t="shared" si="0"/><v>2</v></c></row>`,
              `<row r="3"><c r="C3"><f t="shared" si="0"/><v>3</v></c><c r="D3"><f t="shared" si="0"/><v>4</v></c></row>`,
              `<row r="4"><c r="C4"><f t="array" ref="C4:C5">SUM(A1:A3*B1:B3)</f><v>5</v></c><c r="E4"><f>_xlfn.IFS(A1&gt;0,"_xlfn.kept")</f><v>6</v></c></row>`,
            ),
          },
        ],
      }),
    );
    const sheet = model.sheets[0];
    expect(getCell(sheet, 1, 2)?.formula).toBe(`A2*$B$1+SUM(A:A)+'Other sheet'!B2&"A1"`);
    expect(getCell(sheet, 1, 3)?.formula).toBe(`B2*$B$1+SUM(B:B)+'Other sheet'!C2&"A1"`);
    expect(getCell(sheet, 2, 2)?.formula).toBe(`A3*$B$1+SUM(A:A)+'Other sheet'!B3&"A1"`);
    expect(getCell(sheet, 2, 3)).toEqual({ value: 4, formula: `B3*$B$1+SUM(B:B)+'Other sheet'!C3&"A1"` });
    expect(getCell(sheet, 3, 2)?.formula).toBe("SUM(A1:A3*B1:B3)");
    expect(getCell(sheet, 3, 4)?.formula).toBe('IFS(A1>0,"_xlfn.kept")');
  });

  it("resolves a dependent that comes before its master", async () => {
    const { model } = await readOk(
      buildXlsx({
        sheets: [
          {
            name: "S",
            body: sheetData(
              `<row r="1"><c r="B1"><f t="shared" si="3"/><v>1</v></c></row><row r="2"><c r="A2"><f t="shared" ref="A1:B2" si="3">A1+1</f><v>2</v></c></row>`,
            ),
          },
        ],
      }),
    );
    // B1 is one row above and one column right of the master A2: A1 moves off the grid.
    expect(getCell(model.sheets[0], 0, 1)?.formula).toBe("#REF!+1");
    expect(getCell(model.sheets[0], 1, 0)?.formula).toBe("A1+1");
  });

  it("gives a dependent whose master comes later its formula, unless a later cell took its address", async () => {
    const { model } = await readOk(
      buildXlsx({
        styles: `<numFmts count="1"><numFmt numFmtId="164" formatCode="£#,##0"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs>`,
        sheets: [
          {
            name: "S",
            body: sheetData(
              `<row r="1"><c r="B1" s="1"><f t="shared" si="0"/><v>1</v></c><c r="C1" s="1"><f t="shared" si="0"/><v>5</v></c><c r="C1"><v>9</v></c></row>`,
              `<row r="2"><c r="A2"><f t="shared" ref="A1:C2" si="0">A1+1</f><v>2</v></c></row>`,
            ),
          },
        ],
      }),
    );
    // Exactly these fields (no field left undefined): the dependent keeps its value and format.
    expect(getCell(model.sheets[0], 0, 1)).toStrictEqual({ value: 1, formula: "#REF!+1", numFmt: "£#,##0" });
    // C1 appears twice in the file; the later one, a plain 9, is what the model holds.
    expect(getCell(model.sheets[0], 0, 2)).toStrictEqual({ value: 9 });
    expect(getCell(model.sheets[0], 1, 0)).toStrictEqual({ value: 2, formula: "A1+1" });
  });
});

describe("readXlsx: structure", () => {
  const workbook = () =>
    buildXlsx({
      sheets: [
        {
          name: "Gains",
          body: sheetData(`<row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c></row>`) + `<sheetProtection sheet="1" objects="1"/>`,
          tables: [
            `<table xmlns="${MAIN_NS}" id="1" name="Table1" displayName="tblGains" ref="A1:C10" totalsRowCount="1"><autoFilter ref="A1:C9"/><tableColumns count="3"><tableColumn id="1" name="ID"/><tableColumn id="2" name="Gross"/><tableColumn id="3" name="Net"/></tableColumns></table>`,
            `<table xmlns="${MAIN_NS}" id="2" name="NoHeader" ref="E5:F6" headerRowCount="0" totalsRowShown="0"/>`,
          ],
        },
        { name: "Lists", state: "hidden", body: sheetData() + `<sheetProtection sheet="0"/>` },
        { name: "Secret", state: "veryHidden", body: sheetData() },
      ],
      definedNames: `<definedName name="Rate">0.03</definedName><definedName name="Local" localSheetId="1">Lists!$A$1:$A$3</definedName><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">Gains!$A$1:$C$10</definedName><definedName name="Orphan" localSheetId="7">1</definedName>`,
    });

  it("reads sheets in workbook order with visibility and protection", async () => {
    const { model } = await readOk(workbook());
    expect(model.sheets.map((s) => [s.name, s.visibility, s.protected ?? false])).toEqual([
      ["Gains", "visible", true],
      ["Lists", "hidden", false],
      ["Secret", "veryHidden", false],
    ]);
  });

  it("reads Excel tables through each sheet's relationships", async () => {
    const { model } = await readOk(workbook());
    expect(model.tables).toEqual([
      { name: "tblGains", sheet: "Gains", range: { startRow: 0, startCol: 0, endRow: 9, endCol: 2 }, headerRowCount: 1, totalsRow: true },
      { name: "NoHeader", sheet: "Gains", range: { startRow: 4, startCol: 4, endRow: 5, endCol: 5 }, headerRowCount: 0, totalsRow: false },
    ]);
  });

  it("reads defined names with their scope and hidden flag", async () => {
    const { model, warnings } = await readOk(workbook());
    expect(model.names).toEqual([
      { name: "Rate", scope: null, formula: "0.03" },
      { name: "Local", scope: "Lists", formula: "Lists!$A$1:$A$3" },
      { name: "_xlnm._FilterDatabase", scope: "Gains", formula: "Gains!$A$1:$C$10", hidden: true },
      { name: "Orphan", scope: null, formula: "1" },
    ]);
    expect(warnings).toEqual([expect.stringContaining('"Orphan"')]);
  });

  it("resolves absolute relationship targets", async () => {
    const bytes = buildXlsx({
      absoluteTargets: true,
      sharedStrings: ["hello"],
      sheets: [
        {
          name: "S",
          body: sheetData(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`),
          tables: [`<table xmlns="${MAIN_NS}" name="T" displayName="T" ref="A1:A2"/>`],
        },
      ],
    });
    const { model } = await readOk(bytes);
    expect(getCell(model.sheets[0], 0, 0)?.value).toBe("hello");
    expect(model.tables.map((t) => t.name)).toEqual(["T"]);
  });

  it("treats __proto__, constructor and friends as ordinary names", async () => {
    const tricky = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "prototype"];
    const bytes = buildXlsx({
      sharedStrings: tricky,
      sheets: tricky.slice(0, 3).map((name, index) => ({
        name,
        body: sheetData(
          `<row r="1">${tricky.map((_, col) => `<c r="${String.fromCharCode(65 + col)}1" t="s"><v>${col}</v></c>`).join("")}</row>`,
        ),
        tables: [`<table xmlns="${MAIN_NS}" name="${name}" displayName="${name}" ref="A1:F${index + 2}"/>`],
      })),
      definedNames: tricky
        .map((name, index) => `<definedName name="${name}"${index % 2 ? ' localSheetId="0"' : ""}>${index}</definedName>`)
        .join(""),
    });
    const { model } = await readOk(bytes);
    expect(model.sheets.map((s) => s.name)).toEqual(["__proto__", "constructor", "toString"]);
    expect(model.sheets[0].rows[0]?.map((c) => c?.value)).toEqual(tricky);
    expect(model.tables.map((t) => t.name)).toEqual(["__proto__", "constructor", "toString"]);
    expect(model.names.map((n) => [n.name, n.scope])).toEqual(tricky.map((name, index) => [name, index % 2 ? "__proto__" : null]));
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")).toBe(false);
    expect(({} as Record<string, unknown>).toString).toBe(Object.prototype.toString);
  });

  it("reports progress from 0 to 1", async () => {
    const seen: number[] = [];
    const result = await readXlsx(workbook(), { onProgress: (fraction) => seen.push(fraction) });
    expect(result.ok).toBe(true);
    expect(seen[seen.length - 1]).toBe(1);
    expect(seen.every((f) => f >= 0 && f <= 1)).toBe(true);
  });
});

describe("readXlsx: refusals", () => {
  it("refuses empty, text, lock, PDF, CSV and HTML files with a clear reason", async () => {
    expect(await readReason(new Uint8Array(0))).toBe("This file is empty (0 bytes).");
    expect(await readReason(strToU8("hello there\nnot a workbook\n"))).toBe("This is not an Excel workbook (.xlsx): it is a text file.");
    expect(await readReason(strToU8("Gain,Amount\nA,1\n"))).toMatch(/text file \(comma- or tab-separated values\)/);
    expect(await readReason(strToU8("<!DOCTYPE html><html><body></body></html>"))).toMatch(/web page \(HTML\)/);
    expect(await readReason(strToU8("%PDF-1.7\n..."))).toMatch(/PDF document/);
    const utf16Csv = new Uint8Array([0xff, 0xfe, ...Array.from("a,b\n1,2\n").flatMap((ch) => [ch.charCodeAt(0), 0])]);
    expect(await readReason(utf16Csv)).toMatch(/text file \(comma- or tab-separated values\)/);
    const lock = new Uint8Array(165).fill(0x20);
    lock[0] = 4;
    lock.set(strToU8("Anne"), 1);
    expect(await readReason(lock)).toMatch(/^This is an Excel lock file/);
    expect(await readReason(strToU8("whatever"), { fileName: "C:\\returns\\~$Budget.xlsx" })).toMatch(/^This is an Excel lock file/);
    expect(await readReason(new Uint8Array([0, 1, 2, 3, 200, 201, 0, 0]))).toMatch(/not in a format Excel saves/);
  });

  function oleFile(streamNames: string[]): Uint8Array {
    const bytes = new Uint8Array(512 + 128 * (streamNames.length + 1));
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ["Root Entry", ...streamNames].forEach((name, index) => {
      const at = 512 + index * 128;
      for (let i = 0; i < name.length; i++) bytes[at + i * 2] = name.charCodeAt(i);
      bytes[at + 64] = (name.length + 1) * 2;
    });
    return bytes;
  }

  it("tells encrypted workbooks, .xls and other Office files apart", async () => {
    expect(await readReason(oleFile(["EncryptionInfo", "EncryptedPackage"]))).toMatch(/password-protected \(encrypted\)/);
    expect(await readReason(oleFile(["Workbook", "SummaryInformation"]))).toMatch(/older Excel 97-2003 workbook \(\.xls\)/);
    expect(await readReason(oleFile(["WordDocument", "1Table"]))).toMatch(/Word document \(\.doc\)/);
    expect(await readReason(oleFile(["Something"]))).toMatch(/older Microsoft Office file/);
  });

  it("refuses .xlsb, .docx, .ods and plain zip archives", async () => {
    const zip = (files: Record<string, string>) => {
      const input: Record<string, Uint8Array> = {};
      for (const [name, text] of Object.entries(files)) input[name] = strToU8(text);
      return zipSync(input);
    };
    expect(await readReason(zip({ "xl/workbook.bin": "x", "[Content_Types].xml": "<Types/>" }))).toMatch(
      /Excel binary workbook \(\.xlsb\)/,
    );
    expect(await readReason(zip({ "word/document.xml": "<w/>" }))).toMatch(/Word document \(\.docx\)/);
    expect(await readReason(zip({ mimetype: "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>" }))).toMatch(
      /OpenDocument/,
    );
    expect(await readReason(zip({ "notes.txt": "hi" }))).toMatch(/zip archive but not an Excel workbook/);
  });

  it("refuses truncated and damaged archives", async () => {
    const whole = buildXlsx({ sheets: [{ name: "S", body: sheetData(`<row r="1"><c r="A1"><v>1</v></c></row>`) }] });
    expect(await readReason(whole.subarray(0, Math.floor(whole.length / 2)))).toMatch(/cut short \(truncated\)/);
    const broken = buildXlsx({
      sheets: [{ name: "S", body: sheetData(`<row r="1"><c r="A1"><v>1</v></c></row>`) }],
      extraParts: { "xl/worksheets/sheet1.xml": `<worksheet xmlns="${MAIN_NS}"><sheetData><row></sheetData></worksheet>` },
    });
    expect(await readReason(broken)).toMatch(/^The sheet "S" is damaged: its XML is not valid/);
    const noSheets = buildXlsx({ sheets: [] });
    expect(await readReason(noSheets)).toMatch(/no sheets/);
  });

  it("refuses files over the size limit and workbooks over the cell limit", async () => {
    const bytes = buildXlsx({
      sheets: [{ name: "S", body: sheetData(`<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row>`) }],
    });
    expect(await readReason(bytes, { limits: { maxFileBytes: 100 } })).toMatch(/larger than the 0 MB limit|larger than the .* limit/);
    expect(await readReason(bytes, { limits: { maxCells: 2 } })).toMatch(/more than 2 cells with content/);
    expect((await readXlsx(bytes, { limits: { maxCells: 3 } })).ok).toBe(true);
  });

  it("stops inflating as soon as a part passes the decompressed-size cap, even when the archive lies about sizes", async () => {
    const row = `<row>${"<c><v>1</v></c>".repeat(50)}</row>`;
    const bytes = buildXlsx({ sheets: [{ name: "Big", body: sheetData(row.repeat(2000)) }] });
    // Declared sizes say 10 bytes: the streaming count finds the first part that unpacks to more.
    const lying = bytes.slice();
    const view = new DataView(lying.buffer);
    for (let at = 0; at < lying.length - 4; at++) {
      if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 10, true);
      if (view.getUint32(at, true) === 0x04034b50) view.setUint32(at + 22, 10, true);
    }
    const lie =
      "is damaged: it unpacks to a different amount of data than the 10 bytes its zip archive declares for it, so the file was changed after it was saved (possibly a 'zip bomb'). Save it again from Excel.";
    expect(await readReason(lying, { limits: { maxEntryBytes: 100_000 } })).toBe(`The list of parts (.rels) ${lie}`);
    expect(await readReason(lying, { limits: { maxUncompressedBytes: 150_000 } })).toBe(`The list of parts (.rels) ${lie}`);
    // A part honest about everything but its own size is caught in that part.
    const sheetOnly = bytes.slice();
    const sheetView = new DataView(sheetOnly.buffer);
    const name = new TextEncoder().encode("xl/worksheets/sheet1.xml");
    for (let at = 0; at < sheetOnly.length - 46; at++) {
      if (sheetView.getUint32(at, true) !== 0x02014b50 || sheetView.getUint16(at + 28, true) !== name.length) continue;
      if (name.every((b, i) => sheetOnly[at + 46 + i] === b)) sheetView.setUint32(at + 24, 10, true);
    }
    expect(await readReason(sheetOnly)).toBe(`The sheet "Big" ${lie}`);
  });

  it("stops when cancelled or out of time", async () => {
    const bytes = buildXlsx({ sheets: [{ name: "S", body: sheetData() }] });
    const controller = new AbortController();
    controller.abort();
    expect(await readReason(bytes, { signal: controller.signal })).toBe("Reading this workbook was cancelled.");
    // A clock that jumps a second at every look: the time limit is passed by the second check.
    let now = 1_000_000;
    const clock = jest.spyOn(Date, "now").mockImplementation(() => (now += 1000));
    try {
      expect(await readReason(bytes, { limits: { timeoutMs: 1500 } })).toBe(
        "Reading this workbook took longer than 2 seconds, the safe limit, so it was stopped. If it is genuine, split it into smaller workbooks.",
      );
    } finally {
      clock.mockRestore();
    }
  });

  it("never throws on garbage input", async () => {
    const result = await readXlsx(undefined as unknown as Uint8Array);
    expect(result.ok).toBe(false);
    const zipHeaderOnly = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect(await readReason(zipHeaderOnly)).toMatch(/cut short/);
  });

  it("documents limits that refuse the corpus zip bomb but read a 100,000-gain register", () => {
    expect(DEFAULT_READ_LIMITS.maxUncompressedBytes).toBeLessThan(1_591_500_167);
    expect(DEFAULT_READ_LIMITS.maxEntryBytes).toBeGreaterThanOrEqual(250 * 1024 * 1024);
    expect(DEFAULT_READ_LIMITS.maxCells).toBeGreaterThanOrEqual(2_500_000);
  });
});

// Keep the namespace import used (prefixed relationship attributes are exercised via buildXlsx).
void REL_NS;
