#!/usr/bin/env bash
# Memory and scaling of `scalefit horizon` on large synthetic METR-format run files (a benchmark, not a test).
# Generates the files with bench/gen_metr_runs.py into a temporary folder (never committed), then for each size
# runs the CLI under a heap limit with a GC log and reports wall and CPU seconds, the peak heap in use (the largest
# "before" figure of any collection in the GC log), the live heap after the last collection, and the process's
# peak resident memory.
#
#   bash bench/memory.sh                          # 250k, 500k, 1M runs x 1,000 replicates, and 1M x 250/500, -Xmx2g
#   XMX=64m SIZES="1000000" REPLICATES="1000" bash bench/memory.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
XMX="${XMX:-2g}"
SIZES="${SIZES:-250000 500000 1000000}"
REPLICATES="${REPLICATES:-1000}"
EXTRA_REPLICATES="${EXTRA_REPLICATES-0 250 500}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
./scalefit --version >/dev/null   # builds the jar and the start-up archive outside the timing
run() {   # rows replicates
  local file="$tmp/runs-$1.jsonl"
  [ -f "$file" ] || python3 bench/gen_metr_runs.py --runs "$1" --out "$file"
  local gc="$tmp/gc.log"
  SCALEFIT_JAVA_OPTS="-Xmx$XMX -Xlog:gc:file=$gc -Xlog:gc+heap+exit=info:file=$gc.exit" /usr/bin/time -f "%e %U %M" \
    -o "$tmp/time" ./scalefit horizon "$file" --bootstrap "$2" --json -q > "$tmp/out.json"
  read -r wall user rss < "$tmp/time"
  # A small run may end before any collection: then the heap in use at exit is both the peak and the live figure.
  local at_exit
  at_exit=$(grep -o 'used [0-9]*K' "$gc.exit" | head -1 | tr -dc '0-9')
  at_exit=$(( ${at_exit:-0} / 1024 ))
  peak=$( { grep -o '[0-9]*M->[0-9]*M' "$gc" || true; } | sed 's/M->.*//' | sort -n | tail -1)
  live=$( { grep -o '[0-9]*M->[0-9]*M' "$gc" || true; } | tail -1 | sed 's/.*->//; s/M//')
  peak=$(( ${peak:-0} > at_exit ? ${peak:-0} : at_exit ))
  live=${live:-$at_exit}
  printf '| %9d | %5d | %12d | %6.2f | %6.2f | %5s MB | %5s MB | %4d MB |\n' "$1" "$2" $(( $1 * $2 )) "$wall" "$user" \
    "${peak:-?}" "${live:-?}" $(( rss / 1024 ))
}
echo "heap limit -Xmx$XMX; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "|      runs | reps. | runs × reps. | wall s |  CPU s | peak heap | live heap | max RSS |"
echo "|---|---|---|---|---|---|---|---|"
for n in $SIZES; do run "$n" "$REPLICATES"; done
last="${SIZES##* }"
for r in $EXTRA_REPLICATES; do run "$last" "$r"; done
