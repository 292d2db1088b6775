#!/usr/bin/env python3
"""Peer: Hoffmann et al. (2022)'s Approach 2 (IsoFLOP profiles) on Epoch's digitized Chinchilla runs, and
what the same runs allow of Approach 1 (the envelope of loss against compute).

Data: datasets/epoch2024-chinchilla-runs.csv (245 final runs digitized by Epoch AI from Chinchilla's
Figure 4; D = C / (6 N)). Written independently of scalefit's Java code (NumPy only).

Approach 2, as in Hoffmann et al. Sec. 3.2 / Figure 3:
 1. each run goes to the nearest of the nine IsoFLOP budgets 6e18, 1e19, 3e19, 6e19, 1e20, 3e20, 6e20,
    1e21, 3e21 FLOP in log10 C when it is within TOLERANCE = 0.1 decade of it (largest round tolerance
    below half the closest budget spacing, log10(1e19/6e18)/2 = 0.111; the others are listed);
 2. per budget, least squares of loss on a parabola in x = log10 N; N_opt = 10^(-c1 / (2 c2)) at the
    vertex, loss_min = the parabola's minimum (a parabola in ln N has exactly the same vertex: the
    change of variable is linear, so log10 vs ln cannot change any number, which the variants confirm);
 3. OLS of log10 N_opt on log10 C over the nine budgets (C = the nominal budget): N_opt = k C^a;
    D_opt = C / (6 N_opt) gives D_opt = C^b / (6 k) with b = 1 - a exactly;
 4. read off N_opt and D_opt at Gopher's budget, 5.76e23 FLOP;
 5. 2,000 bootstrap resamples (seed 2022): the runs of each budget resampled with replacement, steps 2-4
    redone; 95% percentile intervals for a, b and the read-offs.
Published (Hoffmann et al. 2022): a = 0.49, b = 0.51 (Table 2, with 10th-90th percentile intervals
[0.462, 0.534] and [0.483, 0.529]); Figure 3: 63 B parameters and 1.4 T tokens at the Gopher budget.

Approach 1 needs training curves (every run's loss along training, so that the lowest loss reached at
each FLOP count can be taken over all runs); Figure 4 holds only each run's final point. We report what
final points alone give (their lower envelope), as context, not as Approach 1.

Run from the repository root:  python3 bench/peers/chinchilla_isoflop.py
Writes src/test/resources/peers/chinchilla-isoflop.json. About 10 seconds.
"""
import csv
import json
import math
import os

import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
DATA = "datasets/epoch2024-chinchilla-runs.csv"
OUT = "src/test/resources/peers/chinchilla-isoflop.json"
BUDGETS = np.array([6e18, 1e19, 3e19, 6e19, 1e20, 3e20, 6e20, 1e21, 3e21])
TOLERANCE = 0.1
GOPHER = 5.76e23
SEED, N_BOOT = 2022, 2000


def load():
    with open(os.path.join(ROOT, DATA), newline="") as f:
        rows = list(csv.DictReader(f))
    col = lambda k: np.array([float(r[k]) for r in rows])   # noqa: E731
    return col("params"), col("flops"), col("loss"), np.array([r["epoch_excluded"] == "1" for r in rows])


def assign(flops, tolerance):
    """Index of the nearest budget, or -1 when it is further than tolerance decades."""
    d = np.log10(flops)[:, None] - np.log10(BUDGETS)[None, :]
    nearest = np.abs(d).argmin(axis=1)
    distance = d[np.arange(flops.size), nearest]
    return np.where(np.abs(distance) <= tolerance, nearest, -1), nearest, distance


def parabola(x, y):
    """Least-squares y = c0 + c1 x + c2 x^2; returns (x at the vertex, y there, c2)."""
    a = np.column_stack([np.ones_like(x), x, x * x])
    c0, c1, c2 = np.linalg.lstsq(a, y, rcond=None)[0]
    xv = -c1 / (2 * c2)
    return xv, c0 + c1 * xv + c2 * xv * xv, c2


def ols(x, y, w=None):
    w = np.ones_like(x) if w is None else w
    a = np.column_stack([np.ones_like(x), x]) * np.sqrt(w)[:, None]
    coef, *_ = np.linalg.lstsq(a, y * np.sqrt(w), rcond=None)
    return coef          # intercept, slope


