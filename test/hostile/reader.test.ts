/**
 * Hostile input through the .xlsx reader (issue #12): every attack class refused, or read safely,
 * in one line and bounded work. The generators are in ./generators.ts.
 */
import { getCell } from "../../src/core/workbook/model";
import { readXlsx } from "../../src/adapters/xlsx/read";
import type { ReadResult } from "../../src/adapters/xlsx/read";
import { crc32 } from "../../src/adapters/xlsx/read/crc32";
import { corpusFile, readCorpusBytes } from "../support/corpus";
import * as gen from "./generators";

async function refusal(bytes: Uint8Array, options?: Parameters<typeof readXlsx>[1]): Promise<string> {
  const result = await readXlsx(bytes, options);
  if (result.ok) throw new Error("expected a refusal, the workbook was read");
  expect(result.reason).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  expect(result.reason.length).toBeLessThan(400);
  return result.reason;
}

async function read(bytes: Uint8Array): Promise<Extract<ReadResult, { ok: true }>> {
  const result = await readXlsx(bytes);
  if (!result.ok) throw new Error(`expected a model, got: ${result.reason}`);
  return result;
}

describe("zip integrity", () => {
  it("computes CRC-32 as zip does", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    // Lengths around the eight-byte step.
    const bytes = new Uint8Array(37).map((_, i) => (i * 89 + 7) & 0xff);
    const simple = (b: Uint8Array) => {
      let c = 0xffffffff;
      for (const x of b) {
        c ^= x;
        for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      }
      return (c ^ 0xffffffff) >>> 0;
    };
    for (let n = 0; n <= bytes.length; n++) expect(crc32(bytes.subarray(0, n))).toBe(simple(bytes.subarray(0, n)));
  });

  it("reads the example as it is (the checksums it carries are right)", async () => {
    const { model } = await read(gen.zipParts(gen.exampleParts()));
    expect(model.sheets.length).toBe(10);
  });

  it("refuses a part whose CRC-32 does not match, as damaged, in one line", async () => {
    expect(await refusal(gen.badCrc())).toBe(
      "The workbook's list of sheets (workbook.xml) is damaged: its contents do not match the checksum stored with them (CRC-32), so the file was changed or corrupted after it was saved. Save it again from Excel.",
    );
  });

  it("refuses a stored part whose bytes were changed, though it is still valid XML", async () => {
    expect(await refusal(gen.corruptedStoredEntry())).toMatch(/^The sheet "Baseline" is damaged: .*\(CRC-32\)/);
  });

  it("refuses a damaged optional part too (the file as a whole is not what was saved)", async () => {
    expect(await refusal(gen.badCrc("xl/styles.xml"))).toMatch(/^The workbook's formats \(styles.xml\) is damaged: .*CRC-32/);
  });

  it("refuses two entries with the same name, and names that differ only in case", async () => {
    expect(await refusal(gen.duplicateEntry())).toBe(
      'This file is damaged: its zip archive holds the part "xl/workbook.xml" twice, so it is unclear which one Excel would read. Save it again from Excel.',
    );
    expect(await refusal(gen.duplicateEntry("xl/workbook.xml", true))).toMatch(/holds the part "XL\/WORKBOOK.XML" twice/);
  });
});

