import * as fs from "fs";
import * as path from "path";

/** The repository root: the nearest folder above `from` with a package.json (works from source and compiled). */
export function repositoryRoot(from: string = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(__dirname, "../..");
    dir = parent;
  }
  return dir;
}
