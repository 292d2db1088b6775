package org.scalefit.downstream;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;
import org.scalefit.InvalidDataException;
import org.scalefit.data.Cells;
import org.scalefit.data.ColumnSpec;
import org.scalefit.data.DerivedColumn;
import org.scalefit.data.PredictorSpec;
import org.scalefit.data.RowFilter;
import org.scalefit.data.Table;

/**
 * The rows of a downstream prediction: per row its model run, N and D, the loss and the metric (NaN
 * where a cell is empty and the row's role does not need it), and its roles — in the loss fit, in the
 * link (metric) fit, to be predicted. Immutable.
 *
 * <p>A row in the loss fit needs N &gt; 0, D &gt; 0 and a loss; a row in the link fit a loss and a metric;
 * a row to predict N &gt; 0 and D &gt; 0 (its loss and metric, when present, are the observed values the
 * prediction is compared with). A selected row without what its role needs is an error naming file,
 * row and column.
 *
 * <pre>{@code
 * DownstreamData data = DownstreamData.read(table,
 *         DownstreamColumns.of("N=params", "D=tokens", "loss", "accuracy", "run"),
 *         RowSelection.parse(List.of(), List.of("final==1"), List.of(), List.of("target==1")));
 * int fitted = data.lossFitRows().length;
 * }</pre>
 */
public final class DownstreamData {
    /**
     * One row.
     *
     * @param sourceRow the 1-based row of the file (0 for rows made in code)
     * @param unit      the model run the row belongs to
     * @param n         N, parameters (NaN when absent)
     * @param d         D, training tokens (NaN when absent)
     * @param loss      the loss (NaN when absent)
     * @param metric    the metric (NaN when absent)
     * @param lossFit   true when the row is in the loss fit
     * @param metricFit true when the row is in the link fit
     * @param predict   true when the row is to be predicted
     */
    public record Row(int sourceRow, String unit, double n, double d, double loss, double metric, boolean lossFit,
                      boolean metricFit, boolean predict) {
        /**
         * Checks the unit.
         *
         * @param sourceRow the 1-based row of the file (0 for rows made in code)
         * @param unit      the model run the row belongs to
         * @param n         N, parameters (NaN when absent)
         * @param d         D, training tokens (NaN when absent)
         * @param loss      the loss (NaN when absent)
         * @param metric    the metric (NaN when absent)
         * @param lossFit   true when the row is in the loss fit
         * @param metricFit true when the row is in the link fit
         * @param predict   true when the row is to be predicted
         * @throws NullPointerException if the unit is null
         */
        public Row {
            Objects.requireNonNull(unit, "unit");
        }

        /** @return C = 6·N·D, NaN when N or D is absent */
        public double compute() {
            return 6 * n * d;
        }
    }

    private final String source;
    private final String nLabel;
    private final String dLabel;
    private final String mLabel;
    private final String lossLabel;
    private final String metricLabel;
    private final List<Row> rows;

