#!/usr/bin/env bash
# A step of ./scripts/demo that fails says so: with a C++ compiler that does not exist, the
# configure fails, and the demo must exit non-zero with, on stderr, CMake's reason and one line
# naming the step and its log. Run by scripts/test.
set -uo pipefail
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
CXX=/nonexistent/c++ BUILD_DIR="$tmp/build" OUT="$tmp/out" ./scripts/demo >"$tmp/stdout" 2>"$tmp/stderr"
rc=$?
fail() { echo "demo_reports_failure: $1"; echo "-- stderr:"; cat "$tmp/stderr"; exit 1; }
[ "$rc" -ne 0 ] || fail "the demo exited 0 with a compiler that does not exist"
grep -q '/nonexistent/c++' "$tmp/stderr" || fail "stderr does not show CMake's reason (the compiler's path)"
grep -q "^configure: failed (exit status [0-9]*); the whole log is $tmp/build/logs/configure.log\$" "$tmp/stderr" \
  || fail "stderr has no line naming the configure step and its log"
[ ! -e "$tmp/out/report.html" ] || fail "a report was written although the build failed"
echo "demo_reports_failure: a failed configure is shown on stderr, naming the step and its log"
