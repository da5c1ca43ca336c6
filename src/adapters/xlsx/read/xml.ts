/**
 * Streams one zip entry through saxes, a strict, spec-conformant streaming XML parser (the one jsdom
 * uses). Decoded text goes to the parser chunk by chunk, so a part is never held whole in memory.
 * Element names are reduced to their local names ("x:c" -> "c"): SpreadsheetML written by other
 * tools uses prefixes, and the strict-OOXML variant uses other namespace URIs for the same elements.
 * saxes expands only the five predefined entities and character references; it never expands
 * entities declared in a DTD, so "billion laughs" documents cannot blow up.
 */
import { SaxesParser } from "saxes";
import { ReadFailure } from "./failure";
import { SheetScanner } from "./scanner";
import type { Pace } from "./pace";
import type { InflateBudget, ZipArchive, ZipEntry } from "./zip";
import { streamEntry } from "./zip";

export type Attributes = Record<string, string>;

export interface XmlHandler {
  open(name: string, attributes: Attributes): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** An attribute by local name whatever its prefix (r:id, ns1:id...), for prefixed attributes only. */
export function prefixedAttribute(attributes: Attributes, local: string): string | undefined {
  const suffix = `:${local}`;
  for (const key in attributes) {
    if (key.endsWith(suffix)) return attributes[key];
  }
  return undefined;
}

/** "1"/"true" -> true, "0"/"false" -> false, otherwise the fallback (xsd:boolean). */
export function xmlBoolean(value: string | undefined, fallback: boolean): boolean {
  if (value === "1" || value === "true") return true;
  if (value === "0" || value === "false") return false;
  return fallback;
}

/** Undoes the OOXML escaping of characters XML cannot carry: "_x000D_" is a carriage return. */
export function decodeOoxmlEscapes(text: string): string {
  if (text.indexOf("_x") < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function pickDecoder(first: Uint8Array): TextDecoder {
  if (first.length >= 2 && first[0] === 0xff && first[1] === 0xfe) return new TextDecoder("utf-16le");
  if (first.length >= 2 && first[0] === 0xfe && first[1] === 0xff) return new TextDecoder("utf-16be");
  return new TextDecoder("utf-8");
}

/**
 * Parses a part. `fast` uses the worksheet scanner (see scanner.ts) instead of saxes: it is meant
 * for the large, regular worksheet parts.
 */
export async function parseXmlEntry(
  zip: ZipArchive,
  entry: ZipEntry,
  budget: InflateBudget,
  pace: Pace,
  what: string,
  handler: XmlHandler,
  fast = false,
): Promise<void> {
  if (fast) return scanEntry(zip, entry, budget, pace, what, handler);
  const parser = new SaxesParser({ position: false });
  const damaged = (detail: string): ReadFailure =>
    new ReadFailure(`${what} is damaged: its XML is not valid (${detail}). Save it again from Excel.`);
  parser.on("error", (error: Error) => {
    throw error instanceof ReadFailure ? error : damaged(error.message.replace(/^.*?:\s*/, "").split("\n")[0]);
  });
  parser.on("opentag", (tag) => {
    const name = tag.name;
    const colon = name.indexOf(":");
    handler.open(colon < 0 ? name : name.slice(colon + 1), tag.attributes as Attributes);
  });
  if (handler.close) {
    parser.on("closetag", (tag) => {
      const name = tag.name;
      const colon = name.indexOf(":");
      handler.close?.(colon < 0 ? name : name.slice(colon + 1));
    });
  }
  if (handler.text) parser.on("text", (value) => handler.text?.(value));

  let decoder: TextDecoder | undefined;
  await streamEntry(
    zip,
    entry,
    (chunk) => {
      decoder ??= pickDecoder(chunk);
      const decoded = decoder.decode(chunk, { stream: true });
      if (decoded.length > 0) parser.write(decoded);
    },
    budget,
    pace,
    what,
  );
  const rest = decoder ? decoder.decode() : "";
  if (rest.length > 0) parser.write(rest);
  parser.close();
}

async function scanEntry(
  zip: ZipArchive,
  entry: ZipEntry,
  budget: InflateBudget,
  pace: Pace,
  what: string,
  handler: XmlHandler,
): Promise<void> {
  const scanner = new SheetScanner(handler, what);
  let decoder: TextDecoder | undefined;
  await streamEntry(
    zip,
    entry,
    (chunk) => {
      decoder ??= pickDecoder(chunk);
      const decoded = decoder.decode(chunk, { stream: true });
      if (decoded.length > 0) scanner.write(decoded);
    },
    budget,
    pace,
    what,
  );
  const rest = decoder ? decoder.decode() : "";
  if (rest.length > 0) scanner.write(rest);
  scanner.end();
}
