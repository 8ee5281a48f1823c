// Types of the handler-closures JS API (swc-plugin-handler-closures/api).

/** The transform's options (camelCase; see the README's Options table). */
export interface HandlerClosuresOptions {
  /**
   * Module `handler` is imported from. Defaults to the runtime module the
   * file already imports from (`"commonfabric"`, then `"commontools"`), else
   * `"commontools"`.
   */
  helperModule?: string;
  /** Exported name of the helper. Defaults to `"handler"`. */
  helperName?: string;
  /** `"named"` (`import { handler }`) or `"namespace"`. Defaults to `"named"`. */
  importStyle?: "named" | "namespace";
  /** Local name of a new namespace import. Defaults to `"__ctHelpers"`. */
  namespaceName?: string;
  /** Event attributes start with this (case-sensitive). Defaults to `"on"`. */
  attributePrefix?: string;
  /** A regex the full attribute name must match; replaces the prefix rule. */
  attributePattern?: string;
  /** Attribute names never treated as event attributes. Defaults to `[]`. */
  exclude?: string[];
  /** `"paths"` (the capture tree) or `"roots"` (root bindings only). Defaults to `"paths"`. */
  captureMode?: "paths" | "roots";
  /** `"capture"` local functions like any binding, or `"error"` (HC008). Defaults to `"capture"`. */
  localCallables?: "capture" | "error";
  /** Hoist each rewritten handler to a module-level `const` with a stable name. Defaults to `false`. */
  hoist?: boolean;
  /** Register the hoisted handlers: `name(moduleId, { ... })` imported from `module`. Needs `hoist`. */
  registry?: { module: string; name: string };
  /** The directory module ids are relative to. Defaults to the working directory (`process.cwd()`, `Deno.cwd()`). */
  root?: string;
  /** The classic JSX factory and fragment the build uses (`["h", "Fragment"]`), besides `React` and `@jsx` pragmas. Defaults to `[]`. */
  jsxFactories?: string[];
}

export interface TransformOptions extends HandlerClosuresOptions {
  /**
   * The file's name: its extension picks the syntax (`.ts`, `.mts`, `.cts`
   * TypeScript without JSX; `.js`, `.jsx`, `.mjs`, `.cjs` JavaScript with
   * JSX; anything else TSX) and it is the source map's `sources` entry.
   * Defaults to `"input.tsx"`.
   */
  filename?: string;
  /** Build a source map (`map`). Defaults to `true`. */
  sourceMap?: boolean;
  /**
   * How the output is produced: `"splice"` inserts the edits into the
   * original text (everything else stays byte for byte; faster), `"print"`
   * re-prints the whole file with SWC's code generator. Defaults to `"splice"`.
   */
  output?: "splice" | "print";
  /** Describe every handler in `handlers` (the manifest's entries). Defaults to `true`. */
  handlers?: boolean;
}

/** One handler as the manifest describes it (README: "The manifest"). */
export interface HandlerEntry {
  /** `moduleId#name` when hoisted, else `null`. */
  id: string | null;
  name: string | null;
  /** The module id. */
  file: string;
  line: number;
  column: number;
  element: string;
  attribute: string;
  status: "rewritten" | "refused" | "left";
  /** The error code when refused. */
  code?: string;
  hoisted: boolean;
  /** Why it is not hoisted. */
  reason?: string;
  captures: string[];
  eventFields: "*" | null | { path: string; kind: "read" | "call" | "write" | "*" }[];
}

export interface Diagnostic {
  /** Stable code, `HC001`...`HC009` and `HC100`...`HC102` (see the README's diagnostics table). */
  code: string;
  /** `"error"`: the handler was left as written; `"warning"`: it was rewritten. */
  severity: "error" | "warning";
  message: string;
  /** What the span shows. */
  label: string;
  /** What to do about it. */
  help: string;
  /** 1-based. */
  line: number;
  /** 1-based, in characters (Unicode scalar values). */
  column: number;
  endLine: number;
  endColumn: number;
}

export interface TransformResult {
  /** The transformed file; the input unchanged when it does not parse (HC101). */
  code: string;
  /** Source map (JSON text, original source inlined), or `null` when not asked for or on HC101. */
  map: string | null;
  /** Errors (those handlers are left as written) and warnings. */
  diagnostics: Diagnostic[];
  /** How many handlers were rewritten. */
  rewritten: number;
  /** Every handler of the file, described (empty with `handlers: false`). */
  handlers: HandlerEntry[];
}

/** Thrown for invalid options (`code` is `"HC100"`, `field` names the option). */
export interface OptionsError extends Error {
  code: "HC100";
  field: string;
}

export type InitInput =
  | BufferSource
  | WebAssembly.Module
  | Response
  | PromiseLike<Response>
  | URL
  | string;

/**
 * Loads the wasm module: the embedded bytes without an argument, else the
 * given bytes, compiled module, `Response` or URL (fetched). Without an
 * argument, a no-op once loaded.
 */
export function init(input?: InitInput | PromiseLike<InitInput>): Promise<void>;

/** Loads the wasm module synchronously from its bytes or a compiled module. */
export function initSync(input: BufferSource | WebAssembly.Module): void;

/** Whether the module is loaded, so that `transformSync` can run. */
export function isInitialized(): boolean;

/**
 * The loaded module's memory (to monitor its size), or `null`. It grows to
 * fit the largest file transformed and never shrinks.
 */
export function wasmMemory(): WebAssembly.Memory | null;

/** Transforms one file, loading the embedded module on first use. Throws only for invalid options. */
export function transform(code: string, options?: TransformOptions): Promise<TransformResult>;

/** Transforms one file; `init()` or `initSync()` must have run. Throws only for invalid options. */
export function transformSync(code: string, options?: TransformOptions): TransformResult;

/** `file:line:column: error[HC001]: message` and the help line, as the CLI prints it. */
export function formatDiagnostic(diagnostic: Diagnostic, filename?: string): string;

export interface EsbuildPluginOptions extends Omit<HandlerClosuresOptions, "exclude"> {
  /** esbuild's `onLoad` filter (`file` namespace). Defaults to `/\.(?:[jt]sx|js)$/`. */
  filter?: RegExp;
  /** Files to transform: RegExps, glob strings (picomatch) or functions of the path. Defaults to `.tsx`, `.jsx` and `.js` (only when they hold JSX handlers). */
  include?: RegExp | string | ((path: string) => boolean) | ReadonlyArray<RegExp | string | ((path: string) => boolean)>;
  /** Files not to transform; `node_modules` is never transformed. Defaults to none. */
  exclude?: RegExp | string | ((path: string) => boolean) | ReadonlyArray<RegExp | string | ((path: string) => boolean)>;
  /** Attribute names never treated as event attributes (the transform's `exclude`). Defaults to `[]`. */
  excludeAttributes?: string[];
  /** Reads a file (for environments without `node:fs`, e.g. esbuild-wasm in a browser). Defaults to `node:fs/promises`. */
  readFile?: (path: string) => string | Promise<string>;
  /** Chain a source map into esbuild's. Defaults to whether the build writes source maps. */
  sourceMap?: boolean;
}

/** Structurally an esbuild `Plugin` (no dependency on esbuild's types). */
export interface EsbuildPlugin {
  name: string;
  setup(build: any): void | Promise<void>;
}

/** The esbuild plugin factory. */
export function handlerClosures(options?: EsbuildPluginOptions): EsbuildPlugin;
