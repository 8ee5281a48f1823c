#!/usr/bin/env bash
# Bounded cargo-fuzz run of both targets in fuzz/ (see the README, "Verification"):
# installs cargo-fuzz from crates.io when missing, fails loudly without a
# nightly toolchain, builds the targets (release, no sanitizer: the crate is
# safe Rust, so AddressSanitizer would only slow it down), then runs each
# target for FUZZ_SECONDS (default 30) from the seed corpus in
# fuzz/corpus/<target>. New inputs go to a scratch directory, not the repo.
# A crash leaves its input in fuzz/artifacts/<target>/ and fails the script.
# The `source` target also gets deeply nested inputs (parentheses, JSX,
# object literals, nested handlers...: scripts/gen-deep-seeds.py, generated
# into the scratch directory): first each deep one is run once (they are
# deeper than -max_len allows the fuzzer to reach), then those that fit in
# -max_len join its seed corpus.
#
#   scripts/fuzz-ci.sh                  both targets, 30 s each
#   FUZZ_SECONDS=600 scripts/fuzz-ci.sh longer
#   scripts/fuzz-ci.sh structured       one target
#
#   CARGO_TARGET_DIR  shared cargo target directory
#                     (default: ~/.cache/handler-closures-target)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/handler-closures-target}
seconds=${FUZZ_SECONDS:-30}
targets=("$@")
((${#targets[@]})) || targets=(source structured)

if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  echo "fuzz-ci: FAILED: no nightly Rust toolchain (cargo-fuzz needs one): rustup toolchain install nightly" >&2
  exit 1
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz-ci: installing cargo-fuzz from crates.io (one-time, a few minutes)" >&2
  cargo install cargo-fuzz --locked
fi

cd "$root/fuzz"
start=$(date +%s)
for target in "${targets[@]}"; do cargo +nightly fuzz build -O -s none "$target"; done
echo "fuzz-ci: build took $(($(date +%s) - start))s"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
max_len=8192
python3 "$root/scripts/gen-deep-seeds.py" "$scratch/deep-seeds" --max-len "$max_len"
for target in "${targets[@]}"; do
  mkdir -p "$scratch/$target"
  t0=$(date +%s)
  extra_seeds=()
  if [[ $target == source ]]; then
    for input in "$scratch/deep-seeds/deep/"*; do
      if ! cargo +nightly fuzz run -O -s none "$target" "$input" -- -timeout=60 >"$scratch/deep.log" 2>&1; then
        tail -n 30 "$scratch/deep.log" >&2
        echo "fuzz-ci: FAILED: the deeply nested input '$(basename "$input")' crashes $target" \
          "(python3 scripts/gen-deep-seeds.py --print $(basename "$input") > deep.tsx reproduces it)" >&2
        exit 1
      fi
    done
    echo "fuzz-ci: $target: $(ls "$scratch/deep-seeds/deep" | wc -l) deeply nested inputs ok"
    extra_seeds=("$scratch/deep-seeds/fit")
  fi
  echo "fuzz-ci: $target for ${seconds}s"
  if ! cargo +nightly fuzz run -O -s none "$target" "$scratch/$target" "corpus/$target" "${extra_seeds[@]}" -- \
    -max_total_time="$seconds" -max_len="$max_len" -timeout=20 -print_final_stats=1 >"$scratch/$target.log" 2>&1; then
    tail -n 60 "$scratch/$target.log" >&2
    echo "fuzz-ci: FAILED: $target found a crash; its input is in fuzz/artifacts/$target/" >&2
    exit 1
  fi
  grep -E '^stat::number_of_executed_units|^Done' "$scratch/$target.log" | sed "s/^/fuzz-ci: $target: /" || true
  echo "fuzz-ci: $target ok ($(($(date +%s) - t0))s, $(ls "$scratch/$target" | wc -l) new corpus entries not kept)"
done
echo "fuzz-ci: all targets passed in $(($(date +%s) - start))s"
