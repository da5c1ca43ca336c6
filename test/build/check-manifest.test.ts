/**
 * The offline manifest check (scripts/check-manifest.js), fed the real manifest and broken copies of it,
 * plus the build's URL rewriting and the committed icons.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { checkBuild, checkFunctionsMetadata, checkManifestXml, isAllowedUrl, readPngSize } from "../../scripts/check-manifest";

const ROOT = path.resolve(__dirname, "../..");
const SOURCE_MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

interface WebpackConfigModule {
  addinBaseUrl(value: string | undefined): string;
  rewriteManifest(xml: string, baseUrl: string): string;
  DEV_BASE_URL: string;
}
// webpack.config.js is plain Node; only its two pure helpers are used here.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain Node script with no types; typed by the cast
const webpackConfig = require("../../webpack.config.js") as WebpackConfigModule;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain Node script with no types; typed by the cast
const icons = require("../../scripts/make-icons.js") as { ICON_SIZES: number[]; render(size: number): Buffer };

/** The manifest with one exact piece of text replaced; fails loudly if the text is not there. */
function mutate(find: string | RegExp, replacement: string): string {
  const changed = SOURCE_MANIFEST.replace(find, replacement);
  if (changed === SOURCE_MANIFEST) throw new Error(`test fixture: ${String(find)} not found in manifest.xml`);
  return changed;
}

function problemsOf(xml: string, options?: { source?: boolean }): string[] {
  return checkManifestXml(xml, options).problems;
}

const GOOD_FUNCTIONS = JSON.stringify({
  functions: ["NETGAIN", "DEFLATE", "TARGET"].map((id) => ({
    id,
    name: id,
    description: `${id} description`,
    parameters: [{ name: "value", description: "A value.", type: "number" }],
    result: { type: "number" },
  })),
});

