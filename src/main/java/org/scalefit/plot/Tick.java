package org.scalefit.plot;

import java.util.Objects;

/**
 * One labelled tick: its value in data units and its text.
 *
 * <pre>{@code
 * Tick t = new Tick(1e9, "10⁹");
 * }</pre>
 *
 * @param value position in data units
 * @param label text drawn at it (may be empty for an unlabelled major tick)
 */
public record Tick(double value, String label) {
    /**
     * Checks the arguments.
     *
     * @param value position in data units
     * @param label text drawn at it (may be empty for an unlabelled major tick)
     * @throws IllegalArgumentException if a component is outside its domain
     * @throws NullPointerException if a required component is null
     */
    public Tick {
        Objects.requireNonNull(label, "label");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("tick value must be finite, got " + value);
        }
    }
}
