/**
 * Writes docs/rules/<id>.md for every validator rule and docs/rules/README.md (the index by principle,
 * with the Settings keys and their defaults), all generated from the rule modules so the pages cannot
 * drift from the code. A test regenerates them in memory and compares. Run: npm run docs:rules
 */
import * as fs from "fs";
import * as path from "path";
import { PRINCIPLE_TITLES, PRINCIPLES, RULES, SETTING_DOCS, type PrincipleKey, type Rule, type SettingKey } from "../src/core/validate";
import { HEADER_SEARCH_ROWS } from "../src/core/validate/discovery";

const SEVERITY_MEANING = {
  error: "the claim does not meet the principle",
  warning: "evidence is missing or weak",
  info: "for information; it does not change the principle's status",
} as const;

function principleName(p: PrincipleKey): string {
  return p === "method" ? "Method" : `(${p})`;
}

function settingName(key: SettingKey): string {
  return SETTING_DOCS.find((d) => d.key === key)!.name;
}

export function renderRulePage(rule: Rule): string {
  const lines: string[] = [];
  lines.push(`# ${rule.id}: ${rule.title}`, "");
  lines.push("| | |", "|---|---|");
  lines.push(`| Principle | ${principleName(rule.principle)} ${PRINCIPLE_TITLES[rule.principle]} |`);
  lines.push(`| Severity | ${rule.severity}: ${SEVERITY_MEANING[rule.severity]} |`);
  lines.push(`| Our judgement | ${rule.judgement ? "yes (see below)" : "no: this is what the regime asks"} |`);
  const settings = rule.settings ?? [];
  lines.push(`| Settings that change it | ${settings.length ? settings.map(settingName).join(", ") : "none"} |`);
  lines.push("");
  lines.push("## What it checks", "", rule.checks ?? `${rule.title}.`, "");
  lines.push("## Why it matters", "", rule.why, "");
  lines.push("## How to fix", "", rule.fix, "");
  lines.push("## Example", "", `- Reported: ${rule.example.failing}`, `- Passes: ${rule.example.passing}`, "");
  if (rule.judgement) lines.push("## Our judgement", "", rule.judgement, "");
  if (settings.length) {
    lines.push("## Settings", "", "| Key in the Settings table | Default | Why |", "|---|---|---|");
    for (const key of settings) {
      const doc = SETTING_DOCS.find((d) => d.key === key)!;
      lines.push(`| ${doc.name} | ${doc.defaultText} | ${doc.why} |`);
    }
    lines.push("");
  }
  lines.push(
    "## Messages",
    "",
    "What a finding of this rule says. The id is the finding's `messageId` in JSON and SARIF; each {{name}} is filled from the workbook (the finding's `data`).",
    "",
  );
  for (const [id, template] of Object.entries(rule.messages)) lines.push(`- \`${id}\`: ${template}`);
  lines.push("");
  lines.push("[All rules](README.md)", "");
  return lines.join("\n");
}

