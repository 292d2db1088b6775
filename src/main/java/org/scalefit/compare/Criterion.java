package org.scalefit.compare;

import java.util.Locale;
import org.scalefit.InvalidDataException;
import org.scalefit.fit.Fit;

/**
 * The information criterion a model comparison ranks by. All three are −2 ln L plus a penalty for the
 * k estimated parameters (the noise scale included): AIC 2k, AICc 2k + 2k(k+1)/(n − k − 1) (the right
 * default for the 10–50 points of a scaling study), BIC k ln n (harsher on extra parameters when n is large).
 *
 * <pre>{@code
 * double score = Criterion.AICC.of(fit);
 * }</pre>
 */
public enum Criterion {
    /** Akaike's information criterion. */
    AIC("AIC"),
    /** AIC with the small-sample correction. */
    AICC("AICc"),
    /** The Bayesian (Schwarz) information criterion. */
    BIC("BIC");

    private final String label;

    Criterion(String label) {
        this.label = label;
    }

    /** @return the name as reports write it, e.g. {@code AICc} */
    public String label() {
        return label;
    }

    /**
     * @param fit a fit
     * @return its score under this criterion (lower is better)
     */
    public double of(Fit fit) {
        return switch (this) {
            case AIC -> fit.aic();
            case AICC -> fit.aicc();
            case BIC -> fit.bic();
        };
    }

    /**
     * @param text {@code aic}, {@code aicc} or {@code bic} (any case)
     * @return the criterion
     * @throws InvalidDataException for anything but aic, aicc or bic
     */
    public static Criterion parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "aic" -> AIC;
            case "aicc" -> AICC;
            case "bic" -> BIC;
            default -> throw new InvalidDataException("unknown criterion \"" + text + "\": use aic, aicc or bic");
        };
    }
}
