package org.scalefit.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Curves sampled for drawing: evenly spaced on the axis's own scale (so a power law is smooth on a log
 * axis), with exact end points, and split into the part over the data (solid) and the parts beyond it
 * (dashed) — the convention of every published scaling-law chart: interpolation solid, extrapolation
 * dashed.
 *
 * <pre>{@code
 * double[] grid = Curves.grid(Scale.LOG, 1e18, 1e24, 200);
 * List<Mark.Line> lines = Curves.solidOverData(x -> 40 * Math.pow(x, -0.05), Scale.LOG, 1e18, 1e24,
 *         1e18, 1e22, LineStyle.solid(Colors.C0, 1.8));   // solid to 1e22, dashed beyond
 * }</pre>
 */
public final class Curves {
    /** Samples per curve: smooth at any plot size we draw. */
    public static final int SAMPLES = 240;

    private Curves() {
    }

    /**
     * @param scale the axis scale
     * @param from  first x
     * @param to    last x (≥ from)
     * @param n     number of points, at least 2
     * @return n points from {@code from} to {@code to}, evenly spaced on the scale, ends exact
     */
    public static double[] grid(Scale scale, double from, double to, int n) {
        int m = Math.max(2, n);
        double a = scale.transform(from);
        double b = scale.transform(to);
        double[] out = new double[m];
        for (int i = 0; i < m; i++) {
            out[i] = scale.inverse(a + (b - a) * i / (m - 1));
        }
        out[0] = from;
        out[m - 1] = to;
        return out;
    }

    /**
     * @param f     the curve
     * @param scale the x axis scale
     * @param from  first x
     * @param to    last x
     * @return {x, y} sampled at {@link #SAMPLES} points; empty arrays when {@code to ≤ from}
     */
    public static double[][] sample(DoubleUnaryOperator f, Scale scale, double from, double to) {
        if (!(to > from)) {
            return new double[][] {new double[0], new double[0]};
        }
        double[] x = grid(scale, from, to, SAMPLES);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = f.applyAsDouble(x[i]);
        }
        return new double[][] {x, y};
    }

    /**
     * The curve over [from, to]: solid over [dataMin, dataMax], dashed outside it.
     *
     * @param f       the curve
     * @param scale   the x axis scale
     * @param from    first x drawn
     * @param to      last x drawn
     * @param dataMin first x of the data
     * @param dataMax last x of the data
     * @param solid   the style over the data (its dashed variant is used outside)
     * @return one to three lines, solid last so it paints over the dashed joins
     */
    public static List<Mark.Line> solidOverData(DoubleUnaryOperator f, Scale scale, double from, double to,
                                                double dataMin, double dataMax, LineStyle solid) {
        LineStyle dashed = solid.withDash(LineStyle.Dash.DASHED);
        List<Mark.Line> out = new ArrayList<>();
        double a = Math.max(from, dataMin);
        double b = Math.min(to, dataMax);
        if (from < a) {
            out.add(line(sample(f, scale, from, a), dashed));
        }
        if (b < to) {
            out.add(line(sample(f, scale, Math.max(b, from), to), dashed));
        }
        if (b > a) {
            out.add(line(sample(f, scale, a, b), solid));
        }
        return out;
    }

    /**
     * A tabulated curve cut to [from, to], with its ends interpolated (linearly on the x scale and,
     * when {@code logY}, in ln y).
     *
     * @param x    x values, increasing
     * @param y    y values
     * @param from first x kept
     * @param to   last x kept
     * @param logY interpolate ln y instead of y
     * @param scale the x axis scale
     * @return {x, y} of the part; empty when the interval misses the curve
     */
    public static double[][] part(double[] x, double[] y, double from, double to, boolean logY, Scale scale) {
        List<double[]> pts = new ArrayList<>();
        if (x.length == 0 || !(to > from) || to < x[0] || from > x[x.length - 1]) {
            return new double[][] {new double[0], new double[0]};
        }
        double a = Math.max(from, x[0]);
        double b = Math.min(to, x[x.length - 1]);
        pts.add(new double[] {a, interpolate(x, y, a, logY, scale)});
        for (int i = 0; i < x.length; i++) {
            if (x[i] > a && x[i] < b) {
                pts.add(new double[] {x[i], y[i]});
            }
        }
        pts.add(new double[] {b, interpolate(x, y, b, logY, scale)});
        double[][] out = new double[2][pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            out[0][i] = pts.get(i)[0];
            out[1][i] = pts.get(i)[1];
        }
        return out;
    }

    private static double interpolate(double[] x, double[] y, double at, boolean logY, Scale scale) {
        for (int i = 1; i < x.length; i++) {
            if (x[i] >= at) {
                double span = scale.transform(x[i]) - scale.transform(x[i - 1]);
                double f = span > 0 ? (scale.transform(at) - scale.transform(x[i - 1])) / span : 0;
                return logY ? Math.exp(Math.log(y[i - 1]) + f * (Math.log(y[i]) - Math.log(y[i - 1])))
                        : y[i - 1] + f * (y[i] - y[i - 1]);
            }
        }
        return y[y.length - 1];
    }

    private static Mark.Line line(double[][] xy, LineStyle style) {
        return new Mark.Line(xy[0], xy[1], style);
    }
}