describe("shared-formula bomb", () => {
  it("refuses 20,000 dependents of a 32 KB shared formula at the formula budget, without running out of memory", async () => {
    const before = process.memoryUsage().rss;
    const started = process.cpuUsage();
    const reason = await refusal(gen.sharedFormulaBomb());
    const cpu = process.cpuUsage(started);
    expect(reason).toBe(
      `This workbook's shared formulas expand to more than 67,108,864 characters of formulas, which is beyond the safe limit (sheet "Bomb", from cell B1). If it is genuine, split it into smaller workbooks.`,
    );
    // Bounded: it stops at the budget (tens of MB), where unbounded expansion took gigabytes.
    expect(process.memoryUsage().rss - before).toBeLessThan(600 * 1024 * 1024);
    expect((cpu.user + cpu.system) / 1e6).toBeLessThan(25);
  });

  it("counts only what expansion makes: the same formulas read within a budget that fits them", async () => {
    const bytes = gen.sharedFormulaBomb({ masterChars: 300, dependents: 100 });
    const { model } = await read(bytes);
    expect(getCell(model.sheets[0], 100, 1)?.formula).toMatch(/^A101\+A101\+/);
    expect((await readXlsx(bytes, { limits: { maxFormulaChars: 10_000 } })).ok).toBe(false);
    expect((await readXlsx(bytes, { limits: { maxFormulaChars: 40_000 } })).ok).toBe(true);
  });

  it("does not count a shared formula with nothing to move (every cell shares the master's text)", async () => {
    const rows = [`<row r="1"><c r="A1"><f t="shared" ref="A1:A5000" si="0">${"1+".repeat(3000)}1</f><v>1</v></c></row>`];
    for (let r = 2; r <= 5000; r++) rows.push(`<row r="${r}"><c r="A${r}"><f t="shared" si="0"/><v>1</v></c></row>`);
    const bytes = buildSheet(rows.join(""));
    const result = await readXlsx(bytes, { limits: { maxFormulaChars: 1000 } });
    expect(result.ok).toBe(true);
  });
});

function buildSheet(rowsXml: string): Uint8Array {
  const parts = new Map<string, Uint8Array>();
  const small = gen.sharedFormulaBomb({ masterChars: 3, dependents: 1 });
  // Reuse the generator's package, with this sheet instead.
  const { unzipSync, strToU8 } = jest.requireActual<typeof import("fflate")>("fflate");
  for (const [name, bytes] of Object.entries(unzipSync(small))) parts.set(name, bytes);
  parts.set(
    "xl/worksheets/sheet1.xml",
    strToU8(
      `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rowsXml}</sheetData></worksheet>`,
    ),
  );
  return gen.zipParts(parts);
}

describe("names beyond Excel's limits", () => {
  it("refuses a 50 MB sheet name at once, without collecting it first", async () => {
    const started = process.cpuUsage();
    expect(await refusal(gen.hugeNames())).toBe(
      "The workbook's list of sheets (workbook.xml) is damaged: its XML is not valid (a tag longer than 1 MB). Save it again from Excel.",
    );
    const cpu = process.cpuUsage(started);
    expect((cpu.user + cpu.system) / 1e6).toBeLessThan(10);
  });

  it("refuses a 50 MB defined name the same way", async () => {
    expect(await refusal(gen.hugeNames({ sheetName: 5, definedName: 50 * 1024 * 1024 }))).toMatch(
      /workbook.xml\) is damaged: .*a tag longer than 1 MB/,
    );
  });

  it("cuts a sheet name over 31 characters, and table and defined names over 255, saying so", async () => {
    const { model, warnings } = await read(gen.hugeNames({ sheetName: 40, tableName: 300, definedName: 1000 }));
    expect(model.sheets[0].name).toBe("S".repeat(31));
    expect(model.tables[0].name).toBe("T".repeat(255));
    expect(model.tables[0].sheet).toBe("S".repeat(31));
    expect(model.names[0].name).toBe("N".repeat(255));
    expect(warnings).toEqual([
      `A sheet name "${"S".repeat(31)}" was 40 characters long, more than Excel's limit of 31; it was cut to 31.`,
      `A defined name "${"N".repeat(39)}…" was 1,000 characters long, more than Excel's limit of 255; it was cut to 255.`,
      `A table name "${"T".repeat(39)}…" was 300 characters long, more than Excel's limit of 255; it was cut to 255.`,
    ]);
  });

  it("refuses two sheets whose names are the same once cut (or the same ignoring case)", async () => {
    const twoLong = gen.patchExample({
      "xl/workbook.xml": (xml) =>
        xml.replace('name="Gains"', `name="${"x".repeat(31)}Gains"`).replace('name="Profile"', `name="${"X".repeat(31)}Profile"`),
    });
    expect(await refusal(twoLong)).toBe(
      `This workbook names two sheets "${"X".repeat(31)}", which Excel does not allow, so findings could not say which one they mean. Save it again from Excel.`,
    );
  });
});

