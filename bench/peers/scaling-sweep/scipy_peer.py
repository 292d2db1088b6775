"""SciPy peer of the scaling-law sweep (issue 14): the optimum of every case of bench/peers/scaling-sweep/cases.json,
found without scalefit.

Run from the repository root, after make_cases.py:  python3 bench/peers/scaling-sweep/scipy_peer.py [CASE_ID ...]
Writes bench/peers/scaling-sweep/results/scipy.json (re-read and extended case by case, so a run can resume).

It is the corpus peer (bench/peers/corpus/scipy_peer.py), imported as a library:
* least squares: Levenberg-Marquardt (least_squares, method lm, tolerances 1e-15, the law's exact SymPy Jacobian)
  from seeded random starts (STARTS: 10 to 100 per law) over the case's box (make_cases.py: wide boxes per law, log-uniform for
  positive parameters), the parameters scalefit keeps positive (each law's ParameterDomain.POSITIVE) searched
  through their logarithm; the best polished; the count of starts that reached its RSS within 1e-9 ("basin hits");
* Huber (--loss huber:DELTA on chinchilla): the summed Huber objective of ln L by L-BFGS-B from 400 points of
  Hoffmann et al.'s grid plus the published parameters (Epoch AI's procedure);
* no finite optimum: for the offset power law E + A x^-alpha, whose infimum may only be approached as E -> -inf,
  A -> +inf, alpha -> 0 (the limit law c - k ln x), the RSS of that limit law is recorded as well
  ("limit_rss"): when it is at or below the best finite RSS, no finite optimum exists.
"""
import json
import math
import os
import sys

import numpy as np
from scipy.optimize import least_squares

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "corpus"))
import scipy_peer as corpus  # noqa: E402  (the corpus peer, reused as a library)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_cases import matches  # noqa: E402

CASES = "bench/peers/scaling-sweep/cases.json"
OUT = "bench/peers/scaling-sweep/results/scipy.json"
# Seeded random starts per law. The power law, the log-quadratic and the doubling trend are linear least squares in
# log space (one optimum, which every start reaches: the count is a check); the others are not.
STARTS = {"power-law": 10, "quadratic": 10, "doubling": 10, "offset-power-law": 30, "exp-decay": 60, "sigmoid": 100,
          "overtraining": 100, "chinchilla": 100, "kaplan": 100}


def positive_parameters(case):
    """scalefit's domains (make_cases.py writes them as peer_positive), for every law: the corpus peer's own rule
    keeps chinchilla's E free, while scalefit's chinchilla (like Epoch's LSE form, E = e^e) keeps it positive."""
    return set(case.get("peer_positive", []))


corpus.positive_parameters = positive_parameters
corpus.keep = matches  # text filters (dataset==rpj) as well as numbers


def limit_law_rss(case):
    """RSS of the offset power law's alpha -> 0 limit, y = c - k ln x (in the case's space)."""
    prob = corpus.Problem(case)
    lx = np.log(next(iter(prob.xs.values())))

    def res(q):
        with np.errstate(all="ignore"):
            f = q[0] - q[1] * lx
            r = prob.ty - (np.log(f) if prob.log else f)
        return np.where(np.isfinite(r), r, 1e10)

    best = math.inf
    for k0 in (0.0, 0.01, 0.1, -0.01):
        s = least_squares(res, [float(np.mean(prob.y)) + k0 * float(np.mean(lx)), k0], method="lm", xtol=1e-15,
                          ftol=1e-15, gtol=1e-15, max_nfev=20000)
        v = float(s.fun @ s.fun)
        if np.all(np.abs(s.fun) < 1e9):
            best = min(best, v)
    return best


def peer(case):
    if case["loss"].startswith("huber"):
        return corpus.huber_peer(case)
    res = corpus.squares_peer(case, STARTS[case["law"]])
    if case["law"] == "offset-power-law":
        res["limit_rss"] = limit_law_rss(case)
    return res


def main(ids):
    cases = json.load(open(CASES, encoding="utf-8"))["cases"]
    corpus.run_cases(cases, OUT, ids, peer)


if __name__ == "__main__":
    main(set(sys.argv[1:]))
