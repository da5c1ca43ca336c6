/**
 * A minimal, defensive zip reader for .xlsx packages. It reads the central directory itself (so it
 * can refuse a truncated archive with a clear reason and look at declared sizes before inflating)
 * and inflates one entry at a time with fflate's streaming Inflate, counting decompressed bytes as
 * they come and stopping as soon as a cap is passed: memory stays bounded by one chunk's output,
 * whatever the archive claims.
 */
import { Inflate } from "fflate";
import { Crc32 } from "./crc32";
import { ReadFailure, megabytes, quoteForMessage } from "./failure";
import type { Pace } from "./pace";

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** As declared in the central directory; never trusted, only used to refuse early. */
  declaredSize: number;
  localHeaderOffset: number;
  /** CRC-32 of the decompressed data, as the central directory declares it; checked after every read. */
  crc: number;
}

export interface ZipArchive {
  bytes: Uint8Array;
  /** Entries by exact name, and by lower-case name (OPC part names are case-insensitive). */
  entries: Map<string, ZipEntry>;
  entriesLower: Map<string, ZipEntry>;
}

const TRUNCATED = "This file is cut short (truncated): the end of the zip archive is missing. Save it again from Excel.";
const DAMAGED = "This file is damaged: its zip archive structure is broken. Save it again from Excel.";

function duplicatePart(name: string): string {
  return `This file is damaged: its zip archive holds the part ${quoteForMessage(name)} twice, so it is unclear which one Excel would read. Save it again from Excel.`;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
/**
 * Compressed bytes pushed per step. A deflate stream expands at most ~1032x, so one step's output
 * stays under 17 MB however hostile the archive; small steps cost little (a call per 16 kB).
 */
const INPUT_CHUNK = 16 * 1024;
const MAX_ENTRIES = 200_000;

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}
function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000;
}
function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 0x100000000;
}

export function isZipSignature(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6)
  );
}

function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && u32(bytes, at) === SIG_EOCD) {
      // The comment length must reach exactly to the end of the file (or the file was appended to).
      if (at + 22 + u16(bytes, at + 20) <= bytes.length) return at;
    }
  }
  return -1;
}

/** Parses the central directory; throws a ReadFailure for truncated or damaged archives. */
export function openZip(bytes: Uint8Array): ZipArchive {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) throw new ReadFailure(isZipSignature(bytes) ? TRUNCATED : DAMAGED);
  let count = u16(bytes, eocd + 10);
  let size = u32(bytes, eocd + 12);
  let offset = u32(bytes, eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator >= 0 && u32(bytes, locator) === SIG_ZIP64_LOCATOR) {
      const z64 = u64(bytes, locator + 8);
      if (z64 + 56 > bytes.length || u32(bytes, z64) !== SIG_ZIP64_EOCD) throw new ReadFailure(DAMAGED);
      count = u64(bytes, z64 + 32);
      size = u64(bytes, z64 + 40);
      offset = u64(bytes, z64 + 48);
    }
  }
  if (offset + size > bytes.length) throw new ReadFailure(TRUNCATED);
  if (count > MAX_ENTRIES) throw new ReadFailure(DAMAGED);

  const names = new TextDecoder("utf-8");
  const entries = new Map<string, ZipEntry>();
  const entriesLower = new Map<string, ZipEntry>();
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== SIG_CENTRAL) throw new ReadFailure(DAMAGED);
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const crc = u32(bytes, at + 16);
    let compressedSize = u32(bytes, at + 20);
    let declaredSize = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    let localHeaderOffset = u32(bytes, at + 42);
    const nameStart = at + 46;
    if (nameStart + nameLength + extraLength > bytes.length) throw new ReadFailure(DAMAGED);
    const name = names.decode(bytes.subarray(nameStart, nameStart + nameLength)).replace(/\\/g, "/");
    // Zip64 extra field: 64-bit values for whichever 32-bit fields are saturated, in this order.
    let extra = nameStart + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = u16(bytes, extra);
      const length = u16(bytes, extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        if (declaredSize === 0xffffffff && field + 8 <= extra + 4 + length) {
          declaredSize = u64(bytes, field);
          field += 8;
        }
        if (compressedSize === 0xffffffff && field + 8 <= extra + 4 + length) {
          compressedSize = u64(bytes, field);
          field += 8;
        }
        if (localHeaderOffset === 0xffffffff && field + 8 <= extra + 4 + length) localHeaderOffset = u64(bytes, field);
      }
      extra += 4 + length;
    }
    const entry: ZipEntry = { name, method, flags, compressedSize, declaredSize, localHeaderOffset, crc };
    if (!name.endsWith("/")) {
      // Two entries with one name (or names equal but for case, which OPC treats as the same part):
      // readers disagree on which one counts, so what we check might not be what Excel shows.
      const lower = name.toLowerCase();
      if (entriesLower.has(lower)) throw new ReadFailure(duplicatePart(name));
      entries.set(name, entry);
      entriesLower.set(lower, entry);
    }
    at = nameStart + nameLength + extraLength + commentLength;
  }
  return { bytes, entries, entriesLower };
}

