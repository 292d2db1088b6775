"""Oracle of OptimizerCoreTest: the engine's own solvers (Levenberg-Marquardt, L-BFGS, Huber's Newton polish) and
its losses on textbook problems, solved here without scalefit.

- Moré, Garbow & Hillstrom (1981), "Testing unconstrained optimization software", ACM TOMS 7: problems 1
  (Rosenbrock), 8 (Bard), 10 (Meyer) and 15 (Kowalik-Osborne), from their standard starts, by MINPACK's lmder
  (scipy.optimize.least_squares(method="lm"), tolerances at their floor): the optimum, its sum of squares and
  MINPACK's number of function evaluations. MGH's published sums of squares: Bard 8.21487e-3, Meyer 87.9458,
  Kowalik-Osborne 3.07505e-4.
- Huber's loss: a straight line y = a + b x fitted under Huber's rho with delta = 0.5 (scipy.optimize.minimize,
  Nelder-Mead then BFGS polish, to 1e-12), the data below.
- The Huber likelihood (Besiroglu et al. 2024): the normaliser Z(delta) = integral of exp(-rho_delta(z)) dz by
  scipy.integrate.quad, the scale root of sum min(z^2, delta|z|) = n by brentq, and -log L at that scale.
Run from the repository root:  python3 bench/oracles/optimizer_cores.py
"""
import numpy as np
from scipy import integrate, optimize


def lm(name, fun, x0):
    r = optimize.least_squares(fun, x0, method="lm", xtol=2.3e-16, ftol=2.3e-16, gtol=2.3e-16, max_nfev=100000)
    print(name, "x", [repr(float(v)) for v in r.x], "sum of squares", repr(float(2 * r.cost)), "nfev", r.nfev)
    # MINPACK at its default tolerances (1e-8), the evaluation count a user of lmder sees.
    d = optimize.least_squares(fun, x0, method="lm")
    print(name, "default-tolerance nfev", d.nfev, "sum of squares", repr(float(2 * d.cost)))


lm("rosenbrock", lambda x: np.array([10 * (x[1] - x[0] ** 2), 1 - x[0]]), [-1.2, 1.0])

bard_y = np.array([0.14, 0.18, 0.22, 0.25, 0.29, 0.32, 0.35, 0.39, 0.37, 0.58, 0.73, 0.96, 1.34, 2.10, 4.39])
u = np.arange(1, 16.0)
v = 16 - u
w = np.minimum(u, v)
lm("bard", lambda x: bard_y - (x[0] + u / (v * x[1] + w * x[2])), [1.0, 1.0, 1.0])

meyer_y = np.array([34780, 28610, 23650, 19630, 16370, 13720, 11540, 9744, 8261, 7030, 6005, 5147, 4427, 3820,
                    3307, 2872.0])
t = 45 + 5 * np.arange(1, 17.0)
lm("meyer", lambda x: x[0] * np.exp(x[1] / (t + x[2])) - meyer_y, [0.02, 4000.0, 250.0])

ko_y = np.array([0.1957, 0.1947, 0.1735, 0.1600, 0.0844, 0.0627, 0.0456, 0.0342, 0.0323, 0.0235, 0.0246])
ko_u = np.array([4, 2, 1, 0.5, 0.25, 0.167, 0.125, 0.1, 0.0833, 0.0714, 0.0625])
lm("kowalik-osborne",
   lambda x: ko_y - x[0] * (ko_u ** 2 + ko_u * x[1]) / (ko_u ** 2 + ko_u * x[2] + x[3]), [0.25, 0.39, 0.415, 0.39])


def huber_rho(r, d):
    a = np.abs(r)
    return np.where(a <= d, 0.5 * r * r, d * (a - 0.5 * d))


hx = np.array([0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0])
hy = np.array([1.1, 2.9, 5.2, 6.8, 9.1, 11.0, 30.0, 15.1, 16.8, 19.2])


def huber_line(p):
    return float(np.sum(huber_rho(hy - (p[0] + p[1] * hx), 0.5)))


h = optimize.minimize(huber_line, [0.0, 1.0], method="Nelder-Mead",
                      options={"xatol": 1e-13, "fatol": 1e-15, "maxiter": 20000, "maxfev": 40000})
h = optimize.minimize(huber_line, h.x, method="Nelder-Mead",
                      options={"xatol": 1e-14, "fatol": 1e-16, "maxiter": 20000, "maxfev": 40000})
# The objective is piecewise quadratic: with the residuals inside |r| <= delta known (from the Nelder-Mead point),
# the optimum solves the linear equations sum_inside r_i (1, x_i) + delta * sum_outside sign(r_i) (1, x_i) = 0 exactly.
r = hy - (h.x[0] + h.x[1] * hx)
inside = np.abs(r) <= 0.5
X = np.column_stack([np.ones_like(hx), hx])
rhs = X[inside].T @ hy[inside] + 0.5 * X[~inside].T @ np.sign(r[~inside])
exact = np.linalg.solve(X[inside].T @ X[inside], rhs)
r = hy - X @ exact
assert np.array_equal(np.abs(r) <= 0.5, inside), "the active set changed: not the optimum"
print("huber line delta 0.5 inside", inside.astype(int).tolist(), "x", [repr(float(q)) for q in exact],
      "objective", repr(float(np.sum(huber_rho(r, 0.5)))), "(Nelder-Mead", repr(float(h.fun)), ")")