def approach2(n, flops, loss, groups, log=np.log10, budget_flops=None, weighted=False):
    """Steps 2-4. Returns a dict, or None when a budget has no minimum (c2 <= 0) or too few points."""
    n_opt, loss_min, counts, centres = [], [], [], []
    for j in range(BUDGETS.size):
        m = groups == j
        if m.sum() < 3:
            return None
        xv, lv, c2 = parabola(log(n[m]), loss[m])
        if not c2 > 0:
            return None
        n_opt.append(float(np.exp(xv) if log is np.log else 10 ** xv))
        loss_min.append(float(lv))
        counts.append(int(m.sum()))
        centres.append(float(10 ** np.mean(np.log10(flops[m]))))
    c = BUDGETS if budget_flops is None else np.array(centres)
    lc = np.log10(c)
    k, a = ols(lc, np.log10(n_opt), np.array(counts, float) if weighted else None)
    kd, b = ols(lc, np.log10(c / (6 * np.array(n_opt))), np.array(counts, float) if weighted else None)
    n_g = 10 ** (k + a * math.log10(GOPHER))
    return {"a": float(a), "b": float(b), "n_opt_gopher": float(n_g), "d_opt_gopher": float(GOPHER / (6 * n_g)),
            "d_opt_gopher_from_b": float(10 ** (kd + b * math.log10(GOPHER))),
            "n_opt": n_opt, "loss_min": loss_min, "points": counts, "budget_centres": centres}


def summary(r):
    return {k: r[k] for k in ("a", "b", "n_opt_gopher", "d_opt_gopher")} | {"points": int(sum(r["points"]))}


def lower_envelope(n, flops, loss):
    """Runs whose final loss is below that of every run with less compute (the Pareto front in (C, L))."""
    order = np.argsort(flops, kind="stable")
    best, keep = np.inf, []
    for i in order:
        if loss[i] < best:
            best = loss[i]
            keep.append(int(i))
    return np.array(keep)


