package org.scalefit.horizon;

import java.util.Locale;
import org.scalefit.InvalidDataException;

/**
 * The trend shapes fitted to ln(horizon) against date and compared by AIC/BIC.
 *
 * <pre>{@code
 * TrendCurve c = fit.curve(TrendKind.PIECEWISE).orElseThrow();
 * }</pre>
 */
public enum TrendKind {
    /** ln h = a + b·t: a constant doubling time ln 2 / b (METR's headline fit). */
    EXPONENTIAL("exponential", "constant doubling time"),
    /** Two exponentials joined at a break date (continuous in ln h): a doubling time before and after. */
    PIECEWISE("piecewise", "exponential with a break date"),
    /** Each doubling takes a constant factor r of the previous one (r &lt; 1: accelerating). */
    SUPEREXPONENTIAL("superexponential", "each doubling a constant fraction quicker");

    private final String label;
    private final String description;

    TrendKind(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** @return the name used on the command line and in JSON */
    public String label() {
        return label;
    }

    /** @return a few words for tables */
    public String description() {
        return description;
    }

    /**
     * @param text a label
     * @return the kind
     * @throws InvalidDataException for an unknown label
     */
    public static TrendKind parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (TrendKind k : values()) {
            if (k.label.equals(t)) {
                return k;
            }
        }
        throw new InvalidDataException("unknown trend \"" + text + "\": use exponential, piecewise or superexponential");
    }
}
