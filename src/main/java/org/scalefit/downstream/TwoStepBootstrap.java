package org.scalefit.downstream;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.scalefit.InvalidDataException;
import org.scalefit.Progress;
import org.scalefit.ScalefitException;
import org.scalefit.data.Observations;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Refit;
import org.scalefit.fit.Starts;
import org.scalefit.fit.WarmRefits;
import org.scalefit.model.Space;
import org.scalefit.stats.Parallel;
import org.scalefit.stats.Seeds;
import org.scalefit.stats.Stream;
import org.scalefit.uncertainty.BootstrapResult;

/**
 * A bootstrap of the whole two-step prediction: each replicate resamples <i>model runs</i> and refits
 * <i>both</i> steps (and the direct form), so the metric's interval carries the loss law's uncertainty,
 * not only the link's.
 *
 * <p><b>Resampling.</b> The units are the model runs (rows sharing a run id move together: a run's final
 * loss and its checkpoints' (loss, metric) pairs). Runs are grouped by the fits they take part in — loss
 * fit only, link fit only, both — and each group is resampled with replacement to its own size, so every
 * replicate keeps the design of the original: as many loss-law runs, as many link-only runs (e.g. Gadre et
 * al.'s 1.4B run at M = 20, or the OLMo ladder's anchor point, a group of one that is always kept). A
 * replicate whose runs do not determine a law — fewer distinct points than free parameters, which happens
 * often when a law has barely more runs than parameters — is counted as failed with its reason, as is a
 * refit that does not converge; failures are reported, never silently dropped, and intervals come from
 * the replicates that succeeded.
 *
 * <p><b>Refits and intervals.</b> Each refit starts at the full-data optimum with the full fit's options.
 * Intervals are percentile intervals of the replicate predictions at the fits' confidence level; the
 * new-run interval adds to each replicate a draw of the full fits' residual scatter (in each fit's space,
 * the loss scatter carried through the link). Replicate i draws its runs from
 * {@code Seeds.random(seed, Stream.DOWNSTREAM_BOOTSTRAP, i)} and its scatter from {@code Seeds.random(seed, Stream.DOWNSTREAM_SCATTER, i)}, and
 * results are stored by index: the same answer on one thread or sixteen.
 *
 * <pre>{@code
 * TwoStepBootstrap.Result b = TwoStepBootstrap.run(fit, fit.targets(), 1000, 20240229L, 4, Progress.NONE);
 * DownstreamPrediction p = b.predictions().get(0);   // values of the full fit, bootstrap intervals
 * System.out.println(b.succeeded() + " of " + b.requested() + " replicates");
 * }</pre>
 */
public final class TwoStepBootstrap {

    private TwoStepBootstrap() {
    }

    /**
     * The outcome: the replicate predictions at each point and the intervals they give.
     *
     * @param points      the points predicted
     * @param predictions per point: the full fit's values with bootstrap-percentile intervals
     * @param requested   replicates asked for
     * @param succeeded   replicates whose loss law and link were both refitted
     * @param failures    the reasons of the failed replicates, in replicate order
     * @param directFailed replicates (among the succeeded) whose direct form could not be refitted
     * @param seed        the seed
     * @param loss        replicate × point: the replicates' predicted losses
     * @param metric      replicate × point: the replicates' predicted metrics
     */
    public record Result(List<PredictPoint> points, List<DownstreamPrediction> predictions, int requested, int succeeded,
                         List<String> failures, int directFailed, long seed, double[][] loss, double[][] metric) {
        /**
         * Copies the lists and arrays.
         *
         * @param points       the points predicted
         * @param predictions  per point: the full fit's values with bootstrap-percentile intervals
         * @param requested    replicates asked for
         * @param succeeded    replicates whose loss law and link were both refitted
         * @param failures     the reasons of the failed replicates, in replicate order
         * @param directFailed replicates whose direct form could not be refitted
         * @param seed         the seed
         * @param loss         replicate × point: the replicates' predicted losses
         * @param metric       replicate × point: the replicates' predicted metrics
         */
        public Result {
            points = List.copyOf(points);
            predictions = List.copyOf(predictions);
            failures = List.copyOf(failures);
            loss = deepCopy(loss);
            metric = deepCopy(metric);
        }

        /** @return replicates that failed */
        public int failed() {
            return requested - succeeded;
        }

        /**
         * @return a caveat when more than a fifth of the replicates failed: the intervals then describe only the
         *         resamples whose runs still determine both laws, and are optimistic
         */
        public java.util.Optional<String> caveat() {
            if (failed() <= 0.2 * requested) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(Math.round(100.0 * failed() / requested) + "% of the replicates could not be fitted: "
                    + "the intervals describe only the resamples whose runs still determine both laws, and are optimistic");
        }

        /** @return replicate × point: the replicates' predicted losses (a copy) */
        @Override
        public double[][] loss() {
            return deepCopy(loss);
        }

        /** @return replicate × point: the replicates' predicted metrics (a copy) */
        @Override
        public double[][] metric() {
            return deepCopy(metric);
        }

        private static double[][] deepCopy(double[][] a) {
            double[][] c = new double[a.length][];
            for (int i = 0; i < a.length; i++) {
                c[i] = a[i].clone();
            }
            return c;
        }
    }

