package org.scalefit.horizon;

import java.util.List;
import java.util.OptionalInt;
import org.scalefit.InvalidDataException;
import org.scalefit.stats.Interval;

/**
 * The replicates of a hierarchical horizon bootstrap: for every replicate and model, the refitted
 * intercept and slope, from which the horizon at any success probability follows. Replicate b
 * drew its resample from {@code Seeds.random(seed, 3, b)}, so the replicates are the same on any
 * number of threads.
 *
 * <p>A replicate in which a model has no successes (or no failures) has no finite fit; its
 * horizon counts as 0 (or +∞) minutes in the intervals — below the shortest (above the longest)
 * task — so a model on the edge of the task range gets an honest, open-ended interval. (METR's
 * pipeline skips such replicates instead.) A replicate in which a model ran none of the drawn
 * tasks has no value and is left out.
 *
 * <pre>{@code
 * HorizonBootstrap boot = result.bootstrap().orElseThrow();
 * double[] p50s = boot.horizons("o1", 0.5);            // one per replicate
 * Interval ci = boot.interval("o1", 0.8, 0.95);
 * }</pre>
 */
public final class HorizonBootstrap {
    static final byte ABSENT = -1;

    private final List<String> models;
    private final int replicates;
    private final long seed;
    private final Resampling resampling;
    private final double[] intercepts;
    private final double[] slopes;
    private final byte[] status;

    HorizonBootstrap(List<String> models, int replicates, long seed, Resampling resampling, double[] intercepts,
                     double[] slopes, byte[] status) {
        this.models = List.copyOf(models);
        this.replicates = replicates;
        this.seed = seed;
        this.resampling = resampling;
        this.intercepts = intercepts;
        this.slopes = slopes;
        this.status = status;
    }

    /** @return the number of replicates */
    public int replicates() {
        return replicates;
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /** @return what was resampled */
    public Resampling resampling() {
        return resampling;
    }

    /** @return the model names, in the order of the fit */
    public List<String> models() {
        return models;
    }

    private int index(String model) {
        int m = models.indexOf(model);
        if (m < 0) {
            throw new InvalidDataException("no model \"" + model + "\" in the bootstrap; models are: " + String.join(", ", models));
        }
        return m;
    }

    /**
     * The p-horizon of a model in every replicate, in minutes: 0 for a replicate without
     * successes, +∞ for one without failures, NaN for one without a value.
     *
     * @param model model name
     * @param p     success probability in (0, 1)
     * @return one value per replicate
     */
    public double[] horizons(String model, double p) {
        return horizons(index(model), p);
    }

    double[] horizons(int m, double p) {
        int k = models.size();
        double[] out = new double[replicates];
        for (int b = 0; b < replicates; b++) {
            int i = b * k + m;
            out[b] = switch (status[i]) {
                case Logistic.OK -> Logistic.horizon(p, intercepts[i], slopes[i]);
                case Logistic.NO_SUCCESSES -> 0.0;
                case Logistic.ALL_SUCCESSES -> Double.POSITIVE_INFINITY;
                default -> Double.NaN;
            };
        }
        return out;
    }

    /**
     * @param model model name
     * @return the refitted slope b1 in every replicate (NaN where there is no finite fit)
     */
    public double[] slopes(String model) {
        return column(slopes, index(model));
    }

    /**
     * @param model model name
     * @return the refitted intercept b0 in every replicate (NaN where there is no finite fit)
     */
    public double[] intercepts(String model) {
        return column(intercepts, index(model));
    }

    private double[] column(double[] values, int m) {
        int k = models.size();
        double[] out = new double[replicates];
        for (int b = 0; b < replicates; b++) {
            out[b] = status[b * k + m] == Logistic.OK ? values[b * k + m] : Double.NaN;
        }
        return out;
    }

    /**
     * @param model model name
     * @param p     success probability
     * @param level confidence level
     * @return the percentile interval of the p-horizon, minutes
     */
    public Interval interval(String model, double p, double level) {
        return Interval.percentile(horizons(model, p), level);
    }

    /**
     * @param model model name
     * @return replicates in which the model had no successes or no failures
     */
    public int degenerate(String model) {
        int m = index(model);
        int k = models.size();
        int n = 0;
        for (int b = 0; b < replicates; b++) {
            byte s = status[b * k + m];
            if (s == Logistic.NO_SUCCESSES || s == Logistic.ALL_SUCCESSES) {
                n++;
            }
        }
        return n;
    }

    /**
     * @param model model name
     * @return replicates without a value (no drawn task, or a failed fit)
     */
    public int missing(String model) {
        int m = index(model);
        int k = models.size();
        int n = 0;
        for (int b = 0; b < replicates; b++) {
            byte s = status[b * k + m];
            if (s == ABSENT || s == Logistic.NOT_CONVERGED || s == Logistic.EMPTY) {
                n++;
            }
        }
        return n;
    }

    /**
     * @param model model name
     * @return its index in {@link #models()}, if present
     */
    public OptionalInt indexOf(String model) {
        int m = models.indexOf(model);
        return m < 0 ? OptionalInt.empty() : OptionalInt.of(m);
    }
}