describe("the source manifest", () => {
  test("passes every check, including that all URLs are on the development base", () => {
    expect(problemsOf(SOURCE_MANIFEST, { source: true })).toEqual([]);
  });

  test("declares the VFM namespace, the shared runtime and a GUID id", () => {
    const { facts } = checkManifestXml(SOURCE_MANIFEST);
    expect(facts.namespace).toBe("VFM");
    expect(facts.runtimeResid).toBe("Taskpane.Url");
    expect(facts.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(facts.baseUrl).toBe("https://localhost:3000/");
    // 16, 32 and 80 are required by Office; the other five sizes serve other display scalings.
    expect([...facts.imageUsages.keys()].sort()).toEqual(["Icon.16x16", "Icon.20x20", "Icon.24x24", "Icon.32x32", "Icon.40x40", "Icon.48x48", "Icon.64x64", "Icon.80x80"]);
  });

  test("puts a Check VfM button that opens the pane on the Home tab", () => {
    expect(SOURCE_MANIFEST).toMatch(/<OfficeTab id="TabHome">/);
    expect(SOURCE_MANIFEST).toMatch(/<bt:String id="VfM.CheckButton.Label" DefaultValue="Check VfM"\/>/);
    expect(SOURCE_MANIFEST).toMatch(/<Action xsi:type="ShowTaskpane">\s*<TaskpaneId>/);
  });
});

describe("broken manifests are refused with one-line messages", () => {
  const cases: Array<[string, string, RegExp]> = [
    ["a dangling resid", mutate('<Label resid="VfM.Group.Label"/>', '<Label resid="VfM.Group.Lable"/>'), /<Label resid="VfM.Group.Lable"> points at no resource/],
    ["an http URL", mutate('DefaultValue="https://localhost:3000/functions.json"', 'DefaultValue="http://example.org/functions.json"'), /URL must be https \(or localhost\): http:\/\/example.org\/functions.json/],
    ["the wrong namespace", mutate('id="Functions.Namespace" DefaultValue="VFM"', 'id="Functions.Namespace" DefaultValue="CONTOSO"'), /namespace is "CONTOSO", not "VFM"/],
    ["no shared runtime", mutate(/<Runtimes>[\s\S]*?<\/Runtimes>/, ""), /no shared runtime/],
    ["no SharedRuntime requirement set", mutate(/<Set Name="SharedRuntime" MinVersion="1.1"\/>/, ""), /SharedRuntime requirement set is not declared/],
    ["a short-lived runtime", mutate('lifetime="long"', 'lifetime="short"'), /lifetime="long"/],
    ["functions page outside the shared runtime", mutate(/<Page>\s*<SourceLocation resid="Taskpane.Url"\/>/, '<Page><SourceLocation resid="Functions.Script.Url"/>'), /custom functions <Page> uses "Functions.Script.Url", not the shared runtime/],
    ["pane button outside the shared runtime", mutate(/<TaskpaneId>VfM.Taskpane<\/TaskpaneId>\s*<SourceLocation resid="Taskpane.Url"\/>/, '<TaskpaneId>VfM.Taskpane</TaskpaneId><SourceLocation resid="GetStarted.LearnMoreUrl"/>'), /ShowTaskpane action opens "GetStarted.LearnMoreUrl"/],
    ["a pane without TaskpaneId", mutate("<TaskpaneId>VfM.Taskpane</TaskpaneId>", ""), /no <TaskpaneId>/],
    ["a duplicate resource id", mutate('<bt:Url id="GetStarted.LearnMoreUrl"', '<bt:Url id="Taskpane.Url"'), /resource id "Taskpane.Url" is defined more than once/],
    ["an Id that is not a GUID", mutate(/<Id>[^<]+<\/Id>/, "<Id>vfm-checker</Id>"), /<Id> must be a GUID, not "vfm-checker"/],
    ["a label pointing at a URL", mutate('<Label resid="VfM.CheckButton.Label"/>', '<Label resid="Taskpane.Url"/>'), /needs a ShortString resource, but "Taskpane.Url" is a Url/],
    ["an unsupported icon size", mutate('<bt:Image size="20" resid="Icon.20x20"/>', '<bt:Image size="28" resid="Icon.20x20"/>'), /icon size 28/],
    ["a missing required icon size", mutate(/<bt:Image size="80" resid="Icon.80x80"\/>/, ""), /lacks the required size\(s\) 80/],
    ["no button on the Home tab", mutate('<OfficeTab id="TabHome">', '<OfficeTab id="TabInsert">'), /not on the Home tab/],
    ["XML that is not well-formed", mutate("</bt:Images>", "</bt:Imagez>"), /^not well-formed XML \(line \d+, column \d+\)/],
  ];

  test.each(cases)("%s", (_name, xml, expected) => {
    const problems = problemsOf(xml);
    expect(problems.some((problem) => expected.test(problem))).toBe(true);
    for (const problem of problems) expect(problem).not.toMatch(/\n/);
  });

  test("a URL off the development base is refused in the source manifest only", () => {
    const xml = mutate('<SupportUrl DefaultValue="https://localhost:3000/index.html"/>', '<SupportUrl DefaultValue="https://example.org/help"/>');
    expect(problemsOf(xml)).toEqual([]);
    expect(problemsOf(xml, { source: true })).toEqual([expect.stringMatching(/not on the development base .* https:\/\/example.org\/help$/)]);
  });

  test("https anywhere and http on localhost are allowed; other schemes are not", () => {
    expect(isAllowedUrl("https://example.org/vfm/taskpane.html")).toBe(true);
    expect(isAllowedUrl("http://localhost:3000/taskpane.html")).toBe(true);
    expect(isAllowedUrl("http://127.0.0.1:3000/taskpane.html")).toBe(true);
    expect(isAllowedUrl("http://example.org/taskpane.html")).toBe(false);
    expect(isAllowedUrl("ftp://example.org/x")).toBe(false);
    expect(isAllowedUrl("not a url")).toBe(false);
  });
});

describe("production base URL", () => {
  test("rewrites every URL of the manifest and the result still passes", () => {
    const base = webpackConfig.addinBaseUrl("https://example.org/vfm");
    expect(base).toBe("https://example.org/vfm/");
    const built = webpackConfig.rewriteManifest(SOURCE_MANIFEST, base);
    expect(built).not.toMatch(/localhost/);
    const { problems, facts } = checkManifestXml(built);
    expect(problems).toEqual([]);
    expect(facts.urls.length).toBeGreaterThan(10);
    for (const url of facts.urls) expect(url.startsWith("https://example.org/vfm/")).toBe(true);
  });

  test("keeps the development URLs when ADDIN_BASE_URL is unset", () => {
    expect(webpackConfig.addinBaseUrl(undefined)).toBe("https://localhost:3000/");
    expect(webpackConfig.addinBaseUrl("")).toBe("https://localhost:3000/");
  });

  test.each([
    ["http://example.org/vfm/", /must start with https:\/\//],
    ["example.org/vfm", /is not a web address/],
    ["https://example.org/vfm/?v=1", /without \?query/],
  ])("refuses %s", (value, message) => {
    expect(() => webpackConfig.addinBaseUrl(value)).toThrow(message);
  });
});

describe("functions.json", () => {
  test("exactly NETGAIN, DEFLATE and TARGET with described parameters pass", () => {
    expect(checkFunctionsMetadata(GOOD_FUNCTIONS)).toEqual({ problems: [], ids: ["NETGAIN", "DEFLATE", "TARGET"], parameterCount: 3 });
  });

  test("an extra, a missing or a duplicated id is refused", () => {
    const metadata = JSON.parse(GOOD_FUNCTIONS);
    metadata.functions[2].id = "ADD";
    metadata.functions.push({ ...metadata.functions[0] });
    const { problems } = checkFunctionsMetadata(JSON.stringify(metadata));
    expect(problems).toEqual(
      expect.arrayContaining([
        "function id NETGAIN is declared more than once",
        expect.stringMatching(/^unexpected function id\(s\): ADD/),
        "missing function id(s): TARGET",
      ]),
    );
  });

  test("an undescribed parameter or function is refused", () => {
    const metadata = JSON.parse(GOOD_FUNCTIONS);
    metadata.functions[1].parameters[0].description = " ";
    delete metadata.functions[2].description;
    const { problems } = checkFunctionsMetadata(JSON.stringify(metadata));
    expect(problems).toEqual(['DEFLATE parameter "value" has no description', "TARGET has no description"]);
  });

  test("text that is not JSON gives one line", () => {
    const { problems } = checkFunctionsMetadata("{functions:");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^not valid JSON: /);
  });
});

describe("icons", () => {
  test.each(icons.ICON_SIZES.map((size) => [size]))("assets/icon-%i.png is a PNG of that size", (size) => {
    expect(readPngSize(fs.readFileSync(path.join(ROOT, "assets", `icon-${size}.png`)))).toEqual({ width: size, height: size });
  });

  test("the committed icons are exactly what scripts/make-icons.js draws", () => {
    // Two small sizes keep the suite quick; `node scripts/make-icons.js --check` compares them all.
    for (const size of [16, 24]) {
      expect(icons.render(size).equals(fs.readFileSync(path.join(ROOT, "assets", `icon-${size}.png`)))).toBe(true);
    }
  });

  test("a file that is not a PNG has no size", () => {
    expect(readPngSize(Buffer.from("GIF89a not a png at all, really"))).toBeNull();
    expect(readPngSize(new Uint8Array(0))).toBeNull();
  });
});

describe("checkBuild on a built add-in", () => {
  let dist: string;

  /** A minimal dist/ as the build lays it out: the rewritten manifest, icons, pages and functions.json. */
  function makeDist(base: string): void {
    fs.mkdirSync(path.join(dist, "assets"), { recursive: true });
    for (const file of fs.readdirSync(path.join(ROOT, "assets"))) fs.copyFileSync(path.join(ROOT, "assets", file), path.join(dist, "assets", file));
    fs.writeFileSync(path.join(dist, "manifest.xml"), webpackConfig.rewriteManifest(SOURCE_MANIFEST, base));
    fs.writeFileSync(path.join(dist, "functions.json"), GOOD_FUNCTIONS);
    for (const page of ["taskpane.html", "index.html", "functions.js"]) fs.writeFileSync(path.join(dist, page), "");
  }

  beforeEach(() => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), "vfm-dist-"));
  });
  afterEach(() => {
    fs.rmSync(dist, { recursive: true, force: true });
  });

  test("a complete build passes and says what it checked", () => {
    makeDist("https://example.org/vfm/");
    const { problems, summary } = checkBuild({ rootDir: ROOT, distDir: dist });
    expect(problems).toEqual([]);
    expect(summary).toMatch(/^check-manifest: OK: .*namespace VFM, shared runtime Taskpane.Url.*NETGAIN, DEFLATE, TARGET/);
  });

  test("an icon of the wrong size, a missing page and a stale manifest are each reported", () => {
    makeDist("https://localhost:3000/");
    fs.copyFileSync(path.join(ROOT, "assets", "icon-32.png"), path.join(dist, "assets", "icon-16.png"));
    fs.rmSync(path.join(dist, "functions.js"));
    fs.appendFileSync(path.join(dist, "manifest.xml"), "<!-- edited by hand -->\n");
    const { problems } = checkBuild({ rootDir: ROOT, distDir: dist });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/icon-16.png: is 32x32 pixels, but icon "Icon.16x16" is declared at 16x16$/),
        expect.stringMatching(/functions.js: missing, but the manifest points at https:\/\/localhost:3000\/functions.js$/),
        expect.stringMatching(/manifest.xml: differs from manifest.xml by more than the base URL; run npm run build$/),
      ]),
    );
  });

  test("the command exits 1 with one line per problem when dist/ is missing", () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, "scripts", "check-manifest.js"), "--dist", path.join(dist, "nothing-here")], { cwd: ROOT, encoding: "utf8" });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toEqual(
      expect.arrayContaining([expect.stringMatching(/^check-manifest: .*manifest.xml: cannot be read; run npm run build first$/), expect.stringMatching(/^check-manifest: \d+ problems? found$/)]),
    );
    expect(run.stdout).toBe("");
  });

  test("the command refuses an unknown argument with status 2", () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, "scripts", "check-manifest.js"), "--bogus"], { cwd: ROOT, encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/unknown argument --bogus/);
  });
});
