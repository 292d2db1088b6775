#!/usr/bin/env python3
"""Peer: Jones (2021)'s change-point compute frontier refitted on the digitized Hex curves.

Data: datasets/jones2021-hex-runs-digitized.csv (written by datasets/digitize_jones2021.py from the
author's own vector figure, boardlaw docs/flops_curves.svg, MIT).

Model (Jones 2021, "Scaling Scaling Laws with Board Games", arXiv 2104.03113, Sec. 5 and analysis/data.py
`Changepoint`; scalefit's EloFrontier), Elo against perfect play on an n x n board with training compute C:
    plateau(n)    = m_plateau * n + c_plateau
    incline(C, n) = m_flops * log10(C) + m_board * n + c_incline
    Elo(C, n)     = min(0, max(incline, plateau))
fitted by least squares (sum of squared Elo residuals; Jones minimised the mean square in natural-log
Elo units, which has the same minimiser) to the per-board frontier: the 101-point grid Jones's
interp_frontier computes, which the figure draws as the thick lines (7 x 101 = 707 points).
Headlines: Elo per tenfold compute = m_flops (paper: about 500; Table "Fitted frontier parameters":
m_flops 510, incline m_boardsize -430, c -4400, plateau m_boardsize -270, c 570, two significant
figures); compute multiplier per extra board row at equal Elo on the incline = 10^(-m_board/m_flops)
(paper: about 7; 10^(430/510) = 6.97).

The objective is piecewise quadratic. We reach its minimum by alternating least squares (assign each
point to the cap, the incline or the plateau; refit the incline and the plateau by OLS; repeat until
the assignment is stable) from many seeded starts, then confirm with Nelder-Mead from the best point.
Variants: the frontier recomputed from the digitized runs (differs from the drawn one at 9 points, see
the digitizer), Jones's own optimiser (L-BFGS from his start values, in natural-log Elo, mean square),
and a run-level bootstrap (resample the runs of each board with replacement, recompute each board's
frontier with interp_frontier, refit; 1,000 resamples, seed 13) for 95% percentile intervals.

Run from the repository root:  python3 bench/peers/jones2021_frontier.py
Writes src/test/resources/peers/jones2021-frontier.json and prints a summary. About 1 minute.
"""
import csv
import json
import os
import sys

import numpy as np
from scipy import optimize

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
DATA = "datasets/jones2021-hex-runs-digitized.csv"
OUT = "src/test/resources/peers/jones2021-frontier.json"
NAMES = ["m_flops", "m_board", "c_incline", "m_plateau", "c_plateau"]
PUBLISHED = {"m_flops": 510, "m_board": -430, "c_incline": -4400, "m_plateau": -270, "c_plateau": 570}
ELO = 400 / np.log(10)          # natural-log Elo units -> usual Elo
SEED, N_BOOT, N_STARTS = 13, 1000, 200


def load():
    runs, frontier = {}, {}
    with open(os.path.join(ROOT, DATA), newline="") as f:
        for row in csv.DictReader(f):
            key = (int(row["board_size"]), row["run"])
            target = frontier if row["series"] == "frontier" else runs
            target.setdefault(key, []).append((np.log10(float(row["train_flops"])), float(row["elo"])))
    as_arrays = lambda d: {k: np.array(v) for k, v in d.items()}   # noqa: E731
    return as_arrays(runs), as_arrays(frontier)


def interp_frontier(curves):
    """Jones's interp_frontier: 101 points in log10 C over the board's range, max over the runs inside."""
    lo, hi = min(c[0, 0] for c in curves), max(c[-1, 0] for c in curves)
    grid = np.linspace(lo, hi, 101)
    best = np.full(grid.size, -np.inf)
    for c in curves:
        inside = (grid >= c[0, 0]) & (grid <= c[-1, 0])
        best[inside] = np.maximum(best[inside], np.interp(grid[inside], c[:, 0], c[:, 1]))
    return grid, best


