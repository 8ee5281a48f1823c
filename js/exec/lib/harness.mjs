// Execution equivalence: run a TSX module as written and as transformed, in
// the runtime model of BEHAVIOR.md section 0, and compare everything
// observable.
//
//   compile(source, filename, emit) strip types and JSX -> CommonJS, with
//                                  esbuild or TypeScript's own emit (EMITS)
//   transformCli(source, options)  the handler-closures CLI (stdin)
//   execute(js, scenario)          one run in a fresh vm context -> transcript
//   compare(original, transformed, scenario) -> null | difference report
//
// A run: load the module, render every export with the props, then for
// `rounds` rounds fire every on* handler of the latest render (in document
// order) with a synthetic event, settle its promise and timers, and re-render.
// Each step runs through vm.runInContext with a time limit and the context's
// own microtask queue, so async handlers settle inside the step and a runaway
// program is stopped.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdtempSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import vm from "node:vm";
import { transformSync } from "esbuild";
import ts from "typescript";

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, "../../..");
const runtimeSource = readFileSync(join(here, "runtime.js"), "utf8");
const runtimeScript = new vm.Script(runtimeSource, { filename: "runtime.js" });

export function cliPath() {
  if (process.env.HC_CLI) return process.env.HC_CLI;
  const target = process.env.CARGO_TARGET_DIR || join(process.env.HOME, ".cache/handler-closures-target");
  return join(target, "debug/handler-closures");
}

// ---------------------------------------------------------------- emits
// Two compilers turn TSX into the CommonJS the harness runs. They differ where
// the transform can be wrong unseen by one of them: esbuild inlines the
// values of TypeScript enum members (`E.B` becomes `2`), so a member read at
// render instead of at the event looks the same; TypeScript's own emit
// (`transpileModule`) reads the enum object where the code does. Every check
// runs under both (HC_EMITS narrows them).
export const EMITS = { esbuild: compileEsbuild, tsc: compileTypeScript };

export function selectedEmits() {
  const wanted = (process.env.HC_EMITS || "esbuild,tsc").split(",").map((x) => x.trim()).filter(Boolean);
  for (const e of wanted) if (!EMITS[e]) throw new Error(`HC_EMITS: unknown emit ${e} (esbuild, tsc)`);
  return wanted;
}

// A check compiles the same original once per back end and option set:
// remember the last few results (TypeScript's emit costs ~10x esbuild's).
const compiled = new Map();
const COMPILED_KEPT = 32;

export function compile(source, filename = "input.tsx", emit = "esbuild") {
  const key = `${emit}\0${filename}\0${source}`;
  let result = compiled.get(key);
  if (!result) {
    try {
      result = { code: EMITS[emit](source, filename) };
    } catch (error) {
      result = { error };
    }
    if (compiled.size >= COMPILED_KEPT) compiled.delete(compiled.keys().next().value);
    compiled.set(key, result);
  }
  if (result.error) throw result.error;
  return result.code;
}

function compileEsbuild(source, filename) {
  const loader = /\.(c|m)?ts$/.test(filename) ? "ts" : /\.(c|m)?jsx?$/.test(filename) ? "jsx" : "tsx";
  return transformSync(source, {
    loader,
    format: "cjs",
    jsx: "transform",
    jsxFactory: "__jsx",
    jsxFragment: "__Fragment",
    target: "node20",
    sourcefile: filename,
    // `"use client"`-style directives and the shebang are kept by esbuild.
    logLevel: "silent",
  }).code;
}

// TypeScript's emit of one file on its own (isolated modules, no type
// information: what ts-jest's isolatedModules, ts-node's transpile-only and
// tsc's per-file emit do). Syntax errors throw, as esbuild's do.
const tsOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  jsx: ts.JsxEmit.React,
  jsxFactory: "__jsx",
  jsxFragmentFactory: "__Fragment",
  // Drop imports used only as types, as esbuild does with .ts/.tsx files.
  verbatimModuleSyntax: false,
  isolatedModules: true,
  useDefineForClassFields: true,
};

function compileTypeScript(source, filename) {
  const fileName = /\.(c|m)?[jt]sx?$/.test(filename) ? filename : `${filename}.tsx`;
  const r = ts.transpileModule(source, { fileName, compilerOptions: tsOptions, reportDiagnostics: true });
  const errors = (r.diagnostics || []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length) {
    const text = errors.slice(0, 3).map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
    throw new Error(`TypeScript cannot compile ${filename}: ${text.join("; ")}`);
  }
  return r.outputText;
}

