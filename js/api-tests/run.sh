#!/usr/bin/env bash
# Tests of the standalone wasm module (crates/wasm_module) and its JS API
# (js/api): builds the module, installs the pinned esbuild and deno from npm
# (npm ci, see package-lock.json), then runs the Node tests (fixtures, bad
# input, memory, esbuild, npm pack + docs/wasm.md examples, and headless
# Chromium with esbuild-wasm when `chromium` is installed) and the Deno tests,
# printing how long each phase takes.
#
#   js/api-tests/run.sh
#
#   CARGO_TARGET_DIR  shared cargo target directory
#                     (default: ~/.cache/handler-closures-target)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/handler-closures-target}
export DENO_NO_UPDATE_CHECK=1

source "$root/scripts/lib/phases.sh"
phases_begin api-tests

echo "node $(node --version), npm $(npm --version)"

phase "build wasm module" bash "$root/scripts/build-wasm-module.sh"
cd "$here"
phase "npm ci (js/api-tests)" npm ci --no-audit --no-fund
echo "deno $(node_modules/.bin/deno --version | head -1)"
phase "node: fixtures, bad input, memory, columns" \
  node --test --test-reporter=spec node/fixtures.test.mjs node/robustness.test.mjs node/memory.test.mjs node/columns.test.mjs node/hoist.test.mjs
phase "node: esbuild" node --test --test-reporter=spec node/esbuild.test.mjs
phase "node: npm pack + docs/wasm.md" node --test --test-reporter=spec node/package.test.mjs
phase "node: browser (if chromium)" node --test --test-reporter=spec node/browser.test.mjs
phase "deno: transform + esbuild" \
  env NO_COLOR=1 node_modules/.bin/deno test --allow-read --allow-write --allow-env --allow-run deno/
