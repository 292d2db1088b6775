package org.scalefit.model;

/**
 * The space in which residuals are measured. Scaling laws are fitted in {@link #LOG} space by
 * default: residual = ln y − ln f(x), which treats relative errors alike across many decades (noise in
 * losses, horizons and compute is multiplicative). {@link #LINEAR} uses y − f(x), the classic choice
 * for user formulas and certified test problems.
 *
 * <pre>{@code
 * FitOptions linear = FitOptions.builder().space(Space.LINEAR).build();
 * Space s = Space.parse("log");        // as --space takes it
 * }</pre>
 */
public enum Space {
    /** Residuals ln y − ln f(x); needs y &gt; 0 and f(x) &gt; 0. */
    LOG,
    /** Residuals y − f(x). */
    LINEAR;

    /**
     * @param text {@code log} or {@code linear} (case-insensitive)
     * @return the space
     * @throws org.scalefit.InvalidDataException for any other text
     */
    public static Space parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "log" -> LOG;
            case "linear", "lin" -> LINEAR;
            default -> throw new org.scalefit.InvalidDataException(
                    "unknown space \"" + text + "\": use log or linear");
        };
    }

    /** @return {@code log} or {@code linear} */
    @Override
    public String toString() {
        return this == LOG ? "log" : "linear";
    }
}
