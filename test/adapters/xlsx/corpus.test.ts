/**
 * The reader against workbooks nobody on this project wrote (test/corpus): every real one is
 * read, every broken one is refused with one line, and the zip bomb is refused in bounded memory.
 */
import * as path from "path";
import { getCell } from "../../../src/core/workbook/model";
import type { WorkbookModel } from "../../../src/core/workbook/model";
import { readXlsx } from "../../../src/adapters/xlsx/read";
import { corpusFile, corpusWorkbooks, readCorpusBytes } from "../../support/corpus";

async function readModel(file: string): Promise<WorkbookModel> {
  const result = await readXlsx(readCorpusBytes(file), { fileName: path.basename(file) });
  if (!result.ok) throw new Error(`${path.basename(file)}: ${result.reason}`);
  return result.model;
}

function sheetNamed(model: WorkbookModel, name: string) {
  const sheet = model.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

describe("corpus: real workbooks are read", () => {
  it.each(["euses-custodes", "mhclg-returns"])("every workbook in %s is read", async (folder) => {
    const files = corpusWorkbooks(folder);
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const result = await readXlsx(readCorpusBytes(file), { fileName: path.basename(file) });
      if (!result.ok) throw new Error(`${path.basename(file)} was refused: ${result.reason}`);
      expect(result.model.sheets.length).toBeGreaterThan(0);
    }
  });

  it("reads FinalBudget.xlsx, which exceljs 4.4.0 cannot load", async () => {
    const model = await readModel(corpusFile("euses-custodes", "FinalBudget.xlsx"));
    expect(model.sheets).toHaveLength(10);
  });

  describe("TF_Round_7_Success.xlsx (Towns Fund return)", () => {
    let model: WorkbookModel;
    beforeAll(async () => {
      model = await readModel(corpusFile("mhclg-returns", "TF_Round_7_Success.xlsx"));
    });

    it("has its sheets in order, with hidden sheets and protection", () => {
      expect(model.sheets.slice(0, 5).map((s) => s.name)).toEqual([
        "1 - Start Here",
        "2 - Project Admin",
        "3 - Programme Progress",
        "4a - Funding Profiles",
        "4b - PSI",
      ]);
      expect(sheetNamed(model, "4b - PSI").visibility).toBe("hidden");
      expect(sheetNamed(model, "Backend Data").visibility).toBe("hidden");
      expect(sheetNamed(model, "1 - Start Here").visibility).toBe("visible");
      expect(sheetNamed(model, "1 - Start Here").protected).toBe(true);
      expect(sheetNamed(model, "8 - Review & Sign-Off").protected).toBeUndefined();
    });

    it("keeps the genuine #REF! errors in the hidden Backend Data sheet", () => {
      const backend = sheetNamed(model, "Backend Data");
      expect(getCell(backend, 1, 37)).toMatchObject({ value: null, error: "#REF!", formula: "'3 - Programme Progress'!#REF!" });
    });

    it("reads formulas with cached values, expanding shared formulas", () => {
      const funding = sheetNamed(model, "4a - Funding Profiles");
      expect(getCell(funding, 27, 5)).toMatchObject({ formula: "F26+F27", value: 0 }); // F28, the master
      expect(getCell(funding, 27, 6)?.formula).toBe("G26+G27"); // G28 shares F28's formula
      expect(getCell(funding, 27, 24)?.formula).toBe("Y26+Y27"); // Y28, the end of the shared range
      expect(getCell(funding, 37, 11)).toMatchObject({ formula: "SUM(J38:K38)", value: 50 }); // L38
      expect(getCell(funding, 38, 11)?.formula).toBe("SUM(J39:K39)"); // L39
      const admin = sheetNamed(model, "2 - Project Admin");
      expect(getCell(admin, 8, 4)).toMatchObject({
        formula: `IFNA(VLOOKUP(E8,'LA Lookup'!B:C,2,0),"")`,
        value: "Westmorland & Furness Council ",
      });
    });

    it("reads defined names with their scope", () => {
      expect(model.names).toContainEqual({
        name: "_xlnm._FilterDatabase",
        scope: "LA Lookup",
        formula: "'LA Lookup'!$A$1:$D$173",
        hidden: true,
      });
      expect(model.names).toContainEqual({ name: "Culture", scope: null, formula: "'Data validation'!$AC$4:$AC$14" });
    });
  });

  it("reads Excel tables, number formats and sheet-scoped names in PF_Round_3_Success.xlsx", async () => {
    const model = await readModel(corpusFile("mhclg-returns", "PF_Round_3_Success.xlsx"));
    expect(model.tables).toContainEqual({
      name: "tbl_Bespoke_Outputs",
      sheet: "Bespoke Outputs",
      range: { startRow: 3, startCol: 3, endRow: 158, endCol: 6 },
      headerRowCount: 1,
      totalsRow: false,
    });
    expect(model.tables.map((t) => t.name)).toEqual(["Ref_table", "tbl_Bespoke_Outputs", "tbl_Bespoke_Outcomes"]);
    const finances = sheetNamed(model, "Finances");
    expect(getCell(finances, 32, 3)).toEqual({
      value: 6898813,
      formula: "SUM(C33)",
      numFmt: '_-[$£-809]* #,##0.00_-;\\-[$£-809]* #,##0.00_-;_-[$£-809]* "-"??_-;_-@_-',
    });
    expect(model.names).toContainEqual({ name: "Employmentandeducation", scope: "Outputs", formula: "ITValues!$D$8:$D$12" });
    // Defined names lose the file format's "_xlfn." prefixes, as Excel shows them.
    expect(model.names.find((n) => n.name === "Filtered_Bespoke_Outcomes")?.formula).toMatch(/^FILTER\(tbl_Bespoke_Outcomes\[/);
    expect(getCell(sheetNamed(model, "Dropdown Values"), 55, 1)).toMatchObject({ value: null, error: "#N/A", formula: "NA()" });
  });

  it("reads TF_Round_4_Corrupt.xlsx (a valid file missing a column) normally", async () => {
    const model = await readModel(corpusFile("mhclg-returns", "TF_Round_4_Corrupt.xlsx"));
    expect(sheetNamed(model, "2 - Project Admin").visibility).toBe("visible");
  });
});

describe("corpus: broken files are refused with one line", () => {
  const expected: Array<[string, RegExp]> = [
    ["empty.xlsx", /^This file is empty \(0 bytes\)\.$/],
    ["not-a-workbook.xlsx", /^This is not an Excel workbook \(\.xlsx\): it is a text file\.$/],
    ["truncated.xlsx", /^This file is cut short \(truncated\)/],
    ["zip-bomb.xlsx", /expands to more than \d+ MB of data, which is beyond the safe limit \(possibly a 'zip bomb'\)/],
    ["~$act3_lab23_posey.xlsx", /^This is an Excel lock file/],
  ];

  it("covers every broken file but proto-names.xlsx", () => {
    const names = corpusWorkbooks("broken")
      .map((file) => path.basename(file))
      .filter((name) => name !== "proto-names.xlsx");
    expect(names.sort()).toEqual(expected.map(([name]) => name).sort());
  });

  it.each(expected)("%s is refused", async (name, reason) => {
    const result = await readXlsx(readCorpusBytes(corpusFile("broken", name)));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toMatch(reason);
    expect(result.reason).not.toMatch(/[\r\n]/);
  });

  it("recognises the lock file by its shape even without its ~$ name", async () => {
    const result = await readXlsx(readCorpusBytes(corpusFile("broken", "~$act3_lab23_posey.xlsx")), { fileName: "renamed.xlsx" });
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/^This is an Excel lock file/) });
  });

  it("refuses the zip bomb in bounded memory, also when only the streaming cap can stop it", async () => {
    const bytes = readCorpusBytes(corpusFile("broken", "zip-bomb.xlsx"));
    const before = process.memoryUsage().rss;
    const quick = await readXlsx(bytes);
    expect(quick.ok).toBe(false);
    // Pretend the declared sizes are honest-looking and small: the reader must still stop while inflating.
    const lying = bytes.slice();
    const view = new DataView(lying.buffer);
    for (let at = 0; at + 4 <= lying.length; at++) {
      const signature = view.getUint32(at, true);
      if (signature === 0x02014b50) view.setUint32(at + 24, 1000, true);
    }
    const streamed = await readXlsx(lying, { limits: { maxEntryBytes: 64 * 1024 * 1024 } });
    // Every part now declares 1,000 bytes: the first one read that unpacks to another size is refused.
    expect(streamed).toEqual({
      ok: false,
      reason: expect.stringMatching(/is damaged: it unpacks to a different amount of data than the 1,000 bytes its zip archive declares/),
    });
    const growth = process.memoryUsage().rss - before;
    // The bomb is one endless cell text: it is cut at Excel's 32,767 characters, so little is kept.
    expect(growth).toBeLessThan(200 * 1024 * 1024);
  });
});

describe("corpus: proto-names.xlsx is read normally", () => {
  it("keeps __proto__, constructor and friends as data and leaves Object.prototype alone", async () => {
    const model = await readModel(corpusFile("broken", "proto-names.xlsx"));
    expect(model.sheets.map((s) => s.name)).toEqual(["__proto__", "Gains"]);
    expect(model.names).toEqual([
      { name: "constructor", scope: null, formula: "Gains!$A$1:$G$3" },
      { name: "__proto__", scope: null, formula: "Gains!$A$1" },
    ]);
    const headers = model.sheets[0].rows[0]?.map((c) => c?.value);
    expect(headers).toEqual(["ID", "constructor", "__proto__", "prototype", "hasOwnProperty"]);
    const gains = model.sheets[1];
    expect(gains.rows[0]?.[6]?.value).toBe("toString");
    expect(gains.rows[1]?.slice(0, 2).map((c) => c?.value)).toEqual(["__proto__", "constructor"]);
    expect(gains.rows[1]?.[5]).toEqual({ value: 90, formula: "D2-E2" });
    expect(gains.rows[1]?.[6]?.value).toBe("valueOf");
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(typeof ({} as { toString: unknown }).toString).toBe("function");
  });
});
