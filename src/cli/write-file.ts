/**
 * Writes a file a command produces (`vfm template OUT.xlsx`, `vfm compare --out changes.xlsx`): never
 * over an existing file unless told to, and every failure is one line for stderr.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";

export type FileWrite = { ok: true } | { ok: false; reason: string };

function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case "EEXIST":
      return "already exists; choose another name or add --force to overwrite it";
    case "ENOENT":
      return "the folder does not exist";
    case "EACCES":
    case "EPERM":
      return "permission denied: you are not allowed to write here";
    case "EISDIR":
      return "is a folder";
    case "ENOSPC":
      return "the disk is full";
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return `cannot be written: ${message.replace(/\s*[\r\n]+\s*/g, " ")}`;
    }
  }
}

/** Writes `bytes` to FILE (relative to cwd); with `force` an existing file is replaced. */
export async function writeOutputFile(file: string, cwd: string, bytes: Uint8Array, force: boolean): Promise<FileWrite> {
  try {
    // "wx" fails when the file exists, so there is no gap between checking and writing.
    await fs.writeFile(path.resolve(cwd, file), bytes, { flag: force ? "w" : "wx" });
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: describeWriteError(error) };
  }
}
