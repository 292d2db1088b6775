#!/usr/bin/env bash
# Measures the wall time of `scalefit reproduce` (all figures, PNG + SVG, and with --pdf), after the
# jar is built, in a fresh JVM each time: the number the README quotes ("under a minute on a laptop").
# Usage: bench/reproduce-time.sh [repeats]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
./scalefit --version >/dev/null   # builds the jar if needed, outside the timing
n="${1:-3}"
for flags in "" "--pdf"; do
  for i in $(seq 1 "$n"); do
    out="$(mktemp -d)"
    start=$(date +%s%N)
    ./scalefit reproduce --out "$out" $flags -q >/dev/null
    end=$(date +%s%N)
    printf 'reproduce %-6s run %d: %d.%01d s\n' "${flags:-}" "$i" $(( (end - start) / 1000000000 )) \
      $(( (end - start) / 100000000 % 10 ))
    rm -rf "$out"
  done
done
echo "cores: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg)"
