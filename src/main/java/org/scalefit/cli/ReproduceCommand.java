package org.scalefit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scalefit.InvalidDataException;
import org.scalefit.OutputFiles;
import org.scalefit.ScalefitException;
import org.scalefit.plot.FigureWriter;
import org.scalefit.plot.ImageFormat;
import org.scalefit.reproduce.PublishedComparison;
import org.scalefit.reproduce.Datasets;
import org.scalefit.reproduce.FigureResult;
import org.scalefit.reproduce.Reproduction;
import org.scalefit.reproduce.Reproductions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scalefit reproduce}: draws every figure of the scaling-laws talk from the bundled data
 * sets (PNG and SVG, PDF on request) and writes a report of the fitted numbers behind each next to
 * the published numbers they reproduce.
 *
 * <pre>{@code
 * int code = Main.run(new String[] {"reproduce", "--out", "figures", "--pdf"}, System.out, System.err);
 * }</pre>
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Reproduce the talk's figures from the bundled data sets: Kaplan et al. (2020) Figure 1, METR's "
                + "task horizons, Jones (2021) Hex compute frontiers, Hoffmann et al. (2022) IsoFLOP curves and the growth "
                + "of training compute (Sevilla et al. 2022, Epoch AI 2024), with a report (report.md, report.json) of "
                + "fitted against published numbers; each number says whether its data are real, digitized or generated.",
        footer = {"", "Figures: kaplan2020-figure1, metr-horizons, jones2021-hex, hoffmann2022-isoflop, epoch-compute-trends.",
            "", "Examples:",
            "  scalefit reproduce                          # PNG, SVG, report in figures/",
            "  scalefit reproduce --out paper-figs --pdf   # also PDF",
            "  scalefit reproduce --only kaplan,metr --json"})
