package org.scalefit.stats;

import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The quantiles every package needs, one implementation each: Student t (with the 95% two-sided values
 * for 1–400 degrees of freedom cached, since the exact quantile — an incomplete-beta inversion — costs
 * tens of microseconds, more than a whole small fit), the standard normal, the upper tails of χ² and F, and
 * the percentile of sorted values with NumPy's default linear interpolation. The only user of Commons Math's
 * distributions (ARCHITECTURE.md).
 *
 * <pre>{@code
 * double t = Quantiles.tTwoSided(0.95, 10);            // 2.2281…: half-width of a 95% interval, 10 dof
 * double z = Quantiles.normal(0.975);                  // 1.9599…
 * double median = Quantiles.percentile(sorted, 0.5);
 * }</pre>
 */
public final class Quantiles {
    private static final int TABLE_DOF = 400;
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private Quantiles() {
    }

    /**
     * The 95% two-sided t quantiles up to {@link #TABLE_DOF} degrees of freedom, each computed the first time it
     * is asked for and kept (every fit asks for one, a sweep for the same few again and again). Building all 400 at
     * once cost 40–50 ms of interpreted start-up in a one-fit command, for the one quantile it needed. Each entry is
     * a pure function of its index, so threads that compute the same one at once store the same bits.
     */
    private static final class Table95 {
        /** Raw bits of each quantile; 0 (the bits of +0.0, which no quantile is) until computed. */
        static final AtomicLongArray BITS = new AtomicLongArray(TABLE_DOF + 1);

        static double get(int dof) {
            long bits = BITS.get(dof);
            if (bits == 0) {
                bits = Double.doubleToRawLongBits(t((1 + 0.95) / 2, dof));
                BITS.set(dof, bits);
            }
            return Double.longBitsToDouble(bits);
        }
    }

    /**
     * @param level two-sided confidence level, e.g. 0.95
     * @param dof   degrees of freedom
     * @return t such that P(|T| ≤ t) = level, NaN when dof &lt; 1
     */
    public static double tTwoSided(double level, int dof) {
        if (dof < 1) {
            return Double.NaN;
        }
        if (level == 0.95 && dof <= TABLE_DOF) {
            return Table95.get(dof);
        }
        return t((1 + level) / 2, dof);
    }

    /**
     * @param p   cumulative probability in (0, 1)
     * @param dof degrees of freedom (&gt; 0; need not be whole, as Welch's)
     * @return the p-quantile of Student's t with {@code dof} degrees of freedom
     */
    public static double t(double p, double dof) {
        return new TDistribution(null, dof).inverseCumulativeProbability(p);
    }

    /**
     * @param p cumulative probability in [0, 1]
     * @return the p-quantile of the standard normal distribution
     */
    public static double normal(double p) {
        return NORMAL.inverseCumulativeProbability(p);
    }

    /**
     * @param z a value
     * @return P(Z ≤ z) for a standard normal Z
     */
    public static double normalCdf(double z) {
        return NORMAL.cumulativeProbability(z);
    }

    /**
     * The upper tail of the χ² distribution, P(χ²_k ≥ x) = Q(k/2, x/2) (the regularized upper incomplete gamma
     * function, computed directly so that p-values far below 1e-16 keep their digits).
     *
     * <pre>{@code
     * double p = Quantiles.chiSquareSurvival(84.0, 5);   // 1.22e-16
     * }</pre>
     *
     * @param x   the statistic, ≥ 0
     * @param dof degrees of freedom, ≥ 1
     * @return the p-value, NaN when x is NaN
     */
    public static double chiSquareSurvival(double x, int dof) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x <= 0) {
            return 1.0;
        }
        return org.apache.commons.math3.special.Gamma.regularizedGammaQ(dof / 2.0, x / 2.0);
    }

    /**
     * The upper tail of Fisher's F distribution, P(F_{d1,d2} ≥ f) = I_x(d2/2, d1/2) with x = d2/(d2 + d1·f) (the
     * regularized incomplete beta function, computed directly rather than as 1 − CDF so that small p-values
     * keep their digits).
     *
     * <pre>{@code
     * double p = Quantiles.fSurvival(2.5, 3, 10);   // 0.119: Chow's predictive test, 3 held-out points
     * }</pre>
     *
     * @param f  the statistic
     * @param d1 numerator degrees of freedom, ≥ 1
     * @param d2 denominator degrees of freedom, ≥ 1
     * @return the p-value: 1 for f ≤ 0, NaN when f is NaN
     */
    public static double fSurvival(double f, int d1, int d2) {
        if (Double.isNaN(f)) {
            return Double.NaN;
        }
        if (f <= 0) {
            return 1.0;
        }
        return org.apache.commons.math3.special.Beta.regularizedBeta(d2 / (d2 + d1 * f), d2 / 2.0, d1 / 2.0);
    }

    /**
     * The q-quantile of sorted values, interpolated linearly between order statistics (NumPy's default).
     *
     * @param sorted values sorted ascending, not empty
     * @param q      probability in [0, 1]
     * @return the q-quantile
     */
    public static double percentile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double frac = h - lo;
        if (frac == 0 || sorted[lo] == sorted[hi]) {
            return sorted[lo];
        }
        return sorted[lo] + frac * (sorted[hi] - sorted[lo]);
    }

    /**
     * As {@link #percentile}, except that an infinite neighbour makes the quantile infinite (rather than
     * NaN from ∞ − ∞ or an interpolation towards infinity).
     *
     * @param sorted values sorted ascending, not empty; ±∞ allowed
     * @param q      probability in [0, 1]
     * @return the q-quantile
     */
    public static double percentileWithInfinities(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        if (h - lo != 0 && sorted[lo] != sorted[hi]) {
            if (Double.isInfinite(sorted[hi])) {
                return sorted[hi];
            }
            if (Double.isInfinite(sorted[lo])) {
                return sorted[lo];
            }
        }
        return percentile(sorted, q);
    }
}
