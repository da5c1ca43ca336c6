/**
 * The worksheet scanner (hand-written for speed) against saxes (strict, spec-conformant): the same
 * events for hand-written edge cases, however the input is split into chunks, and for every
 * worksheet of a sample of the real corpus.
 */
import * as path from "path";
import { ReadFailure } from "../../../src/adapters/xlsx/read/failure";
import { Pace } from "../../../src/adapters/xlsx/read/pace";
import { SheetScanner } from "../../../src/adapters/xlsx/read/scanner";
import type { Attributes, XmlHandler } from "../../../src/adapters/xlsx/read/xml";
import { parseXmlEntry } from "../../../src/adapters/xlsx/read/xml";
import { InflateBudget, openZip } from "../../../src/adapters/xlsx/read/zip";
import { corpusWorkbooks, readCorpusBytes } from "../../support/corpus";

type Event = ["open", string, Array<[string, string]>] | ["close", string] | ["text", string];

class Recorder implements XmlHandler {
  readonly events: Event[] = [];
  private depth = 0;
  open(name: string, attributes: Attributes): void {
    this.depth++;
    this.events.push(["open", name, Object.entries(attributes).sort(([a], [b]) => (a < b ? -1 : 1))]);
  }
  close(name: string): void {
    this.depth--;
    this.events.push(["close", name]);
  }
  text(text: string): void {
    // saxes reports the whitespace around the root element; it carries nothing.
    if (this.depth === 0) return;
    const last = this.events[this.events.length - 1];
    // Parsers may split one text run into several events; only the joined text matters.
    if (last && last[0] === "text") last[1] += text;
    else this.events.push(["text", text]);
  }
}

function scan(xml: string, chunkSize = xml.length): Event[] {
  const recorder = new Recorder();
  const scanner = new SheetScanner(recorder, "The sheet");
  for (let at = 0; at < xml.length; at += chunkSize) scanner.write(xml.slice(at, at + chunkSize));
  scanner.end();
  return recorder.events;
}

function scanError(xml: string): string {
  try {
    scan(xml);
  } catch (error) {
    if (error instanceof ReadFailure) return error.reason;
    throw error;
  }
  throw new Error("expected the scanner to refuse this XML");
}

describe("SheetScanner", () => {
  const document = [
    `<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- a comment with <c> inside -->`,
    `<x:worksheet xmlns:x="urn:x" xmlns:r="urn:r"><x:sheetData>`,
    `<x:row r='1'><x:c r="A1" t="inlineStr"><x:is><x:t xml:space="preserve">Tom &amp; Jerry &lt;&gt; &quot;q&quot; &apos;a&apos; &#65;&#x42; &#128512;\r\nend</x:t></x:is></x:c>`,
    `<x:c r="B1" t = "str" ><x:f>IF(A1&gt;0,"&lt;x&gt;","")</x:f><x:v><![CDATA[a<b]]></x:v></x:c><x:c r="C1" s="3"/></x:row>`,
    `</x:sheetData><x:sheetProtection sheet="1" password="AB&amp;CD"\nobjects="1"/></x:worksheet>\n`,
  ].join("");

  it("reports local names, decoded attributes and text, CDATA and line endings", () => {
    const events = scan(document);
    expect(events).toContainEqual(["open", "row", [["r", "1"]]]);
    expect(events).toContainEqual([
      "open",
      "c",
      [
        ["r", "B1"],
        ["t", "str"],
      ],
    ]);
    expect(events).toContainEqual(["text", "Tom & Jerry <> \"q\" 'a' AB \u{1F600}\nend"]);
    expect(events).toContainEqual(["text", 'IF(A1>0,"<x>","")']);
    expect(events).toContainEqual(["text", "a<b"]);
    expect(events).toContainEqual([
      "open",
      "sheetProtection",
      [
        ["objects", "1"],
        ["password", "AB&CD"],
        ["sheet", "1"],
      ],
    ]);
    expect(events.filter((e) => e[0] === "open").length).toBe(events.filter((e) => e[0] === "close").length);
  });

  it("gives the same events however the input is split into chunks", () => {
    const whole = scan(document);
    for (const size of [1, 2, 3, 7, 64]) expect(scan(document, size)).toEqual(whole);
  });

  it("never turns an attribute called __proto__ into a prototype", () => {
    const events = scan(`<a __proto__="x" constructor="y"/>`);
    expect(events[0]).toEqual(["open", "a", [["constructor", "y"]]]);
  });

  it("refuses malformed XML as damage", () => {
    expect(scanError(`<a><b></a>`)).toMatch(/^The sheet is damaged: its XML is not valid \(<\/a> where <\/b> was expected\)/);
    expect(scanError(`<a>`)).toMatch(/ends before <\/a>/);
    expect(scanError(`<a><b x="1</a>`)).toMatch(/ends in the middle of a tag/);
    expect(scanError(`<a>&nbsp;</a>`)).toMatch(/stray '&'/);
    expect(scanError(`<a>&#0;</a>`)).toMatch(/character reference/);
    expect(scanError(`<a x=1/>`)).toMatch(/unquoted attribute/);
    expect(scanError(`<a/><b/>`)).toMatch(/more than one root element/);
    expect(scanError(``)).toMatch(/empty/);
    expect(scanError(`text<a/>`)).toMatch(/outside the root/);
  });

  it("skips a DOCTYPE without expanding its entities", () => {
    const events = scan(`<!DOCTYPE a [<!ENTITY x "boom">]><a>ok</a>`);
    expect(events).toEqual([
      ["open", "a", []],
      ["text", "ok"],
      ["close", "a"],
    ]);
  });
});

describe("SheetScanner matches saxes on real worksheets and shared text", () => {
  const sample = [
    ...corpusWorkbooks("mhclg-returns").slice(0, 3),
    ...corpusWorkbooks("euses-custodes").filter((_, index) => index % 5 === 0),
  ];

  it.each(sample.map((file) => [path.basename(file), file]))("%s", async (_name, file) => {
    const zip = openZip(readCorpusBytes(file));
    const sheets = [...zip.entries.values()].filter((entry) => /^xl\/(worksheets\/[^/]+|sharedStrings)\.xml$/i.test(entry.name));
    expect(sheets.length).toBeGreaterThan(0);
    for (const entry of sheets) {
      const budget = new InflateBudget(1e9, 1e9);
      const strict = new Recorder();
      await parseXmlEntry(zip, entry, budget, new Pace(60_000, undefined, undefined), entry.name, strict, false);
      const fast = new Recorder();
      await parseXmlEntry(zip, entry, budget, new Pace(60_000, undefined, undefined), entry.name, fast, true);
      // Compare as text (jest's deep equality is slow on tens of thousands of events), then show the first difference.
      const fastText = fast.events.map((e) => JSON.stringify(e));
      const strictText = strict.events.map((e) => JSON.stringify(e));
      if (fastText.join("\n") !== strictText.join("\n")) {
        const first = strictText.findIndex((e, index) => e !== fastText[index]);
        expect({ sheet: entry.name, at: first, event: fastText[first] }).toEqual({
          sheet: entry.name,
          at: first,
          event: strictText[first],
        });
        expect(fastText.length).toBe(strictText.length);
      }
    }
  });
});