    /**
     * @param fit        the full-data two-step fit
     * @param points     the models to predict
     * @param replicates number of replicates (≥ 1)
     * @param seed       the seed
     * @param threads    worker threads (≥ 1); does not change the result
     * @param progress   told of completed replicates
     * @return the replicate predictions and their intervals
     * @throws InvalidDataException if {@code replicates} &lt; 1
     */
    public static Result run(DownstreamFit fit, List<PredictPoint> points, int replicates, long seed, int threads,
                             Progress progress) {
        if (replicates < 1) {
            throw new DownstreamInputException(DownstreamInputException.Part.SETTING,
                    "a bootstrap needs at least 1 replicate, got " + replicates);
        }
        Objects.requireNonNull(progress, "progress");
        DownstreamData data = fit.data();
        List<int[]> groups = strata(data);
        int p = points.size();
        double[][] loss = new double[replicates][];
        double[][] metric = new double[replicates][];
        double[][] direct = new double[replicates][];
        String[] failure = new String[replicates];
        Replicator replicator = new Replicator(fit, points);
        Parallel.forEach(threads, replicates, i -> {
            try {
                DownstreamData replicate = data.select(draw(data, groups, Seeds.random(seed, Stream.DOWNSTREAM_BOOTSTRAP, i)));
                double[][] out = replicator.predict(replicate, Seeds.random(seed, Stream.DOWNSTREAM_SCATTER, i));
                loss[i] = out[0];
                metric[i] = out[1];
                direct[i] = out[2];
            } catch (ReplicateFailed e) {
                failure[i] = "replicate " + i + ": " + e.getMessage();
            } catch (ScalefitException e) {
                failure[i] = "replicate " + i + ": " + e.getMessage();
            }
        }, progress);
        List<double[]> okLoss = new ArrayList<>();
        List<double[]> okMetric = new ArrayList<>();
        List<double[]> okDirect = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int directFailed = 0;
        for (int i = 0; i < replicates; i++) {
            if (loss[i] == null) {
                failures.add(failure[i]);
                continue;
            }
            okLoss.add(loss[i]);
            okMetric.add(metric[i]);
            okDirect.add(direct[i]);
            directFailed += fit.directFit().isPresent() && Double.isNaN(direct[i][0]) ? 1 : 0;
        }
        double level = fit.lossFit().options().confidenceLevel();
        List<DownstreamPrediction> predictions = new ArrayList<>();
        List<DownstreamPrediction> delta = fit.predict(points);
        for (int j = 0; j < p; j++) {
            DownstreamPrediction d = delta.get(j);
            PredictedValue l = interval(d.loss().value(), column(okLoss, j, 0), column(okLoss, j, 1), level);
            PredictedValue m = interval(d.metric().value(), column(okMetric, j, 0), column(okMetric, j, 1), level);
            PredictedValue dir = d.direct() == null ? null
                    : interval(d.direct().value(), column(okDirect, j, 0), column(okDirect, j, 1), level);
            predictions.add(new DownstreamPrediction(d.point(), l, m, dir, d.computeDecadesBeyond(), d.lossBeyondLink(), d.notes()));
        }
        double[][] lossOut = new double[okLoss.size()][];
        double[][] metricOut = new double[okMetric.size()][];
        for (int r = 0; r < okLoss.size(); r++) {
            lossOut[r] = java.util.Arrays.copyOf(okLoss.get(r), p);
            metricOut[r] = java.util.Arrays.copyOf(okMetric.get(r), p);
        }
        return new Result(points, predictions, replicates, okLoss.size(), failures, directFailed, seed, lossOut, metricOut);
    }

