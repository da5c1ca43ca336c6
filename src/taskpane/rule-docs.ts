/**
 * Where a rule's documentation lives. The build copies docs/rules/*.md next to the pages
 * (dist/docs/rules/), so the link is same-origin, works offline and sends nothing anywhere.
 */
export const RULE_DOCS_BASE = "./";

/** "docs/rules/iii.net-recomputes.md" or a bare rule id -> a URL relative to the page. */
export function ruleDocUrl(docPathOrRuleId: string): string {
  const path = docPathOrRuleId.endsWith(".md") ? docPathOrRuleId.replace(/^\.?\//, "") : `docs/rules/${docPathOrRuleId}.md`;
  return RULE_DOCS_BASE + path.split("/").map(encodeURIComponent).join("/");
}
