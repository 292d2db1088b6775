package org.scalefit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.scalefit.Numbers;
import org.scalefit.TextTable;
import org.scalefit.data.Dates;
import org.scalefit.horizon.HorizonPoint;
import org.scalefit.model.DoublingTrend;
import org.scalefit.horizon.TrendComparison;
import org.scalefit.horizon.TrendCurve;
import org.scalefit.horizon.TrendFit;
import org.scalefit.horizon.TrendKind;
import org.scalefit.horizon.UncertaintySource;
import org.scalefit.stats.Interval;

/**
 * The table and JSON of a trend fit, shared by {@code trend} and {@code project}: the doubling time and the growth
 * per year (×/yr = 2^(365.2425 days / doubling)) with their intervals, in the words of the quantity fitted.
 */
final class TrendReport {
    private final TrendInputOptions.Loaded loaded;
    private final TrendFit fit;
    private final String ci;
    private final TrendQuantity quantity;

    TrendReport(TrendInputOptions.Loaded loaded) {
        this.loaded = loaded;
        this.fit = loaded.fit();
        this.ci = HorizonText.ciKey(fit.options().confidenceLevel());
        this.quantity = loaded.quantity();
    }

    /** @return what the y column measures */
    TrendQuantity quantity() {
        return quantity;
    }

    /**
     * @param doublingDays a doubling time in days (the trends' intervals put ∞ for a slope that is not positive)
     * @return the growth factor per year ({@link DoublingTrend#growthPerYear}); NaN for a doubling time ≤ 0
     */
    static double growthPerYear(double doublingDays) {
        return doublingDays > 0 ? DoublingTrend.growthPerYear(doublingDays) : Double.NaN;
    }

    /** The growth interval of a doubling-time interval (the map is decreasing: the ends swap). */
    static Interval growthInterval(Interval doubling) {
        return new Interval(growthPerYear(doubling.upper()), growthPerYear(doubling.lower()));
    }

    /** The summary JSON: doubling time, intervals, R², models, shapes and their comparison. */
    ObjectNode json(String command) {
        ObjectNode root = Json.object();
        root.put("command", command);
        root.put("source", loaded.source());
        ObjectNode q = root.putObject("quantity");
        q.put("name", quantity.name());
        q.put("column", quantity.column());
        if (quantity.minutes()) {
            q.put("unit", "minutes");
        } else {
            q.putNull("unit");
        }
        if (loaded.version() != null) {
            root.put("benchmark_version", loaded.version());
        }
        ObjectNode sel = root.putObject("selection");
        sel.put("frontier", fit.options().frontier());
        HorizonText.putDate(sel, "since", fit.options().since());
        HorizonText.putDate(sel, "until", fit.options().until());
        TrendCurve exp = fit.exponential();
        double days = fit.doublingTimeDays();
        Interval dci = fit.doublingTimeInterval();
        Interval ols = fit.doublingTimeOlsInterval();
        Json.put(root, "doubling_time_days", days);
        Json.put(root, "doubling_time_months", days / Dates.DAYS_PER_MONTH);
        root.set(ci, Json.interval(dci.lower(), dci.upper()));
        root.set(ci + "_months", Json.interval(dci.lower() / Dates.DAYS_PER_MONTH, dci.upper() / Dates.DAYS_PER_MONTH));
        root.put("ci_method", fit.uncertainty().code());
        root.put("ci_method_description", fit.uncertainty().description());
        root.put("replicates", fit.replicateCount());
        root.set(ci + "_ols", Json.interval(ols.lower(), ols.upper()));
        Json.put(root, "growth_per_year", growthPerYear(days));
        Interval g = growthInterval(dci);
        root.set("growth_per_year_" + ci, Json.interval(g.lower(), g.upper()));
        Interval go = growthInterval(ols);
        root.set("growth_per_year_" + ci + "_ols", Json.interval(go.lower(), go.upper()));
        Json.put(root, "r2", exp.r2());
        root.put("n_models", fit.used().size());
        ArrayNode used = root.putArray("models");
        for (HorizonPoint p : fit.used()) {
            ObjectNode m = used.addObject();
            m.put("model", p.model());
            HorizonText.putDate(m, "release_date", p.date());
            Json.put(m, quantity.key(), p.minutes());
            if (p.hasInterval()) {
                m.set(ci.equals("ci95") ? "ci95" : "interval", Json.interval(p.lower(), p.upper()));
            }
        }
        ArrayNode ex = root.putArray("models_excluded");
        for (TrendFit.Excluded e : fit.excluded()) {
            ObjectNode m = ex.addObject();
            m.put("model", e.model());
            m.put("reason", e.reason());
        }
        ArrayNode trends = root.putArray("trends");
        for (TrendKind k : TrendKind.values()) {
            if (fit.curve(k).isPresent()) {
                trends.add(curveJson(fit.curve(k).get()));
            } else if (fit.notFittedReason(k).isPresent()) {
                ObjectNode t = trends.addObject();
                t.put("trend", k.label());
                t.put("fitted", false);
                t.put("reason", fit.notFittedReason(k).get());
            }
        }
        ArrayNode cmp = root.putArray("comparison");
        String bestAicc = null;
        String bestBic = null;
        for (TrendComparison c : fit.comparison()) {
            ObjectNode o = cmp.addObject();
            o.put("trend", c.kind().label());
            o.put("n", c.n());
            o.put("k", c.k());
            Json.put(o, "rss", c.rss());
            Json.put(o, "r2", c.r2());
            Json.put(o, "aic", c.aic());
            Json.put(o, "aicc", c.aicc());
            Json.put(o, "bic", c.bic());
            Json.put(o, "delta_aicc", c.deltaAicc());
            Json.put(o, "delta_bic", c.deltaBic());
            Json.put(o, "akaike_weight", c.akaikeWeight());
            if (c.deltaAicc() == 0) {
                bestAicc = c.kind().label();
            }
            if (c.deltaBic() == 0) {
                bestBic = c.kind().label();
            }
        }
        if (bestAicc != null) {
            root.put("best_by_aicc", bestAicc);
        }
        if (bestBic != null) {
            root.put("best_by_bic", bestBic);
        }
        ArrayNode notes = root.putArray("notes");
        loaded.notes().forEach(notes::add);
        fit.notes().forEach(notes::add);
        DataOptions.putSkipped(root, loaded.skipped());
        return root;
    }

