#!/usr/bin/env node
/**
 * Lists the longest functions (declarations, methods, arrow functions and function expressions) in
 * the TypeScript sources, longest first: `node scripts/longest-functions.js [N] [DIR...]` (default 10,
 * src). Lines are counted from the function's first to its last line, as an editor shows them.
 */
const fs = require("fs");
const path = require("path");
const ts = require("typescript");

function sourceFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(full);
  }
  return out;
}

function functionName(node) {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text;
  if (node.name) return node.name.getText();
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText();
  return "(anonymous)";
}

function functionsIn(file) {
  const text = fs.readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found = [];
  const visit = (node) => {
    if (ts.isFunctionLike(node) && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line + 1;
      found.push({ file, name: functionName(node), start, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const args = process.argv.slice(2);
const count = args.length && /^\d+$/.test(args[0]) ? Number(args.shift()) : 10;
const dirs = args.length ? args : ["src"];
const all = dirs
  .flatMap(sourceFiles)
  .flatMap(functionsIn)
  .sort((a, b) => b.lines - a.lines);
for (const f of all.slice(0, count)) console.log(`${String(f.lines).padStart(4)}  ${f.name}  ${f.file}:${f.start}`);
