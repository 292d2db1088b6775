package org.scalefit.downstream;

import java.util.ArrayList;
import java.util.List;
import org.scalefit.data.RowFilter;

/**
 * Which rows of a table take part, and in what role: {@code where} keeps rows at all; among those,
 * the loss fit uses the rows passing {@code lossFit}, the link fit the rows passing {@code metricFit}
 * (each: all rows when empty), and the rows passing {@code predict} are predicted (none when empty) and
 * never fitted. Filters in one list combine with AND, in the syntax of {@link RowFilter}.
 *
 * <pre>{@code
 * RowSelection s = RowSelection.parse(List.of("dataset==rpj"), List.of("in_loss_fit==1"),
 *         List.of("in_error_fit==1"), List.of("is_target==1"));
 * }</pre>
 *
 * @param where     filters every used row must pass
 * @param lossFit   filters of the loss-fit rows
 * @param metricFit filters of the link-fit rows
 * @param predict   filters of the rows to predict
 */
public record RowSelection(List<RowFilter> where, List<RowFilter> lossFit, List<RowFilter> metricFit,
                           List<RowFilter> predict) {
    /**
     * Copies the lists.
     *
     * @param where     filters every used row must pass
     * @param lossFit   filters of the loss-fit rows
     * @param metricFit filters of the link-fit rows
     * @param predict   filters of the rows to predict
     */
    public RowSelection {
        where = List.copyOf(where);
        lossFit = List.copyOf(lossFit);
        metricFit = List.copyOf(metricFit);
        predict = List.copyOf(predict);
    }

    /** @return every row in both fits, nothing predicted */
    public static RowSelection all() {
        return new RowSelection(List.of(), List.of(), List.of(), List.of());
    }

    /**
     * @param where     filter texts such as {@code dataset==rpj}
     * @param lossFit   filter texts of the loss-fit rows
     * @param metricFit filter texts of the link-fit rows
     * @param predict   filter texts of the rows to predict
     * @return the selection
     * @throws org.scalefit.InvalidDataException for a filter that does not parse
     */
    public static RowSelection parse(List<String> where, List<String> lossFit, List<String> metricFit, List<String> predict) {
        return new RowSelection(filters(where), filters(lossFit), filters(metricFit), filters(predict));
    }

    private static List<RowFilter> filters(List<String> texts) {
        List<RowFilter> out = new ArrayList<>();
        for (String t : texts) {
            out.add(RowFilter.parse(t));
        }
        return out;
    }
}
