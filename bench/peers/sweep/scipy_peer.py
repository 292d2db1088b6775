"""SciPy peer of the nls sweep (issue 14): the least-squares optimum of every case of
bench/peers/sweep/cases.json, found without scalefit and without R.

Run from the repository root, after export_cases.R:  python3 bench/peers/sweep/scipy_peer.py [CASE_ID ...]
Writes bench/peers/sweep/results/scipy.json (re-read and extended case by case, so a run can resume).

It is the corpus peer (bench/peers/corpus/scipy_peer.py) applied to the sweep's cases: Levenberg-Marquardt
(least_squares, method lm, tolerances 1e-15, the formula's exact SymPy Jacobian) from the help page's start
where there is one plus STARTS seeded random starts (sign-symmetric, log-uniform over six decades around
the data's scale), the best polished, with the count of starts that reached its RSS within 1e-9.
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "corpus"))
import scipy_peer as corpus  # noqa: E402  (the corpus peer, reused as a library)

CASES = "bench/peers/sweep/cases.json"
OUT = "bench/peers/sweep/results/scipy.json"
STARTS = 100


def main(ids):
    cases = json.load(open(CASES, encoding="utf-8"))["cases"]
    corpus.run_cases(cases, OUT, ids, lambda case: corpus.squares_peer(case, STARTS))


if __name__ == "__main__":
    main(set(sys.argv[1:]))
