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

async function buildWithRollup(entry, warnings = []) {
  const bundle = await rollup({
    input: join(app, entry),
    external,
    plugins: [
      rollupPlugin(),
      nodeResolve({ extensions: [".tsx", ".ts", ".js"] }),
      esbuild({ jsx: "automatic", target: "es2022", sourceMap: true }),
    ],
    onwarn: (warning) => warnings.push(warning),
  });
  const { output } = await bundle.generate({ format: "es", sourcemap: true });
  await bundle.close();
  return output[0];
}

async function buildWithRolldown(entry, warnings = []) {
  const bundle = await rolldown({
    input: join(app, entry),
    cwd: app,
    external,
    plugins: [rolldownPlugin()],
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
