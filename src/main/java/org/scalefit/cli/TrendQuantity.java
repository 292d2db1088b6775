package org.scalefit.cli;

import java.util.Locale;
import org.scalefit.Numbers;

/**
 * What the y column of a trend measures, so that {@code trend} and {@code project} speak of it: a task length in
 * minutes (METR's horizons, written as durations) or any other positive quantity — training compute, FLOP, tokens,
 * dollars — written as plain numbers under its own name.
 *
 * <pre>{@code
 * TrendQuantity q = TrendQuantity.of("training_compute_flop", null);
 * q.name();              // "training_compute_flop"
 * q.value(1.31e14);      // "1.31e+14"
 * TrendQuantity h = TrendQuantity.of("p50_minutes", null);
 * h.name();              // "horizon"
 * h.value(5.35);         // "5.35 min"
 * }</pre>
 *
 * @param name    what the report calls it ({@code horizon}, the column name, or {@code --quantity})
 * @param column  the y column
 * @param minutes true when the values are task lengths in minutes
 */
record TrendQuantity(String name, String column, boolean minutes) {
    /** A run file's horizons: always minutes. */
    static final TrendQuantity HORIZON = new TrendQuantity("horizon", "p50_minutes", true);

    /**
     * @param column the y column
     * @param label  {@code --quantity}, or null for the default
     * @return minutes when the column's name ends in {@code minutes} (METR's {@code p50_minutes}); named by the label,
     *         else {@code horizon} for minutes and the column's own name otherwise
     */
    static TrendQuantity of(String column, String label) {
        boolean minutes = column.toLowerCase(Locale.ROOT).endsWith("minutes");
        String name = label != null && !label.isBlank() ? label.strip() : minutes ? "horizon" : column;
        return new TrendQuantity(name, column, minutes);
    }

    /**
     * @param v a value of the quantity
     * @return minutes as "5.35 min", other quantities with three significant digits
     */
    String value(double v) {
        return minutes && !Double.isNaN(v) ? number(v) + " min" : number(v);
    }

    /**
     * @param v a value of the quantity
     * @return three significant digits, without a unit
     */
    String number(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return v == Double.POSITIVE_INFINITY ? "∞" : Numbers.format(v, 3);
    }

    /**
     * @param v a value of the quantity
     * @return minutes as a duration ("2.85 h"), other quantities with three significant digits
     */
    String level(double v) {
        return minutes ? HorizonText.duration(v) : number(v);
    }

    /** @return the JSON key of one value: {@code p50_minutes} for horizons, else {@code value} */
    String key() {
        return minutes ? "p50_minutes" : "value";
    }
}
