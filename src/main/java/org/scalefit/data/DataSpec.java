package org.scalefit.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
 *
 * <p>Why one class of about 400 lines: the specification and its builder, each option with its
 * documentation; the loading itself is in SpecLoader.
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
        List<SpecLoader.Part> parts = new ArrayList<>();
        String[] source = new String[1];
        SpecLoader loader = new SpecLoader(this);
        TableReader.readChunks(path, columns(), CHUNK_ROWS, chunk -> {
            source[0] = chunk.source();
            parts.add(loader.part(chunk));
        });
        return loader.finish(source[0], parts);
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
        SpecLoader loader = new SpecLoader(this);
        return loader.finish(table.source(), List.of(loader.part(table)));
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
