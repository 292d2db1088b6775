package org.scalefit.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import org.scalefit.InvalidDataException;

/**
 * Which columns of a table make the {@link Observations} a fit consumes: the predictors (plain
 * columns, date columns, or a quotient of two columns), the response, optional weights <i>or</i>
 * standard deviations, optional group labels, row filters, and what to do with invalid rows.
 *
 * <p>Rows that do not match the filters are excluded before their cells are looked at; filters
 * are tested in the order given, and a row that fails one is not tested by the later ones. In strict
 * mode (the default) the first bad cell of a remaining row throws an {@link InvalidDataException}
 * naming file, row, column and value. With {@code skipInvalid(true)} such rows are left out and
 * listed in {@link LoadResult#skipped()}; if no row remains it throws. Either way the
 * observations carry the rows of the file, so later messages point at the right line.
 *
 * <p>Cells are converted by {@link Cells} (numbers) and {@link Dates} (date predictors, as days
 * since 1970-01-01 UTC). Weights and standard deviations must be &gt; 0:
 * {@code weights must be > 0: row 4 of runs.csv, column "w" is -1}.
 *
 * <pre>{@code
 * DataSpec spec = DataSpec.builder()
 *         .predictor("N=params")
 *         .derived("D=compute/(6*params)")     // the file logs compute, not tokens
 *         .response("loss")
 *         .group("family")
 *         .where("loss<5")
 *         .skipInvalid(true)
 *         .build();
 * LoadResult r = spec.load(Path.of("runs.csv"));  // reads only the columns the spec needs
 * Observations obs = r.observations();
 * }</pre>
 *
 * <p>Why one class of about 610 lines: not split yet — it is the specification of what to read and the
 * 300-line loader that applies it; the loader should become a class of its own.
 */
public final class DataSpec {
    private final List<PredictorSpec> predictors;
    private final Set<String> datePredictors;
    private final String response;
    private final String weightColumn;
    private final String sigmaColumn;
    private final String groupColumn;
    private final String itemColumn;
    private final List<RowFilter> filters;
    private final boolean skipInvalid;

    private DataSpec(Builder b) {
        this.predictors = List.copyOf(b.predictors);
        this.datePredictors = Collections.unmodifiableSet(new LinkedHashSet<>(b.datePredictors));
        this.response = b.response;
        this.weightColumn = b.weightColumn;
        this.sigmaColumn = b.sigmaColumn;
        this.groupColumn = b.groupColumn;
        this.itemColumn = b.itemColumn;
        this.filters = List.copyOf(b.filters);
        this.skipInvalid = b.skipInvalid;
    }

    /** @return a builder; give at least one predictor and the response */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the predictors, in the order a law receives them */
    public List<PredictorSpec> predictors() {
        return predictors;
    }

    /** @return the names of the predictors read as dates */
    public Set<String> datePredictors() {
        return datePredictors;
    }

    /** @return the response column */
    public String response() {
        return response;
    }

    /** @return the weight column, if any */
    public Optional<String> weightColumn() {
        return Optional.ofNullable(weightColumn);
    }

    /** @return the standard-deviation column, if any */
    public Optional<String> sigmaColumn() {
        return Optional.ofNullable(sigmaColumn);
    }

    /** @return the group-label column, if any */
    public Optional<String> groupColumn() {
        return Optional.ofNullable(groupColumn);
    }

    /** @return the item-label column (the level below the group), if any */
    public Optional<String> itemColumn() {
        return Optional.ofNullable(itemColumn);
    }

    /** @return the filters, all of which a row must meet */
    public List<RowFilter> filters() {
        return filters;
    }

    /** @return true when invalid rows are skipped and reported instead of thrown */
    public boolean skipInvalid() {
        return skipInvalid;
    }

    /**
     * Every column the spec reads, for {@link TableReader#read(Path, Set)}.
     *
     * @return the column names, predictors first, then response, weights or sigma, group and filters
     */
    public Set<String> columns() {
        Set<String> names = new LinkedHashSet<>();
        for (PredictorSpec p : predictors) {
            names.addAll(p.columns());
        }
        names.add(response);
        if (weightColumn != null) {
            names.add(weightColumn);
        }
        if (sigmaColumn != null) {
            names.add(sigmaColumn);
        }
        if (groupColumn != null) {
            names.add(groupColumn);
        }
        if (itemColumn != null) {
            names.add(itemColumn);
        }
        for (RowFilter f : filters) {
            names.add(f.column());
        }
        return Collections.unmodifiableSet(names);
    }

