package org.scalefit.plot;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.scalefit.plot.TickLabels.DurationScale;
import org.scalefit.plot.TickLabels.DurationStyle;

/** Tick placement for time axes for {@link Ticks}: task durations on the doubling ladder (1 min, 2 min, 4 min … 1 day) and calendar dates (years, months or days). */
final class TimeTicks {
    private TimeTicks() {
    }

    static Ticks durations(double minMinutes, double maxMinutes, int maxLabels, DurationStyle style,
                           DurationScale scale) {
        Ticks.checkLogRange(minMinutes, maxMinutes);
        boolean hours = scale == DurationScale.HOURS;
        List<Double> doubling = Ticks.inRange(hours ? Ticks.HOURS_DOUBLING_LADDER : Ticks.DOUBLING_LADDER, minMinutes,
                maxMinutes);
        List<Double> labelled;
        if (doubling.size() <= maxLabels) {
            labelled = doubling;
        } else {
            labelled = Ticks.inRange(hours ? Ticks.HOURS_QUADRUPLING_LADDER : Ticks.QUADRUPLING_LADDER, minMinutes,
                    maxMinutes);
            if (hours && labelled.size() > maxLabels) {
                labelled = Ticks.inRange(Ticks.HOURS_DECADE_LADDER, minMinutes, maxMinutes);
            }
            while (labelled.size() > Math.max(2, maxLabels)) {
                List<Double> thinner = new ArrayList<>();
                for (int i = labelled.size() - 1; i >= 0; i -= 2) {
                    thinner.add(0, labelled.get(i));
                }
                labelled = thinner;
            }
        }
        List<Tick> major = new ArrayList<>();
        for (double v : labelled) {
            major.add(new Tick(v, TickLabels.duration(v, style, scale)));
        }
        List<Double> minor = new ArrayList<>();
        for (double v : doubling) {
            if (!labelled.contains(v)) {
                minor.add(v);
            }
        }
        return new Ticks(major, minor);
    }

    static Ticks dates(double minDay, double maxDay, int maxLabels) {
        Ticks.checkRange(minDay, maxDay);
        LocalDate a = LocalDate.ofEpochDay((long) Math.floor(minDay));
        LocalDate b = LocalDate.ofEpochDay((long) Math.floor(maxDay));
        List<Tick> major = new ArrayList<>();
        List<Double> minor = new ArrayList<>();
        if (maxDay - minDay >= 2 * 365) {
            int[] steps = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};
            for (int step : steps) {
                major.clear();
                for (int y = Ticks.ceilTo(a.getYear(), step); y <= b.getYear(); y += step) {
                    double d = LocalDate.of(y, 1, 1).toEpochDay();
                    if (d >= minDay - 1e-9 && d <= maxDay + 1e-9) {
                        major.add(new Tick(d, Integer.toString(y)));
                    }
                }
                if (major.size() <= Math.max(2, maxLabels)) {
                    break;
                }
            }
            return new Ticks(major, minor);
        }
        if (maxDay - minDay >= 60) {
            int[] steps = {1, 2, 3, 6};
            for (int step : steps) {
                major.clear();
                LocalDate m = LocalDate.of(a.getYear(), 1, 1);
                while (!m.isAfter(b)) {
                    double d = m.toEpochDay();
                    if ((m.getMonthValue() - 1) % step == 0 && d >= minDay - 1e-9 && d <= maxDay + 1e-9) {
                        major.add(new Tick(d, TickLabels.monthYear(d)));
                    }
                    m = m.plusMonths(1);
                }
                if (major.size() <= Math.max(2, maxLabels)) {
                    break;
                }
            }
            return new Ticks(major, minor);
        }
        int[] steps = {1, 2, 7, 14};
        for (int step : steps) {
            major.clear();
            for (long d = (long) Math.ceil(minDay); d <= maxDay; d += step) {
                major.add(new Tick(d, TickLabels.date(d)));
            }
            if (major.size() <= Math.max(2, maxLabels)) {
                break;
            }
        }
        return new Ticks(major, minor);
    }
}
