/**
 * Generators of hostile workbooks, one per attack class of issue #12. Each returns the bytes of an
 * .xlsx (or of a file that pretends to be one), built here from scratch or by patching the bundled
 * example, so the suite needs nothing outside the repository. Used by the hostile tests, the fuzz
 * run and `scripts/hostile-figures.ts` (which times every class through the built CLI).
 */
import * as fs from "fs";
import * as path from "path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { buildXlsx, escapeXml, sheetData } from "../adapters/xlsx/buildXlsx";
import { repositoryRoot } from "../support/repository-root";

const EXAMPLE = path.join(repositoryRoot(), "examples", "northmoor-police.xlsx");

/** The bundled clean example's parts, by name (folders left out). */
export function exampleParts(): Map<string, Uint8Array> {
  const parts = new Map<string, Uint8Array>();
  for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(fs.readFileSync(EXAMPLE))))) {
    if (!name.endsWith("/")) parts.set(name, bytes);
  }
  return parts;
}

/** Zips parts again (deflated), in the order given. */
export function zipParts(parts: Map<string, Uint8Array>, level: 0 | 1 | 6 | 9 = 6): Uint8Array {
  const input: Record<string, Uint8Array> = Object.create(null);
  for (const [name, bytes] of parts) input[name] = bytes;
  return zipSync(input, { level });
}

/** The example with some of its XML parts rewritten (text in, text out). */
export function patchExample(patch: Record<string, (xml: string) => string>): Uint8Array {
  const parts = exampleParts();
  for (const [name, edit] of Object.entries(patch)) {
    const before = parts.get(name);
    if (!before) throw new Error(`the example has no part ${name}`);
    const after = edit(strFromU8(before));
    if (after === strFromU8(before)) throw new Error(`the patch of ${name} changed nothing`);
    parts.set(name, strToU8(after));
  }
  return zipParts(parts);
}

/** The example's own baseline amounts (sheet2.xml is the Baseline sheet, amounts in column C). */
const BASELINE_SHEET = "xl/worksheets/sheet2.xml";
const BASELINE_AMOUNT = /(<c r="C(?:[4-9])" s="2"><v>)[^<]*(<\/v>)/g;

// ---------------------------------------------------------------------------------------------
// 1. Shared-formula bomb: one long master and many dependents that each expand to a copy of it.

export function sharedFormulaBomb(options: { masterChars?: number; dependents?: number } = {}): Uint8Array {
  const masterChars = options.masterChars ?? 32_000;
  const dependents = options.dependents ?? 20_000;
  // A1+A1+... : every term is a movable reference, the worst case for expansion.
  const terms = Math.max(1, Math.floor(masterChars / 3));
  const master = Array.from({ length: terms }, () => "A1").join("+");
  const rows = [`<row r="1"><c r="B1"><f t="shared" ref="B1:B${dependents + 1}" si="0">${master}</f><v>0</v></c></row>`];
  for (let r = 2; r <= dependents + 1; r++) rows.push(`<row r="${r}"><c r="B${r}"><f t="shared" si="0"/><v>0</v></c></row>`);
  return buildXlsx({ sheets: [{ name: "Bomb", body: sheetData(...rows) }] });
}

// ---------------------------------------------------------------------------------------------
// 2. Header text that makes a backtracking regular expression take quadratic or worse time.

/** `cells` header-row cells of `length` characters of "(" (or another pattern), as shared text. */
export function backtrackingHeaders(options: { cells?: number; length?: number; unit?: string } = {}): Uint8Array {
  const cells = options.cells ?? 10_000;
  const length = options.length ?? 32_767;
  const unit = options.unit ?? "(";
  const text = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  // One shared text item, referenced from every cell of the first rows of two sheets.
  const perRow = Math.min(cells, 200);
  const rows: string[] = [];
  for (let r = 0, left = cells; left > 0; r++, left -= perRow) {
    const n = Math.min(perRow, left);
    rows.push(
      `<row r="${r + 1}">${Array.from({ length: n }, (_, c) => `<c r="${colLetters(c)}${r + 1}" t="s"><v>0</v></c>`).join("")}</row>`,
    );
  }
  return buildXlsx({
    sharedStrings: [text],
    sheets: [
      { name: "Gains", body: sheetData(...rows) },
      { name: "Baseline", body: sheetData(rows[0] ?? "") },
    ],
  });
}

