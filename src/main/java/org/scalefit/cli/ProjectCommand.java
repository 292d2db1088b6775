package org.scalefit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.scalefit.Numbers;
import org.scalefit.data.Dates;
import org.scalefit.horizon.HorizonPoint;
import org.scalefit.horizon.Milestone;
import org.scalefit.horizon.Projection;
import org.scalefit.horizon.TrendCurve;
import org.scalefit.horizon.TrendKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code scalefit project}: when each trend reaches a work-day, week, month, year of task length, and the horizon at future dates.
 *
 * <pre>{@code
 * int code = Main.run(new String[] {"project", "datasets/metr-horizons.csv", "--frontier",
 *         "--milestones", "8h,40h", "--until", "2030-01-01"}, System.out, System.err);
 * }</pre>
 */
@Command(name = "project", mixinStandardHelpOptions = true,
        description = "Projects the trend: the date each milestone (for horizons by default 1 h, 8 h work-day, 40 h week, "
                + "167 h month, 2,000 h work-year; for other quantities levels such as 1e27) is reached and the value on "
                + "future dates, each with an interval, for every trend shape (exponential, piecewise, superexponential).",
        footer = {"", "Intervals come from refitting each trend to replicate sets of the horizons (see 'scalefit trend "
                + "--help'); they reflect how well the horizons are measured, not whether the trend will continue.",
            "", "Examples:",
            "  scalefit project datasets/metr-horizons.csv --frontier",
            "  scalefit project datasets/metr-horizons.csv --milestones 8h,40h,167h,2000h --until 2032-01-01",
            "  scalefit project datasets/metr-horizons.csv --frontier --since 2023-01-01 --at 2027-01-01,2030-01-01 --json",
            "  scalefit project datasets/metr-horizons.csv --frontier --milestones 8h,40h,167h --plot project.png",
            "  scalefit project datasets/metr-horizons.csv --frontier --report project.html",
            "  scalefit project datasets/epoch2026-notable-models-compute.csv --date publication_date "
                + "--y training_compute_flop --since 2010-01-01 --trends exponential --milestones 1e27,1e28"})
