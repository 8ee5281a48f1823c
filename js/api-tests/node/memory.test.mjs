// Repeated calls do not leak: instantiate once, transform 10,000 times; the
// wasm memory and the process RSS stay flat after a warm-up.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

import { init, transformSync, wasmMemory } from "../../api/index.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc");

const app = join(dirname(fileURLToPath(import.meta.url)), "../app");
// A rewrite with a source map, and one with an error diagnostic.
const files = [
  ["Counter.tsx", readFileSync(join(app, "src/Counter.tsx"), "utf8")],
  ["Clicks.tsx", readFileSync(join(app, "broken/Clicks.tsx"), "utf8")],
];
const CALLS = 10_000;
const WARMUP = 500;

function run(n) {
  for (let i = 0; i < n; i++) {
    const [filename, source] = files[i % files.length];
    const result = transformSync(source, { filename });
    if (result.diagnostics.length !== (i % 2)) throw new Error(`unexpected result for ${filename}`);
  }
}

function sample() {
  gc();
  return { wasm: wasmMemory().buffer.byteLength, rss: process.memoryUsage().rss };
}

test(`${CALLS} transforms on one instance: memory stays flat`, async () => {
  await init();
  const memory = wasmMemory();
  run(WARMUP);
  const before = sample();
  const start = performance.now();
  run(CALLS / 2);
  const middle = sample();
  run(CALLS / 2);
  const ms = performance.now() - start;
  const after = sample();
  assert.equal(wasmMemory(), memory, "the instance was replaced");
  const mb = (n) => (n / 1048576).toFixed(1);
  console.log(
    `# ${CALLS} calls in ${ms.toFixed(0)} ms (${((ms * 1000) / CALLS).toFixed(0)} µs/call); ` +
      `wasm memory ${mb(before.wasm)} → ${mb(middle.wasm)} → ${mb(after.wasm)} MB; ` +
      `RSS ${mb(before.rss)} → ${mb(middle.rss)} → ${mb(after.rss)} MB`,
  );
  // Wasm memory only grows, in 64 KiB pages: a leak of even a few bytes per
  // call would show as growth over 10,000 calls.
  assert.ok(after.wasm - before.wasm <= 1 << 20, `wasm memory grew by ${after.wasm - before.wasm} bytes`);
  assert.equal(after.wasm, middle.wasm, "wasm memory grew in the second half");
  assert.ok(after.rss - before.rss < 64 << 20, `RSS grew by ${mb(after.rss - before.rss)} MB`);
});
