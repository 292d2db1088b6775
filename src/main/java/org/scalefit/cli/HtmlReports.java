package org.scalefit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.scalefit.Numbers;
import org.scalefit.compare.Candidate;
import org.scalefit.compare.Comparison;
import org.scalefit.data.LoadResult;
import org.scalefit.data.Observations;
import org.scalefit.fit.Estimate;
import org.scalefit.fit.Fit;
import org.scalefit.fit.Parameter;
import org.scalefit.plot.Figure;
import org.scalefit.plot.FitPlot;
import org.scalefit.report.HtmlReport;
import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.Extrapolation;
import org.scalefit.uncertainty.Prediction;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The HTML reports of {@code fit}, {@code compare} and {@code project} ({@code --report FILE.html}): the
 * command's figure inline, its tables as tables, the warnings, the data's provenance (file, size, SHA-256,
 * rows used and left out, the command line that made the report) and notes on the method behind the numbers.
 * The page itself is written by {@link HtmlReport}.
 */
final class HtmlReports {
    private HtmlReports() {
    }

    /** Provenance of the inputs and of the run: what a reader needs to trust and redo the numbers. */
    static List<String[]> provenance(CommandSpec spec, List<Path> files, List<String[]> more) {
        List<String[]> out = new ArrayList<>();
        for (Path f : files) {
            if (f != null) {
                out.add(new String[] {"input", describe(f)});
            }
        }
        out.addAll(more);
        out.add(new String[] {"command", commandLine(spec)});
        out.add(new String[] {"scalefit", Version.current()});
        return out;
    }

    /** A file as {@code path (12,345 bytes, SHA-256 ab12…)}. */
    static String describe(Path f) {
        try {
            long size = Files.size(f);
            return f + " (" + String.format(Locale.ROOT, "%,d", size) + " bytes, SHA-256 " + sha256(f) + ")";
        } catch (IOException e) {
            return f.toString();
        }
    }

