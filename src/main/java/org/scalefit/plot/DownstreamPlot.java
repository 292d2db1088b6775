package org.scalefit.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.scalefit.downstream.DownstreamData;
import org.scalefit.downstream.DownstreamFit;
import org.scalefit.downstream.DownstreamPrediction;
import org.scalefit.plot.charts.DownstreamChart;
import org.scalefit.plot.charts.XY;

/**
 * The picture of a two-step downstream prediction: step 1, the loss against compute C = 6·N·D (log-log)
 * with the loss law drawn along each token multiplier M = D/N of the fitted and predicted runs; step 2,
 * the metric against the loss with the link. Fitted runs, other runs, the predictions with their
 * intervals and the observed values of the predicted runs are marked (see {@link DownstreamChart}).
 *
 * <pre>{@code
 * DownstreamFit fit = TwoStep.fit(data, model);
 * Figure f = DownstreamPlot.of(fit, fit.predictTargets());
 * FigureWriter.write(f, Path.of("downstream.png"));
 * }</pre>
 */
public final class DownstreamPlot {
    private static final int MAX_MULTIPLIERS = 6;

    private DownstreamPlot() {
    }

    /**
     * @param fit         the two-step fit
     * @param predictions predictions to mark (delta-method or bootstrap intervals)
     * @return the two-panel figure
     */
    public static Figure of(DownstreamFit fit, List<DownstreamPrediction> predictions) {
        return DownstreamChart.draw("scalefit downstream: " + fit.data().metricLabel(), "", List.of(lossPanel(fit, predictions),
                linkPanel(fit, predictions)), 2);
    }

    /**
     * @param fit         the two-step fit
     * @param predictions predictions to mark
     * @return step 1: loss against compute with the loss law along constant token multipliers
     */
    public static DownstreamChart.PanelData lossPanel(DownstreamFit fit, List<DownstreamPrediction> predictions) {
        DownstreamData data = fit.data();
        List<double[]> fitted = new ArrayList<>();
        List<double[]> other = new ArrayList<>();
        TreeSet<Double> multipliers = new TreeSet<>();
        double cMin = Double.POSITIVE_INFINITY;
        double cFit = 0;
        double cMax = 0;
        for (DownstreamData.Row r : data.rows()) {
            if (!(r.n() > 0 && r.d() > 0 && Double.isFinite(r.loss())) || r.predict()) {
                continue;
            }
            if (r.lossFit()) {
                fitted.add(new double[] {r.compute(), r.loss()});
                multipliers.add(round2(r.d() / r.n()));
                cFit = Math.max(cFit, r.compute());
            } else {
                other.add(new double[] {r.compute(), r.loss()});
            }
            cMin = Math.min(cMin, r.compute());
            cMax = Math.max(cMax, r.compute());
        }
        List<double[]> observed = new ArrayList<>();
        List<DownstreamChart.Predicted> marks = new ArrayList<>();
        for (DownstreamPrediction p : predictions) {
            double c = p.point().compute();
            multipliers.add(round2(p.point().d() / p.point().n()));
            cMax = Math.max(cMax, c);
            if (Double.isFinite(p.point().observedLoss())) {
                observed.add(new double[] {c, p.point().observedLoss()});
            }
            marks.add(new DownstreamChart.Predicted(c, p.loss().value(), p.loss().lower(), p.loss().upper(), p.point().id()));
        }
        List<DownstreamChart.Curve> curves = new ArrayList<>();
        List<Double> ms = new ArrayList<>(multipliers);
        int step = Math.max(1, (int) Math.ceil(ms.size() / (double) MAX_MULTIPLIERS));
        for (int k = 0; k < ms.size(); k += step) {
            double m = ms.get(k);
            curves.addAll(lawAlong(fit, m, cMin, cFit, cMax * 1.5));
        }
        String law = fit.lossFit().law().name();
        return new DownstreamChart.PanelData("step 1: " + data.lossLabel() + " (" + law + ")", "compute C = 6·N·D (FLOPs)",
                data.lossLabel(), true, true, curves, xy(fitted), xy(other), xy(observed), marks);
    }

