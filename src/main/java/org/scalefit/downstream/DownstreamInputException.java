package org.scalefit.downstream;

import java.util.OptionalInt;
import org.scalefit.InvalidDataException;

/**
 * Input of a downstream prediction that cannot be used, with structured fields saying where, so that a
 * caller (the command line) can word the remedy in its own terms: which input {@link #part()} it concerns,
 * and the source, row and column when a cell is at fault. The message itself names no command-line option.
 *
 * <pre>{@code
 * try {
 *     DownstreamData.read(table, columns, selection);
 * } catch (DownstreamInputException e) {
 *     if (e.part() == DownstreamInputException.Part.LOSS_FIT_SET) { ... }   // e.g. suggest a filter
 * }
 * }</pre>
 */
public final class DownstreamInputException extends InvalidDataException {
    private static final long serialVersionUID = 1L;

    /** Which part of the input a problem concerns. */
    public enum Part {
        /** The predictor specs (N with D or M). */
        PREDICTORS,
        /** The rows of the loss fit. */
        LOSS_FIT_SET,
        /** The rows of the link (metric) fit. */
        METRIC_FIT_SET,
        /** The rows or points to predict. */
        PREDICT_SET,
        /** The laws chosen for the two steps. */
        LAWS,
        /** A setting such as the hold-out count or the chance level. */
        SETTING
    }

    /** Which part of the input. */
    private final Part part;
    /** The source, or null. */
    private final String source;
    /** The 1-based row, or 0. */
    private final int row;
    /** The column, or null. */
    private final String column;

    /**
     * @param part    which part of the input
     * @param source  the file (or other source), or null
     * @param row     the 1-based row of the file, or 0 when no row is at fault
     * @param column  the column at fault, or null
     * @param message one line naming the problem (no command-line options)
     */
    public DownstreamInputException(Part part, String source, int row, String column, String message) {
        super(message);
        this.part = part;
        this.source = source;
        this.row = row;
        this.column = column;
    }

    /**
     * @param part    which part of the input
     * @param message one line naming the problem
     */
    public DownstreamInputException(Part part, String message) {
        this(part, null, 0, null, message);
    }

    /** @return which part of the input the problem concerns */
    public Part part() {
        return part;
    }

    /** @return the source, or null */
    public String source() {
        return source;
    }

    /** @return the 1-based row at fault, if any */
    public OptionalInt row() {
        return row > 0 ? OptionalInt.of(row) : OptionalInt.empty();
    }

    /** @return the column at fault, or null */
    public String column() {
        return column;
    }
}
