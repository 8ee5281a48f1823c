# Shared by the test scripts: timed phases and a timing summary on exit.
#
#   source scripts/lib/phases.sh
#   phases_begin NAME          prints "NAME timings:" and the verdict on exit
#   phase LABEL COMMAND...     runs COMMAND, records how long it took
#
# A failing phase returns its status, so `set -e` stops the script and the
# summary still prints.

phases_name=run
phases_timings=()

phases_summary() {
  local status=$?
  echo
  echo "$phases_name timings:"
  for line in "${phases_timings[@]}"; do echo "  $line"; done
  ((status == 0)) && echo "$phases_name: all passed" || echo "$phases_name: FAILED (exit $status)"
}

phases_begin() {
  phases_name=$1
  trap phases_summary EXIT
}

phase() {
  local name=$1 start end status=0
  shift
  echo
  echo "==> $name"
  start=$(date +%s%N)
  "$@" || status=$?
  end=$(date +%s%N)
  phases_timings+=("$(printf '%-44s %7.1fs%s' "$name" "$(((end - start) / 1000000))e-3" "$( ((status)) && echo '  FAILED')")")
  return "$status"
}
