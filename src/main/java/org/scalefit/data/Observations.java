package org.scalefit.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.scalefit.InvalidDataException;

/**
 * An immutable table of observations: one or more predictor columns x, a response y, optional
 * per-point weights or standard deviations, optional group labels, and the source row of every
 * point so that error messages can name it.
 *
 * <p>Every value is finite (checked on entry). Weights are positive; when they come from standard
 * deviations σ they are 1/σ² and {@link #weightsAreInverseVariances()} is true, which makes the
 * absolute (unscaled) covariance of a fit meaningful.
 *
 * <p>Row numbers follow the spreadsheet convention: the header is row 1, the first data row is row 2.
 *
 * <pre>{@code
 * Observations obs = Observations.of(new double[] {1e18, 1e19, 1e20}, new double[] {3.1, 2.7, 2.4});
 * double x0 = obs.x(0);            // first predictor of point 0
 * Observations resample = obs.select(new int[] {0, 0, 2});
 * }</pre>
 *
 * <p>Why one class of about 560 lines: the immutable data type every fit reads, with its builder and its
 * selection and resampling views; most of its length is documented accessors.
 */
public final class Observations {
    private final String source;
    private final List<String> predictorNames;
    private final List<String> predictorColumns;
    private final String responseColumn;
    private final double[][] x;
    private final double[] y;
    private final double[] weights;
    private final double[] sigma;
    private final boolean inverseVariance;
    private final String[] groups;
    private final String[] items;
    private final int[] rows;
    /** True when the rows are a table's (given to the builder); false for arrays made in memory. */
    private final boolean tableRows;

    private Observations(Builder b, double[][] x, double[] y, double[] weights, double[] sigma,
                         String[] groups, String[] items, int[] rows) {
        this.source = b.source;
        this.tableRows = b.rows != null;
        this.predictorNames = List.copyOf(b.predictorNames);
        this.predictorColumns = List.copyOf(b.predictorColumns);
        this.responseColumn = b.responseColumn;
        this.x = x;
        this.y = y;
        this.weights = weights;
        this.sigma = sigma;
        this.inverseVariance = sigma != null;
        this.groups = groups;
        this.items = items;
        this.rows = rows;
    }

    /**
     * Observations of one predictor named {@code x} and a response named {@code y}, unweighted,
     * from in-memory arrays (copied).
     *
     * @param x predictor values
     * @param y response values, same length
     * @return the observations
     * @throws InvalidDataException if the lengths differ or a value is not finite
     */
    public static Observations of(double[] x, double[] y) {
        return builder().predictor("x", x).response("y", y).build();
    }

    /** @return a builder for observations with named columns, weights, groups and source rows */
    public static Builder builder() {
        return new Builder();
    }

    /** @return where the data came from, e.g. the file name; "data" for in-memory arrays */
    public String source() {
        return source;
    }

    /** @return the number of points */
    public int size() {
        return y.length;
    }

    /** @return the number of predictors */
    public int predictorCount() {
        return x.length;
    }

    /** @return the predictor names as a law refers to them (e.g. {@code N}, {@code D}, {@code x}) */
    public List<String> predictorNames() {
        return predictorNames;
    }

    /**
     * @param k predictor index
     * @return the source column name of predictor k (e.g. {@code params})
     */
    public String predictorColumn(int k) {
        return predictorColumns.get(k);
    }

    /** @return the source column name of the response */
    public String responseColumn() {
        return responseColumn;
    }

    /**
     * @param i point index
     * @return the first predictor of point i
     */
    public double x(int i) {
        return x[0][i];
    }

    /**
     * @param k predictor index
     * @param i point index
     * @return predictor k of point i
     */
    public double x(int k, int i) {
        return x[k][i];
    }

    /**
     * @param i point index
     * @return the response of point i
     */
    public double y(int i) {
        return y[i];
    }

    /** @return true when per-point weights (or sigmas) were given */
    public boolean hasWeights() {
        return weights != null;
    }

    /**
     * @param i point index
     * @return the weight of point i (1 when unweighted)
     */
    public double weight(int i) {
        return weights == null ? 1.0 : weights[i];
    }

