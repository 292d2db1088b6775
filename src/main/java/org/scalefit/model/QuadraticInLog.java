package org.scalefit.model;

import java.util.List;
import java.util.OptionalDouble;
import org.scalefit.InvalidDataException;
import org.scalefit.Numbers;
import org.scalefit.data.Observations;

/**
 * A power law whose exponent drifts: ln y is quadratic in ln x,
 * y = y0·(x/x0)^(−alpha − beta·ln(x/x0)). It is the natural "is it bending?" alternative to a straight
 * power law (beta = 0) in model comparison: the local exponent −d ln y / d ln x = alpha + 2·beta·ln(x/x0)
 * changes linearly with ln x, so beta &gt; 0 means the curve steepens as x grows and beta &lt; 0 that it
 * flattens (as a loss curve approaching its floor does).
 *
 * <p>x0 is a fixed reference (not fitted), by default a power of ten near the geometric mean of the data,
 * so that y0 is the value in the middle of the data and alpha the local exponent there: the three
 * parameters are then nearly uncorrelated. Parameters: {@code y0} &gt; 0 (units of y), {@code alpha}
 * (local exponent at x0), {@code beta} (per unit of ln x squared). Domain: x &gt; 0. In log space the
 * law is linear in (ln y0, alpha, beta), so the fit is an ordinary quadratic regression and the
 * data-driven guess is already the optimum.
 *
 * <pre>{@code
 * Law law = QuadraticInLog.centredOn(data);               // x0 = 10^round(mean log10 x)
 * Fit fit = Fitter.fit(law, data, FitOptions.defaults());
 * double curvature = fit.value("beta");
 * }</pre>
 */
public final class QuadraticInLog implements Law {
    private static final List<String> PARAMETERS = List.of("y0", "alpha", "beta");
    private final double x0;
    private final double lnX0;

    /**
     * @param x0 the reference x (positive), e.g. 1e20
     * @throws InvalidDataException if x0 is not positive and finite
     */
    public QuadraticInLog(double x0) {
        if (!(x0 > 0) || !Double.isFinite(x0)) {
            throw new InvalidDataException("the reference x0 of the quadratic law must be positive and finite, got " + x0);
        }
        this.x0 = x0;
        this.lnX0 = Math.log(x0);
    }

    /**
     * A quadratic law referenced to a power of ten near the geometric mean of the data's positive x.
     *
     * @param data observations with one predictor
     * @return the law
     */
    public static QuadraticInLog centredOn(Observations data) {
        double s = 0;
        int n = 0;
        for (int i = 0; i < data.size(); i++) {
            if (data.x(i) > 0) {
                s += Math.log10(data.x(i));
                n++;
            }
        }
        return new QuadraticInLog(n == 0 ? 1.0 : Math.pow(10, Math.round(s / n)));
    }

    /** @return the reference x0 */
    public double x0() {
        return x0;
    }

    @Override
    public String name() {
        return "quadratic";
    }

    @Override
    public List<String> predictors() {
        return List.of("x");
    }

    @Override
    public List<String> parameters() {
        return PARAMETERS;
    }

    @Override
    public double value(double[] x, double[] p) {
        return Math.exp(logValue(x, p));
    }

    @Override
    public void gradient(double[] x, double[] p, double[] out) {
        double f = value(x, p);
        logGradient(x, p, out);
        for (int j = 0; j < 3; j++) {
            out[j] *= f;
        }
    }

    @Override
    public double logValue(double[] x, double[] p) {
        if (!(p[0] > 0)) {
            return Double.NaN;
        }
        double u = Math.log(x[0]) - lnX0;
        return Math.log(p[0]) - p[1] * u - p[2] * u * u;
    }

    @Override
    public void logGradient(double[] x, double[] p, double[] out) {
        double u = Math.log(x[0]) - lnX0;
        out[0] = 1.0 / p[0];
        out[1] = -u;
        out[2] = -u * u;
    }