    ObjectNode curveJson(TrendCurve c) {
        ObjectNode t = Json.object();
        TrendKind k = c.kind();
        t.put("trend", k.label());
        t.put("fitted", true);
        double last = fit.used().get(fit.used().size() - 1).date();
        switch (k) {
            case EXPONENTIAL -> {
                Json.put(t, "doubling_time_days", c.doublingTimeDays(last));
                Interval d = fit.doublingTimeInterval();
                t.set(ci, Json.interval(d.lower(), d.upper()));
                Json.put(t, "growth_per_year", growthPerYear(c.doublingTimeDays(last)));
                Interval g = growthInterval(d);
                t.set("growth_per_year_" + ci, Json.interval(g.lower(), g.upper()));
            }
            case PIECEWISE -> {
                HorizonText.putDate(t, "break_date", c.breakDate());
                t.put("break_date_estimated", Double.isNaN(fit.options().breakDate()));
                Interval b = fit.interval(k, TrendCurve::breakDate);
                t.set("break_date_" + ci, HorizonText.dateInterval(b));
                Json.put(t, "doubling_time_days_before", c.doublingTimeDays(c.breakDate() - 1));
                Interval before = fit.interval(k, x -> positive(x.doublingTimeDays(x.breakDate() - 1)));
                t.set(ci + "_before", Json.interval(before.lower(), before.upper()));
                Json.put(t, "doubling_time_days_after", c.doublingTimeDays(c.breakDate() + 1));
                Interval after = fit.interval(k, x -> positive(x.doublingTimeDays(x.breakDate() + 1)));
                t.set(ci + "_after", Json.interval(after.lower(), after.upper()));
                Json.put(t, "doubling_time_days", c.doublingTimeDays(last));
            }
            case SUPEREXPONENTIAL -> {
                HorizonText.putDate(t, "reference_date", c.referenceDate());
                Json.put(t, "doubling_time_days", c.doublingTimeDays(c.referenceDate()));
                Interval d = fit.interval(k, x -> positive(x.doublingTimeDays(x.referenceDate())));
                t.set(ci, Json.interval(d.lower(), d.upper()));
                Json.put(t, "ratio", c.ratio());
                Interval r = fit.interval(k, TrendCurve::ratio);
                t.set("ratio_" + ci, Json.interval(r.lower(), r.upper()));
                HorizonText.putDate(t, "singularity_date", c.singularityDate());
            }
            default -> throw new IllegalStateException(k.toString());
        }
        Json.put(t, "r2", c.r2());
        Json.put(t, "aic", c.aic());
        Json.put(t, "aicc", c.aicc());
        Json.put(t, "bic", c.bic());
        t.put("failed_replicates", fit.failedReplicates(k));
        return t;
    }