    /**
     * Reads the file, keeping only the columns this spec needs, and loads it.
     *
     * <pre>{@code
     * Observations obs = spec.load(Path.of("runs.csv")).observations();
     * }</pre>
     *
     * @param path a CSV, TSV or JSON Lines file
     * @return the observations and what was left out
     * @throws InvalidDataException for a bad file, an unknown column, or (strict mode) a bad cell
     */
    public LoadResult load(Path path) {
        // Streamed in chunks: memory holds the numbers kept, not the text of the file.
        List<Part> parts = new ArrayList<>();
        String[] source = new String[1];
        TableReader.readChunks(path, columns(), CHUNK_ROWS, chunk -> {
            source[0] = chunk.source();
            parts.add(part(chunk));
        });
        return finish(source[0], parts);
    }

    /** Rows per chunk when a file is streamed: a few megabytes of text at a time. */
    static final int CHUNK_ROWS = 1 << 15;

    /**
     * Turns a table into observations.
     *
     * <pre>{@code
     * LoadResult r = spec.load(TableReader.parse("params,loss\n1e8,3.1\n1e9,2.7\n", "runs.csv"));
     * }</pre>
     *
     * @param table the table
     * @return the observations, the rows skipped as invalid, and the number excluded by filters
     * @throws InvalidDataException for an unknown column, a bad cell in strict mode, or when no
     *                              row remains
     */
    public LoadResult load(Table table) {
        return finish(table.source(), List.of(part(table)));
    }

    /** The rows of one table (or one chunk of a file) that were kept, skipped and excluded. */
    private record Part(double[][] x, double[] y, double[] spread, String[] groups, String[] items, int[] rows, int size,
                        List<SkippedRow> skipped, int excluded) {
    }

    private Part part(Table table) {
        int k = predictors.size();
        int[][] predictorCols = new int[k][];
        boolean[] isDate = new boolean[k];
        for (int j = 0; j < k; j++) {
            List<String> cols = predictors.get(j).columns();
            predictorCols[j] = cols.stream().mapToInt(table::columnIndex).toArray();
            isDate[j] = datePredictors.contains(predictors.get(j).name());
        }
        int yCol = table.columnIndex(response);
        int wCol = weightColumn == null ? -1 : table.columnIndex(weightColumn);
        int sCol = sigmaColumn == null ? -1 : table.columnIndex(sigmaColumn);
        int gCol = groupColumn == null ? -1 : table.columnIndex(groupColumn);
        int iCol = itemColumn == null ? -1 : table.columnIndex(itemColumn);
        List<IntPredicate> tests = new ArrayList<>(filters.size());
        for (RowFilter f : filters) {
            tests.add(f.bind(table));
        }

        int n = table.rowCount();
        double[][] x = new double[k][n];
        double[] y = new double[n];
        double[] spread = wCol >= 0 || sCol >= 0 ? new double[n] : null;
        String[] groups = gCol >= 0 ? new String[n] : null;
        String[] items = iCol >= 0 ? new String[n] : null;
        int[] rows = new int[n];
        List<SkippedRow> skipped = new ArrayList<>();
        int excluded = 0;
        int m = 0;
        rowLoop:
        for (int r = 0; r < n; r++) {
            for (int f = 0; f < tests.size(); f++) {
                try {
                    if (!tests.get(f).test(r)) {
                        excluded++;
                        continue rowLoop;
                    }
                } catch (InvalidDataException e) {
                    skipOrThrow(skipped, table.sourceRow(r), filters.get(f).column(), e);
                    continue rowLoop;
                }
            }
            String column = response;
            try {
                for (int j = 0; j < k; j++) {
                    PredictorSpec p = predictors.get(j);
                    column = p.columns().get(0);
                    if (p instanceof DerivedColumn d) {
                        double numerator = Cells.number(table, r, predictorCols[j][0]);
                        column = d.denominator();
                        double denominator = Cells.number(table, r, predictorCols[j][1]);
                        x[j][m] = derive(table, r, d, predictorCols[j], numerator, denominator);
                    } else if (isDate[j]) {
                        x[j][m] = Cells.epochDay(table, r, predictorCols[j][0]);
                    } else {
                        x[j][m] = Cells.number(table, r, predictorCols[j][0]);
                    }
                }
                column = response;
                y[m] = Cells.number(table, r, yCol);
                if (wCol >= 0) {
                    column = weightColumn;
                    spread[m] = positive(table, r, wCol, "weights");
                } else if (sCol >= 0) {
                    column = sigmaColumn;
                    spread[m] = positive(table, r, sCol, "sigma");
                }
                if (gCol >= 0) {
                    column = groupColumn;
                    groups[m] = Cells.label(table, r, gCol);
                }
                if (iCol >= 0) {
                    column = itemColumn;
                    items[m] = Cells.label(table, r, iCol);
                }
            } catch (InvalidDataException e) {
                skipOrThrow(skipped, table.sourceRow(r), column, e);
                continue;
            }
            rows[m] = table.sourceRow(r);
            m++;
        }
        // Trimmed: a chunk that a filter mostly excludes must not keep its full-size arrays alive.
        double[][] xs = new double[k][];
        for (int j = 0; j < k; j++) {
            xs[j] = Arrays.copyOf(x[j], m);
        }
        return new Part(xs, Arrays.copyOf(y, m), spread == null ? null : Arrays.copyOf(spread, m),
                groups == null ? null : Arrays.copyOf(groups, m), items == null ? null : Arrays.copyOf(items, m),
                Arrays.copyOf(rows, m), m, skipped, excluded);
    }

