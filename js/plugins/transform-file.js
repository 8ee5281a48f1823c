// One file through the transform, for the bundler plugins and the webpack
// loader (Node only): the wasm module is compiled once per process and
// instantiated once, diagnostics come back as ready-made errors and warnings
// with file, line, column and a code frame.
//
//   const transformer = createFileTransformer(transformOptions, { cwd });
//   const out = transformer.transform(code, "/app/src/App.tsx");
//   // null: nothing to do (fast path, or no handler); else
//   // { code, map, errors: [RollupError-like], warnings: [...] }
//
// Each error or warning is an `Error` with Rollup's fields (`code`, `id`,
// `loc: { file, line, column }` with a 0-based UTF-16 column, `frame`,
// `plugin`), which Rollup, Vite and Rolldown display as they are; its
// `message` starts with `file:line:column` (the diagnostic's own numbers, as
// the CLI prints them) so that hosts that only show the message (webpack,
// Rspack, Farm, Next.js) still name the place.

import { readFileSync } from "node:fs";
import { relative } from "node:path";
import v8 from "node:v8";
import { initSync, isInitialized, transformSync } from "../api/index.js";
import { cleanPath } from "../api/file-filter.js";
import { codeFrame, locate, sourceLines } from "../api/positions.js";
import { createPrefilter } from "../api/prefilter.js";

export const PLUGIN_NAME = "handler-closures";

// Shared by every copy of this file in the process (a bundler may load the
// package twice, e.g. from a config bundle and from a worker's import).
const COMPILED = Symbol.for("swc-plugin-handler-closures.compiled-module");

/** Instantiates the wasm module unless it is already loaded in this module graph. */
export function ensureLoaded() {
  if (isInitialized()) return;
  globalThis[COMPILED] ??= compileBaselineOnly(readFileSync(new URL("../api/handler_closures.wasm", import.meta.url)));
  initSync(globalThis[COMPILED]);
}

/**
 * Compiles the module with V8's baseline compiler only (Liftoff). A build
 * transforms a few hundred files per process: V8's optimising tier
 * (TurboFan) spends more CPU compiling the module's large hot functions
 * than it saves (measured on 200 files: 360 ms of CPU for the first pass
 * with tier-up, 100 ms without, and no faster afterwards). The flag is set
 * for this synchronous compile only and restored right after, so other
 * wasm modules in the process are compiled as usual.
 * `HANDLER_CLOSURES_LIFTOFF=0` keeps V8's default.
 */
function compileBaselineOnly(bytes) {
  if (process.env.HANDLER_CLOSURES_LIFTOFF === "0") return new WebAssembly.Module(bytes);
  let scoped = false;
  try {
    v8.setFlagsFromString("--liftoff-only");
    scoped = true;
  } catch {}
  try {
    return new WebAssembly.Module(bytes);
  } finally {
    if (scoped) v8.setFlagsFromString("--no-liftoff-only");
  }
}

/**
 * Checks the options once (an invalid option throws its HC100 error, naming
 * the field) and returns `{ transform(code, id, { sourceMap }) }`.
 */
export function createFileTransformer(transformOptions, { cwd = process.cwd() } = {}) {
  ensureLoaded();
  transformSync("", { filename: "options-check.tsx", sourceMap: false, ...transformOptions });
  const mayHaveHandlers = createPrefilter(transformOptions);
  return {
    transform(code, id, { sourceMap = true } = {}) {
      if (!mayHaveHandlers(code)) return null;
      ensureLoaded();
      const path = cleanPath(id);
      const filename = path.slice(path.lastIndexOf("/") + 1);
      // With a registry the module id comes from the whole id (relative to
      // `root`, by default the bundler's working directory; a virtual id is
      // an error, HC103).
      const name = transformOptions.registry ? id : filename;
      const root = transformOptions.root ?? cwd;
      const result = transformSync(code, { ...transformOptions, root, filename: name, sourceMap, handlers: false });
      const isJs = /\.m?js$/.test(filename);
      if (isJs && result.diagnostics.some((d) => d.code === "HC101")) return null;
      // Unchanged (no handler rewritten, no registry call added): leave it.
      if (result.code === code && result.diagnostics.length === 0) return null;
      const file = relative(cwd, path).replaceAll("\\", "/") || path;
      const lines = result.diagnostics.length ? sourceLines(code) : [];
      const errors = [];
      const warnings = [];
      for (const d of result.diagnostics) {
        // A file SWC cannot parse: the host's own compiler reports it better.
        const severity = d.code === "HC101" ? "warning" : d.severity;
        (severity === "error" ? errors : warnings).push(toError(d, severity, { id: path, file, lines }));
      }
      return { code: result.code, map: result.map ? JSON.parse(result.map) : null, errors, warnings };
    },
  };
}

/** Several errors of one file as one (Rollup stops at the first `this.error`). */
export function combineErrors(errors) {
  if (errors.length === 1) return errors[0];
  const error = new Error(errors.map((e) => e.message).join("\n\n"));
  Object.assign(error, { ...errors[0], message: error.message, errors });
  error.name = errors[0].name;
  error.stack = `${error.name}: ${error.message}`;
  return error;
}

function toError(d, severity, { id, file, lines }) {
  const at = locate(d, lines);
  const frame = codeFrame(lines, at);
  const message = `${file}:${d.line}:${d.column}: ${severity}[${d.code}]: ${d.message}\n  ${d.label}\n  help: ${d.help}`;
  const error = new Error(message);
  error.name = `HandlerClosures${severity === "error" ? "Error" : "Warning"}`;
  // A user's diagnostic, not a crash: no stack frames of the plugin.
  error.stack = `${error.name}: ${message}`;
  error.code = d.code;
  error.plugin = PLUGIN_NAME;
  error.id = id;
  error.loc = { file: id, line: at.line, column: at.column };
  error.frame = frame;
  error.diagnostic = d;
  return error;
}

/**
 * The same error with the code frame in its message, for hosts that show
 * only the message (webpack, Rspack, Farm, Next.js); Rollup, Vite and
 * Rolldown print `frame` themselves.
 */
export function withFrameInMessage(error) {
  if (error.errors) {
    const combined = combineErrors(error.errors.map(withFrameInMessage));
    return combined;
  }
  const framed = new Error(`${error.message}\n${error.frame}`);
  Object.assign(framed, error, { message: framed.message });
  framed.name = error.name;
  framed.stack = `${error.name}: ${framed.message}`;
  return framed;
}