    private static double positive(double d) {
        return d > 0 ? d : Double.POSITIVE_INFINITY;
    }

    /** The human-readable report. */
    String table() {
        StringBuilder s = new StringBuilder();
        List<HorizonPoint> used = fit.used();
        String pct = Numbers.format(fit.options().confidenceLevel() * 100, 4) + "%";
        s.append(loaded.source());
        if (loaded.version() != null) {
            s.append(" (").append(loaded.version()).append(")");
        }
        s.append(": ").append(used.size()).append(fit.options().frontier() ? " frontier models" : " models").append(" released ")
                .append(Dates.format(used.get(0).date())).append(" … ").append(Dates.format(used.get(used.size() - 1).date()));
        if (!fit.excluded().isEmpty()) {
            s.append(", ").append(fit.excluded().size()).append(" left out");
        }
        s.append("\n\n");
        double days = fit.doublingTimeDays();
        Interval d = fit.doublingTimeInterval();
        Interval ols = fit.doublingTimeOlsInterval();
        s.append("exponential trend (OLS of ln ").append(quantity.name()).append(" on ")
                .append(quantity.minutes() ? "release date" : "date").append(")\n");
        boolean hasCi = !Double.isNaN(d.lower()) || !Double.isNaN(d.upper());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"doubling time", HorizonText.days(days) + " days = " + HorizonText.months(days),
            pct + " CI " + (hasCi ? HorizonText.interval(d, HorizonText::days) + " days = "
                    + HorizonText.interval(d, v -> HorizonText.days(v / Dates.DAYS_PER_MONTH)) + " months" : "–")});
        rows.add(new String[] {"", "", intervalMethod()});
        rows.add(new String[] {"growth per year", growth(growthPerYear(days)), pct + " CI "
                + (hasCi ? HorizonText.interval(growthInterval(d), TrendReport::growth) : "–")});
        rows.add(new String[] {"OLS interval", HorizonText.interval(ols, HorizonText::days) + " days",
            "growth " + HorizonText.interval(growthInterval(ols), TrendReport::growth) + "; from the scatter about the trend"});
        rows.add(new String[] {"R²", Numbers.format(fit.r2(), 3), ""});
        s.append(left(rows, "  "));
        s.append("\nmodels fitted:\n");
        List<String[]> m = new ArrayList<>();
        for (HorizonPoint p : used) {
            m.add(new String[] {p.model(), Dates.format(p.date()), quantity.value(p.minutes()),
                p.hasInterval() ? "[" + quantity.number(p.lower()) + ", " + quantity.number(p.upper()) + "]" : ""});
        }
        s.append(TextTable.align(m, "  "));
        for (TrendKind k : List.of(TrendKind.PIECEWISE, TrendKind.SUPEREXPONENTIAL)) {
            if (fit.curve(k).isPresent()) {
                s.append('\n').append(describe(fit.curve(k).get(), pct)).append('\n');
            } else if (fit.notFittedReason(k).isPresent()) {
                s.append('\n').append(k.label()).append(": not fitted: ").append(fit.notFittedReason(k).get()).append('\n');
            }
        }
        s.append("\ncomparison (lower AICc/BIC is better; weight = Akaike weight by AICc):\n");
        List<String[]> c = new ArrayList<>();
        c.add(new String[] {"trend", "k", "R²", "AICc", "ΔAICc", "BIC", "ΔBIC", "weight"});
        for (TrendComparison t : fit.comparison()) {
            c.add(new String[] {t.kind().label(), Integer.toString(t.k()), Numbers.format(t.r2(), 3),
                Numbers.format(t.aicc(), 4), Numbers.format(t.deltaAicc(), 3), Numbers.format(t.bic(), 4),
                Numbers.format(t.deltaBic(), 3), Numbers.format(t.akaikeWeight(), 2)});
        }
        s.append(TextTable.align(c, "  "));
        List<String> notes = new ArrayList<>(loaded.notes());
        notes.addAll(fit.notes());
        if (!notes.isEmpty()) {
            s.append("\nnotes:\n");
            notes.forEach(n -> s.append("  ").append(n).append('\n'));
        }
        return s.toString();
    }

    /** A growth factor per year: "3.30×". */
    static String growth(double g) {
        return Double.isNaN(g) ? "–" : g == Double.POSITIVE_INFINITY ? "∞" : Numbers.format(g, 3) + "×";
    }

    String intervalMethod() {
        return switch (fit.uncertainty()) {
            case RUN_BOOTSTRAP -> "refit on " + fit.replicateCount() + " bootstrap replicates of the horizons (from the runs)";
            case PUBLISHED_INTERVALS -> "refit on " + fit.replicateCount() + " draws from the published per-model intervals";
            case MODEL_BOOTSTRAP -> "refit on " + fit.replicateCount() + " resamples of the models (no per-model intervals)";
            case NONE -> "no per-model intervals: CI unavailable";
        };
    }

    String describe(TrendCurve c, String pct) {
        TrendKind k = c.kind();
        if (k == TrendKind.PIECEWISE) {
            Interval b = fit.interval(k, TrendCurve::breakDate);
            Interval before = fit.interval(k, x -> positive(x.doublingTimeDays(x.breakDate() - 1)));
            Interval after = fit.interval(k, x -> positive(x.doublingTimeDays(x.breakDate() + 1)));
            return "piecewise exponential, break " + Dates.format(c.breakDate())
                    + (Double.isNaN(fit.options().breakDate()) ? " (estimated, " + pct + " CI " + dateRange(b) + ")" : " (fixed)")
                    + "\n  doubling " + HorizonText.days(c.doublingTimeDays(c.breakDate() - 1)) + " days before "
                    + HorizonText.interval(before, HorizonText::days) + ", " + HorizonText.days(c.doublingTimeDays(c.breakDate() + 1))
                    + " days after " + HorizonText.interval(after, HorizonText::days);
        }
        Interval dt = fit.interval(k, x -> positive(x.doublingTimeDays(x.referenceDate())));
        Interval r = fit.interval(k, TrendCurve::ratio);
        return "superexponential (each doubling takes r × the previous one)\n  doubling "
                + HorizonText.days(c.doublingTimeDays(c.referenceDate())) + " days at " + Dates.format(c.referenceDate()) + " "
                + HorizonText.interval(dt, HorizonText::days) + ", r = " + Numbers.format(c.ratio(), 3) + " "
                + HorizonText.interval(r, v -> Numbers.format(v, 3))
                + (c.ratio() < 1 ? ", diverges " + HorizonText.date(c.singularityDate()) : "");
    }

    private static String dateRange(Interval i) {
        return HorizonText.interval(i, HorizonText::date);
    }

    /** Aligns rows with every column left-aligned. */
    static String left(List<String[]> rows, String indent) {
        return TextTable.left(rows, indent);
    }

    /**
     * The METR-style chart of this trend: the data's view, or with a projection its milestones up to its end.
     *
     * @param plot       size and tick options
     * @param projection milestone dates to draw, or null
     * @param until      the end of the projection (NaN for none)
     * @param y          the value column's name (a duration, such as p50_minutes, gets a task-length axis)
     * @return the figure
     */
    org.scalefit.plot.Figure figure(PlotOptions plot, org.scalefit.horizon.Projection projection, double until, String y) {
        var unit = org.scalefit.plot.DurationUnit.fromColumnName(y);
        double[] wh = plot.size(760, 470);
        org.scalefit.plot.TrendPlot.Options o = org.scalefit.plot.TrendPlot.Options.defaults().withSize(wh[0], wh[1])
                .withQuantity(unit.orElse(null), unit.isPresent() ? "Task length" : y)
                .withSource("Data: " + loaded.source() + (loaded.version() != null ? " (" + loaded.version() + ")" : "")
                        + (projection != null ? "; trend, band and projection" : "; trend and band") + " by scalefit ("
                        + intervalMethod() + ")");
        if (projection != null) {
            o = o.withProjection(projection, until);
        }
        return org.scalefit.plot.TrendPlot.of(fit, o);
    }

    /**
     * Adds the trend's sections to an HTML report: the doubling time with its intervals, the models fitted,
     * the other trend shapes and their comparison.
     *
     * @param b the report being built
     */
    void addTo(org.scalefit.report.HtmlReport.Builder b) {
        String pct = Numbers.format(fit.options().confidenceLevel() * 100, 4) + "%";
        double days = fit.doublingTimeDays();
        Interval d = fit.doublingTimeInterval();
        Interval ols = fit.doublingTimeOlsInterval();
        b.section("Exponential trend");
        b.table("OLS of ln horizon on release date", List.of("quantity", "value", pct + " interval", "from"), List.of(
                List.of("doubling time (days)", HorizonText.days(days), HorizonText.interval(d, HorizonText::days),
                        intervalMethod()),
                List.of("doubling time (months)", HorizonText.days(days / Dates.DAYS_PER_MONTH),
                        HorizonText.interval(d, v -> HorizonText.days(v / Dates.DAYS_PER_MONTH)), intervalMethod()),
                List.of("doubling time, OLS interval (days)", HorizonText.days(days),
                        HorizonText.interval(ols, HorizonText::days), "the scatter about the trend"),
                List.of("R²", Numbers.format(fit.r2(), 3), "–", "")));
        List<List<String>> models = new ArrayList<>();
        for (HorizonPoint p : fit.used()) {
            models.add(List.of(p.model(), Dates.format(p.date()), HorizonText.minutes(p.minutes()),
                    p.hasInterval() ? "[" + HorizonText.minutes(p.lower()) + ", " + HorizonText.minutes(p.upper()) + "]" : "–"));
        }
        b.table(fit.used().size() + (fit.options().frontier() ? " frontier models" : " models") + " fitted",
                List.of("model", "release date", "horizon (min)", "interval (min)"), models);
        if (!fit.excluded().isEmpty()) {
            List<String> ex = new ArrayList<>();
            for (TrendFit.Excluded e : fit.excluded()) {
                ex.add(e.model() + ": " + e.reason());
            }
            b.subsection("Left out");
            b.list(ex);
        }
        b.section("Other trend shapes");
        List<String> shapes = new ArrayList<>();
        for (TrendKind k : List.of(TrendKind.PIECEWISE, TrendKind.SUPEREXPONENTIAL)) {
            if (fit.curve(k).isPresent()) {
                shapes.add(describe(fit.curve(k).get(), pct).replace("\n  ", ": "));
            } else if (fit.notFittedReason(k).isPresent()) {
                shapes.add(k.label() + ": not fitted: " + fit.notFittedReason(k).get());
            }
        }
        b.list(shapes);
        List<List<String>> c = new ArrayList<>();
        for (TrendComparison t : fit.comparison()) {
            c.add(List.of(t.kind().label(), Integer.toString(t.k()), Numbers.format(t.r2(), 3), Numbers.format(t.aicc(), 4),
                    Numbers.format(t.deltaAicc(), 3), Numbers.format(t.bic(), 4), Numbers.format(t.deltaBic(), 3),
                    Numbers.format(t.akaikeWeight(), 2)));
        }
        b.table("lower AICc/BIC is better; weight = Akaike weight by AICc",
                List.of("trend", "k", "R²", "AICc", "ΔAICc", "BIC", "ΔBIC", "weight"), c);
    }

    /** @return the notes of the input and the fit, for a report's warnings */
    List<String> notes() {
        List<String> notes = new ArrayList<>(loaded.notes());
        notes.addAll(fit.notes());
        return notes;
    }

    /** @return the input's name and benchmark version */
    String sourceLine() {
        return loaded.source() + (loaded.version() != null ? " (" + loaded.version() + ")" : "");
    }

    UncertaintySource source() {
        return fit.uncertainty();
    }
}
