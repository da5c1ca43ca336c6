#!/usr/bin/env node
"use strict";
/**
 * `npm run sideload`: adds the add-in to Excel on this Windows or Mac computer, starting the development
 * server (npm start) if it is not already running, and opens Excel.
 * `npm run sideload -- stop`: removes it again and stops what `sideload` started.
 *
 * It runs Microsoft's office-addin-debugging through npx rather than as a dependency of this project:
 * that tool pulls in office-addin-dev-settings, which needs keytar, a native module that does not build
 * without libsecret's development files on Linux, and would break `npm ci` on machines (and CI) that
 * never run Excel. npx fetches it only when someone actually sideloads.
 *
 * Excel for Windows or Mac is needed; on Linux, or where Excel is not installed, this says so and stops.
 * Excel on the web needs no script: see docs/sideloading.md.
 */
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.join(__dirname, "..");
const MANIFEST = "manifest.xml";
const DEBUGGING_TOOL = "office-addin-debugging@7";

const WEB_INSTRUCTIONS =
  "To use the add-in in Excel on the web instead: run npm start, open a workbook at office.com, choose\n" +
  "Home > Add-ins > More Add-ins > Upload My Add-in (or Insert > Add-ins), and pick manifest.xml. See docs/sideloading.md.";

/** Where Excel for desktop is installed, or null. */
function findExcel(platform = process.platform) {
  if (platform === "darwin") {
    const app = "/Applications/Microsoft Excel.app";
    return fs.existsSync(app) ? app : null;
  }
  if (platform === "win32") {
    // Office registers EXCEL.EXE under App Paths, whichever edition or install location.
    const query = spawnSync("reg", ["query", "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\excel.exe", "/ve"], {
      encoding: "utf8",
    });
    if (query.status === 0) {
      const match = /REG_SZ\s+(.+)$/m.exec(query.stdout || "");
      if (match) return match[1].trim().replace(/^"|"$/g, "");
    }
    const candidates = [process.env.ProgramFiles, process.env["ProgramFiles(x86)"]]
      .filter(Boolean)
      .map((dir) => path.join(dir, "Microsoft Office", "root", "Office16", "EXCEL.EXE"));
    return candidates.find((file) => fs.existsSync(file)) || null;
  }
  return null;
}

function main(argv) {
  const action = argv[0] || "start";
  if (!["start", "stop"].includes(action) || argv.length > 1) {
    process.stderr.write("usage: npm run sideload [-- stop]\n");
    return 2;
  }
  if (process.platform !== "win32" && process.platform !== "darwin") {
    process.stderr.write(
      `sideload: Excel for desktop runs on Windows and Mac only, and this computer runs ${process.platform}.\n${WEB_INSTRUCTIONS}\n`,
    );
    return 1;
  }
  const excel = findExcel();
  if (!excel) {
    process.stderr.write(
      `sideload: Excel is not installed on this computer (looked for Microsoft Excel in the usual places).\n${WEB_INSTRUCTIONS}\n`,
    );
    return 1;
  }
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  const args =
    action === "start"
      ? ["--yes", DEBUGGING_TOOL, "start", MANIFEST, "desktop", "--app", "excel", "--dev-server", "npm start", "--dev-server-port", "3000"]
      : ["--yes", DEBUGGING_TOOL, "stop", MANIFEST];
  process.stdout.write(`sideload: found Excel at ${excel}\nsideload: running npx ${args.join(" ")}\n`);
  const run = spawnSync(npx, args, { cwd: ROOT, stdio: "inherit", shell: process.platform === "win32" });
  if (run.error) {
    process.stderr.write(`sideload: could not run npx (${run.error.message}); is Node.js on your PATH?\n`);
    return 1;
  }
  if (run.status !== 0) {
    process.stderr.write(`sideload: ${DEBUGGING_TOOL} stopped with status ${run.status}. ${WEB_INSTRUCTIONS}\n`);
    return run.status || 1;
  }
  if (action === "start")
    process.stdout.write("sideload: done. In Excel, choose Check VfM on the Home tab. `npm run sideload -- stop` removes the add-in.\n");
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

module.exports = { findExcel, main };
