package org.scalefit.data;

import java.util.List;
import java.util.Objects;

/**
 * What {@link DataSpec#load(Table)} produced: the observations, the rows skipped as invalid (only
 * in skip-invalid mode; empty otherwise) and how many rows the filters excluded.
 *
 * <pre>{@code
 * LoadResult r = spec.load(table);
 * Observations obs = r.observations();
 * if (!r.skipped().isEmpty()) {
 *     warnings.add(r.summary());   // runs.csv: 40 of 45 rows used, 3 excluded by the filters, 2 skipped as invalid (rows 5, 9)
 * }
 * }</pre>
 *
 * @param observations the rows used, with their file rows
 * @param skipped      the rows skipped as invalid, in file order
 * @param excluded     the number of rows that did not match the filters
 */
public record LoadResult(Observations observations, List<SkippedRow> skipped, int excluded) {
    private static final int MAX_LISTED = 10;

    /**
     * Copies the list of skipped rows.
     *
     * @param observations the rows used
     * @param skipped      the rows skipped as invalid
     * @param excluded     the number of rows the filters excluded
     */
    public LoadResult {
        Objects.requireNonNull(observations, "observations");
        skipped = List.copyOf(skipped);
    }

    /** @return the number of data rows read: used + excluded + skipped */
    public int rowsRead() {
        return observations.size() + excluded + skipped.size();
    }

    /**
     * One line saying how many rows were used and why the others were not.
     *
     * @return e.g. {@code runs.csv: 40 of 45 rows used, 3 excluded by the filters, 2 skipped as invalid (rows 5, 9)}
     */
    public String summary() {
        StringBuilder sb = new StringBuilder(observations.source()).append(": ")
                .append(observations.size()).append(" of ").append(rowsRead()).append(" rows used");
        if (excluded > 0) {
            sb.append(", ").append(excluded).append(" excluded by the filters");
        }
        if (!skipped.isEmpty()) {
            sb.append(", ").append(skipped.size()).append(" skipped as invalid (row").append(skipped.size() == 1 ? " " : "s ");
            for (int i = 0; i < Math.min(skipped.size(), MAX_LISTED); i++) {
                sb.append(i == 0 ? "" : ", ").append(skipped.get(i).row());
            }
            if (skipped.size() > MAX_LISTED) {
                sb.append(", ... and ").append(skipped.size() - MAX_LISTED).append(" more");
            }
            sb.append(')');
        }
        return sb.toString();
    }
}
