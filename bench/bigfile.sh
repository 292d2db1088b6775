#!/usr/bin/env bash
# Reads a training log of several hundred MB (generated into /tmp, never committed) with a small heap:
# scalefit streams its files in chunks, so memory holds the numbers a fit keeps, not the text of the file.
#
#   bash bench/bigfile.sh              # from the project root; ~2 minutes plus ~30 s to generate the file once
#   BIGFILE=/path/to/log.csv bash bench/bigfile.sh
#
# For each run: wall time, peak resident memory, the most heap in use at any collection ("peak heap") and
# the most heap still live after a full collection ("live"), from the JVM's GC log. Results are appended
# to bench/results/bigfile.jsonl.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
file="${BIGFILE:-/tmp/scalefit-bigfile/training-log.csv}"
results="$here/bench/results/bigfile.jsonl"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[ -f "$file" ] || python3 "$here/bench/generate_bigfile.py" "$file"
jar="$here/target/scalefit.jar"
[ -f "$jar" ] || (cd "$here" && mvn -B -q -DskipTests package >&2)
mb=$(( $(stat -c %s "$file") / 1000000 ))
echo "file: $file ($mb MB)"

run() {
  local label="$1" xmx="$2"; shift 2
  local log="$work/gc.log" out="$work/out.txt" tm="$work/time.txt"
  local status=0
  /usr/bin/time -f "%e %M" -o "$tm" java -Djava.awt.headless=true -XX:+UseSerialGC "-Xmx$xmx" "-Xlog:gc:file=$log" "$@" \
      >"$out" 2>&1 || status=$?
  read -r wall rss <"$tm"
  # GC lines end in "BEFORE->AFTER(SIZE) TIME": peak = max BEFORE, live = max AFTER of full collections.
  local peak live
  peak=$(awk '/Pause/ {split($(NF-1),a,"->"); v=a[1]; sub("M","",v); if (v+0>m) m=v+0} END {print m+0}' "$log")
  live=$(awk '/Pause Full/ {split($(NF-1),a,"->"); v=a[2]; sub("M.*","",v); if (v+0>m) m=v+0} END {print m+0}' "$log")
  printf '%-58s -Xmx%-5s exit %d  %6.1f s  RSS %5d MB  peak heap %4d MB  live %4s MB\n' "$label" "$xmx" "$status" "$wall" \
      $((rss / 1024)) "$peak" "${live:-0}"
  grep -E '^  loss =|rows_kept|out of memory' "$out" | tail -1 | sed 's/^/    /'
  printf '{"label": "%s", "file_mb": %d, "xmx": "%s", "exit": %d, "seconds": %s, "rss_mb": %d, "peak_heap_mb": %s, "live_heap_mb": %s, "load": "%s"}\n' \
      "$label" "$mb" "$xmx" "$status" "$wall" $((rss / 1024)) "$peak" "${live:-0}" "$(cut -d' ' -f1 /proc/loadavg)" >>"$results"
}

run "fit, final loss of each run (--where step==999)" 32m -jar "$jar" \
    fit "$file" --x compute --y loss --law offset-power-law --where step==999
run "fit, every row (3,000,000 points)" 768m -jar "$jar" fit "$file" --x compute --y loss --law power-law
run "load only, streamed (DataSpec, step==999)" 32m -cp "$jar" "$here/bench/BigFileRead.java" "$file" stream
run "load only, whole table as text (for comparison)" 2g -cp "$jar" "$here/bench/BigFileRead.java" "$file" whole
