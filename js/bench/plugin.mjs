// The plugin inside @swc/core, against the floor of the plugin mechanism.
//
//   node js/bench/plugin.mjs CORPUS_DIR OURS.wasm NOOP.wasm
//
// Per file size: transformSync with no plugin, with the no-op plugin (same
// swc_core: moving the AST into wasm and back), and with ours; prints
// ours / no-op (goal at most 1.05). Then the first call in a fresh process
// with a cold and with a warm plugin cache (jsc.experimental.cacheRoot).
// Uses the @swc/core that js/e2e installs (npm ci there first).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, "../e2e/package.json"));
const swc = require("@swc/core");
const [corpus, ours, noop] = process.argv.slice(2);

function options(plugin, cacheRoot) {
  return {
    filename: "bench.tsx",
    jsc: {
      parser: { syntax: "typescript", tsx: true },
      transform: { react: { runtime: "automatic" } },
      target: "es2022",
      experimental: { plugins: plugin ? [[plugin, {}]] : [], ...(cacheRoot ? { cacheRoot } : {}) },
    },
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(source, plugin, runs) {
  const opts = options(plugin);
  for (let i = 0; i < 3; i++) swc.transformSync(source, opts);
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    swc.transformSync(source, opts);
    samples.push(performance.now() - start);
  }
  return median(samples);
}

if (process.argv[2] === "--first-call") {
  // Child mode: one first call, printed in ms.
  const [, , , file, plugin, cacheRoot] = process.argv;
  const source = readFileSync(file, "utf8");
  const start = performance.now();
  swc.transformSync(source, options(plugin, cacheRoot));
  console.log((performance.now() - start).toFixed(1));
  process.exit(0);
}

console.log(`@swc/core ${swc.version}`);
// "no-op on our output": the no-op plugin on the already transformed source
// (CORPUS/SIZE.out.tsx, made by the CLI), which moves an AST as large as
// ours produces through the host: it separates our compute from the cost of
// the larger program the transform outputs by design.
console.log("| size | no plugin | no-op plugin | no-op on our output | ours | ours / no-op | ours / no-op on our output |");
console.log("|---|---|---|---|---|---|---|");
for (const [size, runs] of [["small", 200], ["medium", 60], ["large", 8]]) {
  const source = readFileSync(join(corpus, `${size}.tsx`), "utf8");
  const transformed = readFileSync(join(corpus, `${size}.out.tsx`), "utf8");
  const none = time(source, null, runs);
  const floor = time(source, noop, runs);
  const floorOut = time(transformed, noop, runs);
  const ourTime = time(source, ours, runs);
  const ms = (v) => `${v.toFixed(2)} ms`;
  console.log(`| ${size} | ${ms(none)} | ${ms(floor)} | ${ms(floorOut)} | ${ms(ourTime)} | ${(ourTime / floor).toFixed(3)} | ${(ourTime / floorOut).toFixed(3)} |`);
}

const medium = join(corpus, "medium.tsx");
const cacheRoot = mkdtempSync(join(tmpdir(), "hc-swc-cache-"));
const first = (plugin, root) =>
  Number(execFileSync(process.execPath, [fileURLToPath(import.meta.url), "--first-call", medium, plugin, root]).toString());
const cold = first(ours, cacheRoot);
const warm = first(ours, cacheRoot);
const noopCold = first(noop, mkdtempSync(join(tmpdir(), "hc-swc-cache-")));
console.log(`\nfirst call in a fresh process (medium file): ours ${cold} ms with a cold plugin cache, ${warm} ms warm; no-op plugin ${noopCold} ms cold`);
rmSync(cacheRoot, { recursive: true, force: true });
