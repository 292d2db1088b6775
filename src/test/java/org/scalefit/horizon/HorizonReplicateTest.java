package org.scalefit.horizon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scalefit.stats.Seeds;
import org.scalefit.stats.Stream;

/**
 * Each bootstrap replicate of a model's logistic fit, replayed: the replicate's generator
 * ({@code Seeds.random(seed, HORIZON_BOOTSTRAP, b)}) is drawn here in the documented order (families,
 * then tasks within each drawn family; or tasks alone), the drawn copies of each task are counted here, and
 * the weighted logistic regression on those counts is refitted by {@link Logistic} (itself checked against
 * scikit-learn in {@code LogisticTest}). With one run per task and weights per run, a task drawn c times
 * out of N runs weighs c/N and succeeds with c/N times its score. Twenty replicates span two of the
 * bootstrap's chunks of sixteen, so a count left over from the previous replicate of a chunk shows.
 * With several runs per task (the task-run level) the runs of each drawn copy are drawn again, replayed
 * the same way, with the Binomial CDF of the tabulated groups summed here term by term.
 */
class HorizonReplicateTest {
    private static final int TASKS = 12;
    private static final double[] SCORE = {1, 1, 0, 1, 1, 0, 1, 0, 0, 1, 0, 0};

    private static Runs runs() {
        Runs.Builder b = Runs.builder("mem");
        for (int t = 0; t < TASKS; t++) {
            b.add("m", "t" + t, "f" + t / 3, Math.pow(2, t), SCORE[t]);
        }
        return b.build();
    }

    private static void replay(Resampling level) {
        HorizonOptions o = HorizonOptions.defaults().withBootstrap(20).withSeed(5).withWeighting(Weighting.PER_RUN)
                .withResampling(level);
        HorizonResult fit = Horizons.fit(runs(), o);
        HorizonBootstrap boot = fit.bootstrap().orElseThrow();
        double[] intercepts = boot.intercepts("m");
        double[] slopes = boot.slopes("m");
        Logistic solver = new Logistic();
        for (int b = 0; b < 20; b++) {
            SplittableRandom rng = Seeds.random(5, Stream.HORIZON_BOOTSTRAP, b);
            int[] copies = new int[TASKS];
            if (level == Resampling.FAMILY_TASK_RUN) {
                for (int i = 0; i < 4; i++) {
                    int f = rng.nextInt(4);
                    for (int j = 0; j < 3; j++) {
                        copies[3 * f + rng.nextInt(3)]++;
                    }
                }
            } else {
                for (int i = 0; i < TASKS; i++) {
                    copies[rng.nextInt(TASKS)]++;
                }
            }
            double[] x = new double[TASKS];
            double[] w = new double[TASKS];
            double[] v = new double[TASKS];
            int n = 0;
            for (int t = 0; t < TASKS; t++) {
                if (copies[t] > 0) {
                    x[n] = t;
                    w[n] = copies[t] / (double) TASKS;
                    v[n] = w[n] * SCORE[t];
                    n++;
                }
            }
            int status = solver.fit(x, w, v, n, o.c(), Double.NaN, Double.NaN);
            if (status == Logistic.OK) {
                assertEquals(solver.intercept(), intercepts[b], 1e-7, level + " replicate " + b + " intercept");
                assertEquals(solver.slope(), slopes[b], 1e-7, level + " replicate " + b + " slope");
            } else {
                assertEquals(Double.NaN, slopes[b], level + " replicate " + b + ": status " + status);
            }
        }
    }

    @Test
    void taskReplicatesAreTheReplayedDraws() {
        replay(Resampling.TASK);
    }

    @Test
    void familyTaskRunReplicatesAreTheReplayedDraws() {
        replay(Resampling.FAMILY_TASK_RUN);
    }

    /** P(X ≤ j) for X ~ Binomial(n, k/n), summed term by term. */
    private static double binomialCdf(int n, int k, int j) {
        double p = (double) k / n;
        double sum = 0;
        for (int i = 0; i <= j; i++) {
            double c = 1;
            for (int r = 0; r < i; r++) {
                c = c * (n - r) / (r + 1);
            }
            sum += c * Math.pow(p, i) * Math.pow(1 - p, n - i);
        }
        return sum;
    }

