package org.scalefit.downstream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.scalefit.Numbers;
import org.scalefit.ScalefitException;
import org.scalefit.data.Observations;
import org.scalefit.fit.Bound;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.model.DirectAccuracyLaw;
import org.scalefit.model.Law;
import org.scalefit.model.MetricLink;
import org.scalefit.model.ParameterRange;

/**
 * Fits a downstream prediction: step 1, the loss law to the loss-fit rows; step 2, the link to the
 * (loss, metric) pairs of the link-fit rows; and the direct form to the loss-fit rows' metrics. Each fit
 * is an ordinary engine fit ({@link Fitter}) with the model's options.
 *
 * <p>The direct form, Krajewski et al.'s (2025) −ln Q = A·N^(−α) + B·D^(−β) ({@link DirectAccuracyLaw}), is
 * fitted to the same runs as the loss law, because only those are finished runs with a meaningful (N, D):
 * the link may also be fitted to intermediate checkpoints (as the OLMo ladder does), whose D is the
 * tokens seen so far under a learning-rate schedule meant for more. Its score Q is the accuracy, or
 * 1 − error; it is skipped (with a warning) when a score is not in (0, 1] or too few runs have a metric.
 *
 * <pre>{@code
 * DownstreamFit fit = TwoStep.fit(data, DownstreamModel.of(new OvertrainingLaw(), new ExpDecayLink()));
 * DownstreamPrediction p = fit.predict(PredictPoint.of("6.9B", 6.89e9, 1.378e11));
 * }</pre>
 */
public final class TwoStep {
    private TwoStep() {
    }

    /**
     * @param data  the rows, with their roles
     * @param model the laws and options
     * @return the three fits and the warnings
     * @throws org.scalefit.InvalidDataException if a fit's data cannot be used with its law
     * @throws org.scalefit.FitFailedException   if the loss law or the link cannot be fitted at all
     */
    public static DownstreamFit fit(DownstreamData data, DownstreamModel model) {
        List<DownstreamWarning> warnings = new ArrayList<>();
        Fit loss = Fitter.fit(model.lossLaw(), lossObservations(data, model, data.lossFitRows()), model.lossOptions());
        Fit link = Fitter.fit(model.link(), linkObservations(data, data.metricFitRows()), linkOptions(model));
        Fit direct = null;
        if (model.direct()) {
            direct = direct(data, model, warnings);
        }
        check(loss, DownstreamWarning.Step.LOSS, "loss law", warnings);
        check(link, DownstreamWarning.Step.LINK, "link", warnings);
        if (direct != null) {
            check(direct, DownstreamWarning.Step.DIRECT, "direct form", warnings);
        }
        if (model.link() instanceof MetricLink m) {
            m.rangeNote(link.values()).ifPresent(note -> warnings.add(new DownstreamWarning(
                    DownstreamWarning.Kind.LINK_RANGE, DownstreamWarning.Step.LINK, note)));
        }
        return new DownstreamFit(data, model, loss, link, direct, warnings);
    }

    /** The link's options with the bounds its metric's range implies, unless the options bound them already. */
    static FitOptions linkOptions(DownstreamModel model) {
        if (!(model.link() instanceof MetricLink m) || m.impliedBounds().isEmpty()) {
            return model.linkOptions();
        }
        FitOptions.Builder b = model.linkOptions().toBuilder();
        for (Map.Entry<String, ParameterRange> e : m.impliedBounds().entrySet()) {
            if (!model.linkOptions().bounds().containsKey(e.getKey()) && !model.linkOptions().fixed().containsKey(e.getKey())) {
                b.bound(e.getKey(), new Bound(e.getValue().lower(), e.getValue().upper()));
            }
        }
        return b.build();
    }

    private static void check(Fit fit, DownstreamWarning.Step step, String what, List<DownstreamWarning> warnings) {
        int free = fit.freeParameters();
        if (fit.n() <= free + 1) {
            warnings.add(new DownstreamWarning(DownstreamWarning.Kind.BARELY_DETERMINED, step, "the " + what + " ("
                    + fit.law().name() + ") has " + free + " free parameters and " + fit.n() + " fitting points ("
                    + fit.dof() + " degree" + (fit.dof() == 1 ? "" : "s") + " of freedom): the data barely determine it, so "
                    + "its intervals are wide, and none of its runs can be held out in a backtest"));
        }
        if (!fit.converged()) {
            warnings.add(new DownstreamWarning(DownstreamWarning.Kind.NOT_CONVERGED, step, "the " + what + " did not converge: "
                    + fit.convergenceReason()));
        }
    }

