#!/usr/bin/env node
"use strict";
/**
 * Offline check of the add-in manifest and the built add-in (`npm run check:manifest`, after `npm run build`).
 * Microsoft's own validator (`npm run validate`) needs the internet; this one checks what we can without it:
 *
 *   - manifest.xml and dist/manifest.xml are well-formed XML;
 *   - the Id is a GUID, the Version has the a.b.c.d form;
 *   - every resid points at a resource of the right kind (image, URL, short or long string); no id is defined twice;
 *   - every URL is https (or http(s) on localhost), and the source manifest uses only the development base;
 *   - the custom-functions namespace is VFM;
 *   - the shared runtime is declared (requirement set and <Runtime lifetime="long">) and the functions page,
 *     the function file and the pane button all use it;
 *   - every icon the manifest names exists in dist/ as a PNG of the size it is declared at;
 *   - every page or script the manifest names exists in dist/, and dist/manifest.xml matches the source;
 *   - dist/functions.json declares exactly NETGAIN, DEFLATE and TARGET, with every parameter described.
 *
 * Each problem is printed on one line; the exit status is 1 when there is any problem, 2 on a usage error.
 * The checks are plain functions (see module.exports) so the tests can feed them broken manifests.
 */
const fs = require("fs");
const path = require("path");
const { XMLParser, XMLValidator } = require("fast-xml-parser");

const DEV_BASE_URL = "https://localhost:3000/";
const EXPECTED_NAMESPACE = "VFM";
const EXPECTED_FUNCTION_IDS = ["NETGAIN", "DEFLATE", "TARGET"];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MANIFEST_VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;
const ICON_SIZES = new Set([16, 20, 24, 32, 40, 48, 64, 80]);
const REQUIRED_ICON_SIZES = [16, 32, 80];
const MAX_RESID_LENGTH = 32;
const MAX_SHORT_STRING = 125;
const MAX_LONG_STRING = 250;

// ---------------------------------------------------------------- XML tree

/**
 * Parses XML into a simple tree of { name, attrs, children, text }. Returns { root } or { error } with a
 * one-line reason when the text is not well-formed.
 */
function parseXml(xml) {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const err = valid.err || {};
    return { error: `not well-formed XML (line ${err.line}, column ${err.col}): ${err.msg}` };
  }
  const ordered = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    preserveOrder: true,
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: true,
    commentPropName: false,
  }).parse(xml);
  const toNode = (raw) => {
    const name = Object.keys(raw).find((key) => key !== ":@");
    const children = [];
    let text = "";
    for (const child of raw[name] || []) {
      if (Object.prototype.hasOwnProperty.call(child, "#text")) text += String(child["#text"]);
      else children.push(toNode(child));
    }
    return { name, attrs: raw[":@"] || {}, children, text };
  };
  const elements = ordered.filter((raw) => !Object.keys(raw).some((key) => key.startsWith("?") || key === "#text"));
  if (elements.length !== 1) return { error: "not well-formed XML: expected exactly one root element" };
  return { root: toNode(elements[0]) };
}

/** Every element below (and including) node, each with its ancestors' names. */
function* walk(node, ancestors = []) {
  yield { node, ancestors };
  for (const child of node.children) yield* walk(child, [...ancestors, node.name]);
}

const localName = (name) => name.slice(name.indexOf(":") + 1);
const childrenNamed = (node, name) => node.children.filter((child) => localName(child.name) === name);
const firstChild = (node, name) => (node ? childrenNamed(node, name)[0] : undefined);
const path_ = (node, ...names) => names.reduce((current, name) => firstChild(current, name), node);

// ---------------------------------------------------------------- manifest checks

/** What kind of resource each referencing element needs. */
function expectedResourceKind(elementName, ancestors) {
  const name = localName(elementName);
  const parent = ancestors.length ? localName(ancestors[ancestors.length - 1]) : "";
  if (name === "Image") return "Image";
  if (["SourceLocation", "FunctionFile", "LearnMoreUrl", "Runtime"].includes(name)) return "Url";
  if (["Namespace", "Label", "Title"].includes(name)) return "ShortString";
  if (name === "Description" && (parent === "Supertip" || parent === "GetStarted")) return "LongString";
  return null;
}

