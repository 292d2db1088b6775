"""Oracle of VarProRunTest: the variable-projection fit of Chinchilla's law L = E + A N^-alpha + B D^-beta with squares
in linear space, on the twelve runs of bench/oracles/varpro.py, solved here without scalefit: for given (alpha, beta)
the coefficients c = (E, A, B) >= 0 by scipy.optimize.nnls (exact), and the outer minimum of
phi(alpha, beta) = min_c ||L - B(alpha, beta) c||^2 by Nelder-Mead from (0.3, 0.3), restarted from its end until it
no longer moves (tolerances at their floor).
Run from the repository root:  python3 bench/oracles/varpro_run.py
"""
import json
import numpy as np
from scipy import optimize

N = np.array([4e7, 4e7, 1e8, 1e8, 3e8, 3e8, 1e9, 1e9, 3e9, 3e9, 1e10, 1e10])
D = np.array([8e8, 4e9, 2e9, 1e10, 6e9, 3e10, 2e10, 1e11, 6e10, 3e11, 2e11, 1e12])
noise = np.array([0.012, -0.008, 0.005, -0.015, 0.009, 0.002, -0.011, 0.007, -0.004, 0.013, -0.006, 0.001])
L = (1.8 + 400 * N ** -0.34 + 410 * D ** -0.28) * np.exp(noise)


def inner(ab):
    B = np.column_stack([np.ones_like(N), N ** -ab[0], D ** -ab[1]])
    c, rnorm = optimize.nnls(B, L)
    return rnorm ** 2, c


x = np.array([0.3, 0.3])
prev = np.inf
for _ in range(20):
    r = optimize.minimize(lambda ab: inner(ab)[0], x, method="Nelder-Mead",
                          options={"xatol": 1e-14, "fatol": 1e-20, "maxiter": 40000, "maxfev": 80000})
    x = r.x
    if not r.fun < prev:
        break
    prev = r.fun
phi, c = inner(x)
out = {"alpha": float(x[0]), "beta": float(x[1]), "phi": float(phi), "E": float(c[0]), "A": float(c[1]), "B": float(c[2])}
print(out)
with open("src/test/resources/oracles/varpro_run.json", "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
