"""Oracle of LikelihoodRunOracleTest: maximum likelihood under Huber's density with a free scale (Besiroglu et al.
2024, the loss huber-likelihood:DELTA) for a straight line y = a + b x on the ten points of
bench/oracles/optimizer_cores.py (one wild point at x = 6), solved here without scalefit.

-log L(a, b, sigma) = sum rho_delta(r_i / sigma) + n ln sigma + n ln Z(delta), r_i = y_i - a - b x_i,
Z(delta) = integral of exp(-rho_delta(z)) dz (scipy.integrate.quad). For fixed (a, b) the best sigma solves
d/dsigma = 0, i.e. sum psi(z_i) z_i = n with psi(z) z = min(z^2, delta |z|) (scipy.optimize.brentq); the profile
P(a, b) is minimised by Nelder-Mead from the least-absolute-deviations line (scipy.optimize.linprog) and from the
least-squares line, and the lower end kept. The objective is smooth on each piece (which residuals lie inside
|z| <= delta), so the exact optimum then solves the three stationarity equations of that piece,
sum psi(z_i) = 0, sum psi(z_i) x_i = 0, sum min(z_i^2, delta |z_i|) = n, by scipy.optimize.fsolve to rounding; the
piece is checked unchanged at the solution.
Run from the repository root:  python3 bench/oracles/likelihood_run.py
"""
import json
import numpy as np
from scipy import integrate, optimize

hx = np.array([0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0])
# Two data sets: optimizer_cores.py's (whose x = 0, 4, 7 lie exactly on 1.1 + 2x), and an uneven one with no three
# points collinear, where the optimum's two residuals in the quadratic zone are not zero.
DATA = {"cores": (hx, np.array([1.1, 2.9, 5.2, 6.8, 9.1, 11.0, 30.0, 15.1, 16.8, 19.2])),
        "uneven": (np.array([0.5, 1.0, 1.7, 3.0, 3.8, 5.0, 6.1, 7.0, 8.3, 9.6]),
                   np.array([2.13, 2.87, 4.61, 7.02, 8.83, 11.21, 28.0, 15.02, 17.84, 20.11]))}
hy = DATA["cores"][1]
n = len(hx)
X = np.column_stack([np.ones(n), hx])


def rho(z, d):
    a = np.abs(z)
    return np.where(a <= d, 0.5 * z * z, d * (a - 0.5 * d))


def psi(z, d):
    return np.clip(z, -d, d)


def log_z(d):
    f = lambda z: float(np.exp(-rho(z, d)))
    centre = integrate.quad(f, -d, d, epsabs=0, epsrel=1e-13)[0]
    tail = integrate.quad(f, d, np.inf, epsabs=0, epsrel=1e-13)[0]
    return float(np.log(centre + 2 * tail))


def sigma_hat(r, d):
    g = lambda ls: float(np.sum(np.minimum((r / np.exp(ls)) ** 2, d * np.abs(r / np.exp(ls))))) - n
    return float(np.exp(optimize.brentq(g, -60, 60, xtol=1e-15, rtol=1e-15, maxiter=500)))


def nll(p, d, lz):
    r = hy - X @ p
    s = sigma_hat(r, d)
    return float(np.sum(rho(r / s, d)) + n * np.log(s) + n * lz)


def solve(name, d):
    global hx, hy, X
    hx, hy = DATA[name]
    X = np.column_stack([np.ones(n), hx])
    lz = log_z(d)
    c = np.concatenate([[0, 0], np.ones(2 * n)])
    A_eq = np.column_stack([X, np.eye(n), -np.eye(n)])
    lad = optimize.linprog(c, A_eq=A_eq, b_eq=hy, bounds=[(None, None)] * 2 + [(0, None)] * (2 * n),
                           method="highs").x[:2]
    best = None
    for x0 in (lad, np.polyfit(hx, hy, 1)[::-1]):
        h = optimize.minimize(nll, x0, args=(d, lz), method="Nelder-Mead",
                              options={"xatol": 1e-13, "fatol": 1e-15, "maxiter": 40000, "maxfev": 80000})
        for _ in range(3):
            h = optimize.minimize(nll, h.x, args=(d, lz), method="Nelder-Mead",
                                  options={"xatol": 1e-14, "fatol": 1e-16, "maxiter": 40000, "maxfev": 80000})
        if best is None or h.fun < best.fun:
            best = h
    p = best.x
    s = sigma_hat(hy - X @ p, d)
    inside = np.abs((hy - X @ p) / s) <= d

    def eqs(v):
        a, b, ls = v
        sg = np.exp(ls)
        z = (hy - a - b * hx) / sg
        ps = np.where(inside, z, d * np.sign(z))
        return [np.sum(ps), np.sum(ps * hx), np.sum(np.where(inside, z * z, d * np.abs(z))) - n]

    sol = optimize.fsolve(eqs, [p[0], p[1], np.log(s)], xtol=1e-15)
    a, b, sg = sol[0], sol[1], float(np.exp(sol[2]))
    z = (hy - a - b * hx) / sg
    assert np.array_equal(np.abs(z) <= d, inside), "the piece changed: not the optimum"
    value = float(np.sum(rho(z, d)) + n * np.log(sg) + n * lz)
    assert value <= best.fun + 1e-9, (value, best.fun)
    return {"data": name, "delta": d, "a": float(a), "b": float(b), "sigma": sg, "neg_log_likelihood": value,
            "inside": [int(i) for i in np.flatnonzero(inside)], "nelder_mead": float(best.fun)}


out = {"data": {k: {"x": v[0].tolist(), "y": v[1].tolist()} for k, v in DATA.items()},
       "cases": [solve("uneven", 1e-3), solve("uneven", 0.1), solve("cores", 1e-3), solve("cores", 0.5)]}
for c in out["cases"]:
    print(c)
with open("src/test/resources/oracles/likelihood_run.json", "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
