import { createRuleCatalogue, pathToUri, ruleName, toSarif } from "../../../src/core/report/index";
import { PRINCIPLE_TITLES, RULES, validateWorkbook } from "../../../src/core/validate";
import { cleanWith } from "../validate/fixtures";
import { CATALOGUE, report } from "./fixtures";

const TOOL = { name: "vfm", version: "0.1.0", informationUri: "https://example.org/vfm", docBaseUri: "https://example.org/vfm/" };

describe("SARIF 2.1.0", () => {
  const log = toSarif([report()], CATALOGUE, TOOL, {
    srcRoot: "file:///work/",
    unreadable: [{ file: "broken.xlsx", reason: "This file is empty." }],
  });
  const run = log.runs[0];

  it("has the log structure: schema, version, one run with a tool driver", () => {
    expect(log.$schema).toBe("https://json.schemastore.org/sarif-2.1.0.json");
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver.name).toBe("vfm");
    expect(run.tool.driver.version).toBe("0.1.0");
    expect(run.tool.driver.informationUri).toBe("https://example.org/vfm");
    expect(run.originalUriBaseIds).toEqual({ "%SRCROOT%": { uri: "file:///work/" } });
  });

  it("carries every rule with its title, why, how to fix, documentation and level", () => {
    const rules = run.tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual(CATALOGUE.rules.map((r) => r.id));
    const net = rules[0];
    expect(net.name).toBe("NetRecomputes");
    expect(net.shortDescription).toEqual({ text: "Net gain recomputes" });
    expect(net.fullDescription).toEqual({ text: "Principle (iii) says gains are net of cost." });
    expect(net.help.text).toBe("Make Net gain a formula: Gross gain - Costs.");
    expect(net.help.markdown).toContain("**How to fix:** Make Net gain a formula");
    expect(net.help.markdown).toContain("**Why it matters:**");
    expect(net.helpUri).toBe("https://example.org/vfm/docs/rules/iii.net-recomputes.md");
    expect(net.defaultConfiguration).toEqual({ level: "error" });
    expect(rules[1].defaultConfiguration.level).toBe("warning");
    expect(rules[2].defaultConfiguration.level).toBe("note");
    expect(rules[1].properties).toMatchObject({ principle: "iv", judgement: "Materiality is our judgement." });
  });

  it("locates each result at file, sheet and cell", () => {
    expect(run.results).toHaveLength(3);
    const [error, warning, info] = run.results;
    expect(error.ruleId).toBe("iii.net-recomputes");
    expect(error.ruleIndex).toBe(0);
    expect(error.level).toBe("error");
    expect(error.message.text).toBe("Net gain 450 does not equal gross 500 - costs 80 (420). (Gains!K7)");
    const location = error.locations[0];
    expect(location.physicalLocation.artifactLocation).toEqual({ uri: "returns/force%20a.xlsx", uriBaseId: "%SRCROOT%", index: 0 });
    expect(location.physicalLocation.region).toEqual({
      startLine: 7,
      startColumn: 11,
      endLine: 7,
      endColumn: 12,
      message: { text: "Sheet Gains, cell K7" },
    });
    expect(location.logicalLocations).toEqual([{ name: "Gains!K7", fullyQualifiedName: "Gains!K7" }]);
    expect(error.properties).toEqual({ principle: "iii", sheet: "Gains", cell: "K7" });
    expect(error.partialFingerprints["vfmFinding/v1"]).toMatch(/^[0-9a-f]{8}$/);
    expect(warning.level).toBe("warning");
    expect(warning.locations[0].physicalLocation.region).toMatchObject({ startLine: 4, endLine: 9, startColumn: 1, endColumn: 2 });
    expect(warning.locations[0].logicalLocations![0].name).toBe("'My gains'!A4:A9");
    expect(info.level).toBe("note");
    expect(info.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "returns/force%20a.xlsx", uriBaseId: "%SRCROOT%", index: 0 },
    });
    expect(info.locations[0].logicalLocations).toBeUndefined();
  });

  it("lists the files as artifacts and the unreadable ones as failed-execution notifications", () => {
    expect(run.artifacts.map((a) => a.location.uri)).toEqual(["returns/force%20a.xlsx", "broken.xlsx"]);
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications).toEqual([
      {
        level: "error",
        message: { text: "broken.xlsx: This file is empty." },
        locations: [{ physicalLocation: { artifactLocation: { uri: "broken.xlsx", uriBaseId: "%SRCROOT%", index: 1 } } }],
      },
    ]);
  });

  it("states each principle not checked as a warning-level tool execution notification, not a result", () => {
    const principles = { ...report().summary.principles, vi: "not-checked" as const };
    const vi = { tables: ["Quarterly"], reason: "No Quarterly table was found on the 4 sheets looked at." };
    const partial = report({ summary: { ...report().summary, principles, notChecked: { vi } } });
    const sarif = toSarif([partial], CATALOGUE, TOOL).runs[0];
    expect(sarif.tool.driver.notifications).toEqual([
      {
        id: "vfm/principle-not-checked",
        name: "PrincipleNotChecked",
        shortDescription: { text: expect.stringContaining("not checked") },
        defaultConfiguration: { level: "warning" },
      },
    ]);
    expect(sarif.invocations[0].toolExecutionNotifications).toEqual([
      {
        level: "warning",
        descriptor: { id: "vfm/principle-not-checked", index: 0 },
        message: { text: "returns/force a.xlsx: principle (vi) not checked: No Quarterly table was found on the 4 sheets looked at." },
        locations: [{ physicalLocation: { artifactLocation: { uri: "returns/force%20a.xlsx", uriBaseId: "%SRCROOT%", index: 0 } } }],
        properties: { principle: "vi", tables: ["Quarterly"] },
      },
    ]);
    // The analysis ran: a principle not checked is said, not a failed execution; the results are the findings alone.
    expect(sarif.invocations[0].executionSuccessful).toBe(true);
    expect(sarif.results).toHaveLength(3);
    expect(sarif.artifacts[0].properties!.summary.principles.vi).toBe("not-checked");
  });

  it("leaves helpUri out without a documentation base and survives serialisation", () => {
    const bare = toSarif([report()], CATALOGUE, { name: "vfm", version: "0.1.0" });
    expect("helpUri" in bare.runs[0].tool.driver.rules[0]).toBe(false);
    expect(bare.runs[0].invocations[0].executionSuccessful).toBe(true);
    expect(JSON.parse(JSON.stringify(bare))).toEqual(bare);
  });
});