    private static Fit direct(DownstreamData data, DownstreamModel model, List<DownstreamWarning> warnings) {
        List<Integer> use = new ArrayList<>();
        for (int i : data.lossFitRows()) {
            DownstreamData.Row r = data.rows().get(i);
            double q = model.metricKind().score(r.metric());
            if (!Double.isFinite(r.metric())) {
                continue;
            }
            if (!(q > 0 && q <= 1)) {
                warnings.add(new DownstreamWarning(DownstreamWarning.Kind.DIRECT_SKIPPED, DownstreamWarning.Step.DIRECT,
                        "the direct form was not fitted: it models a score in (0, 1], and run " + r.unit() + " has "
                                + (model.metricKind() == MetricKind.ERROR ? "1 − " + data.metricLabel() + " = " : data.metricLabel() + " = ")
                                + Numbers.format(q, 4)));
                return null;
            }
            use.add(i);
        }
        Law law = new DirectAccuracyLaw();
        if (use.size() < law.minimumPoints()) {
            warnings.add(new DownstreamWarning(DownstreamWarning.Kind.DIRECT_SKIPPED, DownstreamWarning.Step.DIRECT,
                    "the direct form was not fitted: only " + use.size() + " of the loss law's runs have a metric, and its "
                            + law.parameters().size() + " parameters need " + law.minimumPoints()));
            return null;
        }
        int[] rows = use.stream().mapToInt(Integer::intValue).toArray();
        try {
            return Fitter.fit(law, directObservations(data, model, rows), model.directOptions());
        } catch (ScalefitException e) {
            warnings.add(new DownstreamWarning(DownstreamWarning.Kind.DIRECT_SKIPPED, DownstreamWarning.Step.DIRECT,
                    "the direct form could not be fitted: " + e.getMessage()));
            return null;
        }
    }

    /** Observations of the loss law: its predictors from N and D, the loss as response. */
    static Observations lossObservations(DownstreamData data, DownstreamModel model, int[] rows) {
        List<String> names = model.lossLaw().predictors();
        double[][] x = new double[names.size()][rows.length];
        double[] y = new double[rows.length];
        for (int q = 0; q < rows.length; q++) {
            DownstreamData.Row r = data.rows().get(rows[q]);
            double[] in = model.lossInputs(r.n(), r.d());
            for (int k = 0; k < in.length; k++) {
                x[k][q] = in[k];
            }
            y[q] = r.loss();
        }
        Observations.Builder b = Observations.builder().source(data.source());
        for (int k = 0; k < names.size(); k++) {
            b.predictor(names.get(k), column(data, names.size() == 1 ? "C" : names.get(k)), x[k]);
        }
        return withRows(b.response(data.lossLabel(), y), data, rows).build();
    }

    /** Observations of the link: the loss as predictor {@code L}, the metric as response. */
    static Observations linkObservations(DownstreamData data, int[] rows) {
        double[] x = new double[rows.length];
        double[] y = new double[rows.length];
        for (int q = 0; q < rows.length; q++) {
            DownstreamData.Row r = data.rows().get(rows[q]);
            x[q] = r.loss();
            y[q] = r.metric();
        }
        Observations.Builder b = Observations.builder().source(data.source()).predictor("L", data.lossLabel(), x)
                .response(data.metricLabel(), y);
        return withRows(b, data, rows).build();
    }

    /** Observations of the direct form: N, D and the score Q. */
    static Observations directObservations(DownstreamData data, DownstreamModel model, int[] rows) {
        double[] n = new double[rows.length];
        double[] d = new double[rows.length];
        double[] q = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            DownstreamData.Row r = data.rows().get(rows[k]);
            n[k] = r.n();
            d[k] = r.d();
            q[k] = model.metricKind().score(r.metric());
        }
        String score = model.metricKind() == MetricKind.ERROR ? "1 − " + data.metricLabel() : data.metricLabel();
        Observations.Builder b = Observations.builder().source(data.source()).predictor("N", data.nLabel(), n)
                .predictor("D", data.dLabel(), d).response(score, q);
        return withRows(b, data, rows).build();
    }

    private static String column(DownstreamData data, String predictor) {
        return switch (predictor) {
            case "N" -> data.nLabel();
            case "D" -> data.dLabel();
            case "M" -> data.mLabel();
            default -> "6·" + data.nLabel() + "·" + data.dLabel();
        };
    }

    private static Observations.Builder withRows(Observations.Builder b, DownstreamData data, int[] rows) {
        int[] source = new int[rows.length];
        for (int q = 0; q < rows.length; q++) {
            source[q] = data.rows().get(rows[q]).sourceRow();
            if (source[q] <= 0) {
                return b;
            }
        }
        return b.rows(source);
    }
}