/** `cells` header cells of `length` characters, each different (so no per-text cache helps): "(((...(" and its number. */
export function distinctLongHeaders(options: { cells?: number; length?: number } = {}): Uint8Array {
  const cells = options.cells ?? 1_000;
  const length = options.length ?? 32_767;
  const texts = Array.from({ length: cells }, (_, i) => {
    const tag = ` ${i}`;
    return "(".repeat(length - tag.length) + tag;
  });
  const perRow = 100;
  const rows: string[] = [];
  for (let r = 0; r * perRow < cells; r++) {
    const n = Math.min(perRow, cells - r * perRow);
    rows.push(
      `<row r="${r + 1}">${Array.from({ length: n }, (_, c) => `<c r="${colLetters(c)}${r + 1}" t="s"><v>${r * perRow + c}</v></c>`).join("")}</row>`,
    );
  }
  return buildXlsx({ sharedStrings: texts, sheets: [{ name: "Gains", body: sheetData(...rows) }] });
}

function colLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 3. Control characters, terminal escapes and bidi controls in sheet names, cells and file names.

const ESC = "\u001b";
/** Text that would forge output or act on a terminal if printed raw. */
export const TERMINAL_ATTACKS: Readonly<Record<string, string>> = Object.freeze({
  clearScreen: `${ESC}[2J${ESC}[HALL CHECKS PASSED`,
  osc52Clipboard: `${ESC}]52;c;cm0gLXJmIH4=\u0007`,
  osc8Link: `${ESC}]8;;https://evil.example/${ESC}\\click${ESC}]8;;${ESC}\\`,
  newlineForgery: "Gains\n  (ii) Cashable gains identified: \u2714 pass",
  carriageReturn: "Gains\r(ii) \u2714 pass",
  bidiOverride: "Gains\u202Esnocd\u202C",
  c1Csi: "Gains\u009b2J",
  del: "Gains\u007f",
  nul: "Gains\u0000x",
});

/**
 * The example with a sheet renamed to `sheetName` (written as XML character references where XML
 * 1.0 allows them; raw otherwise) and the first gain's name set to `cellText`.
 */
export function controlCharacterWorkbook(sheetName: string, cellText: string): Uint8Array {
  return patchExample({
    "xl/workbook.xml": (xml) => xml.replace('name="Gains"', `name="${xmlAttribute(sheetName)}"`),
    "xl/sharedStrings.xml": (xml) => xml.replace(/<si><t>([^<]*)<\/t><\/si>/, `<si><t>${xmlText(cellText)}</t></si>`),
  });
}

/**
 * Any string as XML text: character references for every control character, as the attacks of
 * issue #12 wrote them (`&#10;`, `&#x1b;`; strict XML 1.0 allows only tab, LF and CR, but readers
 * accept the rest), and OOXML's own _x0000_ escape for NUL, which no reference can carry.
 */
function xmlText(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code === 0) out += "_x0000_";
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0xfffe || code === 0xffff) out += `&#x${code.toString(16)};`;
    else out += escapeXml(ch);
  }
  return out;
}

