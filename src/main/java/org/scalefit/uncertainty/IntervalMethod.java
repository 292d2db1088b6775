package org.scalefit.uncertainty;

import java.util.Locale;
import org.scalefit.InvalidDataException;

/**
 * How a bootstrap turns replicates into an interval.
 *
 * <ul>
 * <li>{@link #PERCENTILE}: the (1 − level)/2 and (1 + level)/2 quantiles of the replicates (Efron 1979).</li>
 * <li>{@link #BCA}: bias-corrected and accelerated (Efron 1987): the quantile levels are shifted by the
 * bias correction z0 = Φ⁻¹(share of replicates below the estimate) and the acceleration a, the skewness
 * of the jackknife influence values / 6. Second-order accurate, so it corrects the percentile interval
 * when the estimator is biased or its spread changes with the parameter (typical of exponents and of
 * quantities like the compute to reach a loss).</li>
 * </ul>
 *
 * <pre>{@code
 * Estimate alpha = bootstrap.parameter("alpha", IntervalMethod.BCA);
 * }</pre>
 */
public enum IntervalMethod {
    /** Percentile interval. */
    PERCENTILE("bootstrap-percentile"),
    /** Bias-corrected and accelerated interval. */
    BCA("bootstrap-bca");

    private final String label;

    IntervalMethod(String label) {
        this.label = label;
    }

    /** @return the method as reports name it, e.g. {@code bootstrap-bca} */
    public String label() {
        return label;
    }

    /**
     * @param text {@code percentile} or {@code bca} (any case)
     * @return the method
     * @throws InvalidDataException for anything else
     */
    public static IntervalMethod parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "percentile" -> PERCENTILE;
            case "bca" -> BCA;
            default -> throw new InvalidDataException("unknown interval method \"" + text + "\": use percentile or bca");
        };
    }
}