    /** @return true when weights are 1/σ² from given standard deviations */
    public boolean weightsAreInverseVariances() {
        return inverseVariance;
    }

    /** @return true when standard deviations σ were given */
    public boolean hasSigma() {
        return sigma != null;
    }

    /**
     * @param i point index
     * @return σ of point i, or NaN when no sigma column was given
     */
    public double sigma(int i) {
        return sigma == null ? Double.NaN : sigma[i];
    }

    /** @return true when points carry group labels */
    public boolean hasGroups() {
        return groups != null;
    }

    /**
     * @param i point index
     * @return the group label of point i, or empty when there are no groups
     */
    public Optional<String> group(int i) {
        return groups == null ? Optional.empty() : Optional.of(groups[i]);
    }

    /** @return true when points carry item labels (the second level of a hierarchy: group → item → repeat) */
    public boolean hasItems() {
        return items != null;
    }

    /**
     * The item a point belongs to within its group, e.g. the task of a run when the group is the task
     * family; points with the same group and item are repeats of one another.
     *
     * @param i point index
     * @return the item label of point i, or empty when there are no item labels
     */
    public Optional<String> item(int i) {
        return items == null ? Optional.empty() : Optional.of(items[i]);
    }

    /**
     * @param i point index
     * @return the source row of point i (header = row 1)
     */
    public int row(int i) {
        return rows[i];
    }

    /**
     * @param k predictor index
     * @return a copy of predictor column k
     */
    public double[] xValues(int k) {
        return x[k].clone();
    }

    /** @return a copy of the response column */
    public double[] yValues() {
        return y.clone();
    }

    /**
     * Names a cell for an error message: {@code row 4 of runs.csv, column "compute"}.
     *
     * @param i      point index
     * @param column the column name
     * @return the description
     */
    public String where(int i, String column) {
        return tableRows ? "row " + rows[i] + " of " + source + ", column \"" + column + "\"" : inMemory(i, column, source);
    }

    /**
     * @param i point index
     * @return where point i came from: {@code row 4 of runs.csv}, or for arrays made in memory {@code point 2 of data}
     */
    public String describePoint(int i) {
        return tableRows ? "row " + rows[i] + " of " + source : "point " + i + " of " + source;
    }

    /** @return true when the points carry a table's row numbers (read from a file), false for arrays made in memory */
    public boolean hasSourceRows() {
        return tableRows;
    }

    /** A value of arrays made in memory: {@code y[2] of data} (0-based index), never a table's row. */
    private static String inMemory(int i, String column, String source) {
        return column + "[" + i + "] of " + source;
    }

    /**
     * The points at the given indices, in that order; an index may repeat (bootstrap resamples).
     *
     * @param indices point indices
     * @return the selected observations
     */
    public Observations select(int[] indices) {
        int n = indices.length;
        double[][] nx = new double[x.length][n];
        double[] ny = new double[n];
        double[] nw = weights == null ? null : new double[n];
        double[] ns = sigma == null ? null : new double[n];
        String[] ng = groups == null ? null : new String[n];
        String[] ni = items == null ? null : new String[n];
        int[] nr = new int[n];
        for (int j = 0; j < n; j++) {
            int i = indices[j];
            for (int k = 0; k < x.length; k++) {
                nx[k][j] = x[k][i];
            }
            ny[j] = y[i];
            if (nw != null) {
                nw[j] = weights[i];
            }
            if (ns != null) {
                ns[j] = sigma[i];
            }
            if (ng != null) {
                ng[j] = groups[i];
            }
            if (ni != null) {
                ni[j] = items[i];
            }
            nr[j] = rows[i];
        }
        return new Observations(toBuilder(), nx, ny, nw, ns, ng, ni, nr);
    }

    /**
     * The same points with a new response (e.g. for a parametric bootstrap).
     *
     * @param newY the new response values, same length
     * @return observations with y replaced
     * @throws InvalidDataException if the length differs or a value is not finite
     */
    public Observations withResponse(double[] newY) {
        if (newY.length != y.length) {
            throw new InvalidDataException("response has " + newY.length + " values, expected " + y.length);
        }
        double[] copy = newY.clone();
        for (int i = 0; i < copy.length; i++) {
            if (!Double.isFinite(copy[i])) {
                throw new InvalidDataException("response value " + copy[i] + " at point " + i + " is not finite");
            }
        }
        return new Observations(toBuilder(), x, copy, weights, sigma, groups, items, rows);
    }

