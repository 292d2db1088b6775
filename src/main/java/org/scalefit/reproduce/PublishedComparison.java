package org.scalefit.reproduce;

import java.util.Objects;

/**
 * One number behind a figure: what scalefit fitted (with an interval when there is one) next to the value it is
 * checked against, and the kind of data it was fitted to. For real or digitized data the reference is the
 * published value; for generated data it is the value of the law the points were generated from ("recovers the
 * generating law"), never a published measurement.
 *
 * <pre>{@code
 * PublishedComparison c = PublishedComparison.published(DataKind.DIGITIZED, "a in N_opt ∝ C^a", 0.5, 0.43, 0.52, 0.49,
 *         "Hoffmann et al. (2022) Table 2", "");
 * double off = c.relativeDifference();   // 0.0204
 * PublishedComparison g = PublishedComparison.recovery("alpha_D", 0.0949, 0.0936, 0.0962, 0.095, "Kaplan et al. (2020) Eq. 1.2", "");
 * }</pre>
 *
 * @param quantity  what the number is, e.g. {@code alpha_N}
 * @param fitted    the value scalefit found
 * @param lower     lower end of its interval (NaN for none)
 * @param upper     upper end of its interval (NaN for none)
 * @param published the reference: the published value (real or digitized data) or the generating law's value
 *                  (generated data); NaN when there is none to compare with
 * @param source    where the reference value is printed, or the law it comes from
 * @param note      anything a reader needs to interpret the comparison (may be empty)
 * @param data      the kind of data the number was fitted to
 */
public record PublishedComparison(String quantity, double fitted, double lower, double upper, double published, String source,
                                  String note, DataKind data) {
    /**
     * Checks the text fields.
     *
     * @param quantity  what the number is, e.g. {@code alpha_N}
     * @param fitted    the value scalefit found
     * @param lower     lower end of its interval (NaN for none)
     * @param upper     upper end of its interval (NaN for none)
     * @param published the reference value (NaN when there is none)
     * @param source    where the reference value is printed, or the law it comes from
     * @param note      anything a reader needs to interpret the comparison (may be empty)
     * @param data      the kind of data the number was fitted to
     * @throws NullPointerException if a required component is null
     */
    public PublishedComparison {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(data, "data");
    }

    /**
     * A number fitted to real data next to its published value (the form every reproduction used before the data
     * kind was recorded; fitted to anything else, use {@link #published} or {@link #recovery}).
     *
     * @param quantity  what the number is
     * @param fitted    the value scalefit found
     * @param lower     lower end of its interval (NaN for none)
     * @param upper     upper end of its interval (NaN for none)
     * @param published the published value (NaN when there is none)
     * @param source    where it is printed
     * @param note      a note for the reader (may be empty)
     */
    public PublishedComparison(String quantity, double fitted, double lower, double upper, double published, String source,
                               String note) {
        this(quantity, fitted, lower, upper, published, source, note, DataKind.REAL);
    }

    /**
     * A number fitted to measurements, next to the published value.
     *
     * @param data      {@link DataKind#REAL} or {@link DataKind#DIGITIZED}
     * @param quantity  what the number is
     * @param fitted    the value scalefit found
     * @param lower     lower end of its interval (NaN for none)
     * @param upper     upper end of its interval (NaN for none)
     * @param published the published value (NaN when there is none)
     * @param source    where it is printed
     * @param note      a note for the reader (may be empty)
     * @return the comparison
     * @throws IllegalArgumentException for generated data, which must not be compared with a published value
     */
    public static PublishedComparison published(DataKind data, String quantity, double fitted, double lower, double upper,
                                                double published, String source, String note) {
        if (!data.measured()) {
            throw new IllegalArgumentException("a number fitted to generated data is compared with its generating law "
                    + "(recovery), not with a published value: " + quantity);
        }
        return new PublishedComparison(quantity, fitted, lower, upper, published, source, note, data);
    }

    /**
     * A number fitted to generated data, next to the value of the law the data were generated from.
     *
     * @param quantity what the number is
     * @param fitted   the value scalefit found
     * @param lower    lower end of its interval (NaN for none)
     * @param upper    upper end of its interval (NaN for none)
     * @param truth    the generating law's value
     * @param law      the generating law, e.g. {@code Kaplan et al. (2020) Eq. 1.2}
     * @param note     a note for the reader (may be empty)
     * @return the comparison
     */
    public static PublishedComparison recovery(String quantity, double fitted, double lower, double upper, double truth,
                                               String law, String note) {
        return new PublishedComparison(quantity, fitted, lower, upper, truth, law, note, DataKind.GENERATED);
    }

    /** @return true when the reference is a published value (real or digitized data), false when it is a generating law */
    public boolean againstPublished() {
        return data.measured();
    }

    /** @return (fitted − reference) / |reference|, NaN without a reference value */
    public double relativeDifference() {
        return (fitted - published) / Math.abs(published);
    }

    /** @return true when the reference value lies inside the fitted interval */
    public boolean publishedInsideInterval() {
        return lower <= published && published <= upper;
    }
}
