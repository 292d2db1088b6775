package org.scalefit.fit;

import org.scalefit.Numbers;
import org.scalefit.OptionKey;

/**
 * A restriction the engine holds a parameter to without being asked, listed with every {@link Fit} so that no
 * default is hidden: a law's range for these data (a broken power law's break inside the data's x, its sharpness
 * within limits — lifted by bounding the parameter oneself), or a law's domain (a scale that must be positive,
 * which the engine fits as its logarithm). A fit whose optimum rests on a range's end warns and names the option
 * that lifts it.
 *
 * <pre>{@code
 * for (Constraint c : fit.constraints()) {
 *     System.out.println(c.describe());   // d1 in [5e+05, 1.3e+09]: a break beyond the data ...; lift with bound d1=LO:HI
 * }
 * }</pre>
 *
 * @param parameter the parameter
 * @param lower     lower end (exclusive for a domain: 0 for a positive parameter)
 * @param upper     upper end, or +∞
 * @param source    where it comes from
 * @param reason    why the engine holds the parameter there
 */
public record Constraint(String parameter, double lower, double upper, Source source, String reason) {
    /** Where a constraint comes from. */
    public enum Source {
        /** The law's range for these data; lifted by a bound on the parameter. */
        RANGE,
        /** The law's domain (a positive scale); part of the law, not lifted. */
        DOMAIN;

        /** @return {@code range} or {@code domain}, as the JSON writes it */
        public String label() {
            return this == RANGE ? "range" : "domain";
        }
    }

    /** @return true when a bound on the parameter lifts the constraint (a range; a domain stays) */
    public boolean liftable() {
        return source == Source.RANGE;
    }

    /**
     * @return the option that lifts the constraint, in the library's option references ({@link OptionKey}), or
     *         an empty string for a domain
     */
    public String liftedBy() {
        return liftable() ? OptionKey.BOUND.with(parameter + "=LO:HI") : "";
    }

    /** @return one line: the interval, the reason, and the option that lifts it */
    public String describe() {
        String interval = source == Source.DOMAIN ? parameter + " > " + Numbers.format(lower, 6)
                : parameter + " in [" + Numbers.format(lower, 5) + ", " + Numbers.format(upper, 5) + "]";
        return interval + ": " + reason + (liftable() ? "; lift with " + liftedBy() : "");
    }
}
