#!/usr/bin/env node
"use strict";
/**
 * `npm start`: builds the add-in and the standalone page in development mode, writes them to dist/ and serves
 * dist/ on port 3000 until Ctrl+C, rebuilding when a source file changes (refresh the page to see it).
 *
 * Excel loads add-ins only over https with a certificate it trusts. office-addin-dev-certs makes one (a local
 * "Developer CA for Microsoft Office Add-ins", installed into the system's trust store, which may ask for your
 * password). When that cannot be done (say, on a Linux server without sudo) the server falls back to
 * http://localhost:3000: the standalone page works, but Excel will not load the add-in from it.
 *
 *   npm start                 https where a certificate can be made, else http
 *   npm start -- --http       http without trying to make a certificate
 *   npm start -- --port 3001  another port (or PORT=3001 npm start); dist/manifest.xml then points at it
 *
 * A port already in use is said in one line, with how to choose another, before anything is built.
 */
const fs = require("fs");
const net = require("net");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const PORT = 3000; // manifest.xml points at https://localhost:3000/
const EXAMPLE = "northmoor-police";
const USAGE = "usage: npm start [-- --http] [-- --port N]";

/** The options, or { error } for a usage mistake. The port comes from --port, else $PORT, else 3000. */
function parseOptions(argv, env = process.env) {
  let http = false;
  let portText = env.PORT && env.PORT.trim() !== "" ? env.PORT.trim() : String(PORT);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--http") http = true;
    else if (arg === "--port" || arg.startsWith("--port=")) {
      const value = arg === "--port" ? argv[++i] : arg.slice("--port=".length);
      if (value === undefined) return { error: "--port needs a number, e.g. --port 3001" };
      portText = value;
    } else return { error: `unknown option ${arg}` };
  }
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!(port >= 1 && port <= 65535)) return { error: `the port must be a number from 1 to 65535, not "${portText}"` };
  return { http, port };
}

/** Resolves true when nothing listens on localhost:port (we could bind it), false when it is taken. */
function portIsFree(port) {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (err) => (err && err.code === "EADDRINUSE" ? resolve(false) : reject(err)));
    probe.once("listening", () => probe.close(() => resolve(true)));
    probe.listen(port, "localhost");
  });
}

/** The one line for a port in use, with how to choose another. */
function portInUseMessage(port) {
  const next = port === 65535 ? port - 1 : port + 1;
  return `port ${port} is already in use (perhaps by an earlier npm start); stop that server, or choose another port: npm start -- --port ${next}`;
}

function firstLine(message) {
  return (
    String(message || "unknown error")
      .split(/\r?\n/)
      .find((line) => line.trim()) || "unknown error"
  );
}

/** The https options from office-addin-dev-certs, or { reason } explaining why there are none. */
async function httpsServerOptions() {
  try {
    const { getHttpsServerOptions } = require("office-addin-dev-certs");
    const options = await getHttpsServerOptions();
    return { options };
  } catch (err) {
    return { reason: firstLine(err && err.message) };
  }
}

function printBanner(scheme, port) {
  const base = `${scheme}://localhost:${port}/`;
  const exampleFile = path.join(ROOT, "examples", `${EXAMPLE}.xlsx`);
  const lines = [
    "",
    `VfM Checker is being served from dist/ at ${base}`,
    "",
    "  Check a workbook in your browser (nothing is uploaded):",
    fs.existsSync(exampleFile) ? `    ${base}index.html?example=${EXAMPLE}   (opens the example workbook)` : `    ${base}index.html`,
    "",
    port === PORT
      ? "  Use it inside Excel: add manifest.xml to Excel (the add-in loads from this server):"
      : `  Use it inside Excel: add dist/manifest.xml (it points at port ${port}; manifest.xml points at ${PORT}) to Excel:`,
    "    Excel on the web: open a workbook, then Home > Add-ins > More Add-ins (or Insert > Add-ins),",
    "      choose Upload My Add-in, and pick manifest.xml from this folder.",
    "    Excel on Windows or Mac: in another terminal run npm run sideload, or see docs/sideloading.md.",
    "    Then choose Check VfM on the Home tab, or type =VFM.TARGET(15246, 3%, 3) in a cell.",
    "",
    "  Edits rebuild automatically; refresh the page or reopen the pane to see them. Ctrl+C stops the server.",
    "",
  ];
  process.stdout.write(lines.join("\n") + "\n");
}

async function main(argv) {
  const options = parseOptions(argv);
  if (options.error) {
    process.stderr.write(`start: ${options.error}\n${USAGE}\n`);
    return 2;
  }
  const port = options.port;
  // Before building (a minute or more): a taken port is the commonest reason npm start cannot serve.
  if (!(await portIsFree(port))) {
    process.stderr.write(`start: ${portInUseMessage(port)}\n`);
    return 1;
  }
  // Another port: the built manifest (dist/manifest.xml) points at it, so Excel loads from there.
  if (port !== PORT && !process.env.ADDIN_BASE_URL) process.env.ADDIN_BASE_URL = `https://localhost:${port}/`;
  const webpack = require("webpack");
  const WebpackDevServer = require("webpack-dev-server");
  const makeConfig = require("../webpack.config.js");

  let config;
  try {
    config = makeConfig({}, { mode: "development" });
  } catch (err) {
    process.stderr.write(`start: ${firstLine(err && err.message)}\n`);
    return 1;
  }

  let https = null;
  if (options.http) {
    process.stdout.write("start: serving over http as asked (--http); Excel needs https, the standalone page does not.\n");
  } else {
    const result = await httpsServerOptions();
    if (result.options) https = result.options;
    else {
      process.stdout.write(
        `start: could not set up a trusted certificate for https://localhost (${result.reason}).\n` +
          `start: serving http://localhost:${port} instead. The standalone page works; Excel needs https,\n` +
          "start: so run `npx office-addin-dev-certs install` (it may ask for your password) and npm start again.\n",
      );
    }
  }

  const compiler = webpack(config);
  let bannerShown = false;
  compiler.hooks.done.tap("vfm-start", (stats) => {
    if (stats.hasErrors()) {
      process.stderr.write("start: the build has errors (above); fix them and save to rebuild.\n");
      return;
    }
    if (!bannerShown) {
      bannerShown = true;
      printBanner(https ? "https" : "http", port);
    }
  });

  const server = new WebpackDevServer(
    {
      host: "localhost",
      port,
      server: https ? { type: "https", options: https } : { type: "http" },
      // dist/ on disk as well as in memory, so `npm start` leaves a build that other tools can read.
      // Rule pages are Markdown; some browsers download text/markdown instead of showing it.
      devMiddleware: { writeToDisk: true, mimeTypes: { md: "text/plain" } },
      static: false,
      // No live-reload client: it would inject a script and a WebSocket the pages' Content-Security-Policy refuses.
      hot: false,
      liveReload: false,
      client: false,
      webSocketServer: false,
      // Excel (on another origin) fetches functions.json and the pages; Microsoft's template allows any origin in development.
      headers: { "Access-Control-Allow-Origin": "*" },
    },
    compiler,
  );
  try {
    await server.start();
  } catch (err) {
    const message = err && err.code === "EADDRINUSE" ? portInUseMessage(port) : firstLine(err && err.message);
    process.stderr.write(`start: ${message}\n`);
    return 1;
  }
  return null; // keep serving until Ctrl+C
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code !== null) process.exit(code);
    },
    (err) => {
      process.stderr.write(`start: ${firstLine(err && err.message)}\n`);
      process.exit(1);
    },
  );
}

module.exports = { main, parseOptions, portInUseMessage, PORT };
