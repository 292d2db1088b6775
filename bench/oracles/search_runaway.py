"""Oracle of RunawayProbeTest: a law with no finite optimum, and a suspect fit whose optimum is finite.

1. The offset power law E + A*x^-alpha fitted in log space (residuals ln y - ln f) to eight points of a log law with a
   fixed ripple, y_i = (3 - 0.2 ln x_i)(1 + 0.002 ((i mod 3) - 1)), x = 1..8. As E -> -inf, A -> +inf and alpha -> 0 the
   law tends to c - k ln x; its RSS in log space (fitted by MINPACK's lmder from a grid of starts, as
   offset_law_log_limits.py does) is the infimum, which no finite point reaches.
2. A quadratic a + b x + c x^2 on x = 1..8 whose data put c at 1e-6 with a standard error about a thousand times
   larger: y = 1 + 0.5 x + 1e-6 x^2 + 0.01 e, e orthogonal to 1, x and x^2 (the residual of a fixed vector after its
   projection on them). Its least-squares optimum (numpy.linalg.lstsq) is finite, and c's standard error is printed.
Run from the repository root:  python3 bench/oracles/search_runaway.py
"""
import numpy as np
from scipy.optimize import least_squares

x = np.arange(1, 9.0)
i = np.arange(8)
y = (3 - 0.2 * np.log(x)) * (1 + 0.002 * ((i % 3) - 1))
L = np.log(x)
best = None
for k0 in [0.01, 0.1, 0.2, 0.5]:
    for c0 in [2, 3, 5]:
        r = least_squares(lambda p: np.log(np.maximum(p[0] - p[1] * L, 1e-300)) - np.log(y), [c0, k0], method="lm",
                          xtol=1e-15, ftol=1e-15, gtol=1e-15)
        if best is None or 2 * r.cost < best[0]:
            best = (2 * r.cost, r.x)
print("log-law ripple y:", [repr(float(v)) for v in y])
print("limit c - k ln x in log space: RSS", repr(float(best[0])), "c, k", [repr(float(v)) for v in best[1]])

X = np.column_stack([np.ones(8), x, x * x])
v = np.cos(3.0 * x)
e = v - X @ np.linalg.lstsq(X, v, rcond=None)[0]
yq = 1 + 0.5 * x + 1e-6 * x * x + 0.01 * e
coef, rss, _, _ = np.linalg.lstsq(X, yq, rcond=None)
cov = rss[0] / (8 - 3) * np.linalg.inv(X.T @ X)
print("quadratic y:", [repr(float(v)) for v in yq])
print("quadratic optimum a, b, c", [repr(float(v)) for v in coef], "RSS", repr(float(rss[0])),
      "stderr", [repr(float(v)) for v in np.sqrt(np.diag(cov))])
