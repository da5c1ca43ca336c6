import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readXlsx } from "../../../src/adapters/xlsx/read/index";
import { compareReturns, matchGains, valueMovedLater, type ReturnComparison } from "../../../src/core/review/compare";
import { recordsOfModel, type GainRecord, type ReturnRecords } from "../../../src/core/review/return-records";
import type { KnownChanges } from "../../fixtures/compare/generate";
import { buildModel, sheet, type CellInput } from "../../support/model-builder";

const FIXTURES = path.resolve(__dirname, "../../fixtures/compare");
const known: KnownChanges = JSON.parse(fs.readFileSync(path.join(FIXTURES, "known-changes.json"), "utf8"));

async function records(file: string): Promise<ReturnRecords> {
  const read = await readXlsx(new Uint8Array(fs.readFileSync(path.join(FIXTURES, file))), { fileName: file });
  if (!read.ok) throw new Error(`${file}: ${read.reason}`);
  return recordsOfModel(read.model, file);
}

const triple = (m: { last: number | null; current: number | null; change: number | null }) => [m.last, m.current, m.change];

/** Every change listed in a comparison, in the shape of known-changes.json. */
function listed(c: ReturnComparison) {
  return {
    unit: c.unit,
    totals: c.totals,
    added: c.added.map((g) => g.id),
    removed: c.removed.map((g) => g.id),
    matchedByName: c.matchedByName.map((m) => ({ lastId: m.lastId, id: m.id })),
    renamed: c.renamed,
    movements: c.movements.map((m) => ({ id: m.id, net: triple(m.net), riskAdjusted: triple(m.riskAdjusted) })),
    slipped: c.slipped.map((s) => ({ id: s.id, movedLater: s.movedLater, firstYear: [s.firstYear.last, s.firstYear.current] })),
    reprofiled: c.reprofiled.map((r) => ({ id: r.id, years: r.years.map((y) => [y.year, y.last, y.current, y.change]) })),
    ratings: c.ratings.map((r) => ({ id: r.id, last: r.last.deliverability, current: r.current.deliverability })),
    baseline: c.restated.baseline && triple(c.restated.baseline),
    target: c.restated.target && triple(c.restated.target),
    revisedQuarters: c.revisedQuarters,
    newQuarters: c.newQuarters,
    unchanged: c.unchanged,
  };
}

describe("compare: two quarterly returns of Northmoor Police (test/fixtures/compare)", () => {
  let q1: ReturnRecords;
  let comparisons: Map<string, ReturnComparison>;
  beforeAll(async () => {
    q1 = await records(known.last);
    comparisons = new Map();
    for (const file of [known.current, ...known.sameAsCurrent]) comparisons.set(file, compareReturns(q1, await records(file)));
  });

  it.each([["northmoor-q2.xlsx (our writer)"], ["northmoor-q2-libreoffice.xlsx (re-saved by LibreOffice Calc)"]])(
    "Q1 -> %s lists exactly the known changes, to the penny",
    (label) => {
      const file = label.split(" ")[0];
      const { last: _last, current: _current, sameAsCurrent: _sameAsCurrent, ...expected } = known;
      expect(listed(comparisons.get(file)!)).toEqual(expected);
      expect(comparisons.get(file)!.noChanges).toBe(false);
    },
  );

  it("the relaid Q2 (renamed sheets, moved columns, reordered rows, £'000) gives the same lists, in £k", () => {
    const c = comparisons.get("northmoor-q2-relaid.xlsx")!;
    expect(c.unit).toBe("£k");
    expect(c.added.map((g) => g.id)).toEqual(known.added);
    expect(c.removed.map((g) => g.id)).toEqual(known.removed);
    // Q1 is in £, this return in £'000: the movements are exact in the return's unit.
    expect(c.totals.net).toEqual({ last: 12_030, current: 13_180, change: 1_150 });
    expect(c.restated.target).toEqual({ last: 38_249.8875, current: 38_203.524, change: -46.3635 });
    // Reordered rows: the lists keep their (ID) order.
    expect(c.slipped.map((s) => [s.id, s.movedLater])).toEqual([
      ["G01", 0],
      ["G05", 800],
    ]);
    expect(c.movements.map((m) => [m.id, m.riskAdjusted.change])).toEqual([
      ["G02", -135],
      ["G03", -600],
    ]);
    expect(c.revisedQuarters).toEqual([{ label: "Q1 2026-27", field: "actual", last: 900, current: 950, change: 50 }]);
  });

  it.each(known.sameAsCurrent)("%s differs from northmoor-q2.xlsx only in layout and format: no changes", async (file) => {
    const c = compareReturns(await records(known.current), await records(file));
    expect(c.noChanges).toBe(true);
    expect(c.unchanged).toBe(7);
    expect([
      c.added,
      c.removed,
      c.movements,
      c.slipped,
      c.reprofiled,
      c.ratings,
      c.renamed,
      c.matchedByName,
      c.revisedQuarters,
      c.newQuarters,
    ]).toEqual([[], [], [], [], [], [], [], [], [], []]);
    expect(c.restated).toEqual({ baseline: null, baselineYear: null, target: null, targetBasis: null });
  });

  it("a return compared with itself has no changes", async () => {
    const c = compareReturns(q1, q1);
    expect(c.noChanges).toBe(true);
    expect(c.unchanged).toBe(7);
  });
});

