#!/usr/bin/env bash
# Real builds with the bundler plugins (js/plugins): builds the wasm module
# and the SWC plugin, installs the pinned bundlers (npm ci, see
# package-lock.json) with the package as a packed `file:` dependency
# (install-links, as a user gets it from the registry), then runs each test
# file, printing how long each phase takes.
#
#   js/plugin-tests/run.sh                    everything
#   js/plugin-tests/run.sh vite.test.mjs      build, install, then only these tests
#
#   CARGO_TARGET_DIR  shared cargo target directory
#                     (default: ~/.cache/handler-closures-target)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/handler-closures-target}
export NEXT_TELEMETRY_DISABLED=1

if (($#)); then
  tests=("$@")
else
  tests=(package.test.mjs prefilter.test.mjs vite.test.mjs rollup.test.mjs webpack.test.mjs esbuild.test.mjs farm.test.mjs next.test.mjs)
fi

source "$root/scripts/lib/phases.sh"
phases_begin plugin-tests

echo "node $(node --version), npm $(npm --version)"

phase "build wasm" npm --prefix "$root" run --silent build
cd "$here" # npm ci reads .npmrc (install-links) from here
phase "npm ci (js/plugin-tests)" npm ci --no-audit --no-fund
if [[ " ${tests[*]} " == *" next.test.mjs "* ]]; then
  for next in next-15 next-16; do
    phase "npm ci (js/plugin-tests/$next)" bash -c "cd '$here/$next' && npm ci --no-audit --no-fund"
  done
fi
for test in "${tests[@]}"; do
  phase "test ${test%.test.mjs}" node --test --test-reporter=spec "$test"
done
