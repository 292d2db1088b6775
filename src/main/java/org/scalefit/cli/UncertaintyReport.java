package org.scalefit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.scalefit.Numbers;
import org.scalefit.TextTable;
import org.scalefit.fit.Estimate;
import org.scalefit.fit.Fit;
import org.scalefit.model.DerivedQuantity;
import org.scalefit.stats.Interval;
import org.scalefit.uncertainty.Bands;
import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.Extrapolation;
import org.scalefit.uncertainty.IntervalMethod;
import org.scalefit.uncertainty.Prediction;

/**
 * The uncertainty sections of {@code scalefit fit}: bootstrap intervals for the parameters, the derived
 * quantities and the targets (when {@code --bootstrap} is given), and predictions with confidence and
 * prediction bands at the {@code --predict} points (delta method, and bootstrap when available), each
 * with its extrapolation warning. Rendered as extra table sections and as the JSON keys
 * {@code bootstrap} and {@code predictions}.
 */
final class UncertaintyReport {
    private static final int FAILURES_SHOWN = 10;
    private final Fit fit;
    private final BootstrapResult bootstrap;
    private final IntervalMethod method;
    private final List<Double> targets;
    private final List<Double> predictAt;

    /**
     * @param fit       the fit
     * @param bootstrap its bootstrap, or null
     * @param method    the interval reported as {@code ci95} for bootstrap estimates
     * @param targets   response values whose x is reported
     * @param predictAt x values to predict at
     */
    UncertaintyReport(Fit fit, BootstrapResult bootstrap, IntervalMethod method, List<Double> targets,
                      List<Double> predictAt) {
        this.fit = fit;
        this.bootstrap = bootstrap;
        this.method = method;
        this.targets = List.copyOf(targets);
        this.predictAt = List.copyOf(predictAt);
    }

    private boolean isDateLaw() {
        return fit.law().timePredictor();
    }

    private String x(double v) {
        return isDateLaw() ? java.time.LocalDate.ofEpochDay((long) Math.floor(v)).toString() : Numbers.format(v, 4);
    }

    private List<Estimate> bootstrapEstimates(IntervalMethod m) {
        List<Estimate> out = new ArrayList<>(bootstrap.parameters(m));
        for (DerivedQuantity q : fit.law().derivedQuantities()) {
            out.add(bootstrap.estimate(q.name(), q.unit(), q.description(), q.function(), m));
        }
        for (double t : targets) {
            if (fit.solveForX(t).isPresent()) {
                out.add(bootstrap.estimate("x_at_target", "units of x", fit.data().responseColumn() + " = "
                        + Numbers.format(t, 6), p -> fit.law().solveForX(t, p).orElse(Double.NaN), m));
            }
        }
        return out;
    }

    /**
     * @return the predictions as the table reports them: bootstrap bands when a bootstrap was run, else
     *         delta-method bands
     */
    List<Prediction> predictions() {
        List<Prediction> out = new ArrayList<>();
        for (double at : predictAt) {
            out.add(bootstrap != null ? Bands.bootstrap(bootstrap, at) : Bands.delta(fit, at));
        }
        return out;
    }

    /**
     * @return the targets with where the curve reaches them, with the interval the table reports (the
     *         bootstrap's chosen interval when a bootstrap was run, else the delta method)
     */
    List<org.scalefit.plot.FitPlot.Target> plotTargets() {
        List<org.scalefit.plot.FitPlot.Target> out = new ArrayList<>();
        List<Estimate> boot = bootstrap == null ? List.of() : bootstrapEstimates(method);
        int k = bootstrap == null ? 0 : fit.parameterNames().size() + fit.law().derivedQuantities().size();
        for (double t : targets) {
            Optional<Estimate> delta = fit.solveForX(t);
            if (delta.isEmpty()) {
                out.add(new org.scalefit.plot.FitPlot.Target(t, null));
            } else {
                out.add(new org.scalefit.plot.FitPlot.Target(t, bootstrap == null ? delta.get() : boot.get(k++)));
            }
        }
        return out;
    }