public final class ProjectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TrendInputOptions input;

    @Option(names = "--fit-until", paramLabel = "DATE", description = "Fit only models released on or before DATE.")
    String fitUntil;

    @Option(names = "--milestones", paramLabel = "LIST", defaultValue = "1h,8h,40h,167h,2000h",
            description = "Levels to date: for horizons, lengths with units s, min, h (default: ${DEFAULT-VALUE}); for other "
                    + "quantities, values such as 1e26,1e27 (default: none).")
    String milestones;

    @Option(names = "--until", paramLabel = "DATE", defaultValue = "2035-01-01",
            description = "Project until DATE: horizons on each 1 January up to it; milestones after it are flagged "
                    + "(default: ${DEFAULT-VALUE}).")
    String until;

    @Option(names = "--at", paramLabel = "DATE[,DATE...]", split = ",",
            description = "Dates to give the value on (default: each 1 January after the last model, up to --until).")
    List<String> at = new ArrayList<>();

    @Mixin
    CommonOptions common;

    @Mixin
    PlotOptions plot;

    @Mixin
    ReportOptions html;

    /** Created by picocli. */
    public ProjectCommand() {
    }

    @Override
    public Integer call() {
        TrendQuantity quantity = input.quantity();
        boolean given = spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption("--milestones");
        List<Milestone> ms = quantity.minutes() ? Milestone.parseList(milestones)
                : given ? Milestone.parseLevels(milestones) : List.of();
        plot.validate(input.file, input.releaseDates);
        html.validate(input.file, input.releaseDates, plot.file());
        double end = TrendInputOptions.date("--until", until);
        double fu = fitUntil == null ? Double.NaN : TrendInputOptions.date("--fit-until", fitUntil);
        List<Double> dates = new ArrayList<>();
        for (String a : at) {
            dates.add(TrendInputOptions.date("--at", a));
        }
        TrendInputOptions.Loaded loaded = input.fit(fu, end, label -> common.progress(spec, label));
        List<HorizonPoint> used = loaded.fit().used();
        double last = used.get(used.size() - 1).date();
        if (dates.isEmpty()) {
            int y = Dates.toDate(last).getYear() + 1;
            for (double d = LocalDate.of(y, 1, 1).toEpochDay(); d <= end; d = LocalDate.of(++y, 1, 1).toEpochDay()) {
                dates.add(d);
            }
        }
        Projection pr = Projection.of(loaded.fit(), ms, dates.stream().mapToDouble(Double::doubleValue).toArray());
        TrendReport report = new TrendReport(loaded);
        PrintWriter out = spec.commandLine().getOut();
        org.scalefit.plot.Figure figure = plot.requested() || html.requested()
                ? PlotOptions.draw(() -> report.figure(plot, pr, end, input.y)) : null;
        if (plot.requested()) {
            plot.write(figure);
        }
        if (common.json()) {
            ObjectNode json = json(report, pr, end);
            if (plot.requested()) {
                plot.putJson(json, figure);
            }
            Json.recordInvocation(json, spec);
            out.println(Json.write(json));
        } else {
            out.print(table(report, pr, end));
        }
        out.flush();
        plot.noteWritten(spec.commandLine().getErr(), "project", common);
        if (html.requested()) {
            html.write(htmlReport(report, pr, end, figure), spec.commandLine().getErr(), "project", common);
        }
        if (!common.quiet() && common.json()) {
            for (String n : loaded.notes()) {
                spec.commandLine().getErr().println("scalefit project: note: " + n);
            }
        }
        return Main.OK;
    }

    /** The HTML report: the chart, the trend, the projections per trend shape, notes and provenance. */
    private org.scalefit.report.HtmlReport htmlReport(TrendReport report, Projection pr, double end,
                                                      org.scalefit.plot.Figure figure) {
        String pct = Numbers.format(pr.fit().options().confidenceLevel() * 100, 4) + "% CI";
        org.scalefit.report.HtmlReport.Builder b = org.scalefit.report.HtmlReport.builder("scalefit project: when does the "
                + "trend reach each milestone?");
        b.lead(report.sourceLine() + " · doubling every " + HorizonText.days(pr.fit().doublingTimeDays()) + " days · "
                + pr.fit().used().size() + " models · projected to " + Dates.format(end));
        b.warnings(report.notes());
        b.figure(figure, "Models with their intervals, the exponential trend and its band (dashed beyond the fitted "
                + "models), other trend shapes, and the milestones with the dates the trend reaches them.");
        b.section("Projections");
        for (TrendKind k : pr.fit().kinds()) {
            TrendCurve c = pr.fit().curve(k).orElseThrow();
            double last = pr.fit().used().get(pr.fit().used().size() - 1).date();
            List<List<String>> rows = new ArrayList<>();
            for (Projection.MilestoneDate md : pr.milestones(k)) {
                rows.add(List.of(md.milestone().label(), HorizonText.date(md.date()),
                        HorizonText.interval(md.interval(), HorizonText::date),
                        Double.isFinite(md.date()) && md.date() > end ? "after the projection's end" : ""));
            }
            for (Projection.HorizonAt ha : pr.horizons(k)) {
                rows.add(List.of("horizon on " + Dates.format(ha.date()), HorizonText.duration(ha.minutes()),
                        HorizonText.interval(ha.interval(), HorizonText::duration), ""));
            }
            b.table(k.label() + " (doubling " + HorizonText.days(c.doublingTimeDays(last)) + " days at "
                    + Dates.format(last) + ")", List.of("milestone", "date or horizon", pct, ""), rows);
        }
        report.addTo(b);
        b.section("Method");
        b.list(List.of("Trend: OLS of the logarithm of the horizon on the release date; the piecewise trend has a break "
                        + "date, the superexponential one shortens each doubling by a constant factor.",
                "Intervals: " + report.intervalMethod() + ". They reflect how well the horizons are measured, not whether "
                        + "the trend will continue.",
                "Milestones are working time (8 h a day, 40 h a week, 167 h a month, 2,000 h a year), as METR counts them."));
        b.section("Data and provenance");
        b.meta(HtmlReports.provenance(spec, java.util.Arrays.asList(input.file, input.releaseDates), List.of()));
        b.details("The command's text output", table(report, pr, end));
        b.footer("Written by scalefit " + Version.current() + ". Self-contained: no network, no scripts.");
        return b.build();
    }

    private ObjectNode json(TrendReport report, Projection pr, double end) {
        ObjectNode root = report.json("project");
        String ci = HorizonText.ciKey(pr.fit().options().confidenceLevel());
        HorizonText.putDate(root, "projection_until", end);
        ArrayNode ps = root.putArray("projections");
        for (TrendKind k : pr.fit().kinds()) {
            TrendCurve c = pr.fit().curve(k).orElseThrow();
            ObjectNode o = ps.addObject();
            o.put("trend", k.label());
            double last = pr.fit().used().get(pr.fit().used().size() - 1).date();
            Json.put(o, "doubling_time_days", c.doublingTimeDays(last));
            Json.put(o, "growth_per_year", TrendReport.growthPerYear(c.doublingTimeDays(last)));
            ArrayNode m = o.putArray("milestones");
            for (Projection.MilestoneDate md : pr.milestones(k)) {
                ObjectNode e = m.addObject();
                e.put("milestone", md.milestone().label());
                putValue(e, md.milestone().minutes(), report.quantity());
                HorizonText.putDate(e, "date", md.date());
                e.set(ci, HorizonText.dateInterval(md.interval()));
                e.put("reached", Double.isFinite(md.date()));
                e.put("reached_by_until", md.date() <= end);
            }
            ArrayNode h = o.putArray("horizons");
            for (Projection.HorizonAt ha : pr.horizons(k)) {
                ObjectNode e = h.addObject();
                HorizonText.putDate(e, "date", ha.date());
                putValue(e, ha.minutes(), report.quantity());
                e.set(ci, Json.interval(ha.interval().lower(), ha.interval().upper()));
            }
        }
        root.put("scalefit_version", Version.current());
        return root;
    }

    /** A level in JSON: {@code minutes} and {@code hours} for horizons, {@code value} for other quantities. */
    private static void putValue(ObjectNode e, double v, TrendQuantity q) {
        if (q.minutes()) {
            Json.put(e, "minutes", v);
            Json.put(e, "hours", v / 60);
        } else {
            Json.put(e, "value", v);
        }
    }

    private String table(TrendReport report, Projection pr, double end) {
        StringBuilder s = new StringBuilder(report.table());
        String pct = Numbers.format(pr.fit().options().confidenceLevel() * 100, 4) + "% CI";
        s.append("\nprojections (").append(report.intervalMethod()).append("):\n");
        for (TrendKind k : pr.fit().kinds()) {
            TrendCurve c = pr.fit().curve(k).orElseThrow();
            double last = pr.fit().used().get(pr.fit().used().size() - 1).date();
            s.append('\n').append(k.label()).append(" (doubling ").append(HorizonText.days(c.doublingTimeDays(last)))
                    .append(" days at ").append(Dates.format(last)).append(", ")
                    .append(TrendReport.growth(TrendReport.growthPerYear(c.doublingTimeDays(last)))).append(" a year)\n");
            List<String[]> rows = new ArrayList<>();
            TrendQuantity q = report.quantity();
            rows.add(new String[] {q.minutes() ? "milestone" : q.name() + " reaches", "date", pct, ""});
            for (Projection.MilestoneDate md : pr.milestones(k)) {
                rows.add(new String[] {md.milestone().label(), HorizonText.date(md.date()),
                    HorizonText.interval(md.interval(), HorizonText::date),
                    Double.isFinite(md.date()) && md.date() > end ? "after --until" : ""});
            }
            for (Projection.HorizonAt ha : pr.horizons(k)) {
                rows.add(new String[] {q.name() + " on " + Dates.format(ha.date()), q.level(ha.minutes()),
                    HorizonText.interval(ha.interval(), q::level), ""});
            }
            s.append(TrendReport.left(rows, "  "));
        }
        return s.toString();
    }
}
