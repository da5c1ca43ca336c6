/**
 * The docs rendered to HTML at build time (scripts/render-docs.js, #11): the pane's "About rule ..."
 * opens a formatted page, links between pages work, and no page can carry a script.
 */
import * as fs from "fs";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain Node script used by webpack.config.js
const docs = require("../../scripts/render-docs.js") as {
  renderDocPage(markdown: string, relativePath: string): string;
  htmlPathFor(relativePath: string): string;
  rewriteHref(href: string): string;
  PAGE_CSP: string;
};

const ROOT = path.resolve(__dirname, "../..");

describe("rendering a docs page", () => {
  const rulePath = "docs/rules/iii.net-recomputes.md";
  const html = docs.renderDocPage(fs.readFileSync(path.join(ROOT, rulePath), "utf8"), rulePath);

  test("is formatted HTML, not Markdown", () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<h2 id="what-it-checks">What it checks</h2>');
    expect(html).toContain("<td>Principle</td>");
    expect(html).not.toMatch(/^## |\| --- \||\|---\|/m);
    expect(html).toContain("<title>iii.net-recomputes: Net gain equals gross gain minus costs – VfM Checker</title>");
    // The key/value table has no empty header row to announce.
    expect(html).not.toContain("<th></th>");
  });

  test("carries a Content-Security-Policy that allows no script, and its stylesheet from the site", () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${docs.PAGE_CSP}" />`);
    expect(docs.PAGE_CSP).toMatch(/default-src 'none'/);
    expect(docs.PAGE_CSP).not.toMatch(/script-src/);
    expect(html).not.toMatch(/<script|style="/i);
    expect(html).toContain('<link rel="stylesheet" href="../../docs/docs.css" />');
  });

  test("escapes raw HTML and refuses javascript: links, whatever the Markdown says", () => {
    const hostile = docs.renderDocPage('# T\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror="alert(1)">', "docs/x.md");
    expect(hostile).not.toMatch(/<script>|<img|href="javascript:/i);
    expect(hostile).toContain("&lt;script&gt;");
  });

  test("links to other pages go to their rendered HTML", () => {
    expect(docs.rewriteHref("ii.gain-id.md")).toBe("ii.gain-id.html");
    expect(docs.rewriteHref("README.md")).toBe("index.html");
    expect(docs.rewriteHref("rules/README.md#method")).toBe("rules/index.html#method");
    expect(docs.rewriteHref("#deploying-for-your-organisation")).toBe("#deploying-for-your-organisation");
    expect(docs.rewriteHref("https://example.org/a.md")).toBe("https://example.org/a.md");
    expect(docs.htmlPathFor(path.join("docs", "rules", "README.md"))).toBe("docs/rules/index.html");
    expect(html).toContain('<a href="index.html">All rules, by principle</a>');
  });

  test("headings get GitHub's anchors, so fragment links work", () => {
    const page = docs.renderDocPage("# Sideloading\n\n## Deploying for your organisation\n\n## Notes\n\n## Notes\n", "docs/s.md");
    expect(page).toContain('<h2 id="deploying-for-your-organisation">');
    expect(page).toContain('<h2 id="notes-1">');
  });
});

const DIST = path.join(ROOT, "dist");
// Skipped only without a build at all (npm test builds first), never because the docs are missing from it.
const built = fs.existsSync(path.join(DIST, "manifest.xml"));
(built ? describe : describe.skip)("the built site's docs (dist/docs)", () => {
  const pages = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? pages(full) : entry.name.endsWith(".html") ? [full] : [];
    });

  test("every docs page and every rule page is there as HTML, and no Markdown is served raw", () => {
    const sources = fs.readdirSync(path.join(ROOT, "docs", "rules")).filter((name) => name.endsWith(".md"));
    for (const name of sources) expect(fs.existsSync(path.join(DIST, docs.htmlPathFor(path.join("docs", "rules", name))))).toBe(true);
    expect(fs.existsSync(path.join(DIST, "docs", "pane.html"))).toBe(true);
    expect(fs.existsSync(path.join(DIST, "docs", "docs.css"))).toBe(true);
    expect(fs.readdirSync(path.join(DIST, "docs", "rules")).filter((name) => name.endsWith(".md"))).toEqual([]);
  });

  test("every link between the pages resolves, fragments included", () => {
    const broken: string[] = [];
    for (const file of pages(path.join(DIST, "docs"))) {
      const html = fs.readFileSync(file, "utf8");
      expect(html).not.toMatch(/<script/i);
      for (const [, href] of html.matchAll(/<a href="([^"]+)"/g)) {
        if (/^[a-z]+:/i.test(href)) continue;
        const [target, fragment] = href.split("#");
        const resolved = target ? path.resolve(path.dirname(file), decodeURIComponent(target)) : file;
        if (!fs.existsSync(resolved)) broken.push(`${path.relative(DIST, file)} -> ${href}`);
        else if (fragment && !fs.readFileSync(resolved, "utf8").includes(`id="${fragment}"`)) broken.push(`${path.relative(DIST, file)} -> ${href} (no such anchor)`);
      }
    }
    expect(broken).toEqual([]);
  });
});
