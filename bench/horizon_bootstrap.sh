#!/usr/bin/env bash
# Times scalefit's horizon bootstraps against SciPy on the same machine in the same session and
# prints the ratios.  From the project root:
#
#   bash bench/horizon_bootstrap.sh            # full: SciPy T4 anchor, SciPy METR bootstrap, scalefit
#   QUICK=1 bash bench/horizon_bootstrap.sh    # skip the ~1 min SciPy bootstrap of the METR file
#
# Workloads (1,000 replicates each):
#   T4    SciPy's anchor ../shared/bench/anchors/t4_metr_horizon.py ("binomial" and "rows" variants) and
#         scalefit on exactly the same 1,000 task resamples (bench/Compare.java --tasks T4, as compare.sh).
#   METR  the family -> task -> run bootstrap of METR's run snapshot (10 models, 6,852 runs):
#         scalefit's Horizons.fit against bench/metr_crosscheck.py --bootstrap (NumPy resampling +
#         SciPy L-BFGS-B per model, run rows, as one would write it with sklearn).
# Everything single-threaded unless stated (OPENBLAS_NUM_THREADS=1: BLAS threads only fight each other
# on this 2-vCPU machine). Results: bench/results/horizon_bootstrap.jsonl (raw) and the table on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
SHARED=${SHARED:-../shared}
PY=${PY:-python3}
mkdir -p bench/results
out=bench/results/horizon_bootstrap.jsonl
: > "$out"
if [ ! -f target/scalefit.jar ] || [ -n "$(find src/main pom.xml -newer target/scalefit.jar -print -quit)" ]; then
  mvn -B -q -DskipTests package >&2
fi
echo "== scalefit (bench/Compare.java --tasks T4, bench/HorizonBench.java)" >&2
java -cp target/scalefit.jar bench/Compare.java --shared "$SHARED" --reps 5 --tasks T4 | tee -a "$out" >&2
java -XX:+UseSerialGC -cp target/scalefit.jar bench/HorizonBench.java --reps 5 --shared "$SHARED" | tee -a "$out" >&2
echo "== SciPy T4 anchor" >&2
"$PY" "$SHARED/bench/anchors/t4_metr_horizon.py" --reps 3 --boot-reps 2 | tee -a "$out" >&2
if [ -z "${QUICK:-}" ]; then
  echo "== SciPy METR ftr bootstrap (bench/metr_crosscheck.py)" >&2
  tmp=$(mktemp)
  "$PY" bench/metr_crosscheck.py --bootstrap 1000 --out "$tmp" 2>/dev/null | tee -a "$out" >&2
  rm -f "$tmp"
fi
"$PY" - "$out" <<'PYEOF'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip().startswith("{")]
def pick(task, tool_part, threads=None):
    for r in rows:
        if r["task"] == task and tool_part in r["tool"] and (threads is None or r.get("threads") == threads):
            return r["seconds"]
    return None
sf_t4 = pick("T4", "scalefit", 1)
sp_bin = pick("T4", "binomial) + numpy.polyfit OLS [1000")
sp_rows = pick("T4", "rows) + numpy.polyfit OLS [1000")
sf_m1 = pick("metr-ftr-bootstrap", "scalefit", 1)
sf_m2 = [r for r in rows if r["task"] == "metr-ftr-bootstrap" and "scalefit" in r["tool"] and r.get("threads", 1) > 1]
sp_m = pick("metr-ftr-bootstrap", "scipy")
print("| workload (1,000 replicates) | SciPy s | scalefit s (1 thread) | ratio | scalefit s (all threads) |")
print("|---|---|---|---|---|")
def line(name, sp, sf, sfn=None):
    ratio = f"{sp / sf:.0f}x" if sp and sf else "-"
    print(f"| {name} | {sp:.3f} | {sf:.4f} | {ratio} | {sfn if sfn else '-'} |" if sp else f"| {name} | - | {sf:.4f} | - | {sfn if sfn else '-'} |")
if sf_t4:
    if sp_bin: line("T4 task bootstrap, 15 models x 170 tasks (SciPy binomial variant)", sp_bin, sf_t4)
    if sp_rows: line("T4 task bootstrap, 15 models x 170 tasks (SciPy run-rows variant)", sp_rows, sf_t4)
if sf_m1:
    multi = f"{sf_m2[0]['seconds']:.4f} ({sf_m2[0]['threads']} threads)" if sf_m2 else None
    line("METR snapshot, families -> tasks -> runs, 10 models", sp_m, sf_m1, multi)
PYEOF
