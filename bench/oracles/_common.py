"""Shared by the oracle scripts: the one finite-difference gradient they all propagate covariances with."""
import numpy as np


def gradient(f, p, rel=1e-5, floor=0.0):
    """Richardson-extrapolated central differences of a scalar f at p (error O(h^4)), step rel*max(|p_j|, floor)."""
    p = np.asarray(p, float)
    g = np.zeros(len(p))
    for j in range(len(p)):
        h = rel * max(abs(p[j]), floor)

        def d(hh):
            up, dn = p.copy(), p.copy()
            up[j] += hh
            dn[j] -= hh
            return (f(up) - f(dn)) / (2 * hh)
        g[j] = (4 * d(h / 2) - d(h)) / 3
    return g
