package org.scalefit.downstream;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import org.scalefit.Numbers;
import org.scalefit.fit.Estimate;
import org.scalefit.fit.Fit;
import org.scalefit.model.Law;
import org.scalefit.model.Space;

/**
 * A fitted downstream prediction: the loss law (step 1), the link (step 2), the direct form when it was
 * fitted, the warnings, and predictions with delta-method intervals through both steps.
 *
 * <p><b>Intervals.</b> Each fit's parameter covariance gives, by the delta method, the standard error
 * of its curve at a point, in the fit's residual space (ln y in log space): se₁ for the loss at (N, D),
 * se₂ for the link at the predicted loss L̂. The metric's interval combines the two steps' half-widths in
 * quadrature, t₁·|∂m/∂L|·se(L̂) and t₂·se₂, each with the t quantile of its own fit's degrees of freedom
 * (a fit with one degree of freedom has t = 12.7 at 95%, and the interval says so). The new-run interval
 * adds each fit's residual scatter s² = RSS/dof: the loss scatter, carried through the link's slope, and
 * the link's own. {@link TwoStepBootstrap} gives the same intervals by resampling runs and refitting both
 * steps instead.
 *
 * <pre>{@code
 * DownstreamFit fit = TwoStep.fit(data, model);
 * for (DownstreamPrediction p : fit.predictTargets()) {
 *     System.out.println(p.point().id() + ": " + p.metric().value() + " [" + p.metric().lower() + ", "
 *             + p.metric().upper() + "]");
 * }
 * }</pre>
 */
public final class DownstreamFit {
    private final DownstreamData data;
    private final DownstreamModel model;
    private final Fit loss;
    private final Fit link;
    private final Fit direct;
    private final List<DownstreamWarning> warnings;

    DownstreamFit(DownstreamData data, DownstreamModel model, Fit loss, Fit link, Fit direct, List<DownstreamWarning> warnings) {
        this.data = data;
        this.model = model;
        this.loss = loss;
        this.link = link;
        this.direct = direct;
        this.warnings = List.copyOf(warnings);
    }

    /** @return the rows fitted and predicted */
    public DownstreamData data() {
        return data;
    }

    /** @return the laws and options */
    public DownstreamModel model() {
        return model;
    }

    /** @return the loss law's fit (step 1) */
    public Fit lossFit() {
        return loss;
    }

    /** @return the link's fit (step 2) */
    public Fit linkFit() {
        return link;
    }

    /** @return the direct form's fit, if it was fitted */
    public Optional<Fit> directFit() {
        return Optional.ofNullable(direct);
    }

    /** @return the warnings, loss law first */
    public List<DownstreamWarning> warnings() {
        return warnings;
    }

    /** @return true when the loss law and the link both converged */
    public boolean converged() {
        return loss.converged() && link.converged();
    }

    /**
     * @param n N
     * @param d D
     * @return the loss law's prediction
     */
    public double lossAt(double n, double d) {
        return loss.predict(model.lossInputs(n, d));
    }

    /**
     * @param n N
     * @param d D
     * @return the two-step prediction of the metric
     */
    public double metricAt(double n, double d) {
        return link.predict(lossAt(n, d));
    }

    /**
     * @param n N
     * @param d D
     * @return the direct form's prediction of the metric, NaN when it was not fitted
     */
    public double directAt(double n, double d) {
        return direct == null ? Double.NaN : model.metricKind().metric(direct.predict(n, d));
    }

