// Timings of the wasm module under Node, next to the same work done natively
// when the native bench is built:
//
//   cargo build --release -p handler-closures-wasm --example bench
//   node js/api-tests/bench.mjs
//
// Prints: module size and load time, per-file time on a ~20 KB TSX file
// (the very first call, then the mean after a warm-up, with and without
// source map), and a 10 MB file (first and second call).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { bigComponent, realisticFile } from "./lib.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const api = join(here, "../api");
const targetDir = process.env.CARGO_TARGET_DIR ?? join(homedir(), ".cache/handler-closures-target");
const native = join(targetDir, "release/examples/bench");

const wasmBytes = statSync(join(api, "handler_closures.wasm")).size;
const inlineBytes = statSync(join(api, "wasm-inline.js")).size;
console.log(`module: handler_closures.wasm ${(wasmBytes / 1e6).toFixed(2)} MB, wasm-inline.js ${(inlineBytes / 1e6).toFixed(2)} MB`);

let start = performance.now();
const { init, transformSync } = await import(join(api, "index.js"));
await init();
console.log(`import + init() (embedded base64: decode, compile, instantiate): ${(performance.now() - start).toFixed(0)} ms`);

const dir = mkdtempSync(join(tmpdir(), "hc-bench-"));
try {
  const small = join(dir, "app.tsx");
  writeFileSync(small, realisticFile(20_000));
  let big = "";
  for (let i = 0; big.length < 10 * 1024 * 1024; i++) big += bigComponent(`C${i}`, 50);
  const large = join(dir, "big.tsx");
  writeFileSync(large, big);

  for (const [file, iterations] of [
    [small, 200],
    [large, 2],
  ]) {
    const source = readFileSync(file, "utf8");
    if (iterations > 2) {
      // Let the engine optimise the hot functions first (V8 starts with a
      // baseline compiler and tiers up what runs often).
      start = performance.now();
      for (let i = 0; i < 50; i++) transformSync(source, { filename: "app.tsx", sourceMap: i % 2 === 0 });
      console.log(`wasm   warm-up: 50 calls in ${(performance.now() - start).toFixed(0)} ms`);
    }
    for (const sourceMap of [false, true]) {
      start = performance.now();
      transformSync(source, { filename: "app.tsx", sourceMap });
      const first = performance.now() - start;
      start = performance.now();
      for (let i = 1; i < iterations; i++) transformSync(source, { filename: "app.tsx", sourceMap });
      const mean = (performance.now() - start) / (iterations - 1);
      console.log(
        `wasm   ${file} (${source.length} bytes) sourceMap=${sourceMap}: first ${first.toFixed(2)} ms, mean ${mean.toFixed(2)} ms over ${iterations - 1} calls`,
      );
    }
    if (existsSync(native)) {
      process.stdout.write(execFileSync(native, [file, String(iterations)], { encoding: "utf8" }));
    } else {
      console.log(`(no native numbers: build ${native} first)`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
