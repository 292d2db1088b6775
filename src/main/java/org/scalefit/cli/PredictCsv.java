package org.scalefit.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.scalefit.InvalidDataException;
import org.scalefit.OutputFiles;
import org.scalefit.data.Dates;
import org.scalefit.data.Observations;
import org.scalefit.fit.Fit;
import org.scalefit.uncertainty.Bands;
import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.Prediction;

/**
 * {@code --predict-csv FILE}: the fitted curve and its bands on a grid, as CSV for people who plot
 * elsewhere. Columns {@code x, fit, conf_low, conf_high, pred_low, pred_high}: the curve, its
 * confidence band (where the law lies) and its prediction band (where a new point may fall), at the
 * fit's confidence level. Bands come from the delta method, or from the bootstrap replicates when
 * there are some.
 *
 * <p>The grid has {@link #POINTS} points from the smallest to the largest x of the data, widened to
 * take in every {@code --predict} value, evenly spaced in ln x for laws of a positive x (power laws),
 * linearly otherwise, rounded to 6 significant digits (the ends and the {@code --predict} values are
 * exact). For date laws x is written as an ISO date. Numbers are written in full precision ({@link Double#toString(double)}).
 */
final class PredictCsv {
    /** Grid points between the ends. */
    static final int POINTS = 200;
    /** The header row. */
    static final String HEADER = "x,fit,conf_low,conf_high,pred_low,pred_high";

    private PredictCsv() {
    }

    /**
     * Checks the target before any fitting: an existing directory, not a directory itself, not an input file.
     *
     * @param file   the CSV to write
     * @param inputs files that must not be overwritten
     * @throws InvalidDataException if the CSV cannot be written there
     */
    static void validate(Path file, Path... inputs) {
        Path target = file.toAbsolutePath().normalize();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InvalidDataException("cannot write --predict-csv " + file + ": directory " + dir + " does not exist");
        }
        if (Files.isDirectory(target)) {
            throw new InvalidDataException("cannot write --predict-csv " + file + ": it is a directory");
        }
        for (Path in : inputs) {
            if (in != null && same(in, target)) {
                throw new InvalidDataException("refusing to write --predict-csv over the input file " + in);
            }
        }
        OutputFiles.check(file, "--predict-csv", List.of());
    }

    /**
     * Writes the CSV atomically.
     *
     * @param file    the target
     * @param fit     a single-predictor fit
     * @param boot    its bootstrap, or null for delta-method bands
     * @param extra   x values to include exactly (the {@code --predict} points)
     * @param dates   true when x is a date (days since 1970-01-01), written as ISO dates
     * @return the number of rows written (without the header)
     */
    static int write(Path file, Fit fit, BootstrapResult boot, List<Double> extra, boolean dates) {
        double[] xs = grid(fit, extra);
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        for (double x : xs) {
            Prediction p = boot != null ? Bands.bootstrap(boot, x) : Bands.delta(fit, x);
            s.append(dates ? Dates.format(x) : Double.toString(x)).append(',')
                    .append(p.value()).append(',')
                    .append(p.confidence().lower()).append(',').append(p.confidence().upper()).append(',')
                    .append(p.prediction().lower()).append(',').append(p.prediction().upper()).append('\n');
        }
        OutputFiles.writeString(file, s.toString(), "--predict-csv", List.of());
        return xs.length;
    }

    /** The grid: {@link #POINTS} points over the data's x range widened to the extra points, plus those. */
    static double[] grid(Fit fit, List<Double> extra) {
        Observations data = fit.data();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < data.size(); i++) {
            lo = Math.min(lo, data.x(i));
            hi = Math.max(hi, data.x(i));
        }
        for (double x : extra) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        boolean log = fit.law().requiresPositive(0) && lo > 0;
        TreeSet<Double> xs = new TreeSet<>(extra);
        if (hi > lo) {
            double a = log ? Math.log(lo) : lo;
            double b = log ? Math.log(hi) : hi;
            for (int i = 0; i < POINTS; i++) {
                double t = a + (b - a) * i / (POINTS - 1);
                // Inner points are rounded to 6 significant digits, so the x column reads 1.10975E17
                // rather than 1.109752496412072E17; the curve is evaluated at the rounded x.
                xs.add(i == 0 ? lo : i == POINTS - 1 ? hi : round6(log ? Math.exp(t) : t));
            }
        } else {
            xs.add(lo);
        }
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double round6(double v) {
        return v == 0 || !Double.isFinite(v) ? v : new BigDecimal(v).round(new MathContext(6)).doubleValue();
    }

    private static boolean same(Path in, Path target) {
        Path a = in.toAbsolutePath().normalize();
        if (a.equals(target)) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(target) && Files.isSameFile(a, target);
        } catch (IOException e) {
            return false;
        }
    }
}
