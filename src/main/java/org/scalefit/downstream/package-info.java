/**
 * From compute to benchmark scores: predict a large model's loss and its downstream metric (an error
 * or an accuracy) from a ladder of small runs, in two steps — a loss law L(N, D) fitted to the runs'
 * losses, then a link metric(L) fitted to (loss, metric) pairs — with the direct alternative (the metric
 * straight from N and D, Krajewski et al. 2025) alongside for comparison.
 *
 * <p>The uncertainty is carried through both steps: a delta-method interval combines the loss law's
 * and the link's covariance, and {@link org.scalefit.downstream.TwoStepBootstrap} resamples whole model
 * runs and refits <i>both</i> steps on every replicate, so the metric's interval includes the loss
 * law's uncertainty. A warning says when a fitting set barely determines its law (Gadre et al.'s default
 * fit has 5 runs for 4 parameters). {@link org.scalefit.downstream.Backtest} leaves the largest
 * fitting runs out, predicts them, and says whether the task was predictable.
 *
 * <p>The laws live in {@code org.scalefit.model}: {@code OvertrainingLaw} (Gadre et al. 2024),
 * {@code ExpDecayLink}, {@code SigmoidLink} (Bhagia et al. 2024) and {@code DirectAccuracyLaw}.
 *
 * <pre>{@code
 * DownstreamData data = DownstreamData.read(TableReader.read(Path.of("models.csv")),
 *         DownstreamColumns.of("N=params_N", "D=tokens_D", "loss_c4_val", "err_avg_17", "run_name"),
 *         RowSelection.parse(List.of("dataset==rpj"), List.of("in_loss_fit==1"), List.of("in_error_fit==1"),
 *                 List.of("is_target==1")));
 * DownstreamModel model = DownstreamModel.of(new OvertrainingLaw(), new ExpDecayLink())
 *         .withLossOptions(FitOptions.builder().space(Space.LINEAR).solver(Solver.VARPRO).build());
 * DownstreamFit fit = TwoStep.fit(data, model);
 * List<DownstreamPrediction> p = fit.predictTargets();         // the rows selected for prediction
 * TwoStepBootstrap.Result boot = TwoStepBootstrap.run(fit, fit.targets(), 1000, 42, 4, Progress.NONE);
 * BacktestResult backtest = Backtest.run(fit, Backtest.defaultHoldOut(fit));
 * }</pre>
 */
package org.scalefit.downstream;
