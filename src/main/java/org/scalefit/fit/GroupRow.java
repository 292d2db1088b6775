package org.scalefit.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.scalefit.OptionKey;

/**
 * One group's row of the compact table of a sweep ({@code scalefit fit --by COLUMN --output FILE}, and the
 * Spark module's {@code GroupFits}): the group's keys, then for each parameter {@code P} its value
 * {@code P}, {@code P_stderr}, {@code P_ci95_low}, {@code P_ci95_high}; then {@code rss}, {@code r2},
 * {@code aic}, {@code n}, {@code converged}, {@code warnings} (how many) and {@code first_warning}. The numbers
 * are the group's {@link Fit}'s, bit for bit ({@link #of(List, Fit)}, or the lean path of a sweep that computes
 * them without a {@code Fit}). A group that could not be fitted has no numbers, its row count in {@code n},
 * {@code converged = false}, one warning, and the reason as the first warning ({@link #error(Function)}).
 *
 * <pre>{@code
 * GroupRow row = GroupRow.of(List.of("run-7"), fit);
 * List<GroupRow.Column> columns = GroupRow.columns(fit.parameterNames());   // a, a_stderr, …, first_warning
 * Object[] cells = row.cells(null);                                          // Double/Integer/Boolean/String, null when absent
 * }</pre>
 */
public final class GroupRow {
    /** The columns after the parameters, in order. */
    public static final List<String> FIT_COLUMNS = List.of("rss", "r2", "aic", "n", "converged", "warnings", "first_warning");
    /** The suffixes of a parameter's columns after its value, in order. */
    public static final List<String> PARAMETER_SUFFIXES = List.of("_stderr", "_ci95_low", "_ci95_high");

    private final List<String> keys;
    private final List<String> parameters;
    private final double[] values;
    private final double[] stderr;
    private final double[] low;
    private final double[] high;
    private final double rss;
    private final double r2;
    private final double aic;
    private final int n;
    private final boolean converged;
    private final int warnings;
    private final String firstWarning;
    private final String convergenceReason;
    private final String error;
    private final boolean invalidData;

    private GroupRow(List<String> keys, List<String> parameters, double[] values, double[] stderr, double[] low,
                     double[] high, double rss, double r2, double aic, int n, boolean converged, int warnings,
                     String firstWarning, String convergenceReason, String error, boolean invalidData) {
        this.keys = List.copyOf(keys);
        this.parameters = List.copyOf(parameters);
        this.values = values;
        this.stderr = stderr;
        this.low = low;
        this.high = high;
        this.rss = rss;
        this.r2 = r2;
        this.aic = aic;
        this.n = n;
        this.converged = converged;
        this.warnings = warnings;
        this.firstWarning = firstWarning;
        this.convergenceReason = convergenceReason;
        this.error = error;
        this.invalidData = invalidData;
    }

    /** What a column holds. */
    public enum Kind {
        /** a double; absent (null) when not finite or not computed */
        NUMBER,
        /** an int, always present */
        INTEGER,
        /** a boolean, always present */
        BOOLEAN,
        /** text, absent (null) when there is none */
        TEXT
    }

    /**
     * A column of the table.
     *
     * @param name its name
     * @param kind what it holds
     */
    public record Column(String name, Kind kind) {
        /**
         * @param name its name
         * @param kind what it holds
         */
        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * The row of a fitted group.
     *
     * @param keys the group's keys
     * @param fit  its fit
     * @return the row
     */
    public static GroupRow of(List<String> keys, Fit fit) {
        List<Parameter> ps = fit.parameters();
        int k = ps.size();
        double[] v = new double[k];
        double[] se = new double[k];
        double[] lo = new double[k];
        double[] hi = new double[k];
        for (int j = 0; j < k; j++) {
            Parameter p = ps.get(j);
            v[j] = p.value();
            se[j] = p.stderr();
            lo[j] = p.lower();
            hi[j] = p.upper();
        }
        List<String> w = fit.warningTemplates();
        return new GroupRow(keys, fit.parameterNames(), v, se, lo, hi, fit.rss(), fit.r2(), fit.aic(), fit.n(),
                fit.converged(), w.size(), w.isEmpty() ? null : w.get(0), fit.convergenceReason(), null, false);
    }

    /** The row from the values {@code FitAssembler} computes, with the intervals of {@link Fit#parameter}. */
    static GroupRow of(List<String> keys, List<String> parameters, double[] p, double[] stderr, boolean[] fixed,
                       boolean[] logScale, double tQuantile, double rss, double r2, double aic, int n, boolean converged,
                       String convergenceReason, List<String> warnings) {
        int k = p.length;
        double[] lo = new double[k];
        double[] hi = new double[k];
        for (int j = 0; j < k; j++) {
            Parameter q = Fit.parameter(parameters.get(j), p[j], stderr[j], fixed[j], tQuantile, logScale[j]);
            lo[j] = q.lower();
            hi[j] = q.upper();
        }
        return new GroupRow(keys, parameters, p.clone(), stderr.clone(), lo, hi, rss, r2, aic, n, converged,
                warnings.size(), warnings.isEmpty() ? null : warnings.get(0), convergenceReason, null, false);
    }

