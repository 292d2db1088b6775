package org.scalefit.reproduce;

import java.util.Objects;

/**
 * One number behind a figure: what scalefit fitted (with an interval when there is one) next to the
 * published value it reproduces.
 *
 * <pre>{@code
 * PublishedComparison c = new PublishedComparison("alpha_D", 0.0951, 0.0946, 0.0956, 0.095, "Kaplan et al. (2020) Eq. 1.2", "");
 * double off = c.relativeDifference();   // 0.001
 * }</pre>
 *
 * @param quantity  what the number is, e.g. {@code alpha_N}
 * @param fitted    the value scalefit found
 * @param lower     lower end of its interval (NaN for none)
 * @param upper     upper end of its interval (NaN for none)
 * @param published the published value (NaN when there is none to compare with)
 * @param source    where the published value is printed
 * @param note      anything a reader needs to interpret the comparison (may be empty)
 */
public record PublishedComparison(String quantity, double fitted, double lower, double upper, double published, String source,
                         String note) {
    /**
     * Checks the text fields.
     *
     * @param quantity  what the number is, e.g. {@code alpha_N}
     * @param fitted    the value scalefit found
     * @param lower     lower end of its interval (NaN for none)
     * @param upper     upper end of its interval (NaN for none)
     * @param published the published value (NaN when there is none to compare with)
     * @param source    where the published value is printed
     * @param note      anything a reader needs to interpret the comparison (may be empty)
     * @throws NullPointerException if a required component is null
     */
    public PublishedComparison {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(note, "note");
    }

    /** @return (fitted − published) / |published|, NaN without a published value */
    public double relativeDifference() {
        return (fitted - published) / Math.abs(published);
    }

    /** @return true when the published value lies inside the fitted interval */
    public boolean publishedInsideInterval() {
        return lower <= published && published <= upper;
    }
}