    /** Quadratic regression of ln y on ln(x/x0) over the points with y &gt; 0 (exact in log space). */
    @Override
    public double[] initialGuess(Observations data) {
        int n = data.size();
        double[][] ata = new double[3][3];
        double[] atb = new double[3];
        int used = 0;
        for (int i = 0; i < n; i++) {
            if (!(data.y(i) > 0) || !(data.x(i) > 0)) {
                continue;
            }
            double u = Math.log(data.x(i)) - lnX0;
            double[] row = {1, u, u * u};
            double v = Math.log(data.y(i));
            for (int a = 0; a < 3; a++) {
                atb[a] += row[a] * v;
                for (int b = 0; b < 3; b++) {
                    ata[a][b] += row[a] * row[b];
                }
            }
            used++;
        }
        double[] c = used >= 3 ? Linear.solve(ata, atb) : null;
        if (c == null) {
            double[] pl = new PowerLaw().initialGuess(data);
            return new double[] {pl[0] * Math.exp(-pl[1] * lnX0), pl[1], 0.0};
        }
        return new double[] {Math.exp(c[0]), -c[1], -c[2]};
    }

    /** @return true in log space, where ln f is linear in (ln y0, alpha, beta) */
    @Override
    public boolean singleBasin(Space space) {
        return space == Space.LOG;
    }

    /** @return y0 */
    @Override
    public int[] linearParameters() {
        return new int[] {0};
    }

    @Override
    public ParameterDomain domain(int j) {
        return j == 0 ? ParameterDomain.POSITIVE : ParameterDomain.REAL;
    }

    @Override
    public boolean requiresPositive(int k) {
        return true;
    }

    @Override
    public String formula(List<String> predictorLabels, String responseLabel, double[] values) {
        String ratio = "(" + predictorLabels.get(0) + "/" + Numbers.format(x0, 4) + ")";
        if (values == null) {
            return responseLabel + " = y0·" + ratio + "^(−alpha − beta·ln" + ratio + ")";
        }
        return responseLabel + " = " + Formulas.term("y0", values, 0) + "·" + ratio + "^(" + Numbers.format(-values[1], 5)
                + (values[2] > 0 ? " − " : " + ") + Numbers.format(Math.abs(values[2]), 5) + "·ln" + ratio + ")";
    }

    @Override
    public List<DerivedQuantity> derivedQuantities() {
        return List.of(new DerivedQuantity("exponent_change_per_decade", "",
                "change of the local exponent alpha + 2·beta·ln(x/x0) when x grows tenfold, 2·beta·ln 10",
                p -> 2 * p[2] * Math.log(10)));
    }

    /**
     * Solves beta·u² + alpha·u + ln(target/y0) = 0 for u = ln(x/x0) and returns the root nearest to x0 (the
     * branch the data describe); empty when the parabola never reaches the target.
     */
    @Override
    public OptionalDouble solveForX(double target, double[] p) {
        if (!(target > 0) || !(p[0] > 0)) {
            return OptionalDouble.empty();
        }
        double c = Math.log(target) - Math.log(p[0]);
        double u;
        if (Math.abs(p[2]) < 1e-300) {
            if (p[1] == 0) {
                return OptionalDouble.empty();
            }
            u = -c / p[1];
        } else {
            double disc = p[1] * p[1] - 4 * p[2] * c;
            if (disc < 0) {
                return OptionalDouble.empty();
            }
            // The numerically stable pair of roots; keep the smaller |u|.
            double q = -0.5 * (p[1] + Math.copySign(Math.sqrt(disc), p[1]));
            double r1 = q / p[2];
            double r2 = q != 0 ? c / q : r1;
            u = Math.abs(r1) < Math.abs(r2) ? r1 : r2;
        }
        double x = Math.exp(u + lnX0);
        return Double.isFinite(x) && x > 0 ? OptionalDouble.of(x) : OptionalDouble.empty();
    }

    @Override
    public String toString() {
        return formula();
    }
}
