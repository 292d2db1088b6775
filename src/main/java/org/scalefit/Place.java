package org.scalefit;

/**
 * Where a bad value sits in the input: the source (a file name, {@code <stdin>} or {@code <memory>}), the
 * row as the user counts it, the column and the offending value as text. Any part may be unknown (null, or
 * row 0).
 *
 * <pre>{@code
 * Place p = new Place("runs.csv", 4, "compute", "-2.0");
 * }</pre>
 *
 * @param source where the data came from, or null
 * @param row    the 1-based row (header excluded) as the user counts it, 0 when unknown
 * @param column the column name, or null
 * @param value  the value as text, or null
 */
public record Place(String source, int row, String column, String value) {
    /** No place: the error is not about one value of the input. */
    public static final Place NONE = new Place(null, 0, null, null);
}
