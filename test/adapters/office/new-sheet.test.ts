import { claimNewSheet, freeTableName, queueInBlocks, readNamesInUse } from "../../../src/adapters/office/new-sheet";
import { createMockWorkbook, type MockWorkbookSpec } from "../../support/office-mock";

const TAKEN: MockWorkbookSpec = {
  sheets: [
    { name: "vfm REPORT", cells: [["old"]] },
    { name: "VfM report (2)", cells: [["older"]] },
  ],
  tables: [{ name: "tblVfmReport", sheet: "vfm REPORT", address: "A1:A1" }],
  names: [{ name: "tblVfmReport2", formula: "='vfm REPORT'!$A$1" }],
};

describe("readNamesInUse", () => {
  test("one round trip reads sheet, table and defined names, and queues nothing", async () => {
    const excel = createMockWorkbook(TAKEN);
    const inUse = await readNamesInUse(excel.context, "the report sheet cannot be added");
    expect(inUse).toMatchObject({ ok: true, sheetNames: ["vfm REPORT", "VfM report (2)"], tableNames: ["tblVfmReport", "tblVfmReport2"] });
    expect(excel.syncCount).toBe(1);
    expect(excel.calls).toEqual([]);
    expect(excel.writes).toEqual([]);
  });

  test("a protected structure is refused in the same round trip, in the caller's words", async () => {
    const excel = createMockWorkbook({ ...TAKEN, structureProtected: true });
    expect(await readNamesInUse(excel.context, "no sheets can be added")).toEqual({
      ok: false,
      reason:
        "The workbook's structure is protected, so no sheets can be added. Unprotect it (Review, then Protect Workbook) and try again.",
    });
    expect(excel.syncCount).toBe(1);
  });
});

describe("claimNewSheet", () => {
  test("queues a new sheet under a free name with a free table name, after one round trip", async () => {
    const excel = createMockWorkbook(TAKEN);
    const claim = await claimNewSheet(excel.context, "VfM report", "tblVfmReport", "the report sheet cannot be added");
    expect(claim).toMatchObject({ ok: true, sheetName: "VfM report (3)", tableName: "tblVfmReport3" });
    expect(excel.syncCount).toBe(1);
    expect(excel.calls).toEqual(["add sheet VfM report (3)"]);
    await excel.context.sync();
    expect(excel.sheets.map((s) => s.name)).toEqual(["vfm REPORT", "VfM report (2)", "VfM report (3)"]);
  });

  test("the base names when nothing takes them", async () => {
    const excel = createMockWorkbook({ sheets: [{ name: "Gains" }] });
    expect(await claimNewSheet(excel.context, "VfM changes", "tblVfmChanges", "the changes sheet cannot be added")).toMatchObject({
      ok: true,
      sheetName: "VfM changes",
      tableName: "tblVfmChanges",
    });
  });

  test("a protected structure: refused, no sheet added", async () => {
    const excel = createMockWorkbook({ ...TAKEN, structureProtected: true });
    const claim = await claimNewSheet(excel.context, "VfM report", "tblVfmReport", "the report sheet cannot be added");
    expect(claim).toEqual({ ok: false, reason: expect.stringContaining("so the report sheet cannot be added.") });
    expect(excel.calls).toEqual([]);
    expect(excel.writes).toEqual([]);
  });
});

describe("freeTableName", () => {
  test("compares names as Excel does (case-insensitively)", () => {
    expect(freeTableName(["TBLVFMCHANGES", "tblvfmchanges2"], "tblVfmChanges")).toBe("tblVfmChanges3");
  });
});

describe("queueInBlocks", () => {
  const writeBlocks = async (rows: number, bytesPerRow: number) => {
    const excel = createMockWorkbook({ sheets: [{ name: "Gains" }] });
    const blocks: Array<[number, number]> = [];
    const items = Array.from({ length: rows }, (_, i) => i);
    await queueInBlocks(
      excel.context,
      items,
      () => bytesPerRow,
      (start, block) => blocks.push([start, block.length]),
    );
    return { blocks, syncs: excel.syncCount };
  };

  test("rows under the budget are one block left queued for the caller's sync: no round trip", async () => {
    expect(await writeBlocks(1000, 100)).toEqual({ blocks: [[0, 1000]], syncs: 0 });
  });

  test("more rows: blocks of about 4 MB, one round trip for each block but the last", async () => {
    // 1 MB a row: the fourth row brings a block to the budget, so blocks of 4, 4 and 2.
    expect(await writeBlocks(10, 1_000_000)).toEqual({
      blocks: [
        [0, 4],
        [4, 4],
        [8, 2],
      ],
      syncs: 2,
    });
  });

  test("a row larger than the budget is still a block of its own", async () => {
    expect(await writeBlocks(2, 9_000_000)).toEqual({
      blocks: [
        [0, 1],
        [1, 1],
      ],
      syncs: 1,
    });
  });

  test("no rows: nothing written, no round trip", async () => {
    expect(await writeBlocks(0, 10)).toEqual({ blocks: [], syncs: 0 });
  });
});
