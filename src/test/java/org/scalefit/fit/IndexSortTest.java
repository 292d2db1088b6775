package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link IndexSort#lexicographic} (the canonical row order) gives the very permutation {@link IndexSort#sort} gives
 * under the same comparison through a comparator — a stable sort's result is unique — on seeded random tables full of ties
 * (bootstrap-like repeated rows), signed zeros, infinities and NaN; and {@link IndexSort#sortable} orders as
 * {@link Double#compare}.
 */
class IndexSortTest {
    private static final double[] SPECIAL = {0.0, -0.0, 1.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, 1e-300, -2.5};

    @Test
    void sortableKeysOrderAsDoubleCompare() {
        SplittableRandom rng = new SplittableRandom(16);
        for (int t = 0; t < 20_000; t++) {
            double a = draw(rng);
            double b = draw(rng);
            assertTrue(Integer.signum(Double.compare(a, b)) == Integer.signum(Long.compare(IndexSort.sortable(a),
                    IndexSort.sortable(b))), a + " vs " + b);
        }
    }

    @Test
    void lexicographicEqualsTheComparatorSort() {
        SplittableRandom rng = new SplittableRandom(1614);
        for (int t = 0; t < 500; t++) {
            int n = rng.nextInt(1, 300);
            int distinct = rng.nextInt(1, n + 1);
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                // Few distinct values so that many rows tie in x (a resample's repeats), and some in y too.
                x[i] = rng.nextInt(4) == 0 ? SPECIAL[rng.nextInt(SPECIAL.length)] : rng.nextInt(distinct) * 0.5;
                y[i] = rng.nextInt(3);
            }
            IndexSort.IndexComparator cmp = (a, b) -> {
                int c = Double.compare(x[a], x[b]);
                return c != 0 ? c : Double.compare(y[a], y[b]);
            };
            long[][] keys = new long[2][n];
            for (int i = 0; i < n; i++) {
                keys[0][i] = IndexSort.sortable(x[i]);
                keys[1][i] = IndexSort.sortable(y[i]);
            }
            assertArrayEquals(IndexSort.sort(n, cmp), IndexSort.lexicographic(keys), "trial " + t);
        }
    }

    private static double draw(SplittableRandom rng) {
        return rng.nextBoolean() ? SPECIAL[rng.nextInt(SPECIAL.length)] : (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(-5, 6));
    }
}