    /** @return the rows to predict as points, with their observed loss and metric */
    public List<PredictPoint> targets() {
        List<PredictPoint> out = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i : data.predictRows()) {
            DownstreamData.Row r = data.rows().get(i);
            String id = ids.contains(r.unit()) ? r.unit() + " (row " + r.sourceRow() + ")" : r.unit();
            ids.add(r.unit());
            out.add(new PredictPoint(id, r.n(), r.d(), r.loss(), r.metric()));
        }
        return out;
    }

    /** @return predictions of {@link #targets()} */
    public List<DownstreamPrediction> predictTargets() {
        return predict(targets());
    }

    /**
     * @param points models to predict
     * @return their predictions, in order
     */
    public List<DownstreamPrediction> predict(List<PredictPoint> points) {
        List<DownstreamPrediction> out = new ArrayList<>();
        for (PredictPoint p : points) {
            out.add(predict(p));
        }
        return out;
    }

    /**
     * The prediction for one model, with delta-method intervals through both steps.
     *
     * @param point the model
     * @return the prediction
     */
    public DownstreamPrediction predict(PredictPoint point) {
        double[] x = model.lossInputs(point.n(), point.d());
        double lhat = loss.predict(x);
        // Step 1 in its own space: curve standard error and residual scatter.
        Space s1 = loss.space();
        Estimate e1 = loss.estimate("loss", "", "", p -> s1.target(loss.law().value(x, p)));
        double g1 = s1.target(lhat);
        double t1 = loss.tQuantile();
        double scatter1 = scatter(loss);
        PredictedValue lossValue = new PredictedValue(lhat, s1.response(g1 - t1 * e1.stderr()), s1.response(g1 + t1 * e1.stderr()),
                s1.response(g1 - t1 * Math.hypot(e1.stderr(), scatter1)), s1.response(g1 + t1 * Math.hypot(e1.stderr(), scatter1)),
                "delta");
        // Both in linear units of the loss: the link's input.
        double seL = linearStderr(s1, lhat, e1.stderr());
        double scatterL = linearStderr(s1, lhat, scatter1);
        Space s2 = link.space();
        double mhat = link.predict(lhat);
        double g2 = s2.target(mhat);
        Estimate e2 = link.estimate("metric", "", "", p -> s2.target(link.law().value(new double[] {lhat}, p)));
        double slope = slope(link, s2, lhat);
        double t2 = link.tQuantile();
        double scatter2 = scatter(link);
        double curve = Math.hypot(t1 * slope * seL, t2 * e2.stderr());
        double newRun = Math.hypot(t1 * slope * Math.hypot(seL, scatterL), t2 * Math.hypot(e2.stderr(), scatter2));
        PredictedValue metricValue = ordered(new PredictedValue(mhat, s2.response(g2 - curve), s2.response(g2 + curve),
                s2.response(g2 - newRun), s2.response(g2 + newRun), "delta"));
        PredictedValue directValue = null;
        if (direct != null) {
            Space s3 = direct.space();
            double q = direct.predict(point.n(), point.d());
            double g3 = s3.target(q);
            Estimate e3 = direct.estimate("direct", "", "", p -> s3.target(direct.law().value(new double[] {point.n(), point.d()}, p)));
            double t3 = direct.tQuantile();
            double sc3 = scatter(direct);
            MetricKind kind = model.metricKind();
            // The score Q = exp(−(…)) lies in (0, 1]: interval ends beyond it (a wide interval on ln Q) are clipped there.
            DoubleUnaryOperator metricOf = g -> kind.metric(Math.min(1, Math.max(0, s3.response(g))));
            directValue = ordered(new PredictedValue(kind.metric(q), metricOf.applyAsDouble(g3 - t3 * e3.stderr()),
                    metricOf.applyAsDouble(g3 + t3 * e3.stderr()), metricOf.applyAsDouble(g3 - t3 * Math.hypot(e3.stderr(), sc3)),
                    metricOf.applyAsDouble(g3 + t3 * Math.hypot(e3.stderr(), sc3)), "delta"));
        }
        return new DownstreamPrediction(point, lossValue, metricValue, directValue, decadesBeyond(point),
                lossBeyondLink(lhat), notes(point, lhat));
    }

    private double decadesBeyond(PredictPoint point) {
        double max = 0;
        for (int i : data.lossFitRows()) {
            max = Math.max(max, data.rows().get(i).compute());
        }
        return Math.log10(point.compute() / max);
    }

    private double lossBeyondLink(double lhat) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < link.n(); i++) {
            lo = Math.min(lo, link.data().x(0, i));
            hi = Math.max(hi, link.data().x(0, i));
        }
        return lhat < lo ? lo - lhat : (lhat > hi ? lhat - hi : 0);
    }

    private List<String> notes(PredictPoint point, double lhat) {
        List<String> notes = new ArrayList<>();
        double decades = decadesBeyond(point);
        if (decades > 0.05) {
            notes.add(point.id() + ": " + Numbers.format(decades, 2) + " decades of compute above the largest run of the loss fit");
        }
        double beyond = lossBeyondLink(lhat);
        if (beyond > 0) {
            notes.add(point.id() + ": the predicted loss " + Numbers.format(lhat, 4) + " lies " + Numbers.format(beyond, 3)
                    + " outside the losses the link was fitted on: the link is extrapolated");
        }
        return notes;
    }

    /** Residual standard deviation of a fit in its space, √(RSS/dof); NaN without degrees of freedom. */
    static double scatter(Fit fit) {
        return fit.dof() > 0 ? Math.sqrt(fit.rss() / fit.dof()) : Double.NaN;
    }

    /** A standard error in the fit's space turned into units of the value itself (ln L → L by the delta method). */
    private static double linearStderr(Space s, double value, double se) {
        return s == Space.LOG ? Math.abs(value) * se : se;
    }

    /** ∂g/∂L of the link in its residual space, by a central difference. */
    private static double slope(Fit link, Space s, double l) {
        Law law = link.law();
        double[] p = link.values();
        double h = 1e-6 * Math.max(Math.abs(l), 1e-3);
        double up = s.target(law.value(new double[] {l + h}, p));
        double down = s.target(law.value(new double[] {l - h}, p));
        return (up - down) / (2 * h);
    }

    /** Intervals with their ends in increasing order (a decreasing map such as 1 − Q swaps them). */
    static PredictedValue ordered(PredictedValue v) {
        return new PredictedValue(v.value(), Math.min(v.lower(), v.upper()), Math.max(v.lower(), v.upper()),
                Math.min(v.newRunLower(), v.newRunUpper()), Math.max(v.newRunLower(), v.newRunUpper()), v.method());
    }
}