    /**
     * @param source      where the rows come from (a file name), for messages
     * @param nLabel      how N is shown, e.g. the column {@code params}
     * @param dLabel      how D is shown, e.g. {@code tokens} or {@code multiplier·params}
     * @param mLabel      how M = D/N is shown, e.g. {@code multiplier} or {@code tokens/params}
     * @param lossLabel   the loss column
     * @param metricLabel the metric column
     * @param rows        the rows
     * @throws DownstreamInputException when a row's role lacks a value it needs, or no row is in a fit
     */
    public DownstreamData(String source, String nLabel, String dLabel, String mLabel, String lossLabel, String metricLabel,
                          List<Row> rows) {
        this.source = Objects.requireNonNull(source, "source");
        this.nLabel = Objects.requireNonNull(nLabel, "nLabel");
        this.dLabel = Objects.requireNonNull(dLabel, "dLabel");
        this.mLabel = Objects.requireNonNull(mLabel, "mLabel");
        this.lossLabel = Objects.requireNonNull(lossLabel, "lossLabel");
        this.metricLabel = Objects.requireNonNull(metricLabel, "metricLabel");
        this.rows = List.copyOf(rows);
        for (Row r : this.rows) {
            if ((r.lossFit() || r.predict()) && !(r.n() > 0 && r.d() > 0 && Double.isFinite(r.compute()))) {
                throw new DownstreamInputException(r.lossFit() ? DownstreamInputException.Part.LOSS_FIT_SET
                        : DownstreamInputException.Part.PREDICT_SET, source, r.sourceRow(), null,
                        where(r) + " needs N > 0 and D > 0, has N = " + r.n() + ", D = " + r.d());
            }
            if ((r.lossFit() || r.metricFit()) && !Double.isFinite(r.loss())) {
                throw new DownstreamInputException(r.lossFit() ? DownstreamInputException.Part.LOSS_FIT_SET
                        : DownstreamInputException.Part.METRIC_FIT_SET, source, r.sourceRow(), lossLabel,
                        where(r) + " has no loss");
            }
            if (r.metricFit() && !Double.isFinite(r.metric())) {
                throw new DownstreamInputException(DownstreamInputException.Part.METRIC_FIT_SET, source, r.sourceRow(),
                        metricLabel, where(r) + " has no metric");
            }
        }
        if (lossFitRows().length == 0) {
            throw new DownstreamInputException(DownstreamInputException.Part.LOSS_FIT_SET, source, 0, null,
                    "no row of " + source + " is in the loss fit");
        }
        if (metricFitRows().length == 0) {
            throw new DownstreamInputException(DownstreamInputException.Part.METRIC_FIT_SET, source, 0, null,
                    "no row of " + source + " is in the link fit");
        }
    }

    private String where(Row r) {
        return r.sourceRow() > 0 ? "row " + r.sourceRow() + " of " + source : "run " + r.unit();
    }

