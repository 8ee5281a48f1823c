#!/usr/bin/env bash
# Builds the SWC plugin (crates/swc_plugin) for wasm32-wasip1 and copies it to
# the npm package root as swc_plugin_handler_closures.wasm (`npm run build`).
#
#   CARGO_TARGET_DIR  shared cargo target directory
#                     (default: ~/.cache/handler-closures-target)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/handler-closures-target}
# SWC plugins must be built with this cfg (forward-compatible AST decoding).
# Set for the wasm target only, so native builds sharing the target directory
# are not invalidated.
export CARGO_TARGET_WASM32_WASIP1_RUSTFLAGS="--cfg=swc_ast_unknown"

if command -v rustup >/dev/null && ! rustup target list --installed | grep -qx wasm32-wasip1; then
  echo "build-wasm: installing the wasm32-wasip1 target" >&2
  rustup target add wasm32-wasip1
fi

cd "$root"
cargo build --locked -p swc-plugin-handler-closures --target wasm32-wasip1 --profile wasm

out="$CARGO_TARGET_DIR/wasm32-wasip1/wasm/swc_plugin_handler_closures.wasm"
cp "$out" "$root/swc_plugin_handler_closures.wasm"
echo "build-wasm: swc_plugin_handler_closures.wasm ($(wc -c <"$root/swc_plugin_handler_closures.wasm") bytes)" >&2
