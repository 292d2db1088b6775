package org.scalefit.horizon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scalefit.InvalidDataException;
import org.scalefit.Numbers;

/**
 * A level of a trend worth a name: for task horizons a task length in minutes and a label, such as a work-day
 * (8 hours); for any other quantity (training compute, tokens) a plain value in the quantity's own unit.
 *
 * <pre>{@code
 * Milestone day = Milestone.parse("8h");                    // 480 minutes, "8 h (work-day)"
 * List<Milestone> all = Milestone.parseList("1h,8h,40h");
 * List<Milestone> defaults = Milestone.defaults();          // 1 h, 8 h, 40 h, 167 h, 2,000 h
 * Milestone flop = Milestone.level(1e27);                   // a level of training compute, "1e+27"
 * }</pre>
 *
 * @param label   a name for reports
 * @param minutes the level in the trend's unit: the task length in minutes for horizons
 */
public record Milestone(String label, double minutes) {
    private static final Pattern TEXT = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?\\s*([a-zA-Z]*)");

    /**
     * Validates.
     *
     * @param label   a name for reports
     * @param minutes the task length, minutes
     * @throws InvalidDataException if a component is outside its domain (the message says which)
     */
    public Milestone {
        if (!(minutes > 0) || Double.isInfinite(minutes)) {
            throw new InvalidDataException("a milestone must be a finite length > 0, got " + minutes + " minutes");
        }
    }

    /** @return 1 hour, 8 hours (a work-day), 40 hours (a work-week), 167 hours (a work-month), 2,000 hours (a work-year) */
    public static List<Milestone> defaults() {
        return List.of(parse("1h"), parse("8h"), parse("40h"), parse("167h"), parse("2000h"));
    }

    /**
     * Parses a length: a number with a unit {@code s}, {@code min} (or {@code m}), {@code h}
     * (or {@code hr}); a bare number is minutes. Days and weeks are refused as ambiguous (a
     * work-day is 8 h, a calendar day 24 h): write hours.
     *
     * @param text e.g. {@code 8h}, {@code 90min}, {@code 2000h}
     * @return the milestone, labelled (the five defaults get their work-time names)
     * @throws InvalidDataException for anything else, e.g. {@code "1d" is ambiguous: write hours, e.g. 8h for a work-day}
     */
    public static Milestone parse(String text) {
        String t = text.strip();
        Matcher m = TEXT.matcher(t);
        if (!m.matches()) {
            throw new InvalidDataException("\"" + t + "\" is not a task length; write e.g. 8h, 90min or 30s");
        }
        int unitStart = m.start(2);
        double value = Double.parseDouble(t.substring(0, unitStart).strip());
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        double minutes = switch (unit) {
            case "", "m", "min", "mins", "minute", "minutes" -> value;
            case "s", "sec", "secs", "second", "seconds" -> value / 60;
            case "h", "hr", "hrs", "hour", "hours" -> value * 60;
            case "d", "day", "days", "w", "wk", "week", "weeks" -> throw new InvalidDataException("\"" + t
                    + "\" is ambiguous (a work-day is 8 h, a calendar day 24 h): write hours, e.g. 8h or 40h");
            default -> throw new InvalidDataException("\"" + t + "\" has an unknown unit \"" + m.group(2)
                    + "\"; use s, min or h");
        };
        if (!(minutes > 0)) {
            throw new InvalidDataException("a milestone must be > 0, got \"" + t + "\"");
        }
        return new Milestone(label(minutes), minutes);
    }

    /**
     * A level of a quantity that is not a duration (training compute, tokens), labelled by its value.
     *
     * @param value the level, in the trend's unit (&gt; 0)
     * @return the milestone
     * @throws InvalidDataException if the value is not finite and &gt; 0
     */
    public static Milestone level(double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new InvalidDataException("a milestone must be a finite level > 0, got " + value);
        }
        return new Milestone(Numbers.format(value, 6), value);
    }

    /**
     * Parses comma-separated levels of a quantity that is not a duration, e.g. {@code 1e26,1e27}.
     *
     * @param text comma-separated numbers
     * @return the milestones in order
     * @throws InvalidDataException if the list is empty or an item is not a number &gt; 0
     */
    public static List<Milestone> parseLevels(String text) {
        List<Milestone> out = new ArrayList<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                out.add(level(Double.parseDouble(part.strip())));
            } catch (NumberFormatException e) {
                throw new InvalidDataException("\"" + part.strip() + "\" is not a number; this trend's milestones are levels of "
                        + "the quantity itself, e.g. 1e26,1e27");
            }
        }
        if (out.isEmpty()) {
            throw new InvalidDataException("no milestones given; write e.g. 1e26,1e27");
        }
        return out;
    }

    /**
     * @param text comma-separated lengths
     * @return the milestones in order
     * @throws InvalidDataException if the list is empty or a milestone cannot be read
     */
    public static List<Milestone> parseList(String text) {
        List<Milestone> out = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                out.add(parse(part));
            }
        }
        if (out.isEmpty()) {
            throw new InvalidDataException("no milestones given; write e.g. 8h,40h");
        }
        return out;
    }

    private static String label(double minutes) {
        String base = minutes >= 60 ? Numbers.format(minutes / 60, 6) + " h" : minutes >= 1
                ? Numbers.format(minutes, 6) + " min" : Numbers.format(minutes * 60, 6) + " s";
        String name = switch ((int) Math.round(minutes)) {
            case 480 -> " (work-day)";
            case 2400 -> " (work-week)";
            case 10020 -> " (work-month)";
            case 120000 -> " (work-year)";
            default -> "";
        };
        return minutes == Math.rint(minutes) ? base + name : base;
    }
}