function isAllowedUrl(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol === "https:") return true;
  return url.protocol === "http:" && (url.hostname === "localhost" || url.hostname === "127.0.0.1");
}

const looksLikeUrl = (value) => /^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim());

/**
 * Checks one manifest's text. Returns { problems: string[], facts } where facts describes what was found
 * (resources, URLs, icons, base URL...) for the build checks and the summary line.
 * Options: { source: true } additionally requires every URL to be on the development base.
 */
function checkManifestXml(xml, options = {}) {
  const problems = [];
  const facts = { resources: new Map(), urls: [], imageUsages: new Map(), runtimeResid: null, namespace: null, baseUrl: null, id: null };
  const parsed = parseXml(xml);
  if (parsed.error) return { problems: [parsed.error], facts };
  const root = parsed.root;
  if (localName(root.name) !== "OfficeApp") return { problems: [`the root element is <${root.name}>, not <OfficeApp>`], facts };
  if (root.attrs["xsi:type"] !== "TaskPaneApp")
    problems.push(`<OfficeApp> must have xsi:type="TaskPaneApp", not "${root.attrs["xsi:type"] || ""}"`);

  // Identity.
  const id = (firstChild(root, "Id") || { text: "" }).text.trim();
  facts.id = id;
  if (!GUID.test(id)) problems.push(`<Id> must be a GUID, not "${id}"`);
  const version = (firstChild(root, "Version") || { text: "" }).text.trim();
  if (!MANIFEST_VERSION.test(version)) problems.push(`<Version> must look like 1.0.0.0, not "${version}"`);
  const displayName = (firstChild(root, "DisplayName") || { attrs: {} }).attrs.DefaultValue || "";
  if (!displayName.trim()) problems.push("<DisplayName> has no DefaultValue");
  if (displayName.length > MAX_SHORT_STRING) problems.push(`<DisplayName> is longer than ${MAX_SHORT_STRING} characters`);
  const description = (firstChild(root, "Description") || { attrs: {} }).attrs.DefaultValue || "";
  if (!description.trim()) problems.push("<Description> has no DefaultValue");
  if (description.length > MAX_LONG_STRING) problems.push(`<Description> is longer than ${MAX_LONG_STRING} characters`);
  const hosts = childrenNamed(firstChild(root, "Hosts") || { children: [] }, "Host").map((host) => host.attrs.Name);
  if (!hosts.includes("Workbook")) problems.push('<Hosts> must include <Host Name="Workbook"/> (Excel)');

  const sourceLocation = path_(root, "DefaultSettings", "SourceLocation");
  const defaultPage = sourceLocation && sourceLocation.attrs.DefaultValue;
  if (!defaultPage) problems.push("<DefaultSettings><SourceLocation> has no DefaultValue");
  else facts.baseUrl = defaultPage.slice(0, defaultPage.lastIndexOf("/") + 1);

  // Resources: every definition, with duplicates reported.
  const versionOverrides = firstChild(root, "VersionOverrides");
  if (!versionOverrides) problems.push("<VersionOverrides> is missing (no ribbon button, no custom functions)");
  const resourcesNode = versionOverrides && firstChild(versionOverrides, "Resources");
  if (resourcesNode) {
    for (const { node, ancestors } of walk(resourcesNode)) {
      const name = localName(node.name);
      const group = localName(ancestors[ancestors.length - 1] || "");
      let kind = null;
      if (name === "Image" && group === "Images") kind = "Image";
      else if (name === "Url" && group === "Urls") kind = "Url";
      else if (name === "String" && group === "ShortStrings") kind = "ShortString";
      else if (name === "String" && group === "LongStrings") kind = "LongString";
      if (!kind) continue;
      const resId = node.attrs.id;
      const value = node.attrs.DefaultValue;
      if (!resId) {
        problems.push(`a <${node.name}> resource has no id`);
        continue;
      }
      if (facts.resources.has(resId)) problems.push(`resource id "${resId}" is defined more than once`);
      if (value === undefined) problems.push(`resource "${resId}" has no DefaultValue`);
      if (kind === "ShortString" && value && value.length > MAX_SHORT_STRING)
        problems.push(`short string "${resId}" is longer than ${MAX_SHORT_STRING} characters`);
      if (kind === "LongString" && value && value.length > MAX_LONG_STRING)
        problems.push(`long string "${resId}" is longer than ${MAX_LONG_STRING} characters`);
      if (resId.length > MAX_RESID_LENGTH) problems.push(`resource id "${resId}" is longer than ${MAX_RESID_LENGTH} characters`);
      facts.resources.set(resId, { kind, value: value || "" });
    }
  }

  // References: every resid resolves to a resource of the kind the element needs; ids of controls are unique.
  const controlIds = new Set();
  for (const { node, ancestors } of walk(root)) {
    const resid = node.attrs.resid;
    if (resid !== undefined) {
      const resource = facts.resources.get(resid);
      const expected = expectedResourceKind(node.name, ancestors);
      if (!resource) problems.push(`<${localName(node.name)} resid="${resid}"> points at no resource`);
      else if (expected && resource.kind !== expected)
        problems.push(`<${localName(node.name)} resid="${resid}"> needs a ${expected} resource, but "${resid}" is a ${resource.kind}`);
      if (localName(node.name) === "Image" && node.attrs.size !== undefined) {
        const size = Number(node.attrs.size);
        if (!ICON_SIZES.has(size))
          problems.push(`icon size ${node.attrs.size} for "${resid}" is not one Office supports (16, 20, 24, 32, 40, 48, 64, 80)`);
        const sizes = facts.imageUsages.get(resid) || new Set();
        sizes.add(size);
        facts.imageUsages.set(resid, sizes);
      }
    }
    const name = localName(node.name);
    if (
      (name === "Group" || name === "Control" || name === "OfficeTab" || name === "CustomTab") &&
      node.attrs.id &&
      ancestors.some((a) => localName(a) === "ExtensionPoint")
    ) {
      if (name !== "OfficeTab" && controlIds.has(node.attrs.id)) problems.push(`ribbon id "${node.attrs.id}" is used more than once`);
      controlIds.add(node.attrs.id);
    }
    if (name === "Icon") {
      const sizes = childrenNamed(node, "Image").map((image) => Number(image.attrs.size));
      const missing = REQUIRED_ICON_SIZES.filter((size) => !sizes.includes(size));
      if (missing.length > 0) problems.push(`an <Icon> lacks the required size(s) ${missing.join(", ")}`);
    }
  }

  // URLs: every attribute or text that is a URL (XML namespace names are identifiers, never fetched).
  for (const { node } of walk(root)) {
    const values = Object.entries(node.attrs)
      .filter(([name, value]) => name !== "xmlns" && !name.startsWith("xmlns:") && typeof value === "string" && looksLikeUrl(value))
      .map(([, value]) => value);
    if (node.text && looksLikeUrl(node.text)) values.push(node.text.trim());
    for (const value of values) {
      facts.urls.push(value);
      if (!isAllowedUrl(value)) problems.push(`URL must be https (or localhost): ${value}`);
      else if (options.source && !value.startsWith(DEV_BASE_URL))
        problems.push(`URL is not on the development base ${DEV_BASE_URL}, so a production build would not rewrite it: ${value}`);
    }
  }
  for (const domain of childrenNamed(firstChild(root, "AppDomains") || { children: [] }, "AppDomain")) {
    if (!isAllowedUrl(domain.text.trim())) problems.push(`<AppDomain> must be an https address: ${domain.text.trim()}`);
  }

  // Requirement sets.
  const sets = childrenNamed(path_(root, "Requirements", "Sets") || { children: [] }, "Set");
  const setVersion = (setName) => {
    const set = sets.find((candidate) => candidate.attrs.Name === setName);
    if (!set) return null;
    const defaultVersion = (path_(root, "Requirements", "Sets") || { attrs: {} }).attrs.DefaultMinVersion || "1.1";
    return Number(set.attrs.MinVersion || defaultVersion);
  };
  const sharedRuntimeVersion = setVersion("SharedRuntime");
  if (sharedRuntimeVersion === null)
    problems.push('the SharedRuntime requirement set is not declared (<Set Name="SharedRuntime" MinVersion="1.1"/>)');
  else if (!(sharedRuntimeVersion >= 1.1)) problems.push("the SharedRuntime requirement set must be at least 1.1");
  const functionsRuntimeVersion = setVersion("CustomFunctionsRuntime");
  if (functionsRuntimeVersion === null)
    problems.push('the CustomFunctionsRuntime requirement set is not declared (<Set Name="CustomFunctionsRuntime" MinVersion="1.1"/>)');
  else if (!(functionsRuntimeVersion >= 1.1)) problems.push("the CustomFunctionsRuntime requirement set must be at least 1.1");

  // The Excel host: shared runtime, custom functions, ribbon button.
  const host =
    versionOverrides &&
    childrenNamed(firstChild(versionOverrides, "Hosts") || { children: [] }, "Host").find((h) => h.attrs["xsi:type"] === "Workbook");
  if (versionOverrides && !host) problems.push('<VersionOverrides> has no <Host xsi:type="Workbook">');
  if (host) {
    const runtimes = childrenNamed(firstChild(host, "Runtimes") || { children: [] }, "Runtime");
    if (runtimes.length === 0) problems.push("no shared runtime: <Runtimes><Runtime> is missing from the Workbook host");
    else if (runtimes.length > 1) problems.push("the Workbook host declares more than one <Runtime>; the shared runtime needs exactly one");
    const runtime = runtimes[0];
    if (runtime) {
      facts.runtimeResid = runtime.attrs.resid || null;
      if (runtime.attrs.lifetime !== "long")
        problems.push(`the shared <Runtime> must have lifetime="long", not "${runtime.attrs.lifetime || ""}"`);
    }
    const sharedResid = facts.runtimeResid;
    const functionsPoint = childrenNamed(firstChild(host, "AllFormFactors") || { children: [] }, "ExtensionPoint").find(
      (point) => point.attrs["xsi:type"] === "CustomFunctions",
    );
    if (!functionsPoint) problems.push('no custom functions: <ExtensionPoint xsi:type="CustomFunctions"> is missing');
    else {
      for (const part of ["Script", "Page", "Metadata"]) {
        if (!path_(functionsPoint, part, "SourceLocation")) problems.push(`the custom functions <${part}> has no <SourceLocation>`);
      }
      const page = path_(functionsPoint, "Page", "SourceLocation");
      if (page && sharedResid && page.attrs.resid !== sharedResid)
        problems.push(`the custom functions <Page> uses "${page.attrs.resid}", not the shared runtime "${sharedResid}"`);
      const namespaceNode = firstChild(functionsPoint, "Namespace");
      const namespaceResource = namespaceNode && facts.resources.get(namespaceNode.attrs.resid);
      facts.namespace = namespaceResource ? namespaceResource.value : null;
      if (!namespaceNode) problems.push("the custom functions have no <Namespace>");
      else if (facts.namespace !== null && facts.namespace !== EXPECTED_NAMESPACE)
        problems.push(`the custom functions namespace is "${facts.namespace}", not "${EXPECTED_NAMESPACE}"`);
    }
    const desktop = firstChild(host, "DesktopFormFactor");
    const functionFile = desktop && firstChild(desktop, "FunctionFile");
    if (functionFile && sharedResid && functionFile.attrs.resid !== sharedResid)
      problems.push(`<FunctionFile> uses "${functionFile.attrs.resid}", not the shared runtime "${sharedResid}"`);
    const paneActions = [...walk(host)]
      .map(({ node }) => node)
      .filter((node) => localName(node.name) === "Action" && node.attrs["xsi:type"] === "ShowTaskpane");
    if (paneActions.length === 0) problems.push('no ribbon button opens the pane (<Action xsi:type="ShowTaskpane"> is missing)');
    for (const action of paneActions) {
      const location = firstChild(action, "SourceLocation");
      if (!firstChild(action, "TaskpaneId"))
        problems.push("the ShowTaskpane action has no <TaskpaneId>, so the pane would not join the shared runtime");
      if (!location) problems.push("the ShowTaskpane action has no <SourceLocation>");
      else if (sharedResid && location.attrs.resid !== sharedResid)
        problems.push(`the ShowTaskpane action opens "${location.attrs.resid}", not the shared runtime "${sharedResid}"`);
    }
    const tabs = [...walk(host)].map(({ node }) => node).filter((node) => localName(node.name) === "OfficeTab");
    if (!tabs.some((tab) => tab.attrs.id === "TabHome")) problems.push('the button is not on the Home tab (<OfficeTab id="TabHome">)');
  }
  return { problems, facts };
}

