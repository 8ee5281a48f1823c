// `swc-plugin-handler-closures/loader`: a webpack loader running the
// transform (webpack 5, Rspack, Next.js's webpack and Turbopack's
// `turbopack.rules`). Its options are the transform's own (the rule's
// `test`/`exclude` choose the files; `node_modules` is skipped here too).
//
//   module: { rules: [{ test: /\.[jt]sx$/, exclude: /node_modules/, enforce: "pre",
//     use: [{ loader: "swc-plugin-handler-closures/loader", options: { helperModule: "commontools" } }] }] }
//
// CommonJS, because every loader runner can `require` it; the transform
// (ESM) is imported once. An error diagnostic fails the module with a
// message that starts with `file:line:column`; warnings go to `emitWarning`.
"use strict";

let loading = null;
/** One transformer per distinct options object (checked once each). */
const transformers = new Map();

function transformerFor(core, options) {
  const key = JSON.stringify(options);
  let transformer = transformers.get(key);
  if (!transformer) {
    transformer = core.createFileTransformer(options);
    transformers.set(key, transformer);
  }
  return transformer;
}

module.exports = function handlerClosuresLoader(source, inputMap) {
  const callback = this.async();
  const options = (typeof this.getOptions === "function" ? this.getOptions() : this.query) || {};
  const path = this.resourcePath;
  if (/[\\/]node_modules[\\/]/.test(path)) return callback(null, source, inputMap);
  loading ??= import("./transform-file.js");
  loading
    .then((core) => {
      const code = typeof source === "string" ? source : source.toString("utf8");
      const out = transformerFor(core, typeof options === "string" ? {} : options).transform(code, path, {
        sourceMap: this.sourceMap !== false,
      });
      if (!out) return callback(null, source, inputMap);
      for (const warning of out.warnings) this.emitWarning?.(core.withFrameInMessage(warning));
      if (out.errors.length) return callback(core.withFrameInMessage(core.combineErrors(out.errors)));
      return callback(null, out.code, out.map ?? undefined);
    })
    .catch((error) => callback(error));
};