    /** Column j of the replicate rows: the curve value (slot j) or the new-run value (slot p + j). */
    private static double[] column(List<double[]> rows, int j, int newRun) {
        List<Double> out = new ArrayList<>();
        for (double[] r : rows) {
            int p = r.length / 2;
            double v = r[newRun * p + j];
            if (!Double.isNaN(v)) {
                out.add(v);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static PredictedValue interval(double value, double[] curve, double[] newRun, double level) {
        double[] c = BootstrapResult.percentileInterval(curve, level);
        double[] n = BootstrapResult.percentileInterval(newRun, level);
        return new PredictedValue(value, c[0], c[1], n[0], n[1], "bootstrap-percentile");
    }

    /** Row indices of each group of runs (loss only, link only, both): the runs of a group, each run's rows together. */
    static List<int[]> strata(DownstreamData data) {
        Map<String, List<Integer>> rowsOfUnit = new LinkedHashMap<>();
        Map<String, Integer> pattern = new LinkedHashMap<>();
        for (int i = 0; i < data.rows().size(); i++) {
            DownstreamData.Row r = data.rows().get(i);
            if (!r.lossFit() && !r.metricFit()) {
                continue;
            }
            rowsOfUnit.computeIfAbsent(r.unit(), k -> new ArrayList<>()).add(i);
            pattern.merge(r.unit(), (r.lossFit() ? 1 : 0) | (r.metricFit() ? 2 : 0), (a, b) -> a | b);
        }
        List<int[]> out = new ArrayList<>();
        for (int code = 1; code <= 3; code++) {
            for (Map.Entry<String, Integer> e : pattern.entrySet()) {
                if (e.getValue() == code) {
                    List<Integer> rows = rowsOfUnit.get(e.getKey());
                    int[] unit = rows.stream().mapToInt(Integer::intValue).toArray();
                    out.add(withCode(unit, code));
                }
            }
        }
        return out;
    }

    /** A unit's rows with its group code in front (so {@link #draw} can resample within groups). */
    private static int[] withCode(int[] rows, int code) {
        int[] out = new int[rows.length + 1];
        out[0] = code;
        System.arraycopy(rows, 0, out, 1, rows.length);
        return out;
    }

    /** One replicate: within each group, as many runs as it has, drawn with replacement. */
    static int[] draw(DownstreamData data, List<int[]> units, SplittableRandom rng) {
        List<Integer> rows = new ArrayList<>();
        for (int code = 1; code <= 3; code++) {
            List<int[]> group = new ArrayList<>();
            for (int[] u : units) {
                if (u[0] == code) {
                    group.add(u);
                }
            }
            for (int k = 0; k < group.size(); k++) {
                int[] u = group.get(rng.nextInt(group.size()));
                for (int q = 1; q < u.length; q++) {
                    rows.add(u[q]);
                }
            }
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A replicate that cannot be fitted: its message is the reason. */
    private static final class ReplicateFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReplicateFailed(String message) {
            super(message, null, false, false);
        }
    }

    /** Refits both steps (and the direct form) of one replicate and predicts the points with them. */
    private static final class Replicator {
        private final DownstreamFit fit;
        private final List<PredictPoint> points;
        // Each step's refits near its full-data optimum, with what they share (the L-BFGS seed) worked out once.
        private final WarmRefits lossRefits;
        private final WarmRefits linkRefits;
        private final WarmRefits directRefits;

        Replicator(DownstreamFit fit, List<PredictPoint> points) {
            this.fit = fit;
            this.points = points;
            this.lossRefits = refits(fit.lossFit());
            this.linkRefits = refits(fit.linkFit());
            this.directRefits = fit.directFit().map(Replicator::refits).orElse(null);
        }

        /** @return {curve losses then new-run losses, curve metrics then new-run metrics, direct likewise} */
        double[][] predict(DownstreamData replicate, SplittableRandom noise) {
            DownstreamModel model = fit.model();
            Observations lossObs = TwoStep.lossObservations(replicate, model, replicate.lossFitRows());
            requireDistinct(lossObs, fit.lossFit(), "loss-fit runs");
            Observations linkObs = TwoStep.linkObservations(replicate, replicate.metricFitRows());
            requireDistinct(linkObs, fit.linkFit(), "link-fit points");
            double[] lossP = refit(lossRefits, lossObs, "loss law");
            double[] linkP = refit(linkRefits, linkObs, "link");
            double[] directP = null;
            if (directRefits != null) {
                try {
                    Fit full = fit.directFit().get();
                    int[] rows = directRows(replicate);
                    Observations dObs = TwoStep.directObservations(replicate, model, rows);
                    requireDistinct(dObs, full, "direct-form runs");
                    directP = refit(directRefits, dObs, "direct form");
                } catch (ReplicateFailed | ScalefitException e) {
                    directP = null;
                }
            }
            int p = points.size();
            double[] loss = new double[2 * p];
            double[] metric = new double[2 * p];
            double[] direct = new double[2 * p];
            Space s1 = fit.lossFit().space();
            Space s2 = fit.linkFit().space();
            double sc1 = DownstreamFit.scatter(fit.lossFit());
            double sc2 = DownstreamFit.scatter(fit.linkFit());
            double sc3 = fit.directFit().map(DownstreamFit::scatter).orElse(Double.NaN);
            for (int j = 0; j < p; j++) {
                PredictPoint pt = points.get(j);
                double[] x = model.lossInputs(pt.n(), pt.d());
                double l = fit.lossFit().law().value(x, lossP);
                loss[j] = l;
                metric[j] = fit.linkFit().law().value(new double[] {l}, linkP);
                double lNew = s1.response(s1.target(l) + sc1 * noise.nextGaussian());
                loss[p + j] = lNew;
                double mNew = fit.linkFit().law().value(new double[] {lNew}, linkP);
                metric[p + j] = s2.response(s2.target(mNew) + sc2 * noise.nextGaussian());
                if (directP != null) {
                    Fit full = fit.directFit().get();
                    double q = full.law().value(new double[] {pt.n(), pt.d()}, directP);
                    direct[j] = model.metricKind().metric(q);
                    double qNew = full.space().response(full.space().target(q)
                            + sc3 * noise.nextGaussian());
                    direct[p + j] = model.metricKind().metric(qNew);
                } else {
                    direct[j] = Double.NaN;
                    direct[p + j] = Double.NaN;
                }
            }
            return new double[][] {loss, metric, direct};
        }

        /** The replicate's loss-fit rows that have a metric: the direct form's runs. */
        private static int[] directRows(DownstreamData replicate) {
            List<Integer> out = new ArrayList<>();
            for (int i : replicate.lossFitRows()) {
                if (Double.isFinite(replicate.rows().get(i).metric())) {
                    out.add(i);
                }
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }

        private static void requireDistinct(Observations obs, Fit full, String what) {
            Set<String> distinct = new HashSet<>();
            for (int i = 0; i < obs.size(); i++) {
                StringBuilder key = new StringBuilder();
                for (int k = 0; k < obs.predictorCount(); k++) {
                    key.append(obs.x(k, i)).append(',');
                }
                distinct.add(key.toString());
            }
            int free = full.freeParameters();
            if (distinct.size() < free) {
                throw new ReplicateFailed("its " + what + " give " + distinct.size() + " distinct points for the "
                        + free + " free parameters of " + full.law().name() + ": the law is not determined");
            }
        }

        private static WarmRefits refits(Fit full) {
            return WarmRefits.of(full, warm(full));
        }

        private static double[] refit(WarmRefits refits, Observations obs, String what) {
            Refit r = refits.data(obs);
            if (!r.converged()) {
                throw new ReplicateFailed("the " + what + " did not converge: " + r.convergenceReason());
            }
            return r.values();
        }
    }

    /** Options of a refit from the full-data optimum: one thread (replicates are the parallel work), the refit stall test. */
    static FitOptions warm(Fit fit) {
        double stall = fit.options().stallTolerance() > 0 ? fit.options().stallTolerance() : FitOptions.REFIT_STALL_TOLERANCE;
        return fit.options().toBuilder().starts(Starts.warm(fit.values())).threads(1).stallTolerance(stall).build();
    }
}
