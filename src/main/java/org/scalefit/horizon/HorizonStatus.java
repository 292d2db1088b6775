package org.scalefit.horizon;

/**
 * Whether a model's logistic fit has a finite optimum. A model that never (or always) succeeds has
 * no finite horizon: its success curve is flat at 0 (or 1) over the tasks, and the horizon lies
 * below the shortest (or above the longest) task. Such models are reported, never turned into
 * 0 or ∞ silently.
 *
 * <pre>{@code
 * if (h.status() != HorizonStatus.FITTED) System.err.println(h.model() + ": " + h.status().describe());
 * }</pre>
 */
public enum HorizonStatus {
    /** A finite optimum was found. */
    FITTED("fitted"),
    /** Every run failed: the horizon is below the shortest task. */
    NO_SUCCESSES("no successes: the horizon is below the shortest task"),
    /** Every run succeeded: the horizon is above the longest task. */
    ALL_SUCCESSES("all successes: the horizon is above the longest task"),
    /** Newton's method hit its iteration limit (should not happen; report it). */
    NOT_CONVERGED("the logistic fit did not converge");

    private final String description;

    HorizonStatus(String description) {
        this.description = description;
    }

    /** @return a short phrase for reports */
    public String describe() {
        return description;
    }

    /** @return the JSON code, e.g. {@code no_successes} */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static HorizonStatus of(int logisticStatus) {
        return switch (logisticStatus) {
            case Logistic.OK -> FITTED;
            case Logistic.NO_SUCCESSES, Logistic.EMPTY -> NO_SUCCESSES;
            case Logistic.ALL_SUCCESSES -> ALL_SUCCESSES;
            default -> NOT_CONVERGED;
        };
    }
}