describe("pathToUri and ruleName", () => {
  it("keeps relative paths relative and encodes what a URI cannot hold", () => {
    expect(pathToUri("returns/Q3 #2.xlsx")).toEqual({ uri: "returns/Q3%20%232.xlsx", relative: true });
    expect(pathToUri("./a.xlsx")).toEqual({ uri: "a.xlsx", relative: true });
    expect(pathToUri("/tmp/a b.xlsx")).toEqual({ uri: "file:///tmp/a%20b.xlsx", relative: false });
    expect(pathToUri("C:\\Returns\\a.xlsx")).toEqual({ uri: "file:///C:/Returns/a.xlsx", relative: false });
  });
  it("makes identifier-like rule names", () => {
    expect(ruleName("viii.risk-adjusted-recomputes")).toBe("RiskAdjustedRecomputes");
  });
});

describe("SARIF structured messages (#13)", () => {
  const catalogue = createRuleCatalogue(RULES, PRINCIPLE_TITLES, (id) => `docs/rules/${id}.md`);
  const validation = validateWorkbook(cleanWith({ "Gains!J2": null, "Gains!K3": 1 }), { file: "t.xlsx" });
  const run = toSarif([validation], catalogue, TOOL).runs[0];

  it("gives each rule its message strings, placeholders numbered", () => {
    const costs = run.tool.driver.rules.find((r) => r.id === "iii.costs-present")!;
    expect(costs.messageStrings).toMatchObject({
      blank: { text: "{0} has no costs figure: enter 0 if there were no costs." },
      notNumber: { text: "{0} has costs of {1}." },
    });
    expect(costs.messageStrings?.missingColumn.text).toContain("{0} table on sheet");
  });

  it("gives each result its message id and arguments, which fill the message string to the reported text", () => {
    expect(run.results.length).toBeGreaterThan(1);
    for (const result of run.results) {
      const rule = run.tool.driver.rules[result.ruleIndex!];
      const message = result.message as { text: string; id?: string; arguments?: string[] };
      expect(message.id).toBeDefined();
      const filled = rule
        .messageStrings![message.id!].text.replace(/\{(\d+)\}/g, (_, i: string) => message.arguments![Number(i)])
        .replace(/\{\{|\}\}/g, (b) => b[0]);
      expect(message.text.startsWith(filled)).toBe(true);
    }
  });
});
