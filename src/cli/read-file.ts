/**
 * Reads a file named on the command line: regular files only (never a device such as /dev/zero or
 * /dev/urandom, a FIFO, a socket or a folder), no larger than a cap, checked on the open file before
 * anything is read into memory; every problem is a one-line reason.
 */
import { constants, promises as fs } from "node:fs";
import * as path from "node:path";
import { DEFAULT_READ_LIMITS } from "../adapters/xlsx/read/index";

/** Largest file `vfm validate` reads: the reader's own limit, checked here before reading into memory. */
const MAX_FILE_BYTES = DEFAULT_READ_LIMITS.maxFileBytes;

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
      return "this is a folder, not a file";
    case "ENOTDIR":
      return "no such file (part of the path is not a folder)";
    case "ELOOP":
      return "the path loops through symbolic links";
    case "EMFILE":
    case "ENFILE":
      return "too many files open; check fewer files at once";
    case "EBUSY":
      return "the file is locked by another program";
    case "ENXIO":
      return "this is not a regular file (a device, pipe or socket)";
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return `cannot be read: ${message.replace(/\s+/g, " ").slice(0, 200)}`;
    }
  }
}

export interface ReadLimit {
  maxBytes: number;
  /** What the limit is for, in "larger than the 100 MB limit for ...": "workbooks to check". */
  limitFor: string;
  /** What to do about a file over the limit. */
  advice: string;
  /** What to do instead of naming a folder. */
  folderAdvice?: string;
}

const WORKBOOK_LIMIT: ReadLimit = {
  maxBytes: MAX_FILE_BYTES,
  limitFor: "workbooks to check",
  advice: "split it into smaller workbooks",
  folderAdvice: "give the .xlsx files in it (e.g. folder/*.xlsx)",
};

/** Reads FILE (relative to cwd) when it is a regular file no larger than the limit. */
export async function readRegularFile(file: string, cwd: string, limit: ReadLimit): Promise<FileRead> {
  const fullPath = path.resolve(cwd, file);
  let handle: fs.FileHandle | undefined;
  try {
    // Non-blocking, so that opening a FIFO with no writer cannot hang; the type is then checked on the
    // open file itself, so a file swapped for a device after a check by name is still refused.
    handle = await fs.open(fullPath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = await handle.stat();
    if (stat.isDirectory())
      return { ok: false, reason: [describeError({ code: "EISDIR" }), limit.folderAdvice].filter(Boolean).join("; ") };
    if (!stat.isFile()) return { ok: false, reason: describeError({ code: "ENXIO" }) };
    const tooLarge = (size: string) => ({
      ok: false as const,
      reason: `the file is ${size}larger than the ${megabytes(limit.maxBytes)} limit for ${limit.limitFor}; ${limit.advice}`,
    });
    if (stat.size > limit.maxBytes) return tooLarge(`${megabytes(stat.size)}, `);
    // One byte more than the limit is asked for, so a file that grew after the check is still bounded.
    const bytes = new Uint8Array(Math.min(stat.size, limit.maxBytes) + 1);
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > limit.maxBytes) return tooLarge("");
    return { ok: true, bytes: bytes.subarray(0, filled), size: filled };
  } catch (error) {
    return { ok: false, reason: describeError(error) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Reads a workbook to check: a regular file no larger than the reader's limit. */
export function readWorkbookFile(file: string, cwd: string, maxBytes: number = MAX_FILE_BYTES): Promise<FileRead> {
  return readRegularFile(file, cwd, { ...WORKBOOK_LIMIT, maxBytes });
}