def main():
    n, flops, loss, epoch_excluded = load()
    groups, nearest, distance = assign(flops, TOLERANCE)
    main_fit = approach2(n, flops, loss, groups)
    assert main_fit is not None

    rng = np.random.default_rng(SEED)
    members = [np.flatnonzero(groups == j) for j in range(BUDGETS.size)]
    boot, failed = [], 0
    for _ in range(N_BOOT):
        pick = np.concatenate([rng.choice(m, size=m.size, replace=True) for m in members])
        g = np.concatenate([np.full(m.size, j) for j, m in enumerate(members)])
        r = approach2(n[pick], flops[pick], loss[pick], g)
        if r is None:
            failed += 1
            continue
        boot.append([r["a"], r["b"], r["n_opt_gopher"], r["d_opt_gopher"]])
    boot = np.array(boot)
    lo, hi = np.percentile(boot, [2.5, 97.5], axis=0)
    p10, p90 = np.percentile(boot, [10, 90], axis=0)

    variants = {}
    for tol in [0.03, 0.05, 0.075, 0.1, 0.125, 0.15, 0.2, 0.3]:
        r = approach2(n, flops, loss, assign(flops, tol)[0])
        variants[f"tolerance_{tol}"] = summary(r) if r else None
    variants["nearest_budget_no_tolerance"] = summary(approach2(n, flops, loss, nearest))
    variants["parabola_in_ln_N"] = summary(approach2(n, flops, loss, groups, log=np.log))
    variants["budget_C_geometric_mean_of_runs"] = summary(approach2(n, flops, loss, groups, budget_flops="centres"))
    variants["regression_weighted_by_runs_per_budget"] = summary(approach2(n, flops, loss, groups, weighted=True))
    variants["epoch_5_highest_losses_dropped"] = summary(
        approach2(n, flops, loss, np.where(epoch_excluded, -1, groups)))

    envelope = lower_envelope(n, flops, loss)
    k_env, a_env = ols(np.log10(flops[envelope]), np.log10(n[envelope]))
    n_env = 10 ** (k_env + a_env * math.log10(GOPHER))
    per_budget_best = [int(np.flatnonzero(groups == j)[np.argmin(loss[groups == j])]) for j in range(BUDGETS.size)]
    k_b, a_b = ols(np.log10(BUDGETS), np.log10(n[per_budget_best]))
    n_b = 10 ** (k_b + a_b * math.log10(GOPHER))

    outside = [{"run": int(i), "flops": float(flops[i]), "params": float(n[i]), "loss": float(loss[i]),
                "nearest_budget": float(BUDGETS[nearest[i]]), "decades_from_it": round(float(distance[i]), 4)}
               for i in np.flatnonzero(groups < 0)]
    result = {
        "script": "bench/peers/chinchilla_isoflop.py",
        "data": DATA,
        "data_kind": "digitized",
        "source": "Hoffmann et al. (2022) Figure 4 runs digitized by Epoch AI (Besiroglu et al. 2024, "
                  "epoch-research/analyzing-chinchilla data/svg_extracted_data.csv)",
        "approach2": {
            "method": "nearest of nine IsoFLOP budgets within 0.1 decade of log10 C; least-squares parabola of loss "
                      "in log10 N per budget, N_opt at its vertex; OLS of log10 N_opt on log10 C (nominal "
                      "budgets); D_opt = C/(6 N_opt); read-off at 5.76e23 FLOP",
            "tolerance_decades": TOLERANCE,
            "runs_assigned": int((groups >= 0).sum()),
            "runs_outside_tolerance": len(outside),
            "a": main_fit["a"], "b": main_fit["b"],
            "n_opt_gopher": main_fit["n_opt_gopher"], "d_opt_gopher": main_fit["d_opt_gopher"],
            "budgets": [{"compute": float(c), "points": p, "n_opt": no, "loss_min": lm}
                        for c, p, no, lm in zip(BUDGETS, main_fit["points"], main_fit["n_opt"], main_fit["loss_min"])],
            "bootstrap": {
                "method": f"{N_BOOT} resamples of the runs within each budget (numpy default_rng seed {SEED}); "
                          "percentile intervals",
                "resamples_without_minimum": failed,
                "ci95": {"a": [lo[0], hi[0]], "b": [lo[1], hi[1]], "n_opt_gopher": [lo[2], hi[2]],
                         "d_opt_gopher": [lo[3], hi[3]]},
                "p10_p90": {"a": [p10[0], p90[0]], "b": [p10[1], p90[1]]},
            },
            "variants": variants,
            "published": {"a": 0.49, "b": 0.51, "a_p10_p90": [0.462, 0.534], "b_p10_p90": [0.483, 0.529],
                          "n_opt_gopher": 63e9, "d_opt_gopher": 1.4e12,
                          "source": "Hoffmann et al. (2022) Table 2 (Approach 2) and Figure 3"},
            "issue_13_done_when": {"a_in_0.46_0.54": bool(0.46 <= main_fit["a"] <= 0.54),
                                   "n_opt_gopher_in_50B_80B": bool(50e9 <= main_fit["n_opt_gopher"] <= 80e9)},
            "runs_outside": outside,
        },
        "approach1": {
            "possible": False,
            "why": "Approach 1 takes, at each FLOP count, the lowest loss reached by any run along its training "
                   "curve (Hoffmann et al. Sec. 3.1, Figure 2). Figure 4, and so Epoch's digitization, holds one "
                   "point per run: its final loss. Without the training curves there is no envelope to take.",
            "final_point_envelope_for_context": {
                "method": "runs whose final loss is lower than that of every run with less compute; OLS of "
                          "log10 N on log10 C over them; read-off at 5.76e23",
                "points": int(envelope.size), "a": float(a_env), "n_opt_gopher": float(n_env),
            },
            "lowest_final_loss_per_budget_for_context": {
                "method": "the run with the lowest final loss in each IsoFLOP budget (tolerance 0.1); OLS of "
                          "log10 N on log10 C; read-off at 5.76e23",
                "a": float(a_b), "n_opt_gopher": float(n_b),
            },
            "published": {"a": 0.50, "b": 0.50, "source": "Hoffmann et al. (2022) Table 2 (Approach 1)"},
        },
    }
    os.makedirs(os.path.join(ROOT, os.path.dirname(OUT)), exist_ok=True)
    with open(os.path.join(ROOT, OUT), "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    a2 = result["approach2"]
    ci = a2["bootstrap"]["ci95"]
    print(f"Approach 2 (tolerance {TOLERANCE} decade, {a2['runs_assigned']} runs, {len(outside)} outside): "
          f"a = {a2['a']:.6f} [{ci['a'][0]:.4f}, {ci['a'][1]:.4f}], b = {a2['b']:.6f} [{ci['b'][0]:.4f}, {ci['b'][1]:.4f}]")
    print(f"  at 5.76e23 FLOP: N_opt = {a2['n_opt_gopher'] / 1e9:.4f} B [{ci['n_opt_gopher'][0] / 1e9:.2f}, "
          f"{ci['n_opt_gopher'][1] / 1e9:.2f}], D_opt = {a2['d_opt_gopher'] / 1e12:.5f} T "
          f"[{ci['d_opt_gopher'][0] / 1e12:.3f}, {ci['d_opt_gopher'][1] / 1e12:.3f}]; "
          f"{failed} resamples without a minimum")
    for b in a2["budgets"]:
        print(f"  budget {b['compute']:.0e}: {b['points']:2d} runs, N_opt {b['n_opt'] / 1e9:.4f} B, loss_min {b['loss_min']:.5f}")
    for k, v in variants.items():
        print(f"  variant {k}: " + (f"a {v['a']:.4f}, N_opt {v['n_opt_gopher'] / 1e9:.2f} B, D_opt "
                                   f"{v['d_opt_gopher'] / 1e12:.3f} T ({v['points']} runs)" if v else "no minimum"))
    e = result["approach1"]["final_point_envelope_for_context"]
    p = result["approach1"]["lowest_final_loss_per_budget_for_context"]
    print(f"Approach 1: not possible (final points only). Final-point envelope: {e['points']} runs, a {e['a']:.4f}, "
          f"N_opt {e['n_opt_gopher'] / 1e9:.1f} B; lowest final loss per budget: a {p['a']:.4f}, "
          f"N_opt {p['n_opt_gopher'] / 1e9:.1f} B")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