    /**
     * Reads the rows of a table: the selection's filters decide each row's roles (a row to predict is
     * never fitted), and the columns where its values come from.
     *
     * @param table     the table
     * @param columns   where N, D (or M), loss, metric and run id come from
     * @param selection which rows take part, in which roles
     * @return the data
     * @throws DownstreamInputException naming file, row and column when a selected row lacks what its role needs
     * @throws InvalidDataException     for a missing column or a filter on one
     */
    public static DownstreamData read(Table table, DownstreamColumns columns, RowSelection selection) {
        IntPredicate keep = RowFilter.all(selection.where(), table);
        IntPredicate inLoss = RowFilter.all(selection.lossFit(), table);
        IntPredicate inMetric = RowFilter.all(selection.metricFit(), table);
        boolean predicting = !selection.predict().isEmpty();
        IntPredicate inPredict = RowFilter.all(selection.predict(), table);
        Reader nReader = new Reader(table, columns.n());
        Reader tReader = new Reader(table, columns.tokens());
        int lossCol = table.columnIndex(columns.loss());
        int metricCol = table.columnIndex(columns.metric());
        int idCol = columns.id() == null ? -1 : table.columnIndex(columns.id());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < table.rowCount(); i++) {
            if (!keep.test(i)) {
                continue;
            }
            boolean predict = predicting && inPredict.test(i);
            boolean lossFit = !predict && inLoss.test(i);
            boolean metricFit = !predict && inMetric.test(i);
            if (!predict && !lossFit && !metricFit) {
                continue;
            }
            DownstreamInputException.Part part = lossFit ? DownstreamInputException.Part.LOSS_FIT_SET
                    : metricFit ? DownstreamInputException.Part.METRIC_FIT_SET : DownstreamInputException.Part.PREDICT_SET;
            boolean needsSize = lossFit || predict;
            double n = nReader.value(i, needsSize, part);
            double t = tReader.value(i, needsSize, part);
            double d = columns.multiplier() ? t * n : t;
            double loss = cell(table, i, lossCol, lossFit || metricFit, part);
            // Only the link fit needs the metric: a missing one is the link-fit set's problem even for a row in both fits.
            double metric = cell(table, i, metricCol, metricFit, DownstreamInputException.Part.METRIC_FIT_SET);
            String unit = idCol < 0 ? "row " + table.sourceRow(i) : label(table, i, idCol, part);
            rows.add(new Row(table.sourceRow(i), unit, n, d, loss, metric, lossFit, metricFit, predict));
        }
        String n = columns.n().describe();
        String t = columns.tokens().describe();
        String dLabel = columns.multiplier() ? t + "·" + n : t;
        String mLabel = columns.multiplier() ? t : t + "/" + n;
        return new DownstreamData(table.source(), n, dLabel, mLabel, columns.loss(), columns.metric(), rows);
    }

    /** A cell as a number: required ones must parse (the error names the row's role); others are NaN when they do not. */
    private static double cell(Table table, int row, int col, boolean required, DownstreamInputException.Part part) {
        String text = table.cell(row, col);
        if (!required) {
            return Cells.isNumber(text) ? Cells.parseNumber(text) : Double.NaN;
        }
        try {
            return Cells.number(table, row, col);
        } catch (InvalidDataException e) {
            throw new DownstreamInputException(part, table.source(), table.sourceRow(row), table.columns().get(col),
                    e.getMessage());
        }
    }

    private static String label(Table table, int row, int col, DownstreamInputException.Part part) {
        try {
            return Cells.label(table, row, col);
        } catch (InvalidDataException e) {
            throw new DownstreamInputException(part, table.source(), table.sourceRow(row), table.columns().get(col),
                    e.getMessage());
        }
    }

    /** Reads N, D or M: a column, or the quotient numerator/(factor·denominator). */
    private static final class Reader {
        private final Table table;
        private final int a;
        private final int b;
        private final double factor;

        Reader(Table table, PredictorSpec spec) {
            this.table = table;
            if (spec instanceof ColumnSpec c) {
                a = table.columnIndex(c.column());
                b = -1;
                factor = 1;
            } else {
                DerivedColumn d = (DerivedColumn) spec;
                a = table.columnIndex(d.numerator());
                b = table.columnIndex(d.denominator());
                factor = d.factor();
            }
        }

        double value(int row, boolean required, DownstreamInputException.Part part) {
            double num = cell(table, row, a, required, part);
            if (b < 0) {
                return num;
            }
            return num / (factor * cell(table, row, b, required, part));
        }
    }

    /** @return where the rows come from */
    public String source() {
        return source;
    }

    /** @return how N is shown */
    public String nLabel() {
        return nLabel;
    }

    /** @return how D is shown */
    public String dLabel() {
        return dLabel;
    }

    /** @return how M = D/N is shown */
    public String mLabel() {
        return mLabel;
    }

    /** @return the loss column */
    public String lossLabel() {
        return lossLabel;
    }

    /** @return the metric column */
    public String metricLabel() {
        return metricLabel;
    }

    /** @return every row, in file order */
    public List<Row> rows() {
        return rows;
    }

    /** @return indices of the loss-fit rows */
    public int[] lossFitRows() {
        return indices(Row::lossFit);
    }

    /** @return indices of the link-fit rows */
    public int[] metricFitRows() {
        return indices(Row::metricFit);
    }

    /** @return indices of the rows to predict */
    public int[] predictRows() {
        return indices(Row::predict);
    }

    private int[] indices(java.util.function.Predicate<Row> p) {
        int[] out = new int[rows.size()];
        int k = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (p.test(rows.get(i))) {
                out[k++] = i;
            }
        }
        return java.util.Arrays.copyOf(out, k);
    }

    /**
     * @param indices row indices, repeats allowed (a bootstrap replicate)
     * @return the data with those rows, in that order
     */
    public DownstreamData select(int[] indices) {
        List<Row> out = new ArrayList<>(indices.length);
        for (int i : indices) {
            out.add(rows.get(i));
        }
        return new DownstreamData(source, nLabel, dLabel, mLabel, lossLabel, metricLabel, out);
    }

    /**
     * @param units model runs to leave out of both fits (a backtest)
     * @return the data without those runs' rows
     * @throws DownstreamInputException when no row is left in one of the fits
     */
    public DownstreamData holdingOut(java.util.Set<String> units) {
        List<Row> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            if (!units.contains(r.unit())) {
                out.add(r);
            }
        }
        return new DownstreamData(source, nLabel, dLabel, mLabel, lossLabel, metricLabel, out);
    }

    /** @return the distinct model runs, in order of first appearance */
    public List<String> units() {
        java.util.LinkedHashSet<String> s = new java.util.LinkedHashSet<>();
        for (Row r : rows) {
            s.add(r.unit());
        }
        return List.copyOf(s);
    }
}