// ------------------------------------------------------------------- CLI
let configDir = null;
const configFiles = new Map();
function configFile(options) {
  const text = JSON.stringify(options || {});
  if (configFiles.has(text)) return configFiles.get(text);
  configDir ??= mkdtempSync(join(tmpdir(), "hc-exec-"));
  const file = join(configDir, `options${configFiles.size}.json`);
  writeFileSync(file, text);
  configFiles.set(text, file);
  return file;
}

// Runs the CLI on `source` (stdin). Returns { status, code, stderr, crashed,
// diagnostics: [{severity, code}] }. Exit 0 and 2 are answers; anything else
// (a signal, a panic's 101) is a crash.
export function transformCli(source, options = {}, filename = "input.tsx") {
  const r = spawnSync(cliPath(), ["--config", configFile(options), "--stdin-filename", filename, "-"], {
    input: source,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    timeout: 30000,
  });
  if (r.error) throw r.error;
  const diagnostics = [...r.stderr.matchAll(/:\d+:\d+: (error|warning)\[(HC\d+)\]/g)].map((m) => ({ severity: m[1], code: m[2] }));
  return {
    status: r.status,
    signal: r.signal,
    code: r.stdout,
    stderr: r.stderr,
    // HC102: the transform caught a panic of its own (not the parser's)
    crashed: r.signal !== null || (r.status !== 0 && r.status !== 2) || /panicked/.test(r.stderr) || diagnostics.some((d) => d.code === "HC102"),
    diagnostics,
  };
}

// ------------------------------------------------------ AST back end
// The SWC plugin prints with SWC's code generator (the AST back end); the CLI
// splices text (the text back end). The AST back end is reached through the
// standalone wasm module's JS API (js/api, `output: "print"`), built by
// scripts/build-wasm-module.sh. HC_BACKENDS=text skips it.
const apiDir = join(repoRoot, "js/api");
let api = null;
export function astBackendAvailable() {
  return existsSync(join(apiDir, "handler_closures.wasm")) && existsSync(join(apiDir, "index.js"));
}
async function loadApi() {
  if (api) return api;
  const mod = await import(pathToFileURL(join(apiDir, "index.js")).href);
  mod.initSync(readFileSync(join(apiDir, "handler_closures.wasm")));
  api = mod;
  return api;
}
// Call once (top-level await) before transformAst in a process.
export async function initAst() {
  await loadApi();
}

// Same answer shape as transformCli.
export function transformAst(source, options = {}, filename = "input.tsx") {
  if (!api) throw new Error("initAst() first");
  try {
    const r = api.transformSync(source, { ...options, filename, sourceMap: false, output: "print" });
    const diagnostics = r.diagnostics.map((d) => ({ severity: d.severity, code: d.code }));
    const refused = diagnostics.some((d) => d.code === "HC101");
    if (diagnostics.some((d) => d.code === "HC102")) return { status: 2, code: "", stderr: r.diagnostics.map((d) => d.message).join("\n"), crashed: true, diagnostics };
    return { status: diagnostics.some((d) => d.severity === "error") ? 2 : 0, code: refused ? "" : r.code, stderr: r.diagnostics.map((d) => `${d.line}:${d.column}: ${d.severity}[${d.code}]: ${d.message}`).join("\n"), crashed: false, diagnostics };
  } catch (e) {
    if (e && e.code === "HC100") return { status: 2, code: "", stderr: String(e.message), crashed: false, diagnostics: [{ severity: "error", code: "HC100" }] };
    return { status: null, code: "", stderr: String(e && e.stack), crashed: true, diagnostics: [] };
  }
}

export const BACKENDS = { text: transformCli, ast: transformAst };

// The back ends to check: both, unless HC_BACKENDS narrows them.
export function selectedBackends() {
  const wanted = (process.env.HC_BACKENDS || "text,ast").split(",").map((x) => x.trim()).filter(Boolean);
  return wanted.filter((b) => b !== "ast" || astBackendAvailable());
}

// -------------------------------------------------------------- execution
// Each step may run under vm's own time limit (scenario.stepTimeout, ms).
// That costs a watchdog thread per step (~0.4 ms), so the test runners leave
// it off and run checks in worker threads with a deadline instead (pool.mjs).

