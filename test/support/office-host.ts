/**
 * Builds the simulated Office host (office-host.browser.ts: the Office adapter tests' mock workbook
 * behind `Office` and `Excel`) into one browser script with the project's own webpack and ts-loader,
 * and gives the script that a page loads in place of Microsoft's office.js: the CustomFunctions
 * stand-in (the pane's page is also the custom functions' runtime) followed by that bundle.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";
import { CUSTOM_FUNCTIONS_RUNTIME } from "./custom-functions-runtime";
import { ROOT } from "./browser";

/** The address the built taskpane.html loads office.js from (Microsoft's CDN, as Excel requires). */
export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

export async function buildSimulatedOfficeJs(): Promise<string> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "vfm-office-host-"));
  try {
    const compiler = webpack({
      mode: "development",
      devtool: false, // no eval: the pane's Content-Security-Policy forbids it
      target: ["web", "es2020"],
      context: ROOT,
      entry: path.join(__dirname, "office-host.browser.ts"),
      output: { path: outDir, filename: "office-host.js" },
      resolve: {
        extensions: [".ts", ".js"],
        // As in jest.config.js: office-addin-mock needs only the host names of office-addin-manifest.
        alias: { "office-addin-manifest$": path.join(ROOT, "node_modules/office-addin-manifest/lib/officeApp.js") },
      },
      module: {
        rules: [
          {
            test: /\.ts$/,
            exclude: /node_modules/,
            use: {
              loader: "ts-loader",
              options: { transpileOnly: true, configFile: path.join(ROOT, "tsconfig.json"), compilerOptions: { sourceMap: false } },
            },
          },
        ],
      },
      performance: { hints: false },
      infrastructureLogging: { level: "error" },
    });
    const stats = await new Promise<webpack.Stats>((resolve, reject) =>
      compiler.run((error, result) => {
        compiler.close(() => undefined);
        if (error || !result) reject(error ?? new Error("webpack gave no result"));
        else resolve(result);
      }),
    );
    if (stats.hasErrors()) throw new Error(`building the simulated Office host failed:\n${stats.toString("errors-only")}`);
    return `${CUSTOM_FUNCTIONS_RUNTIME}\n${fs.readFileSync(path.join(outDir, "office-host.js"), "utf8")}`;
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}
