/**
 * The real-world corpus kept in the repository (test/corpus, see its README for sources and
 * licences), so that a clone passes its tests with nothing beside it.
 */
import * as fs from "fs";
import * as path from "path";

const CORPUS_DIR = path.resolve(__dirname, "..", "corpus");

/** The corpus folder, or a thrown error naming where it should be (tests must not pass silently without it). */
export function corpusDir(): string {
  if (!fs.existsSync(path.join(CORPUS_DIR, "README.md")))
    throw new Error(`The test corpus is missing: expected ${CORPUS_DIR} (test/corpus in the repository).`);
  return CORPUS_DIR;
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
