package org.scalefit.horizon;

/**
 * Where a trend's intervals come from. Either way the trend is refitted to every replicate set
 * of horizons (frontier fixed), so the intervals reflect how well each model's horizon is
 * measured — METR's method — and not the scatter of models about the trend, which the
 * residual-based {@link TrendFit#doublingTimeOlsInterval()} reflects instead.
 *
 * <pre>{@code
 * if (fit.uncertainty() == UncertaintySource.PUBLISHED_INTERVALS) System.out.println("parametric");
 * }</pre>
 */
public enum UncertaintySource {
    /** Refits on bootstrap replicates of the horizons, computed from the runs. */
    RUN_BOOTSTRAP("run-bootstrap", "refit on the hierarchical-bootstrap replicates of every model's horizon (from the runs)"),
    /**
     * Refits on parametric replicates: each model's ln(horizon) drawn independently from a split
     * normal whose halves match its published interval in log space.
     */
    PUBLISHED_INTERVALS("published-intervals", "refit on parametric draws of every model's ln horizon from its published "
            + "interval (split normal in log space, models independent)"),
    /**
     * Refits on resamples of the models themselves (a pairs bootstrap, models drawn with replacement), for points
     * that carry no interval of their own — training compute of notable models, say — where the scatter of the
     * models about the trend is the uncertainty.
     */
    MODEL_BOOTSTRAP("model-bootstrap", "refit on resamples of the models (drawn with replacement): the points carry no "
            + "intervals of their own"),
    /** No per-model uncertainty was available (and no replicates were asked for): only the residual-based interval. */
    NONE("none", "no per-model intervals: only the OLS interval from the scatter about the trend");

    private final String code;
    private final String description;

    UncertaintySource(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** @return the JSON code */
    public String code() {
        return code;
    }

    /** @return one line for reports */
    public String description() {
        return description;
    }
}
