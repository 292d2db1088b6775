package org.scalefit.optimal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scalefit.InvalidDataException;
import org.scalefit.Progress;
import org.scalefit.stats.Seeds;
import org.scalefit.stats.Stream;

/**
 * The IsoFLOP bootstrap on two budgets of three runs each, where every replicate is known without refitting
 * anything: a resample of three runs either holds all three sizes — the budget's own runs, so the fit's own
 * parabola and N_opt — or fewer than three distinct sizes, and then no parabola. The replicates without a
 * minimum are counted here by replaying each replicate's draws from its generator,
 * {@code Seeds.random(seed, Stream.ISOFLOP_BOOTSTRAP, b)} (three {@code nextInt(3)} per budget, the second budget
 * drawn only when the first succeeded); about 1 − (2/9)² = 95% of them. Every other replicate equals the fit, so each
 * percentile interval is the fit's value to rounding.
 */
class IsoFlopBootstrapTest {
    private static final double[] C = {1e20, 1e20, 1e20, 1e22, 1e22, 1e22};
    /** Sizes in the order of the rows, N* = 0.1·√C times ½, 1, 2 (shuffled within the second budget). */
    private static final double[] N = {0.5e9, 1e9, 2e9, 2e10, 0.5e10, 1e10};
    /** L = 2 + 0.05·(ln N − ln N*)². */
    private static final double[] LOSS = new double[6];

    static {
        for (int i = 0; i < 6; i++) {
            double d = Math.log(N[i] / (0.1 * Math.sqrt(C[i])));
            LOSS[i] = 2 + 0.05 * d * d;
        }
    }

    private static int withoutMinimum(int replicates, long seed) {
        int failed = 0;
        for (int b = 0; b < replicates; b++) {
            SplittableRandom rng = Seeds.random(seed, Stream.ISOFLOP_BOOTSTRAP, b);
            for (int budget = 0; budget < 2; budget++) {
                boolean[] seen = new boolean[3];
                int distinct = 0;
                for (int k = 0; k < 3; k++) {
                    int draw = rng.nextInt(3);
                    if (!seen[draw]) {
                        seen[draw] = true;
                        distinct++;
                    }
                }
                if (distinct < 3) {
                    failed++;
                    break;
                }
            }
        }
        return failed;
    }

    @Test
    void replicatesThatHoldEveryRunAreTheFitAndTheOthersAreCounted() {
        IsoFlop.Result fit = IsoFlop.fit(C, N, LOSS);
        double[] at = {1e24, 1e21};
        IsoFlopBootstrap.Result boot = IsoFlopBootstrap.run(fit, N, LOSS, at, 400, 7, 0.9, 1, Progress.NONE);
        int failed = withoutMinimum(400, 7);
        assertEquals(failed, boot.withoutMinimum());
        assertEquals(400 - failed, boot.used());
        assertEquals(400, boot.requested());
        assertEquals(7, boot.seed());
        assertEquals(0.9, boot.level(), 0.0);
        assertArrayEquals(at, boot.at(), 0.0);
        assertEquals(400 - failed, boot.a().used());
        assertEquals(failed, boot.a().excluded());
        assertEquals(0.5, boot.a().lower(), 1e-10);
        assertEquals(0.5, boot.a().upper(), 1e-10);
        assertEquals(0.5, boot.b().lower(), 1e-10);
        assertEquals(0.5, boot.b().upper(), 1e-10);
        for (int j = 0; j < at.length; j++) {
            double n = 0.1 * Math.sqrt(at[j]);
            assertEquals(n, boot.nOpt().get(j).lower(), 1e-8 * n);
            assertEquals(n, boot.nOpt().get(j).upper(), 1e-8 * n);
            assertEquals(at[j] / (6 * n), boot.dOpt().get(j).upper(), 1e-8 * at[j] / (6 * n));
        }
        // the same on two threads: each replicate draws from its own generator
        IsoFlopBootstrap.Result two = IsoFlopBootstrap.run(fit, N, LOSS, at, 400, 7, 0.9, 2, Progress.NONE);
        assertEquals(failed, two.withoutMinimum());
    }

    @Test
    void oneReplicateIsEnoughAndBadArgumentsAreRefused() {
        IsoFlop.Result fit = IsoFlop.fit(C, N, LOSS);
        double[] at = {1e24};
        assertEquals(1, IsoFlopBootstrap.run(fit, N, LOSS, at, 1, 7, 0.9, 1, Progress.NONE).requested());
        assertEquals("the IsoFLOP bootstrap needs at least 1 replicate, got 0", assertThrows(InvalidDataException.class,
                () -> IsoFlopBootstrap.run(fit, N, LOSS, at, 0, 7, 0.9, 1, Progress.NONE)).getMessage());
        for (double level : new double[] {0, 1}) {
            assertEquals("the confidence level must lie in (0, 1), got " + level, assertThrows(InvalidDataException.class,
                    () -> IsoFlopBootstrap.run(fit, N, LOSS, at, 10, 7, level, 1, Progress.NONE)).getMessage());
        }
        assertEquals("compute to read N_opt off at must be finite and > 0, got 0.0", assertThrows(InvalidDataException.class,
                () -> IsoFlopBootstrap.run(fit, N, LOSS, new double[] {0}, 10, 7, 0.9, 1, Progress.NONE)).getMessage());
        assertThrows(InvalidDataException.class,
                () -> IsoFlopBootstrap.run(fit, N, LOSS, new double[] {Double.POSITIVE_INFINITY}, 10, 7, 0.9, 1, Progress.NONE));
        assertEquals("params and loss differ in length: 6 and 5", assertThrows(InvalidDataException.class,
                () -> IsoFlopBootstrap.run(fit, N, java.util.Arrays.copyOf(LOSS, 5), at, 10, 7, 0.9, 1, Progress.NONE)).getMessage());
        double[] five = java.util.Arrays.copyOf(N, 5);
        assertEquals("the IsoFLOP fit refers to run 6 but only 5 runs were given", assertThrows(InvalidDataException.class,
                () -> IsoFlopBootstrap.run(fit, five, java.util.Arrays.copyOf(LOSS, 5), at, 10, 7, 0.9, 1, Progress.NONE))
                .getMessage());
    }
}
