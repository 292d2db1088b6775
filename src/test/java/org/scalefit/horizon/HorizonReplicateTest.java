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

    @Test
    void taskRunReplicatesOfSingleRunsAreTheTaskDraws() {
        // one binary run per task: drawing runs within a task has nothing to draw
        replay(Resampling.TASK_RUN);
    }
}
