// esbuild with `swc-plugin-handler-closures/esbuild` (the JS API's esbuild
// plugin, from the packed tarball): the bundle holds the transformed
// handlers, its map points into the handler bodies, and an HC001 fails the
// build at the file, line and (0-based, UTF-8 byte) column esbuild expects.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import * as esbuild from "esbuild";
import handlerClosures from "swc-plugin-handler-closures/esbuild";
import { handlerClosures as fromApi } from "swc-plugin-handler-closures/api";
import { assertMapsIntoHandlerBody, assertTransformedRenamed, hc001Position, makeApp, STUB_MARKER } from "./lib.mjs";

const app = makeApp("esbuild");

function build(entry, plugin = handlerClosures()) {
  return esbuild.build({
    absWorkingDir: app,
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    jsx: "automatic",
    external: ["react", "react-dom", "react/*", "react-dom/*"],
    sourcemap: "external",
    write: false,
    outdir: "dist",
    logLevel: "silent",
    plugins: [plugin],
  });
}

test("esbuild bundles the transformed handlers with a map into the handler bodies", async () => {
  const result = await build("src/main.tsx");
  const code = result.outputFiles.find((f) => f.path.endsWith("main.js")).text;
  const map = JSON.parse(result.outputFiles.find((f) => f.path.endsWith("main.js.map")).text);
  assertTransformedRenamed(code, "esbuild");
  assert.ok(code.includes(STUB_MARKER), "the helper module is not in the bundle");
  assertMapsIntoHandlerBody(code, map, app);
});

test("the /api export is the same plugin", () => {
  assert.equal(fromApi, handlerClosures);
});

test("an HC001 fails the esbuild build naming file:line:column", async () => {
  const error = await build("broken/main.tsx").then(
    () => assert.fail("the build should fail"),
    (e) => e,
  );
  const [message] = error.errors;
  const { line, column } = hc001Position(app);
  const lineText = readFileSync(join(app, "broken/Counter.tsx"), "utf8").split("\n")[line - 1];
  assert.match(message.text, /^\[HC001\] handler left as written/);
  assert.deepEqual(
    { file: message.location.file, line: message.location.line, column: message.location.column },
    { file: "broken/Counter.tsx", line, column: Buffer.byteLength(Array.from(lineText).slice(0, column - 1).join("")) },
  );
  const [formatted] = await esbuild.formatMessages([message], { kind: "error" });
  assert.ok(formatted.includes(`broken/Counter.tsx:${line}:${message.location.column}:`), formatted);
});
