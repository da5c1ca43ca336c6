/**
 * Bounded fuzz run (issue #12 item 8): mutated workbooks through the reader, the validator and every
 * report format (text, JSON, SARIF). Asserted for each input: nothing is thrown past the reader
 * (it answers { ok: false } instead) or the check (only its deadline may stop it, with one line);
 * bounded time; no control character in text output or in the reader's one-line reasons and notes;
 * no NaN, Infinity or "∞" in any output. Seeded, so a failure prints an input that reproduces it.
 */
import fc from "fast-check";
import { strFromU8, strToU8 } from "fflate";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { CheckDeadlineExceeded, PRINCIPLE_TITLES, RULES, ruleDocPath, validateWorkbookWithContext } from "../../src/core/validate";
import { createRuleCatalogue, formatJson, formatText, toSarif } from "../../src/core/report";
import * as gen from "./generators";

const CATALOGUE = createRuleCatalogue(RULES, PRINCIPLE_TITLES, ruleDocPath);
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const NOT_A_NUMBER = /\bNaN\b|\bInfinity\b|∞/;

const PARTS = gen.exampleParts();
const XML_PARTS = [...PARTS.keys()].filter((name) =>
  /^xl\/(worksheets\/sheet\d+|sharedStrings|workbook|tables\/table\d+)\.xml$/.test(name),
);

/** Text an attacker would put into a part: controls, escapes, extreme numbers and dates, markup. */
const hostileText = fc.oneof(
  fc.constantFrom(
    ...Object.values(gen.TERMINAL_ATTACKS).map((t) =>
      t.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`).replace(/&#x0;/g, "_x0000_"),
    ),
    "1e308",
    "-1e308",
    "1e-300",
    "NaN",
    "Infinity",
    "2026-02-31",
    "+275760-09-14",
    "(".repeat(5000),
    "[".repeat(5000),
    "_x001B_[2J",
    "&#x202e;",
    "</v></c></row>",
    '<c r="XFD1048576"><v>1</v></c>',
    '<f t="shared" si="0"/>',
    "",
  ),
  fc.string({ maxLength: 40 }).map((s) => s.replace(/[<&]/g, "")),
);

/** One mutation of the example: text inserted or replacing a run of one XML part (zipped again, CRCs right). */
const xmlMutation = fc.record({
  part: fc.constantFrom(...XML_PARTS),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  cut: fc.nat({ max: 40 }),
  text: hostileText,
});

/** One mutation of the zipped bytes themselves: flipped, dropped or truncated bytes. */
const byteMutation = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  kind: fc.constantFrom("flip", "zero", "truncate"),
  value: fc.integer({ min: 1, max: 255 }),
});

function mutateXml(mutations: ReadonlyArray<{ part: string; at: number; cut: number; text: string }>): Uint8Array {
  const parts = new Map(PARTS);
  for (const { part, at, cut, text } of mutations) {
    const xml = strFromU8(parts.get(part) as Uint8Array);
    // Only inside text or between tags: a mutation inside a tag mostly tests "damaged", which the byte mutations cover.
    let position = Math.floor(at * xml.length);
    position = Math.max(xml.indexOf(">", position) + 1, 0) || xml.length;
    parts.set(part, strToU8(xml.slice(0, position) + text + xml.slice(Math.min(xml.length, position + cut))));
  }
  return gen.zipParts(parts, 1);
}

const EXAMPLE_ZIP = gen.zipParts(PARTS, 1);

function mutateBytes(mutations: ReadonlyArray<{ at: number; kind: string; value: number }>): Uint8Array {
  let bytes = EXAMPLE_ZIP.slice();
  for (const { at, kind, value } of mutations) {
    const i = Math.floor(at * (bytes.length - 1));
    if (kind === "flip") bytes[i] ^= value;
    else if (kind === "zero") bytes[i] = 0;
    else bytes = bytes.subarray(0, Math.max(1, i));
  }
  return bytes;
}

/** Reader, validator and the three formats, with every assertion on what comes out. */
async function throughEverything(bytes: Uint8Array): Promise<void> {
  const started = Date.now();
  const read = await readXlsx(bytes, { fileName: "fuzz.xlsx" });
  if (!read.ok) {
    expect(read.reason).not.toMatch(CONTROL);
    expect(read.reason).not.toMatch(/[\r\n]/);
    return;
  }
  for (const note of read.warnings) expect(note).not.toMatch(CONTROL);
  let checked: ReturnType<typeof validateWorkbookWithContext>;
  try {
    checked = validateWorkbookWithContext(read.model, { file: "fuzz.xlsx", reportingDate: "2026-10-31" });
  } catch (error) {
    // The only thing the check may throw is its own deadline, as one line.
    expect(error).toBeInstanceOf(CheckDeadlineExceeded);
    return;
  }
  const text = formatText([checked.report], CATALOGUE, { unicode: true, color: false });
  const json = formatJson([checked.report], false);
  const sarif = JSON.stringify(
    toSarif([checked.report], CATALOGUE, {
      name: "vfm",
      version: "0",
      informationUri: "https://example.org/",
      docBaseUri: "https://example.org/docs/",
    }),
  );
  expect(text).not.toMatch(CONTROL);
  for (const output of [text, json, sarif]) expect(output).not.toMatch(NOT_A_NUMBER);
  expect(() => JSON.parse(json)).not.toThrow();
  expect(Date.now() - started).toBeLessThan(20_000);
}

describe("fuzz: mutated workbooks through the reader, the validator and every report format", () => {
  it("survives mutated XML (valid zip, hostile content)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(xmlMutation, { minLength: 1, maxLength: 4 }), async (mutations) => throughEverything(mutateXml(mutations))),
      { numRuns: 40, seed: 20261201, endOnFailure: true },
    );
  }, 300_000);

  it("survives mutated bytes (damaged zip)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(byteMutation, { minLength: 1, maxLength: 3 }), async (mutations) =>
        throughEverything(mutateBytes(mutations)),
      ),
      { numRuns: 60, seed: 20261202, endOnFailure: true },
    );
  }, 300_000);

  it("survives every generator's attack", async () => {
    const attacks = [
      gen.controlCharacterWorkbook(gen.TERMINAL_ATTACKS.osc8Link, gen.TERMINAL_ATTACKS.bidiOverride),
      gen.controlCharacterWorkbook(gen.TERMINAL_ATTACKS.carriageReturn, gen.TERMINAL_ATTACKS.c1Csi),
      gen.isoDateCells(["2026-02-31", "+275760-09-14"]),
      gen.exampleWithIsoDates("2026-02-31"),
      gen.exampleWithReportingDateText("31/02/2026"),
      gen.extremeBaseline("1e308"),
      gen.extremeBaseline("1e-300"),
      gen.extremeBaseline("-1e308"),
      gen.exampleWithGrossGains("1e308"),
      gen.exampleWithGrossGains("-1e308"),
      gen.badCrc(),
      gen.duplicateEntry(),
      gen.truncated(),
      gen.encrypted(),
      gen.sharedFormulaBomb({ masterChars: 3000, dependents: 200 }),
    ];
    for (const bytes of attacks) await throughEverything(bytes);
  }, 120_000);
});
