import { analyse, DEFAULT_SETTINGS, extractVfmData, parseRagMapping, SETTING_DOCS } from "../../../src/core/validate";
import { buildModel, date, sheet } from "../../support/model-builder";
import { clean, cleanWith } from "./fixtures";
import { removeSheet, setCells } from "../../support/model-builder";

function settingsOf(rows: unknown[][], options: { reportingDate?: string; today?: string } = {}) {
  const model = buildModel({ sheets: [sheet("Settings", [["Key", "Value"], ...(rows as never[][])])] });
  return analyse(model, { file: "t.xlsx", today: "2020-01-01", ...options });
}

describe("Settings", () => {
  it("documents every key with its default", () => {
    expect(SETTING_DOCS.map((d) => d.key).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });

  it("reads every key", () => {
    const a = settingsOf([
      ["Target rate", "2.5%"],
      ["Target method", "Simple"],
      ["Target years", 3],
      ["Baseline year", "2004/05"],
      ["Target year", "2007-08"],
      ["Reporting date", "31/03/2008"],
      ["Deflator series", "My series"],
      ["RAG mapping", "Green=0.9; Amber=0.5; Red=0"],
      ["Tolerance", 0.01],
      ["Materiality", 250000],
      ["Minimum cashable share", "50%"],
      ["Unit", "£k"],
    ]);
    const s = a.data.settings;
    expect(s).toEqual(
      expect.objectContaining({
        targetRate: 0.025,
        targetMethod: "simple",
        targetYears: 3,
        baselineYear: 2004,
        targetYear: 2007,
        reportingDate: "2008-03-31",
        deflatorSeries: "My series",
        tolerance: 0.01,
        materiality: 250000,
        minimumCashableShare: 0.5,
        unit: "£k",
      }),
    );
    expect(s.ragMapping.get("green")).toBe(0.9);
    expect(a.settingsRead.issues).toEqual([]);
  });

  it("reads the RAG mapping from three keys", () => {
    const s = settingsOf([
      ["Green", 1],
      ["Amber", "60%"],
      ["Red", 0.1],
    ]).data.settings;
    expect([...s.ragMapping]).toEqual([
      ["green", 1],
      ["amber", 0.6],
      ["red", 0.1],
    ]);
  });

  it("keeps the default and reports a value it cannot read", () => {
    const a = settingsOf([
      ["Target rate", 3],
      ["Reporting date", "soon"],
      ["RAG mapping", "Green is good"],
    ]);
    expect(a.data.settings.targetRate).toBe(0.03);
    expect(a.settingsRead.issues.map((i) => i.cell)).toEqual(["B2", "B3", "B4"]);
  });

  it("works out the target year from the baseline year and target years", () => {
    const s = settingsOf([["Baseline year", "2007-08"]]).data.settings;
    expect(s.targetYear).toBe(2010);
    const s2 = settingsOf([
      ["Baseline year", "2007-08"],
      ["Target year", "2012-13"],
    ]);
    expect(s2.data.targetYears).toBe(5);
  });

  it("reads a Settings sheet of bare key/value pairs without headers", () => {
    const model = buildModel({
      sheets: [
        sheet("Settings", [
          ["Target rate", 0.025],
          ["Baseline year", "2004-05"],
        ]),
      ],
    });
    expect(analyse(model, { file: "t" }).data.settings).toEqual(expect.objectContaining({ targetRate: 0.025, baselineYear: 2004 }));
  });

  it("takes the reporting date from the option, then the Settings, then today", () => {
    expect(settingsOf([["Reporting date", date("2009-12-31")]], { reportingDate: "2010-03-31" }).data.reportingDate).toBe("2010-03-31");
    expect(settingsOf([["Reporting date", date("2009-12-31")]]).data.reportingDate).toBe("2009-12-31");
    expect(settingsOf([]).data.reportingDate).toBe("2020-01-01");
    expect(settingsOf([]).data.reportingDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("applies overrides from the options without letting them reach the prototype", () => {
    const overrides = JSON.parse('{"materiality": 5, "__proto__": {"polluted": true}}');
    const data = extractVfmData(clean(), { file: "t", settings: overrides });
    expect(data.settings.materiality).toBe(5);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("takes the baseline year from the Baseline lines when the Settings do not state it", () => {
    const data = extractVfmData(cleanWith({ "Settings!A5": "Note" }), { file: "t" });
    expect(data.settings.baselineYear).toBe(2007);
    expect(data.settings.targetYear).toBe(2010);
  });

  it("parses RAG mappings", () => {
    expect(parseRagMapping("Green=1, Amber: 0.5\nRed 0")).toEqual(
      new Map([
        ["green", 1],
        ["amber", 0.5],
        ["red", 0],
      ]),
    );
    expect(typeof parseRagMapping("Green=2")).toBe("string");
    expect(typeof parseRagMapping("")).toBe("string");
  });

  it("checks a workbook without Settings with the defaults", () => {
    const data = extractVfmData(removeSheet(clean(), "Settings"), { file: "t", today: "2009-12-31" });
    expect(data.settings.targetRate).toBe(DEFAULT_SETTINGS.targetRate);
    expect(data.settings.baselineYear).toBe(2007);
  });
});

describe("Settings years that Excel turned into dates", () => {
  it("reads a Baseline year cell showing 01/08/2007 (a typed 2007-08) as 2007-08", () => {
    const model = setCells(clean(), { "Settings!B5": date("2007-08-01") });
    const read = analyse(model, { file: "t.xlsx" });
    expect(read.settingsRead.issues).toEqual([]);
    expect(read.data.settings.baselineYear).toBe(2007);
  });
});