    /** The loss law at a fixed multiplier M over [from, to] in compute: solid up to the fitted compute, dashed beyond. */
    private static List<DownstreamChart.Curve> lawAlong(DownstreamFit fit, double m, double from, double fitted, double to) {
        List<DownstreamChart.Curve> out = new ArrayList<>();
        int g = 80;
        double lo = Math.log(from);
        double hi = Math.log(to);
        double split = Math.log(Math.max(from, Math.min(fitted, to)));
        for (int part = 0; part < 2; part++) {
            double a = part == 0 ? lo : split;
            double b = part == 0 ? split : hi;
            if (!(b > a)) {
                continue;
            }
            double[] x = new double[g];
            double[] y = new double[g];
            for (int i = 0; i < g; i++) {
                double c = Math.exp(a + (b - a) * i / (g - 1));
                double n = Math.sqrt(c / (6 * m));
                x[i] = c;
                y[i] = fit.lossAt(n, m * n);
            }
            out.add(new DownstreamChart.Curve(new XY(x, y), part == 1));
        }
        return out;
    }

    /**
     * @param fit         the two-step fit
     * @param predictions predictions to mark
     * @return step 2: the metric against the loss, with the link
     */
    public static DownstreamChart.PanelData linkPanel(DownstreamFit fit, List<DownstreamPrediction> predictions) {
        DownstreamData data = fit.data();
        List<double[]> fitted = new ArrayList<>();
        List<double[]> other = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (DownstreamData.Row r : data.rows()) {
            if (!(Double.isFinite(r.loss()) && Double.isFinite(r.metric())) || r.predict()) {
                continue;
            }
            if (r.metricFit()) {
                fitted.add(new double[] {r.loss(), r.metric()});
                lo = Math.min(lo, r.loss());
                hi = Math.max(hi, r.loss());
            } else {
                other.add(new double[] {r.loss(), r.metric()});
            }
        }
        List<double[]> observed = new ArrayList<>();
        List<DownstreamChart.Predicted> marks = new ArrayList<>();
        double elo = lo;
        double ehi = hi;
        for (DownstreamPrediction p : predictions) {
            double l = p.loss().value();
            elo = Math.min(elo, l);
            ehi = Math.max(ehi, l);
            if (Double.isFinite(p.point().observedLoss()) && Double.isFinite(p.point().observedMetric())) {
                observed.add(new double[] {p.point().observedLoss(), p.point().observedMetric()});
                elo = Math.min(elo, p.point().observedLoss());
                ehi = Math.max(ehi, p.point().observedLoss());
            }
            marks.add(new DownstreamChart.Predicted(l, p.metric().value(), p.metric().lower(), p.metric().upper(), p.point().id()));
        }
        List<DownstreamChart.Curve> curves = new ArrayList<>();
        curves.add(new DownstreamChart.Curve(linkLine(fit, lo, hi), false));
        if (elo < lo) {
            curves.add(new DownstreamChart.Curve(linkLine(fit, elo, lo), true));
        }
        if (ehi > hi) {
            curves.add(new DownstreamChart.Curve(linkLine(fit, hi, ehi), true));
        }
        return new DownstreamChart.PanelData("step 2: " + data.metricLabel() + " (" + fit.linkFit().law().name() + ")",
                data.lossLabel(), data.metricLabel(), false, false, curves, xy(fitted), xy(other), xy(observed), marks);
    }

    private static XY linkLine(DownstreamFit fit, double from, double to) {
        int g = 100;
        double[] x = new double[g];
        double[] y = new double[g];
        for (int i = 0; i < g; i++) {
            x[i] = from + (to - from) * i / (g - 1);
            y[i] = fit.linkFit().predict(x[i]);
        }
        return new XY(x, y);
    }

    private static XY xy(List<double[]> points) {
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i)[0];
            y[i] = points.get(i)[1];
        }
        return new XY(x, y);
    }

    private static double round2(double v) {
        if (!(v > 0)) {
            return v;
        }
        double scale = Math.pow(10, Math.floor(Math.log10(v)) - 1);
        return Math.round(v / scale) * scale;
    }
}
