package org.scalefit.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.scalefit.InvalidDataException;
import org.scalefit.data.Cells;
import org.scalefit.data.Dates;
import org.scalefit.data.Observations;
import org.scalefit.data.Table;
import org.scalefit.data.TableReader;
import org.scalefit.plot.DurationUnit;
import org.scalefit.plot.FitPlot;
import picocli.CommandLine.Option;

/**
 * The options of {@code fit --plot} beyond {@link PlotOptions}: axes, residual panel, band, the x range
 * of the curve, duration labels and the columns of the data's interval bars.
 *
 * <pre>{@code
 * scalefit fit horizons.csv --x release_date --y p50_minutes --law doubling --plot trend.png \
 *     --ci-low p50_ci_low --ci-high p50_ci_high --plot-range 2019-01-01:2030-01-01
 * }</pre>
 */
public final class FitPlotOptions {
    @Option(names = "--residuals", description = "Add a residual panel below the plot.")
    boolean residuals;

    @Option(names = "--axes", paramLabel = "AXES", completionCandidates = Completions.AxesKinds.class,
            description = "auto (default), log-log, linear, semilog-x or semilog-y.")
    String axes = "auto";

    @Option(names = "--no-band", description = "Leave out the confidence band.")
    boolean noBand;

    @Option(names = "--plot-range", paramLabel = "LO:HI",
            description = "Draw the curve (dashed beyond the data) and the x axis over LO…HI, e.g. 1e18:1e26 or "
                    + "2019-01-01:2030-01-01; either end may be left empty (default: the data, --predict and --target).")
    String range;

    @Option(names = "--y-duration", paramLabel = "UNIT",
            description = "Label a log y axis as durations with y in UNIT (s, min, h, d), or off "
                    + "(default: from the y column's name, e.g. p50_minutes).")
    String yDuration;

    @Option(names = "--ci-low", paramLabel = "COLUMN",
            description = "Lower end of each y's interval, drawn as error bars (not used in the fit; default: "
                    + "Y_ci_low or Y_low when the table has it).")
    String ciLow;

    @Option(names = "--ci-high", paramLabel = "COLUMN", description = "Upper end of each y's interval (see --ci-low).")
    String ciHigh;

    /** Created by picocli. */
    public FitPlotOptions() {
    }

    /** @return true when a residual panel was asked for */
    boolean residuals() {
        return residuals;
    }

    /**
     * Checks every option before any work is done.
     *
     * @param dates true when x holds dates
     * @throws InvalidDataException naming the problem in one line
     */
    void validate(boolean dates) {
        axes();
        range(dates);
        yUnit();
        if ((ciLow == null) != (ciHigh == null)) {
            throw new InvalidDataException("give both --ci-low and --ci-high (the two ends of each interval)");
        }
    }

    /**
     * @param plot  the shared plot options (size, tick style)
     * @param dates true when x holds dates
     * @return the fit plot's options
     */
    FitPlot.Options options(PlotOptions plot, boolean dates) {
        double[] wh = plot.size(640, residuals ? 560 : 440);
        double[] r = range(dates);
        FitPlot.Options o = FitPlot.Options.defaults().withResiduals(residuals).withShowBand(!noBand).withAxes(axes())
                .withLogStyle(plot.logStyle()).withSize(wh[0], wh[1]).withRange(r[0], r[1]);
        String unit = yDuration == null ? "" : yDuration.trim().toLowerCase(Locale.ROOT);
        return unit.equals("off") ? o.withDurations(false) : o.withYUnit(yUnit());
    }

    private FitPlot.Axes axes() {
        return switch (axes.toLowerCase(Locale.ROOT)) {
            case "auto" -> FitPlot.Axes.AUTO;
            case "log-log", "loglog" -> FitPlot.Axes.LOG_LOG;
            case "linear" -> FitPlot.Axes.LINEAR;
            case "semilog-x" -> FitPlot.Axes.SEMILOG_X;
            case "semilog-y" -> FitPlot.Axes.SEMILOG_Y;
            default -> throw new InvalidDataException("unknown --axes \"" + axes
                    + "\"; use auto, log-log, linear, semilog-x or semilog-y");
        };
    }

