import { ELLIPSIS, hasUnsafeCharacters, oneLine, terminalSafe } from "../../../src/core/text";

describe("terminalSafe", () => {
  test("plain text, accents and £ pass through unchanged", () => {
    expect(terminalSafe("Savings Plan 2011-15 (£'000) Année")).toBe("Savings Plan 2011-15 (£'000) Année");
    expect(hasUnsafeCharacters("Gains")).toBe(false);
  });

  test("ANSI, OSC 52 and OSC 8 sequences are shown, not obeyed", () => {
    expect(terminalSafe("\u001b[2J\u001b[HALL CHECKS PASSED")).toBe("\\x1b[2J\\x1b[HALL CHECKS PASSED");
    expect(terminalSafe("\u001b]52;c;ZXZpbA==\u0007")).toBe("\\x1b]52;c;ZXZpbA==\\x07");
    expect(terminalSafe("\u001b]8;;https://evil\u001b\\link")).toBe("\\x1b]8;;https://evil\\x1b\\link");
  });

  test("every C0 control, DEL and every C1 control is escaped", () => {
    for (let code = 0; code < 0x20; code++) expect(terminalSafe(String.fromCharCode(code))).toMatch(/^\\(x[0-9a-f]{2}|[nrt])$/);
    expect(terminalSafe("\u007f")).toBe("\\x7f");
    for (let code = 0x80; code <= 0x9f; code++) expect(terminalSafe(String.fromCharCode(code))).toBe(`\\x${code.toString(16)}`);
    expect(terminalSafe("\u00a0")).toBe("\u00a0");
  });

  test("CR and LF cannot start a forged line", () => {
    expect(terminalSafe("Gains\n  (ii) Cashable: ✔ pass\r")).toBe("Gains\\n  (ii) Cashable: ✔ pass\\r");
    expect(terminalSafe("a\u2028b\u2029c")).toBe("a\\u2028b\\u2029c");
  });

  test("bidi controls are shown", () => {
    expect(terminalSafe("abc\u202edcba\u202c")).toBe("abc\\u202edcba\\u202c");
    for (const ch of ["\u061c", "\u200e", "\u200f", "\u202a", "\u202b", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069"]) {
      expect(terminalSafe(ch)).toBe(`\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
    }
  });

  test("the length cap ends in an ellipsis and never splits an escape or a surrogate pair", () => {
    expect(terminalSafe("x".repeat(50), { maxLength: 10 })).toBe("x".repeat(9) + ELLIPSIS);
    expect(terminalSafe("x".repeat(10), { maxLength: 10 })).toBe("x".repeat(10));
    expect(terminalSafe("abcdefg\u001b[2J", { maxLength: 10 })).toBe("abcdefg" + ELLIPSIS);
    expect(terminalSafe("abcdefgh😀z", { maxLength: 10 })).toBe("abcdefgh" + ELLIPSIS);
    expect(terminalSafe("abc", { maxLength: 0 })).toBe("");
    const huge = terminalSafe("\u001b".repeat(1_000_000), { maxLength: 200 });
    expect(huge.length).toBeLessThanOrEqual(200);
    expect(huge.endsWith(ELLIPSIS)).toBe(true);
  });
});

describe("oneLine", () => {
  test("joins lines with one space and trims", () => {
    expect(oneLine("  Could not read\r\n   the Gains sheet.\n")).toBe("Could not read the Gains sheet.");
    expect(oneLine("a\tb")).toBe("a b");
  });

  test("what is left is terminal safe and can be capped", () => {
    expect(oneLine("Sheet \u001b[31mred")).toBe("Sheet \\x1b[31mred");
    expect(oneLine("word ".repeat(100), { maxLength: 20 })).toHaveLength(20);
  });
});
