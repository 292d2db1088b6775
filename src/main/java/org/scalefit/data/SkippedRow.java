package org.scalefit.data;

/**
 * A row left out by {@link DataSpec} in skip-invalid mode, and why.
 *
 * <pre>{@code
 * for (SkippedRow s : result.skipped()) {
 *     log.add(s.reason());   // row 5 of runs.csv, column "loss": "NA" marks a missing value, not a number
 * }
 * }</pre>
 *
 * @param row    the row in the file (header = row 1; the line for JSON Lines)
 * @param column the column whose cell was rejected (the first bad one in the row)
 * @param reason the full one-line message strict mode would have thrown
 */
public record SkippedRow(int row, String column, String reason) {
}