// ---------------------------------------------------------------- files

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
function readPngSize(bytes) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!bytes || bytes.length < 24 || signature.some((byte, i) => bytes[i] !== byte)) return null;
  if (String.fromCharCode(bytes[12], bytes[13], bytes[14], bytes[15]) !== "IHDR") return null;
  const u32 = (offset) => ((bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3]) >>> 0;
  return { width: u32(16), height: u32(20) };
}

/** Checks the text of functions.json. Returns one-line problems and the ids found. */
function checkFunctionsMetadata(json) {
  const problems = [];
  let metadata;
  try {
    metadata = JSON.parse(json);
  } catch (err) {
    return { problems: [`not valid JSON: ${err.message}`], ids: [], parameterCount: 0 };
  }
  const functions = metadata && Array.isArray(metadata.functions) ? metadata.functions : null;
  if (!functions) return { problems: ['no "functions" list'], ids: [], parameterCount: 0 };
  const ids = functions.map((fn) => (fn && typeof fn.id === "string" ? fn.id : String(fn && fn.id)));
  let parameterCount = 0;
  const seen = new Set();
  for (const id of ids) {
    if (seen.has(id)) problems.push(`function id ${id} is declared more than once`);
    seen.add(id);
  }
  const unexpected = ids.filter((id) => !EXPECTED_FUNCTION_IDS.includes(id));
  const missing = EXPECTED_FUNCTION_IDS.filter((id) => !ids.includes(id));
  if (unexpected.length)
    problems.push(`unexpected function id(s): ${unexpected.join(", ")} (expected exactly ${EXPECTED_FUNCTION_IDS.join(", ")})`);
  if (missing.length) problems.push(`missing function id(s): ${missing.join(", ")}`);
  for (const fn of functions) {
    const label = fn && fn.id ? fn.id : "a function";
    if (!fn || typeof fn.description !== "string" || !fn.description.trim()) problems.push(`${label} has no description`);
    const parameters = fn && Array.isArray(fn.parameters) ? fn.parameters : [];
    for (const parameter of parameters) {
      parameterCount++;
      if (!parameter || typeof parameter.description !== "string" || !parameter.description.trim()) {
        problems.push(`${label} parameter "${parameter && parameter.name}" has no description`);
      }
    }
  }
  return { problems, ids, parameterCount };
}

