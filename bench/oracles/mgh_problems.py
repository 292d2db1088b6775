"""Oracle of OptimizerMutationTest: more of Moré, Garbow & Hillstrom's (1981) least-squares test problems
("Testing unconstrained optimization software", ACM TOMS 7, 17-41), each from its standard start, solved without
scalefit by
- MINPACK's lmder (scipy.optimize.least_squares(method="lm"), tolerances at their floor): the optimum, its sum of
  squares and MINPACK's number of function evaluations;
- L-BFGS-B (scipy.optimize.minimize, memory 10, the method the engine's Lbfgs runs) on f = sum r_i^2 with its
  gradient 2 J^T r: the minimum and the number of iterations. Left out (null) for Jennrich-Sampson (exp overflows
  along L-BFGS-B's first steps and it stops at 214.3).
MGH's published sums of squares: Freudenstein-Roth 48.9842 (a local minimum, the one from the standard start),
Jennrich-Sampson 124.362 (m = 10), Gaussian 1.12793e-8, Box 3-D 0, Beale 0, Brown badly scaled 0,
Osborne 1 5.46489e-5, Wood 0. (The helical valley is left out: its
standard start lies on the branch cut of arctan, where the test's central differences are meaningless.)
Run from the repository root:  python3 bench/oracles/mgh_problems.py
"""
import json
import numpy as np
from scipy import optimize

P = {}

P["freudenstein_roth"] = (lambda x: np.array([-13 + x[0] + ((5 - x[1]) * x[1] - 2) * x[1],
                                              -29 + x[0] + ((x[1] + 1) * x[1] - 14) * x[1]]), [0.5, -2.0])
ji = np.arange(1, 11.0)
P["jennrich_sampson"] = (lambda x: 2 + 2 * ji - (np.exp(ji * x[0]) + np.exp(ji * x[1])), [0.3, 0.4])
gy = np.array([0.0009, 0.0044, 0.0175, 0.0540, 0.1295, 0.2420, 0.3521, 0.3989, 0.3521, 0.2420, 0.1295, 0.0540,
               0.0175, 0.0044, 0.0009])
gt = (7 - np.arange(1, 16.0)) / 2
P["gaussian"] = (lambda x: x[0] * np.exp(-x[1] * (gt - x[2]) ** 2 / 2) - gy, [0.4, 1.0, 0.0])
bt = 0.1 * np.arange(1, 11.0)
P["box3d"] = (lambda x: np.exp(-bt * x[0]) - np.exp(-bt * x[1]) - x[2] * (np.exp(-bt) - np.exp(-10 * bt)),
              [0.0, 10.0, 20.0])
by = np.array([1.5, 2.25, 2.625])
P["beale"] = (lambda x: by - x[0] * (1 - x[1] ** np.arange(1, 4.0)), [1.0, 1.0])
P["brown_badly_scaled"] = (lambda x: np.array([x[0] - 1e6, x[1] - 2e-6, x[0] * x[1] - 2]), [1.0, 1.0])
oy = np.array([0.844, 0.908, 0.932, 0.936, 0.925, 0.908, 0.881, 0.850, 0.818, 0.784, 0.751, 0.718, 0.685, 0.658,
               0.628, 0.603, 0.580, 0.558, 0.538, 0.522, 0.506, 0.490, 0.478, 0.467, 0.457, 0.448, 0.438, 0.431,
               0.424, 0.420, 0.414, 0.411, 0.406])
ot = 10 * np.arange(33.0)
P["osborne1"] = (lambda x: oy - (x[0] + x[1] * np.exp(-ot * x[3]) + x[2] * np.exp(-ot * x[4])),
                 [0.5, 1.5, -1.0, 0.01, 0.02])
P["wood"] = (lambda x: np.array([10 * (x[1] - x[0] ** 2), 1 - x[0], np.sqrt(90) * (x[3] - x[2] ** 2), 1 - x[2],
                                 np.sqrt(10) * (x[1] + x[3] - 2), (x[1] - x[3]) / np.sqrt(10)]), [-3.0, -1.0, -3.0, -1.0])



def jac(fun, x):
    """Central differences, as the test computes its Jacobian (step 1e-6 max(1, |x_j|))."""
    x = np.asarray(x, float)
    cols = []
    for j in range(len(x)):
        h = 1e-6 * max(1.0, abs(x[j]))
        up, dn = x.copy(), x.copy()
        up[j] += h
        dn[j] -= h
        cols.append((fun(up) - fun(dn)) / (2 * h))
    return np.column_stack(cols)


out = {}
for name, (fun, x0) in P.items():
    lm = optimize.least_squares(fun, x0, method="lm", xtol=2.3e-16, ftol=2.3e-16, gtol=2.3e-16, max_nfev=100000)
    f = lambda x: float(np.sum(fun(x) ** 2))
    g = lambda x: 2 * jac(fun, x).T @ fun(x)
    lb = optimize.minimize(f, x0, jac=g, method="L-BFGS-B",
                           options={"ftol": 1e-15, "gtol": 1e-12, "maxiter": 100000, "maxfun": 1000000})
    lbfgs = name != "jennrich_sampson"
    out[name] = {"start": list(map(float, x0)), "lm_x": [float(v) for v in lm.x], "lm_sum_squares": float(2 * lm.cost),
                 "lm_nfev": int(lm.nfev), "lbfgs_x": [float(v) for v in lb.x] if lbfgs else None,
                 "lbfgs_value": float(lb.fun) if lbfgs else None, "lbfgs_nit": int(lb.nit) if lbfgs else None}
    print(name, out[name])
with open("src/test/resources/oracles/mgh_problems.json", "w") as fh:
    json.dump(out, fh, indent=1)
    fh.write("\n")
