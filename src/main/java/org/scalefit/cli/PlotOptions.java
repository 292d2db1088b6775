package org.scalefit.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.scalefit.InvalidDataException;
import org.scalefit.OutputFiles;
import org.scalefit.fit.Fit;
import org.scalefit.plot.Figure;
import org.scalefit.plot.FigureWriter;
import org.scalefit.plot.FitPlot;
import org.scalefit.plot.ImageFormat;
import org.scalefit.plot.Ticks.LogStyle;
import picocli.CommandLine.Option;

/**
 * {@code --plot FILE} and its options: draw a fit as PNG, SVG or PDF next to the report. The
 * target is checked before fitting (extension, directory, not an input file), so a long fit never
 * ends in an unwritable plot.
 *
 * <pre>{@code
 * scalefit fit runs.csv --x compute --y loss --law power-law --plot fit.png --residuals --dpi 200
 * }</pre>
 */
public final class PlotOptions {
    @Option(names = "--plot", paramLabel = "FILE",
            description = "Also draw the fit to FILE (.png, .svg or .pdf): points, curve, confidence band, formula.")
    Path plot;

    @Option(names = "--plot-size", paramLabel = "WxH",
            description = "Plot size in points (1/72 inch), default 640x440 (640x560 with --residuals).")
    String size;

    @Option(names = "--dpi", paramLabel = "N", defaultValue = "144",
            description = "PNG resolution in dots per inch, 36–1200 (default ${DEFAULT-VALUE}: two pixels per point).")
    int dpi = FigureWriter.DEFAULT_DPI;

    @Option(names = "--residuals", description = "Add a residual panel below the plot.")
    boolean residuals;

    @Option(names = "--axes", paramLabel = "AXES", completionCandidates = Completions.AxesKinds.class,
            description = "auto (default), log-log, linear, semilog-x or semilog-y.")
    String axes = "auto";

    @Option(names = "--tick-style", paramLabel = "STYLE", completionCandidates = Completions.TickStyles.class,
            description = "Decade labels on log axes: superscript (10ⁿ, default) or e (1e15).")
    String tickStyle = "superscript";

    @Option(names = "--no-band", description = "Leave out the confidence band.")
    boolean noBand;

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
        this.inputs = new java.util.ArrayList<>();
        for (Path in : inputs) {
            if (in != null) {
                this.inputs.add(in);
            }
        }
        OutputFiles.check(plot, "plot", this.inputs);
        options();
        if (dpi < 36 || dpi > 1200) {
            throw new InvalidDataException("--dpi must be between 36 and 1200, got " + dpi);
        }
    }

    /**
     * @return the plot options the flags describe
     * @throws InvalidDataException for an unknown --axes or --tick-style or a bad --plot-size
     */
    public FitPlot.Options options() {
        FitPlot.Options o = FitPlot.Options.defaults().withResiduals(residuals).withShowBand(!noBand);
        o = o.withAxes(switch (axes.toLowerCase(Locale.ROOT)) {
            case "auto" -> FitPlot.Axes.AUTO;
            case "log-log", "loglog" -> FitPlot.Axes.LOG_LOG;
            case "linear" -> FitPlot.Axes.LINEAR;
            case "semilog-x" -> FitPlot.Axes.SEMILOG_X;
            case "semilog-y" -> FitPlot.Axes.SEMILOG_Y;
            default -> throw new InvalidDataException("unknown --axes \"" + axes
                    + "\"; use auto, log-log, linear, semilog-x or semilog-y");
        });
        o = o.withLogStyle(switch (tickStyle.toLowerCase(Locale.ROOT)) {
            case "superscript" -> LogStyle.SUPERSCRIPT;
            case "e" -> LogStyle.E_NOTATION;
            default -> throw new InvalidDataException("unknown --tick-style \"" + tickStyle + "\"; use superscript or e");
        });
        double w = 640;
        double h = residuals ? 560 : 440;
        if (size != null) {
            String[] parts = size.toLowerCase(Locale.ROOT).split("x");
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
        }
        return o.withSize(w, h);
    }

    /**
     * Draws the fit and writes the file.
     *
     * @param fit the fit
     * @return the figure that was written
     */
    public Figure write(Fit fit) {
        Figure f;
        try {
            f = FitPlot.of(fit, options());
        } catch (IllegalArgumentException e) {
            throw new InvalidDataException("cannot plot this fit: " + e.getMessage(), e);
        }
        FigureWriter.write(f, plot, dpi, inputs);
        return f;
    }
}