function xmlAttribute(text: string): string {
  return xmlText(text).replace(/'/g, "&apos;");
}

// ---------------------------------------------------------------------------------------------
// 4. Amplification: names far beyond Excel's limits (31 characters for a sheet, 255 for a name).

export function hugeNames(options: { sheetName?: number; tableName?: number; definedName?: number } = {}): Uint8Array {
  const sheet = "S".repeat(options.sheetName ?? 50 * 1024 * 1024);
  const table = "T".repeat(options.tableName ?? 10);
  const defined = "N".repeat(options.definedName ?? 10);
  return buildXlsx({
    sheets: [
      {
        name: sheet,
        body: sheetData(
          `<row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c><c r="B1" t="inlineStr"><is><t>Gross gain</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>G1</t></is></c><c r="B2"><v>5</v></c></row>`,
        ),
        tables: [
          `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="${table}" displayName="${table}" ref="A1:B2"/>`,
        ],
      },
    ],
    definedNames: `<definedName name="${defined}">1</definedName>`,
  });
}

// ---------------------------------------------------------------------------------------------
// 5. Extreme numbers and dates.

/** The example with every baseline amount replaced (e.g. "1e308" overflows the sum; "1e-300" underflows the target). */
export function extremeBaseline(amount: string): Uint8Array {
  return patchExample({ [BASELINE_SHEET]: (xml) => xml.replace(BASELINE_AMOUNT, `$1${amount}$2`) });
}

/** The example with the first Milestones due date, or other dates, written as t="d" ISO text. */
export function isoDateCells(dates: readonly string[]): Uint8Array {
  const cells = dates.map((d, i) => `<c r="${colLetters(i)}2" t="d"><v>${escapeXml(d)}</v></c>`).join("");
  return buildXlsx({
    sheets: [
      { name: "Dates", body: sheetData(`<row r="1"><c r="A1" t="inlineStr"><is><t>Due</t></is></c></row>`, `<row r="2">${cells}</row>`) },
    ],
  });
}

/** The example with the reporting date in Settings (and every Milestones due date) as t="d" text. */
export function exampleWithIsoDates(iso: string): Uint8Array {
  return patchExample({
    "xl/worksheets/sheet5.xml": (xml) =>
      xml.replace(/<c r="C(\d+)" s="(\d+)"><v>\d+<\/v><\/c>/g, `<c r="C$1" s="$2" t="d"><v>${iso}</v></c>`),
  });
}

/** The example with the Settings reporting date (Settings!B9) typed as text, e.g. "2026-02-31" or "31/02/2026". */
export function exampleWithReportingDateText(text: string): Uint8Array {
  return patchExample({
    "xl/worksheets/sheet10.xml": (xml) =>
      xml.replace(/<c r="B9" s="\d+"><v>\d+<\/v><\/c>/, `<c r="B9" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`),
  });
}

/** The example with the first two gains' Gross gain (Gains!I4:I5) set to `amount` (e.g. "1e308": their sum overflows). */
export function exampleWithGrossGains(amount: string): Uint8Array {
  return patchExample({ "xl/worksheets/sheet3.xml": (xml) => xml.replace(/(<c r="I[45]" s="\d+"><v>)[^<]*(<\/v>)/g, `$1${amount}$2`) });
}

// ---------------------------------------------------------------------------------------------
// 6. Zip integrity: a wrong CRC-32, duplicate entry names.

function u32(bytes: Uint8Array, at: number): number {
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16)) + bytes[at + 3] * 0x1000000;
}

/** Offsets of every local header and central directory record naming `entry`. */
function headersOf(zip: Uint8Array, entry: string): { local: number[]; central: number[] } {
  const name = strToU8(entry);
  const local: number[] = [];
  const central: number[] = [];
  const matches = (at: number) => name.every((b, i) => zip[at + i] === b);
  for (let at = 0; at + 46 < zip.length; at++) {
    const sig = u32(zip, at);
    if (sig === 0x04034b50 && zip[at + 26] + (zip[at + 27] << 8) === name.length && matches(at + 30)) local.push(at);
    if (sig === 0x02014b50 && zip[at + 28] + (zip[at + 29] << 8) === name.length && matches(at + 46)) central.push(at);
  }
  return { local, central };
}

/** The example with the stored CRC-32 of one entry changed (in both headers: only the data disagrees). */
export function badCrc(entry = "xl/workbook.xml"): Uint8Array {
  const zip = zipParts(exampleParts()).slice();
  const { local, central } = headersOf(zip, entry);
  if (local.length !== 1 || central.length !== 1) throw new Error(`cannot find ${entry} in the zip`);
  zip[local[0] + 14] ^= 0xff;
  zip[central[0] + 16] ^= 0xff;
  return zip;
}