export function renderIndex(): string {
  const lines: string[] = [];
  lines.push(
    "# Validator rules",
    "",
    "The validator checks a VfM workbook against the nine measurement principles of the Home Office CSR07 Value for Money Delivery Agreement, plus method rules from the same regimes (SR2004, NI 179, HM Treasury conventions). Each finding names its rule, a severity, the sheet and cell, and a message with the actual values.",
    "",
    "Severities: **error**, the claim does not meet the principle (the principle fails); **warning**, evidence is missing or weak (the principle is marked warn); **info**, for information only.",
    "",
    'These pages are generated from the rule modules by `npm run docs:rules`; do not edit them by hand. Each page lists the rule\'s messages by id: a finding in JSON carries its `messageId` and `data` (the values of the message\'s placeholders) beside the `message` text, and SARIF carries the same as `message.id` and `message.arguments` with the rule\'s `messageStrings`. Any rule can also report a missing table (`missingTable`: "No {{table}} table found: ...") or a missing column (`missingColumn`: "The {{table}} table on sheet ... has no ... column").',
    "",
  );
  for (const p of PRINCIPLES) {
    const rules = RULES.filter((r) => r.principle === p);
    lines.push(`## ${principleName(p)} ${PRINCIPLE_TITLES[p]}`, "", "| Rule | Severity | Checks |", "|---|---|---|");
    for (const rule of rules)
      lines.push(`| [${rule.id}](${rule.id}.md) | ${rule.severity} | ${rule.title}${rule.judgement ? " (our judgement)" : ""} |`);
    lines.push("");
  }
  lines.push(
    "## Settings",
    "",
    "A Settings table (a sheet or Excel table named Settings, with Key and Value columns) tunes the check. Every key is optional; without it the default applies, and without any Settings table the check says the defaults were used.",
    "",
    "| Key | Also accepted | Default | Why |",
    "|---|---|---|---|",
  );
  for (const doc of SETTING_DOCS) lines.push(`| ${doc.name} | ${doc.aliases.join(", ") || "-"} | ${doc.defaultText} | ${doc.why} |`);
  lines.push(
    "",
    "## How the workbook is read",
    "",
    `- Each table is found as an Excel table with its name (any case, \`tbl\` prefix allowed, e.g. \`tblGains\`), then a defined name, then a sheet with its name or a synonym. On a sheet or named range the header row is the first of the first ${HEADER_SEARCH_ROWS} rows that holds at least two recognised column headers, so a title above the table is fine. A defined name whose range holds no such header row (a named total such as \`Baseline\` = one cell) is passed over for a sheet of that name.`,
    '- Headers are matched ignoring case, punctuation, extra spaces and units in brackets: "Gross gain (£m)" is the Gross gain column in £m.',
    '- Amounts are in £, £k, £m or £bn ([the workbook specification](../spec/workbook.md) names the first three; £bn is ours, for departmental returns): the unit comes from the column header, such as "(£m)", "£ billion" or "(£\'000)", else the Settings Unit (default £). The register\'s unit is that of its Gross gain column; amounts compared with it are converted, and a different unit is reported (method.mixed-units).',
    "- Blank rows are skipped. A row labelled Total, Totals or Grand total (or an Excel table's totals row) is a total, not a gain; principle (viii) checks it.",
    "- Money comparisons allow the Tolerance (half a penny by default). Net and risk-adjusted gains, the target, unit costs and sums are recomputed with the same exact-decimal core as VFM.NETGAIN and VFM.TARGET.",
    "- Profile values are taken as each year's current prices (each year's money); the register's money columns are taken to be in the prices of their stated price base.",
    "- Progress is the sum of the risk-adjusted net gains of cashable gains, leaving out any gain flagged as a service reduction, against VFM.TARGET of the baseline total at the Settings rate, years and method, in the register's unit.",
    "",
  );
  return lines.join("\n");
}

/** Every generated file: path relative to the repository root -> content. */
export function renderRuleDocs(): Map<string, string> {
  const files = new Map<string, string>();
  files.set("docs/rules/README.md", renderIndex());
  for (const rule of RULES) files.set(`docs/rules/${rule.id}.md`, renderRulePage(rule));
  return files;
}

function main(): void {
  const root = process.cwd();
  const dir = path.join(root, "docs", "rules");
  fs.mkdirSync(dir, { recursive: true });
  const files = renderRuleDocs();
  // Pages of rules that no longer exist are removed so the folder matches the code.
  for (const name of fs.readdirSync(dir)) {
    if (name.endsWith(".md") && !files.has(`docs/rules/${name}`)) fs.unlinkSync(path.join(dir, name));
  }
  for (const [file, content] of files) fs.writeFileSync(path.join(root, file), content);
  process.stdout.write(`Wrote ${files.size} files to docs/rules\n`);
}

if (require.main === module) main();
