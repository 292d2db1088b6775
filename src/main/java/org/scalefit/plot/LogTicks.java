package org.scalefit.plot;

import java.util.ArrayList;
import java.util.List;

/** Tick placement on a log axis (decades, 2–3–5 labels within a decade, chosen mantissas) for {@link Ticks}. */
final class LogTicks {
    private LogTicks() {
    }

    static Ticks log(double min, double max, Ticks.LogStyle style, int maxLabels) {
        Ticks.checkLogRange(min, max);
        int lo = (int) Math.ceil(Math.log10(min) - 1e-9);
        int hi = (int) Math.floor(Math.log10(max) + 1e-9);
        if (hi - lo + 1 >= 2) {
            return Ticks.logDecades(min, max, 0, style, maxLabels);
        }
        return Ticks.logSubDecade(min, max, 3, style);
    }

    static Ticks logDecades(double min, double max, int every, Ticks.LogStyle style, int maxLabels) {
        Ticks.checkLogRange(min, max);
        int lo = (int) Math.ceil(Math.log10(min) - 1e-9);
        int hi = (int) Math.floor(Math.log10(max) + 1e-9);
        int n = Math.max(0, hi - lo + 1);
        int k = every;
        if (k <= 0) {
            k = 1;
            int[] candidates = {1, 2, 3, 4, 5, 6, 10, 20, 50, 100};
            for (int c : candidates) {
                k = c;
                if ((n + c - 1) / c <= Math.max(2, maxLabels)) {
                    break;
                }
            }
        }
        // The offset that labels the most decades; on ties, the one that labels the top decade.
        int bestOffset = 0;
        int bestCount = -1;
        for (int off = 0; off < k; off++) {
            int count = 0;
            boolean top = false;
            for (int e = lo; e <= hi; e++) {
                if (Math.floorMod(e - hi + off, k) == 0) {
                    count++;
                    top |= e == hi;
                }
            }
            if (count > bestCount || (count == bestCount && top)) {
                bestCount = count;
                bestOffset = off;
            }
        }
        List<Tick> major = new ArrayList<>();
        List<Double> minor = new ArrayList<>();
        for (int e = lo; e <= hi; e++) {
            double v = Ticks.pow10(e);
            if (Math.floorMod(e - hi + bestOffset, k) == 0) {
                major.add(new Tick(v, Ticks.decadeLabel(e, style)));
            } else {
                minor.add(v);
            }
        }
        if (Math.log10(max / min) <= 12) {
            for (int e = lo - 1; e <= hi; e++) {
                for (int m = 2; m <= 9; m++) {
                    double v = m * Ticks.pow10(e);
                    if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)) {
                        minor.add(v);
                    }
                }
            }
        }
        minor.sort(null);
        return new Ticks(major, minor);
    }

    static Ticks logSubDecade(double min, double max, int minLabels, Ticks.LogStyle style) {
        Ticks.checkLogRange(min, max);
        int want = Math.max(2, minLabels);
        List<Double> chosen = null;
        for (int[] set : new int[][] {{1, 2, 3, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9}}) {
            List<Double> v = Ticks.mantissaValues(min, max, set);
            if (v.size() >= want) {
                chosen = v;
                break;
            }
        }
        if (chosen == null) {
            int maxLabels = Math.max(want, 7);
            Ticks.Step step = Ticks.niceStep(min, max, maxLabels, Ticks.SUBDECADE_STEPS);
            // Prefer the densest nice step that still keeps at most maxLabels labels but at least want.
            chosen = step.values(min, max);
            List<Tick> major = new ArrayList<>();
            for (double v : chosen) {
                major.add(new Tick(v, style == Ticks.LogStyle.SUFFIX ? TickLabels.withSuffix(v)
                        : TickLabels.decimal(v, step.decimals())));
            }
            return new Ticks(major, Ticks.unlabelledMantissas(min, max, major));
        }
        List<Tick> major = new ArrayList<>();
        for (double v : chosen) {
            major.add(new Tick(v, Ticks.valueLabel(v, style)));
        }
        return new Ticks(major, Ticks.unlabelledMantissas(min, max, major));
    }

    static Ticks logMantissas(double min, double max, int[] mantissas, Ticks.LogStyle style) {
        Ticks.checkLogRange(min, max);
        List<Tick> major = new ArrayList<>();
        for (double v : Ticks.mantissaValues(min, max, mantissas)) {
            major.add(new Tick(v, Ticks.valueLabel(v, style)));
        }
        return new Ticks(major, Ticks.unlabelledMantissas(min, max, major));
    }
}
