#!/usr/bin/env python3
"""T1-style sweeps of any size for the whole-process `fit --by` rows of bench/compare.sh.

G groups of 8-20 points each (14 on average), y = a * x^(-b) * lognormal noise, drawn exactly as the T1 anchor
draws its 10,000 sets (../shared/bench/anchors/gen_data.py, gen_t1: a = 10^U(0,3), b = U(0.1,1.5), sigma =
U(0.05,0.3), x = sorted 10^U(0,6)), with numpy's PCG64 seeded by the group count. Columns set,x,y; the file is
sorted by set. Written in blocks so that 1,000,000 groups (14 M rows, about 600 MB) take about half a minute and
little memory. Not committed: bench/compare.sh generates what it needs into a temporary folder.

Usage: python3 bench/gen_groups.py GROUPS OUT.csv
"""
import sys
import numpy as np


def main():
    groups, out = int(sys.argv[1]), sys.argv[2]
    rng = np.random.default_rng(1000 + groups)
    block = 20_000
    with open(out, "w") as f:
        f.write("set,x,y\n")
        for start in range(0, groups, block):
            g = min(block, groups - start)
            n = rng.integers(8, 21, size=g)
            a = 10.0 ** rng.uniform(0.0, 3.0, size=g)
            b = rng.uniform(0.1, 1.5, size=g)
            sigma = rng.uniform(0.05, 0.3, size=g)
            total = int(n.sum())
            ids = np.repeat(np.arange(start, start + g), n)
            x = 10.0 ** rng.uniform(0.0, 6.0, size=total)
            # sort x within each group: add the group offset so one global sort keeps the groups in order
            order = np.lexsort((x, ids))
            x = x[order]
            y = np.repeat(a, n) * x ** (-np.repeat(b, n)) * np.exp(np.repeat(sigma, n) * rng.standard_normal(total))
            lines = [f"{i},{xi!r},{yi!r}" for i, xi, yi in zip(ids.tolist(), x.tolist(), y.tolist())]
            f.write("\n".join(lines))
            f.write("\n")


if __name__ == "__main__":
    main()
