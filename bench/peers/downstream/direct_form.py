"""The direct form of Krajewski et al. (2025), shared by the two peers: -ln Q = A*N^-alpha + B*D^-beta fitted by
least squares on ln Q (scipy.optimize.least_squares, Levenberg-Marquardt, ln A and ln B as coordinates so A, B > 0)
from a grid of starts, keeping the lowest residual."""
import math

import numpy as np
from scipy.optimize import least_squares


def fit_direct(n, d, q, log_scales=(0, 5, 10)):
    z = -np.log(q)
    ln, ld = np.log(n), np.log(d)

    def res(p):
        return np.exp(p[0]) * np.exp(-p[2] * ln) + np.exp(p[1]) * np.exp(-p[3] * ld) - z

    best = None
    with np.errstate(all="ignore"):
        for a0 in [0.05, 0.1, 0.2, 0.4, 0.8]:
            for b0 in [0.05, 0.1, 0.2, 0.4, 0.8]:
                for la in log_scales:
                    for lb in log_scales:
                        r = least_squares(res, [la, lb, a0, b0], method="lm", xtol=1e-15, ftol=1e-15, gtol=1e-15,
                                          max_nfev=20000)
                        if np.all(np.isfinite(r.x)) and (best is None or r.cost < best.cost):
                            best = r
    p = best.x
    return {"A": math.exp(p[0]), "B": math.exp(p[1]), "alpha": p[2], "beta": p[3], "rss_log": 2 * best.cost}
