/** Runs the real `vfm` command (bin/vfm.js -> build/cli), building it first when the build is stale. */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { corpusDir } from "../support/corpus";

export const ROOT = path.resolve(__dirname, "..", "..");
export const CORPUS = corpusDir();
export const EXAMPLES = path.join(ROOT, "examples");

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Compiles the command unless build/cli/main.js is newer than every source it is built from. */
export function ensureCliBuilt(): void {
  const main = path.join(ROOT, "build", "cli", "main.js");
  const sources = ["src/core", "src/adapters/xlsx", "src/cli"].map((d) => newestSource(path.join(ROOT, d)));
  if (fs.existsSync(main) && fs.statSync(main).mtimeMs > Math.max(...sources)) return;
  try {
    execFileSync(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"], {
      cwd: ROOT,
      stdio: "pipe",
    });
  } catch {
    // tsc still emits when another module has a type error; the tests below show what matters.
  }
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function vfm(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const result = spawnSync(process.execPath, [path.join(ROOT, "bin", "vfm.js"), ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", LC_ALL: "", LC_CTYPE: "", LANG: "en_GB.UTF-8", ...options.env },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
