package org.scalefit.plot;

import java.awt.Color;
import java.util.List;
import org.scalefit.data.Observations;
import org.scalefit.fit.Estimate;
import org.scalefit.fit.Fit;
import org.scalefit.uncertainty.Prediction;

/**
 * What a fit plot reads out on top of the data and the curve: the data's interval bars, each target level
 * with where the curve reaches it, and each prediction with its two intervals — the marks, their legend
 * entries and their labels (placed later by {@link LabelPlacer}).
 */
final class FitReadOuts {
    /** Colour of predictions. */
    static final Color PREDICT = new Color(0x6a3d9a);
    /** Colour of target levels. */
    static final Color TARGET = new Color(0x4d4d4d);
    /** Most predictions labelled with their value (more are drawn but not labelled). */
    private static final int LABELLED = 6;

    private FitReadOuts() {
    }

    /** Bars of the data: given intervals, else ±1σ of the residual space when sigmas were given, else null. */
    static double[][] bars(Fit fit, FitPlot.Bars given, double[] y) {
        int n = y.length;
        if (given != null) {
            double[] lo = given.lower();
            if (lo.length != n) {
                throw new IllegalArgumentException("the bars have " + lo.length + " ends for " + n + " points");
            }
            return new double[][] {lo, given.upper()};
        }
        Observations data = fit.data();
        if (!data.hasSigma()) {
            return null;
        }
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            double s = data.sigma(i);
            lo[i] = fit.space().response(fit.space().target(y[i]) - s);
            hi[i] = fit.space().response(fit.space().target(y[i]) + s);
        }
        return new double[][] {lo, hi};
    }

    /** Dotted level lines, the point where the curve reaches each level and the interval of that x. */
    static void addTargets(Panel.Builder main, List<Legend.Entry> entries, List<LabelPlacer.Label> labels,
                                   List<FitPlot.Target> targets, AxisStyle xStyle, AxisStyle yStyle, Axis xAxis) {
        if (targets.isEmpty()) {
            return;
        }
        LineStyle level = LineStyle.dotted(TARGET, 1.2);
        LineStyle interval = LineStyle.solid(Colors.withAlpha(TARGET, 0.45), 4);
        MarkerStyle reached = MarkerStyle.circle(Color.WHITE, 7).withEdge(TARGET, 1.5);
        TextStyle text = TextStyle.sans(9.5, TARGET);
        for (FitPlot.Target t : targets) {
            main.add(new Mark.Line(new double[] {xAxis.min(), xAxis.max()}, new double[] {t.level(), t.level()}, level));
            Estimate e = t.reached();
            if (e != null && Double.isFinite(e.value())) {
                if (Double.isFinite(e.lower()) && Double.isFinite(e.upper())) {
                    // A delta-method interval of a positive x can reach below zero; on a log axis it runs off the left.
                    double lo = xAxis.scale() == Scale.LOG && !(e.lower() > 0) ? xAxis.min() : e.lower();
                    main.add(new Mark.Line(new double[] {lo, e.upper()}, new double[] {t.level(), t.level()}, interval));
                }
                main.add(new Mark.Points(new double[] {e.value()}, new double[] {t.level()}, reached));
                String when = xStyle.format(e.value()) + (Double.isFinite(e.lower()) && Double.isFinite(e.upper())
                        ? " [" + xStyle.format(e.lower()) + ", " + xStyle.format(e.upper()) + "]" : "");
                labels.add(new LabelPlacer.Label(e.value(), t.level(), level(yStyle, t.level()) + " reached at " + when,
                        text, 6, List.of(LabelPlacer.Direction.values()), true));
            } else {
                labels.add(new LabelPlacer.Label(xAxis.min(), t.level(), level(yStyle, t.level()) + ": never reached",
                        text, 4, List.of(LabelPlacer.Direction.RIGHT_ABOVE, LabelPlacer.Direction.RIGHT_BELOW), true));
            }
        }
        entries.add(new Legend.Entry(targets.size() == 1 ? "target level, where the curve reaches it"
                : "target levels, where the curve reaches them", level, reached, null));
    }

    /** A level as typed, with its human duration on a duration axis: {@code 480 (8 hrs)}. */
    private static String level(AxisStyle style, double v) {
        String plain = org.scalefit.Numbers.format(v, 6).replace('-', TickLabels.MINUS);
        return style instanceof AxisStyle.Durations ? plain + " (" + style.format(v) + ")" : style.format(v);
    }

    /** Each prediction as a diamond with its new-point interval (thin) and curve interval (thick). */
    static void addPredictions(Panel.Builder main, List<Legend.Entry> entries, List<LabelPlacer.Label> labels,
                                       List<Prediction> predictions, AxisStyle xStyle, AxisStyle yStyle) {
        int k = predictions.size();
        if (k == 0) {
            return;
        }
        double[] px = new double[k];
        double[] pv = new double[k];
        double[] cl = new double[k];
        double[] ch = new double[k];
        double[] nl = new double[k];
        double[] nh = new double[k];
        for (int i = 0; i < k; i++) {
            Prediction pr = predictions.get(i);
            px[i] = pr.x();
            pv[i] = pr.value();
            cl[i] = pr.confidence().lower();
            ch[i] = pr.confidence().upper();
            nl[i] = pr.prediction().lower();
            nh[i] = pr.prediction().upper();
        }
        LineStyle thin = LineStyle.solid(Colors.withAlpha(PREDICT, 0.55), 1.1);
        LineStyle thick = LineStyle.solid(PREDICT, 3);
        MarkerStyle diamond = MarkerStyle.circle(PREDICT, 9).withShape(MarkerStyle.Shape.DIAMOND).withEdge(Color.WHITE, 0.8);
        main.add(new Mark.ErrorBars(px, nl, nh, thin, 6));
        main.add(new Mark.ErrorBars(px, cl, ch, thick, 0));
        main.add(new Mark.Points(px, pv, diamond));
        String method = predictions.get(0).method();
        String how = "delta".equals(method) ? "delta method" : "bootstrap";
        entries.add(new Legend.Entry("prediction: curve (thick) and new point (thin), 95% (" + how + ")", null, diamond,
                null));
        TextStyle text = TextStyle.sans(9.5, PREDICT);
        for (int i = 0; i < Math.min(k, LABELLED); i++) {
            labels.add(new LabelPlacer.Label(px[i], pv[i], yStyle.format(pv[i]) + " at " + xStyle.format(px[i]), text, 8,
                    List.of(LabelPlacer.Direction.values()), true));
        }
    }
}
