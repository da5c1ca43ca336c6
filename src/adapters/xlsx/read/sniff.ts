/**
 * Says what a file is when it is not a readable .xlsx, from its first bytes (and, for a zip, from
 * the parts it holds), so the refusal names the real problem: an empty file, a text file, an older
 * .xls, a password-protected workbook, an Excel lock file, a Word document...
 */
import type { ZipArchive } from "./zip";
import { findEntry } from "./zip";

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const ENCRYPTED =
  "This workbook is password-protected (encrypted). Remove the password in Excel (File > Info > Protect Workbook) and try again.";
const LOCK_FILE =
  "This is an Excel lock file (~$...), which Excel leaves beside an open workbook; it is not a workbook. Check the workbook itself.";

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/**
 * True when the OLE compound file has a directory entry (stream or storage) with this name.
 * Directory entries are 128-byte records aligned to 128 bytes in the file: the name in UTF-16LE with
 * a terminating null, and at offset 64 the name's byte length including that null. Matching the
 * whole record shape avoids mistaking document text for a stream name.
 */
function hasOleEntry(bytes: Uint8Array, name: string): boolean {
  const nameBytes = (name.length + 1) * 2;
  for (let at = 512; at + 128 <= bytes.length; at += 128) {
    if (bytes[at + 64] !== nameBytes || bytes[at + 65] !== 0) continue;
    let same = true;
    for (let i = 0; i < name.length && same; i++) {
      // OLE compares names case-insensitively ("Workbook", "WORKBOOK").
      same = String.fromCharCode(bytes[at + i * 2]).toUpperCase() === name[i].toUpperCase() && bytes[at + i * 2 + 1] === 0;
    }
    if (same && bytes[at + name.length * 2] === 0 && bytes[at + name.length * 2 + 1] === 0) return true;
  }
  return false;
}

function baseName(fileName: string | undefined): string {
  if (!fileName) return "";
  const parts = fileName.split(/[\\/]/);
  return parts[parts.length - 1];
}

/**
 * Excel's owner (lock) file "~$Book.xlsx": 165 bytes or so, a length byte, the user's name padded
 * with spaces to 54 bytes, then the name again in UTF-16LE. Recognised by that shape, or by a "~$"
 * name on a small file that is not a zip.
 */
function looksLikeLockFile(bytes: Uint8Array, fileName: string | undefined): boolean {
  if (bytes.length > 1024) return false;
  if (baseName(fileName).startsWith("~$")) return true;
  const nameLength = bytes[0];
  if (bytes.length < 55 || nameLength < 1 || nameLength > 53) return false;
  for (let i = 1; i <= nameLength; i++) if (bytes[i] < 0x20 || bytes[i] === 0x7f) return false;
  for (let i = nameLength + 1; i < 54; i++) if (bytes[i] !== 0x20) return false;
  return true;
}

function isMostlyText(sample: Uint8Array): boolean {
  if (sample.length === 0) return false;
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return false;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) controls++;
  }
  return controls / sample.length < 0.02;
}

/** The reason to refuse a file that is not a zip archive. */
export function describeNonZip(bytes: Uint8Array, fileName?: string): string {
  if (bytes.length === 0) return "This file is empty (0 bytes).";
  if (startsWith(bytes, OLE_MAGIC)) {
    if (hasOleEntry(bytes, "EncryptedPackage")) return ENCRYPTED;
    if (hasOleEntry(bytes, "Workbook") || hasOleEntry(bytes, "Book")) {
      return "This is an older Excel 97-2003 workbook (.xls). Open it in Excel and save it as .xlsx (Excel Workbook).";
    }
    if (hasOleEntry(bytes, "WordDocument")) return "This is a Word document (.doc), not an Excel workbook (.xlsx).";
    if (hasOleEntry(bytes, "PowerPoint Document")) return "This is a PowerPoint presentation (.ppt), not an Excel workbook (.xlsx).";
    return "This is an older Microsoft Office file, not an Excel workbook (.xlsx). Open it in Excel and save it as .xlsx.";
  }
  if (looksLikeLockFile(bytes, fileName)) return LOCK_FILE;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return "This is a PDF document, not an Excel workbook (.xlsx).";
  const sample = bytes.subarray(0, 4096);
  const utf16 = startsWith(bytes, [0xff, 0xfe]) ? "utf-16le" : startsWith(bytes, [0xfe, 0xff]) ? "utf-16be" : null;
  if (utf16 || isMostlyText(sample)) {
    const head = new TextDecoder(utf16 ?? "utf-8")
      .decode(sample)
      .replace(/^\uFEFF/, "")
      .trimStart()
      .toLowerCase();
    if (head.includes("urn:schemas-microsoft-com:office:spreadsheet")) {
      return "This is an Excel 2003 XML spreadsheet, not an .xlsx workbook. Open it in Excel and save it as .xlsx (Excel Workbook).";
    }
    if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.includes("<html")) {
      return "This is a web page (HTML) saved with an Excel name, not an .xlsx workbook. Open it in Excel and save it as .xlsx (Excel Workbook).";
    }
    const firstLine = head.split(/\r?\n/, 1)[0];
    if (firstLine.includes(",") || firstLine.includes("\t")) {
      return "This is not an Excel workbook (.xlsx): it is a text file (comma- or tab-separated values). Open it in Excel and save it as .xlsx.";
    }
    return "This is not an Excel workbook (.xlsx): it is a text file.";
  }
  return "This is not an Excel workbook (.xlsx): its contents are not in a format Excel saves.";
}

/** The reason to refuse a zip archive that is not an .xlsx package, or null when it looks like one. */
export function describeOtherZip(zip: ZipArchive): string | null {
  if (findEntry(zip, "xl/workbook.bin")) {
    return "This is an Excel binary workbook (.xlsb). Open it in Excel and save it as .xlsx (Excel Workbook).";
  }
  if (findEntry(zip, "word/document.xml")) return "This is a Word document (.docx), not an Excel workbook (.xlsx).";
  if (findEntry(zip, "ppt/presentation.xml")) return "This is a PowerPoint presentation (.pptx), not an Excel workbook (.xlsx).";
  if (findEntry(zip, "content.xml") && findEntry(zip, "mimetype")) {
    return "This is an OpenDocument file (such as a LibreOffice .ods spreadsheet), not an Excel workbook (.xlsx). Open it and save it as .xlsx (Excel Workbook).";
  }
  return null;
}

export const NOT_A_WORKBOOK_ZIP = "This is a zip archive but not an Excel workbook (.xlsx): it has no workbook part.";
