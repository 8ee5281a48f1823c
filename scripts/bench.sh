#!/usr/bin/env bash
# Every benchmark, each as a ratio against a floor measured in the same run:
#   1. native (criterion): (analysis + rewrite) / (parse + print) per size
#   2. codemod: files/s over a 10,000-file tree vs read+parse, 1 and 2 threads, peak memory
#   3. plugin in @swc/core: ours / no-op plugin (same swc_core), first-call cost
#   4. standalone wasm module vs the same work natively
#   5. bundler route: vite build of a generated 1,000-file app with / without the plugin
#   6. runtime: 100,000 renders of a 20-handler component, hoisted / inline (JS API output)
#      (alone: node js/bench/runtime.mjs)
# The corpus comes from scripts/gen-corpus.py (seeded). Takes ~10 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/handler-closures-target}"
corpus="$CARGO_TARGET_DIR/bench-corpus"
tree="$CARGO_TARGET_DIR/bench-tree"

echo "# handler-closures benchmarks, $(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m)"
python3 scripts/gen-corpus.py sizes "$corpus"
[ -d "$tree" ] || python3 scripts/gen-corpus.py tree "$tree" 10000

cargo build --release --locked -p handler-closures-cli --bin handler-closures --example parse_floor
for size in small medium large; do
  "$CARGO_TARGET_DIR/release/handler-closures" "$corpus/$size.tsx" > "$corpus/$size.out.tsx"
done

echo; echo "## 1. native: analysis and rewrite against parse + print (goal <= 0.10)"
HC_BENCH_CORPUS="$corpus" cargo bench --locked --bench transform 2>/dev/null | grep '^|'

echo; echo "## 2. codemod: against read + parse of the same tree (goal <= 1.3)"
python3 scripts/bench-codemod.py "$CARGO_TARGET_DIR/release/handler-closures" "$CARGO_TARGET_DIR/release/examples/parse_floor" "$tree"

# The same on real code, if the verification's pinned UI kits (the
# dependencies of js/realcode/package.json) are installed (bash
# scripts/verify.sh realcode): their sources copied out of node_modules,
# which the codemod's walker ignores like git does.
if [ -d js/realcode/node_modules ]; then
  real="$CARGO_TARGET_DIR/bench-realcode"
  rm -rf "$real" && mkdir -p "$real"
  for kit in $(node -p 'Object.keys(require("./js/realcode/package.json").dependencies).join(" ")'); do
    mkdir -p "$real/$kit" && cp -r "js/realcode/node_modules/$kit/src/." "$real/$kit/"
  done
  echo; echo "### the same on real code (three UI kits' sources; most files have no inline handler)"
  python3 scripts/bench-codemod.py "$CARGO_TARGET_DIR/release/handler-closures" "$CARGO_TARGET_DIR/release/examples/parse_floor" "$real"
fi

echo; echo "## 3. plugin inside @swc/core: against a no-op plugin (goal <= 1.05)"
bash scripts/build-wasm.sh >/dev/null 2>&1
rustup target add wasm32-wasip1 >/dev/null 2>&1
CARGO_TARGET_WASM32_WASIP1_RUSTFLAGS="--cfg=swc_ast_unknown" \
  cargo build --locked -q -p swc-plugin-noop --target wasm32-wasip1 --profile wasm
(cd js/e2e && [ -d node_modules/@swc/core ] || npm ci --no-audit --no-fund >/dev/null)
node js/bench/plugin.mjs "$corpus" \
  "$CARGO_TARGET_DIR/wasm32-wasip1/wasm/swc_plugin_handler_closures.wasm" \
  "$CARGO_TARGET_DIR/wasm32-wasip1/wasm/swc_plugin_noop.wasm"

echo; echo "## 4. standalone wasm module: against the same work natively (goal <= 3)"
bash scripts/build-wasm-module.sh >/dev/null 2>&1
cargo build --release --locked -q -p handler-closures-wasm --example bench
node js/api-tests/bench.mjs

echo; echo "## 5. bundler route: vite build of a 1,000-file app, with the plugin / without (goal <= 1.3)"
npm --prefix . run --silent build >/dev/null 2>&1
(cd js/plugin-tests && npm ci --no-audit --no-fund >/dev/null)
node js/plugin-tests/bench-vite.mjs 1000 5

echo; echo "## 6. runtime: renders with hoisted handlers against inline ones (reference runtime; lower is better)"
(cd js/exec && [ -d node_modules/esbuild ] || npm ci --no-audit --no-fund >/dev/null)
node js/bench/runtime.mjs
