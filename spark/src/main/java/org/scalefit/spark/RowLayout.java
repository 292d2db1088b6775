package org.scalefit.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.scalefit.InvalidDataException;
import org.scalefit.data.Dates;
import org.scalefit.data.Observations;

/**
 * How the columns of a Spark fit are laid out in the rows the executors receive, and how those rows become
 * the core's {@link Observations}: {@code [keys…] x… y [sigma|weight] [group] [item] [row]}. The points are
 * put in one canonical order — group label, item label, predictors, response, weight, row number — so a data
 * set gives the same observations however Spark partitioned or ordered it.
 *
 * <pre>{@code
 * RowLayout layout = RowLayout.of(FitSpec.law("power-law"), List.of("x"), "y", null, null, null, null, "row");
 * Column[] columns = layout.select(dataset.schema(), List.of("run"));   // run, x, y, row
 * Observations data = layout.observations(rowsOfOneRun, "runs.parquet", 1, true);
 * }</pre>
 */
final class RowLayout implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<String[]> predictors;
    private final boolean dates;
    private final String response;
    private final String sigma;
    private final String weight;
    private final String group;
    private final String item;
    private final String rowNumber;

    private RowLayout(List<String[]> predictors, boolean dates, String response, String sigma, String weight,
                      String group, String item, String rowNumber) {
        this.predictors = List.copyOf(predictors);
        this.dates = dates;
        this.response = response;
        this.sigma = sigma;
        this.weight = weight;
        this.group = group;
        this.item = item;
        this.rowNumber = rowNumber;
    }

    /**
     * @param spec      the law (for the predictor names and whether they are dates)
     * @param x         the predictor options, {@code COLUMN} or {@code NAME=COLUMN}
     * @param y         the response column
     * @param sigma     the sigma column, or null
     * @param weight    the weight column, or null
     * @param group     the group-label column of a grouped bootstrap, or null
     * @param item      the item-label column of a hierarchical bootstrap, or null
     * @param rowNumber the row-number column, or null
     * @return the layout
     * @throws InvalidDataException when the options do not fit together
     */
    static RowLayout of(FitSpec spec, List<String> x, String y, String sigma, String weight, String group, String item,
                        String rowNumber) {
        if (x.isEmpty() || y == null) {
            throw new InvalidDataException("give the predictor column(s) (x) and the response column (y)");
        }
        if (sigma != null && weight != null) {
            throw new InvalidDataException("give either a sigma column or a weight column, not both");
        }
        if (item != null && group == null) {
            throw new InvalidDataException("an item column needs a group column: items are nested in groups");
        }
        return new RowLayout(Predictors.ordered(spec, x), spec.takesDates(), y, sigma, weight, group, item, rowNumber);
    }

    /** @return {name, column} per predictor, in the law's order */
    List<String[]> predictors() {
        return predictors;
    }

    /**
     * The columns to select, after the given key columns, each cast to what {@link #observations} reads.
     *
     * @param input the input schema
     * @param keys  leading key columns (the groups of a per-group fit), possibly none
     * @return the selection
     * @throws InvalidDataException when the input lacks a column
     */
    Column[] select(StructType input, List<String> keys) {
        List<String> names = Arrays.asList(input.fieldNames());
        List<Column> out = new ArrayList<>();
        for (String key : keys) {
            out.add(functions.col(Predictors.column(names, key, "group")));
        }
        for (String[] p : predictors) {
            Column c = functions.col(Predictors.column(names, p[1], "predictor"));
            out.add(c.cast(dates ? DataTypes.StringType : DataTypes.DoubleType));
        }
        out.add(functions.col(Predictors.column(names, response, "response")).cast(DataTypes.DoubleType));
        if (sigma != null || weight != null) {
            String spread = sigma != null ? sigma : weight;
            out.add(functions.col(Predictors.column(names, spread, sigma != null ? "sigma" : "weight")).cast(DataTypes.DoubleType));
        }
        for (String label : new String[] {group, item}) {
            if (label != null) {
                out.add(functions.col(Predictors.column(names, label, "label")).cast(DataTypes.StringType));
            }
        }
        if (rowNumber != null) {
            out.add(functions.col(Predictors.column(names, rowNumber, "row-number")).cast(DataTypes.IntegerType));
        }
        return out.toArray(new Column[0]);
    }

    /**
     * The rows as observations, in the canonical order.
     *
     * @param rows   rows laid out by {@link #select}
     * @param source what the data are called in messages
     * @param keys   how many key columns lead each row
     * @param one    true to label every point with the group "" when the layout has no group column (so the
     *               core's per-group fitting takes them as one group); false to leave such data unlabelled
     * @return the observations
     * @throws InvalidDataException naming the row and column of a value that cannot be used (NaN, empty, a bad date)
     */
    Observations observations(List<Row> rows, String source, int keys, boolean one) {
        int n = rows.size();
        int p = predictors.size();
        int at = keys + p;
        int spreadAt = sigma != null || weight != null ? at + 1 : -1;
        int groupAt = group == null ? -1 : at + (spreadAt > 0 ? 2 : 1);
        int itemAt = item == null ? -1 : groupAt + 1;
        int rowAt = rowNumber == null ? -1 : at + 1 + (spreadAt > 0 ? 1 : 0) + (group == null ? 0 : 1) + (item == null ? 0 : 1);
        double[][] xs = new double[p][n];
        double[] ys = new double[n];
        double[] ws = spreadAt > 0 ? new double[n] : null;
        String[] groups = new String[n];
        String[] items = itemAt > 0 ? new String[n] : null;
        int[] rowNo = new int[n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            rowNo[i] = rowAt < 0 || r.isNullAt(rowAt) ? 0 : r.getInt(rowAt);
            for (int j = 0; j < p; j++) {
                xs[j][i] = dates ? date(r, keys + j, predictors.get(j)[1], rowNo[i], source) : number(r, keys + j);
            }
            ys[i] = number(r, at);
            if (ws != null) {
                ws[i] = number(r, spreadAt);
            }
            groups[i] = groupAt < 0 ? "" : label(r, groupAt);
            if (items != null) {
                items[i] = label(r, itemAt);
            }
        }
        Integer[] order = canonicalOrder(xs, ys, ws, groups, items, rowNo);
        Observations.Builder b = Observations.builder().source(source);
        for (int j = 0; j < p; j++) {
            b.predictor(predictors.get(j)[0], predictors.get(j)[1], permute(xs[j], order));
        }
        b.response(response, permute(ys, order));
        if (sigma != null) {
            b.sigma(sigma, permute(ws, order));
        } else if (weight != null) {
            b.weights(weight, permute(ws, order));
        }
        int[] rowsOut = new int[n];
        String[] groupsOut = new String[n];
        String[] itemsOut = items == null ? null : new String[n];
        for (int i = 0; i < n; i++) {
            rowsOut[i] = rowNumber != null ? rowNo[order[i]] : i + 1;
            groupsOut[i] = groups[order[i]];
            if (itemsOut != null) {
                itemsOut[i] = items[order[i]];
            }
        }
        b.rows(rowsOut);
        if (group != null || one) {
            b.groups(groupsOut);
        }
        if (itemsOut != null) {
            b.items(itemsOut);
        }
        return b.build();
    }

    private static Integer[] canonicalOrder(double[][] xs, double[] ys, double[] ws, String[] groups, String[] items,
                                            int[] rowNo) {
        Integer[] order = new Integer[ys.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = groups[a].compareTo(groups[b]);
            if (c == 0 && items != null) {
                c = items[a].compareTo(items[b]);
            }
            for (int j = 0; c == 0 && j < xs.length; j++) {
                c = Double.compare(xs[j][a], xs[j][b]);
            }
            if (c == 0) {
                c = Double.compare(ys[a], ys[b]);
            }
            if (c == 0 && ws != null) {
                c = Double.compare(ws[a], ws[b]);
            }
            return c != 0 ? c : Integer.compare(rowNo[a], rowNo[b]);
        });
        return order;
    }

    private static double number(Row r, int i) {
        return r.isNullAt(i) ? Double.NaN : r.getDouble(i);
    }

    private static String label(Row r, int i) {
        return r.isNullAt(i) ? "" : r.getString(i);
    }

    private static double date(Row r, int i, String column, int row, String source) {
        if (r.isNullAt(i)) {
            throw new InvalidDataException("date is empty: " + (row > 0 ? "row " + row + " of " : "") + source
                    + ", column \"" + column + "\"");
        }
        return Dates.toEpochDay(r.getString(i));
    }

    private static double[] permute(double[] v, Integer[] order) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[order[i]];
        }
        return out;
    }
}
