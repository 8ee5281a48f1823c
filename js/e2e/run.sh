#!/usr/bin/env bash
# Host end-to-end tests of the SWC plugin: builds the wasm (npm run build at
# the repository root), installs the pinned hosts (npm ci, see package-lock.json)
# with the plugin as a packed `file:` dependency, and runs each test file,
# printing how long each phase takes.
#
#   js/e2e/run.sh                       everything
#   js/e2e/run.sh vite.test.mjs         build, install, then only these tests
#
#   CARGO_TARGET_DIR  shared cargo target directory
#                     (default: ~/.cache/handler-closures-target)
set -euo pipefail

e2e=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$e2e/../.." && pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/handler-closures-target}
export NEXT_TELEMETRY_DISABLED=1

if (($#)); then
  tests=("$@")
else
  tests=(swc-core.test.mjs diagnostics.test.mjs next.test.mjs vite.test.mjs)
fi

timings=()
summary() {
  local status=$?
  echo
  echo "e2e timings:"
  for line in "${timings[@]}"; do echo "  $line"; done
  ((status == 0)) && echo "e2e: all passed" || echo "e2e: FAILED (exit $status)"
}
trap summary EXIT

# phase NAME COMMAND...: runs COMMAND, records how long it took.
phase() {
  local name=$1 start end
  shift
  echo
  echo "==> $name"
  start=$(date +%s%N)
  if "$@"; then
    end=$(date +%s%N)
    timings+=("$(printf '%-28s %7.1fs' "$name" "$(((end - start) / 1000000))e-3")")
  else
    local status=$?
    end=$(date +%s%N)
    timings+=("$(printf '%-28s %7.1fs  FAILED' "$name" "$(((end - start) / 1000000))e-3")")
    return "$status"
  fi
}

echo "node $(node --version), npm $(npm --version)"

phase "build wasm" npm --prefix "$root" run --silent build
cd "$e2e" # npm ci reads js/e2e/.npmrc (install-links) from here
phase "npm ci (js/e2e)" npm ci --no-audit --no-fund
for test in "${tests[@]}"; do
  phase "test ${test%.test.mjs}" node --test --test-reporter=spec "$test"
done
