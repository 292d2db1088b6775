#!/usr/bin/env bash
# Benchmark (not a test): scalefit against SciPy on the T3 workloads of ../shared/bench, run one after
# the other in this session (never at the same time: the two vCPUs interfere). Prints a ratio table.
#
#   bash bench/chinchilla.sh            # Epoch's data (240 points, 4,500 starts) and t3_chinchilla.csv (250, 5,400)
#   REPS=3 SCIPY_REPS=1 bash bench/chinchilla.sh
#
# SciPy side: ../shared/bench/anchors/t3_chinchilla.py (L-BFGS-B with the analytic gradient from every grid
# start; Epoch-style bootstrap = one BFGS fit per resample from Hoffmann's parameters, timed on
# SCIPY_BOOT resamples and scaled to 1,000). Its eval-count dump goes to a temporary file, not into ../shared.
# scalefit side: bench/ChinchillaBench.java on target/scalefit.jar (wall clock, min over REPS after a warm-up).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
shared="${SHARED:-$here/../shared}"
epoch="$shared/reference-data/epoch-chinchilla/svg_extracted_data.csv"
t3="$shared/bench/data/t3_chinchilla.csv"
anchor="$shared/bench/anchors/t3_chinchilla.py"
REPS="${REPS:-3}"
SCIPY_REPS="${SCIPY_REPS:-1}"
SCIPY_BOOT="${SCIPY_BOOT:-250}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
[ -f target/scalefit.jar ] && [ -z "$(find src/main pom.xml -newer target/scalefit.jar -print -quit)" ] \
  || mvn -B -q -DskipTests package >&2
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1); $(python3 -c 'import scipy, numpy; print("scipy", scipy.__version__, "numpy", numpy.__version__)')" >&2
for set in epoch t3; do
  if [ "$set" = epoch ]; then csv="$epoch"; args=(--drop-top-loss 5 --e-max 1.0); else csv="$t3"; args=(--e-max 1.5); fi
  [ -f "$csv" ] || { echo "skipping $set: $csv not found" >&2; continue; }
  echo "== $set: SciPy" >&2
  OPENBLAS_NUM_THREADS=1 python3 "$anchor" --csv "$csv" "${args[@]}" --variant analytic --reps "$SCIPY_REPS" \
      --boot-n 0 --epoch-boot "$SCIPY_BOOT" --eval-dump "$tmp/evals.json" > "$tmp/scipy_$set.jsonl"
  echo "== $set: scalefit" >&2
  java -Xmx2g -cp target/scalefit.jar bench/ChinchillaBench.java --csv "$csv" "${args[@]}" --reps "$REPS" > "$tmp/ours_$set.jsonl"
done
python3 - "$tmp" <<'PY'
import json, glob, os, sys
tmp = sys.argv[1]
def rows(path):
    return [json.loads(l) for l in open(path) if l.startswith("{")] if os.path.exists(path) else []
print(f"{'data':<8} {'work':<58} {'SciPy s':>9} {'threads':>7} {'scalefit s':>10} {'ratio':>7}")
for s in ("epoch", "t3"):
    sp, ours = rows(f"{tmp}/scipy_{s}.jsonl"), rows(f"{tmp}/ours_{s}.jsonl")
    if not sp:
        continue
    grid = next(r for r in sp if "grid" in r["tool"])
    boot = next(r for r in sp if "Epoch-style" in r["tool"])
    grid_s = grid["seconds_min"]
    boot_s = boot["seconds"] * 1000 / 4000        # scipy's figure is scaled to 4,000 resamples
    print(f"{s:<8} SciPy grid: objective {grid['objective']:.10f}, {grid['n_starts']} starts; "
          f"alpha {grid['params']['alpha']:.5f} beta {grid['params']['beta']:.5f}")
    for r in ours:
        ref = grid_s if r["work"].startswith("grid") else boot_s
        tag = "" if r["work"].startswith("grid") or "Epoch-style" in r["work"] else " (warm; SciPy: Epoch-style)"
        print(f"{s:<8} {r['work'][:58]:<58} {ref:>9.3f} {r['threads']:>7} {r['seconds_min']:>10.3f} {ref / r['seconds_min']:>6.1f}x{tag}")
        if "objective" in r:
            print(f"{'':<8}   objective {r['objective']:.10f}  E {r['E']:.5g} A {r['A']:.5g} B {r['B']:.5g} "
                  f"alpha {r['alpha']:.5g} beta {r['beta']:.5g}")
        if "se_alpha" in r:
            print(f"{'':<8}   bootstrap SE: E {r['se_E']:.3g} A {r['se_A']:.4g} B {r['se_B']:.4g} "
                  f"alpha {r['se_alpha']:.3g} beta {r['se_beta']:.3g}")
    print(f"{'':<8}   SciPy Epoch-style bootstrap: alpha SE {boot['params']['alpha_se']:.3g}, beta SE {boot['params']['beta_se']:.3g} "
          f"({boot['resamples_run']} resamples run)")
PY
