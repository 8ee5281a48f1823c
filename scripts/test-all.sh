#!/usr/bin/env bash
# Runs every test of the project: formatting and lints, the Rust suites
# (unit, golden fixtures, driver, CLI), `tsc --strict` over every fixture's
# input and output (js/typecheck), the host end-to-end matrix, the
# standalone wasm module, the bundler plugins' real builds, then the
# behaviour verification (execution
# equivalence, generated programs, fuzzing, real code; bounded).
# Installs what it needs (rustup components and targets, npm packages).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/handler-closures-target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

phase_start=0
phase() { phase_start=$(date +%s); echo "::: $1"; }
done_phase() { echo "::: $1 took $(( $(date +%s) - phase_start ))s"; }

phase "toolchain"
rustup component add rustfmt clippy >/dev/null 2>&1 || { echo "cannot install rustfmt/clippy" >&2; exit 1; }
done_phase "toolchain"

phase "fmt + clippy"
cargo fmt --all -- --check
(cd fuzz && cargo fmt --all -- --check)
cargo clippy --workspace --all-targets --locked -- -D warnings
done_phase "fmt + clippy"

phase "rust tests"
cargo test --workspace --locked
done_phase "rust tests"

phase "type check: fixture outputs pass tsc --strict where inputs do (js/typecheck)"
(cd js/typecheck && npm ci --no-audit --no-fund --ignore-scripts && node --test --test-reporter=dot typecheck.test.mjs)
done_phase "type check"

phase "plugin crate under the wasm AST (--cfg=swc_ast_unknown)"
rustup target add wasm32-wasip1 >/dev/null
CARGO_TARGET_WASM32_WASIP1_RUSTFLAGS="--cfg=swc_ast_unknown" \
  cargo clippy -p swc-plugin-handler-closures --target wasm32-wasip1 --locked -- -D warnings
done_phase "plugin crate under the wasm AST"

phase "host end-to-end (wasm plugin in @swc/core, Next.js, Vite)"
bash js/e2e/run.sh
done_phase "host end-to-end"

phase "standalone wasm module (JS API, esbuild, Deno, browser)"
bash js/api-tests/run.sh
done_phase "standalone wasm module"

phase "bundler plugins (Vite, Rollup, Rolldown, webpack, Rspack, Rsbuild, esbuild, Farm, Next.js)"
bash js/plugin-tests/run.sh
done_phase "bundler plugins"

phase "verification (execution equivalence, generated programs, fuzzing, real code)"
bash scripts/verify.sh
done_phase "verification"
echo "all tests passed"