/** The example with its data of one entry flipped in one byte (stored, so the CRC is what catches it). */
export function corruptedStoredEntry(entry = "xl/worksheets/sheet2.xml"): Uint8Array {
  const zip = zipParts(exampleParts(), 0).slice();
  const { local } = headersOf(zip, entry);
  if (local.length !== 1) throw new Error(`cannot find ${entry} in the zip`);
  const dataStart = local[0] + 30 + (zip[local[0] + 26] | (zip[local[0] + 27] << 8)) + (zip[local[0] + 28] | (zip[local[0] + 29] << 8));
  // Change a digit of a number: still valid XML, a different figure.
  for (let at = dataStart; ; at++) {
    if (zip[at] === 0x3c && zip[at + 1] === 0x76 && zip[at + 2] === 0x3e && zip[at + 3] >= 0x31 && zip[at + 3] <= 0x38) {
      zip[at + 3] += 1;
      return zip;
    }
  }
}

/**
 * Two entries with the same name: the example plus a second `xl/workbook.xml` (a different sheet
 * list), made by adding a same-length entry and renaming it in both of its headers.
 */
export function duplicateEntry(entry = "xl/workbook.xml", caseOnly = false): Uint8Array {
  const parts = exampleParts();
  const placeholder = entry.slice(0, -1) + (entry.endsWith("Z") ? "Y" : "Z");
  const original = strFromU8(parts.get(entry) as Uint8Array);
  parts.set(placeholder, strToU8(original.replace(/<sheet [^>]*name="Gains"[^>]*\/>/, "")));
  const zip = zipParts(parts).slice();
  const { local, central } = headersOf(zip, placeholder);
  const rename = caseOnly ? entry.toUpperCase() : entry;
  for (const at of local) zip.set(strToU8(rename), at + 30);
  for (const at of central) zip.set(strToU8(rename), at + 46);
  return zip;
}

// ---------------------------------------------------------------------------------------------
// 7. The classic refusals: zip bomb, truncated file, encrypted workbook.

/**
 * A sheet that inflates to `megabytes` of XML from a small file. With `lie`, the sizes the archive
 * declares are 10 bytes, so only the streaming count catches it.
 */
export function zipBomb(options: { megabytes?: number; lie?: boolean } = {}): Uint8Array {
  const megabytes = options.megabytes ?? 1024;
  const row = `<row>${"<c><v>1</v></c>".repeat(64)}</row>`;
  const block = strToU8(row.repeat(Math.ceil((1024 * 1024) / row.length)));
  const head = strToU8(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`);
  const tail = strToU8(`</sheetData></worksheet>`);
  const sheet = new Uint8Array(head.length + block.length * megabytes + tail.length);
  sheet.set(head, 0);
  for (let i = 0; i < megabytes; i++) sheet.set(block, head.length + i * block.length);
  sheet.set(tail, head.length + block.length * megabytes);
  const small = buildXlsx({ sheets: [{ name: "Bomb", body: sheetData() }] });
  const parts = new Map<string, Uint8Array>(Object.entries(unzipSync(small)));
  parts.set("xl/worksheets/sheet1.xml", sheet);
  const zip = zipParts(parts, 6).slice();
  if (options.lie) {
    const view = new DataView(zip.buffer);
    for (let at = 0; at < zip.length - 4; at++) {
      if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 10, true);
      if (view.getUint32(at, true) === 0x04034b50) view.setUint32(at + 22, 10, true);
    }
  }
  return zip;
}

export function truncated(): Uint8Array {
  const whole = zipParts(exampleParts());
  return whole.subarray(0, Math.floor(whole.length * 0.6));
}

/** An OLE compound file holding EncryptionInfo and EncryptedPackage, as Excel writes a password-protected workbook. */
export function encrypted(): Uint8Array {
  const names = ["Root Entry", "EncryptionInfo", "EncryptedPackage"];
  const bytes = new Uint8Array(512 + 128 * names.length);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  names.forEach((name, index) => {
    const at = 512 + index * 128;
    for (let i = 0; i < name.length; i++) bytes[at + i * 2] = name.charCodeAt(i);
    bytes[at + 64] = (name.length + 1) * 2;
  });
  return bytes;
}
