package org.scalefit.downstream;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scalefit.Numbers;
import org.scalefit.ScalefitException;
import org.scalefit.model.Law;

/**
 * A backtest of a downstream prediction: leave the largest fitting runs out (by compute C = 6·N·D),
 * refit both steps on the others, predict the held-out runs, and say whether the task was predictable.
 *
 * <p><b>Verdict.</b> Scaling laws of downstream metrics often do not extrapolate (Lourie et al. 2025
 * find a clean linear trend in only about 39% of the task and setting pairs they examine), so each task
 * gets a verdict from its own held-out runs: {@code PREDICTABLE} when every held-out metric lies in its
 * two-step new-run 95% interval (delta method, {@link DownstreamFit}) <i>and</i> the two-step predictions
 * are closer on average (mean absolute error) than the flat baseline, which predicts that a held-out
 * run scores what the largest remaining run scored (no further improvement). Otherwise {@code MISSES}
 * (some held-out metric outside its interval: the trend broke or the interval is too narrow) or
 * {@code NO_BETTER_THAN_FLAT} (the trend adds nothing over assuming no improvement). {@code NOT_POSSIBLE}
 * when holding out even one run would leave a law with no degree of freedom.
 *
 * <p>A held-out run is compared at its row of largest compute in the loss fit (its final checkpoint),
 * or, for a run only in the link fit, at its row of largest compute (the first such row at a tie). Runs
 * without N &gt; 0 and D &gt; 0 (an anchor point) are never held out.
 *
 * <pre>{@code
 * BacktestResult b = Backtest.run(fit, Backtest.defaultHoldOut(fit));
 * System.out.println(b.verdict() + ": " + b.explanation());
 * }</pre>
 */
public final class Backtest {
    /** The default share of the loss fit's runs held out (at least one). */
    public static final double DEFAULT_SHARE = 0.25;

    private Backtest() {
    }

    /**
     * @param fit a two-step fit
     * @return a quarter of the loss fit's runs, rounded, at least 1
     */
    public static int defaultHoldOut(DownstreamFit fit) {
        Set<String> units = new HashSet<>();
        for (int i : fit.data().lossFitRows()) {
            units.add(fit.data().rows().get(i).unit());
        }
        return Math.max(1, (int) Math.round(DEFAULT_SHARE * units.size()));
    }

