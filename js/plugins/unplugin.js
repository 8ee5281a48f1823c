// The bundler plugins of handler-closures, one `unplugin` object for every
// host (Vite, Rollup, Rolldown, webpack, Rspack, Farm): see vite.js and its
// siblings for the entry points.
//
//   import handlerClosures from "swc-plugin-handler-closures/vite";
//   export default defineConfig({ plugins: [handlerClosures(), react()] });
//
// `enforce: "pre"`: it sees the user's TSX/JSX before the host compiles JSX.
// `transform` returns the transformed code with its source map (the host
// chains it), reports error diagnostics with `this.error` (the build fails)
// and warnings with `this.warn`. Options: the transform's own, plus
// `include`/`exclude` (file-filter.js) and `sourceMap` (default `true`).
// The transform hook carries a filter (ids, and the fast path's attribute
// scan) that Vite 8, Rollup 4 and Rolldown evaluate without calling into
// JavaScript, so files without handlers cost next to nothing.

import picomatch from "picomatch";
import { createUnplugin } from "unplugin";
import { cleanPath, createFileFilter, nativeIdFilter, splitPluginOptions } from "../api/file-filter.js";
import { attributeRegExp } from "../api/prefilter.js";
import { combineErrors, createFileTransformer, PLUGIN_NAME, withFrameInMessage } from "./transform-file.js";

/** Hosts that print an error's `frame` and `loc` themselves. */
const ROLLUP_LIKE = new Set(["vite", "rollup", "rolldown"]);

export const unplugin = createUnplugin((options = {}, meta) => {
  const { include, exclude, sourceMap = true, transformOptions } = splitPluginOptions(options);
  const transformer = createFileTransformer(transformOptions);
  const glob = (pattern) => picomatch(pattern, { dot: true });
  const accepts = createFileFilter(include, exclude, { cwd: process.cwd(), glob });
  const forHost = ROLLUP_LIKE.has(meta.framework) ? (error) => error : withFrameInMessage;
  // unplugin hands Farm's `error`/`warn` an Error object, which Farm 1.7
  // refuses with a panic (it takes a string): throw errors and log warnings
  // there instead.
  const farm = meta.framework === "farm";
  // The handler checks again: globs and functions have no native form.
  const filter = { id: nativeIdFilter(include, exclude) ?? undefined, code: attributeRegExp(transformOptions) ?? "=>" };

  function handler(code, id) {
    if (!accepts(id)) return null;
    const out = transformer.transform(code, id, { sourceMap });
    if (!out) return null;
    for (const warning of out.warnings) {
      if (farm) console.warn(`[${PLUGIN_NAME}] ${forHost(warning).message}`);
      else this.warn(forHost(warning));
    }
    if (out.errors.length) {
      const error = forHost(combineErrors(out.errors));
      if (farm) throw error;
      this.error(error);
    }
    if (out.map && farm) {
      // Farm takes `sources` as they are (no resolving against the module's
      // directory).
      out.map.sources = [cleanPath(id)];
    }
    return { code: out.code, map: out.map };
  }

  return {
    name: PLUGIN_NAME,
    enforce: "pre",
    transform: { filter, handler },
  };
});
