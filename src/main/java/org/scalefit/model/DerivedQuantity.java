package org.scalefit.model;

import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * A quantity a law derives from its parameters, such as the exponent of a power law or the
 * doubling time of an exponential trend. The fitting engine attaches a delta-method interval.
 *
 * <pre>{@code
 * DerivedQuantity months = new DerivedQuantity("doubling_time_months", "months",
 *         "doubling time in months of 30.44 days", p -> p[1] / 30.436875);
 * }</pre>
 *
 * @param name        machine name, e.g. {@code doubling_time_months}
 * @param unit        unit text, empty when dimensionless
 * @param description one line for humans
 * @param function    computes the quantity from the full parameter vector (in the law's order)
 */
public record DerivedQuantity(String name, String unit, String description, ToDoubleFunction<double[]> function) {
    /**
     * Validates that no component is null.
     *
     * @param name        machine name, e.g. {@code doubling_time_months}
     * @param unit        unit text, empty when dimensionless
     * @param description one line for humans
     * @param function    computes the quantity from the full parameter vector (in the law's order)
     * @throws NullPointerException if a required component is null
     */
    public DerivedQuantity {
        Objects.requireNonNull(name);
        Objects.requireNonNull(unit);
        Objects.requireNonNull(description);
        Objects.requireNonNull(function);
    }

    /**
     * @param parameters the law's parameter values
     * @return the quantity
     */
    public double valueAt(double[] parameters) {
        return function.applyAsDouble(parameters);
    }
}
