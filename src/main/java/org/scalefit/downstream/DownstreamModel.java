package org.scalefit.downstream;

import java.util.List;
import java.util.Objects;
import org.scalefit.fit.FitOptions;
import org.scalefit.model.ExpDecayLink;
import org.scalefit.model.Law;
import org.scalefit.model.MetricLink;
import org.scalefit.model.SigmoidLink;

/**
 * The two laws of a downstream prediction and how each is fitted: the loss law L(N, D) (its predictors
 * named among {@code N}, {@code D}, {@code M} = D/N and {@code C} = 6·N·D; a law of one predictor is
 * read as a law of compute C), the link metric(L) (one predictor, the loss), whether the metric is an
 * error or an accuracy, and whether to fit the direct form (the metric straight from N and D) too.
 *
 * <p>Defaults: each law's own default space with least squares (the link in linear space, as both
 * papers fit it), the metric kind implied by the link ({@link ExpDecayLink}: error, {@link SigmoidLink}:
 * accuracy), and the direct form on. A {@link MetricLink}'s implied bounds (a {@link SigmoidLink}'s chance level) are applied to the
 * link fit unless its options bound those parameters already.
 *
 * <pre>{@code
 * DownstreamModel olmo = DownstreamModel.of(new ChinchillaLaw(), new SigmoidLink())
 *         .withLossOptions(FitOptions.builder().loss(Loss.huber(1e-3)).solver(Solver.VARPRO).build());
 * }</pre>
 *
 * @param lossLaw       the loss law
 * @param link          the link from loss to metric
 * @param metricKind    error or accuracy
 * @param lossOptions   options of the loss fit
 * @param linkOptions   options of the link fit
 * @param directOptions options of the direct form's fit
 * @param direct        whether to fit the direct form
 */
public record DownstreamModel(Law lossLaw, Law link, MetricKind metricKind, FitOptions lossOptions, FitOptions linkOptions,
                              FitOptions directOptions, boolean direct) {
    private static final List<String> SIZE_NAMES = List.of("N", "D", "M", "C");

    /**
     * Checks the laws' predictors.
     *
     * @param lossLaw       the loss law
     * @param link          the link from loss to metric
     * @param metricKind    error or accuracy
     * @param lossOptions   options of the loss fit
     * @param linkOptions   options of the link fit
     * @param directOptions options of the direct form's fit
     * @param direct        whether to fit the direct form
     * @throws DownstreamInputException when the loss law's predictors are not among N, D, M, C or the link has
     *                                  more than one predictor
     */
    public DownstreamModel {
        Objects.requireNonNull(lossLaw, "lossLaw");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(metricKind, "metricKind");
        Objects.requireNonNull(lossOptions, "lossOptions");
        Objects.requireNonNull(linkOptions, "linkOptions");
        Objects.requireNonNull(directOptions, "directOptions");
        List<String> p = lossLaw.predictors();
        if (p.size() > 2 || (p.size() == 2 && !(SIZE_NAMES.containsAll(p) && !p.get(0).equals(p.get(1))))) {
            throw new DownstreamInputException(DownstreamInputException.Part.LAWS, "the loss law " + lossLaw.name()
                    + " takes predictors " + String.join(", ", p) + "; a loss law takes two of N, D, M (= D/N) and "
                    + "C (= 6·N·D), or one (compute C)");
        }
        if (link.predictors().size() != 1) {
            throw new DownstreamInputException(DownstreamInputException.Part.LAWS, "the link " + link.name() + " takes "
                    + link.predictors().size() + " predictors; a link takes one, the loss");
        }
    }

    /**
     * @param lossLaw the loss law
     * @param link    the link (its kind of metric is inferred: see {@link #kindOf(Law)})
     * @return the model with default options and the direct form on
     */
    public static DownstreamModel of(Law lossLaw, Law link) {
        return new DownstreamModel(lossLaw, link, kindOf(link), FitOptions.defaults(), FitOptions.defaults(),
                FitOptions.defaults(), true);
    }

    /**
     * @param link a link law
     * @return error for a link whose metric falls with the loss ({@link MetricLink#higherIsBetter()} false, e.g.
     *         {@link ExpDecayLink}), accuracy otherwise
     */
    public static MetricKind kindOf(Law link) {
        return link instanceof MetricLink m && !m.higherIsBetter() ? MetricKind.ERROR : MetricKind.ACCURACY;
    }

    /**
     * @param options options of the loss fit
     * @return a copy with them
     */
    public DownstreamModel withLossOptions(FitOptions options) {
        return new DownstreamModel(lossLaw, link, metricKind, options, linkOptions, directOptions, direct);
    }

    /**
     * @param options options of the link fit
     * @return a copy with them
     */
    public DownstreamModel withLinkOptions(FitOptions options) {
        return new DownstreamModel(lossLaw, link, metricKind, lossOptions, options, directOptions, direct);
    }

    /**
     * @param options options of the direct form's fit
     * @return a copy with them
     */
    public DownstreamModel withDirectOptions(FitOptions options) {
        return new DownstreamModel(lossLaw, link, metricKind, lossOptions, linkOptions, options, direct);
    }

    /**
     * @param on whether to fit the direct form
     * @return a copy
     */
    public DownstreamModel withDirect(boolean on) {
        return new DownstreamModel(lossLaw, link, metricKind, lossOptions, linkOptions, directOptions, on);
    }

    /**
     * @param kind error or accuracy
     * @return a copy
     */
    public DownstreamModel withMetricKind(MetricKind kind) {
        return new DownstreamModel(lossLaw, link, kind, lossOptions, linkOptions, directOptions, direct);
    }

    /**
     * The loss law's predictor values for a model of size N trained on D tokens.
     *
     * @param n N
     * @param d D
     * @return the values in the law's predictor order
     */
    public double[] lossInputs(double n, double d) {
        List<String> p = lossLaw.predictors();
        double[] x = new double[p.size()];
        if (p.size() == 1) {
            x[0] = 6 * n * d;
            return x;
        }
        for (int k = 0; k < x.length; k++) {
            x[k] = switch (p.get(k)) {
                case "N" -> n;
                case "D" -> d;
                case "M" -> d / n;
                default -> 6 * n * d;
            };
        }
        return x;
    }
}
