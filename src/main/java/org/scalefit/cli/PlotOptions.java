package org.scalefit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scalefit.InvalidDataException;
import org.scalefit.OutputFiles;
import org.scalefit.plot.Figure;
import org.scalefit.plot.FigureWriter;
import org.scalefit.plot.ImageFormat;
import org.scalefit.plot.Ticks.LogStyle;
import picocli.CommandLine.Option;

/**
 * {@code --plot FILE} and the options every command's chart shares: size, PNG resolution and how decades
 * are labelled. The target is checked before any work (extension, directory, not an input file), so a
 * long fit never ends in an unwritable plot; the figure is written atomically.
 *
 * <pre>{@code
 * scalefit compare runs.csv --x compute --y loss --plot compare.png --plot-size 720x480 --dpi 200
 * }</pre>
 */
public final class PlotOptions {
    @Option(names = "--plot", paramLabel = "FILE",
            description = "Also draw the result to FILE (.png, .svg or .pdf).")
    Path plot;

    @Option(names = "--plot-size", paramLabel = "WxH",
            description = "Plot size in points (1/72 inch), e.g. 640x440 (default: the chart's own size).")
    String size;

    @Option(names = "--dpi", paramLabel = "N", defaultValue = "144",
            description = "PNG resolution in dots per inch, 36–1200 (default ${DEFAULT-VALUE}: two pixels per point).")
    int dpi = FigureWriter.DEFAULT_DPI;

    @Option(names = "--tick-style", paramLabel = "STYLE", completionCandidates = Completions.TickStyles.class,
            description = "Decade labels on log axes: superscript (10ⁿ, default) or e (1e15).")
    String tickStyle = "superscript";

    /** The command's input files, recorded by {@link #validate}: the plot never overwrites them. */
    private List<Path> inputs = List.of();

    /** Created by picocli. */
    public PlotOptions() {
    }

    /** @return true when a plot was asked for */
    public boolean requested() {
        return plot != null;
    }

    /** @return the plot file */
    public Path file() {
        return plot;
    }

    /** @return the PNG resolution */
    public int dpi() {
        return dpi;
    }

    /**
     * Checks the plot options before any work is done.
     *
     * @param inputs the command's input files, which the plot must never overwrite
     * @throws InvalidDataException naming the problem in one line
     */
    public void validate(Path... inputs) {
        if (plot == null) {
            return;
        }
        ImageFormat.of(plot);
        this.inputs = new ArrayList<>();
        for (Path in : inputs) {
            if (in != null) {
                this.inputs.add(in);
            }
        }
        OutputFiles.check(plot, "plot", this.inputs);
        logStyle();
        size(640, 440);
        if (dpi < 36 || dpi > 1200) {
            throw new InvalidDataException("--dpi must be between 36 and 1200, got " + dpi);
        }
    }

    /**
     * @return how decades are labelled
     * @throws InvalidDataException for an unknown --tick-style
     */
    public LogStyle logStyle() {
        return switch (tickStyle.toLowerCase(Locale.ROOT)) {
            case "superscript" -> LogStyle.SUPERSCRIPT;
            case "e" -> LogStyle.E_NOTATION;
            default -> throw new InvalidDataException("unknown --tick-style \"" + tickStyle + "\"; use superscript or e");
        };
    }

    /**
     * @param width  the chart's own width in points
     * @param height the chart's own height
     * @return {width, height}: --plot-size when given, else the chart's own
     * @throws InvalidDataException for a bad --plot-size
     */
    public double[] size(double width, double height) {
        if (size == null) {
            return new double[] {width, height};
        }
        String[] parts = size.toLowerCase(Locale.ROOT).split("x");
        double w;
        double h;
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            w = Double.parseDouble(parts[0].trim());
            h = Double.parseDouble(parts[1].trim());
        } catch (NumberFormatException e) {
            throw new InvalidDataException("--plot-size must look like 640x440, got \"" + size + "\"");
        }
        if (!(w >= 200 && w <= 10000 && h >= 150 && h <= 10000)) {
            throw new InvalidDataException("--plot-size must be between 200x150 and 10000x10000 points, got \"" + size + "\"");
        }
        return new double[] {w, h};
    }

    /**
     * Draws the chart, turning a chart's refusal (e.g. nothing to draw) into a one-line error.
     *
     * @param chart the drawing
     * @return the figure
     * @throws InvalidDataException when the chart cannot be drawn from these results
     */
    public static Figure draw(java.util.function.Supplier<Figure> chart) {
        try {
            return chart.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidDataException("cannot plot this result: " + e.getMessage(), e);
        }
    }

    /**
     * Says on stderr that the plot was written, unless the output is JSON or quiet.
     *
     * @param err     standard error
     * @param command the command's name
     * @param common  the shared options (--json, --quiet)
     */
    public void noteWritten(java.io.PrintWriter err, String command, CommonOptions common) {
        if (plot != null && !common.quiet() && !common.json()) {
            err.println("scalefit " + command + ": wrote " + plot);
        }
    }

    /**
     * Writes the figure to the --plot file.
     *
     * @param figure the chart
     * @return the figure
     */
    public Figure write(Figure figure) {
        FigureWriter.write(figure, plot, dpi, inputs);
        return figure;
    }

    /**
     * Adds {@code plot} {file, format, width_pt, height_pt, dpi} to a command's JSON.
     *
     * @param root   the JSON object
     * @param figure the figure written
     */
    public void putJson(ObjectNode root, Figure figure) {
        ObjectNode p = root.putObject("plot");
        p.put("file", plot.toString());
        p.put("format", ImageFormat.of(plot).extension());
        p.put("width_pt", figure.width());
        p.put("height_pt", figure.height());
        p.put("dpi", dpi);
    }
}
