// Shared helpers of the bundler plugin tests: a fresh copy of the test app
// per build (under work/, so that node_modules resolves from here), the
// HC001 expectations, and the source-map check.
import assert from "node:assert/strict";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { originalPositionOf } from "../api-tests/lib.mjs";

import { assertTransformed as assertTransformedExactly } from "../e2e/lib.mjs";

export { chunksWithHandlers, findFiles, run, squash, STUB_MARKER, TRANSFORMED } from "../e2e/lib.mjs";
export { originalPositionOf };

export const here = dirname(fileURLToPath(import.meta.url));
export const bin = (name) => join(here, "node_modules", ".bin", name);

/**
 * Copies app/ (and TodoList.tsx, todos.ts from js/e2e/inputs) to
 * work/NAME, plus `files` ({ relativePath: text }); returns its path.
 */
export function makeApp(name, files = {}) {
  const dir = join(here, "work", name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dirname(dir), { recursive: true });
  cpSync(join(here, "app"), dir, { recursive: true });
  for (const input of ["TodoList.tsx", "todos.ts"]) {
    cpSync(join(here, "../e2e/inputs", input), join(dir, "src", input));
  }
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** Where app/broken/Counter.tsx's HC001 is: 1-based line, column in characters. */
export function hc001Position(app) {
  const lines = readFileSync(join(app, "broken/Counter.tsx"), "utf8").split("\n");
  const line = lines.findIndex((l) => l.includes("n++"));
  return { line: line + 1, column: Array.from(lines[line].slice(0, lines[line].indexOf("n++"))).length + 1 };
}

/** Asserts that a failed build's output names HC001 at broken/Counter.tsx:line:column. */
export function assertHc001(output, app) {
  const { line, column } = hc001Position(app);
  assert.match(output, /HC001/, output);
  assert.ok(
    output.includes(`broken/Counter.tsx:${line}:${column}`),
    `the error does not name broken/Counter.tsx:${line}:${column}:\n${output}`,
  );
  assert.match(output, /handler left as written: it assigns to `n`/);
}

/**
 * Asserts that `map` sends a position inside the outer handler's body in
 * `bundle` (`store.hcE2eCounter.get() + 1`, whatever the bundler renamed
 * `store` to) back to its line and column in src/TodoList.tsx.
 */
export function assertMapsIntoHandlerBody(bundle, map, app, { lineOnly = false } = {}) {
  const original = readFileSync(join(app, "src/TodoList.tsx"), "utf8").split("\n");
  const line = original.findIndex((l) => l.includes("store.hcE2eCounter.get() + 1"));
  const position = originalPositionOf(bundle, map, /\b\w+\.hcE2eCounter\.get\(\) \+ 1/);
  assert.ok(position, "no mapping at the handler body");
  assert.match(position.source ?? "", /TodoList\.tsx$/, `mapped to ${position.source}`);
  const column = original[line].indexOf("store.hcE2eCounter.get() + 1");
  assert.deepEqual(
    { line: position.line, column: lineOnly ? column : position.column },
    { line, column },
    "the handler body does not map back to its place in TodoList.tsx",
  );
}

/**
 * js/e2e's assertTransformed, also for hosts that keep the transform's
 * trailing commas (`{ id: item.id },`), which SWC's printer drops.
 */
export function assertTransformed(code, where) {
  assertTransformedExactly(code.replace(/,(\s*[}\]])/g, "$1"), where);
}

/**
 * Like assertTransformed, for hosts that rename parameters shadowing outer
 * names (esbuild: `{ store: store2 }`, `event2`): the renamed copies are
 * read back under their names in TodoList.tsx first.
 */
export function assertTransformedRenamed(code, where) {
  const names = "store|event|item|remove|log|e";
  const unrenamed = code
    .replace(new RegExp(`\\b(${names}): (${names})\\d+\\b`, "g"), "$1")
    .replace(new RegExp(`\\b(${names})\\d+\\b`, "g"), "$1");
  assertTransformed(unrenamed, where);
}
