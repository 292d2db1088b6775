package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The engine's small SVD against NumPy ({@code python3 bench/oracles/small_svd.py}, NumPy 2, run 2026-12-07: LAPACK's
 * gesdd, lstsq and pinv) and against closed forms, including the edges of its cutoff ("at or below it are treated as
 * zero") and of its smallest-value index (ties to the first).
 */
class SmallSvdTest {
    private static final double[][] A = {{1.0, 2.0, 0.5}, {0.3, -1.0, 2.0}, {4.0, 0.0, 1.0}, {-2.0, 1.5, 0.0},
            {0.7, 0.7, 0.7}, {1.0, -3.0, 2.5}};
    private static final double[] B = {1.0, -2.0, 0.5, 3.0, 0.0, 1.5};

    @Test
    void singularValuesSolutionAndNormalInverseEqualNumPys() {
        SmallSvd svd = new SmallSvd(A, 6, 3);
        assertEquals(5.559009018881833, svd.max(), 1e-13);
        assertEquals(2.1857039276194934, svd.min(), 1e-13);
        assertArrayEquals(new double[] {-0.1915145037035548, 0.4220286395072096, 0.47371157109378703}, svd.solve(B, 0), 1e-13);
        double[][] inv = svd.normalInverse(0);
        double[][] numpy = {{0.05917796165513807, -0.00828562969469313, -0.045464353931989915},
                {-0.008285629694693137, 0.08896514493790178, 0.06502431652899587},
                {-0.045464353931989894, 0.06502431652899586, 0.15751888229416638}};
        for (int a = 0; a < 3; a++) {
            assertArrayEquals(numpy[a], inv[a], 1e-14, "row " + a);
        }
        // The right vector of the smallest value is a unit vector that A maps to length s_min.
        double[] v = svd.rightVector(svd.argMin());
        double len = 0;
        for (double[] row : A) {
            double dot = 0;
            for (int j = 0; j < 3; j++) {
                dot += row[j] * v[j];
            }
            len += dot * dot;
        }
        assertEquals(1, Math.sqrt(Arrays.stream(v).map(x -> x * x).sum()), 1e-14);
        assertEquals(2.1857039276194934, Math.sqrt(len), 1e-13);
    }

    @Test
    void aRankDeficientMatrixGivesTheMinimumNormSolution() {
        double[][] r = new double[6][3];
        for (int i = 0; i < 6; i++) {
            r[i][0] = A[i][0];
            r[i][1] = A[i][1];
            r[i][2] = A[i][0] + A[i][1];
        }
        SmallSvd svd = new SmallSvd(r, 6, 3);
        assertEquals(6.969155406252129, svd.max(), 1e-13);
        assertEquals(0, svd.min(), 1e-13);
        assertArrayEquals(new double[] {-0.11201837678404991, 0.16924865508158188, 0.05723027829753202},
                svd.solve(B, 1e-10 * svd.max()), 1e-12);
    }

    /** Closed form: orthonormal columns e1, e2 have singular values 1 and 1; the cutoff is inclusive; ties go to the first. */
    @Test
    void cutoffAtASingularValueDropsItAndTiesGoToTheFirstIndex() {
        double[][] e = {{1, 0}, {0, 1}, {0, 0}};
        SmallSvd svd = new SmallSvd(e, 3, 2);
        assertEquals(0, svd.argMin(), "equal singular values: the first index");
        assertArrayEquals(new double[] {2, 3}, svd.solve(new double[] {2, 3, 5}, 0.5), 0);
        assertArrayEquals(new double[] {0, 0}, svd.solve(new double[] {2, 3, 5}, 1.0), 0, "a value at the cutoff is dropped");
        double[][] inv = svd.normalInverse(1.0);
        assertArrayEquals(new double[] {0, 0}, inv[0], 0, "a value at the cutoff is dropped");
        assertArrayEquals(new double[] {0, 0}, inv[1], 0);
        assertArrayEquals(new double[] {1, 0}, svd.normalInverse(0.5)[0], 0);
    }
}
