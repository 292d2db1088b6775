package org.scalefit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.scalefit.Numbers;
import org.scalefit.data.Dates;
import org.scalefit.stats.Interval;

/** Formatting shared by the horizon, trend and project commands: durations, dates, intervals. */
final class HorizonText {
    /** The last day Dates can format with four-digit years: 9999-12-31. */
    private static final double LAST_DAY = 2_932_896;

    private HorizonText() {
    }

    /** A task length for people: seconds under a minute, minutes under an hour, hours above. */
    static String duration(double minutes) {
        if (Double.isNaN(minutes)) {
            return "–";
        }
        if (minutes == Double.POSITIVE_INFINITY) {
            return "∞";
        }
        if (minutes < 1) {
            return Numbers.format(minutes * 60, 3) + " s";
        }
        if (minutes < 60) {
            return Numbers.format(minutes, 3) + " min";
        }
        return Numbers.format(minutes / 60, 3) + " h";
    }

    /** Minutes as a number with 3 significant digits. */
    static String minutes(double m) {
        if (Double.isNaN(m)) {
            return "–";
        }
        return m == Double.POSITIVE_INFINITY ? "∞" : Numbers.format(m, 3);
    }

    /** A date, "never" for +∞, "before 0001" / "after 9999" outside four-digit years. */
    static String date(double day) {
        if (Double.isNaN(day)) {
            return "–";
        }
        if (day == Double.POSITIVE_INFINITY) {
            return "never";
        }
        if (day > LAST_DAY) {
            return "after 9999";
        }
        if (day < -719_162) {
            return "before 0001";
        }
        return Dates.format(day);
    }

    /** "[lo, hi]" with the given formatter; "–" when there is no interval. */
    static String interval(Interval ci, java.util.function.DoubleFunction<String> format) {
        if (Double.isNaN(ci.lower()) && Double.isNaN(ci.upper())) {
            return "–";
        }
        return "[" + format.apply(ci.lower()) + ", " + format.apply(ci.upper()) + "]";
    }

    /** JSON key of an interval at this level: ci95, ci90, ci99.9. */
    static String ciKey(double level) {
        double pct = level * 100;
        return "ci" + (pct == Math.rint(pct) ? Long.toString(Math.round(pct)) : Numbers.format(pct, 4));
    }

    /** An ISO date in JSON, or null when infinite or out of range. */
    static void putDate(ObjectNode node, String key, double day) {
        if (Double.isFinite(day) && day <= LAST_DAY && day >= -719_162) {
            node.put(key, Dates.format(day));
        } else {
            node.putNull(key);
        }
    }

    /** A date interval in JSON: [lo, hi] with null for "never" or out of range. */
    static ArrayNode dateInterval(Interval ci) {
        ArrayNode a = Json.array();
        for (double d : new double[] {ci.lower(), ci.upper()}) {
            if (Double.isFinite(d) && d <= LAST_DAY && d >= -719_162) {
                a.add(Dates.format(d));
            } else {
                a.addNull();
            }
        }
        return a;
    }

    /** Days as months of 30.44 days, e.g. "6.97 months". */
    static String months(double days) {
        return Numbers.format(days / Dates.DAYS_PER_MONTH, 3) + " months";
    }

    /** Days with 3 significant digits. */
    static String days(double d) {
        if (Double.isNaN(d)) {
            return "–";
        }
        return d == Double.POSITIVE_INFINITY ? "∞" : String.format(Locale.ROOT, "%s", Numbers.format(d, 3));
    }
}
