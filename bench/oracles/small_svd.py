"""Oracle of SmallSvdTest: NumPy's SVD, least-squares solution and normal-matrix pseudo-inverse of a fixed 6x3 matrix
(and of a rank-deficient one), printed with 17 significant digits.
Run from the repository root:  python3 bench/oracles/small_svd.py
"""
import numpy as np

A = np.array([[1.0, 2.0, 0.5], [0.3, -1.0, 2.0], [4.0, 0.0, 1.0], [-2.0, 1.5, 0.0], [0.7, 0.7, 0.7], [1.0, -3.0, 2.5]])
b = np.array([1.0, -2.0, 0.5, 3.0, 0.0, 1.5])
s = np.linalg.svd(A, compute_uv=False)
print("singular values", [repr(float(v)) for v in s])
print("lstsq", [repr(float(v)) for v in np.linalg.lstsq(A, b, rcond=None)[0]])
print("pinv(AtA)", [[repr(float(v)) for v in row] for row in np.linalg.pinv(A.T @ A)])
# Rank 2: the third column is the sum of the first two.
R = A.copy()
R[:, 2] = R[:, 0] + R[:, 1]
sr = np.linalg.svd(R, compute_uv=False)
print("rank-deficient singular values", [repr(float(v)) for v in sr])
print("rank-deficient min-norm lstsq", [repr(float(v)) for v in np.linalg.pinv(R) @ b])
