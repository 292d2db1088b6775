# SciPy peer: least_squares(loss='huber', f_scale=delta) minimises sum of delta^2*rho(r^2/delta^2)/2 = Huber's loss.
import csv, json, sys
import numpy as np
from scipy.optimize import least_squares
rows = [r for r in csv.DictReader(open('datasets/olmo-ladder2024-tasks.csv')) if r['in_loss_fit'] == '1']
N = np.array([float(r['N']) for r in rows]); D = np.array([float(r['D']) for r in rows])
y = np.log(np.array([float(r['mmlu_avg_test_bpb']) for r in rows]))
delta = 1e-3
def res(t):  # t = ln E, ln A, ln B, alpha, beta
    e, a, b, al, be = t
    return np.logaddexp(np.logaddexp(e, a - al*np.log(N)), b - be*np.log(D)) - y
def huber(r):
    a = np.abs(r); return np.sum(np.where(a <= delta, 0.5*r*r, delta*(a-0.5*delta)))
rng = np.random.default_rng(20261207)
best = None
starts = [np.array([np.log(0.454), np.log(38.07), np.log(100.1), 0.226, 0.236])]
for _ in range(300):
    starts.append(np.array([rng.uniform(-3, 1), rng.uniform(0, 12), rng.uniform(0, 12), rng.uniform(0.05, 1), rng.uniform(0.05, 1)]))
for s in starts:
    try:
        o = least_squares(res, s, loss='huber', f_scale=delta, xtol=1e-15, ftol=1e-15, gtol=1e-15, max_nfev=20000, method='trf')
    except Exception:
        continue
    f = huber(o.fun)
    if np.isfinite(f) and (best is None or f < best[0]):
        best = (f, o.x)
f, x = best
print(json.dumps({"n": len(y), "objective": f, "E": float(np.exp(x[0])), "A": float(np.exp(x[1])), "B": float(np.exp(x[2])),
                  "alpha": float(x[3]), "beta": float(x[4]), "starts": len(starts)}, indent=1))
