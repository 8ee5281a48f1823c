#!/usr/bin/env bash
# Behaviour verification of the transform (the README, "Verification"), bounded to
# fit CI; prints how long each phase takes.
#
#   1. execution equivalence on the golden fixtures, the harness's self-tests
#      and the saved findings, each case also with `hoist: true`
#                                                    (js/exec, node --test)
#   2. generated programs: GEN_COUNT (default 300) random components and
#      GEN_ORDER_COUNT (default 100) evaluation-order shapes checked for
#      parsing, idempotence, execution equivalence and (safe shapes) being
#      rewritten, each check also with `hoist: true`; GEN_SHAPES selects
#      families or shapes                            (js/exec)
#   3. fuzzing: both cargo-fuzz targets, FUZZ_SECONDS (default 30) each
#                                                    (scripts/fuzz-ci.sh)
#   4. real code: the .tsx/.jsx sources of three pinned UI kits through both
#      back ends                                     (js/realcode/run.mjs)
#
#   scripts/verify.sh                     everything
#   scripts/verify.sh exec generated      some phases (exec, generated, fuzz, realcode)
#   GEN_COUNT=3000 FUZZ_SECONDS=600 scripts/verify.sh    the long versions
#
# Builds what it needs: the CLI (text back end) and the standalone wasm
# module (AST back end, through js/api); installs the pinned npm packages
# (npm ci) and cargo-fuzz (once). Needs Node >= 20 and a nightly toolchain
# (for the fuzz phase).
#
#   CARGO_TARGET_DIR  shared cargo target directory
#                     (default: ~/.cache/handler-closures-target)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/handler-closures-target}
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}
phases=("$@")
((${#phases[@]})) || phases=(exec generated fuzz realcode)
wants() { [[ " ${phases[*]} " == *" $1 "* ]]; }

source "$root/scripts/lib/phases.sh"
phases_begin verify

# npm ci unless node_modules already matches package-lock.json.
npm_ci() {
  local dir=$1
  if [[ -f "$dir/node_modules/.package-lock.json" && "$dir/node_modules/.package-lock.json" -nt "$dir/package-lock.json" ]]; then
    echo "npm ci ($dir): up to date"
  else
    (cd "$dir" && npm ci --no-audit --no-fund --ignore-scripts)
  fi
}

node_major=$(node -p 'process.versions.node.split(".")[0]')
((node_major >= 20)) || { echo "verify: Node >= 20 needed (found $(node --version))" >&2; exit 1; }

cd "$root"
phase "build CLI (text back end)" cargo build --locked -p handler-closures-cli
if wants exec || wants generated || wants realcode; then
  phase "build wasm module (AST back end, js/api)" bash scripts/build-wasm-module.sh
fi
if wants exec || wants generated; then
  phase "npm ci (js/exec)" npm_ci js/exec
fi
if wants exec; then
  phase "exec: harness self-tests, fixtures, findings" \
    node --test --test-reporter=spec js/exec/harness.test.mjs js/exec/generator.test.mjs js/exec/fixtures.test.mjs js/exec/findings.test.mjs
fi
if wants generated; then
  phase "generated programs (GEN_COUNT=${GEN_COUNT:-300}, GEN_ORDER_COUNT=${GEN_ORDER_COUNT:-100})" node --test --test-reporter=dot js/exec/generated.test.mjs
fi
if wants fuzz; then
  phase "fuzz (FUZZ_SECONDS=${FUZZ_SECONDS:-30} per target)" bash scripts/fuzz-ci.sh
fi
if wants realcode; then
  phase "npm ci (js/realcode)" npm_ci js/realcode
  phase "real code (pinned UI kits)" node js/realcode/run.mjs
fi