    private static String sha256(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** The command line that produced the report, each argument quoted when the shell would need it. */
    static String commandLine(CommandSpec spec) {
        StringBuilder s = new StringBuilder("scalefit");
        var parse = spec.commandLine().getParseResult();
        List<String> args = parse == null ? List.of() : parse.originalArgs();
        if (args.isEmpty() || !args.get(0).equals(spec.name())) {
            s.append(' ').append(spec.name());
        }
        for (String a : args) {
            s.append(' ').append(a.matches("[\\w@%+=:,./-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return s.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "–" : Numbers.format(v, 5).replace('-', '−');
    }

    private static String interval(double lo, double hi) {
        return Double.isFinite(lo) || Double.isFinite(hi) ? "[" + num(lo) + ", " + num(hi) + "]" : "–";
    }

    /**
     * The report of one fit.
     *
     * @param spec        the command
     * @param fit         the fit
     * @param text        the text report printed by the command
     * @param uncertainty its bootstrap, predictions and targets
     * @param boot        the bootstrap, or null
     * @param figure      the fit's chart
     * @param loaded      the data as loaded (for rows left out)
     * @param file        the input file
     * @param dates       true when x holds dates
     * @return the report
     */
    static HtmlReport fit(CommandSpec spec, Fit fit, String text, UncertaintyReport uncertainty, BootstrapResult boot,
                          Figure figure, LoadResult loaded, Path file, boolean dates) {
        Observations data = fit.data();
        String x = data.predictorCount() == 1 ? data.predictorColumn(0) : String.join(", ", data.predictorNames());
        HtmlReport.Builder b = HtmlReport.builder("scalefit fit: " + fit.law().name() + " fit of " + data.responseColumn()
                + " on " + x);
        b.lead(fit.formulaWithValues() + " · " + data.size() + " points · " + (fit.converged() ? "converged"
                : "did not converge: " + fit.convergenceReason()));
        List<String> warnings = new ArrayList<>(fit.warnings(Flags::of));
        for (Prediction p : uncertainty.predictions()) {
            if (p.extrapolation().severity() != Extrapolation.Severity.NONE) {
                warnings.add(xText(p.x(), dates) + ": " + p.extrapolation().message());
            }
        }
        if (!loaded.skipped().isEmpty()) {
            warnings.add(DataOptions.skippedNote(loaded.skipped()));
        }
        b.warnings(warnings);
        if (figure != null) {
            b.figure(figure, "Data, fitted curve (dashed beyond the data) and its band; predictions and targets when asked for.");
        }
        String level = Numbers.format(100 * fit.options().confidenceLevel(), 3) + "%";
        b.section("Parameters");
        List<List<String>> rows = new ArrayList<>();
        for (Parameter p : fit.parameters()) {
            rows.add(List.of(p.name(), num(p.value()), p.fixed() ? "fixed" : num(p.stderr()),
                    p.fixed() ? "–" : interval(p.lower(), p.upper())));
        }
        b.table(List.of("parameter", "value", "std. error", level + " interval"), rows);
        if (!fit.derived().isEmpty()) {
            List<List<String>> d = new ArrayList<>();
            for (Estimate e : fit.derived()) {
                d.add(List.of(e.name(), num(e.value()), num(e.stderr()), interval(e.lower(), e.upper())));
            }
            b.table("derived quantities (" + fit.derived().get(0).method() + ")",
                    List.of("quantity", "value", "std. error", level + " interval"), d);
        }
        List<FitPlot.Target> targets = uncertainty.plotTargets();
        if (!targets.isEmpty()) {
            b.section("Targets");
            List<List<String>> t = new ArrayList<>();
            for (FitPlot.Target tg : targets) {
                Estimate e = tg.reached();
                t.add(e == null ? List.of(num(tg.level()), "never reached", "–")
                        : List.of(num(tg.level()), xText(e.value(), dates), xText(e.lower(), dates) + " – "
                                + xText(e.upper(), dates)));
            }
            b.table(List.of(data.responseColumn(), x + " where the curve reaches it", level + " interval"), t);
        }
        List<Prediction> predictions = uncertainty.predictions();
        if (!predictions.isEmpty()) {
            b.section("Predictions");
            List<List<String>> p = new ArrayList<>();
            for (Prediction pr : predictions) {
                p.add(List.of(xText(pr.x(), dates), num(pr.value()),
                        interval(pr.confidence().lower(), pr.confidence().upper()),
                        interval(pr.prediction().lower(), pr.prediction().upper()), pr.extrapolation().message()));
            }
            b.table("curve = where the law lies; new point = plus the noise (" + predictions.get(0).method() + ")",
                    List.of(x, data.responseColumn(), "curve " + level, "new point " + level, "extrapolation"), p);
        }
        b.section("Fit statistics");
        b.meta(List.of(new String[] {"R²", num(fit.r2())}, new String[] {"RSS", num(fit.rss())},
                new String[] {"n, dof", fit.n() + ", " + fit.dof()}, new String[] {"log L", num(fit.logLikelihood())},
                new String[] {"AIC / AICc / BIC", num(fit.aic()) + " / " + num(fit.aicc()) + " / " + num(fit.bic())},
                new String[] {"solver", fit.iterations() + " iterations, best of " + fit.startsTried() + " starts ("
                        + fit.startsConverged() + " converged); " + fit.convergenceReason()}));
        b.section("Method");
        List<String> notes = new ArrayList<>();
        notes.add("Residuals in " + fit.space() + " space (" + fit.space().symbol("y") + " − " + fit.space().symbol("f")
                + "), loss " + fit.options().loss().spec() + ".");
        notes.add(fit.stderrFromAbsoluteCovariance()
                ? "Standard errors from the absolute covariance: the given sigmas are taken as the noise."
                : "Standard errors from the covariance scaled by the residual variance RSS/dof.");
        notes.add("Intervals: " + level + ", t with " + fit.dof() + " degrees of freedom (delta method for derived "
                + "quantities, targets and bands: first order in the parameters, exact for laws linear in them).");
        if (boot != null) {
            notes.add("Bootstrap: " + boot.succeeded() + " of " + boot.requested() + " replicates (" + boot.method()
                    + " resampling, seed " + boot.seed() + "); the plotted band and the predictions use its percentile "
                    + "intervals.");
        }
        b.list(notes);
        b.section("Data and provenance");
        b.meta(provenance(spec, List.of(file), List.of(
                new String[] {"columns", "x: " + x + ", y: " + data.responseColumn()
                        + (data.hasSigma() ? ", sigma given" : "") + (data.hasWeights() ? ", weights given" : "")},
                new String[] {"rows", data.size() + " used" + (loaded.skipped().isEmpty() ? ""
                        : ", " + loaded.skipped().size() + " skipped as invalid")})));
        b.details("The command's text output", text);
        b.footer("Written by scalefit " + Version.current() + ". Self-contained: no network, no scripts.");
        return b.build();
    }

    private static String xText(double v, boolean dates) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        return dates ? java.time.LocalDate.ofEpochDay((long) Math.floor(v)).toString() : num(v);
    }

    /**
     * The report of a model comparison.
     *
     * @param spec   the command
     * @param c      the comparison
     * @param obs    the data
     * @param text   the text report
     * @param figure its chart, or null
     * @param loaded the data as loaded
     * @param file   the input file
     * @return the report
     */
    static HtmlReport compare(CommandSpec spec, Comparison c, Observations obs, String text, Figure figure,
                              LoadResult loaded, Path file) {
        HtmlReport.Builder b = HtmlReport.builder("scalefit compare: which law fits " + obs.responseColumn() + " on "
                + obs.predictorColumn(0) + "?");
        b.lead("best: " + c.best().orElse("cannot tell") + " · " + c.verdict());
        List<String> warnings = new ArrayList<>();
        for (Candidate cand : c.ranking()) {
            for (String w : cand.fit().orElseThrow().warnings(Flags::of)) {
                warnings.add(cand.law() + ": " + w);
            }
        }
        if (!loaded.skipped().isEmpty()) {
            warnings.add(DataOptions.skippedNote(loaded.skipped()));
        }
        b.warnings(warnings);
        if (figure != null) {
            b.figure(figure, "Every ranked law over the data, dashed beyond the largest x; the backtest's held-out points shaded.");
        }
        String crit = c.criterion().label();
        b.section("Ranking");
        List<List<String>> rows = new ArrayList<>();
        for (Candidate cand : c.ranking()) {
            Fit f = cand.fit().orElseThrow();
            rows.add(List.of(Integer.toString(cand.rank()), cand.law(), Integer.toString(f.informationParameters()),
                    num(f.logLikelihood()), num(f.aic()), num(f.aicc()), num(f.bic()), num(cand.delta()), num(cand.weight()),
                    num(cand.looRmse()), cand.backtest().available() ? num(cand.backtest().rmse()) : "–"));
        }
        b.table(List.of("rank", "law", "k", "log L", "AIC", "AICc", "BIC", "Δ" + crit, "weight", "LOO RMSE",
                "backtest RMSE"), rows);
        b.subsection("Fitted laws");
        List<String> formulas = new ArrayList<>();
        for (Candidate cand : c.ranking()) {
            formulas.add(cand.fit().orElseThrow().formulaWithValues());
        }
        b.list(formulas);
        if (!c.skipped().isEmpty()) {
            b.subsection("Skipped");
            List<String> skipped = new ArrayList<>();
            for (Candidate cand : c.skipped()) {
                skipped.add(cand.law() + ": " + cand.skipReason(Flags::of).orElse(""));
            }
            b.list(skipped);
        }
        b.section("Method");
        b.list(List.of(c.spaceNote() + ".",
                "Ranked by " + crit + "; laws within Δ" + crit + " < 2 of the best are equally supported, and the simplest "
                        + "of them wins only when it is a special case of the others. k counts the noise scale.",
                "Weights: Akaike weights exp(−Δ/2) / Σ exp(−Δⱼ/2). LOO RMSE: leave-one-out prediction error in the "
                        + "comparison space.",
                c.holdout() > 0 ? "Backtest: each law is fitted to all but the " + c.holdout()
                        + " largest x and predicts those; its RMSE is in the comparison space." : "No backtest."));
        b.section("Data and provenance");
        b.meta(provenance(spec, List.of(file), List.of(new String[] {"columns", "x: " + obs.predictorColumn(0) + ", y: "
                + obs.responseColumn()}, new String[] {"rows", obs.size() + " used" + (loaded.skipped().isEmpty() ? ""
                : ", " + loaded.skipped().size() + " skipped as invalid")})));
        b.details("The command's text output", text);
        b.footer("Written by scalefit " + Version.current() + ". Self-contained: no network, no scripts.");
        return b.build();
    }

    /**
     * The page of {@code reproduce} ({@code figures/index.html}): every figure inline with the numbers behind it
     * next to the published ones, its notes, the data it was made from and links to its files.
     *
     * @param spec    the command
     * @param results the figures drawn, in order
     * @param files   the files written for each figure (names in the output directory)
     * @param failed  figures that failed, with the reason
     * @param dataDir where the data sets were read from (a bundled copy is named so)
     * @return the report
     */
    static HtmlReport reproduction(CommandSpec spec, List<org.scalefit.reproduce.FigureResult> results,
                                   List<List<String>> files, List<String> failed, Path dataDir) {
        HtmlReport.Builder b = HtmlReport.builder("scalefit reproduce: the scaling-laws talk's figures");
        b.lead(results.size() + " figure" + (results.size() == 1 ? "" : "s") + " redrawn from the bundled data sets and "
                + "refitted with scalefit's engine; each table puts the fitted numbers next to the published ones. "
                + "Intervals are 95% (delta method unless stated).");
        if (!failed.isEmpty()) {
            b.warnings(failed.stream().map(f -> "failed: " + f).toList());
        }
        for (int i = 0; i < results.size(); i++) {
            org.scalefit.reproduce.FigureResult r = results.get(i);
            b.section(r.reproduces() + ": " + r.title());
            b.figure(r.figure(), r.title() + " (" + r.id() + ")");
            List<List<String>> rows = new ArrayList<>();
            for (org.scalefit.reproduce.PublishedComparison c : r.numbers()) {
                rows.add(List.of(c.quantity(), ReproduceCommand.num(c.fitted()),
                        Double.isFinite(c.lower()) ? ReproduceCommand.num(c.lower()) + " – " + ReproduceCommand.num(c.upper())
                                : "–", ReproduceCommand.num(c.published()),
                        Double.isFinite(c.relativeDifference())
                                ? String.format(Locale.ROOT, "%+.1f%%", 100 * c.relativeDifference()).replace('-', '−') : "–",
                        c.source() + (c.note().isEmpty() ? "" : "; " + c.note())));
            }
            b.table(List.of("quantity", "scalefit", "95% interval", "published", "difference", "source"), rows);
            b.list(r.notes());
            List<String[]> data = new ArrayList<>();
            for (String name : r.datasets()) {
                Path local = dataDir.resolve(Path.of(name).getFileName().toString());
                data.add(new String[] {"data", Files.exists(local) ? describe(local) : name + " (the copy bundled in the jar)"});
            }
            b.meta(data);
            for (String f : files.get(i)) {
                b.link("Open " + f, f);
            }
        }
        b.section("Provenance");
        b.meta(provenance(spec, List.of(), List.<String[]>of(new String[] {"data sets", dataDir + " (sources, licences and "
                + "derivations: datasets/README.md)"})));
        b.footer("Written by scalefit " + Version.current() + ". Self-contained: figures inline as SVG, no network, no scripts.");
        return b.build();
    }
}