const gain = (over: Partial<GainRecord>): GainRecord => ({
  id: null,
  name: null,
  type: "cashable",
  category: null,
  workstream: null,
  gross: 100,
  costs: 0,
  net: 100,
  riskAdjusted: 100,
  deliverability: 1,
  rag: null,
  serviceReduction: false,
  profile: new Map(),
  ...over,
});

const ret = (gains: GainRecord[], over: Partial<ReturnRecords> = {}): ReturnRecords => ({
  file: "x.xlsx",
  registerFound: true,
  reportingDate: "2026-10-31",
  unit: "£",
  baselineYear: 2025,
  baselineTotal: 1000,
  targetYear: 2028,
  targetRate: 0.03,
  targetMethod: "compound",
  targetYears: 3,
  target: 92.727,
  gains,
  quarters: [],
  ...over,
});

describe("compare: matching gains", () => {
  it("matches by ID ignoring case and spaces, then by a name unique on both sides", () => {
    const last = [
      gain({ id: "g 01", name: "A" }),
      gain({ id: "X2", name: "Fleet  review." }),
      gain({ id: "X3", name: "Same" }),
      gain({ id: "X4", name: "Same" }),
    ];
    const current = [gain({ id: "G01", name: "A" }), gain({ id: "F2", name: "fleet review" }), gain({ id: "S3", name: "same" })];
    const { pairs, added, removed } = matchGains(last, current);
    // Listed in this return's ID order (F2 before G01).
    expect(pairs.map((p) => [p.last.id, p.current.id, p.by])).toEqual([
      ["X2", "F2", "name"],
      ["g 01", "G01", "id"],
    ]);
    // "Same" is two gains in the last return: which one became S3 cannot be told.
    expect(added.map((g) => g.id)).toEqual(["S3"]);
    expect(removed.map((g) => g.id)).toEqual(["X3", "X4"]);
  });

  it("pairs a repeated ID in order and says when a match was by name", () => {
    const c = compareReturns(
      ret([gain({ id: "G1", name: "one" }), gain({ id: "G1", name: "two" })]),
      ret([gain({ id: "G1", name: "one" }), gain({ id: "G1", name: "two" })]),
    );
    expect(c.noChanges).toBe(true);
    const byName = compareReturns(ret([gain({ id: null, name: "Shared HR" })]), ret([gain({ id: "G9", name: "shared HR" })]));
    expect(byName.matchedByName).toEqual([{ lastId: null, id: "G9", name: "shared HR" }]);
    expect(byName.noChanges).toBe(false);
  });
});

