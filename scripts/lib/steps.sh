# Sourced by the scripts of scripts/: quiet steps that speak up when they fail, and stage times.
#
# run_step NAME LOG CMD [ARG...]
#   Runs CMD with its output (stdout and stderr) in LOG. On success prints nothing. On failure
#   shows the end of LOG on stderr, then one line naming the step and the whole log, and exits
#   with CMD's status. CADREKIT_VERBOSE=1 shows the output as it comes instead (still logged).
run_step() {
  local name=$1 log=$2 rc=0
  shift 2
  mkdir -p "$(dirname "$log")"
  if [ "${CADREKIT_VERBOSE:-0}" = 1 ]; then
    "$@" 2>&1 | tee "$log" || rc=${PIPESTATUS[0]}
  else
    "$@" >"$log" 2>&1 || rc=$?
  fi
  if [ "$rc" -ne 0 ]; then
    {
      echo "---- last lines of $log ----"
      tail -n "${CADREKIT_LOG_LINES:-60}" "$log"
      echo "----"
      echo "$name: failed (exit status $rc); the whole log is $log"
    } >&2
    exit "$rc"
  fi
}

# stage NAME: starts timing stage NAME (ending the one before); stage_report prints every stage's
# time and the total. Call stage_report from an EXIT trap so a failed run shows them too.
_ck_stage_names=()
_ck_stage_secs=()
_ck_stage_start=$SECONDS
_ck_run_start=$SECONDS
stage() {
  _ck_stage_end
  _ck_stage_names+=("$1")
  _ck_stage_start=$SECONDS
  echo "== $1"
}
_ck_stage_end() {
  if [ ${#_ck_stage_names[@]} -gt ${#_ck_stage_secs[@]} ]; then
    _ck_stage_secs+=($((SECONDS - _ck_stage_start)))
  fi
}
stage_report() {
  _ck_stage_end
  local i
  echo "== stage times"
  for i in "${!_ck_stage_names[@]}"; do
    printf '  %6ss  %s\n' "${_ck_stage_secs[$i]}" "${_ck_stage_names[$i]}"
  done
  printf '  %6ss  total\n' "$((SECONDS - _ck_run_start))"
}

# use_ccache: when ccache is installed, sets LAUNCHER (CMake arguments) so that the builds of one
# run share objects (build/, the pip check, the demo, another worktree): paths relative to the
# checkout, the build directory not hashed. LAUNCHER is empty otherwise.
LAUNCHER=()
use_ccache() {
  LAUNCHER=()
  if command -v ccache >/dev/null; then
    export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD} CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}
    LAUNCHER=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
  fi
}