    /** Joins the parts, in order, into observations. */
    private LoadResult finish(String source, List<Part> parts) {
        int k = predictors.size();
        int m = 0;
        int excluded = 0;
        List<SkippedRow> skipped = new ArrayList<>();
        for (Part p : parts) {
            m += p.size();
            excluded += p.excluded();
            skipped.addAll(p.skipped());
        }
        if (m == 0) {
            throw nothingLeft(source, excluded, skipped);
        }
        double[][] x = new double[k][m];
        double[] y = new double[m];
        int[] rows = new int[m];
        boolean spread = weightColumn != null || sigmaColumn != null;
        double[] s = spread ? new double[m] : null;
        String[] groups = groupColumn != null ? new String[m] : null;
        String[] items = itemColumn != null ? new String[m] : null;
        int at = 0;
        for (Part p : parts) {
            int len = p.size();
            for (int j = 0; j < k; j++) {
                System.arraycopy(p.x()[j], 0, x[j], at, len);
            }
            System.arraycopy(p.y(), 0, y, at, len);
            System.arraycopy(p.rows(), 0, rows, at, len);
            if (s != null) {
                System.arraycopy(p.spread(), 0, s, at, len);
            }
            if (groups != null) {
                System.arraycopy(p.groups(), 0, groups, at, len);
            }
            if (items != null) {
                System.arraycopy(p.items(), 0, items, at, len);
            }
            at += len;
        }
        Observations.Builder b = Observations.builder().source(source);
        for (int j = 0; j < k; j++) {
            PredictorSpec p = predictors.get(j);
            b.predictor(p.name(), p.describe(), x[j]);
        }
        b.response(response, y).rows(rows);
        if (weightColumn != null) {
            b.weights(weightColumn, s);
        } else if (sigmaColumn != null) {
            b.sigma(sigmaColumn, s);
        }
        if (groups != null) {
            b.groups(groups);
        }
        if (items != null) {
            b.items(items);
        }
        return new LoadResult(b.build(), skipped, excluded);
    }

    private void skipOrThrow(List<SkippedRow> skipped, int row, String column, InvalidDataException e) {
        if (!skipInvalid) {
            throw e;
        }
        skipped.add(new SkippedRow(row, column, e.getMessage()));
    }

