package org.scalefit.cli;

import org.scalefit.TextTable;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.scalefit.Numbers;
import org.scalefit.downstream.BacktestResult;
import org.scalefit.downstream.DownstreamData;
import org.scalefit.downstream.DownstreamFit;
import org.scalefit.downstream.DownstreamPrediction;
import org.scalefit.downstream.DownstreamWarning;
import org.scalefit.downstream.PredictedValue;
import org.scalefit.downstream.TwoStepBootstrap;
import org.scalefit.fit.Fit;

/**
 * Renders a downstream prediction for people (the two fits in brief, the predictions with their
 * intervals next to the observed values, the backtest and the warnings) and for programs (the JSON
 * object documented in README: {@code loss_fit} and {@code metric_fit} as {@code fit --json} writes a
 * fit, {@code predictions}, {@code backtest}, …).
 *
 * <pre>{@code
 * DownstreamReport report = new DownstreamReport(fit, fit.predictTargets(), null, Backtest.run(fit, 1));
 * System.out.print(report.table());
 * String json = Json.write(report.json());
 * }</pre>
 */
public final class DownstreamReport {
    private final DownstreamFit fit;
    private final List<DownstreamPrediction> predictions;
    private final TwoStepBootstrap.Result boot;
    private final BacktestResult backtest;

    /**
     * @param fit         the two-step fit
     * @param predictions the predictions to show (delta-method or bootstrap intervals)
     * @param boot        the bootstrap, or null
     * @param backtest    the backtest, or null when none was asked for
     */
    public DownstreamReport(DownstreamFit fit, List<DownstreamPrediction> predictions, TwoStepBootstrap.Result boot,
                            BacktestResult backtest) {
        this.fit = fit;
        this.predictions = List.copyOf(predictions);
        this.boot = boot;
        this.backtest = backtest;
    }

    private String level() {
        return Numbers.format(100 * fit.lossFit().options().confidenceLevel(), 3) + "%";
    }