ls = np.polyfit(hx, hy, 1)
# Delta 0.01: nearly least absolute deviations (most residuals outside), the case the Newton polish reaches through
# the L1 vertex. Active set from the LAD line (scipy.optimize.linprog), refined until it no longer changes.
n = len(hx)
c = np.concatenate([[0, 0], np.ones(2 * n)])
A_eq = np.column_stack([X, np.eye(n), -np.eye(n)])
lad = optimize.linprog(c, A_eq=A_eq, b_eq=hy, bounds=[(None, None)] * 2 + [(0, None)] * (2 * n), method="highs").x[:2]
d = 0.01
beta = lad
for _ in range(50):
    r = hy - X @ beta
    inside = np.abs(r) <= d
    rhs = X[inside].T @ hy[inside] + d * X[~inside].T @ np.sign(r[~inside])
    nxt = np.linalg.solve(X[inside].T @ X[inside], rhs)
    if np.array_equal(np.abs(hy - X @ nxt) <= d, inside):
        beta = nxt
        break
    beta = nxt
r = hy - X @ beta
print("huber line delta 0.01 LAD", [repr(float(q)) for q in lad], "inside", (np.abs(r) <= d).astype(int).tolist(),
      "x", [repr(float(q)) for q in beta], "objective", repr(float(np.sum(huber_rho(r, d)))))
check = optimize.minimize(lambda p: float(np.sum(huber_rho(hy - (p[0] + p[1] * hx), d))), beta, method="Nelder-Mead",
                          options={"xatol": 1e-14, "fatol": 1e-16})
print("  (Nelder-Mead from there:", repr(float(check.fun)), ")")
print("least-squares line", repr(float(ls[1])), repr(float(ls[0])))

def normaliser(d):
    """Z(delta): the quadratic centre and the two (symmetric) linear tails integrated apart, so quad sees no kink."""
    centre = integrate.quad(lambda s: np.exp(-0.5 * s * s), -d, d, epsabs=0, epsrel=1e-13)[0]
    tail = integrate.quad(lambda s: np.exp(-d * (s - 0.5 * d)), d, np.inf, epsabs=0, epsrel=1e-13, limit=500)[0]
    return centre + 2 * tail


for d in (1.0, 1e-3):
    print("huber likelihood delta", d, "ln Z", repr(float(np.log(normaliser(d)))))
resid = np.array([0.3, -1.2, 0.05, 2.5, -0.7, 0.01, -3.0])
for d in (1.0, 1e-3):
    f = lambda s: float(np.sum(np.minimum((resid / s) ** 2, d * np.abs(resid / s)))) - len(resid)
    sigma = optimize.brentq(f, 1e-8, 1e8, xtol=1e-300, rtol=1e-15, maxiter=500)
    z = normaliser(d)
    nll = float(np.sum(huber_rho(resid / sigma, d)) + len(resid) * (np.log(sigma) + np.log(z)))
    print("huber likelihood delta", d, "scale", repr(sigma), "-log L", repr(nll))

# L-BFGS: SciPy's L-BFGS-B (memory 10, the method the engine's Lbfgs runs) on Rosenbrock's function from (-1.2, 1).
lb = optimize.minimize(optimize.rosen, [-1.2, 1.0], jac=optimize.rosen_der, method="L-BFGS-B",
                       options={"ftol": 1e-15, "gtol": 1e-12, "maxiter": 1000})
print("L-BFGS-B rosenbrock iterations", lb.nit, "evaluations", lb.nfev, "x", [repr(float(q)) for q in lb.x])

# Huber's sandwich covariance at the delta = 0.01 optimum above (three of ten residuals inside: the zone is "forced",
# at most twice the parameter count), as FitAssembler documents it: psi'_i smoothed by a normal kernel at Silverman's
# bandwidth 0.9 min(sd, IQR/1.34) n^-1/5, H = sum psi'_i J_i J_i', B = sum psi_i^2 J_i J_i',
# K = 1 + (p/n) var(psi')/mean(psi')^2, Cov = K^2 n/(n - p) H^-1 B H^-1.
from scipy import stats as _st
d = 0.01
r = hy - X @ beta
nn, pp = len(r), 2
q75, q25 = np.percentile(r, [75, 25])
hbw = 0.9 * min(np.std(r, ddof=1), (q75 - q25) / 1.34) * nn ** -0.2
dpsi = _st.norm.cdf((d - r) / hbw) - _st.norm.cdf((-d - r) / hbw)
psi = np.clip(r, -d, d)
H = (X * dpsi[:, None]).T @ X
Bm = (X * (psi ** 2)[:, None]).T @ X
mean = dpsi.mean()
K = 1 + pp / nn * max(0.0, (dpsi ** 2).mean() - mean ** 2) / mean ** 2
Hi = np.linalg.inv(H)
cov = K ** 2 * nn / (nn - pp) * Hi @ Bm @ Hi
print("huber sandwich delta 0.01 bandwidth", repr(float(hbw)), "stderr", [repr(float(v)) for v in np.sqrt(np.diag(cov))],
      "cov ab", repr(float(cov[0, 1])))