describe("workbook text in the reader's notes", () => {
  it("shows control characters from the file as visible escapes, never raw", async () => {
    const forged = `${gen.TERMINAL_ATTACKS.clearScreen}\n(ii) Cashable: \u2714 pass ${"x".repeat(40)}`;
    const bytes = gen.controlCharacterWorkbook(forged, gen.TERMINAL_ATTACKS.osc52Clipboard);
    const { model, warnings } = await read(bytes);
    // The model keeps the name exactly (JSON and SARIF are exact); only messages are made safe.
    expect(model.sheets[2].name).toBe(forged.slice(0, 31));
    expect(warnings.length).toBe(1);
    expect(warnings[0]).toBe(
      `A sheet name "\\x1b[2J\\x1b[HALL CHECKS PASSED\\n(ii) C" was ${forged.length} characters long, more than Excel's limit of 31; it was cut to 31.`,
    );
    expect(warnings[0]).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });
});

describe("dates a cell cannot hold", () => {
  it("reads a day the calendar does not have, or a date outside Excel's range, as text, never as a shifted date or NaN", async () => {
    const { model, warnings } = await read(
      gen.isoDateCells(["2026-02-31", "+275760-09-14", "0001-01-01", "99999-01-01", "2026-02-28", "2024-02-29", "2023-02-29"]),
    );
    const values = [0, 1, 2, 3, 4, 5, 6].map((col) => getCell(model.sheets[0], 1, col)?.value);
    expect(values).toEqual(["2026-02-31", "+275760-09-14", "0001-01-01", "99999-01-01", 46081, 45351, "2023-02-29"]);
    expect(warnings).toEqual([
      `Sheet "Dates": 2 cells hold dates like this one; cell A2 holds the date "2026-02-31", a day the calendar does not have; read as text, not as a date.`,
      `Sheet "Dates": 3 cells hold dates like this one; cell B2 holds the date "+275760-09-14", outside the dates Excel can hold (1 January 1900 to 31 December 9999); read as text, not as a date.`,
    ]);
  });

  it("never stores NaN or an infinite number in the model", async () => {
    const { model } = await read(gen.isoDateCells(["-999999-01-01", "9999-12-31T23:59:59", "1900-01-01"]));
    for (const cell of model.sheets[0].rows[1] ?? []) {
      if (typeof cell?.value === "number") expect(Number.isFinite(cell.value)).toBe(true);
    }
    expect(getCell(model.sheets[0], 1, 2)?.value).toBe(1);
  });
});

describe("the classic refusals still hold", () => {
  it("refuses a zip bomb from its declared size, and one that lies about it while it streams", async () => {
    const limits = { maxEntryBytes: 8 * 1024 * 1024 };
    expect(await refusal(gen.zipBomb({ megabytes: 16 }), { limits })).toMatch(/^The sheet "Bomb" expands to more than 8 MB of data/);
    expect(await refusal(readCorpusBytes(corpusFile("broken", "zip-bomb.xlsx")))).toMatch(/zip bomb/);
  });

  it("refuses a zip bomb that lies about its sizes at its first excess chunk, before any cell limit is reached", async () => {
    // 64 MB of sheet XML (4.4 million cells) declared as 10 bytes: before, it streamed until the
    // 4,000,000-cell limit (49 s through the CLI under load); now the part's own declared size stops it.
    // Every part of this bomb declares 10 bytes, so the first part read (the package's .rels) is refused.
    expect(await refusal(gen.zipBomb({ megabytes: 64, lie: true }))).toBe(
      "The list of parts (.rels) is damaged: it unpacks to a different amount of data than the 10 bytes its zip archive declares for it, so the file was changed after it was saved (possibly a 'zip bomb'). Save it again from Excel.",
    );
    // With a per-part cap too, the lie is found first (at 16 kB, long before 8 MB).
    expect(await refusal(gen.zipBomb({ megabytes: 16, lie: true }), { limits: { maxEntryBytes: 8 * 1024 * 1024 } })).toMatch(
      /is damaged: it unpacks to a different amount of data than the 10 bytes its zip archive declares/,
    );
  });

  it("refuses a truncated file and an encrypted workbook", async () => {
    expect(await refusal(gen.truncated())).toMatch(/cut short \(truncated\)/);
    expect(await refusal(gen.encrypted())).toMatch(/password-protected \(encrypted\)/);
  });
});
