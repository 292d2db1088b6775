#!/usr/bin/env python3
"""Writes a synthetic training log of several hundred MB for bench/bigfile.sh (never commit its output).

One row per (run, logged step), as a logging pipeline writes it: 3,000 runs x 1,000 steps = 3,000,000 rows
and 14 columns, about 400 MB. The columns a scaling-law fit reads are compute and loss; the final step of
each run (step == 999) gives its final loss. Loss follows L = 1.8 + 1000 * C^-0.15 times 1% noise.
Deterministic (seeded), so every run of the benchmark reads the same bytes.

    python3 bench/generate_bigfile.py /tmp/scalefit-bigfile/training-log.csv [RUNS] [STEPS]
"""
import math
import os
import random
import sys


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/scalefit-bigfile/training-log.csv"
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
    steps = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    rng = random.Random(20240229)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("run,model,params,step,tokens,compute,loss,lr,grad_norm,tokens_per_sec,gpu_mem_gb,timestamp,dataset,notes\n")
        for r in range(runs):
            params = 10 ** (7 + 3 * (r % 100) / 99)
            final_tokens = 20 * params * (1 + (r // 100) % 5)
            model = "m%03d" % (r % 100)
            rows = []
            for s in range(steps):
                tokens = final_tokens * (s + 1) / steps
                compute = 6 * params * tokens
                loss = (1.8 + 1000 * compute ** -0.15) * math.exp(0.01 * rng.gauss(0, 1))
                rows.append("run%04d,%s,%.6e,%d,%.6e,%.6e,%.6f,%.3e,%.4f,%.1f,%.2f,2024-05-%02dT%02d:%02d:00Z,web-v2,\"ok, no restarts\"\n"
                            % (r, model, params, s, tokens, compute, loss, 3e-4 * (1 - s / steps), 0.5 + rng.random(),
                               1e5 * rng.random(), 40 * rng.random(), 1 + r % 28, s % 24, s % 60))
            f.writelines(rows)
    print("%s: %d rows, %.0f MB" % (out, runs * steps, os.path.getsize(out) / 1e6))


if __name__ == "__main__":
    main()
