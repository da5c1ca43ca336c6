/**
 * The layout is the architecture: the core imports nothing from Office, React or Node I/O, adapters
 * never reach into surfaces, and the .xlsx reader stays free of Node so it runs in the browser too.
 */
import * as fs from "fs";
import * as path from "path";

const SRC = path.resolve(__dirname, "../src");

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const found: string[] = [];
  const patterns = [
    /\bfrom\s+["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
    /^\s*import\s+["']([^"']+)["']/gm,
  ];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) found.push(match[1]);
  }
  return found;
}

function resolvesInside(file: string, specifier: string, folder: string): boolean {
  if (!specifier.startsWith(".")) return false;
  const target = path.resolve(path.dirname(file), specifier);
  return target === folder || target.startsWith(folder + path.sep);
}

const relative = (file: string) => path.relative(SRC, file);

describe("architecture: dependencies point inward", () => {
  const coreDir = path.join(SRC, "core");
  const coreFiles = sourceFiles(coreDir);

  test("the core exists", () => {
    expect(coreFiles.length).toBeGreaterThan(0);
  });

  test.each(coreFiles.map((f) => [relative(f), f]))("core file %s imports only the core and decimal.js", (_name, file) => {
    const outside = importsOf(file).filter((spec) => spec !== "decimal.js" && !resolvesInside(file, spec, coreDir));
    expect(outside).toEqual([]);
  });

  test.each(coreFiles.map((f) => [relative(f), f]))("core file %s uses no Node, Office or browser globals", (_name, file) => {
    const code = fs.readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    expect(code).not.toMatch(/\b(process\.|Buffer\.|__dirname|Office\.|Excel\.run|document\.|window\.)/);
  });

  const surfaces = ["taskpane", "standalone", "cli", "functions"].map((s) => path.join(SRC, s));
  const adapterFiles = sourceFiles(path.join(SRC, "adapters"));
  test.each(adapterFiles.map((f) => [relative(f), f]))("adapter %s does not import a surface", (_name, file) => {
    const intoSurfaces = importsOf(file).filter((spec) => surfaces.some((dir) => resolvesInside(file, spec, dir)));
    expect(intoSurfaces).toEqual([]);
  });

  const readerFiles = sourceFiles(path.join(SRC, "adapters", "xlsx", "read"));
  test.each(readerFiles.map((f) => [relative(f), f]))("reader file %s runs in a browser (no Node modules)", (_name, file) => {
    const nodeImports = importsOf(file).filter((spec) => /^(node:|fs$|path$|os$|zlib$|stream$|child_process$|worker_threads$)/.test(spec));
    expect(nodeImports).toEqual([]);
  });

  const officeSurfaceFree = [...sourceFiles(path.join(SRC, "standalone"))];
  test.each(officeSurfaceFree.map((f) => [relative(f), f]))("standalone file %s never touches office.js", (_name, file) => {
    const code = fs.readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    expect(code).not.toMatch(/\b(Office\.|Excel\.run)/);
    expect(importsOf(file).filter((spec) => spec.includes("adapters/office") || spec.includes("excel-source"))).toEqual([]);
  });
});

/**
 * Inside the core the check is a pipeline: recognise -> read (records, each value with its cell) ->
 * check (rules on records) -> report. A rule that indexes a sheet's rows re-reads cells the read
 * stage already read, and breaks when the workbook model's storage changes; it reads a value's cell
 * through its record instead (ctx.text, ctx.number, ctx.cell, ctx.atValue: docs/adding-a-rule.md).
 */
describe("architecture: rules check records, never raw cells", () => {
  const rulesDir = path.join(SRC, "core", "validate", "rules");
  const RAW_CELL_ACCESS = /\.rows\s*(\?\.)?\s*\[|\bsheet\.rows\b|\bgetCell\s*\(|\b(textAt|cellAt)\s*\(|\.cells\s*(\?\.)?\s*\[/;
  const ruleFiles = sourceFiles(rulesDir);

  test("the rule modules are found", () => {
    expect(ruleFiles.length).toBeGreaterThanOrEqual(10);
  });

  test.each(ruleFiles.map((f) => [relative(f), f]))("rule module %s reads cells only through records", (_name, file) => {
    const code = fs.readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    expect(code.split("\n").filter((line) => RAW_CELL_ACCESS.test(line))).toEqual([]);
  });
});