/**
 * Checks the source manifest and the built add-in in distDir. Returns { problems, summary } where each
 * problem is one line naming its file, and summary is the OK line.
 */
function checkBuild({
  rootDir = path.join(__dirname, ".."),
  distDir = path.join(rootDir, "dist"),
  manifestPath = path.join(rootDir, "manifest.xml"),
} = {}) {
  const problems = [];
  const rel = (file) => path.relative(process.cwd(), file) || file;
  const readText = (file) => {
    try {
      return fs.readFileSync(file, "utf8");
    } catch {
      problems.push(`${rel(file)}: cannot be read${file.startsWith(distDir) ? "; run npm run build first" : ""}`);
      return null;
    }
  };

  const sourceXml = readText(manifestPath);
  if (sourceXml !== null) {
    for (const problem of checkManifestXml(sourceXml, { source: true }).problems) problems.push(`${rel(manifestPath)}: ${problem}`);
  }

  const distManifestPath = path.join(distDir, "manifest.xml");
  const distXml = readText(distManifestPath);
  let facts = null;
  if (distXml !== null) {
    const result = checkManifestXml(distXml);
    facts = result.facts;
    for (const problem of result.problems) problems.push(`${rel(distManifestPath)}: ${problem}`);
    if (sourceXml !== null && facts.baseUrl && sourceXml.split(DEV_BASE_URL).join(facts.baseUrl) !== distXml) {
      problems.push(`${rel(distManifestPath)}: differs from manifest.xml by more than the base URL; run npm run build`);
    }
  }

  if (facts && facts.baseUrl) {
    const base = facts.baseUrl;
    const fileFor = (url) =>
      url.startsWith(base) ? path.join(distDir, decodeURIComponent(new URL(url).pathname.slice(new URL(base).pathname.length))) : null;
    // Icons: each at the size it is declared at.
    const expectations = [];
    for (const [resid, sizes] of facts.imageUsages) {
      const resource = facts.resources.get(resid);
      if (resource && resource.kind === "Image")
        for (const size of sizes) expectations.push({ url: resource.value, size, what: `icon "${resid}"` });
    }
    const rootNode = parseXml(distXml).root;
    const iconUrl = firstChild(rootNode, "IconUrl");
    const highResIconUrl = firstChild(rootNode, "HighResolutionIconUrl");
    if (iconUrl) expectations.push({ url: iconUrl.attrs.DefaultValue, size: 32, what: "<IconUrl>" });
    if (highResIconUrl) expectations.push({ url: highResIconUrl.attrs.DefaultValue, size: 64, what: "<HighResolutionIconUrl>" });
    for (const { url, size, what } of expectations) {
      const file = fileFor(url);
      if (!file) {
        problems.push(`${rel(distManifestPath)}: ${what} is not served from the add-in's own site ${base}: ${url}`);
        continue;
      }
      if (!fs.existsSync(file)) {
        problems.push(`${rel(file)}: missing (${what})`);
        continue;
      }
      const dimensions = readPngSize(fs.readFileSync(file));
      if (!dimensions) problems.push(`${rel(file)}: not a PNG image (${what})`);
      else if (dimensions.width !== size || dimensions.height !== size)
        problems.push(`${rel(file)}: is ${dimensions.width}x${dimensions.height} pixels, but ${what} is declared at ${size}x${size}`);
    }
    // Pages and scripts: every URL on our own site exists in dist/.
    for (const url of new Set(facts.urls)) {
      const file = fileFor(url);
      if (file && !fs.existsSync(file)) problems.push(`${rel(file)}: missing, but the manifest points at ${url}`);
    }
  }

  const functionsPath = path.join(distDir, "functions.json");
  const functionsJson = readText(functionsPath);
  let functionsResult = { ids: [], parameterCount: 0 };
  if (functionsJson !== null) {
    functionsResult = checkFunctionsMetadata(functionsJson);
    for (const problem of functionsResult.problems) problems.push(`${rel(functionsPath)}: ${problem}`);
  }

  const summary = facts
    ? `check-manifest: OK: ${rel(manifestPath)} and ${rel(distManifestPath)} (${facts.resources.size} resources, every resid resolves, ` +
      `${facts.urls.length} URLs on ${facts.baseUrl}, namespace ${facts.namespace}, shared runtime ${facts.runtimeResid}, ` +
      `${facts.imageUsages.size} icons); ${rel(functionsPath)}: ${functionsResult.ids.join(", ")} (${functionsResult.parameterCount} parameters described)`
    : "";
  return { problems, summary };
}