// Runs compiled CommonJS `js` in a fresh context. scenario: { props: source
// of a JS expression evaluated in the context (may use __hc), options (the
// transform options: helperModule/helperName), rounds, seed, maxEvents }.
export function execute(js, scenario = {}) {
  const context = vm.createContext({}, { microtaskMode: "afterEvaluate", codeGeneration: { strings: true, wasm: false } });
  const limit = scenario.stepTimeout ? { timeout: scenario.stepTimeout } : {};
  const step = (code, label) => {
    try {
      return vm.runInContext(code, context, { ...limit, filename: label });
    } catch (e) {
      const message = e && e.code === "ERR_SCRIPT_EXECUTION_TIMEOUT" ? "TIMEOUT" : `harness step failed: ${e && e.message}`;
      try {
        vm.runInContext(`__hc.emit(${JSON.stringify(`ABORT ${label}: ${message}`)})`, context, limit);
      } catch {
        /* context unusable */
      }
      return { aborted: message };
    }
  };
  runtimeScript.runInContext(context);
  const options = scenario.options || {};
  const setup = {
    helperModule: options.helperModule || null,
    helperName: options.helperName || "handler",
    registry: options.registry || null,
    seed: scenario.seed || 1,
    globals: scenario.globals || [],
  };
  step(`__hc.setup(${JSON.stringify(setup)})`, "setup");
  // A shebang is only valid on a script's first line: drop it in the wrapper.
  const body = js.replace(/^#!.*/, "");
  // ES modules are strict; esbuild's CommonJS output does not say so.
  // The trailing direct eval gives the runtime the module's top-level scope
  // (the closedness check of runtime.js, `handlerRuntime`).
  const wrapped = `(function (exports, require, module, __jsx, __Fragment) {"use strict";${body}\n;__hc.moduleScope((s) => eval(s));\n})`;
  let factory;
  try {
    factory = new vm.Script(wrapped, { filename: "module.js" }).runInContext(context);
  } catch (e) {
    return { transcript: [`COMPILE ERROR ${e.message}`], handlers: 0, events: 0 };
  }
  context.__factory = factory;
  const transcript = () => JSON.parse(vm.runInContext("JSON.stringify(__hc.out)", context));
  if (step("__hc.load(__factory)", "load")?.aborted) return { transcript: transcript(), handlers: 0, events: 0 };
  const props = scenario.props || '__hc.auto("props")';
  step(`__hc.setProps((${props}))`, "props");
  let count = step("__hc.render()", "render");
  if (typeof count !== "number") return { transcript: transcript(), handlers: 0, events: 0 };
  const initial = count;
  const rounds = scenario.rounds ?? 2;
  const maxEvents = scenario.maxEvents ?? 60;
  let events = 0;
  // Each round fires handler 0, 1, ... of the latest render until the index
  // passes the number of handlers (which events may change).
  outer: for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < count; i++) {
      if (events >= maxEvents) {
        step(`__hc.emit("stopped after ${maxEvents} events")`, "cap");
        break outer;
      }
      const r1 = step(`__hc.fire(${i}, ${events})`, `fire ${i}`);
      events += 1;
      if (r1?.aborted) break outer;
      if (step("__hc.afterEvent()", "timers")?.aborted) break outer;
      count = step("__hc.render()", "re-render");
      if (typeof count !== "number") break outer;
    }
  }
  return { transcript: transcript(), handlers: initial, events };
}

// Compares two transcripts: null when equal, else a short report around the
// first difference.
export function diffTranscripts(a, b, labels = ["original", "transformed"]) {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) {
      const from = Math.max(0, i - 3);
      const show = (t) => t.slice(from, i + 2).map((line, k) => `${from + k === i ? ">" : " "} ${clip(line)}`).join("\n");
      return `transcripts differ at line ${i}:\n--- ${labels[0]}\n${show(a)}\n--- ${labels[1]}\n${show(b)}`;
    }
  }
  return null;
}

function clip(line) {
  if (line === undefined) return "(end)";
  return line.length > 600 ? line.slice(0, 600) + "…" : line;
}

