package org.scalefit.horizon;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.scalefit.data.Dates;
import org.scalefit.stats.Seeds;

/**
 * Synthetic agent runs from known horizons: models released at even intervals whose true 50%
 * horizon doubles every {@code doublingDays}; tasks log-uniform in length, grouped in families;
 * each run succeeds with probability σ(β·(log2 h − log2 t)).
 */
final class SyntheticRuns {
    final Runs runs;
    final double[] dates;
    final double[] trueHorizons;
    final List<String> models = new ArrayList<>();

    SyntheticRuns(long seed, int models, int families, int tasksPerFamily, int runsPerTask, double doublingDays,
                  double beta, double firstDay, double lastDay, double firstHorizon, double minMinutes, double maxMinutes) {
        SplittableRandom rng = Seeds.random(seed, 99, 0);
        int tasks = families * tasksPerFamily;
        double[] minutes = new double[tasks];
        for (int t = 0; t < tasks; t++) {
            minutes[t] = Math.exp(Math.log(minMinutes) + rng.nextDouble() * (Math.log(maxMinutes) - Math.log(minMinutes)));
        }
        dates = new double[models];
        trueHorizons = new double[models];
        Runs.Builder b = Runs.builder("synthetic-" + seed);
        for (int m = 0; m < models; m++) {
            dates[m] = firstDay + (lastDay - firstDay) * m / (models - 1);
            trueHorizons[m] = firstHorizon * Math.pow(2, (dates[m] - firstDay) / doublingDays);
            String name = "model-" + m;
            this.models.add(name);
            for (int t = 0; t < tasks; t++) {
                double z = beta * (Math.log(trueHorizons[m] / minutes[t]) / Math.log(2));
                double p = 1 / (1 + Math.exp(-z));
                for (int r = 0; r < runsPerTask; r++) {
                    b.add(name, "f" + (t / tasksPerFamily) + "/t" + t, "f" + (t / tasksPerFamily), minutes[t],
                            rng.nextDouble() < p ? 1 : 0);
                }
            }
        }
        runs = b.build();
    }

    static SyntheticRuns metrLike(long seed) {
        return new SyntheticRuns(seed, 12, 24, 3, 4, 212, 0.7, Dates.toEpochDay("2019-06-01"),
                Dates.toEpochDay("2025-06-01"), 0.1, 0.02, 2000);
    }
}