function main(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if ((arg === "--dist" || arg === "--manifest") && argv[i + 1])
      options[arg === "--dist" ? "distDir" : "manifestPath"] = path.resolve(argv[++i]);
    else if (arg === "--help" || arg === "-h") {
      process.stdout.write(
        "usage: node scripts/check-manifest.js [--manifest manifest.xml] [--dist dist]\nChecks the manifest and the built add-in offline (run npm run build first).\n",
      );
      return 0;
    } else {
      process.stderr.write(
        `check-manifest: unknown argument ${arg}\nusage: node scripts/check-manifest.js [--manifest manifest.xml] [--dist dist]\n`,
      );
      return 2;
    }
  }
  const { problems, summary } = checkBuild(options);
  for (const problem of problems) process.stderr.write(`check-manifest: ${problem}\n`);
  if (problems.length > 0) {
    process.stderr.write(`check-manifest: ${problems.length} problem${problems.length === 1 ? "" : "s"} found\n`);
    return 1;
  }
  process.stdout.write(`${summary}\n`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

module.exports = {
  DEV_BASE_URL,
  EXPECTED_NAMESPACE,
  EXPECTED_FUNCTION_IDS,
  parseXml,
  checkManifestXml,
  checkFunctionsMetadata,
  checkBuild,
  readPngSize,
  isAllowedUrl,
  main,
};
