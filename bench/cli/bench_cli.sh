#!/bin/sh
# The command line over large CSV tables: wall time, CPU time and peak memory (max RSS) of
# `cadrekit assessment screen`, `cadrekit audit tier`, `cadrekit talent pools`,
# `cadrekit talent teams`, `cadrekit disclosure plan` and `cadrekit village pay` on generated files
# of ROWS rows (default 1,000,000; the pay sheet's ROWS / 2 villages and their principals), and
# `assessment screen` and `talent pools` with the assessment records and a table of findings,
# measured with /usr/bin/time -v; docs/performance.md records the numbers. Nothing is asserted.
# Keeps the outputs in WORKDIR, to compare two builds byte for byte.
#   bench/cli/bench_cli.sh CADREKIT_BINARY [ROWS] [WORKDIR]
set -eu
bin=${1:?usage: bench_cli.sh CADREKIT_BINARY [ROWS] [WORKDIR]}
rows=${2:-1000000}
dir=${3:-${TMPDIR:-/tmp}/cadrekit-bench-cli}
here=$(dirname "$0")
mkdir -p "$dir"
[ -f "$dir/findings.csv" ] && [ "$(cat "$dir/rows" 2>/dev/null)" = "$rows" ] ||
  { /usr/bin/python3 "$here/make_tables.py" "$rows" "$dir" && echo "$rows" >"$dir/rows"; }
run() {
  name=$1
  shift
  /usr/bin/time -v "$@" >"$dir/$name.out" 2>"$dir/$name.time" || true
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$dir/$name.time")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$dir/$name.time")
  cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$dir/$name.time")
  status=$(sed -n 's/.*Exit status: //p' "$dir/$name.time")
  printf '%-12s wall %-8s cpu %6ss  max RSS %5d MiB  exit %s  output %s bytes\n' "$name" "$wall" "$cpu" \
    $((rss / 1024)) "$status" "$(wc -c <"$dir/$name.out")"
}
for f in records units cadres members candidates villages principals scores findings; do
  printf '%s.csv: %s bytes  ' $f "$(wc -c <"$dir/$f.csv")"
done
echo
run screen "$bin" assessment screen "$dir/records.csv" --as-of 2016-12-31
run screen_f "$bin" assessment screen "$dir/records.csv" --as-of 2016-12-31 --findings "$dir/findings.csv"
run tier "$bin" audit tier "$dir/units.csv" --as-of 2016-12-31
run pools "$bin" talent pools "$dir/cadres.csv" --as-of 2016-12-31
run pools_sup "$bin" talent pools "$dir/cadres.csv" --as-of 2016-12-31 --assessments "$dir/records.csv" \
  --findings "$dir/findings.csv"
run teams "$bin" talent teams "$dir/members.csv" --as-of 2016-12-31
run teams_c "$bin" talent teams "$dir/members.csv" --as-of 2016-12-31 --candidates "$dir/cadres.csv"
run plan "$bin" disclosure plan "$dir/candidates.csv"
run pay "$bin" village pay --villages "$dir/villages.csv" --principals "$dir/principals.csv" \
  --scores "$dir/scores.csv" --year 2016
