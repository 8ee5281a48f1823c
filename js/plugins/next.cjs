// `swc-plugin-handler-closures/next`: `withHandlerClosures(nextConfig, options)`
// picks the route that works with the installed Next.js, so no user meets a
// plugin ABI error:
//
//   // next.config.mjs
//   import { withHandlerClosures } from "swc-plugin-handler-closures/next";
//   export default withHandlerClosures({ reactStrictMode: true }, { helperModule: "commontools" });
//
// - Next.js >= 16.4.0: the SWC plugin (`experimental.swcPlugins`), which
//   runs inside Next's own SWC, under Turbopack and webpack alike.
// - Before (15.x, 16.0-16.3, whose SWC has the older plugin ABI): the
//   webpack loader (loader.cjs), added to `webpack` config (a `pre` rule for
//   `.tsx`/`.jsx`/`.js` outside node_modules) and to `turbopack.rules`
//   (`*.tsx` and `*.jsx`), so `next build`, `next build --webpack`,
//   `next build --turbopack` and `next dev` all transform.
//
// `options` are the transform's own (the SWC plugin's JSON). `nextConfig`
// may be an object or Next's function form `(phase, context) => config`.
// CommonJS, so that both `next.config.js` and `next.config.mjs` load it.
"use strict";

const { createRequire } = require("node:module");
const { join } = require("node:path");

const PLUGIN = "swc-plugin-handler-closures";
const LOADER = `${PLUGIN}/loader`;
/** The first Next.js whose SWC loads plugins built with swc_core 83. */
const FIRST_SWC_PLUGIN_NEXT = [16, 4, 0];

/** The installed Next.js version (resolved from the project), or null. */
function installedNextVersion(cwd = process.cwd()) {
  for (const from of [join(cwd, "package.json"), __filename]) {
    try {
      return createRequire(from)("next/package.json").version;
    } catch {}
  }
  return null;
}

/** `"swc-plugin"` or `"loader"` for a Next.js version string. */
function chooseRoute(version) {
  const match = /^(\d+)\.(\d+)\.(\d+)(-)?/.exec(version ?? "");
  if (!match) return "loader";
  const [major, minor, patch] = match.slice(1, 4).map(Number);
  const release = [major, minor, patch];
  for (let i = 0; i < 3; i++) {
    if (release[i] !== FIRST_SWC_PLUGIN_NEXT[i]) return release[i] > FIRST_SWC_PLUGIN_NEXT[i] ? "swc-plugin" : "loader";
  }
  // 16.4.0 itself; a prerelease of it may predate the SWC update.
  return match[4] ? "loader" : "swc-plugin";
}

function withSwcPlugin(config, options) {
  const experimental = config.experimental ?? {};
  const plugins = (experimental.swcPlugins ?? []).filter(([name]) => name !== PLUGIN);
  return { ...config, experimental: { ...experimental, swcPlugins: [...plugins, [PLUGIN, options]] } };
}

function withLoader(config, options) {
  const userWebpack = config.webpack;
  const rules = { ...(config.turbopack?.rules ?? {}) };
  for (const glob of ["*.tsx", "*.jsx"]) rules[glob] = withTurbopackLoader(rules[glob], options);
  return {
    ...config,
    webpack(webpackConfig, context) {
      webpackConfig.module.rules.unshift({
        test: /\.(?:[jt]sx|js)$/,
        exclude: /[\\/]node_modules[\\/]/,
        enforce: "pre",
        use: [{ loader: require.resolve("./loader.cjs"), options }],
      });
      return userWebpack ? userWebpack(webpackConfig, context) : webpackConfig;
    },
    turbopack: { ...config.turbopack, rules },
  };
}

/**
 * Loaders run last to first, so ours (on the file as written) goes last. No
 * `as`: the output is still TSX/JSX (`as: "*.tsx"` renames `page.tsx` to
 * `page.tsx.tsx` in Next.js 15.5).
 */
function withTurbopackLoader(rule, options) {
  const ours = { loader: LOADER, options };
  if (rule === undefined) return { loaders: [ours] };
  if (Array.isArray(rule)) return { loaders: [...rule, ours] };
  return { ...rule, loaders: [...(rule.loaders ?? []), ours] };
}

/**
 * Adds the handler-closures transform to a Next.js config, by the route the
 * installed Next.js supports (see chooseRoute).
 */
function withHandlerClosures(nextConfig = {}, options = {}) {
  const apply = (config) =>
    chooseRoute(installedNextVersion()) === "swc-plugin" ? withSwcPlugin(config ?? {}, options) : withLoader(config ?? {}, options);
  if (typeof nextConfig === "function") {
    return async (...args) => apply(await nextConfig(...args));
  }
  return apply(nextConfig);
}

module.exports = { withHandlerClosures, chooseRoute, installedNextVersion };
