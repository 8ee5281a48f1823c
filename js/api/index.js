/* @ts-self-types="./index.d.ts" */
// handler-closures JS API: the transform as a standalone wasm module
// (crates/wasm_module, no host imports), and the esbuild plugin (esbuild.js,
// re-exported here as `handlerClosures`).
//
// Portable ESM: the same file runs in Node >= 20, Deno 2, browsers and
// workers. Nothing runtime-specific happens at import time; the module's bytes
// are loaded by `init()` (embedded base64 by default, or bytes / a URL / a
// Response / a compiled module that the caller gives). See docs/wasm.md.

const FLAG_SOURCE_MAP = 1;
const FLAG_REPRINT = 2;
const FLAG_HANDLERS = 4;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** @type {WebAssembly.Module | null} */
let compiled = null;
/** @type {any} the instance's exports */
let exports = null;
/** @type {Promise<void> | null} */
let pending = null;

/**
 * Loads the wasm module. Without an argument it uses the bytes embedded in
 * `wasm-inline.js` (imported on demand). Otherwise: the module's bytes
 * (ArrayBuffer, typed array), a `WebAssembly.Module`, a `Response` or a
 * promise of one, or a URL / string to `fetch`. Calling it again without an
 * argument is a no-op; with one, it replaces the module.
 */
export function init(input) {
  if (input === undefined) {
    if (exports) return Promise.resolve();
    if (pending) return pending;
  }
  const loading = (async () => {
    const module = await compile(input);
    const instance = await WebAssembly.instantiate(module, {});
    compiled = module;
    exports = instance.exports;
  })();
  pending = loading;
  const done = () => {
    if (pending === loading) pending = null;
  };
  loading.then(done, done);
  return loading;
}

/**
 * Loads the wasm module synchronously from its bytes or a compiled
 * `WebAssembly.Module` (browsers refuse synchronous compilation of large
 * modules on the main thread: use `await init()` there).
 */
export function initSync(input) {
  if (input === undefined) {
    throw new TypeError("initSync needs the module's bytes or a WebAssembly.Module; use `await init()` for the embedded bytes");
  }
  const module = input instanceof WebAssembly.Module ? input : new WebAssembly.Module(toBytes(input));
  exports = new WebAssembly.Instance(module, {}).exports;
  compiled = module;
}

async function compile(input) {
  if (input === undefined) {
    const { default: base64 } = await import("./wasm-inline.js");
    return WebAssembly.compile(fromBase64(base64));
  }
  input = await input;
  if (input instanceof WebAssembly.Module) return input;
  if (typeof input === "string" || input instanceof URL) {
    input = await fetch(input);
  }
  if (typeof Response !== "undefined" && input instanceof Response) {
    if (!input.ok) {
      throw new Error(`handler-closures: cannot load the wasm module from ${input.url}: HTTP ${input.status}`);
    }
    const streaming =
      typeof WebAssembly.compileStreaming === "function" &&
      (input.headers.get("content-type") ?? "").startsWith("application/wasm");
    return streaming ? WebAssembly.compileStreaming(input) : WebAssembly.compile(await input.arrayBuffer());
  }
  return WebAssembly.compile(toBytes(input));
}

function toBytes(input) {
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw new TypeError("handler-closures: expected the wasm module's bytes, a WebAssembly.Module, a Response or a URL");
}