describe("compare: movements, slippage, ratings, restatements and quarters", () => {
  it("movements are exact decimal differences (0.3 - 0.1 is 0.2)", () => {
    const c = compareReturns(
      ret([gain({ id: "G1", net: 0.1, riskAdjusted: 0.1 })]),
      ret([gain({ id: "G1", net: 0.3, riskAdjusted: 0.3 })]),
    );
    expect(c.movements[0].net).toEqual({ last: 0.1, current: 0.3, change: 0.2 });
    expect(c.totals.net.change).toBe(0.2);
  });

  it("converts the last return's unit exactly: 2.01 £m is 2,010 £k, no change", () => {
    const last = ret([gain({ id: "G1", gross: 2.01, costs: 0, net: 2.01, riskAdjusted: 2.01, profile: new Map([[2026, 2.01]]) })], {
      unit: "£m",
      baselineTotal: 0.1,
      target: null,
    });
    const current = ret([gain({ id: "G1", gross: 2010, costs: 0, net: 2010, riskAdjusted: 2010, profile: new Map([[2026, 2010]]) })], {
      unit: "£k",
      baselineTotal: 100,
      target: null,
    });
    const c = compareReturns(last, current);
    expect(c.noChanges).toBe(true);
    expect(c.totals.net).toEqual({ last: 2010, current: 2010, change: 0 });
  });

  it("value moved to a later year is slippage; a cut that is not made up later is not", () => {
    const p = (a: number, b: number, c: number) =>
      new Map([
        [2026, a],
        [2027, b],
        [2028, c],
      ]);
    expect(valueMovedLater(p(100, 200, 300), p(40, 260, 300))).toBe(60);
    expect(valueMovedLater(p(100, 200, 300), p(40, 200, 300))).toBe(0);
    expect(valueMovedLater(p(100, 200, 300), p(0, 0, 600))).toBe(300);
    // Brought forward is not slippage.
    expect(valueMovedLater(p(0, 200, 300), p(100, 100, 300))).toBe(0);
    // A year column only one return has counts as 0 in the other.
    expect(valueMovedLater(new Map([[2026, 50]]), new Map([[2027, 50]]))).toBe(50);
    const c = compareReturns(
      ret([gain({ id: "G1", profile: p(100, 200, 300) }), gain({ id: "G2", profile: p(100, 200, 300) })]),
      ret([gain({ id: "G1", profile: p(0, 300, 300) }), gain({ id: "G2", profile: p(50, 200, 300) })]),
    );
    expect(c.slipped.map((s) => [s.id, s.movedLater, s.firstYear])).toEqual([["G1", 100, { last: 2026, current: 2027 }]]);
    expect(c.reprofiled).toEqual([{ id: "G2", name: null, years: [{ year: 2026, last: 100, current: 50, change: -50 }] }]);
    expect(c.slipped[0].years).toEqual([
      { year: 2026, last: 100, current: 0, change: -100 },
      { year: 2027, last: 200, current: 300, change: 100 },
    ]);
  });

  it("a blank profile year and 0 are the same", () => {
    const c = compareReturns(
      ret([
        gain({
          id: "G1",
          profile: new Map([
            [2026, 0],
            [2027, 5],
          ]),
        }),
      ]),
      ret([gain({ id: "G1", profile: new Map([[2027, 5]]) })]),
    );
    expect(c.noChanges).toBe(true);
  });

  it("RAG words: Amber to Red is a change, 'amber' to 'Amber' is not", () => {
    const g = (rag: string, d: number | null) => gain({ id: "G1", rag, deliverability: d });
    const c = compareReturns(ret([g("Amber", 0.5)]), ret([g("Red", 0)]));
    expect(c.ratings).toEqual([
      { id: "G1", name: null, last: { deliverability: 0.5, rag: "Amber" }, current: { deliverability: 0, rag: "Red" } },
    ]);
    expect(compareReturns(ret([g("amber", 0.5)]), ret([g("Amber", 0.5)])).ratings).toEqual([]);
    // An unmapped word (no fraction either side) is compared as written.
    expect(compareReturns(ret([g("Purple", null)]), ret([g("Blue", null)])).ratings).toHaveLength(1);
  });

  it("reclassified cashable to non-cashable, and target basis restated", () => {
    const c = compareReturns(
      ret([gain({ id: "G1" })]),
      ret([gain({ id: "G1", type: "non-cashable" })], { targetRate: 0.025, targetMethod: "simple", target: 75 }),
    );
    expect(c.reclassified).toEqual([{ id: "G1", name: null, last: "cashable", current: "non-cashable" }]);
    expect(c.totals.cashableRiskAdjusted).toEqual({ last: 100, current: 0, change: -100 });
    expect(c.restated.target).toEqual({ last: 92.727, current: 75, change: -17.727 });
    expect(c.restated.targetBasis).toEqual({
      last: "3% a year, compound, over 3 years to 2028-29",
      current: "2.5% a year, simple, over 3 years to 2028-29",
    });
  });

  it("service reductions never count in the totals", () => {
    const c = compareReturns(ret([]), ret([gain({ id: "G1", serviceReduction: true })]));
    expect(c.added.map((g) => g.id)).toEqual(["G1"]);
    expect(c.totals.net).toEqual({ last: 0, current: 0, change: 0 });
  });

  it("quarters: a reported actual revised or withdrawn, a trajectory revised, a quarter newly reported", () => {
    const q = (index: number, label: string, trajectory: number | null, actual: number | null) => ({ index, label, trajectory, actual });
    const last = ret([], {
      quarters: [q(8104, "Q1 2026-27", 900, 950), q(8105, "Q2 2026-27", 2100, 2000), q(8106, "Q3 2026-27", 3000, null)],
    });
    const current = ret([], { quarters: [q(8104, "Q1 2026-27", 900, 900), q(8106, "Q3 2026-27", 3200, 3100)] });
    const c = compareReturns(last, current);
    expect(c.revisedQuarters).toEqual([
      { label: "Q1 2026-27", field: "actual", last: 950, current: 900, change: -50 },
      { label: "Q2 2026-27", field: "actual", last: 2000, current: null, change: null },
      { label: "Q2 2026-27", field: "trajectory", last: 2100, current: null, change: null },
      { label: "Q3 2026-27", field: "trajectory", last: 3000, current: 3200, change: 200 },
    ]);
    expect(c.newQuarters).toEqual([{ label: "Q3 2026-27", actual: 3100 }]);
  });
});

