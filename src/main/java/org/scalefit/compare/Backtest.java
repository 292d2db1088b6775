package org.scalefit.compare;

/**
 * An extrapolation backtest of one law: fitted on all but the k points of largest x, then asked to
 * predict those k. Errors are in the comparison's residual space — in log space ln y − ln ŷ, so an
 * RMSE of 0.02 means predictions off by about 2%.
 *
 * <pre>{@code
 * Backtest b = candidate.backtest();
 * if (b.available()) System.out.println(b.rmse() + " over the " + b.holdout() + " largest x");
 * }</pre>
 *
 * @param holdout   number of held-out points (the largest x)
 * @param trainedOn number of points the law was fitted on
 * @param rmse      root mean square error of the held-out predictions (NaN when unavailable)
 * @param bias      mean error (positive: the law predicts too low), NaN when unavailable
 * @param maxError  largest absolute error, NaN when unavailable
 * @param note      why the backtest is unavailable, or empty
 */
public record Backtest(int holdout, int trainedOn, double rmse, double bias, double maxError, String note) {
    /** @return true when the backtest was run */
    public boolean available() {
        return Double.isFinite(rmse);
    }
}