    private DurationUnit yUnit() {
        if (yDuration == null || yDuration.trim().equalsIgnoreCase("off")) {
            return null;
        }
        try {
            return DurationUnit.parse(yDuration);
        } catch (IllegalArgumentException e) {
            throw new InvalidDataException("--y-duration " + yDuration + ": use s, min, h, d or off");
        }
    }

    /** {lo, hi} of --plot-range, NaN for an end left open. */
    private double[] range(boolean dates) {
        if (range == null) {
            return new double[] {Double.NaN, Double.NaN};
        }
        int colon = range.indexOf(':');
        if (colon < 0) {
            throw new InvalidDataException("--plot-range must look like LO:HI (e.g. 1e18:1e26"
                    + (dates ? " or 2019-01-01:2030-01-01" : "") + "), got \"" + range + "\"");
        }
        double lo = end(range.substring(0, colon), dates);
        double hi = end(range.substring(colon + 1), dates);
        if (Double.isFinite(lo) && Double.isFinite(hi) && !(hi > lo)) {
            throw new InvalidDataException("--plot-range " + range + ": HI must be larger than LO");
        }
        return new double[] {lo, hi};
    }

    private double end(String text, boolean dates) {
        String t = text.trim();
        if (t.isEmpty()) {
            return Double.NaN;
        }
        if (dates) {
            try {
                return Dates.toEpochDay(t);
            } catch (InvalidDataException e) {
                throw new InvalidDataException("--plot-range " + range + ": \"" + t + "\" is not a date (use YYYY-MM-DD)");
            }
        }
        try {
            double v = Double.parseDouble(t);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidDataException("--plot-range " + range + ": \"" + t + "\" is not a finite number");
        }
    }

    /**
     * The data's interval bars: --ci-low/--ci-high, or the y column's {@code _ci_low/_ci_high},
     * {@code _low/_high} or {@code _lower/_upper} companions when the table has them, read for the rows the
     * fit kept.
     *
     * @param file the input table
     * @param obs  the observations fitted (their source rows say which table rows to read)
     * @return the bars, or null when there are none
     * @throws InvalidDataException for a missing column or a bad cell, naming row and column
     */
    FitPlot.Bars bars(Path file, Observations obs) {
        Table table = TableReader.read(file);
        String[] cols = ciLow != null ? new String[] {ciLow, ciHigh} : companions(table, obs.responseColumn());
        if (cols == null) {
            return null;
        }
        for (String c : cols) {
            if (!table.hasColumn(c)) {
                throw new InvalidDataException(table.source() + " has no column \"" + c + "\" (its columns: "
                        + String.join(", ", table.columns()) + ")");
            }
        }
        Map<Integer, Integer> byRow = new HashMap<>();
        for (int r = 0; r < table.rowCount(); r++) {
            byRow.put(table.sourceRow(r), r);
        }
        int lo = table.columnIndex(cols[0]);
        int hi = table.columnIndex(cols[1]);
        double[] lower = new double[obs.size()];
        double[] upper = new double[obs.size()];
        for (int i = 0; i < obs.size(); i++) {
            Integer r = byRow.get(obs.row(i));
            if (r == null) {
                return null;
            }
            lower[i] = blankOrNumber(table, r, lo);
            upper[i] = blankOrNumber(table, r, hi);
        }
        return new FitPlot.Bars(lower, upper, cols[0] + " … " + cols[1]);
    }

    /** A blank cell is a point without a bar (NaN); anything else must be a number. */
    private static double blankOrNumber(Table table, int row, int col) {
        return table.cell(row, col).isBlank() ? Double.NaN : Cells.number(table, row, col);
    }

    /** The interval columns that go with a response column by name, or null. */
    static String[] companions(Table table, String y) {
        Set<String> stems = new LinkedHashSet<>(List.of(y));
        String stripped = y.replaceAll("_(minutes|hours|seconds|days)$", "");
        stems.add(stripped);
        for (String stem : stems) {
            for (String[] suffix : new String[][] {{"_ci_low", "_ci_high"}, {"_low", "_high"}, {"_lower", "_upper"}}) {
                if (table.hasColumn(stem + suffix[0]) && table.hasColumn(stem + suffix[1])) {
                    return new String[] {stem + suffix[0], stem + suffix[1]};
                }
            }
        }
        return null;
    }
}
