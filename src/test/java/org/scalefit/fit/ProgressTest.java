package org.scalefit.fit;

import org.scalefit.stats.Parallel;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scalefit.Progress;
import org.scalefit.data.Observations;
import org.scalefit.model.OffsetPowerLaw;
import org.scalefit.uncertainty.Bootstrap;
import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.Resampler;

/** Progress listeners see every unit of work once, end at the total, and never change a result. */
class ProgressTest {
    private static Observations data() {
        SplittableRandom rng = new SplittableRandom(11);
        double[] x = new double[25];
        double[] y = new double[25];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.pow(10, 17 + 6.0 * i / (x.length - 1));
            y[i] = (1.8 + 1000 * Math.pow(x[i], -0.15)) * Math.exp(0.02 * rng.nextGaussian());
        }
        return Observations.of(x, y);
    }

    @Test
    void parallelForEachReportsEveryTaskOnAnyThreadCount() {
        for (int threads : new int[] {1, 4}) {
            List<Long> seen = Collections.synchronizedList(new ArrayList<>());
            double[] out = new double[1000];
            Parallel.forEach(threads, out.length, i -> out[i] = Math.sqrt(i), (done, total) -> {
                assertEquals(1000, total);
                seen.add(done);
            });
            assertEquals(1001, seen.size(), "one update before the work and one per task");
            assertEquals(1000L, Collections.max(seen));
            assertEquals(1000L, seen.stream().distinct().count() - 1, "each count reported once (0 … 1000)");
            assertEquals(Math.sqrt(999), out[999], 0);
        }
    }

    @Test
    void stagesMapOntoTheWhole() {
        List<long[]> seen = new ArrayList<>();
        Progress whole = (done, total) -> seen.add(new long[] {done, total});
        whole.stage(1000, 1000, 2000).update(50, 200);
        whole.stage(0, 1000, 2000).update(1000, 1000);
        assertArrayEquals(new long[] {1250, 2000}, seen.get(0), "a quarter of the second half");
        assertArrayEquals(new long[] {1000, 2000}, seen.get(1));
        assertTrue(Progress.NONE.stage(0, 1, 2) == Progress.NONE);
    }

    @Test
    void bootstrapReportsReplicatesThenJackknifeAndGivesTheSameResult() {
        Fit fit = Fitter.fit(new OffsetPowerLaw(), data(), FitOptions.defaults());
        List<long[]> seen = Collections.synchronizedList(new ArrayList<>());
        BootstrapResult with = Bootstrap.run(fit, Resampler.rows(), 200, 7, 2, (d, t) -> seen.add(new long[] {d, t}));
        BootstrapResult without = Bootstrap.run(fit, Resampler.rows(), 200, 7, 2);
        long total = 200 + 25;   // replicates, then one jackknife refit per point
        assertTrue(seen.stream().allMatch(u -> u[1] == total), "the total is replicates plus jackknife units");
        assertEquals(total, seen.stream().mapToLong(u -> u[0]).max().getAsLong());
        assertArrayEquals(without.replicates()[17], with.replicates()[17], 0, "progress never changes a result");
        assertEquals(without.succeeded(), with.succeeded());
    }

    @Test
    void gridFitsReportEveryStart() {
        List<long[]> seen = Collections.synchronizedList(new ArrayList<>());
        FitOptions grid = FitOptions.builder().starts(Starts.random(30)).threads(2).build();
        Fit with = Fitter.fit(new OffsetPowerLaw(), data(), grid, (d, t) -> seen.add(new long[] {d, t}));
        Fit without = Fitter.fit(new OffsetPowerLaw(), data(), grid);
        assertEquals(31, with.startsTried(), "the data-driven start and 30 random ones");
        assertTrue(seen.stream().allMatch(u -> u[1] == 31));
        assertEquals(31L, seen.stream().mapToLong(u -> u[0]).max().getAsLong());
        assertArrayEquals(without.values(), with.values(), 0);
    }
}
