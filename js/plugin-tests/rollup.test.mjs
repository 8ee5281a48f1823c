// Rollup 4 and Rolldown 1 with `swc-plugin-handler-closures/rollup` and
// `/rolldown`: the bundle holds the transformed handlers, Rollup's map
// points into the handler bodies, and an HC001 fails the build at
// file:line:column.
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import nodeResolve from "@rollup/plugin-node-resolve";
import { rolldown } from "rolldown";
import { rollup } from "rollup";
import esbuild from "rollup-plugin-esbuild";
import rolldownPlugin from "swc-plugin-handler-closures/rolldown";
import rollupPlugin from "swc-plugin-handler-closures/rollup";
import { assertHc001, assertMapsIntoHandlerBody, assertTransformed, assertTransformedRenamed, makeApp, STUB_MARKER } from "./lib.mjs";

const app = makeApp("rollup");
const external = (id) => /^(react|react-dom)(\/|$)/.test(id);

async function buildWithRollup(entry, warnings = [], options = undefined, dir = app) {
  const bundle = await rollup({
    input: join(dir, entry),
    external,
    plugins: [
      rollupPlugin(options),
      nodeResolve({ extensions: [".tsx", ".ts", ".js"] }),
      esbuild({ jsx: "automatic", target: "es2022", sourceMap: true }),
    ],
    onwarn: (warning) => warnings.push(warning),
  });
  const { output } = await bundle.generate({ format: "es", sourcemap: true });
  await bundle.close();
  return output[0];
}

async function buildWithRolldown(entry, warnings = [], options = undefined, dir = app) {
  const bundle = await rolldown({
    input: join(dir, entry),
    cwd: dir,
    external,
    plugins: [rolldownPlugin(options)],
    transform: { jsx: "react-jsx" },
    onwarn: (warning) => warnings.push(warning),
  });
  const { output } = await bundle.generate({ format: "es", sourcemap: true });
  await bundle.close();
  return output[0];
}

for (const [name, build] of [
  ["rollup", buildWithRollup],
  ["rolldown", buildWithRolldown],
]) {
  test(`${name} bundles the transformed handlers with a map into the handler bodies`, async () => {
    const chunk = await build("src/main.tsx");
    (name === "rollup" ? assertTransformedRenamed : assertTransformed)(chunk.code, name);
    assert.ok(chunk.code.includes(STUB_MARKER), "the helper module is not in the bundle");
    assertMapsIntoHandlerBody(chunk.code, chunk.map, app);
  });

  test(`an HC001 fails the ${name} build naming file:line:column`, async () => {
    const error = await build("broken/main.tsx").then(
      () => assert.fail("the build should fail"),
      (e) => e,
    );
    assertHc001(`${error.message}\n${error.frame ?? ""}`, app);
  });
}

for (const [name, build] of [
  ["rollup", buildWithRollup],
  ["rolldown", buildWithRolldown],
]) {
  test(`an HC007 is a ${name} warning and the handler is rewritten`, async () => {
    const warnings = [];
    const chunk = await build("warn/main.tsx", warnings);
    const ours = warnings.filter((w) => w.plugin === "handler-closures");
    assert.equal(ours.length, 1, JSON.stringify(warnings.map((w) => w.message)));
    assert.match(ours[0].message, /warn\/main\.tsx:5:\d+: warning\[HC007\]/);
    // esbuild (Rollup's JSX compiler here) renames the shadowing parameter.
    assert.match(chunk.code, /handler\(\(event, \{ prefix(?:: \w+)? \}\) => this\.log\(\w+ \+ this\.label\)\)/);
  });
}

// Hoisting with a registry through the bundler route: the handlers become
// module-level consts registered under the module id (relative to `root`),
// and the bundle keeps them (no tree-shaking of registered handlers).
const registryApp = makeApp("rollup-registry", {
  // A runtime's registry is observable (a global), so the call is kept.
  "src/registry.ts": "export function __cfReg(id: string, handlers: Record<string, unknown>) { (globalThis as any).registered = { ...(globalThis as any).registered, [id]: handlers }; }\n",
});
for (const [name, build] of [
  ["rollup", buildWithRollup],
  ["rolldown", buildWithRolldown],
]) {
  test(`${name}: hoist and registry register the handlers under the module id`, async () => {
    const options = { hoist: true, root: registryApp, registry: { module: "./registry", name: "__cfReg" } };
    const chunk = await build("src/main.tsx", [], options, registryApp);
    const flat = chunk.code.replace(/\s+/g, "");
    assert.match(flat, /__cfReg\("src\/TodoList\.tsx",\{"_TodoList_div_onClick":_TodoList_div_onClick,/, chunk.code);
    assert.match(flat, /const_TodoList_li_onClick\d*=handler\w*\(/, chunk.code);
    assert.match(flat, /_TodoList_li_onClick\d*\(\{remove,item:\{id:item\.id\}\}\)/, chunk.code);
  });
}
