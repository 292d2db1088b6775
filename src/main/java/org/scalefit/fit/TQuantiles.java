package org.scalefit.fit;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Student-t quantiles for confidence intervals. The exact quantile costs tens of microseconds (an
 * incomplete-beta inversion), more than a whole small fit, so the 95% quantiles for 1–400 degrees of
 * freedom are computed once, on first use, into a constant table; other levels and larger dof are
 * computed exactly on demand.
 */
final class TQuantiles {
    private static final int TABLE_DOF = 400;

    private TQuantiles() {
    }

    /** Lazily initialised constant table (holder idiom: thread-safe, computed at most once). */
    private static final class Table95 {
        static final double[] VALUES = build();

        private static double[] build() {
            double[] t = new double[TABLE_DOF + 1];
            t[0] = Double.NaN;
            for (int dof = 1; dof <= TABLE_DOF; dof++) {
                t[dof] = exact(0.95, dof);
            }
            return t;
        }
    }

    /**
     * @param level two-sided confidence level, e.g. 0.95
     * @param dof   degrees of freedom
     * @return t such that P(|T| ≤ t) = level, NaN when dof &lt; 1
     */
    static double twoSided(double level, int dof) {
        if (dof < 1) {
            return Double.NaN;
        }
        if (level == 0.95 && dof <= TABLE_DOF) {
            return Table95.VALUES[dof];
        }
        return exact(level, dof);
    }

    private static double exact(double level, int dof) {
        return new TDistribution(null, dof).inverseCumulativeProbability((1 + level) / 2);
    }
}
