#!/usr/bin/env bash
# T2 bootstrap throughput, scalefit against the SciPy anchor on the same machine in the same session.
#
# Work: 1,000 pairs-bootstrap refits of L = E + A·C^(−alpha) on the 30 points of
# shared/bench/data/t2_irreducible.csv, resample indices fixed by t2_bootstrap_indices.csv; linear
# residuals, E ≥ 0, 0 ≤ alpha ≤ 2, start (1, 100, 0.1) — the anchor's set-up, same optimum
# (E=1.8090, A=1009.2, alpha=0.15018, 0.5·SSR=0.0548787).
#
# Usage (from the project root):  bench/bootstrap_throughput.sh [JAVA_REPS] [PY_BOOT_REPS]
# Writes bench/results/t2_bootstrap.jsonl and prints the ratios (scalefit seconds / SciPy seconds, min over reps).
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_REPS=${1:-5}
PY_REPS=${2:-3}
SHARED=../shared/bench
if [ ! -f "$SHARED/data/t2_bootstrap_indices.csv" ]; then
  echo "bench data not found at $SHARED/data" >&2
  exit 2
fi
[ -f target/scalefit.jar ] || mvn -B -q -DskipTests package
mkdir -p bench/results
OUT=bench/results/t2_bootstrap.jsonl
: > "$OUT"
echo "# SciPy anchor (single thread)" >&2
OPENBLAS_NUM_THREADS=1 python3 "$SHARED/anchors/t2_irreducible.py" --reps 5 --boot-reps "$PY_REPS" | grep 'bootstrap' >> "$OUT"
echo "# scalefit" >&2
java -cp target/scalefit.jar bench/BootstrapThroughput.java "$SHARED/data" "$JAVA_REPS" >> "$OUT"
python3 - "$OUT" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
scipy = {r["tool"]: r for r in rows if r["tool"].startswith("scipy")}
ours = [r for r in rows if r["tool"].startswith("scalefit")]
cf = next(v for k, v in scipy.items() if "curve_fit" in k)
ls = next(v for k, v in scipy.items() if "analytic" in k)
def sec(r):
    return r.get("seconds_min", r.get("seconds"))
print(f"{'tool':<78} {'min s':>8} {'/ curve_fit':>12} {'/ least_squares':>16}   alpha CI95")
for r in list(scipy.values()) + ours:
    ci = r["bootstrap"]["alpha_ci95"]
    print(f"{r['tool']:<78} {sec(r):8.3f} {sec(r)/sec(cf):12.2f} {sec(r)/sec(ls):16.3f}   [{ci[0]:.4f}, {ci[1]:.4f}]")
PY
