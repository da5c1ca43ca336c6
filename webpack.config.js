/**
 * Builds the add-in and the standalone page into dist/.
 *
 *   npm run build       production (default): no source maps, minified, hashed file names
 *   npm run build:dev   development: external source maps (never eval-based, so the CSP holds)
 *   ADDIN_BASE_URL=https://example.org/vfm/ npm run build
 *                       rewrites every https://localhost:3000/ in dist/manifest.xml to that base
 *
 * Pages:
 *   taskpane.html  the Excel pane; loads office.js from Microsoft's CDN, then the functions and pane bundles
 *                  (a shared runtime: the custom functions run in this page, see manifest.xml)
 *   index.html     the standalone checker; no office.js; the .xlsx reader is a separate async chunk
 */
"use strict";
const path = require("path");
const fs = require("fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { renderDocPage, htmlPathFor, STYLESHEET } = require("./scripts/render-docs");

/** The base every URL in manifest.xml is written against (the development server). */
const DEV_BASE_URL = "https://localhost:3000/";

/**
 * Reads ADDIN_BASE_URL: an https address (or http(s) on localhost) where dist/ will be served.
 * A trailing slash is added when missing, so "https://example.org/vfm" and ".../vfm/" agree.
 */
function addinBaseUrl(value) {
  if (value === undefined || value.trim() === "") return DEV_BASE_URL;
  let url;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`ADDIN_BASE_URL is not a web address: ${value}`);
  }
  const isLocal = url.hostname === "localhost" || url.hostname === "127.0.0.1";
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLocal)) {
    throw new Error(`ADDIN_BASE_URL must start with https:// (Office loads add-ins only over https), not ${value}`);
  }
  if (url.search || url.hash) {
    throw new Error(`ADDIN_BASE_URL must be a plain folder address without ?query or #fragment: ${value}`);
  }
  const href = url.href;
  return href.endsWith("/") ? href : `${href}/`;
}

/** Rewrites the development base in the manifest; exported for the build tests. */
function rewriteManifest(xml, baseUrl) {
  return xml.split(DEV_BASE_URL).join(baseUrl);
}

/** The three entry points, each written by the engineer who owns that surface. */
const ENTRIES = {
  functions: "./src/functions/functions.ts",
  taskpane: "./src/taskpane/index.tsx",
  standalone: "./src/standalone/index.tsx",
};

// The .xlsx reader and the libraries only it uses: kept in one async chunk named "xlsx-reader", fetched
// on demand: by the standalone page when a file is opened, by the Excel pane only for "Compare with
// previous return" (never at start-up).
const XLSX_READER_MODULES = /[\\/]src[\\/]adapters[\\/]xlsx[\\/]read[\\/]|[\\/]node_modules[\\/](fflate|saxes|xmlchars)[\\/]/;

function config(env, argv) {
  const mode = (argv && argv.mode) || "production";
  const production = mode === "production";
  const baseUrl = addinBaseUrl(process.env.ADDIN_BASE_URL);
  const missing = Object.values(ENTRIES).filter((file) => !fs.existsSync(path.resolve(__dirname, file)));
  if (missing.length > 0) throw new Error(`cannot build: missing entry file(s) ${missing.join(", ")}`);
  const hashed = (name) => (production ? `${name}.[contenthash:8].js` : `${name}.js`);

  return {
    mode: production ? "production" : "development",
    // Office's current webviews (Edge WebView2, Safari) and browsers all run ES2020. Declaring it also makes
    // webpack's runtime use globalThis instead of its `new Function("return this")` fallback.
    target: ["web", "es2020"],
    context: __dirname,
    entry: ENTRIES,
    // No eval anywhere: production has no source maps; development writes separate .map files,
    // because webpack's eval-* devtools would need 'unsafe-eval' in the Content-Security-Policy.
    devtool: production ? false : "source-map",
    output: {
      path: path.resolve(__dirname, "dist"),
      // The manifest names functions.js (Functions.Script.Url), so that one name never changes.
      filename: (pathData) => (pathData.chunk && pathData.chunk.name === "functions" ? "functions.js" : hashed("[name]")),
      chunkFilename: hashed("[name]"),
      publicPath: "auto",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".mjs", ".js", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // `tsc --noEmit` type-checks in `npm test`; here we only transpile.
              transpileOnly: true,
              configFile: path.resolve(__dirname, "tsconfig.json"),
              // ES modules let webpack see import() and split the reader into its own chunk.
              compilerOptions: { module: "esnext", moduleResolution: "node", sourceMap: !production },
            },
          },
        },
      ],
    },
    // Native CSS support, so a plain .css import works without extra loaders; Fluent UI itself styles with Griffel.
    experiments: { css: true },
    optimization: {
      // Each entry keeps its own runtime, as in Microsoft's shared-runtime template: functions.js must run
      // even when Excel loads it on its own, so it may not depend on a separate runtime or vendor chunk.
      runtimeChunk: false,
      // Lazily loaded code (the reader, the pane's results and chart) is split; libraries shared by several
      // lazy chunks go to vendor chunks of their own.
      splitChunks: {
        chunks: "async",
        cacheGroups: {
          // Names the reader's chunk even if its import() has no webpackChunkName comment. (With the comment,
          // the chunk already has this name and webpack leaves it as it is.)
          xlsxReader: {
            test: XLSX_READER_MODULES,
            chunks: "async",
            name: "xlsx-reader",
            enforce: true,
            priority: 20,
          },
          // webpack's default vendor group, except that the reader's own libraries stay in its chunk: one file,
          // fetched only when a workbook is opened.
          defaultVendors: {
            test: (module) => /[\\/]node_modules[\\/]/.test(module.resource || "") && !XLSX_READER_MODULES.test(module.resource || ""),
            priority: -10,
            reuseExistingChunk: true,
          },
        },
      },
    },
    // Our budgets are gzip sizes (pane 150 KB, functions 40 KB), measured by `npm run bench`;
    // webpack's hints count uncompressed bytes and would only be noise.
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual", // functions first: Excel may call them as soon as the runtime starts
        scriptLoading: "defer",
        inject: "head",
      }),
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/standalone/index.html",
        chunks: ["standalone"],
        scriptLoading: "defer",
        inject: "head",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: { transformer: (content) => Buffer.from(rewriteManifest(content.toString("utf8"), baseUrl), "utf8"), cache: false },
          },
          // The one-click example of the standalone page (fetched from ./examples/...), when present.
          { from: "examples/*.xlsx", to: "examples/[name][ext]", noErrorOnMissing: true },
          // The docs as HTML pages (rendered here, at build time): each finding links to its rule's page,
          // relative to the pane (./docs/rules/<rule id>.html), and the pages link to each other.
          {
            from: "docs/**/*.md",
            to: ({ absoluteFilename }) => htmlPathFor(path.relative(__dirname, absoluteFilename)),
            transform: {
              transformer: (content, absoluteFrom) =>
                Buffer.from(renderDocPage(content.toString("utf8"), path.relative(__dirname, absoluteFrom)), "utf8"),
            },
            noErrorOnMissing: true,
          },
          { from: "scripts/docs.css", to: STYLESHEET },
        ],
      }),
    ],
    stats: production ? "normal" : "minimal",
  };
}

module.exports = config;
module.exports.addinBaseUrl = addinBaseUrl;
module.exports.rewriteManifest = rewriteManifest;
module.exports.DEV_BASE_URL = DEV_BASE_URL;
module.exports.ENTRIES = ENTRIES;
