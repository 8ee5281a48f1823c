// webpack 5 (ts-loader) and Rspack 2 (builtin:swc-loader) with
// `swc-plugin-handler-closures/webpack` and `/rspack`, webpack 5 with the
// plain loader (`/loader`), and Rsbuild 2 with the SWC plugin itself (the
// native route): the bundles hold the transformed handlers, Rspack's map
// points into the handler bodies, and an HC001 fails each build at
// file:line:column.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { test } from "node:test";
import { createRsbuild } from "@rsbuild/core";
import { rspack } from "@rspack/core";
import rspackPlugin from "swc-plugin-handler-closures/rspack";
import webpackPlugin from "swc-plugin-handler-closures/webpack";
import webpack from "webpack";
import { assertHc001, assertMapsIntoHandlerBody, assertTransformed, chunksWithHandlers, hc001Position, makeApp, STUB_MARKER } from "./lib.mjs";

const require = createRequire(import.meta.url);
const app = makeApp("webpack", {
  "tsconfig.json": JSON.stringify({ compilerOptions: { jsx: "react-jsx", target: "es2022", module: "esnext", sourceMap: true } }),
});

const tsLoader = { test: /\.tsx?$/, loader: "ts-loader", options: { transpileOnly: true } };
const swcLoader = {
  test: /\.tsx?$/,
  loader: "builtin:swc-loader",
  options: { jsc: { parser: { syntax: "typescript", tsx: true }, target: "es2022", transform: { react: { runtime: "automatic" } } } },
};

function config(entry, outDir, rules, plugins) {
  return {
    mode: "development",
    devtool: "source-map",
    context: app,
    entry: `./${entry}`,
    output: { path: join(app, outDir), filename: "main.js" },
    resolve: { extensions: [".tsx", ".ts", ".js"] },
    module: { rules },
    plugins,
    infrastructureLogging: { level: "error" },
  };
}

/** Runs a webpack-like compiler; resolves to { errors: string, outDir }. */
function compile(bundler, options) {
  return new Promise((resolve, reject) => {
    bundler(options, (error, stats) => {
      if (error) return reject(error);
      const errors = stats.hasErrors() ? stats.toString({ all: false, errors: true, errorDetails: true }) : "";
      resolve({ errors, outDir: options.output.path });
    });
  });
}

const routes = [
  ["webpack + ts-loader, the plugin", webpack, "dist-webpack", [tsLoader], () => [webpackPlugin()]],
  [
    "webpack + ts-loader, the loader",
    webpack,
    "dist-loader",
    [tsLoader, { test: /\.tsx$/, enforce: "pre", use: [{ loader: require.resolve("swc-plugin-handler-closures/loader"), options: {} }] }],
    () => [],
  ],
  ["rspack + builtin:swc-loader, the plugin", rspack, "dist-rspack", [swcLoader], () => [rspackPlugin()]],
];

for (const [name, bundler, outDir, rules, plugins] of routes) {
  test(`${name}: the bundle holds the transformed handlers`, async () => {
    const { errors } = await compile(bundler, config("src/main.tsx", outDir, rules, plugins()));
    assert.equal(errors, "");
    const chunks = chunksWithHandlers(join(app, outDir));
    assert.equal(chunks.length, 1);
    assertTransformed(chunks[0].code, name);
    assert.ok(chunks[0].code.includes(STUB_MARKER), "the helper module is not in the bundle");
    if (bundler === rspack) {
      const map = JSON.parse(readFileSync(`${chunks[0].file}.map`, "utf8"));
      assertMapsIntoHandlerBody(chunks[0].code, map, app);
    }
  });

  test(`${name}: an HC001 fails the build naming file:line:column`, async () => {
    const { errors } = await compile(bundler, config("broken/main.tsx", `${outDir}-broken`, rules, plugins()));
    assertHc001(errors, app);
  });
}

function rsbuildConfig(entry) {
  return {
    source: { entry: { index: `./${entry}` } },
    // a modern target, so that SWC keeps the handlers' destructuring as written
    output: { distPath: { root: "dist-rsbuild" }, minify: false, overrideBrowserslist: ["chrome >= 120"] },
    tools: { swc: { jsc: { experimental: { plugins: [["swc-plugin-handler-closures", {}]] } } } },
    logLevel: "error",
  };
}

async function rsbuild(entry) {
  const builder = await createRsbuild({ cwd: app, rsbuildConfig: rsbuildConfig(entry) });
  return builder.build();
}

test("rsbuild with the SWC plugin (native route): the bundle holds the transformed handlers", async () => {
  await rsbuild("src/main.tsx");
  const chunks = chunksWithHandlers(join(app, "dist-rsbuild"));
  assert.equal(chunks.length, 1);
  assertTransformed(chunks[0].code, "rsbuild");
});

// Rsbuild prints the compile errors (not the error it throws): the failing
// build runs in a child process whose output is read.
test("rsbuild with the SWC plugin: an HC001 fails the build naming the file, line and column", () => {
  const script = `
    import { createRsbuild } from "@rsbuild/core";
    const builder = await createRsbuild(${JSON.stringify({ cwd: app, rsbuildConfig: rsbuildConfig("broken/main.tsx") })});
    await builder.build();
  `;
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: app, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  assert.notEqual(result.status, 0, "the build should fail");
  const output = `${result.stdout}${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, "");
  const { line } = hc001Position(app);
  assert.match(output, /HC001: handler left as written: it assigns to `n`/, output);
  assert.match(output, /broken\/Counter\.tsx/, output);
  // SWC's code frame: `[line:column]`.
  assert.match(output, new RegExp(`\\[${line}:\\d+\\]`), output);
});
