// Which files the bundler plugins transform: their `include`/`exclude`
// options, and the split of a plugin's options into file filters and the
// transform's own options.
//
//   const { include, exclude, transformOptions } = splitPluginOptions(options);
//   const accepts = createFileFilter(include, exclude, { cwd, glob });
//   accepts("/app/src/App.tsx?v=1"); // true
//   accepts("/app/node_modules/x/index.jsx"); // false, always
//
// Patterns are RegExps (tested against the path, forward slashes, no query),
// functions `(path) => boolean`, or glob strings (picomatch, which the caller
// passes as `glob`; a relative glob is taken from `cwd`), or arrays of them.
// Defaults: `.jsx`, `.tsx` and `.js` files (a `.js` file is transformed only
// when it holds JSX handlers: see prefilter.js); `node_modules` never.
//
// The transform's `exclude` option (attribute names) clashes with the
// bundler convention of `exclude` for files: in the bundler plugins it is
// spelt `excludeAttributes`, and an `exclude` entry that looks like an
// attribute name is refused (HC100) rather than silently matching no file.

/** The default `include`; it also matches ids with a `?query` (Vite's). */
export const DEFAULT_INCLUDE = /\.(?:[jt]sx|js)(?:[?#]|$)/;
/** Always excluded; also matches Windows paths. */
export const NODE_MODULES = /[\\/]node_modules[\\/]/;

/** Splits a bundler plugin's options. Throws an HC100 error for a misplaced attribute name. */
export function splitPluginOptions(options = {}) {
  const { include, exclude, excludeAttributes, sourceMap, ...transformOptions } = options ?? {};
  for (const [i, pattern] of toArray(exclude).entries()) {
    if (typeof pattern === "string" && /^[A-Za-z_$][\w$:-]*$/.test(pattern)) {
      throw optionsError(
        `exclude[${i}]`,
        `invalid handler-closures option \`exclude[${i}]\`: in the bundler plugins \`exclude\` filters files; ` +
          `\`${pattern}\` looks like an attribute name: put attribute names in \`excludeAttributes\``,
      );
    }
  }
  if (excludeAttributes !== undefined) transformOptions.exclude = excludeAttributes;
  return { include, exclude, sourceMap, transformOptions };
}

/**
 * A function `(id) => boolean` for module ids (absolute paths, possibly with
 * a `?query`; ids starting with `\0` are virtual modules and never match).
 */
export function createFileFilter(include, exclude, { cwd = "", glob } = {}) {
  const included = matchers(include ?? DEFAULT_INCLUDE, cwd, glob);
  const excluded = matchers(exclude, cwd, glob);
  return (id) => {
    if (id.startsWith("\0")) return false;
    const path = cleanPath(id);
    if (NODE_MODULES.test(path)) return false;
    if (excluded.some((test) => test(path))) return false;
    return included.some((test) => test(path));
  };
}

/** The module id as a path: no query or hash, forward slashes. */
export function cleanPath(id) {
  const query = id.search(/[?#]/);
  return (query < 0 ? id : id.slice(0, query)).replaceAll("\\", "/");
}

/**
 * The filters as a hook filter (`{ include, exclude }` of RegExps) that
 * bundlers can evaluate without calling the plugin, or `null` when a pattern
 * is a glob or a function (then the plugin filters every id itself).
 */
export function nativeIdFilter(include, exclude) {
  const patterns = [...toArray(include), ...toArray(exclude)];
  if (!patterns.every((p) => p instanceof RegExp)) return null;
  return {
    include: include === undefined ? [DEFAULT_INCLUDE] : toArray(include),
    exclude: [NODE_MODULES, ...toArray(exclude)],
  };
}

/** Whether any pattern is a glob string (the caller then needs a `glob` compiler). */
export function hasGlobs(...patterns) {
  return patterns.some((p) => toArray(p).some((x) => typeof x === "string"));
}

function matchers(patterns, cwd, glob) {
  return toArray(patterns).map((pattern) => {
    if (pattern instanceof RegExp) {
      return (path) => {
        pattern.lastIndex = 0;
        return pattern.test(path);
      };
    }
    if (typeof pattern === "function") return (path) => Boolean(pattern(path));
    if (typeof pattern === "string") {
      if (!glob) throw new TypeError("handler-closures: glob patterns need picomatch here; use a RegExp");
      const base = cwd.replaceAll("\\", "/").replace(/\/+$/, "");
      const absolute = pattern.startsWith("/") || pattern.startsWith("**") || /^[A-Za-z]:/.test(pattern);
      return glob(absolute || !base ? pattern : `${base}/${pattern}`);
    }
    throw new TypeError(`handler-closures: include/exclude take RegExps, functions or glob strings, got ${typeof pattern}`);
  });
}

function toArray(value) {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function optionsError(field, message) {
  const error = new Error(message);
  error.code = "HC100";
  error.field = field;
  return error;
}
