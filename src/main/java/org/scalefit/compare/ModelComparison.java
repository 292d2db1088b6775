package org.scalefit.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.scalefit.InvalidDataException;
import org.scalefit.InvalidOptionException;
import org.scalefit.Numbers;
import org.scalefit.OptionKey;
import org.scalefit.Progress;
import org.scalefit.ScalefitException;
import org.scalefit.data.Observations;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.stats.Parallel;
import org.scalefit.fit.Starts;
import org.scalefit.model.Law;
import org.scalefit.model.Space;

/**
 * "Is it an exponential? Could it be a power law? Is it bending?" Fits several laws to the same data in
 * one residual space and ranks them.
 *
 * <p>For each candidate: the full-data fit and its AIC, AICc and BIC (Gaussian likelihood in the
 * comparison space, noise scale counted as a parameter); the leave-one-out prediction error (refits
 * warm-started from the full fit); and an extrapolation backtest (a fresh fit on all but the k largest
 * x, predicting those). A candidate with too few points for its parameters (AICc needs n ≥ m + 3), one
 * the data cannot be used with, or one whose fit fails, is skipped with the reason. When no candidate
 * is left to rank, the comparison fails with one line giving the first reason (bad input when the
 * data were refused, a failed fit otherwise) instead of returning an empty ranking.
 *
 * <p><b>The verdict.</b> Candidates are ranked by the criterion (AICc by default); Δ is the distance to
 * the best and the weights exp(−Δ/2)/Σ are Akaike weights. Laws within Δ &lt; 2 of the best are
 * <i>leaders</i>, equally supported (Burnham &amp; Anderson 2002). One leader wins outright, and the Δ
 * to the runner-up says how strongly (2–4 some, 4–10 strong, ≥ 10 decisive evidence). Several leaders:
 * if the simplest of them is a special case of every other leader (a power law of an offset power law,
 * say), it wins, because the others fit about as well only by adding parameters the data do not support
 * (Arnold 2010's "uninformative parameters"); otherwise the answer is "cannot tell" and {@code best} is
 * empty.
 *
 * <pre>{@code
 * List<Law> laws = List.of(new PowerLaw(), new OffsetPowerLaw(), new Exponential(),
 *         QuadraticInLog.centredOn(data), new BrokenPowerLaw(1));
 * Comparison c = ModelComparison.run(laws, data, ComparisonOptions.defaults());
 * System.out.println(c.verdict());
 * }</pre>
 */
public final class ModelComparison {
    private ModelComparison() {
    }

    /**
     * @param laws    the candidates (distinct names), single-predictor laws
     * @param data    the observations
     * @param options criterion, backtest size, fit options, threads
     * @return the ranking and the verdict
     * @throws InvalidDataException when no law is given, the holdout leaves too few points to fit anything,
     *                              or no law could be fitted and at least one was refused for its data (too few
     *                              points, values it cannot take)
     * @throws org.scalefit.FitFailedException when no law could be fitted because every fit failed
     */
    public static Comparison run(List<Law> laws, Observations data, ComparisonOptions options) {
        return run(laws, data, options, Progress.NONE);
    }