    private static double derive(Table table, int r, DerivedColumn d, int[] cols, double numerator, double denominator) {
        String what = d.name() + " = " + Cells.escape(d.describe());
        if (denominator == 0) {
            throw new InvalidDataException("cannot compute " + what + ": "
                    + table.where(r, cols[1]) + " is " + Cells.escape(table.cell(r, cols[1]).strip()));
        }
        double v = d.apply(numerator, denominator);
        if (!Double.isFinite(v)) {
            throw new InvalidDataException("cannot compute " + what + " in row " + table.sourceRow(r)
                    + " of " + table.source() + ": " + Cells.escape(d.numerator()) + " " + Cells.escape(table.cell(r, cols[0]).strip())
                    + " and " + Cells.escape(d.denominator()) + " " + Cells.escape(table.cell(r, cols[1]).strip())
                    + " give a result too large for a double");
        }
        return v;
    }

    private static double positive(Table table, int r, int col, String what) {
        double v = Cells.number(table, r, col);
        if (!(v > 0)) {
            throw new InvalidDataException(what + " must be > 0: " + table.where(r, col) + " is "
                    + Cells.escape(table.cell(r, col).strip()));
        }
        return v;
    }

    private InvalidDataException nothingLeft(String source, int excluded, List<SkippedRow> skipped) {
        if (skipped.isEmpty()) {
            StringBuilder sb = new StringBuilder("no rows of ").append(source).append(" match the filter");
            sb.append(filters.size() == 1 ? " " : "s ");
            for (int i = 0; i < filters.size(); i++) {
                sb.append(i == 0 ? "" : " and ").append(Cells.escape(filters.get(i).toString()));
            }
            return new InvalidDataException(sb.append(" (").append(excluded).append(" rows read)").toString());
        }
        String others = excluded == 0 ? "" : "; " + excluded + " more did not match the filters";
        return new InvalidDataException("no valid rows left in " + source + ": all " + skipped.size()
                + " remaining rows were skipped as invalid" + others + "; the first: " + skipped.get(0).reason());
    }

    @Override
    public String toString() {
        return "DataSpec[predictors=" + predictors + ", dates=" + datePredictors + ", response=" + response
                + (weightColumn == null ? "" : ", weights=" + weightColumn)
                + (sigmaColumn == null ? "" : ", sigma=" + sigmaColumn)
                + (groupColumn == null ? "" : ", group=" + groupColumn)
                + (itemColumn == null ? "" : ", item=" + itemColumn)
                + ", filters=" + filters + ", skipInvalid=" + skipInvalid + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataSpec d && predictors.equals(d.predictors) && datePredictors.equals(d.datePredictors)
                && response.equals(d.response) && Objects.equals(weightColumn, d.weightColumn)
                && Objects.equals(sigmaColumn, d.sigmaColumn) && Objects.equals(groupColumn, d.groupColumn)
                && Objects.equals(itemColumn, d.itemColumn)
                && filters.equals(d.filters) && skipInvalid == d.skipInvalid;
    }

    @Override
    public int hashCode() {
        return Objects.hash(predictors, datePredictors, response, weightColumn, sigmaColumn, groupColumn, itemColumn, filters,
                skipInvalid);
    }

    /**
     * Builds a {@link DataSpec}; {@link #build()} checks that it is complete and consistent.
     *
     * <pre>{@code
     * DataSpec spec = DataSpec.builder()
     *         .datePredictor("t=release_date")
     *         .response("horizon_minutes")
     *         .where("frontier==true")
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private final List<PredictorSpec> predictors = new ArrayList<>();
        private final Set<String> datePredictors = new LinkedHashSet<>();
        private String response;
        private String weightColumn;
        private String sigmaColumn;
        private String groupColumn;
        private String itemColumn;
        private final List<RowFilter> filters = new ArrayList<>();
        private boolean skipInvalid;

        private Builder() {
        }

        /**
         * Adds a numeric predictor, {@code NAME=COLUMN} or {@code COLUMN} (see {@link ColumnSpec#parse}).
         *
         * @param spec e.g. {@code N=params}
         * @return this builder
         */
        public Builder predictor(String spec) {
            return predictor(ColumnSpec.parse(spec));
        }

