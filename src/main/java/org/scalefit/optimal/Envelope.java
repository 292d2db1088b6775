package org.scalefit.optimal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalefit.InvalidDataException;

/**
 * Hoffmann et al.'s (2022) Approach 1, the lower envelope of training curves: each run (one model size
 * N) logs its loss as it trains; at training compute C = 6·N·D (D the tokens seen so far) the curves of
 * different sizes cross, and for each FLOP budget the run with the lowest loss marks the compute-optimal
 * size. Budgets are spaced evenly in ln C over the range the runs cover; at each, every run whose curve
 * reaches it contributes its loss interpolated linearly in ln C, and a budget needs at least two such
 * runs (else the "envelope" is just whichever run happens to be long enough). Then N_opt = k·C^a and
 * D_opt = C/(6·N_opt) = k'·C^b are fitted in log-log space.
 *
 * <p>As Hoffmann et al. note, intermediate points of one run are not what a run trained to that length
 * would reach (the learning-rate schedule is set for the final length), so the envelope is an
 * approximation; for curves generated from a joint law it recovers the law's exponents up to the
 * spacing of the model sizes.
 *
 * <pre>{@code
 * Envelope.Result r = Envelope.fit(params, tokens, loss, runIds, 40);   // one row per logged point
 * double a = r.nOpt().exponent();
 * }</pre>
 */
public final class Envelope {
    private Envelope() {
    }

    /**
     * One budget on the envelope.
     *
     * @param compute C, FLOP
     * @param run     the run with the lowest loss there
     * @param nOpt    its model size
     * @param dOpt    C/(6·N), tokens
     * @param loss    its interpolated loss
     * @param runs    how many runs reach this budget
     */
    public record Point(double compute, String run, double nOpt, double dOpt, double loss, int runs) {
    }

    /**
     * @param envelope the budgets, ascending
     * @param nOpt     N_opt = k·C^a
     * @param dOpt     D_opt = k'·C^b
     */
    public record Result(List<Point> envelope, ScalingFit nOpt, ScalingFit dOpt) {
        /**
         * Copies the list.
         *
         * @param envelope the budgets, ascending
         * @param nOpt     N_opt = k·C^a
         * @param dOpt     D_opt = k'·C^b
         */
        public Result {
            envelope = List.copyOf(envelope);
        }
    }

    /**
     * @param params  model size N of the run each row belongs to (&gt; 0)
     * @param tokens  tokens seen so far D (&gt; 0)
     * @param loss    loss logged at that point
     * @param run     run label of each row (rows of one run share it and its N)
     * @param budgets number of FLOP budgets (≥ 2)
     * @return the envelope and the power laws
     * @throws InvalidDataException for bad lengths or values, a run with two sizes, or fewer than 2 budgets
     *                              reached by 2 runs
     */
    public static Result fit(double[] params, double[] tokens, double[] loss, String[] run, int budgets) {
        int n = params.length;
        if (tokens.length != n || loss.length != n || run.length != n) {
            throw new InvalidDataException("envelope fit needs params, tokens, loss and run of equal length");
        }
        if (budgets < 2) {
            throw new InvalidDataException("envelope fit needs at least 2 budgets, got " + budgets);
        }
        Map<String, List<Integer>> byRun = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (!(params[i] > 0) || !(tokens[i] > 0) || !Double.isFinite(loss[i]) || !Double.isFinite(params[i])
                    || !Double.isFinite(tokens[i])) {
                throw new InvalidDataException("envelope fit needs params > 0, tokens > 0 and a finite loss: row " + (i + 1)
                        + " has params " + params[i] + ", tokens " + tokens[i] + ", loss " + loss[i]);
            }
            byRun.computeIfAbsent(run[i], k -> new ArrayList<>()).add(i);
        }
        List<Curve> curves = new ArrayList<>();
        double cmin = Double.POSITIVE_INFINITY;
        double cmax = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, List<Integer>> e : byRun.entrySet()) {
            Curve c = Curve.of(e.getKey(), e.getValue(), params, tokens, loss);
            curves.add(c);
            cmin = Math.min(cmin, c.lnC[0]);
            cmax = Math.max(cmax, c.lnC[c.lnC.length - 1]);
        }
        List<Point> points = new ArrayList<>();
        for (int b = 0; b < budgets; b++) {
            double lnC = cmin + (cmax - cmin) * b / (budgets - 1);
            Curve best = null;
            double bestLoss = Double.POSITIVE_INFINITY;
            int reaching = 0;
            for (Curve c : curves) {
                double l = c.lossAt(lnC);
                if (Double.isNaN(l)) {
                    continue;
                }
                reaching++;
                if (l < bestLoss) {
                    bestLoss = l;
                    best = c;
                }
            }
            if (reaching >= 2) {
                double compute = Math.exp(lnC);
                points.add(new Point(compute, best.name, best.n, compute / (6 * best.n), bestLoss, reaching));
            }
        }
        if (points.size() < 2) {
            throw new InvalidDataException("envelope fit needs at least 2 FLOP budgets reached by 2 or more runs, found "
                    + points.size());
        }
        double[] c = new double[points.size()];
        double[] nn = new double[points.size()];
        double[] dd = new double[points.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = points.get(i).compute();
            nn[i] = points.get(i).nOpt();
            dd[i] = points.get(i).dOpt();
        }
        return new Result(points, ScalingFit.of(c, nn), ScalingFit.of(c, dd));
    }

    /** One run's loss against ln C, sorted by C. */
    private record Curve(String name, double n, double[] lnC, double[] loss) {
        static Curve of(String name, List<Integer> rows, double[] params, double[] tokens, double[] loss) {
            double n = params[rows.get(0)];
            for (int i : rows) {
                if (params[i] != n) {
                    throw new InvalidDataException("run \"" + name + "\" has two model sizes (" + n + " and " + params[i]
                            + "); give each run one size");
                }
            }
            Integer[] order = rows.toArray(new Integer[0]);
            Arrays.sort(order, (a, b) -> Double.compare(tokens[a], tokens[b]));
            double[] lc = new double[order.length];
            double[] l = new double[order.length];
            for (int k = 0; k < order.length; k++) {
                lc[k] = Math.log(6 * n * tokens[order[k]]);
                l[k] = loss[order[k]];
            }
            return new Curve(name, n, lc, l);
        }

        /** Loss interpolated linearly in ln C; NaN outside the run's range. */
        double lossAt(double x) {
            int m = lnC.length;
            if (x < lnC[0] - 1e-12 || x > lnC[m - 1] + 1e-12) {
                return Double.NaN;
            }
            if (m == 1) {
                return loss[0];
            }
            int k = Arrays.binarySearch(lnC, x);
            if (k >= 0) {
                return loss[k];
            }
            int hi = Math.min(Math.max(-k - 1, 1), m - 1);
            int lo = hi - 1;
            double t = (x - lnC[lo]) / (lnC[hi] - lnC[lo]);
            return loss[lo] + Math.max(0, Math.min(1, t)) * (loss[hi] - loss[lo]);
        }
    }
}
