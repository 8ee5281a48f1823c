// A real esbuild build (esbuild from npm) with the handlerClosures() plugin:
// the bundle holds the rewritten handlers and runs with the reference
// runtime, source maps point into the user's files, diagnostics fail the
// build (or warn) at the right file, line and column.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as esbuild from "esbuild";

import { handlerClosures } from "../../api/index.js";
import { cell, findById, originalPositionOf } from "../lib.mjs";

const app = join(dirname(fileURLToPath(import.meta.url)), "../app");

function build(entry, options = {}) {
  return esbuild.build({
    absWorkingDir: app,
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    platform: "neutral",
    jsxFactory: "h",
    write: false,
    outdir: "dist",
    logLevel: "silent",
    plugins: [handlerClosures()],
    ...options,
  });
}

test("the bundle contains the rewritten handlers and they work", async () => {
  const result = await build("src/main.tsx");
  assert.deepEqual(result.errors, []);
  assert.deepEqual(result.warnings, []);
  const bundle = result.outputFiles.find((f) => f.path.endsWith("main.js")).text;
  // esbuild renames the parameters that shadow outer names (`state: state2`).
  assert.match(
    bundle,
    /handler\(\(event, \{ state: (\w+), step: (\w+) \}\) => \1\.counter\.set\(\1\.counter\.get\(\) \+ \2\)\)\(\{\s*state: \{\s*counter: state\.counter\s*\},\s*step\s*\}\)/,
  );
  assert.match(
    bundle,
    /handler\(\(e, \{ todos: (\w+), item: (\w+) \}\) => \1\.items\.splice\(\1\.items\.indexOf\(\2\), 1\)\)\(\{\s*todos: \{\s*items: todos\.items\s*\},\s*item\s*\}\)/,
  );
  assert.doesNotMatch(bundle, /onClick: \(\) =>/);

  const dir = mkdtempSync(join(tmpdir(), "hc-esbuild-"));
  try {
    const file = join(dir, "bundle.mjs");
    writeFileSync(file, bundle);
    const { render } = await import(pathToFileURL(file).href);
    const state = { counter: cell(1) };
    const todos = { items: ["a", "b", "c"] };
    const tree = render(state, todos);
    findById(tree, "inc").props.onClick({ type: "click" });
    assert.equal(state.counter.get(), 3);
    findById(tree, "todo-1").props.onClick({ type: "click" });
    assert.deepEqual(todos.items, ["a", "c"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the source map is chained: bundle positions map into the user's file", async () => {
  const result = await build("src/main.tsx", { sourcemap: "external" });
  const bundle = result.outputFiles.find((f) => f.path.endsWith("main.js")).text;
  const map = JSON.parse(result.outputFiles.find((f) => f.path.endsWith("main.js.map")).text);
  const counter = map.sources.findIndex((s) => s.endsWith("src/Counter.tsx"));
  assert.ok(counter >= 0, `sources: ${map.sources}`);
  assert.equal(map.sourcesContent[counter], readFileSync(join(app, "src/Counter.tsx"), "utf8"));

  // `state.counter.get() + step` is on line 10 of Counter.tsx (0-based 9),
  // in the handler body: the body keeps its spans.
  const original = readFileSync(join(app, "src/Counter.tsx"), "utf8").split("\n");
  const line = original.findIndex((l) => l.includes("state.counter.get() + step"));
  const position = originalPositionOf(bundle, map, /\w+\.counter\.get\(\) \+ step/);
  assert.equal(map.sources.indexOf(position.source), counter);
  assert.equal(position.line, line);
  assert.equal(position.column, original[line].indexOf("state.counter.get() + step"));
});

test("an error diagnostic fails the build at the right file, line and column", async () => {
  const error = await build("broken/main.tsx").then(
    () => assert.fail("the build should fail"),
    (e) => e,
  );
  assert.equal(error.errors.length, 1, JSON.stringify(error.errors, null, 2));
  const [message] = error.errors;
  const lineText = readFileSync(join(app, "broken/Clicks.tsx"), "utf8").split("\n")[5];
  assert.equal(message.pluginName, "handler-closures");
  assert.match(message.text, /^\[HC001\] handler left as written: it assigns to `n`/);
  assert.equal(message.location.file, "broken/Clicks.tsx");
  assert.equal(message.location.line, 6);
  // esbuild columns are 0-based UTF-8 byte offsets ("héllo" comes first).
  assert.equal(message.location.column, Buffer.byteLength(lineText.slice(0, lineText.indexOf("n++"))));
  assert.equal(message.location.length, 1);
  assert.equal(message.location.lineText, lineText);
  assert.deepEqual(
    message.notes.slice(0, 2).map((n) => n.text),
    ["assigns a captured variable", "help: keep the value in state the runtime owns (a cell) and write through it, or move the variable into the handler"],
  );
  // esbuild prints it with the file:line:column editors understand.
  const [formatted] = await esbuild.formatMessages([message], { kind: "error" });
  assert.match(formatted, /broken\/Clicks\.tsx:6:\d+:/);
});

test("a warning diagnostic is reported and the handler is rewritten", async () => {
  const result = await build("warn/main.tsx");
  assert.equal(result.warnings.length, 1);
  const [warning] = result.warnings;
  assert.match(warning.text, /^\[HC007\] /);
  assert.equal(warning.location.file, "warn/main.tsx");
  assert.equal(warning.location.line, 8);
  assert.match(result.outputFiles[0].text, /handler\(\(event, \{ prefix: (\w+) \}\) => this\.log\(\1 \+ this\.label\)\)\(\{\s*prefix\s*\}\)/);
});

test("invalid options fail the build naming the option", async () => {
  await assert.rejects(
    build("src/main.tsx", { plugins: [handlerClosures({ captureMode: "everything" })] }),
    (e) => {
      assert.match(e.message, /invalid handler-closures option `captureMode`/);
      return true;
    },
  );
});

test("options reach the transform (helperModule, captureMode: roots)", async () => {
  const result = await build("src/main.tsx", {
    plugins: [handlerClosures({ captureMode: "roots", helperModule: "@my/runtime" })],
    external: ["@my/runtime"],
  });
  const bundle = result.outputFiles[0].text;
  assert.match(bundle, /import \{ handler \} from "@my\/runtime"/);
  assert.match(bundle, /\)\(\{\s*state,\s*step\s*\}\)/);
});