    /**
     * @param fit     the fit on all runs
     * @param holdOut how many of the largest runs to hold out (≥ 1)
     * @return the backtest
     * @throws DownstreamInputException if {@code holdOut} &lt; 1
     */
    public static BacktestResult run(DownstreamFit fit, int holdOut) {
        if (holdOut < 1) {
            throw new DownstreamInputException(DownstreamInputException.Part.SETTING,
                    "a backtest holds out at least 1 run, got " + holdOut);
        }
        DownstreamData data = fit.data();
        Map<String, Integer> point = comparisonRows(data);
        List<String> ranked = new ArrayList<>(point.keySet());
        ranked.sort(Comparator.comparingDouble((String u) -> -data.rows().get(point.get(u)).compute()));
        if (holdOut >= ranked.size()) {
            return BacktestResult.notPossible("holding out " + holdOut + " of " + ranked.size() + " runs leaves none to fit");
        }
        Set<String> out = new HashSet<>(ranked.subList(0, holdOut));
        int lossLeft = 0;
        int linkLeft = 0;
        for (DownstreamData.Row r : data.rows()) {
            if (!out.contains(r.unit())) {
                lossLeft += r.lossFit() ? 1 : 0;
                linkLeft += r.metricFit() ? 1 : 0;
            }
        }
        String tooFew = tooFew(fit.lossFit().law(), fit.lossFit().freeParameters(), lossLeft, "loss law", holdOut);
        if (tooFew == null) {
            tooFew = tooFew(fit.linkFit().law(), fit.linkFit().freeParameters(), linkLeft, "link", holdOut);
        }
        if (tooFew != null) {
            return BacktestResult.notPossible(tooFew);
        }
        DownstreamFit refit;
        try {
            refit = TwoStep.fit(data.holdingOut(out), fit.model());
        } catch (ScalefitException e) {
            return BacktestResult.notPossible("the fits without the " + holdOut + " largest runs failed: " + e.getMessage());
        }
        List<String> heldOut = ranked.subList(0, holdOut);
        // The flat baseline: the metric of the largest remaining run that has one.
        double flatValue = Double.NaN;
        for (String u : ranked.subList(holdOut, ranked.size())) {
            double m = data.rows().get(point.get(u)).metric();
            if (Double.isFinite(m)) {
                flatValue = m;
                break;
            }
        }
        List<DownstreamPrediction> predictions = new ArrayList<>();
        List<Double> flat = new ArrayList<>();
        double sum = 0;
        double sumDirect = 0;
        double sumFlat = 0;
        int compared = 0;
        int covered = 0;
        for (String u : heldOut) {
            DownstreamData.Row r = data.rows().get(point.get(u));
            DownstreamPrediction p = refit.predict(new PredictPoint(u, r.n(), r.d(), r.loss(), r.metric()));
            predictions.add(p);
            flat.add(flatValue);
            if (Double.isFinite(r.metric())) {
                compared++;
                sum += Math.abs(p.metric().value() - r.metric());
                sumDirect += p.direct() == null ? Double.NaN : Math.abs(p.direct().value() - r.metric());
                sumFlat += Math.abs(flatValue - r.metric());
                covered += p.metric().covers(r.metric()) ? 1 : 0;
            }
        }
        if (compared == 0) {
            return BacktestResult.notPossible("none of the " + holdOut + " held-out runs has an observed metric");
        }
        double mae = sum / compared;
        double maeDirect = sumDirect / compared;
        double maeFlat = sumFlat / compared;
        BacktestResult.Verdict verdict;
        String why;
        String errors = "mean absolute error " + Numbers.format(mae, 3) + " (flat baseline " + Numbers.format(maeFlat, 3) + ")";
        if (covered < compared) {
            verdict = BacktestResult.Verdict.MISSES;
            why = (compared - covered) + " of " + compared + " held-out runs outside their 95% interval; " + errors;
        } else if (!(mae < maeFlat)) {
            verdict = BacktestResult.Verdict.NO_BETTER_THAN_FLAT;
            why = "every held-out run inside its 95% interval, but no closer than assuming no improvement; " + errors;
        } else {
            verdict = BacktestResult.Verdict.PREDICTABLE;
            why = "every held-out run inside its 95% interval; " + errors;
        }
        return new BacktestResult(heldOut, predictions, flat, mae, maeDirect, maeFlat, covered, compared, verdict, why);
    }

    /** A reason when the remaining points leave a law with no degree of freedom, else null. */
    private static String tooFew(Law law, int free, int left, String what, int holdOut) {
        int need = Math.max(free + 1, law.minimumPoints());
        if (left < need) {
            return "holding out the " + (holdOut == 1 ? "largest run" : holdOut + " largest runs") + " leaves the " + what
                    + " (" + law.name() + ", " + free + " free parameters) " + left + " point" + (left == 1 ? "" : "s")
                    + ", fewer than the " + need + " it needs to be fitted with a degree of freedom";
        }
        return null;
    }

    /** Per run with N and D: the row it is compared at (largest compute in the loss fit, else in the link fit). */
    static Map<String, Integer> comparisonRows(DownstreamData data) {
        Map<String, Integer> best = new LinkedHashMap<>();
        Map<String, Boolean> inLoss = new LinkedHashMap<>();
        for (int i = 0; i < data.rows().size(); i++) {
            DownstreamData.Row r = data.rows().get(i);
            if (!(r.lossFit() || r.metricFit()) || !(r.n() > 0 && r.d() > 0)) {
                continue;
            }
            Integer cur = best.get(r.unit());
            boolean loss = r.lossFit();
            if (cur == null || (loss && !inLoss.get(r.unit()))
                    || (loss == inLoss.get(r.unit()) && r.compute() > data.rows().get(cur).compute())) {
                best.put(r.unit(), i);
                inLoss.put(r.unit(), loss);
            }
        }
        return best;
    }
}
