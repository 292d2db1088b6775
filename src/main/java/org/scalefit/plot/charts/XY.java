package org.scalefit.plot.charts;

/**
 * A series of points or a polyline: x and y of equal length, copied in and out.
 *
 * <pre>{@code
 * XY frontier = new XY(computes, losses);
 * }</pre>
 *
 * @param x x values
 * @param y y values
 */
public record XY(double[] x, double[] y) {
    /**
     * Copies and checks the arrays.
     *
     * @param x x values
     * @param y y values
     * @throws IllegalArgumentException if a component is outside its domain
     */
    public XY {
        x = x.clone();
        y = y.clone();
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " values, y has " + y.length);
        }
    }

    /** @return x values (a copy: the record keeps its own array) */
    @Override
    public double[] x() {
        return x.clone();
    }

    /** @return y values (a copy: the record keeps its own array) */
    @Override
    public double[] y() {
        return y.clone();
    }

    /** @return the number of points */
    public int size() {
        return x.length;
    }

    /** @return the smallest x */
    public double minX() {
        double m = Double.POSITIVE_INFINITY;
        for (double v : x) {
            m = Math.min(m, v);
        }
        return m;
    }

    /** @return the largest x */
    public double maxX() {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** @return the smallest finite y */
    public double minY() {
        double m = Double.POSITIVE_INFINITY;
        for (double v : y) {
            if (Double.isFinite(v)) {
                m = Math.min(m, v);
            }
        }
        return m;
    }

    /** @return the largest finite y */
    public double maxY() {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            if (Double.isFinite(v)) {
                m = Math.max(m, v);
            }
        }
        return m;
    }
}
