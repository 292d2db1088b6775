package org.scalefit.horizon;

import java.util.Objects;
import org.scalefit.InvalidDataException;

/**
 * One model's horizon on the calendar: its release date, its (50%) horizon in minutes and, when
 * known, the horizon's published interval or its bootstrap replicates — the input of a trend fit.
 *
 * <pre>{@code
 * HorizonPoint p = HorizonPoint.of("GPT-4", Dates.toEpochDay("2023-03-14"), 5.35)
 *         .withInterval(2.52, 10.27);                   // METR's 95% CI, minutes
 * }</pre>
 *
 * @param model      model name
 * @param date       release date, days since 1970-01-01
 * @param minutes    the horizon, minutes (≥ 0; 0 means below every task)
 * @param lower      lower end of its interval (NaN if unknown)
 * @param upper      upper end of its interval (NaN if unknown)
 * @param replicates bootstrap replicates of the horizon (empty if none); NaN marks a missing replicate
 */
public record HorizonPoint(String model, double date, double minutes, double lower, double upper, double[] replicates) {
    /**
     * Validates and copies.
     *
     * @param model      model name
     * @param date       release date, days since 1970-01-01
     * @param minutes    the horizon, minutes (≥ 0; 0 means below every task)
     * @param lower      lower end of its interval (NaN if unknown)
     * @param upper      upper end of its interval (NaN if unknown)
     * @param replicates bootstrap replicates of the horizon (empty if none); NaN marks a missing replicate
     * @throws InvalidDataException if a component is outside its domain (the message says which)
     * @throws NullPointerException if a required component is null
     */
    public HorizonPoint {
        Objects.requireNonNull(model, "model");
        if (!Double.isFinite(date)) {
            throw new InvalidDataException("model \"" + model + "\" has no valid date");
        }
        if (!(minutes >= 0) || Double.isInfinite(minutes)) {
            throw new InvalidDataException("model \"" + model + "\" has horizon " + minutes + "; horizons must be finite and ≥ 0 minutes");
        }
        replicates = replicates == null ? new double[0] : replicates.clone();
    }

    /**
     * @param model   model name
     * @param date    release date, days since 1970-01-01
     * @param minutes horizon, minutes
     * @return a point without an interval
     */
    public static HorizonPoint of(String model, double date, double minutes) {
        return new HorizonPoint(model, date, minutes, Double.NaN, Double.NaN, null);
    }

    /**
     * @param lo lower end, minutes
     * @param hi upper end, minutes
     * @return a copy with that interval
     */
    public HorizonPoint withInterval(double lo, double hi) {
        return new HorizonPoint(model, date, minutes, lo, hi, replicates);
    }

    /**
     * @param values bootstrap replicates of the horizon, minutes
     * @return a copy with them
     */
    public HorizonPoint withReplicates(double[] values) {
        return new HorizonPoint(model, date, minutes, lower, upper, values);
    }

    /** @return a copy of the replicates */
    @Override
    public double[] replicates() {
        return replicates.clone();
    }

    /** @return the number of replicates */
    public int replicateCount() {
        return replicates.length;
    }

    double replicate(int b) {
        return replicates[b];
    }

    /** @return true when both interval ends are known and bracket the horizon */
    public boolean hasInterval() {
        return lower >= 0 && upper >= minutes && lower <= minutes && Double.isFinite(upper);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HorizonPoint p && p.model.equals(model) && Double.compare(p.date, date) == 0
                && Double.compare(p.minutes, minutes) == 0 && Double.compare(p.lower, lower) == 0
                && Double.compare(p.upper, upper) == 0 && java.util.Arrays.equals(p.replicates, replicates);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, date, minutes, lower, upper, java.util.Arrays.hashCode(replicates));
    }

    @Override
    public String toString() {
        return model + " (" + org.scalefit.data.Dates.format(date) + "): " + minutes + " min";
    }
}
