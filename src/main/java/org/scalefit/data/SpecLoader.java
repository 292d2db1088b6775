package org.scalefit.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import org.scalefit.InvalidDataException;
import org.scalefit.OptionKey;

/**
 * Applies a {@link DataSpec} to tables: turns each table (or each streamed chunk of a file) into the rows
 * kept, skipped and excluded, then joins the parts, in order, into {@link Observations}. Rows that do not
 * match the filters are excluded before their cells are looked at; a cell that cannot be used fails the
 * load (naming file, row, column and value) or, with {@code skipInvalid}, leaves its row out with the reason.
 */
final class SpecLoader {
    private final List<PredictorSpec> predictors;
    private final Set<String> datePredictors;
    private final String response;
    private final String weightColumn;
    private final String sigmaColumn;
    private final String groupColumn;
    private final String itemColumn;
    private final List<RowFilter> filters;
    private final boolean skipInvalid;

    SpecLoader(DataSpec spec) {
        this.predictors = spec.predictors();
        this.datePredictors = spec.datePredictors();
        this.response = spec.response();
        this.weightColumn = spec.weightColumn().orElse(null);
        this.sigmaColumn = spec.sigmaColumn().orElse(null);
        this.groupColumn = spec.groupColumn().orElse(null);
        this.itemColumn = spec.itemColumn().orElse(null);
        this.filters = spec.filters();
        this.skipInvalid = spec.skipInvalid();
    }

    /** The rows of one table (or one chunk of a file) that were kept, skipped and excluded. */
    record Part(double[][] x, double[] y, double[] spread, String[] groups, String[] items, int[] rows, int size,
                        List<SkippedRow> skipped, int excluded) {
    }

    /** A table bound to the spec: the column index of everything the spec reads and the filters' tests. */
    final class Reading {
        final Table table;
        private final int[][] predictorCols;
        private final boolean[] isDate;
        private final int yCol;
        private final int wCol;
        private final int sCol;
        private final int gCol;
        private final int iCol;
        private final List<IntPredicate> tests;

        private Reading(Table table) {
            this.table = table;
            int k = predictors.size();
            predictorCols = new int[k][];
            isDate = new boolean[k];
            for (int j = 0; j < k; j++) {
                List<String> cols = predictors.get(j).columns();
                predictorCols[j] = cols.stream().mapToInt(table::columnIndex).toArray();
                isDate[j] = datePredictors.contains(predictors.get(j).name());
            }
            yCol = table.columnIndex(response);
            wCol = weightColumn == null ? -1 : table.columnIndex(weightColumn);
            sCol = sigmaColumn == null ? -1 : table.columnIndex(sigmaColumn);
            gCol = groupColumn == null ? -1 : table.columnIndex(groupColumn);
            iCol = itemColumn == null ? -1 : table.columnIndex(itemColumn);
            tests = new ArrayList<>(filters.size());
            for (RowFilter f : filters) {
                tests.add(f.bind(table));
            }
        }

        /**
         * @param r a data row of the table
         * @return whether the row meets every filter
         * @throws BadCell when a filter cannot read its cell
         */
        boolean passes(int r) {
            for (int f = 0; f < tests.size(); f++) {
                try {
                    if (!tests.get(f).test(r)) {
                        return false;
                    }
                } catch (InvalidDataException e) {
                    throw new BadCell(filters.get(f).column(), e);
                }
            }
            return true;
        }

        /**
         * Reads row r's values into slot m of the arrays (spread, groups and items may be null when the spec has
         * none).
         *
         * @throws BadCell naming the column of the first cell that cannot be used
         */
        void values(int r, double[][] x, double[] y, double[] spread, String[] groups, String[] items, int m) {
            String column = response;
            try {
                for (int j = 0; j < predictorCols.length; j++) {
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
                throw new BadCell(column, e);
            }
        }
    }

    /** A cell of a row that cannot be used: the column to name in the skipped-row list, and why. */
    static final class BadCell extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String column;
        final InvalidDataException reason;

        /** @return the reason with its remedy: the message names the cell; for a few bad rows, leave them out */
        InvalidDataException withRemedy() {
            return new InvalidDataException(reason.template() + "; fix the cell, or leave out rows that cannot be used "
                    + "with " + OptionKey.SKIP_INVALID.label(), reason.place());
        }

        BadCell(String column, InvalidDataException reason) {
            super(reason.getMessage(), reason, false, false);
            this.column = column;
            this.reason = reason;
        }
    }

    /** @return the table bound to this spec's columns and filters */
    Reading bind(Table table) {
        return new Reading(table);
    }

    /** @return whether the spec has a weight or sigma column */
    boolean hasSpread() {
        return weightColumn != null || sigmaColumn != null;
    }

    /** @return how many predictors the spec reads */
    int predictorCount() {
        return predictors.size();
    }

    Part part(Table table) {
        Reading reading = bind(table);
        int k = predictors.size();
        int n = table.rowCount();
        double[][] x = new double[k][n];
        double[] y = new double[n];
        double[] spread = hasSpread() ? new double[n] : null;
        String[] groups = groupColumn != null ? new String[n] : null;
        String[] items = itemColumn != null ? new String[n] : null;
        int[] rows = new int[n];
        List<SkippedRow> skipped = new ArrayList<>();
        int excluded = 0;
        int m = 0;
        for (int r = 0; r < n; r++) {
            try {
                if (!reading.passes(r)) {
                    excluded++;
                    continue;
                }
                reading.values(r, x, y, spread, groups, items, m);
            } catch (BadCell e) {
                skipOrThrow(skipped, table.sourceRow(r), e);
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
    LoadResult finish(String source, List<Part> parts) {
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
        Observations.Builder b = builder(source, x, y, s, rows);
        if (groups != null) {
            b.groups(groups);
        }
        if (items != null) {
            b.items(items);
        }
        return new LoadResult(b.build(), skipped, excluded);
    }

    /**
     * A builder of observations with the spec's predictors, response and weights or sigmas set (the builder
     * copies the arrays).
     */
    Observations.Builder builder(String source, double[][] x, double[] y, double[] spread, int[] rows) {
        Observations.Builder b = Observations.builder().source(source);
        for (int j = 0; j < predictors.size(); j++) {
            PredictorSpec p = predictors.get(j);
            b.predictor(p.name(), p.describe(), x[j]);
        }
        b.response(response, y).rows(rows);
        if (weightColumn != null) {
            b.weights(weightColumn, spread);
        } else if (sigmaColumn != null) {
            b.sigma(sigmaColumn, spread);
        }
        return b;
    }

    /** @return whether rows with bad cells are skipped (and listed) rather than thrown */
    boolean skipInvalid() {
        return skipInvalid;
    }

    /** @return the filters a row must meet */
    List<RowFilter> filters() {
        return filters;
    }

    private void skipOrThrow(List<SkippedRow> skipped, int row, BadCell e) {
        if (!skipInvalid) {
            throw e.withRemedy();
        }
        skipped.add(new SkippedRow(row, e.column, e.reason.getMessage()));
    }

    private static double derive(Table table, int r, DerivedColumn d, int[] cols, double numerator, double denominator) {
        String what = d.name() + " = " + Cells.escape(d.describe());
        if (denominator == 0) {
            throw new InvalidDataException("cannot compute " + what + ": "
                    + table.where(r, cols[1]) + " is " + Cells.escape(table.cell(r, cols[1]).strip()), table.place(r, cols[1]));
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
                    + Cells.escape(table.cell(r, col).strip()), table.place(r, col));
        }
        return v;
    }

    InvalidDataException nothingLeft(String source, int excluded, List<SkippedRow> skipped) {
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
}