/** Finds a part by name: exact, then case-insensitive, ignoring a leading "/". */
export function findEntry(zip: ZipArchive, partName: string): ZipEntry | undefined {
  const name = partName.startsWith("/") ? partName.slice(1) : partName;
  return zip.entries.get(name) ?? zip.entriesLower.get(name.toLowerCase());
}

/** Decompressed-byte budget shared by every entry read from one archive. */
export class InflateBudget {
  used = 0;
  constructor(
    readonly maxTotal: number,
    readonly maxEntry: number,
  ) {}
}

function tooBig(limit: number, what: string): ReadFailure {
  return new ReadFailure(
    `${what} expands to more than ${megabytes(limit)} of data, which is beyond the safe limit (possibly a 'zip bomb'). If it is genuine, split it into smaller workbooks.`,
    true,
  );
}

function sizeMismatch(declared: number, what: string): ReadFailure {
  return new ReadFailure(
    `${what} is damaged: it unpacks to a different amount of data than the ${declared.toLocaleString("en-GB")} bytes its zip archive declares for it, so the file was changed after it was saved (possibly a 'zip bomb'). Save it again from Excel.`,
    true,
  );
}

/**
 * Streams one entry's decompressed bytes to `sink`, chunk by chunk, enforcing the budget before
 * each chunk reaches the sink. `what` names the part for messages ("This workbook", "The sheet ...").
 */
export async function streamEntry(
  zip: ZipArchive,
  entry: ZipEntry,
  sink: (chunk: Uint8Array) => void,
  budget: InflateBudget,
  pace: Pace,
  what: string,
): Promise<void> {
  const { bytes } = zip;
  if (entry.flags & 0x1) {
    throw new ReadFailure(
      "This workbook is password-protected (encrypted). Remove the password in Excel (File > Info > Protect Workbook) and try again.",
      true,
    );
  }
  // Refuse early on what the archive itself declares; the streaming count below catches liars.
  if (entry.declaredSize > budget.maxEntry) throw tooBig(budget.maxEntry, what);
  if (budget.used + entry.declaredSize > budget.maxTotal) throw tooBig(budget.maxTotal, "This workbook");

  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length) throw new ReadFailure(TRUNCATED);
  if (u32(bytes, local) !== SIG_LOCAL) throw new ReadFailure(DAMAGED);
  const dataStart = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > bytes.length) throw new ReadFailure(TRUNCATED);

  let entryUsed = 0;
  const crc = new Crc32();
  const count = (chunk: Uint8Array): void => {
    entryUsed += chunk.length;
    budget.used += chunk.length;
    // A part that unpacks to more than the archive declares for it lies about its size (a "zip bomb"
    // that hides from the declared-size check): refused at its first excess chunk, not after the
    // hundreds of megabytes the caps below would let through. Excel, LibreOffice and exceljs all
    // declare exact sizes, as the zip format requires.
    if (entryUsed > entry.declaredSize) throw sizeMismatch(entry.declaredSize, what);
    if (entryUsed > budget.maxEntry) throw tooBig(budget.maxEntry, what);
    if (budget.used > budget.maxTotal) throw tooBig(budget.maxTotal, "This workbook");
    if (chunk.length > 0) {
      crc.update(chunk);
      sink(chunk);
    }
  };
  // Every byte has reached the sink by now, but nothing read is used until the whole read succeeds.
  const verify = (): void => {
    if (entryUsed !== entry.declaredSize) throw sizeMismatch(entry.declaredSize, what);
    if (crc.value() !== entry.crc) {
      throw new ReadFailure(
        `${what} is damaged: its contents do not match the checksum stored with them (CRC-32), so the file was changed or corrupted after it was saved. Save it again from Excel.`,
        true,
      );
    }
  };

  if (entry.method === 0) {
    for (let at = dataStart; at < dataEnd; at += INPUT_CHUNK * 4) {
      const end = Math.min(dataEnd, at + INPUT_CHUNK * 4);
      count(bytes.subarray(at, end));
      pace.advance(end - at);
      await pace.checkpoint();
    }
    verify();
    return;
  }
  if (entry.method !== 8) {
    throw new ReadFailure(
      "This file uses a zip compression method that Excel does not use, so it is not a workbook Excel saved. Save it again from Excel.",
    );
  }
  let finished = false;
  const inflater = new Inflate((chunk, final) => {
    count(chunk);
    if (final) finished = true;
  });
  const push = (chunk: Uint8Array, final: boolean): void => {
    try {
      inflater.push(chunk, final);
    } catch (error) {
      // fflate marks its own errors with a numeric code; anything else comes from the sink.
      if (!(error instanceof Error) || typeof (error as Error & { code?: unknown }).code !== "number") throw error;
      throw new ReadFailure(`${what} is damaged: its compressed data cannot be unpacked. Save it again from Excel.`);
    }
  };
  if (dataEnd === dataStart) push(new Uint8Array(0), true);
  for (let at = dataStart; at < dataEnd; at += INPUT_CHUNK) {
    const end = Math.min(dataEnd, at + INPUT_CHUNK);
    push(bytes.subarray(at, end), end === dataEnd);
    pace.advance(end - at);
    await pace.checkpoint();
  }
  if (!finished) {
    throw new ReadFailure(`${what} is damaged: its compressed data ends too soon. Save it again from Excel.`);
  }
  verify();
}