// The whole check for one module and one option set. Returns
// { ok, stage, message, handlers, events, diagnostics, transformed }.
// Stages: "cli" (crash or refused file), "parse" (output does not parse),
// "idempotence", "compile" (a compiler cannot compile the input), "exec".
// Compiles and executes under every selected emit (esbuild, TypeScript's),
// or only `emit`. `globals`: more names the host provides as auto values.
export function checkModule(source, { options = {}, props, rounds, filename = "input.tsx", seed, exec = true, stepTimeout, backend = "text", emit, globals = [] } = {}) {
  // `backend` names a back end, or is a stand-in function (self-tests).
  const transform = typeof backend === "function" ? backend : BACKENDS[backend];
  const label = typeof backend === "function" ? "stand-in" : backend;
  const first = transform(source, options, filename);
  if (first.crashed) return { ok: false, stage: "cli", message: `the ${label} back end crashed (exit ${first.status}, signal ${first.signal}):\n${first.stderr}` };
  if (first.diagnostics.some((d) => d.code === "HC101" || d.code === "HC100") || (first.status === 2 && first.code === ""))
    return { ok: false, stage: "cli", refused: first.diagnostics.some((d) => d.code === "HC101"), message: `the ${label} back end refused the file:\n${first.stderr}` };
  const second = transform(first.code, options, filename);
  if (second.crashed) return { ok: false, stage: "cli", message: `CLI crashed on its own output:\n${second.stderr}` };
  if (second.diagnostics.some((d) => d.code === "HC101"))
    return { ok: false, stage: "parse", message: `the output does not parse:\n${second.stderr}\n--- output\n${first.code}` };
  if (second.code !== first.code)
    return { ok: false, stage: "idempotence", message: `a second run changed the output:\n${lineDiff(first.code, second.code)}` };
  const result = { ok: true, diagnostics: first.diagnostics, transformed: first.code, handlers: 0, events: 0 };
  const scenario = { options, props, rounds, seed, stepTimeout, globals: [...declaredGlobals(source), ...globals] };
  for (const e of emit ? [emit] : selectedEmits()) {
    let jsOriginal, jsTransformed;
    try {
      jsOriginal = compile(source, filename, e);
    } catch (err) {
      return { ok: false, stage: "compile", message: `${e} cannot compile the input: ${err.message}` };
    }
    try {
      jsTransformed = compile(first.code, filename, e);
    } catch (err) {
      return { ok: false, stage: "parse", message: `${e} cannot parse the output: ${err.message}\n--- output\n${first.code}` };
    }
    if (!exec) continue;
    const a = execute(jsOriginal, scenario);
    const b = execute(jsTransformed, scenario);
    const diff = diffTranscripts(a.transcript, b.transcript);
    // The counts and transcript reported are the first emit's.
    if (!result.transcript) Object.assign(result, { handlers: a.handlers, events: a.events, transcript: a.transcript });
    if (diff) return { ...result, ok: false, stage: "exec", emit: e, message: `under ${e} emit: ${diff}\n--- transformed source\n${first.code}` };
  }
  return result;
}

export function lineDiff(a, b) {
  const x = a.split("\n");
  const y = b.split("\n");
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if (x[i] !== y[i]) return `line ${i + 1}:\n- ${x[i]}\n+ ${y[i]}`;
  return "(same lines)";
}

export function readJson(file, fallback) {
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : fallback;
}

// Names a module declares as ambient globals (`declare global { var x }`,
// `declare const x`): the runtime provides them as auto values, as the host
// page would.
export function declaredGlobals(source) {
  const names = new Set();
  const decl = /\b(?:var|let|const|function|class)\s+([A-Za-z_$][\w$]*)/g;
  for (const m of source.matchAll(/\bdeclare\s+(?:var|let|const|function|class)\s+([A-Za-z_$][\w$]*)/g)) names.add(m[1]);
  for (const m of source.matchAll(/\bdeclare\s+global\s*\{/g)) {
    let depth = 0;
    let i = m.index + m[0].length - 1;
    const start = i;
    for (; i < source.length; i++) {
      if (source[i] === "{") depth++;
      else if (source[i] === "}" && --depth === 0) break;
    }
    const block = source.slice(start + 1, i);
    // only the block's own level: drop nested braces' contents
    const flat = block.replace(/\{[^{}]*\}/g, "{}").replace(/\{[^{}]*\}/g, "{}");
    for (const d of flat.matchAll(decl)) names.add(d[1]);
  }
  return [...names];
}
