/** The custom functions: thin wrappers over the core, Excel errors, and the metadata Excel reads. */
import * as fs from "fs";
import * as path from "path";
import { FUNCTION_DOCS } from "../../src/core/calc";
import { vfmDeflate, vfmNetGain, vfmTarget } from "../../src/functions/functions";

class MockCustomFunctionsError {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}

beforeAll(() => {
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: MockCustomFunctionsError,
    ErrorCode: { invalidValue: "#VALUE!", invalidNumber: "#NUM!", notAvailable: "#N/A" },
    associate: jest.fn(),
  };
});

afterAll(() => {
  delete (globalThis as Record<string, unknown>).CustomFunctions;
});

function thrown(call: () => unknown): MockCustomFunctionsError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(MockCustomFunctionsError);
    return error as MockCustomFunctionsError;
  }
  throw new Error("expected the function to throw a CustomFunctions.Error");
}

/** Excel passes an omitted optional argument as null (the declared TypeScript types cannot say so). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const omitted: any = null;

const functionsPath = path.join(__dirname, "../../src/functions/functions.ts");

describe("methodology.md vectors through the wrappers (optional arguments arrive as null)", () => {
  test("TARGET", () => {
    expect(vfmTarget(15246, 0.03, 3, omitted)).toBe(1413.715842);
    expect([1, 2, 3].map((n) => vfmTarget(1, 0.03, n, omitted))).toEqual([0.03, 0.0609, 0.092727]);
    expect(vfmTarget(86000, 0.025, 3, "simple")).toBe(6450);
  });

  test("DEFLATE", () => {
    expect(vfmDeflate(1, "2004-05", "2024-25", omitted)).toBe(100 / 59.7172);
    expect(vfmDeflate(1, "2004-05", "2024-25", [["HMT-2026-03"]])).toBe(100 / 59.7172);
    expect(
      vfmDeflate(3, "2008-09", 2010, [
        ["2008-09", 50],
        ["2010-11", 100],
      ]),
    ).toBe(6);
  });

  test("NETGAIN with ranges as Excel passes them (matrices; a single cell is [[value]]; blanks are empty)", () => {
    expect(vfmNetGain([[250000]], [[40000]], 0.9)).toBe(185000);
    expect(vfmNetGain([[0.1, 0.2, ""]], omitted, omitted)).toBe(0.3);
    expect(vfmNetGain([[100], [null]], [[10]], "Amber")).toBe(40);
  });
});

describe("every error class becomes a CustomFunctions.Error with the core's message", () => {
  test("#NUM!", () => {
    const error = thrown(() => vfmTarget(15246, 3, 3, omitted));
    expect(error.code).toBe("#NUM!");
    expect(error.message).toMatch(/^rate must be a fraction such as 3% or 0\.03, not 3/);
    expect(thrown(() => vfmNetGain([[1]], omitted, 1.5)).code).toBe("#NUM!");
    expect(thrown(() => vfmTarget(-1, 0.03, 3, omitted)).code).toBe("#NUM!");
  });

  test("#NUM! for a result beyond Excel's numbers or nearer 0 than Excel holds, never Infinity or a denormal", () => {
    expect(thrown(() => vfmTarget(1.7e308, 0.5, 3, omitted))).toMatchObject({
      code: "#NUM!",
      message: expect.stringMatching(/too large for Excel/),
    });
    expect(thrown(() => vfmTarget(1e-307, 0.03, 3, omitted))).toMatchObject({
      code: "#NUM!",
      message: expect.stringMatching(/too small for Excel/),
    });
    expect(thrown(() => vfmNetGain([[1e308, 1e308]], omitted, omitted)).code).toBe("#NUM!");
    expect(vfmTarget(1e-300, 0.03, 3, omitted)).toBeCloseTo(9.2727e-302, 305);
  });

  test("#VALUE!, including text and errors inside a range", () => {
    expect(thrown(() => vfmNetGain([[100, "n/a"]], omitted, omitted))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringMatching(/text "n\/a"/),
    });
    const errorCell = new MockCustomFunctionsError("#DIV/0!");
    expect(thrown(() => vfmNetGain([[100, errorCell]], omitted, omitted))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringMatching(/#DIV\/0!/),
    });
    expect(thrown(() => vfmDeflate(1, "2008-13", 2010, omitted)).code).toBe("#VALUE!");
    expect(thrown(() => vfmTarget(1, 0.03, 3, "linear")).code).toBe("#VALUE!");
  });

  test("#N/A names the series and the year", () => {
    expect(thrown(() => vfmDeflate(1, 2008, "2040-41", omitted))).toMatchObject({
      code: "#N/A",
      message: "the series HMT-2026-03 has no index for 2040-41; it covers 2000-01 to 2030-31",
    });
  });
});

test("the file works as the functions bundle entry: no Node modules, no associate calls, declarations only", () => {
  const source = fs.readFileSync(functionsPath, "utf8");
  const imports = [...source.matchAll(/^import .* from "([^"]+)";/gm)].map((m) => m[1]);
  expect(imports).toEqual(["../core/calc"]);
  expect(source).not.toMatch(/CustomFunctions\.associate\(/);
  expect(source).not.toMatch(/=\s*\([^)]*\)\s*=>\s*{?\s*return guarded/);
});

describe("the metadata Excel reads (custom-functions-metadata, as the webpack plugin runs it)", () => {
  let metadata: {
    functions: Array<{
      id: string;
      name: string;
      description: string;
      parameters: Array<{ name: string; description?: string; optional?: boolean; dimensionality?: string }>;
    }>;
  };

  beforeAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
    const result = await generateCustomFunctionsMetadata([functionsPath], false);
    expect(result.errors).toEqual([]);
    metadata = JSON.parse(result.metadataJson);
  });

  test("ids are exactly NETGAIN, DEFLATE and TARGET", () => {
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(["DEFLATE", "NETGAIN", "TARGET"]);
    expect(metadata.functions.map((f) => f.name).sort()).toEqual(["DEFLATE", "NETGAIN", "TARGET"]);
  });

  test("every description and parameter is the one in src/core/calc/docs.ts", () => {
    for (const fn of metadata.functions) {
      const doc = FUNCTION_DOCS[fn.id as keyof typeof FUNCTION_DOCS];
      expect(fn.description).toBe(doc.description);
      expect(fn.parameters.map((p) => p.name)).toEqual(doc.parameters.map((p) => p.name));
      fn.parameters.forEach((parameter, i) => {
        expect(parameter.description).toBeTruthy();
        expect(parameter.description).toBe(doc.parameters[i].description);
        expect(parameter.optional === true).toBe(doc.parameters[i].optional);
      });
    }
  });

  test("gross, costs and deflators take ranges", () => {
    const dimensionality = (id: string, name: string) =>
      metadata.functions.find((f) => f.id === id)?.parameters.find((p) => p.name === name)?.dimensionality;
    expect(dimensionality("NETGAIN", "gross")).toBe("matrix");
    expect(dimensionality("NETGAIN", "costs")).toBe("matrix");
    expect(dimensionality("DEFLATE", "deflators")).toBe("matrix");
  });
});

test("the documented examples give the documented results", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const core = require("../../src/core/calc");
  for (const doc of Object.values(FUNCTION_DOCS)) {
    for (const example of doc.examples) {
      const args = example.formula.replace(/^=VFM\.\w+\(/, "").replace(/\)$/, "");
      const values = args.split(/,(?![^{]*})/).map((arg) => {
        const text = arg.trim();
        if (text.startsWith("{")) return [text.slice(1, -1).split(",").map(Number)];
        if (text.startsWith('"')) return text.slice(1, -1);
        return core.parseNumberText(text);
      });
      const call = { TARGET: core.target, NETGAIN: core.netGain, DEFLATE: core.deflate }[doc.id];
      const result = call(...values);
      expect(result.ok && core.formatPlainDecimal(result.value)).toBe(example.result);
    }
  }
});