describe("compare fixtures", () => {
  it("are what test/fixtures/compare/generate.ts writes (run `npm run fixtures:compare` after changing it)", async () => {
    const { generateCompareFixtures } = await import("../../fixtures/compare/generate");
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "vfm-compare-"));
    try {
      const files = await generateCompareFixtures(out);
      for (const file of files) {
        const name = path.basename(file);
        const committed = name.startsWith("northmoor-police") ? path.join(FIXTURES, "../../../examples", name) : path.join(FIXTURES, name);
        expect({ name, same: Buffer.compare(fs.readFileSync(file), fs.readFileSync(committed)) === 0 }).toEqual({ name, same: true });
      }
      // The Q2 return is the bundled example itself.
      expect(
        Buffer.compare(
          fs.readFileSync(path.join(FIXTURES, "northmoor-q2.xlsx")),
          fs.readFileSync(path.join(FIXTURES, "../../../examples/northmoor-police.xlsx")),
        ),
      ).toBe(0);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

describe("compare: a real layout (inline per-year profile, C/NC and G/A/R codes, £'000 title block)", () => {
  const plan = (rows: CellInput[][]) =>
    buildModel({
      sheets: [
        sheet("Savings Plan 2011-15", [
          ["Northshire Police"],
          ["Savings Plan 2011-15"],
          ["All figures in £'000"],
          [],
          ["Ref", "Description", "C/NC", "RAG", "Gross saving", null, null, "One-off costs", null, null, "Net saving", null, null],
          [null, null, null, null, "2011/12", "2012/13", "2013/14", "2011/12", "2012/13", "2013/14", "2011/12", "2012/13", "2013/14"],
          ...rows,
        ]),
        sheet("Settings", [
          ["Key", "Value"],
          ["Baseline year", "2010-11"],
          ["Target years", 2],
          ["Reporting date", "2012-09-30"],
        ]),
      ],
    });

  it("reads each gain's profile from its own row, IDs or not, and lists the slippage and the rating change", () => {
    const last = recordsOfModel(
      plan([
        [null, "Shared custody", "C", "G", 100, 200, 300, 50, 0, 0, 50, 200, 300],
        ["S2", "Fleet review", "NC", "A", 40, 80, 80, 0, 0, 0, 40, 80, 80],
      ]),
      "q1.xlsx",
    );
    const current = recordsOfModel(
      plan([
        ["S2", "Fleet review", "NC", "R", 40, 80, 80, 0, 0, 0, 40, 80, 80],
        [null, "Shared custody", "C", "G", 50, 250, 300, 50, 0, 0, 0, 250, 300],
      ]),
      "q2.xlsx",
    );
    expect(current.unit).toBe("£k");
    expect(current.gains.map((g) => [g.name, [...g.profile]])).toEqual([
      [
        "Fleet review",
        [
          [2011, 40],
          [2012, 80],
          [2013, 80],
        ],
      ],
      [
        "Shared custody",
        [
          [2011, 0],
          [2012, 250],
          [2013, 300],
        ],
      ],
    ]);
    const c = compareReturns(last, current);
    expect(c.matchedByName).toEqual([{ lastId: null, id: null, name: "Shared custody" }]);
    expect(c.slipped.map((s) => [s.name, s.movedLater, s.firstYear])).toEqual([["Shared custody", 50, { last: 2011, current: 2012 }]]);
    expect(c.ratings.map((r) => [r.id, r.last.rag, r.current.rag])).toEqual([["S2", "A", "R"]]);
    expect(c.movements.map((m) => [m.name, m.net.change, m.riskAdjusted.change])).toEqual([
      ["Fleet review", 0, -40],
      ["Shared custody", 50, 50],
    ]);
  });
});