    @Test
    void runsWithinADrawnTaskAreDrawnAgain() {
        // tasks of 4 and 3 binary runs (each copy's runs drawn one by one), of 20 binary runs (each copy's
        // successes drawn at once by inverting the Binomial(20, k/20) CDF), all-failed and all-succeeded
        // tasks (nothing to draw), and a task of fractional scores (runs drawn by index)
        double[][] scores = {{1, 0, 1, 0}, {1, 1, 1, 1}, {0, 0, 0, 0}, new double[20], new double[20], {0, 1, 0},
            {0.2, 0.5, 0.9}};
        for (int r = 0; r < 15; r++) {
            scores[3][r] = 1;
        }
        for (int r = 0; r < 6; r++) {
            scores[4][r] = 1;
        }
        int tasks = scores.length;
        Runs.Builder builder = Runs.builder("mem");
        int total = 0;
        for (int t = 0; t < tasks; t++) {
            for (double score : scores[t]) {
                builder.add("m", "t" + t, "f" + t, Math.pow(2, t), score);
                total++;
            }
        }
        HorizonOptions o = HorizonOptions.defaults().withBootstrap(20).withSeed(9).withWeighting(Weighting.PER_RUN)
                .withResampling(Resampling.TASK_RUN);
        HorizonBootstrap boot = Horizons.fit(builder.build(), o).bootstrap().orElseThrow();
        double[] slopes = boot.slopes("m");
        double[] intercepts = boot.intercepts("m");
        Logistic solver = new Logistic();
        for (int b = 0; b < 20; b++) {
            SplittableRandom rng = Seeds.random(9, Stream.HORIZON_BOOTSTRAP, b);
            int[] copies = new int[tasks];
            for (int i = 0; i < tasks; i++) {
                copies[rng.nextInt(tasks)]++;
            }
            double[] x = new double[tasks];
            double[] w = new double[tasks];
            double[] v = new double[tasks];
            int n = 0;
            for (int t = 0; t < tasks; t++) {
                if (copies[t] == 0) {
                    continue;
                }
                int size = scores[t].length;
                int k = (int) java.util.Arrays.stream(scores[t]).filter(z -> z == 1).count();
                boolean binary = java.util.Arrays.stream(scores[t]).allMatch(z -> z == 0 || z == 1);
                double successes = 0;
                if (!binary) {
                    for (int d = 0; d < copies[t] * size; d++) {
                        successes += scores[t][rng.nextInt(size)];
                    }
                } else if (k == 0 || k == size) {
                    successes = copies[t] * k;
                } else if (size > 16) {
                    for (int c = 0; c < copies[t]; c++) {
                        double u = rng.nextDouble();
                        int j = 0;
                        while (j < size && binomialCdf(size, k, j) <= u) {
                            j++;
                        }
                        successes += j;
                    }
                } else {
                    for (int d = 0; d < copies[t] * size; d++) {
                        successes += rng.nextInt(size) < k ? 1 : 0;
                    }
                }
                x[n] = t;
                w[n] = copies[t] * size / (double) total;
                v[n] = successes / total;
                n++;
            }
            int status = solver.fit(x, w, v, n, o.c(), Double.NaN, Double.NaN);
            if (status == Logistic.OK) {
                assertEquals(solver.intercept(), intercepts[b], 1e-7, "replicate " + b + " intercept");
                assertEquals(solver.slope(), slopes[b], 1e-7, "replicate " + b + " slope");
            } else {
                assertEquals(Double.NaN, slopes[b], "replicate " + b + ": status " + status);
            }
        }
    }

    @Test
    void taskRunReplicatesOfSingleRunsAreTheTaskDraws() {
        // one binary run per task: drawing runs within a task has nothing to draw
        replay(Resampling.TASK_RUN);
    }
}
