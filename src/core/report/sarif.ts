/**
 * SARIF 2.1.0 output of `vfm validate`, for code-scanning tools (GitHub code scanning, Azure DevOps,
 * VS Code SARIF viewer). One run for all files. Each result is located three ways: the file
 * (artifactLocation), the cell as a region (startLine/startColumn are the cell's row and column
 * numbers, since a workbook has no text lines), and "Sheet!A1" as a logical location and in properties.
 */
import type { Finding, PrincipleKey, Severity, ValidationReport } from "../validate/types";
import { cellRegion, formatCellRef } from "./location";
import { principleLabel, type RuleCatalogue, type RuleInfo } from "./rule-info";
import { CONTEXT_MESSAGES, sarifArguments, sarifMessageString } from "../validate/messages";

export interface SarifTool {
  name: string;
  version: string;
  /** Absolute URI of the tool's home page or documentation. */
  informationUri?: string;
  /**
   * Absolute URI that rule documentation paths (catalogue.docPath) are resolved against, ending in "/",
   * e.g. "https://example.org/vfm/" or "file:///opt/vfm/". Without it helpUri is left out.
   */
  docBaseUri?: string;
}

interface UnreadableFile {
  file: string;
  reason: string;
}

export interface SarifOptions {
  /** Absolute file: URI of the directory relative paths are relative to, ending in "/". */
  srcRoot?: string;
  /** Files that could not be read: recorded as tool execution notifications. */
  unreadable?: readonly UnreadableFile[];
}

const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const SRCROOT = "%SRCROOT%";

type SarifLevel = "error" | "warning" | "note";
const LEVEL: Record<Severity, SarifLevel> = { error: "error", warning: "warning", info: "note" };

