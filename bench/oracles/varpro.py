"""Oracle of VarProObjectiveTest: the variable-projection objective phi(alpha, beta) = min over c >= 0 of
sum rho(r_i(c)) for Chinchilla's law L = E + A N^-alpha + B D^-beta on twelve fixed runs (c = (E, A, B)), solved
here without scalefit: scipy.optimize.nnls for squares in linear space (exact); for log space (r = ln L - ln f)
and for Huber's loss, scipy.optimize.minimize (L-BFGS-B with c >= 0 from the NNLS solution, then again from its
end, tolerances at their floor).
Run from the repository root:  python3 bench/oracles/varpro.py
"""
import numpy as np
from scipy import optimize

N = np.array([4e7, 4e7, 1e8, 1e8, 3e8, 3e8, 1e9, 1e9, 3e9, 3e9, 1e10, 1e10])
D = np.array([8e8, 4e9, 2e9, 1e10, 6e9, 3e10, 2e10, 1e11, 6e10, 3e11, 2e11, 1e12])
noise = np.array([0.012, -0.008, 0.005, -0.015, 0.009, 0.002, -0.011, 0.007, -0.004, 0.013, -0.006, 0.001])
L = (1.8 + 400 * N ** -0.34 + 410 * D ** -0.28) * np.exp(noise)
print("L", [repr(float(v)) for v in L])


def huber(r, d):
    a = np.abs(r)
    return np.where(a <= d, 0.5 * r * r, d * (a - 0.5 * d))


def phi(alpha, beta, space, loss):
    B = np.column_stack([np.ones_like(N), N ** -alpha, D ** -beta])
    c0, _ = optimize.nnls(B, L)
    if space == "linear" and loss == "squares":
        r = L - B @ c0
        return float(r @ r), c0

    def obj(c):
        f = B @ c
        if np.any(f <= 0):
            return np.inf
        r = (np.log(L) - np.log(f)) if space == "log" else (L - f)
        return float(np.sum(r * r) if loss == "squares" else np.sum(huber(r, 0.01)))
    best = None
    x = np.maximum(c0, 1e-9)
    for _ in range(4):
        res = optimize.minimize(obj, x, method="L-BFGS-B", bounds=[(0, None)] * 3,
                                options={"ftol": 1e-16, "gtol": 1e-14, "maxiter": 20000, "maxfun": 200000})
        x = res.x
        if best is None or res.fun < best[0]:
            best = (res.fun, res.x)
    res = optimize.minimize(obj, best[1], method="Nelder-Mead",
                            options={"xatol": 1e-14, "fatol": 1e-18, "maxiter": 40000, "maxfev": 80000})
    if res.fun < best[0]:
        best = (res.fun, res.x)
    return best


for space, loss in (("linear", "squares"), ("log", "squares"), ("log", "huber:0.01")):
    for ab in ((0.34, 0.28), (0.5, 0.2)):
        v, c = phi(ab[0], ab[1], space, loss)
        print(space, loss, "alpha, beta", ab, "phi", repr(float(v)), "c", [repr(float(q)) for q in c])