function fromBase64(text) {
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Whether the module is loaded (`transformSync` can run). */
export function isInitialized() {
  return exports !== null;
}

/**
 * The loaded module's `WebAssembly.Memory` (to monitor its size), or `null`.
 * It grows to fit the largest file transformed and never shrinks.
 */
export function wasmMemory() {
  return exports?.memory ?? null;
}

/**
 * Transforms one file. Loads the embedded module on first use.
 * @returns {Promise<import("./index.d.ts").TransformResult>}
 */
export async function transform(code, options) {
  if (!exports) await init();
  return transformSync(code, options);
}

/** Transforms one file; `init()` or `initSync()` must have run. */
export function transformSync(code, options = {}) {
  if (typeof code !== "string") {
    throw new TypeError("handler-closures: transform(code, options) expects the source code as a string");
  }
  const { sourceMap = true, output = "splice", handlers = true, ...transformOptions } = options ?? {};
  // Without a file name there is no module id: a registry then reports HC103
  // rather than registering under an invented name.
  const filename = options?.filename ?? (transformOptions.registry ? "" : "input.tsx");
  delete transformOptions.filename;
  // Module ids (registry keys, manifest) are relative to `root`, by default
  // the working directory where the host has one.
  if (transformOptions.root === undefined) {
    const cwd = workingDirectory();
    if (cwd !== undefined) transformOptions.root = cwd;
  }
  if (output !== "splice" && output !== "print") {
    const error = new Error(`invalid handler-closures option \`output\`: expected "splice" or "print", got ${JSON.stringify(output)}`);
    error.code = "HC100";
    error.field = "output";
    throw error;
  }
  if (!exports) {
    throw new Error("handler-closures: the wasm module is not loaded; call `await init()` first (or use `await transform(...)`)");
  }
  const flags =
    (sourceMap ? FLAG_SOURCE_MAP : 0) | (output === "print" ? FLAG_REPRINT : 0) | (handlers ? FLAG_HANDLERS : 0);
  const result = call(code, String(filename), JSON.stringify(transformOptions), flags);
  if (result === STACK_EXHAUSTED) return tooDeep(code);
  if (result.crashed !== undefined) return crashed(code, result.crashed);
  if (result.error) {
    const error = new Error(result.error.message);
    error.code = result.error.code;
    error.field = result.error.field;
    throw error;
  }
  return {
    code: result.code,
    map: result.map,
    diagnostics: result.diagnostics,
    rewritten: result.rewritten,
    handlers: result.handlers ?? [],
  };
}

/** The host's working directory (Node, Bun, Deno), if it has one. */
function workingDirectory() {
  try {
    if (typeof globalThis.process?.cwd === "function") return globalThis.process.cwd();
    if (typeof globalThis.Deno?.cwd === "function") return globalThis.Deno.cwd();
  } catch {
    // A sandbox without file-system access.
  }
  return undefined;
}

function call(code, filename, optionsJson, flags) {
  const ex = exports;
  let out;
  let args = [];
  try {
    args = [code, filename, optionsJson].map((text) => {
      const bytes = encoder.encode(text);
      const ptr = ex.hc_alloc(bytes.length) >>> 0;
      new Uint8Array(ex.memory.buffer, ptr, bytes.length).set(bytes);
      return [ptr, bytes.length];
    });
    out = ex.hc_transform(args[0][0], args[0][1], args[1][0], args[1][1], args[2][0], args[2][1], flags) >>> 0;
  } catch (cause) {
    // The engine's stack ran out (pathological nesting, see tooDeep), or a
    // trap: a panic or running out of memory. Either way the instance's state
    // is unknown now: the next call uses a fresh one.
    const panic = readPanicMessage(ex);
    reset();
    if (isStackOverflow(cause)) return STACK_EXHAUSTED;
    return { crashed: panic || String(cause?.message ?? cause) };
  }
  for (const [ptr, len] of args) ex.hc_free(ptr, len);
  const len = new DataView(ex.memory.buffer).getUint32(out, true);
  const json = decoder.decode(new Uint8Array(ex.memory.buffer, out + 4, len));
  ex.hc_free(out, len + 4);
  return JSON.parse(json);
}

const STACK_EXHAUSTED = Symbol("stack exhausted");

function isStackOverflow(error) {
  // V8 and JavaScriptCore throw a RangeError, SpiderMonkey an InternalError.
  return (
    (error instanceof RangeError && /call stack/i.test(error.message)) ||
    (error?.name === "InternalError" && /recursion/i.test(error.message))
  );
}

/**
 * The parser recurses once per nesting level, and wasm frames live on the
 * engine's native stack (about 1 MB in V8): beyond roughly 700 nested arrows
 * or 950 nested parentheses it runs out. That is reported like a file that
 * does not parse (HC101), not thrown.
 */
function tooDeep(code) {
  return {
    code,
    map: null,
    diagnostics: [
      {
        code: "HC101",
        severity: "error",
        message: "the file does not parse: it is nested too deeply for the wasm module (the JavaScript engine's stack ran out)",
        label: "nested too deeply",
        help: "reduce the nesting, or raise the engine's stack size (node --stack-size=...); nothing was transformed",
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
      },
    ],
    rewritten: 0,
  };
}

/**
 * The module trapped (a panic: wasm aborts). SWC's parser panics on a few
 * inputs (e.g. `<a:b.c>`): that file does not parse (HC101). Anything else is
 * a bug in the transform (HC102). Either way the file comes back unchanged;
 * the API only throws for invalid options.
 */
function crashed(code, why) {
  const parser = /swc_ecma_parser|parser\//.test(why);
  return {
    code,
    map: null,
    diagnostics: [
      {
        code: parser ? "HC101" : "HC102",
        severity: "error",
        message: parser
          ? `the file does not parse: SWC's parser crashed on it (${why})`
          : `internal error: the transform crashed on this file (${why}); it was left as it is`,
        label: parser ? "parser crash" : "internal error",
        help: parser ? "fix or simplify the syntax; nothing was transformed" : "please report it with the file; nothing was transformed",
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
      },
    ],
    rewritten: 0,
  };
}

function readPanicMessage(ex) {
  try {
    const ptr = ex.hc_panic_message() >>> 0;
    const len = new DataView(ex.memory.buffer).getUint32(ptr, true);
    return decoder.decode(new Uint8Array(ex.memory.buffer, ptr + 4, len));
  } catch {
    return "";
  }
}

function reset() {
  exports = null;
  if (!compiled) return;
  try {
    exports = new WebAssembly.Instance(compiled, {}).exports;
  } catch {
    // Synchronous instantiation refused (browser main thread): `transform`
    // re-instantiates asynchronously on its next call.
    const module = compiled;
    init(module).catch(() => {});
  }
}

/**
 * Formats a diagnostic the way the CLI prints it:
 * `file:line:column: error[HC001]: message`.
 */
export function formatDiagnostic(diagnostic, filename = "input.tsx") {
  const d = diagnostic;
  return `${filename}:${d.line}:${d.column}: ${d.severity}[${d.code}]: ${d.message}\n  help: ${d.help}`;
}

export { default as handlerClosures } from "./esbuild.js";
