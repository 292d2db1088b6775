"""Oracle of BasinScanTest and MultiStartTest: a least-squares problem with two basins whose global optimum is known.

The law y = a*sin(b*x + 0.5) on twenty unevenly spaced points x_i = 0.4 i + 0.01 i^2 (i = 1..20; uneven, so that no
other frequency aliases the true one on the data), with y_i = 2 sin(x_i + 0.5) + 0.05 (-1)^i. For every b the best a
is linear least squares, a(b) = sum(y s)/sum(s^2) with s = sin(b x + 0.5), and the profile
phi(b) = sum(y^2) - sum(y s)^2/sum(s^2). A dense scan of phi over b in [-60, 60] (step 1e-4) lists its local minima:
the global one near b = 1 and the next near b = -1.12 (a < 0), 200 times higher. Each is then polished by MINPACK's
lmder (scipy.optimize.least_squares, method "lm", tolerances at their floor) from the scan's point.
Run from the repository root:  python3 bench/oracles/search_basins.py
"""
import numpy as np
from scipy.optimize import least_squares

i = np.arange(1, 21)
x = 0.4 * i + 0.01 * i ** 2
y = 2 * np.sin(x + 0.5) + 0.05 * (-1.0) ** i


def profile(b):
    s = np.sin(b * x + 0.5)
    a = (y @ s) / (s @ s)
    return float(np.sum((y - a * s) ** 2)), float(a)


bs = np.arange(-600000, 600001) * 1e-4
phi = np.array([profile(b)[0] for b in bs])
minima = [k for k in range(1, len(bs) - 1) if phi[k] < phi[k - 1] and phi[k] < phi[k + 1]]
minima.sort(key=lambda k: phi[k])
print("local minima of the profile (b, phi, a), lowest first:")
for k in minima[:4]:
    print("  ", repr(float(bs[k])), repr(float(phi[k])), repr(profile(bs[k])[1]))
for name, k in [("global", minima[0]), ("second", minima[1])]:
    r = least_squares(lambda p: p[0] * np.sin(p[1] * x + 0.5) - y, [profile(bs[k])[1], bs[k]], method="lm",
                      xtol=2.3e-16, ftol=2.3e-16, gtol=2.3e-16)
    print(name, "optimum a, b", repr(float(r.x[0])), repr(float(r.x[1])), "RSS", repr(float(2 * r.cost)))
# The profile at a few levels the scan uses (b = 1, -1, 0.3, 3), for the scan's own objective.
for b in [1.0, -1.0, 0.3, 3.0]:
    print("phi(%g)" % b, repr(profile(b)[0]), "a(b)", repr(profile(b)[1]))
