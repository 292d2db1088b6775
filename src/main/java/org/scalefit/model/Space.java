package org.scalefit.model;

/**
 * The space in which residuals are measured. Scaling laws are fitted in {@link #LOG} space by
 * default: residual = ln y − ln f(x), which treats relative errors alike across many decades (noise in
 * losses, horizons and compute is multiplicative). {@link #LINEAR} uses y − f(x), the classic choice
 * for user formulas and certified test problems.
 *
 * <pre>{@code
 * FitOptions linear = FitOptions.builder().space(Space.LINEAR).build();
 * Space s = Space.parse("log");
 * double r = s.target(y) - s.value(law, x, p);   // the residual ln y − ln f(x)
 * }</pre>
 *
 * <p>This enum owns every conversion to and from the residual space: the response ({@link #target}),
 * the model ({@link #value}) and its gradient ({@link #gradient}) in the space, and a value in the
 * space back to a response ({@link #response}); nobody else writes {@code log(y)} or {@code exp(g)} for it.
 */
public enum Space {
    /** Residuals ln y − ln f(x); needs y &gt; 0 and f(x) &gt; 0. */
    LOG,
    /** Residuals y − f(x). */
    LINEAR;

    /** The space a fit uses when nobody chose one: scaling laws are fitted in log space. */
    public static final Space DEFAULT = LOG;

    /**
     * @param chosen the space the caller chose, or null
     * @param law    the law to be fitted
     * @return {@code chosen}, else the law's {@link Law#defaultSpace()}: the one place a fit's space is decided
     */
    public static Space resolve(Space chosen, Law law) {
        return chosen != null ? chosen : law.defaultSpace();
    }

    /**
     * @param y a response
     * @return y in this space: ln y or y
     */
    public double target(double y) {
        return this == LOG ? Math.log(y) : y;
    }

    /**
     * @param g a value in this space
     * @return the response it stands for: exp(g) or g
     */
    public double response(double g) {
        return this == LOG ? Math.exp(g) : g;
    }

    /**
     * @param law the law
     * @param x   predictors
     * @param p   parameters
     * @return the law in this space: ln f(x) (the law's {@link Law#logValue}) or f(x)
     */
    public double value(Law law, double[] x, double[] p) {
        return this == LOG ? law.logValue(x, p) : law.value(x, p);
    }

    /**
     * Writes the gradient of {@link #value} with respect to the parameters into {@code out}.
     *
     * @param law the law
     * @param x   predictors
     * @param p   parameters
     * @param out the law's parameter count
     */
    public void gradient(Law law, double[] x, double[] p, double[] out) {
        if (this == LOG) {
            law.logGradient(x, p, out);
        } else {
            law.gradient(x, p, out);
        }
    }

    /**
     * @return true when responses (and the model) must be positive to have a value in this space
     */
    public boolean needsPositive() {
        return this == LOG;
    }

    /**
     * @param name a quantity, e.g. {@code y}
     * @return the quantity as this space measures it: {@code ln y} or {@code y}
     */
    public String symbol(String name) {
        return this == LOG ? "ln " + name : name;
    }

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