    /** @return the extra table sections, each ending with a newline; empty when there is nothing to add */
    String table() {
        StringBuilder s = new StringBuilder();
        String level = Numbers.format(100 * fit.options().confidenceLevel(), 3) + "%";
        if (bootstrap != null) {
            s.append("\n  bootstrap  ").append(bootstrap.requested()).append(" replicates (").append(bootstrap.method())
                    .append(" resampling, seed ").append(bootstrap.seed()).append("), ").append(bootstrap.failed())
                    .append(" failed; ").append(method == IntervalMethod.BCA ? "BCa" : "percentile").append(" intervals\n");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"quantity", "value", "boot. s.e.", level + " interval"});
            for (Estimate e : bootstrapEstimates(method)) {
                String name = e.name().equals("x_at_target") ? "x at " + e.description() : e.name();
                boolean date = e.name().equals("x_at_target") && isDateLaw();
                rows.add(new String[] {name, date ? x(e.value()) : Numbers.format(e.value(), 6),
                    Numbers.format(e.stderr(), 3) + (date ? " days" : ""),
                    "[" + (date ? x(e.lower()) : Numbers.format(e.lower(), 5)) + ", "
                        + (date ? x(e.upper()) : Numbers.format(e.upper(), 5)) + "]"});
            }
            s.append(TextTable.align(rows, "  "));
            if (bootstrap.failed() > 0) {
                s.append("  failed replicates (").append(bootstrap.failed()).append(" of ").append(bootstrap.requested())
                        .append(") are left out of the intervals; first: ").append(bootstrap.failures().get(0)).append('\n');
            }
        }
        if (!predictAt.isEmpty()) {
            s.append("\n  predictions of ").append(fit.data().responseColumn()).append(" (").append(level)
                    .append(" bands; curve = where the law lies, new point = plus noise)\n");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {fit.data().predictorColumn(0), "value", "curve (delta)", "new point (delta)",
                bootstrap == null ? "" : "curve (bootstrap)", bootstrap == null ? "" : "new point (bootstrap)"});
            List<String> notes = new ArrayList<>();
            for (double at : predictAt) {
                Prediction d = Bands.delta(fit, at);
                Prediction b = bootstrap == null ? null : Bands.bootstrap(bootstrap, at);
                rows.add(new String[] {x(at), Numbers.format(d.value(), 6), band(d.confidence()), band(d.prediction()),
                    b == null ? "" : band(b.confidence()), b == null ? "" : band(b.prediction())});
                if (d.extrapolation().severity() != Extrapolation.Severity.NONE) {
                    notes.add(x(at) + ": " + d.extrapolation().message());
                }
            }
            s.append(TextTable.align(rows, "  "));
            for (String n : notes) {
                s.append("  warning: ").append(n).append('\n');
            }
        }
        return s.toString();
    }

    private void putBoth(ObjectNode e, Estimate pct, Estimate bca) {
        Estimate chosen = method == IntervalMethod.BCA ? bca : pct;
        Json.put(e, "value", chosen.value());
        Json.put(e, "stderr", chosen.stderr());
        e.set("ci95", Json.interval(chosen.lower(), chosen.upper()));
        e.set("ci95_percentile", Json.interval(pct.lower(), pct.upper()));
        e.set("ci95_bca", Json.interval(bca.lower(), bca.upper()));
        e.put("method", chosen.method());
    }

    private static String band(Interval i) {
        return "[" + Numbers.format(i.lower(), 5) + ", " + Numbers.format(i.upper(), 5) + "]";
    }

    /**
     * Adds {@code bootstrap} and {@code predictions} to the fit's JSON object.
     *
     * @param o the fit's JSON object
     */
    void addTo(ObjectNode o) {
        if (bootstrap != null) {
            ObjectNode b = o.putObject("bootstrap");
            b.put("resample", bootstrap.method());
            b.put("replicates", bootstrap.requested());
            b.put("succeeded", bootstrap.succeeded());
            b.put("failed", bootstrap.failed());
            ArrayNode f = b.putArray("failures");
            bootstrap.failures().stream().limit(FAILURES_SHOWN).forEach(f::add);
            b.put("seed", bootstrap.seed());
            b.put("interval", method.label());
            b.put("jackknife_units", bootstrap.jackknifeUnits());
            b.put("jackknife_failed", bootstrap.jackknifeFailed());
            List<Estimate> pct = bootstrapEstimates(IntervalMethod.PERCENTILE);
            List<Estimate> bca = bootstrapEstimates(IntervalMethod.BCA);
            ObjectNode params = b.putObject("parameters");
            ObjectNode derived = b.putObject("derived");
            ArrayNode tg = b.putArray("targets");
            int np = fit.parameterNames().size();
            int nd = fit.law().derivedQuantities().size();
            int k = 0;
            for (; k < np + nd; k++) {
                putBoth(k < np ? params.putObject(pct.get(k).name()) : derived.putObject(pct.get(k).name()),
                        pct.get(k), bca.get(k));
            }
            for (double t : targets) {
                ObjectNode e = tg.addObject();
                Json.put(e, "y", t);
                if (fit.solveForX(t).isPresent()) {
                    putBoth(e, pct.get(k), bca.get(k));
                    k++;
                } else {
                    e.putNull("value");
                    e.put("note", "never reached");
                }
            }
        }
        if (!predictAt.isEmpty()) {
            ArrayNode preds = o.putArray("predictions");
            for (double at : predictAt) {
                Prediction d = Bands.delta(fit, at);
                ObjectNode p = preds.addObject();
                Json.put(p, "x", at);
                if (isDateLaw()) {
                    p.put("date", x(at));
                }
                Json.put(p, "value", d.value());
                ObjectNode delta = p.putObject("delta");
                delta.set("confidence_ci95", Json.interval(d.confidence().lower(), d.confidence().upper()));
                delta.set("prediction_ci95", Json.interval(d.prediction().lower(), d.prediction().upper()));
                Optional<Prediction> b = bootstrap == null ? Optional.empty() : Optional.of(Bands.bootstrap(bootstrap, at));
                if (b.isPresent()) {
                    ObjectNode bo = p.putObject("bootstrap");
                    bo.set("confidence_ci95", Json.interval(b.get().confidence().lower(), b.get().confidence().upper()));
                    bo.set("prediction_ci95", Json.interval(b.get().prediction().lower(), b.get().prediction().upper()));
                }
                Extrapolation e = d.extrapolation();
                ObjectNode eo = p.putObject("extrapolation");
                Json.put(eo, "distance", e.distance());
                eo.put("unit", e.unit());
                eo.put("side", e.side());
                eo.put("severity", e.severity().name().toLowerCase(java.util.Locale.ROOT));
                if (e.severity() == Extrapolation.Severity.NONE) {
                    eo.putNull("warning");
                } else {
                    eo.put("warning", e.message());
                }
            }
        }
    }
}