    /**
     * The same points with predictors renamed, so that a law refers to them by the names it expects.
     *
     * @param names new predictor names, one per predictor
     * @return renamed observations
     * @throws InvalidDataException if the number of names is not the number of predictors
     */
    public Observations withPredictorNames(List<String> names) {
        if (names.size() != x.length) {
            throw new InvalidDataException("expected " + x.length + " predictor names, got " + names.size());
        }
        Builder b = toBuilder();
        b.predictorNames.clear();
        b.predictorNames.addAll(names);
        return new Observations(b, x, y, weights, sigma, groups, items, rows);
    }

    private Builder toBuilder() {
        Builder b = new Builder();
        b.source = source;
        b.predictorNames.addAll(predictorNames);
        b.predictorColumns.addAll(predictorColumns);
        b.responseColumn = responseColumn;
        b.rows = tableRows ? rows : null;
        return b;
    }

    @Override
    public String toString() {
        return "Observations[" + source + ", n=" + y.length + ", x=" + predictorNames + ", y=" + responseColumn + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Observations other)) {
            return false;
        }
        return source.equals(other.source) && predictorNames.equals(other.predictorNames)
                && predictorColumns.equals(other.predictorColumns) && responseColumn.equals(other.responseColumn)
                && Arrays.deepEquals(x, other.x) && Arrays.equals(y, other.y)
                && Arrays.equals(weights, other.weights) && Arrays.equals(sigma, other.sigma)
                && Arrays.equals(groups, other.groups) && Arrays.equals(items, other.items)
                && Arrays.equals(rows, other.rows);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, predictorNames, responseColumn, Arrays.hashCode(y));
    }

    /**
     * Builds {@link Observations}, validating every value on {@link #build()}.
     *
     * <pre>{@code
     * Observations obs = Observations.builder()
     *         .source("chinchilla.csv")
     *         .predictor("N", "params", n)
     *         .predictor("D", "tokens", d)
     *         .response("loss", loss)
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private String source = "data";
        private final List<String> predictorNames = new ArrayList<>();
        private final List<String> predictorColumns = new ArrayList<>();
        private final List<double[]> predictorValues = new ArrayList<>();
        private String responseColumn = "y";
        private double[] y;
        private double[] weights;
        private double[] sigma;
        private String weightColumn;
        private String[] groups;
        private String[] items;
        private int[] rows;

        private Builder() {
        }

        /**
         * @param source where the data came from, used in messages (e.g. a file name)
         * @return this builder
         */
        public Builder source(String source) {
            this.source = Objects.requireNonNull(source);
            return this;
        }

        /**
         * Adds a predictor whose name is also its column name.
         *
         * @param name   the predictor name
         * @param values its values (copied)
         * @return this builder
         */
        public Builder predictor(String name, double[] values) {
            return predictor(name, name, values);
        }

        /**
         * Adds a predictor.
         *
         * @param name   the name a law uses (e.g. {@code N})
         * @param column the source column (e.g. {@code params})
         * @param values its values (copied)
         * @return this builder
         * @throws InvalidDataException if a predictor of that name was already given
         */
        public Builder predictor(String name, String column, double[] values) {
            if (predictorNames.contains(name)) {
                throw new InvalidDataException("predictor \"" + name + "\" is given twice");
            }
            predictorNames.add(name);
            predictorColumns.add(column);
            predictorValues.add(values.clone());
            return this;
        }

        /**
         * @param column the response column name
         * @param values its values (copied)
         * @return this builder
         */
        public Builder response(String column, double[] values) {
            this.responseColumn = column;
            this.y = values.clone();
            return this;
        }

        /**
         * Per-point weights w (the fit minimises Σ w·r²). Mutually exclusive with {@link #sigma}.
         *
         * @param column the weight column name
         * @param values positive weights (copied)
         * @return this builder
         */
        public Builder weights(String column, double[] values) {
            this.weightColumn = column;
            this.weights = values.clone();
            this.sigma = null;
            return this;
        }

        /**
         * Per-point standard deviations σ of y (the fit uses weights 1/σ² and can report an absolute
         * covariance). In log space σ is read as the standard deviation of ln y.
         *
         * @param column the sigma column name
         * @param values positive standard deviations (copied)
         * @return this builder
         */
        public Builder sigma(String column, double[] values) {
            this.weightColumn = column;
            this.sigma = values.clone();
            this.weights = null;
            return this;
        }

        /**
         * @param labels group label per point (e.g. the model a run belongs to); copied
         * @return this builder
         */
        public Builder groups(String[] labels) {
            this.groups = labels.clone();
            return this;
        }

        /**
         * @param labels item label per point within its group (e.g. the task of a run); copied
         * @return this builder
         */
        public Builder items(String[] labels) {
            this.items = labels.clone();
            return this;
        }

        /**
         * @param sourceRows the source row of each point (header = row 1); copied
         * @return this builder
         */
        public Builder rows(int[] sourceRows) {
            this.rows = sourceRows.clone();
            return this;
        }

        /**
         * @return the validated observations
         * @throws InvalidDataException naming the row and column of the first bad value
         */
        public Observations build() {
            if (y == null) {
                throw new InvalidDataException("no response column given");
            }
            if (predictorValues.isEmpty()) {
                throw new InvalidDataException("no predictor column given");
            }
            int n = y.length;
            int[] r = rows;
            if (r == null) {
                r = new int[n];
                for (int i = 0; i < n; i++) {
                    r[i] = i + 2;
                }
            } else if (r.length != n) {
                throw new InvalidDataException("rows has " + r.length + " entries, expected " + n);
            }
            double[][] xs = new double[predictorValues.size()][];
            for (int k = 0; k < xs.length; k++) {
                double[] v = predictorValues.get(k);
                if (v.length != n) {
                    throw new InvalidDataException("predictor \"" + predictorNames.get(k) + "\" has " + v.length
                            + " values but the response \"" + responseColumn + "\" has " + n);
                }
                checkFinite(v, predictorColumns.get(k), r);
                xs[k] = v;
            }
            checkFinite(y, responseColumn, r);
            double[] w = weights;
            if (sigma != null) {
                checkLength(sigma, n);
                checkFinite(sigma, weightColumn, r);
                w = new double[n];
                for (int i = 0; i < n; i++) {
                    if (!(sigma[i] > 0)) {
                        throw new InvalidDataException("sigma must be > 0: " + at(r[i], weightColumn) + " is " + sigma[i]);
                    }
                    w[i] = 1.0 / (sigma[i] * sigma[i]);
                }
            } else if (w != null) {
                checkLength(w, n);
                checkFinite(w, weightColumn, r);
                for (int i = 0; i < n; i++) {
                    if (!(w[i] > 0)) {
                        throw new InvalidDataException("weights must be > 0: " + at(r[i], weightColumn) + " is " + w[i]);
                    }
                }
            }
            if (groups != null) {
                if (groups.length != n) {
                    throw new InvalidDataException("groups has " + groups.length + " labels, expected " + n);
                }
                for (int i = 0; i < n; i++) {
                    Objects.requireNonNull(groups[i], "group label");
                }
            }
            if (items != null) {
                if (items.length != n) {
                    throw new InvalidDataException("items has " + items.length + " labels, expected " + n);
                }
                for (int i = 0; i < n; i++) {
                    Objects.requireNonNull(items[i], "item label");
                }
            }
            return new Observations(this, xs, y, w, sigma, groups, items, r);
        }

        private void checkLength(double[] v, int n) {
            if (v.length != n) {
                throw new InvalidDataException("column \"" + weightColumn + "\" has " + v.length + " values, expected " + n);
            }
        }

        private void checkFinite(double[] v, String column, int[] r) {
            for (int i = 0; i < v.length; i++) {
                if (!Double.isFinite(v[i])) {
                    throw new InvalidDataException("value is not a finite number: " + at(r[i], column) + " is " + v[i]);
                }
            }
        }

        private String at(int row, String column) {
            return rows != null ? "row " + row + " of " + source + ", column \"" + column + "\"" : inMemory(row - 2, column, source);
        }
    }
}