    /**
     * The row of a group that could not be fitted.
     *
     * @param keys        the group's keys
     * @param parameters  the law's parameter names
     * @param rows        the group's rows
     * @param reason      why (may name options as {@link OptionKey} templates)
     * @param invalidData true when the group's data could not be used, false when the fit itself failed
     * @return the row
     */
    public static GroupRow failed(List<String> keys, List<String> parameters, int rows, String reason, boolean invalidData) {
        double[] none = new double[parameters.size()];
        Arrays.fill(none, Double.NaN);
        return new GroupRow(keys, parameters, none, none.clone(), none.clone(), none.clone(), Double.NaN, Double.NaN,
                Double.NaN, rows, false, 1, Objects.requireNonNull(reason, "reason"), null, reason, invalidData);
    }

    /**
     * The table's columns after the group keys.
     *
     * @param parameters the law's parameter names, in order
     * @return {@code P, P_stderr, P_ci95_low, P_ci95_high} per parameter, then {@link #FIT_COLUMNS}
     */
    public static List<Column> columns(List<String> parameters) {
        List<Column> out = new ArrayList<>();
        for (String p : parameters) {
            out.add(new Column(p, Kind.NUMBER));
            for (String s : PARAMETER_SUFFIXES) {
                out.add(new Column(p + s, Kind.NUMBER));
            }
        }
        out.add(new Column("rss", Kind.NUMBER));
        out.add(new Column("r2", Kind.NUMBER));
        out.add(new Column("aic", Kind.NUMBER));
        out.add(new Column("n", Kind.INTEGER));
        out.add(new Column("converged", Kind.BOOLEAN));
        out.add(new Column("warnings", Kind.INTEGER));
        out.add(new Column("first_warning", Kind.TEXT));
        return out;
    }

    /**
     * The row's values after the keys, in {@link #columns} order: {@link Double} (null when not finite),
     * {@link Integer}, {@link Boolean}, {@link String} (null when there is no warning).
     *
     * @param optionNames a front end's name of each option a warning mentions, or null for the library's words
     * @return the cells
     */
    public Object[] cells(Function<OptionKey, String> optionNames) {
        int k = parameters.size();
        Object[] out = new Object[4 * k + FIT_COLUMNS.size()];
        int c = 0;
        for (int j = 0; j < k; j++) {
            out[c++] = finite(values[j]);
            out[c++] = finite(stderr[j]);
            out[c++] = finite(low[j]);
            out[c++] = finite(high[j]);
        }
        out[c++] = finite(rss);
        out[c++] = finite(r2);
        out[c++] = finite(aic);
        out[c++] = n;
        out[c++] = converged;
        out[c++] = warnings;
        out[c] = firstWarning(optionNames).orElse(null);
        return out;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** @return the group's keys, in the key columns' order */
    public List<String> keys() {
        return keys;
    }

    /** @return the law's parameter names */
    public List<String> parameters() {
        return parameters;
    }

    /**
     * @param j parameter index
     * @return its value (NaN for a group that failed)
     */
    public double value(int j) {
        return values[j];
    }

    /**
     * @param j parameter index
     * @return its standard error
     */
    public double stderr(int j) {
        return stderr[j];
    }

    /**
     * @param j parameter index
     * @return the lower end of its 95% interval (value − t·stderr)
     */
    public double lower(int j) {
        return low[j];
    }

    /**
     * @param j parameter index
     * @return the upper end of its 95% interval
     */
    public double upper(int j) {
        return high[j];
    }

    /** @return the residual sum of squares in the fit's space */
    public double rss() {
        return rss;
    }

    /** @return R² in the fit's space */
    public double r2() {
        return r2;
    }

    /** @return Akaike's information criterion */
    public double aic() {
        return aic;
    }

    /** @return the points fitted, or the group's rows when it failed */
    public int n() {
        return n;
    }

    /** @return whether the fit converged (false for a group that failed) */
    public boolean converged() {
        return converged;
    }

    /** @return why the optimiser stopped, or empty for a group that could not be fitted */
    public Optional<String> convergenceReason() {
        return Optional.ofNullable(convergenceReason);
    }

    /** @return how many warnings the fit has (1 for a group that failed: its reason) */
    public int warnings() {
        return warnings;
    }

    /**
     * @param optionNames a front end's name of each option the warning mentions, or null for the library's words
     * @return the first warning, or for a failed group its reason
     */
    public Optional<String> firstWarning(Function<OptionKey, String> optionNames) {
        return Optional.ofNullable(firstWarning).map(w -> OptionKey.render(w, optionNames));
    }

    /**
     * @param optionNames a front end's name of each option the reason mentions, or null for the library's words
     * @return why the group could not be fitted, or empty when it was
     */
    public Optional<String> error(Function<OptionKey, String> optionNames) {
        return Optional.ofNullable(error).map(e -> OptionKey.render(e, optionNames));
    }

    /** @return true when the group's data could not be used (rather than its fit failing) */
    public boolean invalidData() {
        return invalidData;
    }

    @Override
    public String toString() {
        return "GroupRow" + keys + (error != null ? " failed: " + error : " " + parameters + "=" + Arrays.toString(values));
    }
}