def stack(per_board):
    """[(board, log10 C array, Elo array)] -> columns lc, n, elo."""
    lc = np.concatenate([g for _, g, _ in per_board])
    n = np.concatenate([np.full(g.size, b, float) for b, g, _ in per_board])
    y = np.concatenate([e for _, _, e in per_board])
    return lc, n, y


def predict(p, lc, n):
    incline = p[0] * lc + p[1] * n + p[2]
    plateau = p[3] * n + p[4]
    return np.minimum(0.0, np.maximum(incline, plateau))


def sse(p, lc, n, y):
    r = y - predict(p, lc, n)
    return float(r @ r)


def alternate(p, lc, n, y, max_iter=200):
    """Alternating least squares on the regime assignment; returns a local minimum."""
    p = np.array(p, float)
    previous = None
    for _ in range(max_iter):
        incline = p[0] * lc + p[1] * n + p[2]
        plateau = p[3] * n + p[4]
        on_incline = (incline >= plateau) & (incline < 0)
        on_plateau = (plateau > incline) & (plateau < 0)
        key = (on_incline.tobytes(), on_plateau.tobytes())
        if key == previous:
            break
        previous = key
        q = p.copy()
        if on_incline.sum() >= 3 and np.ptp(n[on_incline]) > 0:
            a = np.column_stack([lc[on_incline], n[on_incline], np.ones(on_incline.sum())])
            q[:3] = np.linalg.lstsq(a, y[on_incline], rcond=None)[0]
        if on_plateau.sum() >= 2 and np.ptp(n[on_plateau]) > 0:
            a = np.column_stack([n[on_plateau], np.ones(on_plateau.sum())])
            q[3:] = np.linalg.lstsq(a, y[on_plateau], rcond=None)[0]
        if sse(q, lc, n, y) > sse(p, lc, n, y):
            break                     # an assignment step that does not improve: stop at p
        p = q
    return p


def fit(lc, n, y, rng, starts=N_STARTS, seeds=(), polish=True):
    candidates = [np.array(s, float) for s in seeds]
    for _ in range(starts):
        candidates.append(np.array([rng.uniform(250, 800), rng.uniform(-700, -200), rng.uniform(-8000, -1000),
                                    rng.uniform(-400, -100), rng.uniform(-200, 1200)]))
    best = None
    for start in candidates:
        p = alternate(start, lc, n, y)
        value = sse(p, lc, n, y)
        if best is None or value < best[1] - 1e-9:
            best = (p, value)
    p = best[0]
    if not polish:
        return p, best[1]
    polished = optimize.minimize(sse, p, args=(lc, n, y), method="Nelder-Mead",
                                 options={"xatol": 1e-10, "fatol": 1e-12, "maxiter": 40000, "maxfev": 40000})
    if polished.fun < best[1]:
        p = alternate(polished.x, lc, n, y)
        if sse(p, lc, n, y) > polished.fun:
            p = polished.x
    return p, sse(p, lc, n, y)


def headline(p):
    return {"elo_per_decade": p[0], "compute_multiplier_per_board": 10 ** (-p[1] / p[0])}


def jones_lbfgs(lc, n, y):
    """Jones's own procedure: L-BFGS (here SciPy's) on the mean square in natural-log Elo, from his start."""
    yl = y / ELO
    start = np.array([2.0, -2.0, -16.0, -1.5, 3.0])
    objective = lambda q: float(np.mean((yl - predict(q, lc, n)) ** 2))   # noqa: E731
    result = optimize.minimize(objective, start, method="L-BFGS-B", options={"maxiter": 100})
    return result.x * ELO


