package org.scalefit.data;

/**
 * A cell value that cannot be converted, with the reason but without the place; the caller adds
 * the file, row and column. Cheap to throw (no stack trace) because readers in skip-invalid mode
 * and the fuzz tests throw it for many cells.
 */
final class ValueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param reason the problem, e.g. {@code "abc" is not a number} */
    ValueException(String reason) {
        super(reason, null, false, false);
    }

    /** @return the problem, without the place */
    String reason() {
        return getMessage();
    }
}
