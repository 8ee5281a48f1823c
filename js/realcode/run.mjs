#!/usr/bin/env node
// Real code nobody here wrote: every .tsx/.jsx source file that the pinned
// UI kits of package.json publish (installed with `npm ci`), through both
// back ends of the transform:
//
// - the text back end, as the codemod runs it: `handler-closures --write` on
//   a copy of the sources, then `--check` on the result;
// - the AST back end (what the SWC plugin prints), through the JS API
//   (`js/api`, `output: "print"`), when the wasm module is built.
//
// It fails on: a crash (panic, signal, internal error), an output that does
// not parse (esbuild, an independent parser, for files esbuild parses as
// given), a second run that changes anything, and back ends that disagree on
// the number of handlers rewritten. It prints the counts of files, handlers
// rewritten and diagnostics by code.
//
//   node js/realcode/run.mjs            (after `npm ci` in js/realcode)
//   HC_CLI=path/to/handler-closures     another CLI binary
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, extname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { transformSync } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "../..");
const pkg = JSON.parse(readFileSync(join(here, "package.json"), "utf8"));
const cli = process.env.HC_CLI || join(process.env.CARGO_TARGET_DIR || join(process.env.HOME, ".cache/handler-closures-target"), "debug/handler-closures");
const failures = [];
const fail = (msg) => failures.push(msg);
const t0 = Date.now();

// ------------------------------------------------------------ the sources
function walk(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== "node_modules") walk(p, out);
    } else if (/\.(tsx|jsx)$/.test(e.name) && !/\.d\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

const work = mkdtempSync(join(tmpdir(), "hc-realcode-"));
const files = []; // { project, rel, original }
for (const name of Object.keys(pkg.dependencies)) {
  const dir = join(here, "node_modules", name);
  if (!existsSync(dir)) {
    console.error(`realcode: ${name} is not installed: run npm ci in js/realcode`);
    process.exit(2);
  }
  const version = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).version;
  const found = walk(dir);
  console.log(`realcode: ${name}@${version}: ${found.length} files`);
  for (const f of found) {
    const rel = join(name, relative(dir, f));
    mkdirSync(dirname(join(work, rel)), { recursive: true });
    cpSync(f, join(work, rel));
    files.push({ project: name, rel, original: readFileSync(f, "utf8") });
  }
}
console.log(`realcode: ${files.length} files from ${Object.keys(pkg.dependencies).length} projects`);
if (files.length < 1000) fail(`only ${files.length} files (expected at least 1000)`);

// ---------------------------------------------------- text back end (CLI)
function runCli(args) {
  const r = spawnSync(cli, ["--format", "json", ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, timeout: 600000 });
  if (r.error) throw r.error;
  if (r.signal || ![0, 1, 2].includes(r.status) || /panicked/.test(r.stderr))
    fail(`CLI ${args.join(" ")} crashed: exit ${r.status}, signal ${r.signal}\n${r.stderr.slice(0, 4000)}`);
  let report = null;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    fail(`CLI ${args.join(" ")}: no JSON report (exit ${r.status})\n${r.stderr.slice(0, 2000)}`);
  }
  return { status: r.status, report };
}

const t1 = Date.now();
const first = runCli(["--write", "--ext", "tsx,jsx", work]);
const s1 = first.report?.summary || {};
const refusedToParse = new Set();
for (const f of first.report?.files || []) {
  if (f.status !== "error") continue;
  const rel = relative(work, f.path.startsWith("/") ? f.path : join(work, f.path));
  if ((f.diagnostics || []).some((d) => d.code === "HC102") || /internal error|panick/.test(f.error || "")) {
    fail(`CLI crashed on ${rel}: ${f.error || JSON.stringify(f.diagnostics)}`);
    continue;
  }
  const parseError = (f.diagnostics || []).some((d) => d.code === "HC101") || /does not parse/.test(f.error || "");
  if (parseError && !/internal error/.test(f.error || "")) refusedToParse.add(rel);
  else if (!(f.diagnostics || []).some((d) => d.severity === "error")) fail(`CLI error on ${rel}: ${f.error}`);
}
const second = runCli(["--check", "--ext", "tsx,jsx", work]);
const s2 = second.report?.summary || {};
if (s2.filesChanged !== 0) {
  const changed = (second.report?.files || []).filter((f) => f.status === "changed").map((f) => f.path);
  fail(`a second run would change ${s2.filesChanged} files: ${changed.slice(0, 10).join(", ")}`);
}
const cliSeconds = (Date.now() - t1) / 1000;

// ---------------------------------------------- outputs parse (esbuild)
const loader = (rel) => (extname(rel) === ".jsx" ? "jsx" : "tsx");
// The program without comments and formatting (esbuild, minified whitespace).
const canonical = (code, rel) => {
  try {
    return transformSync(code, { loader: loader(rel), jsx: "preserve", minifyWhitespace: true, legalComments: "none", logLevel: "silent" }).code;
  } catch {
    return null;
  }
};
const parses = (code, rel) => {
  try {
    transformSync(code, { loader: loader(rel), jsx: "preserve", logLevel: "silent" });
    return true;
  } catch {
    return false;
  }
};
let esbuildRejects = 0;
for (const f of files) {
  const inputParses = parses(f.original, f.rel);
  if (!inputParses) {
    esbuildRejects += 1;
    continue;
  }
  const out = readFileSync(join(work, f.rel), "utf8");
  if (out !== f.original && !parses(out, f.rel)) fail(`text back end: the output of ${f.rel} does not parse (esbuild)`);
  f.textChanged = out !== f.original;
}

