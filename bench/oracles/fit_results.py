"""Oracle of ErrorBarEdgesTest and FitResultTest: what a fit reports at the edges of its error bars, in closed form
with NumPy 2 and SciPy 1.17 (no optimiser on this side), printed with 17 significant digits.

- asymmetric loss (expectile regression, lambda = 0.2) of the straight line y = a + b x through the 12 points of
  FitAssemblyOracleTest (unweighted): the optimum is the weighted least-squares solution with weights
  omega_i = lambda (r_i >= 0) or 1 - lambda (r_i < 0) at its own residuals, found by iterating weighted least squares
  until the signs stop changing (then it is exact); its covariance is s^2 (X' Omega X)^-1 with
  s^2 = sum omega r^2 / (n - 2), the standard errors its diagonal's roots.
- Durbin-Watson of a straight line fitted by least squares to y = x^2 (x = 1..10, and x = 1..9): the residuals of a
  parabola about its chord, in x order, sum (e_i - e_{i-1})^2 / sum e_i^2.
- a power law y = a x^(-alpha) fitted in log space is the line ln y = ln a - alpha ln x: ordinary least squares on
  (ln x, ln y) gives ln a and its variance; the Wald test of a = a0 on the log scale is (ln a - ln a0)^2 / var(ln a)
  (scipy.stats.chi2.sf for p), and the log-scale interval a exp(-+ t se(ln a)).
- a doubling trend y = y0 2^((t - t0)/T) in log space is the line ln y = ln y0 + (ln 2 / T)(t - t0): the date t* at
  which it reaches y = 8 is t0 + (ln 8 - c)/s with c, s the OLS intercept and slope; its delta-method standard error
  from the OLS covariance with the gradient (-1/s, -(ln 8 - c)/s^2), and t* -+ t(dof) se.
- a straight line with b bounded to [0, 1.5] where least squares wants b = 2.1: the fit rests at b = 1.5 and a is
  the mean of y - 1.5 x.
Run from the repository root:  python3 bench/oracles/fit_results.py
"""
import numpy as np
from scipy import stats


def p(name, v):
    v = np.atleast_1d(np.asarray(v, float)).ravel()
    print(name, [repr(float(q)) for q in v])


x = np.arange(1.0, 13.0)
y = np.array([3.1, 5.4, 7.2, 8.6, 11.3, 13.1, 15.9, 17.2, 19.8, 21.1, 24.5, 25.9])
X = np.column_stack([np.ones(len(x)), x])

# Asymmetric loss, lambda = 0.2.
lam = 0.2
beta = np.linalg.lstsq(X, y, rcond=None)[0]
for _ in range(100):
    r = y - X @ beta
    om = np.where(r < 0, 1 - lam, lam)
    new = np.linalg.solve(X.T @ (om[:, None] * X), X.T @ (om * y))
    if np.array_equal(np.sign(y - X @ new), np.sign(r)) and np.allclose(new, beta, rtol=0, atol=0):
        break
    beta = new
r = y - X @ beta
om = np.where(r < 0, 1 - lam, lam)
beta = np.linalg.solve(X.T @ (om[:, None] * X), X.T @ (om * y))
r = y - X @ beta
assert np.array_equal(np.where(r < 0, 1 - lam, lam), om)
s2 = np.sum(om * r * r) / (len(x) - 2)
cov = s2 * np.linalg.inv(X.T @ (om[:, None] * X))
p("asymmetric beta", beta)
p("asymmetric objective sum omega r^2", np.sum(om * r * r))
p("asymmetric covariance", cov)
p("asymmetric stderr", np.sqrt(np.diag(cov)))
# What the covariance would be without the sqrt(omega) reweighting of the Jacobian (the mutant): s^2 (X'X)^-1.
p("unreweighted stderr (not the answer)", np.sqrt(np.diag(s2 * np.linalg.inv(X.T @ X))))

# Durbin-Watson of a chord through a parabola.
for n in (10, 9):
    xs = np.arange(1.0, n + 1)
    ys = xs ** 2
    A = np.column_stack([np.ones(n), xs])
    e = ys - A @ np.linalg.lstsq(A, ys, rcond=None)[0]
    p("durbin-watson of x^2, n = %d" % n, np.sum(np.diff(e) ** 2) / np.sum(e ** 2))
    signs = np.sign(e)
    runs = 1 + np.sum(signs[1:] != signs[:-1])
    npos = np.sum(signs > 0)
    nneg = np.sum(signs < 0)
    p("runs, expected runs n = %d" % n, [runs, 2.0 * npos * nneg / n + 1])

# Power law in log space.
xp = np.array([1.0, 2, 4, 8, 16, 32, 64, 128])
yp = np.array([10.2, 7.9, 6.1, 4.4, 3.5, 2.6, 1.98, 1.52])
L = np.column_stack([np.ones(len(xp)), np.log(xp)])
coef = np.linalg.lstsq(L, np.log(yp), rcond=None)[0]
res = np.log(yp) - L @ coef
dof = len(xp) - 2
covl = res @ res / dof * np.linalg.inv(L.T @ L)
a = np.exp(coef[0])
alpha = -coef[1]
se_ln_a = np.sqrt(covl[0, 0])
p("power law a, alpha", [a, alpha])
p("power law se(a) = a se(ln a), se(alpha)", [a * se_ln_a, np.sqrt(covl[1, 1])])
tq = stats.t.ppf(0.975, dof)
p("power law a interval on the log scale", [a * np.exp(-tq * se_ln_a), a * np.exp(tq * se_ln_a)])
w = (coef[0] - np.log(10.6)) ** 2 / covl[0, 0]
p("wald a = 10.6 on the log scale: statistic, p", [w, stats.chi2.sf(w, 1)])
d = np.array([coef[0] - np.log(10.6), alpha - 0.39])
J = np.array([[1.0, 0.0], [0.0, -1.0]])  # (ln a, alpha) from (ln a, slope)
C = J @ covl @ J.T
w2 = d @ np.linalg.solve(C, d)
p("wald a = 10.6, alpha = 0.39 jointly: statistic, p", [w2, stats.chi2.sf(w2, 2)])

