// The esbuild plugin of handler-closures (`swc-plugin-handler-closures/esbuild`,
// also `handlerClosures` of `swc-plugin-handler-closures/api`).
//
//   import handlerClosures from "swc-plugin-handler-closures/esbuild";
//   await esbuild.build({ entryPoints: ["src/main.tsx"], bundle: true, plugins: [handlerClosures()] });
//
// It transforms files in `onLoad` and hands them back with esbuild's
// `tsx`/`jsx` loader, so esbuild still compiles the JSX. Portable like the
// API (Node, Deno, esbuild-wasm in a browser with `readFile`): nothing
// Node-specific is imported up front. Files the fast path (prefilter.js)
// rules out, files that do not change and `.js` files that do not parse are
// left to esbuild's own loading (or, with `readFile`, handed back as read).

import { init, transformSync } from "./index.js";
import { cleanPath, createFileFilter, hasGlobs, splitPluginOptions } from "./file-filter.js";
import { locate, sourceLines } from "./positions.js";
import { createPrefilter } from "./prefilter.js";

const PLUGIN_NAME = "handler-closures";
/** Loaders of transformed files (a transformed `.js` file holds JSX). */
const LOADERS = { tsx: "tsx", ts: "ts", mts: "ts", cts: "ts", js: "jsx", jsx: "jsx" };
/** Loaders of files handed back unchanged: esbuild's defaults. */
const PLAIN_LOADERS = { ...LOADERS, js: "js" };
const encoder = new TextEncoder();

/**
 * The esbuild plugin: transforms the files matching `filter` (esbuild's
 * RegExp, default `.tsx`/`.jsx`/`.js`) and `include`/`exclude`, keeps JSX for
 * esbuild, reports diagnostics as esbuild errors and warnings, and chains the
 * source map when the build writes one.
 */
export default function handlerClosures(options = {}) {
  const { filter = /\.(?:[jt]sx|js)$/, readFile, ...pluginOptions } = options ?? {};
  const { include, exclude, sourceMap, transformOptions } = splitPluginOptions(pluginOptions);
  const mayHaveHandlers = createPrefilter(transformOptions);
  return {
    name: PLUGIN_NAME,
    async setup(build) {
      await init();
      // Invalid options fail the build once, at setup, naming the field.
      transformSync("", { filename: "options-check.tsx", sourceMap: false, ...transformOptions });
      const initial = build.initialOptions;
      // A classic JSX build's factory and fragment: a handler holding JSX
      // stays inline where they are local bindings (hoisting).
      // Without the build's own `jsxFactory`, a tsconfig may name one the
      // plugin cannot see: "*" keeps every callback holding JSX inline.
      if (initial.jsx !== "automatic" && initial.jsx !== "preserve") {
        const factories = [initial.jsxFactory, initial.jsxFragment].filter((f) => typeof f === "string");
        if (!initial.jsxFactory) factories.push("*");
        transformOptions.jsxFactories = [...(transformOptions.jsxFactories ?? []), ...factories];
      }
      const wantMap = sourceMap ?? Boolean(initial.sourcemap);
      const cwd = initial.absWorkingDir ?? globalThis.process?.cwd?.() ?? globalThis.Deno?.cwd?.();
      const glob = hasGlobs(include, exclude) ? await picomatch() : undefined;
      const accepts = createFileFilter(include, exclude, { cwd, glob });
      const read = readFile ?? (await nodeReadFile());
      // Where esbuild cannot read files itself (a `readFile` was given, as in
      // esbuild-wasm in a browser), files left alone are handed back as read.
      const leave = async (args, ext, source) =>
        readFile ? { contents: source ?? (await read(args.path)), loader: initial.loader?.[`.${ext}`] ?? PLAIN_LOADERS[ext] ?? "tsx" } : undefined;
      build.onLoad({ filter, namespace: "file" }, async (args) => {
        const filename = basename(args.path);
        const ext = filename.slice(filename.lastIndexOf(".") + 1).toLowerCase();
        if (!accepts(args.path)) return leave(args, ext);
        const source = await read(args.path);
        if (!mayHaveHandlers(source)) return leave(args, ext, source);
        // With a registry the module id comes from the full path (relative to `root`).
        const name = transformOptions.registry ? args.path : filename;
        const result = transformSync(source, { ...transformOptions, filename: name, sourceMap: wantMap, handlers: false });
        const unparsedJs = ext === "js" && result.diagnostics.some((d) => d.code === "HC101");
        // Unchanged (no handler rewritten, no registry call added): left as read.
        if (unparsedJs || (result.code === source && result.diagnostics.length === 0)) return leave(args, ext, source);
        const file = relativeTo(cwd, args.path);
        const lines = result.diagnostics.length ? sourceLines(source) : [];
        const messages = { errors: [], warnings: [] };
        for (const d of result.diagnostics) {
          (d.severity === "error" ? messages.errors : messages.warnings).push(toEsbuildMessage(d, file, lines));
        }
        const contents = result.map
          ? `${result.code}\n//# sourceMappingURL=data:application/json;base64,${toBase64(result.map)}\n`
          : result.code;
        return {
          contents,
          loader: initial.loader?.[`.${ext}`] ?? LOADERS[ext] ?? "tsx",
          ...messages,
        };
      });
    },
  };
}

async function picomatch() {
  const specifier = "picomatch";
  const { default: compile } = await import(specifier);
  return (pattern) => compile(pattern, { dot: true });
}

async function nodeReadFile() {
  // A computed specifier: bundlers targeting browsers must not try to resolve it.
  const specifier = "node:fs/promises";
  try {
    const fs = await import(specifier);
    return (path) => fs.readFile(path, "utf8");
  } catch {
    return () => {
      throw new Error("handler-closures: no file system here; pass `readFile(path)` to handlerClosures()");
    };
  }
}

/** A diagnostic as an esbuild message: lines 1-based, columns 0-based in UTF-8 bytes. */
function toEsbuildMessage(d, file, lines) {
  const at = locate(d, lines);
  return {
    id: d.code,
    text: `[${d.code}] ${d.message}`,
    location: { file, namespace: "file", line: at.line, column: at.byteColumn, length: at.byteLength, lineText: at.lineText },
    notes: [{ text: d.label }, { text: `help: ${d.help}` }],
  };
}

function toBase64(text) {
  const bytes = encoder.encode(text);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function basename(path) {
  const clean = cleanPath(path);
  return clean.slice(clean.lastIndexOf("/") + 1);
}

function relativeTo(cwd, path) {
  if (!cwd) return path;
  const base = cwd.replace(/[\\/]+$/, "");
  const prefix = path.slice(0, base.length + 1);
  if (prefix === `${base}/` || prefix === `${base}\\`) return path.slice(base.length + 1).replaceAll("\\", "/");
  return path;
}
