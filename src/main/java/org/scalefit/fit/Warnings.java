package org.scalefit.fit;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.scalefit.Numbers;
import org.scalefit.OptionKey;
import org.scalefit.data.Observations;
import org.scalefit.model.Space;

/**
 * Warnings about an answer that is a fit but may mislead: an asymptote below zero under positive data, errors
 * of y given where the fit wants errors of ln y, and robust-loss standard errors that understate the spread.
 * Each says what to do, naming options through {@link OptionKey}.
 */
final class Warnings {
    /** Below this share of residuals inside Huber's δ the sandwich standard errors lean on a density estimate. */
    static final double HUBER_INSIDE = 0.5;

    private Warnings() {
    }

    /**
     * A loss, an error rate or a horizon cannot go below zero: when every y is positive and the law's
     * asymptote (E of an offset power law or Chinchilla's law) is negative, the curve crosses zero beyond the
     * data, so every extrapolation past that point is meaningless.
     */
    static void asymptoteBelowZero(Problem problem, Observations data, double[] p, List<String> warnings) {
        OptionalInt a = problem.law.asymptote(p);
        if (a.isEmpty() || !(p[a.getAsInt()] < 0)) {
            return;
        }
        for (int i = 0; i < data.size(); i++) {
            if (!(data.y(i) > 0)) {
                return;
            }
        }
        String name = problem.law.parameters().get(a.getAsInt());
        String cross = "";
        if (problem.law.predictors().size() == 1) {
            OptionalDouble x = problem.law.solveForX(0, p);
            if (x.isPresent()) {
                cross = " (at " + problem.law.predictors().get(0) + " = " + Numbers.format(x.getAsDouble(), 3) + ")";
            }
        }
        warnings.add(name + " = " + Numbers.format(p[a.getAsInt()], 4) + " is below zero: the curve's asymptote is negative, so"
                + " it crosses zero beyond the data" + cross + " although every y is positive — unphysical for a loss,"
                + " an error rate or any positive quantity; keep it at or above zero with "
                + OptionKey.BOUND.with(name + "=0:"));
    }

    /**
     * A curve flat at its asymptote over the whole data range: every other term has vanished there (below 1e-9 of the
     * asymptote), so the shape parameters carry no information (on flat data an offset power law ends with alpha at 10
     * and A at 1e117, the power term below 1e-60): say so, so that their values are not read as estimates.
     */
    static void flatAtAsymptote(Problem problem, Observations data, double[] p, List<String> warnings) {
        OptionalInt a = problem.law.asymptote(p);
        if (a.isEmpty() || problem.m < 2) {
            return;
        }
        double level = p[a.getAsInt()];
        double[] x = new double[data.predictorCount()];
        for (int i = 0; i < data.size(); i++) {
            for (int k = 0; k < x.length; k++) {
                x[k] = data.x(k, i);
            }
            if (!(Math.abs(problem.law.value(x, p) - level) <= 1e-9 * Math.abs(level))) {
                return;
            }
        }
        List<String> shape = new java.util.ArrayList<>();
        for (int j = 0; j < problem.m; j++) {
            if (problem.free[j] != a.getAsInt()) {
                shape.add(problem.law.parameters().get(problem.free[j]));
            }
        }
        String name = problem.law.parameters().get(a.getAsInt());
        warnings.add("the fitted curve is flat at " + name + " = " + Numbers.format(level, 4) + " over the data: its other terms"
                + " vanish there (below 1e-9 of " + name + "), so " + String.join(", ", shape) + (shape.size() == 1 ? " is" : " are")
                + " not determined and " + (shape.size() == 1 ? "its value means" : "their values mean") + " nothing; the data"
                + " show no trend that " + problem.law.name() + " can follow");
    }

    /**
     * In log space a sigma is the error of ln y (a relative error). Errors of y in its own units grow with y:
     * when the sigmas span more than a decade and rise with y (log-log slope above one half, correlation above
     * 0.7), they were most likely given in the units of y, and they weight the points wrongly.
     */
    static void sigmaLooksLikeErrorsOfY(Problem problem, Observations data, List<String> warnings) {
        if (problem.space != Space.LOG || !data.weightsAreInverseVariances() || data.size() < 3) {
            return;
        }
        int n = data.size();
        double[] ls = new double[n];
        double[] ly = new double[n];
        for (int i = 0; i < n; i++) {
            ls[i] = -0.5 * Math.log(data.weight(i));
            ly[i] = Math.log(data.y(i));
        }
        double spread = Arrays.stream(ls).max().getAsDouble() - Arrays.stream(ls).min().getAsDouble();
        double my = Arrays.stream(ly).average().getAsDouble();
        double ms = Arrays.stream(ls).average().getAsDouble();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (ly[i] - my) * (ls[i] - ms);
            sxx += (ly[i] - my) * (ly[i] - my);
            syy += (ls[i] - ms) * (ls[i] - ms);
        }
        if (!(sxx > 0 && syy > 0)) {
            return;
        }
        double slope = sxy / sxx;
        double r = sxy / Math.sqrt(sxx * syy);
        if (spread > Math.log(10) && slope > 0.5 && r > 0.7) {
            warnings.add("the sigmas (" + OptionKey.SIGMA.label() + ") grow with y (log-log slope " + Numbers.format(slope, 2)
                    + ", spanning " + Numbers.format(Math.exp(spread), 2) + "×): in a log-space fit a sigma is the error"
                    + " of ln y, a relative error, but these look like errors of y in its own units; if so, give sigma/y"
                    + " (the relative error) instead, or fit in linear space (" + OptionKey.SPACE.with("linear") + ")");
        }
    }

    /**
     * With most residuals beyond Huber's δ the estimator is close to least absolute deviations, and its sandwich
     * standard errors rest on an estimate of the residuals' density at zero: on real data they can be half the
     * bootstrap's (Epoch's Chinchilla fit). Say which to quote.
     */
    static void robustStandardErrors(Loss loss, double[] residuals, List<String> warnings) {
        if (!(loss instanceof Loss.Huber h)) {
            return;
        }
        int inside = 0;
        for (double r : residuals) {
            inside += Math.abs(r) <= h.delta() ? 1 : 0;
        }
        double share = (double) inside / residuals.length;
        if (share < HUBER_INSIDE) {
            warnings.add("only " + Numbers.format(100 * share, 2) + "% of the residuals lie inside Huber's delta, so the"
                    + " standard errors come from the asymptotic sandwich formula near least absolute deviations and can"
                    + " understate the spread (on Epoch's Chinchilla data about half the bootstrap's): quote bootstrap"
                    + " intervals (" + OptionKey.BOOTSTRAP.with("1000") + ")");
        }
    }
}