    /**
     * The same comparison, telling {@code progress} as each law is fitted, cross-validated and backtested
     * (one unit per law). The result does not depend on the listener.
     *
     * <pre>{@code
     * Comparison c = ModelComparison.run(laws, data, ComparisonOptions.defaults(), (done, total) -> { });
     * }</pre>
     *
     * @param laws     the candidates (distinct names), single-predictor laws
     * @param data     the observations
     * @param options  criterion, backtest size, fit options, threads
     * @param progress told of each law evaluated
     * @return the ranking and the verdict
     * @throws InvalidDataException when no law is given, the holdout leaves too few points to fit anything,
     *                              or no law could be fitted and at least one was refused for its data
     * @throws org.scalefit.FitFailedException when no law could be fitted because every fit failed
     */
    public static Comparison run(List<Law> laws, Observations data, ComparisonOptions options, Progress progress) {
        if (laws.isEmpty()) {
            throw new InvalidDataException("no laws to compare");
        }
        int n = data.size();
        int k = options.holdoutLargest();
        if (k >= n) {
            throw new InvalidOptionException(OptionKey.HOLDOUT_LARGEST.with(String.valueOf(k)) + " leaves nothing to fit: " + data.source()
                    + " has " + n + " point" + (n == 1 ? "" : "s"));
        }
        Space space = options.space();
        FitOptions fitOptions = options.fitOptions().toBuilder().space(space).threads(options.threads())
                .stallTolerance(options.fitOptions().stallTolerance() > 0 ? options.fitOptions().stallTolerance()
                        : FitOptions.REFIT_STALL_TOLERANCE).build();
        List<Candidate> fitted = new ArrayList<>();
        List<Candidate> skipped = new ArrayList<>();
        String firstBadData = null;
        progress.update(0, laws.size());
        for (Law law : laws) {
            Candidate c;
            try {
                c = evaluate(law, data, fitOptions, options);
            } catch (InvalidDataException e) {
                c = skip(law.name(), e.template(), k);
                firstBadData = firstBadData == null ? e.template() : firstBadData;
            }
            (c.fitted() ? fitted : skipped).add(c);
            progress.update(fitted.size() + skipped.size(), laws.size());
        }
        if (fitted.isEmpty()) {
            // Nothing to rank: one line with the first reason, as bad input when the data were the problem.
            String first = firstBadData != null ? firstBadData : skipped.get(0).skipTemplate().orElse("");
            String message = "none of the " + laws.size() + " law" + (laws.size() == 1 ? "" : "s") + " could be fitted to "
                    + data.source() + " (" + n + " point" + (n == 1 ? "" : "s") + "); the first reason: " + first;
            if (firstBadData != null) {
                throw new InvalidDataException(message);
            }
            throw new org.scalefit.FitFailedException(message);
        }
        List<Candidate> ranking = rank(fitted, options.criterion());
        Verdict v = verdict(ranking, options);
        return new Comparison(ranking, skipped, v.best, v.words, options.criterion(), space, k);
    }

    private static Candidate skip(String law, String reason, int holdout) {
        return new Candidate(law, Optional.empty(), Optional.of(reason), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                0, new Backtest(holdout, 0, Double.NaN, Double.NaN, Double.NaN, "law skipped"), 0);
    }

    private static Candidate evaluate(Law law, Observations data, FitOptions fitOptions, ComparisonOptions options) {
        int n = data.size();
        int m = law.parameters().size() - fitOptions.fixed().size();
        int holdout = options.holdoutLargest();
        if (data.predictorCount() != 1 || law.predictors().size() != 1) {
            throw new InvalidDataException("model comparison takes laws of one predictor; " + law.name() + " takes "
                    + law.predictors().size());
        }
        if (n < m + 3) {
            throw new InvalidDataException(law.name() + " has " + m + " parameters; AICc needs at least " + (m + 3)
                    + " points (parameters, noise scale and one to spare), the data have " + n);
        }
        Fit fit;
        try {
            fit = Fitter.fit(law, data, fitOptions);
        } catch (InvalidDataException e) {
            throw e;
        } catch (ScalefitException e) {
            return skip(law.name(), e.template(), holdout);
        }
        if (!fit.converged()) {
            return skip(law.name(), "the fit did not converge: " + fit.convergenceReason(), holdout);
        }
        double[] loo = options.leaveOneOut() ? leaveOneOut(fit, options.threads()) : new double[0];
        double sum = 0;
        int ok = 0;
        for (double e : loo) {
            if (Double.isFinite(e)) {
                sum += e * e;
                ok++;
            }
        }
        double looRmse = ok > 0 ? Math.sqrt(sum / ok) : Double.NaN;
        Backtest bt = backtest(law, data, fitOptions, holdout);
        return new Candidate(law.name(), Optional.of(fit), Optional.empty(), options.criterion().of(fit), 0, 0, looRmse,
                loo.length - ok, bt, 0);
    }

