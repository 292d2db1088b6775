package org.scalefit.plot.charts;

/**
 * A power law written Kaplan's way, L = (X / X_c)^(−α), with the range to draw it over.
 *
 * <pre>{@code
 * PowerLawLine fit = new PowerLawLine(2.3e8, 0.050, 1e-9, 10);
 * double at1 = fit.value(1.0);   // ≈ 2.62
 * }</pre>
 *
 * @param scale    X_c, the value of X at which L would be 1
 * @param exponent α
 * @param from     left end of the drawn line
 * @param to       right end of the drawn line
 */
public record PowerLawLine(double scale, double exponent, double from, double to) {
    /**
     * Checks the arguments.
     *
     * @param scale    X_c, the value of X at which L would be 1
     * @param exponent α
     * @param from     left end of the drawn line
     * @param to       right end of the drawn line
     * @throws IllegalArgumentException if a component is outside its domain
     */
    public PowerLawLine {
        if (!(scale > 0) || !Double.isFinite(exponent) || !(from > 0) || !(to > from)) {
            throw new IllegalArgumentException("bad power law: scale " + scale + ", exponent " + exponent + ", range "
                    + from + " … " + to);
        }
    }

    /**
     * @param x a value of X
     * @return (x / X_c)^(−α)
     */
    public double value(double x) {
        return Math.exp(-exponent * Math.log(x / scale));
    }

    /**
     * @param n number of points, log-spaced over the range
     * @return the line
     */
    public XY line(int n) {
        double[] x = new double[n];
        double[] y = new double[n];
        double a = Math.log(from);
        double b = Math.log(to);
        for (int i = 0; i < n; i++) {
            x[i] = Math.exp(a + (b - a) * i / (n - 1));
            y[i] = value(x[i]);
        }
        return new XY(x, y);
    }
}
