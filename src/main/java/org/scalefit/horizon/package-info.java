/**
 * Time horizons: METR's measure of what AI agents can do (Kwa et al. 2025, "Measuring AI Ability
 * to Complete Long Tasks"), its trend over model release dates, and projections.
 *
 * <p>The pieces, in the order of the analysis:
 * <ol>
 *   <li>{@link org.scalefit.horizon.RunReader} reads runs (METR's JSON Lines as they are, or CSV)
 *       into compact {@link org.scalefit.horizon.Runs}.</li>
 *   <li>{@link org.scalefit.horizon.Horizons#fit} fits, per model, the weighted, L2-penalised
 *       logistic regression of success on log2(task minutes) that METR uses, reads the p-horizons
 *       2^((logit p − b0)/b1) from it ({@link org.scalefit.horizon.ModelHorizon}), and bootstraps
 *       families → tasks → runs in parallel ({@link org.scalefit.horizon.HorizonBootstrap});
 *       {@link org.scalefit.horizon.Horizons#successBuckets} gives the empirical success rates
 *       per length bin for plotting.</li>
 *   <li>{@link org.scalefit.horizon.Frontier} picks the state-of-the-art models and
 *       {@link org.scalefit.horizon.Trends#fit} fits ln(horizon) against release date — exponential
 *       (the doubling time), piecewise with a break date, and superexponential — compares them by
 *       AIC/BIC and refits every replicate set of horizons for intervals
 *       ({@link org.scalefit.horizon.TrendFit}); horizons can also come from a published table
 *       ({@link org.scalefit.horizon.HorizonTable}).</li>
 *   <li>{@link org.scalefit.horizon.Projection} gives the date each
 *       {@link org.scalefit.horizon.Milestone} (1 hour, a work-day, week, month, year) is reached
 *       and the horizon at future dates, with intervals, for every trend shape.</li>
 * </ol>
 *
 * <pre>{@code
 * Runs runs = RunReader.read(Path.of("all_runs.jsonl"));
 * HorizonResult horizons = Horizons.fit(runs, HorizonOptions.defaults());
 * Map<String, Double> released = HorizonTable.releaseDates(Path.of("release_dates.yaml"));
 * List<HorizonPoint> points = new ArrayList<>();
 * for (ModelHorizon h : horizons.models()) {
 *     if (h.fitted() && released.containsKey(h.model())) {
 *         points.add(HorizonPoint.of(h.model(), released.get(h.model()), h.p50())
 *                 .withReplicates(horizons.bootstrap().orElseThrow().horizons(h.model(), 0.5)));
 *     }
 * }
 * TrendFit trend = Trends.fit(points, TrendOptions.defaults().withFrontier(true));
 * Projection p = Projection.of(trend, Milestone.defaults(), new double[0]);
 * }</pre>
 */
package org.scalefit.horizon;
