/** `vfm inspect`: what the check found, as text and JSON, in process. */
import { main } from "../../src/cli/main";
import { memoryIO } from "./io-support";

const WESTMERE = "test/fixtures/real-layouts/westmere-police-savings-plan-seeded.xlsx";

async function run(...args: string[]) {
  const io = memoryIO();
  const status = await main(["inspect", ...args], io);
  return { status, out: io.out, err: io.err };
}

describe("vfm inspect", () => {
  it("lists each table found with its sheet, range, how it was recognised and each column's header, role and unit", async () => {
    const { status, out, err } = await run(WESTMERE);
    expect({ status, err }).toEqual({ status: 0, err: "" });
    expect(out).toContain(
      "Sheets looked at (5): 'Savings Plan 2011-15', 'Revenue budget 2010-11', 'Board monitoring', Benchmarking, Lookups (hidden)",
    );
    expect(out).toContain("  Gains: 'Savings Plan 2011-15'!A7:Z22, 12 rows, 1 total row");
    expect(out).toMatch(/D {3}"C\/NC" +Type\n/);
    expect(out).toContain(`R   "Savings profile (£'000) / Net saving (£'000) / 2013/14" Net gain 2013-14 (the figure checked) (£k)\n`);
    expect(out).toContain("  Profile: 'Savings Plan 2011-15'!A7:Z22");
    expect(out).toContain("found by the per-year columns of the Gains register (4 years)");
    expect(out).toContain("title block: unit £k, cash prices, basis budget");
    expect(out).toContain("RAG weighting key: Lookups!A3:B5 (G 100%, A 50%, R 25%), used for deliverability");
    expect(out).toMatch(/Not found \(\d+\):/);
  });

  it("--format json gives the inspection as data", async () => {
    const { status, out } = await run(WESTMERE, "--format", "json");
    expect(status).toBe(0);
    const inspection = JSON.parse(out);
    const gains = inspection.tables.find((t: { table: string }) => t.table === "gains");
    expect(gains).toEqual(
      expect.objectContaining({
        sheet: "Savings Plan 2011-15",
        range: "A7:Z22",
        source: "content",
        confidence: "high",
        rows: 12,
        hidden: false,
      }),
    );
    expect(gains.columns).toContainEqual({ column: "T", header: "G/A/R", role: "Deliverability", unit: null });
    expect(inspection.sheets).toContainEqual({ name: "Lookups", visibility: "hidden", blocks: 1 });
    expect(inspection.ragKey).toEqual({ sheet: "Lookups", cell: "A3:B5", text: "G 100%, A 50%, R 25%" });
  });

  it("refuses a missing file in one line with exit status 2, and asks for a file", async () => {
    const missing = await run("no-such.xlsx");
    expect(missing.status).toBe(2);
    expect(missing.err.trim().split("\n")).toHaveLength(1);
    expect((await run()).status).toBe(2);
  });
});
