/**
 * The roll-up's file loop (src/standalone/batch.ts) on the page's own thread (Node has no Worker, as
 * a browser without workers): one row per file in order, each the row consolidate.ts makes, an
 * unreadable file a row with the reader's reason, and Stop leaving the rest "not checked".
 */
import * as fs from "fs";
import * as path from "path";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { consolidatedReturnOfModel } from "../../src/core/review/consolidate";
import { checkReturns, STOPPED_REASON, type BatchProgress, type ReturnFile } from "../../src/standalone/batch";
import { corpusFile } from "../support/corpus";

const EXAMPLE = path.resolve(__dirname, "../../examples/northmoor-police.xlsx");
const returnFile = (name: string, file: string): ReturnFile => ({ name, load: async () => new Uint8Array(fs.readFileSync(file)) });

test("one row per file, as consolidate.ts makes it, with the unreadable file's reason and progress for each", async () => {
  const progress: BatchProgress[] = [];
  const rows = await checkReturns([returnFile("a.xlsx", EXAMPLE), returnFile("broken.xlsx", corpusFile("broken", "truncated.xlsx"))], {
    signal: new AbortController().signal,
    onProgress: (p) => progress.push(p),
  });
  const read = await readXlsx(new Uint8Array(fs.readFileSync(EXAMPLE)), { fileName: "a.xlsx" });
  if (!read.ok) throw new Error(read.reason);
  expect(rows[0]).toEqual(consolidatedReturnOfModel(read.model, { file: "a.xlsx" }));
  expect(rows[1]).toMatchObject({ file: "broken.xlsx", status: "unreadable", reason: expect.stringMatching(/truncated/) });
  expect(progress).toEqual([
    { done: 0, total: 2, current: "a.xlsx" },
    { done: 1, total: 2, current: "broken.xlsx" },
    { done: 2, total: 2, current: null },
  ]);
});

test("Stop: the file being read and the rest are not checked, the ones done are kept", async () => {
  const controller = new AbortController();
  const rows = await checkReturns([returnFile("a.xlsx", EXAMPLE), returnFile("b.xlsx", EXAMPLE), returnFile("c.xlsx", EXAMPLE)], {
    signal: controller.signal,
    onProgress: () => undefined,
    onReturn: (_row, index) => {
      if (index === 0) controller.abort();
    },
  });
  expect(rows.map((r) => [r.file, r.status, r.reason])).toEqual([
    ["a.xlsx", "checked", null],
    ["b.xlsx", "not-checked", STOPPED_REASON],
    ["c.xlsx", "not-checked", STOPPED_REASON],
  ]);
});
