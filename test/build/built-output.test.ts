/**
 * The real build in dist/ (made by `npm run build`, which `npm test` runs first): the manifest check passes,
 * both pages carry their Content-Security-Policy, only the Excel pane loads office.js, no webpack eval
 * output, and the .xlsx reader is a chunk of its own that the Excel pane never loads.
 * Skipped when there is no dist/ (run `npm run build` first).
 */
import * as fs from "fs";
import * as path from "path";
import { checkBuild } from "../../scripts/check-manifest";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const built = fs.existsSync(path.join(DIST, "manifest.xml")) && fs.existsSync(path.join(DIST, "taskpane.html"));
const describeBuilt = built ? describe : describe.skip;

const read = (file: string) => fs.readFileSync(path.join(DIST, file), "utf8");

/** The Content-Security-Policy of a page's <meta http-equiv>, as directive -> sources. */
function contentSecurityPolicy(html: string): Map<string, string[]> {
  const match = /<meta\s+http-equiv="?Content-Security-Policy"?\s+content="([^"]*)"/i.exec(html);
  if (!match) throw new Error("no Content-Security-Policy meta tag");
  const policy = new Map<string, string[]>();
  for (const directive of match[1].split(";").map((part) => part.trim()).filter(Boolean)) {
    const [name, ...sources] = directive.split(/\s+/);
    policy.set(name, sources);
  }
  return policy;
}

/** Every <script> of a page: its src (or null) and whether it has inline code. */
function scripts(html: string): Array<{ src: string | null; inline: boolean }> {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].map((match) => {
    const src = /\bsrc=(?:"([^"]*)"|([^\s>]+))/i.exec(match[1]);
    return { src: src ? src[1] || src[2] : null, inline: match[2].trim().length > 0 };
  });
}

const jsFiles = () => fs.readdirSync(DIST).filter((file) => file.endsWith(".js"));

describeBuilt("the built add-in in dist/", () => {
  test("passes the offline manifest check", () => {
    const { problems } = checkBuild({ rootDir: ROOT, distDir: DIST });
    expect(problems).toEqual([]);
  });

  test("functions.json declares exactly NETGAIN, DEFLATE and TARGET", () => {
    const metadata = JSON.parse(read("functions.json")) as { functions: Array<{ id: string }> };
    expect(metadata.functions.map((fn) => fn.id).sort()).toEqual(["DEFLATE", "NETGAIN", "TARGET"]);
  });

  describe("taskpane.html (the Excel pane)", () => {
    const html = built ? read("taskpane.html") : "";

    test("has a Content-Security-Policy allowing only our scripts and Microsoft's Office CDN", () => {
      const policy = contentSecurityPolicy(html);
      expect(policy.get("default-src")).toEqual(["'self'"]);
      expect(policy.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
      expect(policy.get("connect-src")).toEqual(["'self'"]);
      expect(policy.get("object-src")).toEqual(["'none'"]);
      for (const sources of policy.values()) expect(sources).not.toContain("'unsafe-eval'");
    });

    test("loads office.js from the CDN first, then only local scripts, none inline", () => {
      const list = scripts(html);
      expect(list[0].src).toBe(OFFICE_JS);
      for (const script of list) expect(script.inline).toBe(false);
      for (const script of list.slice(1)) expect(script.src).not.toMatch(/^[a-z]+:|^\/\//i);
      expect(list.map((script) => script.src)).toContain("functions.js");
    });
  });

  describe("index.html (the standalone page)", () => {
    const html = built ? read("index.html") : "";

    test("has a Content-Security-Policy that keeps every request on this site", () => {
      const policy = contentSecurityPolicy(html);
      expect(policy.get("default-src")).toEqual(["'self'"]);
      expect(policy.get("script-src")).toEqual(["'self'"]);
      expect(policy.get("connect-src")).toEqual(["'self'"]);
      for (const sources of policy.values()) {
        expect(sources).not.toContain("'unsafe-eval'");
        for (const source of sources) expect(source).not.toMatch(/^https?:/);
      }
    });

    test("does not load office.js and has no inline script", () => {
      expect(html).not.toMatch(/office\.js|appsforoffice/i);
      const list = scripts(html);
      expect(list.length).toBeGreaterThan(0);
      for (const script of list) {
        expect(script.inline).toBe(false);
        expect(script.src).not.toMatch(/^[a-z]+:|^\/\//i);
      }
    });
  });

  test("no bundle carries webpack's eval-based module wrappers or its new Function fallback", () => {
    for (const file of jsFiles()) {
      const code = read(file);
      expect({ file, evalDevtool: /sourceURL=webpack|webpack-internal:\/\//.test(code) }).toEqual({ file, evalDevtool: false });
      expect({ file, functionFallback: code.includes('new Function("return this")') }).toEqual({ file, functionFallback: false });
    }
  });

  test("a production build ships no source maps", () => {
    const production = jsFiles().some((file) => /^taskpane\.[0-9a-f]{8}\.js$/.test(file));
    const maps = fs.readdirSync(DIST).filter((file) => file.endsWith(".map"));
    if (production) expect(maps).toEqual([]);
    else expect(maps.length).toBeGreaterThan(0); // a development build (npm start) maps to files, never eval
  });

  test("the .xlsx reader is its own chunk, fetched on demand: never at the Excel pane's start-up", () => {
    const readerChunks = jsFiles().filter((file) => file.startsWith("xlsx-reader"));
    expect(readerChunks).toHaveLength(1);
    const taskpaneScripts = scripts(read("taskpane.html")).map((script) => script.src as string);
    const standaloneScripts = scripts(read("index.html")).map((script) => script.src as string);
    expect(taskpaneScripts).not.toContain(readerChunks[0]);
    expect(standaloneScripts).not.toContain(readerChunks[0]); // fetched on demand, not at page load
    // The pane fetches the reader only for "Compare with previous return": its start-up code holds none of it.
    const readerCode = "its zip archive structure is broken";
    expect(read(readerChunks[0])).toContain(readerCode);
    for (const src of taskpaneScripts.filter((src) => !/^https:/.test(src))) expect(read(src)).not.toContain(readerCode);
    expect(standaloneScripts.some((src) => read(src).includes("xlsx-reader"))).toBe(true);
  });
});
