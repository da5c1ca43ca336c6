/**
 * Reads a workbook file for the command line: the size is checked before anything is read into
 * memory, and every problem (missing file, a folder, no permission, too large) is a one-line reason.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { DEFAULT_READ_LIMITS } from "../adapters/xlsx/read/index";

/** Largest file `vfm validate` reads: the reader's own limit, checked here before reading into memory. */
export const MAX_FILE_BYTES = DEFAULT_READ_LIMITS.maxFileBytes;

export type FileRead = { ok: true; bytes: Uint8Array; size: number } | { ok: false; reason: string };

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 10 ? `${Math.round(mb)} MB` : `${Number(mb.toFixed(1))} MB`;
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EACCES":
    case "EPERM":
      return "permission denied: you are not allowed to read this file";
    case "EISDIR":
      return "this is a folder, not a file; give the .xlsx files in it (e.g. folder/*.xlsx)";
    case "ENOTDIR":
      return "no such file (part of the path is not a folder)";
    case "ELOOP":
      return "the path loops through symbolic links";
    case "EMFILE":
    case "ENFILE":
      return "too many files open; check fewer files at once";
    case "EBUSY":
      return "the file is locked by another program";
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return `cannot be read: ${message.replace(/\s*[\r\n]+\s*/g, " ")}`;
    }
  }
}

/** Reads FILE (relative to cwd) after checking it is a regular file no larger than maxBytes. */
export async function readWorkbookFile(file: string, cwd: string, maxBytes: number = MAX_FILE_BYTES): Promise<FileRead> {
  const fullPath = path.resolve(cwd, file);
  let handle: fs.FileHandle | undefined;
  try {
    const stat = await fs.stat(fullPath);
    if (stat.isDirectory()) return { ok: false, reason: describeError({ code: "EISDIR" }) };
    if (!stat.isFile()) return { ok: false, reason: "this is not a regular file (a device, pipe or socket)" };
    if (stat.size > maxBytes) {
      return { ok: false, reason: `the file is ${megabytes(stat.size)}, larger than the ${megabytes(maxBytes)} limit for workbooks to check; split it into smaller workbooks` };
    }
    handle = await fs.open(fullPath, "r");
    // The size is read again from the open file, so a file that grew after the check is still bounded.
    const size = Math.min((await handle.stat()).size, maxBytes + 1);
    const bytes = new Uint8Array(size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await handle.read(bytes, filled, size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > maxBytes) {
      return { ok: false, reason: `the file is larger than the ${megabytes(maxBytes)} limit for workbooks to check; split it into smaller workbooks` };
    }
    return { ok: true, bytes: filled === size ? bytes : bytes.subarray(0, filled), size: filled };
  } catch (error) {
    return { ok: false, reason: describeError(error) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
