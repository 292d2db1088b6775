package org.scalefit.horizon;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.scalefit.stats.Interval;

/**
 * A horizon trend: the models used, the exponential fit (METR's doubling time) and the other
 * trend shapes, their comparison by AIC/BIC, and the refits on every replicate set of horizons
 * from which all intervals — doubling times, the horizon band at any date, milestone dates — are
 * percentiles.
 *
 * <pre>{@code
 * TrendFit fit = Trends.fit(points, TrendOptions.defaults().withFrontier(true));
 * double days = fit.doublingTimeDays();
 * Interval ci = fit.doublingTimeInterval();
 * Interval band = fit.band(TrendKind.EXPONENTIAL, Dates.toEpochDay("2027-01-01"));   // minutes
 * Interval when = fit.milestoneInterval(TrendKind.EXPONENTIAL, 40 * 60);            // dates of a 40-hour horizon
 * }</pre>
 */
public final class TrendFit {
    private static final double LN2 = Math.log(2);

    private final TrendOptions options;
    private final UncertaintySource uncertainty;
    private final List<HorizonPoint> used;
    private final List<Excluded> excluded;
    private final Map<TrendKind, TrendCurve> curves;
    private final Map<TrendKind, String> notFitted;
    private final Map<TrendKind, TrendCurve[]> replicates;
    private final int replicateCount;
    private final Interval olsInterval;
    private final List<String> notes;

    TrendFit(TrendOptions options, UncertaintySource uncertainty, List<HorizonPoint> used, List<Excluded> excluded,
             Map<TrendKind, TrendCurve> curves, Map<TrendKind, String> notFitted, Map<TrendKind, TrendCurve[]> replicates,
             int replicateCount, Interval olsInterval, List<String> notes) {
        this.options = options;
        this.uncertainty = uncertainty;
        this.used = List.copyOf(used);
        this.excluded = List.copyOf(excluded);
        this.curves = new EnumMap<>(curves);
        this.notFitted = new EnumMap<>(TrendKind.class);
        this.notFitted.putAll(notFitted);
        this.replicates = new EnumMap<>(TrendKind.class);
        this.replicates.putAll(replicates);
        this.replicateCount = replicateCount;
        this.olsInterval = olsInterval;
        this.notes = List.copyOf(notes);
    }

    /**
     * A model left out of the fit, and why.
     *
     * @param model  model name
     * @param reason e.g. {@code not on the frontier}, {@code released before 2023-01-01}
     */
    public record Excluded(String model, String reason) {
    }

    /** @return the options */
    public TrendOptions options() {
        return options;
    }

    /** @return where the intervals come from */
    public UncertaintySource uncertainty() {
        return uncertainty;
    }

    /** @return the models fitted, by date */
    public List<HorizonPoint> used() {
        return used;
    }

    /** @return the models left out, with reasons */
    public List<Excluded> excluded() {
        return excluded;
    }

    /** @return notes for the reader (e.g. replicates dropped) */
    public List<String> notes() {
        return notes;
    }

    /** @return the exponential trend (always fitted) */
    public TrendCurve exponential() {
        return curves.get(TrendKind.EXPONENTIAL);
    }

    /**
     * @param kind a shape
     * @return its fit, or empty when it was not requested or could not be fitted
     */
    public Optional<TrendCurve> curve(TrendKind kind) {
        return Optional.ofNullable(curves.get(kind));
    }

    /**
     * @param kind a shape
     * @return why it was not fitted, if it was not
     */
    public Optional<String> notFittedReason(TrendKind kind) {
        return Optional.ofNullable(notFitted.get(kind));
    }

    /** @return the fitted shapes, in enum order */
    public List<TrendKind> kinds() {
        return List.copyOf(curves.keySet());
    }

    /** @return replicate sets refitted (0 when there was no per-model uncertainty) */
    public int replicateCount() {
        return replicateCount;
    }

    /**
     * @param kind a shape
     * @return replicates whose refit failed or had too few usable models
     */
    public int failedReplicates(TrendKind kind) {
        TrendCurve[] r = replicates.get(kind);
        if (r == null) {
            return 0;
        }
        int n = 0;
        for (TrendCurve c : r) {
            if (c == null) {
                n++;
            }
        }
        return n;
    }

