package org.scalefit.downstream;

import java.util.Objects;

/**
 * Something a reader of a downstream prediction must know, with the step it concerns. Messages name no
 * command-line option.
 *
 * <pre>{@code
 * for (DownstreamWarning w : fit.warnings()) {
 *     if (w.kind() == DownstreamWarning.Kind.BARELY_DETERMINED) { System.err.println(w.message()); }
 * }
 * }</pre>
 *
 * @param kind    what kind of problem
 * @param step    which fit or stage it concerns
 * @param message one line for people
 */
public record DownstreamWarning(Kind kind, Step step, String message) {
    /** The kinds of warning. */
    public enum Kind {
        /** A fitting set with at most one point more than its law has free parameters. */
        BARELY_DETERMINED,
        /** A fit that did not converge. */
        NOT_CONVERGED,
        /** A fitted link that leaves the metric's range (e.g. a floor below chance). */
        LINK_RANGE,
        /** The direct form was not fitted, and why. */
        DIRECT_SKIPPED,
        /** The engine's own warnings about one of the fits. */
        FIT
    }

    /** The stages of a downstream prediction. */
    public enum Step {
        /** The loss law, step 1. */
        LOSS,
        /** The link from loss to metric, step 2. */
        LINK,
        /** The direct form. */
        DIRECT
    }

    /**
     * Checks the fields.
     *
     * @param kind    what kind of problem
     * @param step    which fit or stage it concerns
     * @param message one line for people
     * @throws NullPointerException if a component is null
     */
    public DownstreamWarning {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(message, "message");
    }
}