/** A URI reference for a path as given on the command line: relative paths stay relative. */
export function pathToUri(path: string): { uri: string; relative: boolean } {
  const slashed = path.replace(/\\/g, "/");
  const encode = (p: string) =>
    p
      .split("/")
      .map((segment) => encodeURIComponent(segment))
      .join("/");
  if (/^[A-Za-z]:\//.test(slashed)) return { uri: `file:///${slashed.slice(0, 2)}${encode(slashed.slice(2))}`, relative: false };
  if (slashed.startsWith("/")) return { uri: `file://${encode(slashed)}`, relative: false };
  return { uri: encode(slashed.replace(/^\.\//, "")), relative: true };
}

/** "iii.net-recomputes" -> "NetRecomputes": SARIF's identifier-like rule name. */
export function ruleName(id: string): string {
  const tail = id.includes(".") ? id.slice(id.indexOf(".") + 1) : id;
  return tail
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join("");
}

/** A short stable hash (FNV-1a, 32 bit, hex) so a finding keeps its identity between runs. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

function sarifRule(rule: RuleInfo, catalogue: RuleCatalogue, tool: SarifTool) {
  const docPath = catalogue.docPath(rule.id);
  const helpUri = tool.docBaseUri ? new URL(docPath, tool.docBaseUri).href : undefined;
  const principle = `${principleLabel(rule.principle)} ${catalogue.principleTitle(rule.principle)}`;
  const markdown = [
    `**How to fix:** ${rule.fix}`,
    "",
    `**Why it matters:** ${rule.why}`,
    "",
    `**Principle:** ${principle}`,
    ...(rule.judgement ? ["", `**Our judgement:** ${rule.judgement}`] : []),
    ...(helpUri ? ["", `[Rule documentation](${helpUri})`] : []),
  ].join("\n");
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.why },
    help: { text: rule.fix, markdown },
    ...(rule.messages ? { messageStrings: messageStrings(rule.messages) } : {}),
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      principle: rule.principle,
      principleTitle: catalogue.principleTitle(rule.principle),
      tags: ["vfm", `principle-${rule.principle}`],
      ...(rule.judgement ? { judgement: rule.judgement } : {}),
    },
  };
}

/** A rule's messages (and the context's missing-table and missing-column ones) as SARIF multiformat message strings. */
function messageStrings(messages: Readonly<Record<string, string>>): Record<string, { text: string }> {
  const all: Record<string, string> = { ...messages, ...CONTEXT_MESSAGES };
  return Object.fromEntries(Object.entries(all).map(([id, template]) => [id, { text: sarifMessageString(template) }]));
}

/** The result's message: the text as reported, and the message id with its arguments where the rule declares it. */
function resultMessage(finding: Finding, where: string, rule: RuleInfo | undefined) {
  const text = where ? `${finding.message} (${where})` : finding.message;
  const template = finding.messageId === undefined ? undefined : { ...rule?.messages, ...CONTEXT_MESSAGES }[finding.messageId];
  if (template === undefined || finding.messageId === undefined) return { text };
  return { text, id: finding.messageId, arguments: sarifArguments(template, finding.data ?? {}) };
}

function artifactLocation(file: string, index: number) {
  const { uri, relative } = pathToUri(file);
  return relative ? { uri, uriBaseId: SRCROOT, index } : { uri, index };
}

function sarifResult(finding: Finding, file: string, artifactIndex: number, ruleIndex: number, rule: RuleInfo | undefined) {
  const where = formatCellRef(finding.sheet, finding.cell);
  const region = finding.cell !== null ? cellRegion(finding.cell) : null;
  const physicalLocation = {
    artifactLocation: artifactLocation(file, artifactIndex),
    ...(region
      ? {
          region: {
            startLine: region.startRow,
            startColumn: region.startColumn,
            endLine: region.endRow,
            // SARIF's endColumn is the column after the region.
            endColumn: region.endColumn + 1,
            message: { text: `Sheet ${finding.sheet}, ${finding.cell!.includes(":") ? "cells" : "cell"} ${finding.cell}` },
          },
        }
      : {}),
  };
  return {
    ruleId: finding.rule,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: LEVEL[finding.severity],
    message: resultMessage(finding, where, rule),
    locations: [
      {
        physicalLocation,
        ...(where ? { logicalLocations: [{ name: where, fullyQualifiedName: where }] } : {}),
      },
    ],
    partialFingerprints: { "vfmFinding/v1": fingerprint(`${finding.rule}|${finding.sheet ?? ""}|${finding.cell ?? ""}`) },
    properties: { principle: finding.principle, sheet: finding.sheet, cell: finding.cell },
  };
}

/**
 * A principle whose evidence was not found is not a result (nothing was found wrong in the workbook)
 * but a part of the analysis that could not be done: SARIF's tool execution notification, level
 * "warning" ("analysis may be incomplete"), one per principle and file, with the principle and the
 * tables looked for in its properties. Code-scanning tools show these beside the run (GitHub's tool
 * status page), so a clean result list cannot be taken for a pass.
 */
const NOT_CHECKED_NOTIFICATION = {
  id: "vfm/principle-not-checked",
  name: "PrincipleNotChecked",
  shortDescription: { text: "A principle was not checked: its evidence (tables) was not found in the workbook" },
  defaultConfiguration: { level: "warning" as const },
};

function notCheckedNotifications(report: ValidationReport, artifactIndex: number) {
  return Object.entries(report.summary.notChecked ?? {}).map(([principle, why]) => ({
    level: "warning" as const,
    descriptor: { id: NOT_CHECKED_NOTIFICATION.id, index: 0 },
    message: { text: `${report.file}: principle ${principleLabel(principle as PrincipleKey)} not checked: ${why.reason}` },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(report.file, artifactIndex) } }],
    properties: { principle, tables: why.tables },
  }));
}

/** The SARIF log object (serialise it with JSON.stringify). */
export function toSarif(reports: readonly ValidationReport[], catalogue: RuleCatalogue, tool: SarifTool, options: SarifOptions = {}) {
  const rules = catalogue.rules.map((rule) => sarifRule(rule, catalogue, tool));
  const ruleIndex = new Map(catalogue.rules.map((rule, index) => [rule.id, index] as const));
  const unreadable = options.unreadable ?? [];
  const files = [...reports.map((r) => r.file), ...unreadable.map((u) => u.file)];
  const artifacts = files.map((file, index) => {
    const { uri, relative } = pathToUri(file);
    const report = index < reports.length ? reports[index] : null;
    return {
      location: relative ? { uri, uriBaseId: SRCROOT } : { uri },
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      ...(report ? { properties: { reportingDate: report.reportingDate, summary: report.summary } } : {}),
    };
  });
  const results = reports.flatMap((report, artifactIndex) =>
    report.findings.map((finding) => {
      const index = ruleIndex.get(finding.rule) ?? -1;
      return sarifResult(finding, report.file, artifactIndex, index, index >= 0 ? catalogue.rules[index] : undefined);
    }),
  );
  const notifications = [
    ...unreadable.map((u, i) => ({
      level: "error" as const,
      message: { text: `${u.file}: ${u.reason}` },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(u.file, reports.length + i) } }],
    })),
    ...reports.flatMap((report, artifactIndex) => notCheckedNotifications(report, artifactIndex)),
  ];
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0" as const,
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            semanticVersion: tool.version,
            ...(tool.informationUri ? { informationUri: tool.informationUri } : {}),
            rules,
            notifications: [NOT_CHECKED_NOTIFICATION],
          },
        },
        ...(options.srcRoot ? { originalUriBaseIds: { [SRCROOT]: { uri: options.srcRoot } } } : {}),
        artifacts,
        invocations: [{ executionSuccessful: unreadable.length === 0, toolExecutionNotifications: notifications }],
        results,
      },
    ],
  };
}
