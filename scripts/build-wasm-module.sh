#!/usr/bin/env bash
# Builds the standalone wasm module (crates/wasm_module) for
# wasm32-unknown-unknown and puts it where the JS API (js/api/) finds it:
#
#   js/api/handler_closures.wasm   the module (for init(url | bytes | Response))
#   js/api/wasm-inline.js          the same bytes, base64, for init() without arguments
#
# Both are generated (git-ignored) and shipped in the npm package.
#
#   CARGO_TARGET_DIR  shared cargo target directory
#                     (default: ~/.cache/handler-closures-target)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/handler-closures-target}
target=wasm32-unknown-unknown

if command -v rustup >/dev/null && ! rustup target list --installed | grep -qx "$target"; then
  echo "build-wasm-module: installing the $target target" >&2
  rustup target add "$target"
fi

cd "$root"
cargo build --locked -p handler-closures-wasm --target "$target" --profile wasm-module

out="$CARGO_TARGET_DIR/$target/wasm-module/handler_closures_wasm.wasm"
api="$root/js/api"
cp "$out" "$api/handler_closures.wasm.tmp"
mv "$api/handler_closures.wasm.tmp" "$api/handler_closures.wasm"
node "$api/generate-inline.mjs" "$api/handler_closures.wasm" "$api/wasm-inline.js"
echo "build-wasm-module: js/api/handler_closures.wasm ($(wc -c <"$api/handler_closures.wasm") bytes)," \
  "js/api/wasm-inline.js ($(wc -c <"$api/wasm-inline.js") bytes)" >&2