public final class ReproduceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (created if missing; default ${DEFAULT-VALUE}).",
            defaultValue = "figures")
    Path out;

    @Option(names = "--pdf", description = "Also write each figure as PDF.")
    boolean pdf;

    @Option(names = "--dpi", paramLabel = "N", defaultValue = "144",
            description = "PNG resolution in dots per inch, 36–1200 (default ${DEFAULT-VALUE}).")
    int dpi;

    @Option(names = "--only", paramLabel = "FIGURE", split = ",",
            description = "Only these figures (ids or prefixes, e.g. kaplan,metr).")
    List<String> only = new ArrayList<>();

    @Option(names = "--data", paramLabel = "DIR",
            description = "Read the data sets from DIR (default: ./datasets if present, else the copies in the jar).")
    Path dataDir;

    /** Created by picocli. */
    public ReproduceCommand() {
    }

    @Override
    public Integer call() {
        List<Reproduction> figures = Reproductions.select(only);
        if (dpi < 36 || dpi > 1200) {
            throw new InvalidDataException("--dpi must be between 36 and 1200, got " + dpi);
        }
        Datasets data = dataDir == null ? Datasets.locate() : Datasets.directory(dataDir);
        Path dataBase = dataDir != null ? dataDir : Path.of("datasets");
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new InvalidDataException("cannot write figures in " + out + ": it is a file, not a directory");
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new InvalidDataException("cannot create output directory " + out + ": "
                    + (e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
                    ? fs.getReason().toLowerCase(Locale.ROOT)
                    : "a path component is not a directory or cannot be created"), e);
        }
        OutputFiles.checkDirectory(out, "figures");
        long start = System.nanoTime();
        List<Done> done = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<Path> inputs = new ArrayList<>();
        boolean badInput = false;
        int k = 0;
        for (Reproduction r : figures) {
            k++;
            long t0 = System.nanoTime();
            try {
                FigureResult result;
                List<Path> read = new ArrayList<>();
                List<String> files = new ArrayList<>();
                try (ProgressBar bar = common.progress(spec, "[" + k + "/" + figures.size() + "] " + r.id(), false)) {
                    bar.update(k - 1, figures.size());
                    result = r.run(data);
                    for (String name : result.datasets()) {
                        read.add(dataBase.resolve(name));
                    }
                    inputs.addAll(read);
                    List<ImageFormat> formats = new ArrayList<>(List.of(ImageFormat.PNG, ImageFormat.SVG));
                    if (pdf) {
                        formats.add(ImageFormat.PDF);
                    }
                    for (ImageFormat f : formats) {
                        Path file = out.resolve(result.id() + "." + f.extension());
                        FigureWriter.write(result.figure(), file, dpi, read);
                        files.add(file.getFileName().toString());
                    }
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                done.add(new Done(result, files, secs));
                note(String.format(Locale.ROOT, "[%d/%d] %-20s %s  (%.1f s)", k, figures.size(), result.id(),
                        String.join(", ", files), secs));
            } catch (ScalefitException e) {
                badInput |= e instanceof InvalidDataException;
                failed.add(r.id() + ": " + Flags.message(e));
                note(String.format(Locale.ROOT, "[%d/%d] %-20s failed: %s", k, figures.size(), r.id(), Flags.message(e)));
            }
        }
        double total = (System.nanoTime() - start) / 1e9;
        ObjectNode json = json(done, failed, total);
        Json.recordInvocation(json, spec);
        String markdown = markdown(done, failed);
        OutputFiles.writeString(out.resolve("report.json"), Json.write(json) + "\n", "report", inputs);
        OutputFiles.writeString(out.resolve("report.md"), markdown, "report", inputs);
        OutputFiles.writeString(out.resolve("index.html"), HtmlReports.reproduction(spec,
                done.stream().map(Done::result).toList(), done.stream().map(Done::files).toList(), failed, dataBase).html(),
                "report", inputs);
        note(String.format(Locale.ROOT, "wrote %s, %s and %s (%d figure%s in %.1f s)", out.resolve("report.md"),
                out.resolve("report.json"), out.resolve("index.html"), done.size(), done.size() == 1 ? "" : "s", total));
        if (common.json()) {
            spec.commandLine().getOut().println(Json.write(json));
        } else {
            spec.commandLine().getOut().print(table(done));
        }
        spec.commandLine().getOut().flush();
        if (!failed.isEmpty()) {
            spec.commandLine().getErr().println("scalefit reproduce: " + failed.size() + " figure"
                    + (failed.size() == 1 ? "" : "s") + " failed: " + String.join("; ", failed));
            // Bad data in --data (or an unwritable file) is bad input, like everywhere else.
            return badInput ? Main.BAD_INPUT : Main.FIT_FAILED;
        }
        return Main.OK;
    }

    /** A figure that was written, with its files and how long it took. */
    private record Done(FigureResult result, List<String> files, double seconds) {
    }

    private void note(String line) {
        if (!common.quiet()) {
            spec.commandLine().getErr().println(line);
            spec.commandLine().getErr().flush();
        }
    }

    private static ObjectNode json(List<Done> done, List<String> failed, double total) {
        ObjectNode root = Json.object();
        root.put("scalefit_version", Version.current());
        ArrayNode figs = root.putArray("figures");
        for (Done d : done) {
            FigureResult r = d.result();
            ObjectNode f = figs.addObject();
            f.put("id", r.id());
            f.put("title", r.title());
            f.put("reproduces", r.reproduces());
            ArrayNode files = f.putArray("files");
            d.files().forEach(files::add);
            ArrayNode ds = f.putArray("datasets");
            r.datasets().forEach(ds::add);
            ArrayNode nums = f.putArray("numbers");
            for (PublishedComparison c : r.numbers()) {
                ObjectNode n = nums.addObject();
                n.put("quantity", c.quantity());
                n.put("data", c.data().code());
                n.put("reference", c.againstPublished() ? "published" : "generating law");
                Json.put(n, "fitted", c.fitted());
                ArrayNode ci = n.putArray("interval");
                Json.add(ci, c.lower());
                Json.add(ci, c.upper());
                Json.put(n, "published", c.published());
                Json.put(n, "relative_difference", c.relativeDifference());
                n.put("published_inside_interval", c.publishedInsideInterval());
                n.put("source", c.source());
                if (!c.note().isEmpty()) {
                    n.put("note", c.note());
                }
            }
            ArrayNode notes = f.putArray("notes");
            r.notes().forEach(notes::add);
            Json.put(f, "seconds", Math.round(d.seconds() * 100) / 100.0);
        }
        ArrayNode fails = root.putArray("failed");
        failed.forEach(fails::add);
        Json.put(root, "total_seconds", Math.round(total * 100) / 100.0);
        return root;
    }

    private static String markdown(List<Done> done, List<String> failed) {
        StringBuilder s = new StringBuilder();
        s.append("# Reproduced figures\n\n");
        s.append("Written by `scalefit reproduce` (scalefit ").append(Version.current()).append(") from the bundled "
                + "data sets. Each figure is refitted with scalefit's engine. Numbers fitted to real or digitized data are "
                + "compared with the published values; numbers fitted to points generated from a published law are "
                + "compared with that law, which the refit should recover (not a reproduction of the paper's "
                + "measurements). Intervals are 95% (delta method unless stated).\n");
        for (Done d : done) {
            FigureResult r = d.result();
            s.append("\n## ").append(r.reproduces()).append(": ").append(r.title()).append("\n\n");
            s.append("![").append(r.title()).append("](").append(d.files().get(0)).append(")\n\n");
            s.append("Files: ").append(String.join(", ", d.files().stream().map(f -> "`" + f + "`").toList()))
                    .append(". Data: ").append(String.join(", ", r.datasets().stream().map(f -> "`" + f + "`").toList()))
                    .append(".\n\n");
            List<PublishedComparison> published = r.numbers().stream().filter(PublishedComparison::againstPublished).toList();
            List<PublishedComparison> generated = r.numbers().stream().filter(c -> !c.againstPublished()).toList();
            if (!published.isEmpty()) {
                String kinds = String.join(" and ", published.stream().map(c -> c.data().code()).distinct().toList());
                s.append("Compared with the paper (").append(kinds).append(" data):\n\n");
                rows(s, published, "published");
            }
            if (!generated.isEmpty()) {
                s.append(published.isEmpty() ? "" : "\n").append("Recovers the generating law (generated data: the points "
                        + "were computed from a law, so the refit can only show that the engine recovers it):\n\n");
                rows(s, generated, "generating law");
            }
            s.append('\n');
            for (String n : r.notes()) {
                s.append("- ").append(n).append('\n');
            }
        }
        if (!failed.isEmpty()) {
            s.append("\n## Failed\n\n");
            for (String f : failed) {
                s.append("- ").append(f).append('\n');
            }
        }
        return s.toString();
    }

    private static void rows(StringBuilder s, List<PublishedComparison> numbers, String reference) {
        s.append("| quantity | scalefit | 95% interval | ").append(reference).append(" | difference | source |\n");
        s.append("|---|---|---|---|---|---|\n");
        for (PublishedComparison c : numbers) {
            s.append("| ").append(c.quantity()).append(" | ").append(fitted(c.fitted())).append(" | ")
                    .append(Double.isFinite(c.lower()) ? fitted(c.lower()) + " – " + fitted(c.upper()) : "–").append(" | ")
                    .append(reference(c.published())).append(" | ")
                    .append(Double.isFinite(c.relativeDifference())
                            ? String.format(Locale.ROOT, "%+.1f%%", 100 * c.relativeDifference()) : "–")
                    .append(" | ").append(c.source()).append(c.note().isEmpty() ? "" : "; " + c.note()).append(" |\n");
        }
    }

    private static String table(List<Done> done) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%-20s %-44s %-9s %11s %12s %8s%n", "figure", "quantity", "data", "scalefit",
                "reference", "diff"));
        boolean generated = false;
        for (Done d : done) {
            for (PublishedComparison c : d.result().numbers()) {
                generated |= !c.againstPublished();
                s.append(String.format(Locale.ROOT, "%-20s %-44s %-9s %11s %12s %8s%n", d.result().id(),
                        c.quantity().length() > 44 ? c.quantity().substring(0, 43) + "…" : c.quantity(), c.data().code(),
                        fitted(c.fitted()), reference(c.published()) + (c.againstPublished() ? " " : "*"),
                        Double.isFinite(c.relativeDifference())
                                ? String.format(Locale.ROOT, "%+.1f%%", 100 * c.relativeDifference()) : "–"));
            }
        }
        s.append("reference: the published value for real and digitized data");
        s.append(generated ? "; * the law the data were generated from (the refit recovers it)\n" : "\n");
        return s.toString();
    }

    /**
     * A fitted value: three significant digits kept even when they end in zeros (0.500, not 0.5, so that a
     * reader sees the precision); large and small numbers as m×10ⁿ.
     */
    static String fitted(double v) {
        double a = Math.abs(v);
        if (!Double.isFinite(v) || a == 0 || a >= 1e5 || a < 1e-3 || a >= 1000) {
            return num(v);
        }
        // Hundreds (days, Elo) keep one decimal: 196.5 days next to METR's 196.475.
        return new java.math.BigDecimal(v).round(new java.math.MathContext(a >= 100 ? 4 : 3)).toPlainString()
                .replace('-', '−');
    }

    /** A reference value as it is published: up to six significant digits (196.475), else as {@link #num}. */
    static String reference(double v) {
        double a = Math.abs(v);
        return Double.isFinite(v) && a >= 100 && a < 1000 ? org.scalefit.Numbers.format(v, 6).replace('-', '−') : num(v);
    }

    /** Three significant digits; large and small numbers as m×10ⁿ with a superscript exponent. */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e5 || a < 1e-3)) {
            int e = (int) Math.floor(Math.log10(a));
            double m = v / Math.pow(10, e);
            String ms = org.scalefit.Numbers.format(m, 3);
            if (ms.equals("10") || ms.equals("-10")) {
                e++;
                ms = m < 0 ? "-1" : "1";
            }
            return ms.replace('-', '−') + "×10" + org.scalefit.plot.TickLabels.superscript(Integer.toString(e));
        }
        // Four-digit values (years, Elo) keep one decimal rather than rounding 2027.4 to 2030.
        return org.scalefit.Numbers.format(v, a >= 1000 ? 5 : 3).replace('-', '−');
    }
}