    /** @return the exponential trend's doubling time in days */
    public double doublingTimeDays() {
        return exponential().doublingTimeDays(exponential().referenceDate());
    }

    /** @return the exponential trend's R² of ln(horizon) */
    public double r2() {
        return exponential().r2();
    }

    /**
     * The percentile interval of the exponential doubling time over the replicate refits (a
     * replicate with a flat or falling trend counts as +∞).
     *
     * @return the interval, NaN ends when there were no replicates
     */
    public Interval doublingTimeInterval() {
        return interval(TrendKind.EXPONENTIAL, c -> c.slopePerDay() > 0 ? LN2 / c.slopePerDay() : Double.POSITIVE_INFINITY);
    }

    /**
     * The classical interval from the scatter about the exponential trend: the t-interval of the
     * OLS slope, mapped to a doubling time (upper end +∞ when the slope's interval reaches 0).
     *
     * @return the interval
     */
    public Interval doublingTimeOlsInterval() {
        return olsInterval;
    }

    /**
     * The percentile interval of any quantity of a shape over the replicate refits.
     *
     * @param kind     a shape
     * @param quantity the quantity of a curve (NaN: no value)
     * @return the interval (NaN ends when there were no replicates)
     */
    public Interval interval(TrendKind kind, ToDoubleFunction<TrendCurve> quantity) {
        TrendCurve[] r = replicates.get(kind);
        if (r == null || r.length == 0) {
            return Interval.none(options.confidenceLevel());
        }
        double[] v = new double[r.length];
        for (int b = 0; b < r.length; b++) {
            v[b] = r[b] == null ? Double.NaN : quantity.applyAsDouble(r[b]);
        }
        return Interval.percentile(v, options.confidenceLevel());
    }

    /**
     * @param kind a shape
     * @param date a date
     * @return the interval of the trend's horizon at that date, minutes (the band of a horizon chart)
     */
    public Interval band(TrendKind kind, double date) {
        return interval(kind, c -> c.horizonAt(date));
    }

    /**
     * @param kind    a shape
     * @param minutes a horizon
     * @return the interval of the date the trend reaches it (+∞: some replicates never do)
     */
    public Interval milestoneInterval(TrendKind kind, double minutes) {
        return interval(kind, c -> c.dateReaching(minutes));
    }

    /**
     * @param kind a shape
     * @param date a date
     * @return the interval of the doubling time at that date, days
     */
    public Interval doublingTimeInterval(TrendKind kind, double date) {
        return interval(kind, c -> {
            double d = c.doublingTimeDays(date);
            return d > 0 ? d : Double.POSITIVE_INFINITY;
        });
    }

    /**
     * The shapes compared: AIC, AICc, BIC, their differences to the best, Akaike weights by AICc.
     *
     * @return one row per fitted shape
     */
    public List<TrendComparison> comparison() {
        double bestAicc = Double.POSITIVE_INFINITY;
        double bestBic = Double.POSITIVE_INFINITY;
        for (TrendCurve c : curves.values()) {
            bestAicc = Math.min(bestAicc, c.aicc());
            bestBic = Math.min(bestBic, c.bic());
        }
        boolean finiteAicc = Double.isFinite(bestAicc);
        double total = 0;
        for (TrendCurve c : curves.values()) {
            total += finiteAicc ? Math.exp(-0.5 * (c.aicc() - bestAicc)) : 0;
        }
        List<TrendComparison> out = new ArrayList<>();
        for (TrendCurve c : curves.values()) {
            double w = finiteAicc && total > 0 ? Math.exp(-0.5 * (c.aicc() - bestAicc)) / total : Double.NaN;
            out.add(new TrendComparison(c.kind(), c.n(), c.informationParameters(), c.rss(), c.r2(), c.aic(), c.aicc(),
                    c.bic(), c.aicc() - bestAicc, c.bic() - bestBic, w));
        }
        return out;
    }
}
