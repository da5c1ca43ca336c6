/**
 * Where a rule's documentation lives. The build renders docs/rules/*.md to HTML pages next to the
 * pages (dist/docs/rules/<id>.html), so the link is same-origin, works offline, sends nothing anywhere
 * and shows a formatted page rather than raw Markdown.
 */
const RULE_DOCS_BASE = "./";

/** "docs/rules/iii.net-recomputes.md" or a bare rule id -> the rendered page's URL, relative to the page. */
export function ruleDocUrl(docPathOrRuleId: string): string {
  const markdown = docPathOrRuleId.endsWith(".md") ? docPathOrRuleId.replace(/^\.?\//, "") : `docs/rules/${docPathOrRuleId}.md`;
  const page = markdown.replace(/\.md$/, ".html");
  return RULE_DOCS_BASE + page.split("/").map(encodeURIComponent).join("/");
}