    /** @return the human-readable report, ending with a newline */
    public String table() {
        DownstreamData data = fit.data();
        StringBuilder s = new StringBuilder();
        s.append("downstream: ").append(data.metricLabel()).append(" from N = ").append(data.nLabel()).append(", D = ")
                .append(data.dLabel()).append(" in two steps (").append(data.source()).append(")\n\n");
        Fit loss = fit.lossFit();
        s.append("step 1  ").append(loss.law().name()).append(" fit of ").append(data.lossLabel()).append(", ")
                .append(loss.n()).append(" rows (").append(loss.space()).append(" space, ").append(loss.options().loss().spec())
                .append(", ").append(loss.options().solver()).append(")\n");
        fitLines(s, loss);
        Fit link = fit.linkFit();
        s.append("step 2  ").append(link.law().name()).append(" fit of ").append(data.metricLabel()).append(" on ")
                .append(data.lossLabel()).append(", ").append(link.n()).append(" rows (").append(link.space()).append(" space, ")
                .append(link.options().loss().spec()).append(")\n");
        fitLines(s, link);
        fit.directFit().ifPresent(d -> {
            s.append("direct  ").append(d.law().name()).append(" fit of ").append(d.data().responseColumn()).append(" on N, D, ")
                    .append(d.n()).append(" rows (").append(d.space()).append(" space; Krajewski et al. 2025)\n");
            fitLines(s, d);
        });
        s.append('\n');
        if (!predictions.isEmpty()) {
            String method = boot != null ? "bootstrap percentiles over " + boot.succeeded() + " of " + boot.requested()
                    + " run resamples, both steps refitted" : "delta method through both steps";
            s.append("predictions (").append(level()).append(" intervals for the curve: ").append(method).append(")\n");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"  model", "C (FLOPs)", data.lossLabel(), "observed", data.metricLabel(), "observed",
                fit.directFit().isPresent() ? "direct" : ""});
            for (DownstreamPrediction p : predictions) {
                rows.add(new String[] {"  " + p.point().id(), Numbers.format(p.point().compute(), 3), withInterval(p.loss()),
                    observed(p.point().observedLoss(), p.lossRelativeError(), true), withInterval(p.metric()),
                    observed(p.point().observedMetric(), p.metricError(), false),
                    p.direct() == null ? "" : withInterval(p.direct())});
            }
            s.append(TextTable.align(rows, ""));
            s.append("  (observed: relative error of the loss, predicted − observed of the metric)\n");
            for (DownstreamPrediction p : predictions) {
                for (String n : p.notes()) {
                    s.append("  note: ").append(n).append('\n');
                }
            }
            s.append('\n');
        }
        if (backtest != null) {
            backtestLines(s);
        }
        if (boot != null && boot.failed() > 0) {
            s.append("bootstrap  ").append(boot.failed()).append(" of ").append(boot.requested())
                    .append(" replicates failed (left out of the intervals); the first: ").append(boot.failures().get(0)).append('\n');
            boot.caveat().ifPresent(c -> s.append("  caveat: ").append(c).append('\n'));
            s.append('\n');
        }
        if (fit.warnings().isEmpty()) {
            s.append("warnings   none\n");
        } else {
            s.append("warnings\n");
            for (DownstreamWarning w : fit.warnings()) {
                s.append("  - ").append(w.message()).append('\n');
            }
        }
        return s.toString();
    }

    private static void fitLines(StringBuilder s, Fit f) {
        s.append("  ").append(f.formulaWithValues()).append('\n');
        s.append("  R² ").append(Numbers.format(f.r2(), 6)).append("   RSS ").append(Numbers.format(f.rss(), 5))
                .append(f.options().loss().isSquares() ? "" : "   objective " + Numbers.format(f.objective(), 6))
                .append("   dof ").append(f.dof()).append("   ").append(f.converged() ? "converged" : "NOT CONVERGED").append('\n');
        for (String w : f.warnings()) {
            s.append("  warning: ").append(w).append('\n');
        }
    }

    private void backtestLines(StringBuilder s) {
        BacktestResult b = backtest;
        if (b.verdict() == BacktestResult.Verdict.NOT_POSSIBLE) {
            s.append("backtest   not possible: ").append(b.explanation()).append("\n\n");
            return;
        }
        s.append("backtest   the ").append(b.heldOut().size() == 1 ? "largest run" : b.heldOut().size() + " largest runs")
                .append(" held out and predicted from the others: ").append(verdict(b.verdict())).append('\n');
        s.append("  ").append(b.explanation()).append('\n');
        List<String[]> rows = new ArrayList<>();
        boolean direct = b.predictions().stream().anyMatch(p -> p.direct() != null);
        rows.add(new String[] {"  held out", "observed", "two-step [" + level() + " new run]", direct ? "direct" : "", "flat"});
        for (int i = 0; i < b.predictions().size(); i++) {
            DownstreamPrediction p = b.predictions().get(i);
            rows.add(new String[] {"  " + p.point().id(), Numbers.format(p.point().observedMetric(), 4),
                Numbers.format(p.metric().value(), 4) + " [" + Numbers.format(p.metric().newRunLower(), 4) + ", "
                    + Numbers.format(p.metric().newRunUpper(), 4) + "]",
                p.direct() == null ? "" : Numbers.format(p.direct().value(), 4), Numbers.format(b.flat().get(i), 4)});
        }
        s.append(TextTable.align(rows, ""));
        s.append('\n');
    }

    private static String verdict(BacktestResult.Verdict v) {
        return switch (v) {
            case PREDICTABLE -> "predictable";
            case MISSES -> "NOT predictable (misses)";
            case NO_BETTER_THAN_FLAT -> "NOT predictable (no better than flat)";
            case NOT_POSSIBLE -> "not possible";
        };
    }

    private static String withInterval(PredictedValue v) {
        String value = Numbers.format(v.value(), 5);
        if (Double.isNaN(v.lower())) {
            return value;
        }
        return value + " [" + Numbers.format(v.lower(), 4) + ", " + Numbers.format(v.upper(), 4) + "]";
    }

    private static String observed(double value, double error, boolean relative) {
        if (Double.isNaN(value)) {
            return "–";
        }
        String e = relative ? String.format(java.util.Locale.ROOT, "%+.2f%%", 100 * error)
                : (error >= 0 ? "+" : "") + Numbers.format(error, 3);
        return Numbers.format(value, 5) + " (" + e + ")";
    }

    /** @return the JSON object */
    public ObjectNode json() {
        ObjectNode o = Json.object();
        o.put("command", "downstream");
        DownstreamData data = fit.data();
        o.put("metric_kind", fit.model().metricKind().name().toLowerCase(java.util.Locale.ROOT));
        ObjectNode d = o.putObject("data");
        d.put("source", data.source());
        d.put("N", data.nLabel());
        d.put("D", data.dLabel());
        d.put("loss", data.lossLabel());
        d.put("metric", data.metricLabel());
        d.put("rows", data.rows().size());
        d.put("runs", data.units().size());
        d.put("loss_fit_rows", data.lossFitRows().length);
        d.put("metric_fit_rows", data.metricFitRows().length);
        d.put("predict_rows", data.predictRows().length);
        o.set("loss_fit", new FitReport(fit.lossFit(), List.of()).json());
        o.set("metric_fit", new FitReport(fit.linkFit(), List.of()).json());
        fit.directFit().ifPresent(f -> o.set("direct_fit", new FitReport(f, List.of()).json()));
        o.put("interval_method", boot != null ? "bootstrap-percentile" : "delta");
        ArrayNode preds = o.putArray("predictions");
        for (DownstreamPrediction p : predictions) {
            preds.add(prediction(p));
        }
        if (boot != null) {
            ObjectNode b = o.putObject("bootstrap");
            b.put("resample", "model runs, within groups (loss fit only, link fit only, both)");
            b.put("replicates", boot.requested());
            b.put("succeeded", boot.succeeded());
            b.put("failed", boot.failed());
            ArrayNode f = b.putArray("failures");
            boot.failures().stream().limit(10).forEach(f::add);
            b.put("direct_failed", boot.directFailed());
            boot.caveat().ifPresent(c -> b.put("caveat", c));
            b.put("seed", boot.seed());
        }
        if (backtest != null) {
            o.set("backtest", backtest(backtest));
        }
        ArrayNode w = o.putArray("warnings");
        for (DownstreamWarning dw : fit.warnings()) {
            ObjectNode wo = w.addObject();
            wo.put("kind", dw.kind().name().toLowerCase(java.util.Locale.ROOT));
            wo.put("step", dw.step().name().toLowerCase(java.util.Locale.ROOT));
            wo.put("message", dw.message());
        }
        return o;
    }

    private static ObjectNode prediction(DownstreamPrediction p) {
        ObjectNode o = Json.object();
        o.put("id", p.point().id());
        Json.put(o, "N", p.point().n());
        Json.put(o, "D", p.point().d());
        Json.put(o, "compute", p.point().compute());
        o.set("loss", value(p.loss()));
        o.set("metric", value(p.metric()));
        if (p.direct() != null) {
            o.set("direct", value(p.direct()));
        }
        Json.put(o, "observed_loss", p.point().observedLoss());
        Json.put(o, "observed_metric", p.point().observedMetric());
        Json.put(o, "compute_decades_beyond", p.computeDecadesBeyond());
        Json.put(o, "loss_beyond_link", p.lossBeyondLink());
        ArrayNode notes = o.putArray("notes");
        p.notes().forEach(notes::add);
        return o;
    }

    private static ObjectNode value(PredictedValue v) {
        ObjectNode o = Json.object();
        Json.put(o, "value", v.value());
        o.set("ci95", Json.interval(v.lower(), v.upper()));
        o.set("new_run_ci95", Json.interval(v.newRunLower(), v.newRunUpper()));
        o.put("method", v.method());
        return o;
    }

    private static ObjectNode backtest(BacktestResult b) {
        ObjectNode o = Json.object();
        o.put("verdict", b.verdict().name().toLowerCase(java.util.Locale.ROOT));
        o.put("explanation", b.explanation());
        ArrayNode held = o.putArray("held_out");
        b.heldOut().forEach(held::add);
        ArrayNode ps = o.putArray("predictions");
        for (int i = 0; i < b.predictions().size(); i++) {
            ObjectNode p = prediction(b.predictions().get(i));
            Json.put(p, "flat", b.flat().get(i));
            ps.add(p);
        }
        Json.put(o, "mean_abs_error", b.meanAbsError());
        Json.put(o, "mean_abs_error_direct", b.meanAbsErrorDirect());
        Json.put(o, "mean_abs_error_flat", b.meanAbsErrorFlat());
        o.put("covered", b.covered());
        o.put("compared", b.compared());
        return o;
    }
}
