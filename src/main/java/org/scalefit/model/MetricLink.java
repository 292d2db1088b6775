package org.scalefit.model;

import java.util.Map;
import java.util.Optional;

/**
 * A capability of laws that map a loss to a downstream metric (a link): which way the metric runs,
 * the bounds the metric's own range implies for the link's parameters, and a note when a fitted link
 * leaves that range. The downstream package reads these instead of asking for concrete classes.
 *
 * <pre>{@code
 * MetricLink link = new SigmoidLink(0.25);
 * boolean accuracy = link.higherIsBetter();                 // true
 * Map<String, ParameterRange> bounds = link.impliedBounds(); // a ∈ [−0.75, 0], b ∈ [0.25, 1]
 * }</pre>
 */
public interface MetricLink extends Law {
    /** @return true when the metric is an accuracy (higher is better), false when it is an error */
    boolean higherIsBetter();

    /** @return bounds of parameters, by name, that the metric's range implies (none by default) */
    default Map<String, ParameterRange> impliedBounds() {
        return Map.of();
    }

    /**
     * @param fitted fitted parameters
     * @return a note when the fitted link leaves the metric's range (e.g. a floor below chance), else empty
     */
    default Optional<String> rangeNote(double[] fitted) {
        return Optional.empty();
    }
}
