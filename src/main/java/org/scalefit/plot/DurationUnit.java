package org.scalefit.plot;

import java.util.Locale;
import java.util.Optional;

/**
 * The unit a column of durations is written in, so that an axis of task lengths or training times is
 * labelled {@code 1 min / 1 hr / 1 day} instead of {@code 10⁻²…10³}. The unit is read from the column's
 * name when its last word says it ({@code p50_minutes}, {@code human_minutes}, {@code train_hours},
 * {@code latency_seconds}) or given explicitly.
 *
 * <pre>{@code
 * DurationUnit.fromColumnName("p50_minutes");   // Optional[MINUTES]
 * DurationUnit.fromColumnName("loss_min");      // empty: "min" may mean a minimum
 * DurationUnit.parse("h").minutes();            // 60.0
 * }</pre>
 */
public enum DurationUnit {
    /** Seconds. */
    SECONDS(1.0 / 60),
    /** Minutes. */
    MINUTES(1),
    /** Hours. */
    HOURS(60),
    /** Days of 24 hours. */
    DAYS(24 * 60);

    private final double minutes;

    DurationUnit(double minutes) {
        this.minutes = minutes;
    }

    /** @return how many minutes one unit is */
    public double minutes() {
        return minutes;
    }

    /**
     * The unit named by the last word of a column name (words split at anything but letters and at
     * lower-to-upper case changes). Only unambiguous words count: {@code seconds, second, secs, sec,
     * minutes, minute, mins, hours, hour, hrs, hr, days, day} — never {@code min}, {@code s}, {@code h}
     * or {@code d}, which name minima and other things too.
     *
     * @param column a column name
     * @return the unit, or empty when the name does not say
     */
    public static Optional<DurationUnit> fromColumnName(String column) {
        if (column == null) {
            return Optional.empty();
        }
        String[] words = column.replaceAll("([a-z])([A-Z])", "$1 $2").split("[^A-Za-z]+");
        for (int i = words.length - 1; i >= 0; i--) {
            if (!words[i].isEmpty()) {
                return word(words[i].toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    /**
     * @param text a unit: {@code s, sec, seconds, min, minutes, h, hr, hours, d, day, days}
     * @return the unit
     * @throws IllegalArgumentException for anything else
     */
    public static DurationUnit parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "s" -> SECONDS;
            case "min" -> MINUTES;
            case "h" -> HOURS;
            case "d" -> DAYS;
            default -> word(t).orElseThrow(() -> new IllegalArgumentException("unknown duration unit \"" + text
                    + "\"; use s, min, h or d"));
        };
    }

    private static Optional<DurationUnit> word(String w) {
        return switch (w) {
            case "seconds", "second", "secs", "sec" -> Optional.of(SECONDS);
            case "minutes", "minute", "mins" -> Optional.of(MINUTES);
            case "hours", "hour", "hrs", "hr" -> Optional.of(HOURS);
            case "days", "day" -> Optional.of(DAYS);
            default -> Optional.empty();
        };
    }
}
