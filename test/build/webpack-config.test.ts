/**
 * The webpack configuration's promises that the built files alone cannot show: no eval-based source maps in
 * either mode, each page gets the right bundles, and the reader chunk and functions.js keep their names.
 */
import * as path from "path";

interface WebpackOptions {
  mode: string;
  devtool: string | false;
  target: string[];
  entry: Record<string, string>;
  output: { filename: (pathData: { chunk?: { name?: string } }) => string; chunkFilename: string; path: string };
  optimization: { runtimeChunk: unknown; splitChunks: { cacheGroups: Record<string, { name: string; chunks: string; test: RegExp }> } };
  plugins: Array<{ constructor: { name: string }; userOptions?: { filename: string; chunks: string[] } }>;
}
type MakeConfig = (env: Record<string, unknown>, argv: { mode?: string }) => WebpackOptions;

const ROOT = path.resolve(__dirname, "../..");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack.config.js is a plain Node script with no types; typed by the cast
const makeConfig = require("../../webpack.config.js") as MakeConfig;

describe("webpack.config.js", () => {
  const production = makeConfig({}, {});
  const development = makeConfig({}, { mode: "development" });

  test("builds for production unless asked otherwise, without source maps", () => {
    expect(production.mode).toBe("production");
    expect(production.devtool).toBe(false);
  });

  test("development writes separate source maps, never eval-based ones the CSP would refuse", () => {
    expect(development.mode).toBe("development");
    expect(development.devtool).toBe("source-map");
  });

  test("targets ES2020 browsers, so webpack's runtime uses globalThis rather than new Function", () => {
    expect(production.target).toEqual(["web", "es2020"]);
  });

  test("has the three entry points and writes to dist/", () => {
    expect(Object.keys(production.entry).sort()).toEqual(["functions", "standalone", "taskpane"]);
    expect(production.output.path).toBe(path.join(ROOT, "dist"));
  });

  test("keeps functions.js under the name the manifest gives it, and hashes the rest in production", () => {
    expect(production.output.filename({ chunk: { name: "functions" } })).toBe("functions.js");
    expect(production.output.filename({ chunk: { name: "taskpane" } })).toBe("[name].[contenthash:8].js");
    expect(development.output.filename({ chunk: { name: "taskpane" } })).toBe("[name].js");
  });

  test("the Excel pane gets the functions and pane bundles; the standalone page its own only", () => {
    const pages = production.plugins.filter((plugin) => plugin.constructor.name === "HtmlWebpackPlugin").map((plugin) => plugin.userOptions);
    expect(pages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ filename: "taskpane.html", chunks: ["functions", "taskpane"] }),
        expect.objectContaining({ filename: "index.html", chunks: ["standalone"] }),
      ]),
    );
  });

  test("puts the .xlsx reader in an async chunk named xlsx-reader, and each page keeps its own runtime", () => {
    const group = production.optimization.splitChunks.cacheGroups.xlsxReader;
    expect(group).toEqual(expect.objectContaining({ name: "xlsx-reader", chunks: "async" }));
    expect(group.test.test(path.join(ROOT, "src", "adapters", "xlsx", "read", "index.ts"))).toBe(true);
    expect(group.test.test(path.join(ROOT, "node_modules", "fflate", "esm", "browser.js"))).toBe(true);
    expect(group.test.test(path.join(ROOT, "src", "core", "calc", "index.ts"))).toBe(false);
    expect(group.test.test(path.join(ROOT, "src", "adapters", "xlsx", "write.ts"))).toBe(false); // may be used by the pane
    expect(production.optimization.runtimeChunk).toBe(false);
  });
});