    /** Prediction error at each point from a refit without it (NaN where the refit failed). */
    private static double[] leaveOneOut(Fit fit, int threads) {
        Observations data = fit.data();
        int n = data.size();
        FitOptions warm = fit.options().toBuilder().starts(Starts.warm(fit.values())).threads(1).build();
        double[] err = new double[n];
        Parallel.forEach(threads, n, i -> {
            int[] keep = new int[n - 1];
            for (int j = 0, m = 0; j < n; j++) {
                if (j != i) {
                    keep[m++] = j;
                }
            }
            try {
                Fit f = Fitter.fit(fit.law(), data.select(keep), warm);
                err[i] = f.converged() ? f.residualAt(data.y(i), data.x(i)) : Double.NaN;
            } catch (ScalefitException e) {
                err[i] = Double.NaN;
            }
        });
        return err;
    }

    /** A fresh fit (its own starts, never the full-data optimum) on all but the k largest x. */
    private static Backtest backtest(Law law, Observations data, FitOptions fitOptions, int k) {
        int n = data.size();
        if (k == 0) {
            return new Backtest(0, n, Double.NaN, Double.NaN, Double.NaN, "no backtest requested");
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> data.x(i)).thenComparingInt(i -> i));
        int[] train = new int[n - k];
        for (int i = 0; i < n - k; i++) {
            train[i] = order[i];
        }
        int m = law.parameters().size() - fitOptions.fixed().size();
        if (n - k < m + 1) {
            return new Backtest(k, n - k, Double.NaN, Double.NaN, Double.NaN, law.name() + " has " + m
                    + " parameters; the " + (n - k) + " points left after holding out " + k + " are too few");
        }
        Fit f;
        try {
            f = Fitter.fit(law, data.select(train), fitOptions);
        } catch (ScalefitException e) {
            return new Backtest(k, n - k, Double.NaN, Double.NaN, Double.NaN, "training fit failed: " + e.getMessage());
        }
        if (!f.converged()) {
            return new Backtest(k, n - k, Double.NaN, Double.NaN, Double.NaN,
                    "training fit did not converge: " + f.convergenceReason());
        }
        double s2 = 0;
        double s = 0;
        double max = 0;
        for (int j = n - k; j < n; j++) {
            int i = order[j];
            double e = f.residualAt(data.y(i), data.x(i));
            if (!Double.isFinite(e)) {
                return new Backtest(k, n - k, Double.NaN, Double.NaN, Double.NaN,
                        "the trained law cannot be evaluated at row " + data.row(i));
            }
            s2 += e * e;
            s += e;
            max = Math.max(max, Math.abs(e));
        }
        return new Backtest(k, n - k, Math.sqrt(s2 / k), s / k, max, "");
    }

    private static List<Candidate> rank(List<Candidate> fitted, Criterion criterion) {
        List<Candidate> sorted = new ArrayList<>(fitted);
        sorted.sort(Comparator.comparingDouble(Candidate::score).thenComparing(Candidate::law));
        if (sorted.isEmpty()) {
            return sorted;
        }
        double best = sorted.get(0).score();
        double total = 0;
        for (Candidate c : sorted) {
            total += Math.exp(-(c.score() - best) / 2);
        }
        List<Candidate> out = new ArrayList<>();
        for (int r = 0; r < sorted.size(); r++) {
            Candidate c = sorted.get(r);
            double delta = c.score() - best;
            out.add(new Candidate(c.law(), c.fit(), c.skipTemplate(), c.score(), delta, Math.exp(-delta / 2) / total,
                    c.looRmse(), c.looFailed(), c.backtest(), r + 1));
        }
        return out;
    }

    private record Verdict(Optional<String> best, String words) {
    }

    private static Verdict verdict(List<Candidate> ranking, ComparisonOptions options) {
        String crit = options.criterion().label();
        double threshold = options.evidenceThreshold();
        if (ranking.isEmpty()) {
            return new Verdict(Optional.empty(), "cannot tell: no law could be fitted to these data");
        }
        Candidate top = ranking.get(0);
        if (ranking.size() == 1) {
            return new Verdict(Optional.of(top.law()), top.law() + " is the only law that could be fitted; "
                    + "there is nothing to compare it with");
        }
        List<Candidate> leaders = new ArrayList<>();
        for (Candidate c : ranking) {
            if (c.delta() < threshold) {
                leaders.add(c);
            }
        }
        String words;
        Optional<String> best;
        if (leaders.size() == 1) {
            Candidate second = ranking.get(1);
            double d = second.delta();
            best = Optional.of(top.law());
            words = top.law() + " wins with " + strength(d) + ": " + crit + " is " + Numbers.format(d, 3)
                    + " lower than for the runner-up " + second.law() + " (evidence ratio "
                    + ratio(d) + ":1, " + weightWord(options) + " " + Numbers.format(top.weight(), 3) + ")";
        } else {
            Candidate simplest = simplestNested(leaders);
            if (simplest != null) {
                List<String> others = new ArrayList<>();
                for (Candidate c : leaders) {
                    if (c != simplest) {
                        others.add(c.law());
                    }
                }
                Candidate outside = firstOutside(ranking, leaders);
                best = Optional.of(simplest.law());
                words = simplest.law() + " is preferred: " + String.join(" and ", others) + " fit"
                        + (others.size() == 1 ? "s" : "") + " about as well (Δ" + crit + " < " + Numbers.format(threshold, 3)
                        + ") only by adding parameters the data do not support, since " + simplest.law()
                        + " is a special case of " + (others.size() == 1 ? "it" : "each")
                        + (outside == null ? "" : "; the next law, " + outside.law() + ", is " + Numbers.format(outside.delta(), 3)
                        + " behind (" + strength(outside.delta()) + " against it)");
            } else {
                best = Optional.empty();
                List<String> names = new ArrayList<>();
                for (Candidate c : leaders) {
                    names.add(c.law() + " (" + weightWord(options) + " " + Numbers.format(c.weight(), 2) + ")");
                }
                words = "cannot tell: " + String.join(", ", names) + " are within Δ" + crit + " < "
                        + Numbers.format(threshold, 3) + " of each other and none is a special case of the others; "
                        + "more points, or points over a wider range of x, would separate them";
            }
        }
        String bt = backtestNote(ranking, best);
        return new Verdict(best, bt.isEmpty() ? words : words + ". " + bt);
    }

    private static String weightWord(ComparisonOptions options) {
        return options.criterion() == Criterion.BIC ? "Schwarz weight" : "Akaike weight";
    }

    private static Candidate firstOutside(List<Candidate> ranking, List<Candidate> leaders) {
        for (Candidate c : ranking) {
            if (!leaders.contains(c)) {
                return c;
            }
        }
        return null;
    }

    /** The leader with fewest parameters that is nested in every other leader, or null. */
    private static Candidate simplestNested(List<Candidate> leaders) {
        for (Candidate c : leaders) {
            boolean nested = true;
            for (Candidate o : leaders) {
                if (o != c && !Nesting.nestedIn(c.law(), o.law())) {
                    nested = false;
                    break;
                }
            }
            if (nested) {
                return c;
            }
        }
        return null;
    }

    private static String strength(double delta) {
        if (delta >= 10) {
            return "decisive evidence";
        }
        if (delta >= 4) {
            return "strong evidence";
        }
        if (delta >= 2) {
            return "some evidence";
        }
        return "no real evidence";
    }

    private static String ratio(double delta) {
        double r = Math.exp(delta / 2);
        return r > 1e6 ? "> 10⁶" : Numbers.format(r, 3);
    }

    /** Mentions a disagreement between the verdict and the extrapolation backtest. */
    private static String backtestNote(List<Candidate> ranking, Optional<String> best) {
        Candidate bestBt = null;
        for (Candidate c : ranking) {
            if (c.backtest().available() && (bestBt == null || c.backtest().rmse() < bestBt.backtest().rmse())) {
                bestBt = c;
            }
        }
        if (bestBt == null) {
            return "";
        }
        Candidate chosen = null;
        for (Candidate c : ranking) {
            if (best.isPresent() && c.law().equals(best.get())) {
                chosen = c;
            }
        }
        if (chosen == null || chosen == bestBt || !chosen.backtest().available()) {
            return chosen == bestBt ? "It also extrapolates best in the backtest (" + chosen.backtest().holdout()
                    + " largest x held out)" : "";
        }
        return "Note: in the backtest (" + bestBt.backtest().holdout() + " largest x held out) " + bestBt.law()
                + " extrapolates better (RMSE " + Numbers.format(bestBt.backtest().rmse(), 3) + " vs "
                + Numbers.format(chosen.backtest().rmse(), 3) + ")";
    }
}
