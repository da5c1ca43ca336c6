/**
 * Locates the shared real-world corpus (`shared/corpus`), which lives beside the repository: in
 * this workspace /work/shared next to /work/main, and in CI the clone's parent holds shared/.
 * Walks up from this file and returns the first `shared/corpus` folder found, or null.
 */
import * as fs from "fs";
import * as path from "path";

let cached: string | null | undefined;

export function findCorpusDir(start: string = __dirname): string | null {
  if (start === __dirname && cached !== undefined) return cached;
  let dir = path.resolve(start);
  let found: string | null = null;
  for (;;) {
    const candidate = path.join(dir, "shared", "corpus");
    if (fs.existsSync(candidate) && fs.statSync(candidate).isDirectory()) {
      found = candidate;
      break;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  if (start === __dirname) cached = found;
  return found;
}

/** The corpus folder, or a thrown error saying where it was looked for (tests should not pass silently without it). */
export function corpusDir(): string {
  const dir = findCorpusDir();
  if (!dir) throw new Error(`No shared/corpus folder found above ${__dirname}; check out the shared folder beside the repository.`);
  return dir;
}

/** Absolute path of a corpus file, e.g. corpusFile("broken", "empty.xlsx"). */
export function corpusFile(...parts: string[]): string {
  return path.join(corpusDir(), ...parts);
}

/** The .xlsx files of one corpus folder ("euses-custodes", "mhclg-returns", "broken"), sorted by name. */
export function corpusWorkbooks(folder: string): string[] {
  const dir = path.join(corpusDir(), folder);
  return fs
    .readdirSync(dir)
    .filter((name) => name.toLowerCase().endsWith(".xlsx"))
    .sort()
    .map((name) => path.join(dir, name));
}

/** A corpus file's bytes as a plain Uint8Array (what the browser would hand the reader). */
export function readCorpusBytes(file: string): Uint8Array {
  const buffer = fs.readFileSync(file);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