def main():
    runs, drawn = load()
    rng = np.random.default_rng(SEED)
    drawn_cols = stack([(b, c[:, 0], c[:, 1]) for (b, _), c in sorted(drawn.items())])
    boards = sorted({b for b, _ in runs})
    by_board = {b: [runs[k] for k in sorted(runs) if k[0] == b] for b in boards}
    recomputed_cols = stack([(b, *interp_frontier(by_board[b])) for b in boards])
    pub = np.array([PUBLISHED[k] for k in NAMES], float)

    p, value = fit(*drawn_cols, rng, seeds=[pub])
    p_re, value_re = fit(*recomputed_cols, rng, seeds=[pub, p])
    p_jones = jones_lbfgs(*drawn_cols)
    npts = drawn_cols[0].size
    rmse = np.sqrt(value / npts)

    boot = []
    for _ in range(N_BOOT):
        per_board = []
        for b in boards:
            curves = by_board[b]
            pick = rng.integers(0, len(curves), len(curves))
            per_board.append((b, *interp_frontier([curves[i] for i in pick])))
        q, _ = fit(*stack(per_board), rng, starts=8, seeds=[p], polish=False)
        boot.append(list(q) + [headline(q)["compute_multiplier_per_board"]])
    boot = np.array(boot)
    lo, hi = np.percentile(boot, [2.5, 97.5], axis=0)

    def block(q, v):
        d = {k: float(x) for k, x in zip(NAMES, q)}
        d.update({k: float(x) for k, x in headline(q).items()})
        d["sse"] = float(v)
        return d

    result = {
        "script": "bench/peers/jones2021_frontier.py",
        "data": DATA,
        "data_kind": "digitized",
        "source": "Jones (2021), arXiv 2104.03113; figure boardlaw docs/flops_curves.svg (MIT), digitized by "
                  "datasets/digitize_jones2021.py",
        "method": "least squares of Elo = min(0, max(m_flops*log10 C + m_board*n + c_incline, m_plateau*n + "
                  "c_plateau)) on the 707 drawn frontier points (7 boards x 101 grid points, Jones's "
                  "interp_frontier); minimum by alternating least squares from 200 seeded starts plus a "
                  "Nelder-Mead polish; Elo in base-10/400 units",
        "points": int(npts),
        "fit": block(p, value),
        "rmse_elo": float(rmse),
        "ci95_run_bootstrap": {
            "method": f"{N_BOOT} resamples of the runs within each board (seed {SEED}), frontier recomputed by "
                      "interp_frontier, refit; 2.5 and 97.5 percentiles",
            **{k: [float(a), float(b)] for k, a, b in zip(NAMES + ["compute_multiplier_per_board"], lo, hi)},
            "elo_per_decade": [float(lo[0]), float(hi[0])],
        },
        "variants": {
            "frontier_recomputed_from_runs": block(p_re, value_re),
            "jones_lbfgs_from_his_start": block(p_jones, sse(p_jones, *drawn_cols)),
        },
        "published": {**{k: float(v) for k, v in PUBLISHED.items()},
                      "elo_per_decade": 510.0, "compute_multiplier_per_board": float(10 ** (430 / 510)),
                      "source": "Jones (2021) table 'Fitted frontier parameters' (2 significant figures); text: "
                                "about 500 Elo per 10x compute, about 7x compute per board size"},
    }
    os.makedirs(os.path.join(ROOT, os.path.dirname(OUT)), exist_ok=True)
    with open(os.path.join(ROOT, OUT), "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    fmt = lambda d: ", ".join(f"{k} {d[k]:.6g}" for k in NAMES + ["elo_per_decade", "compute_multiplier_per_board", "sse"])  # noqa: E731
    print("drawn frontier:      ", fmt(result["fit"]), f"(rmse {rmse:.3f} Elo, {npts} points)")
    print("recomputed frontier: ", fmt(result["variants"]["frontier_recomputed_from_runs"]))
    print("Jones's L-BFGS start:", fmt(result["variants"]["jones_lbfgs_from_his_start"]))
    print("95% run bootstrap:    ", {k: [round(v[0], 4), round(v[1], 4)] for k, v in result["ci95_run_bootstrap"].items() if k != "method"})
    print(f"wrote {OUT}")


if __name__ == "__main__":
    sys.exit(main())