        /**
         * Adds a predictor: a numeric column or a derived quotient.
         *
         * @param spec the predictor
         * @return this builder
         */
        public Builder predictor(PredictorSpec spec) {
            predictors.add(Objects.requireNonNull(spec, "spec"));
            return this;
        }

        /**
         * Adds a predictor read as ISO dates, as days since 1970-01-01 UTC (see {@link Dates}).
         *
         * @param spec e.g. {@code t=release_date}
         * @return this builder
         */
        public Builder datePredictor(String spec) {
            return datePredictor(ColumnSpec.parse(spec));
        }

        /**
         * Adds a predictor read as ISO dates.
         *
         * @param spec the column
         * @return this builder
         */
        public Builder datePredictor(ColumnSpec spec) {
            predictor(spec);
            datePredictors.add(spec.name());
            return this;
        }

        /**
         * Adds a predictor computed as a quotient (see {@link DerivedColumn#parse}).
         *
         * @param spec e.g. {@code D=compute/(6*params)}
         * @return this builder
         */
        public Builder derived(String spec) {
            return predictor(DerivedColumn.parse(spec));
        }

        /**
         * @param column the response column
         * @return this builder
         */
        public Builder response(String column) {
            this.response = requireColumn(column, "response");
            return this;
        }

        /**
         * Per-row weights w (the fit minimises Σ w·r²); not together with {@link #sigma}.
         *
         * @param column the weight column
         * @return this builder
         */
        public Builder weights(String column) {
            this.weightColumn = requireColumn(column, "weight");
            return this;
        }

        /**
         * Per-row standard deviations σ of y (weights 1/σ²); not together with {@link #weights}.
         *
         * @param column the sigma column
         * @return this builder
         */
        public Builder sigma(String column) {
            this.sigmaColumn = requireColumn(column, "sigma");
            return this;
        }

        /**
         * @param column the column of group labels (e.g. model family), each non-empty
         * @return this builder
         */
        public Builder group(String column) {
            this.groupColumn = requireColumn(column, "group");
            return this;
        }

        /**
         * The level below the group for a hierarchical bootstrap (group → item → repeat), e.g. the
         * task within a task family; rows with the same group and item are repeats.
         *
         * @param column the column of item labels, each non-empty
         * @return this builder
         */
        public Builder item(String column) {
            this.itemColumn = requireColumn(column, "item");
            return this;
        }

        /**
         * Adds a filter (see {@link RowFilter#parse}); all filters must hold.
         *
         * @param filter e.g. {@code loss<5}
         * @return this builder
         */
        public Builder where(String filter) {
            return filter(RowFilter.parse(filter));
        }

        /**
         * Adds a filter; all filters must hold.
         *
         * @param filter the filter
         * @return this builder
         */
        public Builder filter(RowFilter filter) {
            filters.add(Objects.requireNonNull(filter, "filter"));
            return this;
        }

        /**
         * @param skip true to leave invalid rows out and report them instead of throwing
         * @return this builder
         */
        public Builder skipInvalid(boolean skip) {
            this.skipInvalid = skip;
            return this;
        }

        /**
         * @return the spec
         * @throws InvalidDataException if there is no predictor or response, a predictor name
         *                              repeats, or both weights and sigma are given
         */
        public DataSpec build() {
            if (predictors.isEmpty()) {
                throw new InvalidDataException("no predictor column given");
            }
            if (response == null) {
                throw new InvalidDataException("no response column given");
            }
            Set<String> names = new LinkedHashSet<>();
            for (PredictorSpec p : predictors) {
                if (!names.add(p.name())) {
                    throw new InvalidDataException("predictor \"" + p.name() + "\" is given twice");
                }
            }
            if (weightColumn != null && sigmaColumn != null) {
                throw new InvalidDataException("give a weight column or a sigma column, not both (weights "
                        + Cells.quote(weightColumn) + ", sigma " + Cells.quote(sigmaColumn) + ")");
            }
            return new DataSpec(this);
        }

        private static String requireColumn(String column, String role) {
            if (column == null || column.isBlank()) {
                throw new InvalidDataException("the " + role + " column name is empty");
            }
            return column;
        }
    }
}
