"use strict";
/**
 * Renders the documentation (docs/**\/*.md, the rule pages among them) to HTML at build time, so the
 * pane's "About rule ..." link, the standalone page and the built site (dist/docs/) show formatted
 * pages instead of raw Markdown. webpack.config.js calls it for every page it copies.
 *
 * markdown-it: CommonMark with GitHub's tables built in, maintained since 2014, and raw HTML in the
 * Markdown is escaped (html: false) and javascript: links refused, so a page can never carry a script.
 * The pages have no script at all and a Content-Security-Policy that allows none; their one stylesheet
 * is a file beside them (docs/docs.css), as the CSP asks.
 */
const path = require("path");
const MarkdownIt = require("markdown-it");

/** The stylesheet every page links to, relative to dist/. */
const STYLESHEET = "docs/docs.css";

const PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

/** GitHub's heading anchors ("## Deploying for your organisation" -> #deploying-for-your-organisation), so fragment links work. */
function slug(text) {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/** A link to another Markdown page of the docs, as the same page rendered: "x.md#a" -> "x.html#a", README.md -> index.html. */
function rewriteHref(href) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//") || href.startsWith("#")) return href;
  const match = /^([^?#]*?)([^/?#]+)\.md([?#].*)?$/i.exec(href);
  if (!match) return href;
  const [, folder, name, rest = ""] = match;
  return `${folder}${name.toLowerCase() === "readme" ? "index" : name}.html${rest}`;
}

/** Where a docs page goes in dist/: docs/rules/README.md -> docs/rules/index.html. */
function htmlPathFor(relativeMarkdownPath) {
  const posix = relativeMarkdownPath.split(path.sep).join("/");
  return rewriteHref(posix);
}

function createRenderer() {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.core.ruler.push("vfm_heading_ids", (state) => {
    const seen = new Map();
    state.tokens.forEach((token, index) => {
      if (token.type !== "heading_open") return;
      const base = slug(state.tokens[index + 1].content) || "section";
      const count = seen.get(base) || 0;
      seen.set(base, count + 1);
      token.attrSet("id", count ? `${base}-${count}` : base);
    });
  });
  const defaultLinkOpen = md.renderer.rules.link_open || ((tokens, idx, options, env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const href = token.attrGet("href");
    if (href !== null) token.attrSet("href", rewriteHref(href));
    if (href && /^https?:/i.test(href)) token.attrSet("rel", "noopener noreferrer");
    return defaultLinkOpen(tokens, idx, options, env, self);
  };
  // Wide tables scroll on their own at 320 px instead of widening the page.
  md.renderer.rules.table_open = () => '<div class="table-wrap"><table>\n';
  md.renderer.rules.table_close = () => "</table></div>\n";
  return md;
}

let renderer = null;

/**
 * One docs page as a complete HTML document.
 * @param {string} markdown the page's Markdown
 * @param {string} relativeMarkdownPath its path under the repository, e.g. "docs/rules/iii.net-recomputes.md"
 */
function renderDocPage(markdown, relativeMarkdownPath) {
  renderer = renderer || createRenderer();
  const posix = relativeMarkdownPath.split(path.sep).join("/");
  const tokens = renderer.parse(markdown, {});
  const h1 = tokens.findIndex((token) => token.type === "heading_open" && token.tag === "h1");
  const heading = h1 >= 0 ? tokens[h1 + 1].content : path.posix.basename(posix, ".md");
  const depth = posix.split("/").length - 1;
  const toRoot = "../".repeat(depth);
  const inRules = posix.startsWith("docs/rules/");
  const isIndex = /\/readme\.md$/i.test(posix);
  const nav = inRules && !isIndex ? `<nav><a href="index.html">All rules, by principle</a></nav>\n` : "";
  // A key/value table written with an empty header row ("| | |") has no header to show or announce.
  const body = renderer.renderer.render(tokens, renderer.options, {}).replace(/<thead>\n<tr>\n(?:<th><\/th>\n)+<\/tr>\n<\/thead>\n/g, "");
  return [
    "<!doctype html>",
    '<html lang="en-GB">',
    "<head>",
    '<meta charset="utf-8" />',
    `<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}" />`,
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    `<title>${escapeHtml(plainText(heading))} – VfM Checker</title>`,
    `<link rel="stylesheet" href="${toRoot}${STYLESHEET}" />`,
    "</head>",
    "<body>",
    "<main>",
    nav + body.trimEnd(),
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/** A heading's text without Markdown code marks, for the <title>. */
function plainText(inline) {
  return inline.replace(/`([^`]*)`/g, "$1").replace(/\*\*?([^*]+)\*\*?/g, "$1");
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

module.exports = { renderDocPage, htmlPathFor, rewriteHref, slug, STYLESHEET, PAGE_CSP };
