/** `vfm target|netgain|deflate` through runCalc with a fake CliIO. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseExcelArgument } from "../../src/cli/args";
import { calcHelp, runCalc } from "../../src/cli/commands/calc";
import { FUNCTION_DOCS } from "../../src/core/calc";
import { memoryIO, type MemoryIO } from "./io-support";

function fakeIO(cwd = process.cwd()): MemoryIO {
  return memoryIO({ cwd });
}

async function run(name: "target" | "netgain" | "deflate", args: string[], cwd?: string) {
  const io = fakeIO(cwd);
  const code = await runCalc(name, args, io);
  return { code, out: io.out, err: io.err };
}

describe("arguments written as in an Excel formula", () => {
  test.each([
    ["1200000", 1200000],
    ["-5", -5],
    ["0.9", 0.9],
    ["3%", 0.03],
    ["2.5%", 0.025],
    ["1.5E3", 1500],
    ['"2008-09"', "2008-09"],
    ['"say ""hello"""', 'say "hello"'],
    ["2008-09", "2008-09"],
    ["simple", "simple"],
    ["TRUE", true],
    ["false", false],
    ['""', null],
    ["", null],
    ["{100,200}", [[100, 200]]],
    ["{100;200}", [[100], [200]]],
    [
      '{1,"a";TRUE,3%}',
      [
        [1, "a"],
        [true, 0.03],
      ],
    ],
  ])("%s", (text, value) => {
    expect(parseExcelArgument(text)).toEqual({ ok: true, value });
  });

  test.each(['"open', "{1,2", "{1,2;3}", "{}", "{1,,2}", '"a"b"'])("%s is a usage error", (text) => {
    expect(parseExcelArgument(text).ok).toBe(false);
  });
});

describe("results", () => {
  test("vfm target 15246 3% 3 prints 1413.715842", async () => {
    expect(await run("target", ["15246", "3%", "3"])).toEqual({ code: 0, out: "1413.715842\n", err: "" });
  });

  test("the methodology vectors", async () => {
    expect((await run("target", ["1", "3%", "3"])).out).toBe("0.092727\n");
    expect((await run("target", ["86000", "2.5%", "3", '"simple"'])).out).toBe("6450\n");
    expect((await run("target", ["86000", "2.5%", "3", "simple"])).out).toBe("6450\n");
    expect((await run("deflate", ["1", '"2004-05"', "2024-25"])).out).toBe(`${100 / 59.7172}\n`);
  });

  test("netgain with array constants and an omitted optional argument", async () => {
    expect((await run("netgain", ["{120000,80000,50000}", '""', "Amber"])).out).toBe("125000\n");
    expect((await run("netgain", ["{0.1;0.2}"])).out).toBe("0.3\n");
    expect((await run("netgain", ["250000", "40000", "90%"])).out).toBe("185000\n");
  });

  test("plain decimals: no exponent, no separators", async () => {
    expect((await run("netgain", ["1e21"])).out).toBe("1000000000000000000000\n");
    expect((await run("netgain", ["0.0000001"])).out).toBe("0.0000001\n");
  });

  test("--json", async () => {
    const result = await run("deflate", ["1000", "2024-25", "2030-31", "--json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual({ value: (1000 * 113.6416) / 100, usesForecast: true, series: "HMT-2026-03" });
    expect(JSON.parse((await run("target", ["--json", "15246", "3%", "3"])).out)).toEqual({
      value: 1413.715842,
      usesForecast: false,
      series: null,
    });
  });

  test("a forecast year is said on stderr, the result alone on stdout", async () => {
    const result = await run("deflate", ["1000", "2024-25", "2030-31"]);
    expect(result.out).toBe(`${(1000 * 113.6416) / 100}\n`);
    expect(result.err).toMatch(/forecast year of HMT-2026-03/);
  });
});

describe("exit statuses", () => {
  test("a function error: one line on stderr, exit 1", async () => {
    const result = await run("target", ["15246", "3", "3"]);
    expect(result.code).toBe(1);
    expect(result.out).toBe("");
    expect(result.err).toMatch(/^#NUM! rate must be a fraction such as 3% or 0\.03, not 3 .*\n$/);
    expect(result.err.trim().split("\n")).toHaveLength(1);
    expect((await run("deflate", ["1", "2008-09", "2040-41"])).err).toMatch(/^#N\/A the series HMT-2026-03 has no index for 2040-41/);
    expect((await run("netgain", ['{100,"x"}'])).code).toBe(1);
  });

  test.each([
    [["15246", "3%"]],
    [["1", "2", "3", "4", "5"]],
    [["15246", "3%", "3", "--frobnicate"]],
    [["15246", "3%", '"3']],
    [["15246", "3%", "3", "--series", "x.csv"]],
  ])("a usage error: usage on stderr, exit 2 (%j)", async (args) => {
    const result = await run("target", args);
    expect(result.code).toBe(2);
    expect(result.out).toBe("");
    expect(result.err).toMatch(/Usage: vfm target BASELINE RATE YEARS \[METHOD\]/);
  });

  test("--help shows the descriptions Excel shows", async () => {
    for (const doc of Object.values(FUNCTION_DOCS)) {
      const result = await run(doc.command, ["--help"]);
      expect(result.code).toBe(0);
      expect(result.out).toContain(doc.description);
      for (const parameter of doc.parameters) expect(result.out).toContain(parameter.description);
      expect(result.out).toBe(calcHelp(doc.command));
    }
  });
});

describe("deflate --series FILE.csv", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "vfm-calc-"));
    fs.writeFileSync(path.join(dir, "mine.csv"), "financial_year,index,is_forecast\n2008-09,50,false\n\n2010-11,100,true\n");
    fs.writeFileSync(path.join(dir, "plain.csv"), 'Year,Deflator\r\n2008,80\r\n2009,"100"\r\n');
    fs.writeFileSync(path.join(dir, "bad.csv"), "year,index\n2008-09,50\n2009-10,abc\n");
    fs.writeFileSync(path.join(dir, "empty.csv"), "");
    fs.writeFileSync(path.join(dir, "semicolons.csv"), "year;index\n2008-09;80\n2010-11;88\n");
    fs.writeFileSync(path.join(dir, "bom.csv"), "\uFEFFyear,index\r\n2008-09,80\r\n2010-11,88\r\n");
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("uses the file's series, honouring is_forecast", async () => {
    const result = await run("deflate", ["3", "2008-09", "2010-11", "--series", "mine.csv", "--json"], dir);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual({ value: 6, usesForecast: true, series: "mine.csv" });
    expect((await run("deflate", ["8", "2008", "2009", `--series=${path.join(dir, "plain.csv")}`])).out).toBe("10\n");
  });

  test("a file saved with a byte-order mark and Windows line endings is read", async () => {
    expect((await run("deflate", ["100", "2008-09", "2010-11", "--series", "bom.csv"], dir)).out).toBe("110\n");
  });

  test("a file not separated by commas says so", async () => {
    const result = await run("deflate", ["3", "2008-09", "2010-11", "--series", "semicolons.csv"], dir);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/line 1: the header needs at least two columns separated by commas/);
  });

  test("a bad file is a one-line error, exit 2", async () => {
    const bad = await run("deflate", ["3", "2008-09", "2009-10", "--series", "bad.csv"], dir);
    expect(bad).toMatchObject({ code: 2, out: "" });
    expect(bad.err).toBe('vfm deflate: bad.csv line 3: the index for 2009-10 is "abc"; every index must be a positive number\n');
    expect((await run("deflate", ["3", "2008", "2009", "--series", "empty.csv"], dir)).code).toBe(2);
    const missing = await run("deflate", ["3", "2008", "2009", "--series", "nope.csv"], dir);
    expect(missing).toMatchObject({ code: 2, err: "vfm deflate: cannot read nope.csv: no such file\n" });
  });

  test("a year the file lacks is #N/A naming the file", async () => {
    const result = await run("deflate", ["3", "2008-09", "2012-13", "--series", "mine.csv"], dir);
    expect(result).toMatchObject({ code: 1 });
    expect(result.err).toBe("#N/A the series mine.csv has no index for 2012-13; it covers 2008-09 to 2010-11\n");
  });
});
