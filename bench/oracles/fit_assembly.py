"""Oracle of FitAssemblyOracleTest: everything the engine computes at the optimum of a weighted straight line
y = a + b*x in linear space, in closed form with NumPy and SciPy (no optimiser: the weighted least-squares solution
is (X'WX)^-1 X'Wy), printed with 17 significant digits.

- relative weights w: scaled covariance s^2 (X'WX)^-1 with s^2 = sum w r^2/(n - 2), standard errors, t intervals
  (scipy.stats.t, 95%), weighted R^2 = 1 - RSS/sum w (y - ybar_w)^2, the Gaussian log-likelihood at the ML variance
  -n/2 (ln(2 pi RSS/n) + 1) + 1/2 sum ln w, AIC/AICc/BIC with k = 3, RMS, the largest |r|/s and Durbin-Watson of the
  weighted residuals in x order;
- given sigmas (w = 1/sigma^2): the absolute covariance (X'WX)^-1, log L = -1/2 (RSS + n ln 2 pi - sum ln w), k = 2;
- tests of b = 2.2: Wald (b - 2.2)^2/var(b), and the likelihood ratio n ln(RSS0/RSS1) with a refitted
  (a0 = sum w (y - 2.2 x)/sum w), both against chi^2_1 (scipy.stats.chi2.sf); with both held (a = 0.9, b = 2.2)
  the LR is n ln(RSS(0.9, 2.2)/RSS1); the joint Wald statistic with the 2x2 covariance.
Run from the repository root:  python3 bench/oracles/fit_assembly.py
"""
import numpy as np
from scipy import stats

x = np.arange(1.0, 13.0)
y = np.array([3.1, 5.4, 7.2, 8.6, 11.3, 13.1, 15.9, 17.2, 19.8, 21.1, 24.5, 25.9])
w = np.array([1.0, 2.0, 0.5, 1.0, 4.0, 1.0, 0.25, 2.0, 1.0, 1.0, 3.0, 0.5])
n = len(x)
X = np.column_stack([np.ones(n), x])


def p(name, v):
    v = np.atleast_1d(np.asarray(v, float)).ravel()
    print(name, [repr(float(q)) for q in v])


XtWX = X.T @ (w[:, None] * X)
beta = np.linalg.solve(XtWX, X.T @ (w * y))
r = np.sqrt(w) * (y - X @ beta)
rss = float(r @ r)
dof = n - 2
s2 = rss / dof
inv = np.linalg.inv(XtWX)
cov = s2 * inv
se = np.sqrt(np.diag(cov))
t = stats.t.ppf(0.975, dof)
p("beta", beta)
p("rss", rss)
p("scaled covariance", cov)
p("stderr", se)
p("lower", beta - t * se)
p("upper", beta + t * se)
ybar = np.sum(w * y) / np.sum(w)
p("r2", 1 - rss / np.sum(w * (y - ybar) ** 2))
logl = -0.5 * n * (np.log(2 * np.pi * rss / n) + 1) + 0.5 * np.sum(np.log(w))
k = 3
p("logL", logl)
p("aic", 2 * k - 2 * logl)
p("aicc", 2 * k - 2 * logl + 2 * k * (k + 1) / (n - k - 1))
p("bic", k * np.log(n) - 2 * logl)
p("rms", np.sqrt(rss / n))
z = np.abs(r) / np.sqrt(s2)
p("max z, row (1-based data row)", [z.max(), np.argmax(z) + 1])
p("durbin-watson", np.sum(np.diff(r) ** 2) / np.sum(r ** 2))
p("absolute covariance", inv)
# Given sigmas: the same weights read as 1/sigma^2.
p("absolute stderr", np.sqrt(np.diag(inv)))
p("absolute logL", -0.5 * (rss + n * np.log(2 * np.pi) - np.sum(np.log(w))))
p("absolute aic (k = 2)", 2 * 2 + (rss + n * np.log(2 * np.pi) - np.sum(np.log(w))))
# Tests of b = 2.2.
wald = (beta[1] - 2.2) ** 2 / cov[1, 1]
p("wald b=2.2 statistic, p", [wald, stats.chi2.sf(wald, 1)])
a0 = np.sum(w * (y - 2.2 * x)) / np.sum(w)
rss0 = float(np.sum(w * (y - a0 - 2.2 * x) ** 2))
lr = n * np.log(rss0 / rss)
p("lr b=2.2 statistic, p, null logL", [lr, stats.chi2.sf(lr, 1), -0.5 * n * (np.log(2 * np.pi * rss0 / n) + 1) + 0.5 * np.sum(np.log(w))])
rssab = float(np.sum(w * (y - 0.9 - 2.2 * x) ** 2))
lr2 = n * np.log(rssab / rss)
p("lr a=0.9,b=2.2 statistic, p", [lr2, stats.chi2.sf(lr2, 2)])
d = beta - np.array([0.9, 2.2])
wald2 = d @ np.linalg.solve(cov, d)
p("wald a=0.9,b=2.2 statistic, p", [wald2, stats.chi2.sf(wald2, 2)])
# Absolute-sigma Wald of b = 2.2 (the fit's own covariance is then the absolute one).
walda = (beta[1] - 2.2) ** 2 / inv[1, 1]
p("absolute wald b=2.2 statistic, p", [walda, stats.chi2.sf(walda, 1)])