// --------------------------------------------- AST back end (JS API print)
const apiDir = join(root, "js/api");
let ast = null;
if (existsSync(join(apiDir, "handler_closures.wasm")) && process.env.HC_BACKENDS !== "text") {
  const api = await import(pathToFileURL(join(apiDir, "index.js")).href);
  api.initSync(readFileSync(join(apiDir, "handler_closures.wasm")));
  const t2 = Date.now();
  ast = { rewritten: 0, files: 0, byCode: {}, commentOnly: [], printerAlone: [] };
  // SWC's printer alone (no attribute is an event attribute, so nothing is
  // rewritten): when its reprint already fails, the failure is upstream
  // (js/exec/findings/codegen-*.tsx), counted, not failed.
  const printerFails = (f) => {
    const plain = api.transformSync(f.original, { filename: f.rel, sourceMap: false, output: "print", attributePrefix: "__never__" });
    return !parses(plain.code, f.rel) || api.transformSync(plain.code, { filename: f.rel, sourceMap: false, output: "print", attributePrefix: "__never__" }).diagnostics.length > 0;
  };
  for (const f of files) {
    if (refusedToParse.has(f.rel)) continue;
    let r;
    try {
      r = api.transformSync(f.original, { filename: f.rel, sourceMap: false, output: "print" });
    } catch (e) {
      fail(`AST back end threw on ${f.rel}: ${e.message}`);
      continue;
    }
    ast.files += 1;
    ast.rewritten += r.rewritten;
    for (const d of r.diagnostics) ast.byCode[d.code] = (ast.byCode[d.code] || 0) + 1;
    if (r.diagnostics.some((d) => d.code === "HC102")) fail(`AST back end crashed on ${f.rel}: ${r.diagnostics.find((d) => d.code === "HC102").message}`);
    if (r.diagnostics.some((d) => d.code === "HC101")) continue;
    const again = api.transformSync(r.code, { filename: f.rel, sourceMap: false, output: "print" });
    const reparse = again.diagnostics.some((d) => d.code === "HC101") || (parses(f.original, f.rel) && !parses(r.code, f.rel));
    if (reparse) {
      if (printerFails(f)) ast.printerAlone.push(f.rel);
      else fail(`AST back end: the output of ${f.rel} does not parse, though SWC's plain reprint does`);
    } else if (again.code !== r.code) {
      // SWC's printer drops comments it finds where it never prints them; the
      // driver moves most (src/print_comments.rs), the rest are counted, not failed
      if (canonical(again.code, f.rel) === canonical(r.code, f.rel) && canonical(r.code, f.rel) !== null) ast.commentOnly.push(f.rel);
      else fail(`AST back end: a second run changes ${f.rel}`);
    }
  }
  ast.seconds = (Date.now() - t2) / 1000;
  if (ast.rewritten !== s1.handlersRewritten)
    fail(`the back ends rewrote different numbers of handlers: text ${s1.handlersRewritten}, AST ${ast.rewritten}`);
}
rmSync(work, { recursive: true, force: true });

// ----------------------------------------------------------------- report
console.log(`realcode: text back end (CLI --write, then --check): ${s1.filesScanned} files scanned, ${s1.filesChanged} changed, ${s1.handlersRewritten} handlers rewritten, ${s1.errors} with errors, ${s1.warnings} warnings (${cliSeconds.toFixed(1)}s)`);
console.log(`realcode: diagnostics by code: ${JSON.stringify(s1.diagnosticsByCode || {})}`);
console.log(`realcode: files SWC does not parse (HC101): ${refusedToParse.size}${refusedToParse.size ? ": " + [...refusedToParse].slice(0, 5).join(", ") : ""}`);
console.log(`realcode: files esbuild does not parse as given (output parse check skipped): ${esbuildRejects}`);
if (ast) {
  console.log(`realcode: AST back end (JS API print): ${ast.files} files, ${ast.rewritten} handlers rewritten, diagnostics ${JSON.stringify(ast.byCode)} (${ast.seconds.toFixed(1)}s)`);
  console.log(`realcode: AST back end: ${ast.printerAlone.length} files whose output does not parse because SWC's plain reprint does not (known SWC printer issue, not failed), e.g. ${ast.printerAlone.slice(0, 3).join(", ")}`);
  console.log(`realcode: AST back end: ${ast.commentOnly.length} files where a second print drops comments (known SWC printer issue, not failed), e.g. ${ast.commentOnly.slice(0, 3).join(", ")}`);
}
else console.log("realcode: AST back end not checked (js/api/handler_closures.wasm missing: bash scripts/build-wasm-module.sh)");
console.log(`realcode: ${((Date.now() - t0) / 1000).toFixed(1)}s`);
if (failures.length) {
  console.error(`realcode: FAILED (${failures.length}):\n- ${failures.slice(0, 40).join("\n- ")}`);
  process.exit(1);
}
console.log(`realcode: ${files.length} passed, 0 failed`);
