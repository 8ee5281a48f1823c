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

source "$root/scripts/lib/phases.sh"
phases_begin e2e

echo "node $(node --version), npm $(npm --version)"

phase "build wasm" npm --prefix "$root" run --silent build
cd "$e2e" # npm ci reads js/e2e/.npmrc (install-links) from here
phase "npm ci (js/e2e)" npm ci --no-audit --no-fund
for test in "${tests[@]}"; do
  phase "test ${test%.test.mjs}" node --test --test-reporter=spec "$test"
done
