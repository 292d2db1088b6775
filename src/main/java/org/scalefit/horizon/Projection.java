package org.scalefit.horizon;

import java.util.ArrayList;
import java.util.List;
import org.scalefit.stats.Interval;

/**
 * Projections of a trend fit: for every fitted trend shape, the date each milestone is reached
 * and the horizon at chosen dates, each with the percentile interval over the replicate refits.
 * Dates are days since 1970-01-01; +∞ means "never" (a flat trend, or some replicates that do
 * not grow).
 *
 * <pre>{@code
 * Projection pr = Projection.of(fit, Milestone.defaults(), new double[] {Dates.toEpochDay("2030-01-01")});
 * for (Projection.MilestoneDate m : pr.milestones()) {
 *     System.out.println(m.kind().label() + " " + m.milestone().label() + ": " + Dates.format(m.date()));
 * }
 * }</pre>
 *
 * @param fit        the trend fit
 * @param milestones one entry per (shape, milestone)
 * @param horizons   one entry per (shape, date)
 */
public record Projection(TrendFit fit, List<MilestoneDate> milestones, List<HorizonAt> horizons) {
    /**
     * Copies the lists.
     *
     * @param fit        the trend fit
     * @param milestones one entry per (shape, milestone)
     * @param horizons   one entry per (shape, date)
     */
    public Projection {
        milestones = List.copyOf(milestones);
        horizons = List.copyOf(horizons);
    }

    /**
     * When a trend reaches a milestone.
     *
     * @param kind      the trend shape
     * @param milestone the milestone
     * @param date      the date the fitted trend reaches it (+∞: never)
     * @param interval  the interval of that date over the replicates
     */
    public record MilestoneDate(TrendKind kind, Milestone milestone, double date, Interval interval) {
    }

    /**
     * A trend's horizon on a date.
     *
     * @param kind     the trend shape
     * @param date     the date
     * @param minutes  the fitted trend's horizon, minutes
     * @param interval its interval over the replicates
     */
    public record HorizonAt(TrendKind kind, double date, double minutes, Interval interval) {
    }

    /**
     * Projects every fitted shape of a trend fit.
     *
     * @param fit        the trend fit
     * @param milestones horizons to date
     * @param dates      dates to read the horizon at
     * @return the projection
     */
    public static Projection of(TrendFit fit, List<Milestone> milestones, double[] dates) {
        List<MilestoneDate> ms = new ArrayList<>();
        List<HorizonAt> hs = new ArrayList<>();
        for (TrendKind k : fit.kinds()) {
            TrendCurve c = fit.curve(k).orElseThrow();
            for (Milestone m : milestones) {
                ms.add(new MilestoneDate(k, m, c.dateReaching(m.minutes()), fit.milestoneInterval(k, m.minutes())));
            }
            for (double d : dates) {
                hs.add(new HorizonAt(k, d, c.horizonAt(d), fit.band(k, d)));
            }
        }
        return new Projection(fit, ms, hs);
    }

    /**
     * @param kind a shape
     * @return its milestone dates, in milestone order
     */
    public List<MilestoneDate> milestones(TrendKind kind) {
        return milestones.stream().filter(m -> m.kind() == kind).toList();
    }

    /**
     * @param kind a shape
     * @return its horizons at the dates, in date order
     */
    public List<HorizonAt> horizons(TrendKind kind) {
        return horizons.stream().filter(h -> h.kind() == kind).toList();
    }
}