# Doubling trend: dates as epoch days.
t = np.array([17897.0, 18050, 18262, 18400, 18628, 18800, 19000, 19200, 19400, 19723])
yt = np.array([0.15, 0.25, 0.6, 0.9, 2.2, 3.1, 6.0, 9.5, 17.0, 40.0])
t0 = 17897.0
T = np.column_stack([np.ones(len(t)), t - t0])
c, s = np.linalg.lstsq(T, np.log(yt), rcond=None)[0]
e = np.log(yt) - T @ np.array([c, s])
dof = len(t) - 2
covt = e @ e / dof * np.linalg.inv(T.T @ T)
tstar = t0 + (np.log(8.0) - c) / s
g = np.array([-1 / s, -(np.log(8.0) - c) / s ** 2])
se = np.sqrt(g @ covt @ g)
tq = stats.t.ppf(0.975, dof)
p("doubling y0, T days", [np.exp(c), np.log(2) / s])
p("doubling t* (y = 8), se, lower, upper", [tstar, se, tstar - tq * se, tstar + tq * se])

# A straight line with b bounded to [0, 1.5].
p("bounded line a at b = 1.5", np.mean(y - 1.5 * x))
p("bounded line a at b = 2.5", np.mean(y - 2.5 * x))
ols = np.linalg.lstsq(X, y, rcond=None)[0]
p("unweighted least-squares line a, b (interior of a bound)", ols)

# Doubling trend's derived doubling time in months, T / (365.2425/12), by the delta method: se(T) = ln 2 / s^2 se(s).
T_days = np.log(2) / s
se_T = np.log(2) / s ** 2 * np.sqrt(covt[1, 1])
month = 365.2425 / 12
p("doubling time months, se, lower, upper",
  [T_days / month, se_T / month, (T_days - tq * se_T) / month, (T_days + tq * se_T) / month])
import datetime
for v in (tstar, tstar - tq * se, tstar + tq * se):
    print("date of", repr(float(v)), datetime.date(1970, 1, 1) + datetime.timedelta(days=int(np.floor(v))))

# Sigmas that grow with y but are not exactly proportional to it (the warning's slope and spread).
ys = np.array([1, 2.5, 6, 15, 40, 100.0])
sig = 0.05 * ys * np.array([1, 1.3, 0.8, 1.1, 0.9, 1.2])
ly = np.log(ys)
ls = np.log(sig)
slope = np.sum((ly - ly.mean()) * (ls - ls.mean())) / np.sum((ly - ly.mean()) ** 2)
corr = np.corrcoef(ly, ls)[0, 1]
p("sigma ~ y: log-log slope, correlation, spread (max/min sigma)", [slope, corr, sig.max() / sig.min()])

# The x at which the weighted line of FitAssemblyOracleTest (bench/oracles/fit_assembly.py) reaches y = 20:
# x* = (20 - a)/b, gradient (-1/b, -(20 - a)/b^2), with the scaled covariance s^2 (X'WX)^-1, t(10) interval.
w = np.array([1.0, 2.0, 0.5, 1.0, 4.0, 1.0, 0.25, 2.0, 1.0, 1.0, 3.0, 0.5])
XtWX = X.T @ (w[:, None] * X)
bw = np.linalg.solve(XtWX, X.T @ (w * y))
rw = np.sqrt(w) * (y - X @ bw)
covw = (rw @ rw) / (len(x) - 2) * np.linalg.inv(XtWX)
xs = (20 - bw[0]) / bw[1]
g = np.array([-1 / bw[1], -(20 - bw[0]) / bw[1] ** 2])
se = np.sqrt(g @ covw @ g)
tq = stats.t.ppf(0.975, len(x) - 2)
p("weighted line x at y = 20: value, se, lower, upper", [xs, se, xs - tq * se, xs + tq * se])
# The same quantity with the absolute covariance (X'WX)^-1 (sigmas given).
sea = np.sqrt(g @ np.linalg.inv(XtWX) @ g)
p("weighted line x at y = 20 with given sigmas: se", sea)

# The x at which the power law above (log space) reaches y = 3: ln x* = (c - ln 3)/alpha with c = ln a and the OLS slope
# -alpha; delta method with the OLS covariance of (c, slope), t(6) interval.
c, sl = coef
u = (c - np.log(3.0)) / (-sl)
xstar = np.exp(u)
g = xstar * np.array([-1 / sl, (c - np.log(3.0)) / sl ** 2])
se = np.sqrt(g @ covl @ g)
tq = stats.t.ppf(0.975, len(xp) - 2)
p("power law x at y = 3: value, se, lower, upper", [xstar, se, xstar - tq * se, xstar + tq * se])

# Condition number of the column-scaled weighted Jacobian of that line: sqrt(w) X with unit columns, numpy.linalg.cond
# (ratio of its largest to smallest singular value).
J = np.sqrt(w)[:, None] * X
J = J / np.linalg.norm(J, axis=0)
p("weighted line: condition number of the column-scaled Jacobian", np.linalg.cond(J))
