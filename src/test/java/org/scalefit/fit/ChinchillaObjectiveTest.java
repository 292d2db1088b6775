package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scalefit.SharedData;
import org.scalefit.data.DataSpec;
import org.scalefit.data.Observations;
import org.scalefit.model.ChinchillaLaw;
import org.scalefit.model.Space;

/**
 * The engine's Chinchilla objective in log space with Huber δ = 1e-3 is exactly Epoch AI's
 * Σ Huber_δ(LSE(a − α·ln N, b − β·ln D, e) − ln L), summed, in the coordinates (e, a, b, α, β) =
 * (ln E, ln A, ln B, α, β). The reference values were computed with SciPy 1.17 on Epoch's 240 points:
 * <pre>
 * pred = logsumexp([a - al*np.log(N), b - be*np.log(D), e*np.ones_like(N)], axis=0)
 * np.sum(scipy.special.huber(1e-3, pred - np.log(L)))
 * </pre>
 */
class ChinchillaObjectiveTest {
    private static final String EPOCH = "reference-data/epoch-chinchilla/svg_extracted_data.csv";
    private static final Path FILE = SharedData.ROOT.resolve(EPOCH);

    private static Problem problem(Observations data) {
        ChinchillaLaw law = new ChinchillaLaw();
        Transform[] tr = new Transform[5];
        for (int j = 0; j < 5; j++) {
            tr[j] = Transform.of(law.domain(j), null);
        }
        return new Problem(law, data, Space.LOG, new int[] {0, 1, 2, 3, 4}, tr, new double[5], new Bound[5], new boolean[5], 0, java.util.List.of());
    }

    private static Observations epoch240() {
        Observations all = DataSpec.builder().predictor("N=Model Size").derived("D=Training FLOP/(6*Model Size)")
                .response("loss").build().load(FILE).observations();
        double[] y = all.yValues();
        double[] s = y.clone();
        Arrays.sort(s);
        double threshold = s[s.length - 5];
        return all.select(java.util.stream.IntStream.range(0, y.length).filter(i -> y[i] < threshold).toArray());
    }

    @Test
    void objectiveEqualsScipyOnEpochData() {
        SharedData.require(EPOCH);
        Observations data = epoch240();
        assertEquals(240, data.size());
        Problem problem = problem(data);
        Loss huber = Loss.huber(1e-3);
        SmoothObjective kernel = ChinchillaKernel.forProblem(problem, huber);
        SmoothObjective generic = new RobustObjective(problem, huber);
        assertTrue(kernel != null, "the Chinchilla problem gets the fast kernel");
        double[][] thetas = {
            {0.59711196, 6.17795598, 7.64273236, 0.34781303, 0.36585412},
            {Math.log(1.69), Math.log(406.4), Math.log(410.7), 0.34, 0.28},
            {0.5, 5.0, 10.0, 1.0, 0.5},
            {Math.log(1.8172), Math.log(477.84), Math.log(2143.86), 0.34731, 0.36718}};
        double[] scipy = {0.0010186447052158423, 0.0041210091362803795, 0.08489912819028078, 0.0010182748003498456};
        double[] g = new double[5];
        for (int k = 0; k < thetas.length; k++) {
            assertEquals(scipy[k], kernel.evaluate(thetas[k], g), 1e-12 * scipy[k], "kernel at point " + k);
            assertEquals(scipy[k], generic.evaluate(thetas[k], g), 1e-12 * scipy[k], "generic at point " + k);
        }
    }

    /** The kernel and the law-generic evaluation agree in value and gradient, and the gradient is the derivative. */
    @Test
    void kernelMatchesGenericPathAndFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(11);
        int n = 120;
        double[] nn = new double[n];
        double[] dd = new double[n];
        double[] y = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            nn[i] = Math.exp(rng.nextDouble(Math.log(7e7), Math.log(2e10)));
            dd[i] = Math.exp(rng.nextDouble(Math.log(5e9), Math.log(5e11)));
            y[i] = (1.8 + 480 / Math.pow(nn[i], 0.35) + 2100 / Math.pow(dd[i], 0.37)) * Math.exp(0.02 * rng.nextGaussian());
            w[i] = 0.5 + rng.nextDouble();
        }
        Observations data = Observations.builder().predictor("N", nn).predictor("D", dd).response("loss", y)
                .weights("w", w).build();
        agreeAt(problem(data), rng);
        // A bootstrap replicate: repeated rows sit together in canonical order and the kernel reuses a row's
        // exponentials for the next row with the same predictors; the generic path evaluates every row.
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = rng.nextInt(n);
        }
        Problem replicate = problem(data.select(rows));
        int repeats = 0;
        for (int i = 1; i < n; i++) {
            repeats += replicate.xRows[i][0] == replicate.xRows[i - 1][0] ? 1 : 0;
        }
        assertTrue(repeats > 30, "the replicate repeats rows: " + repeats);
        agreeAt(replicate, rng);
        // A grid in the manner of an IsoFLOP sweep: each size under six token counts, the largest of which is the
        // next size's smallest, so that in canonical order neighbours share the size (within a size) or the token
        // count (across sizes) but not both, and must not share an evaluation.
        int g = 36;
        double[] gn = new double[g];
        double[] gd = new double[g];
        double[] gy = new double[g];
        for (int i = 0; i < g; i++) {
            gn[i] = 1e8 * Math.pow(3, i / 6);
            gd[i] = 2e9 * Math.pow(2, 5 * (i / 6) + i % 6);
            gy[i] = (1.8 + 480 / Math.pow(gn[i], 0.35) + 2100 / Math.pow(gd[i], 0.37)) * Math.exp(0.02 * rng.nextGaussian());
        }
        Problem grid = problem(Observations.builder().predictor("N", gn).predictor("D", gd).response("loss", gy).build());
        int sameSizeOnly = 0;
        int sameTokensOnly = 0;
        for (int i = 1; i < g; i++) {
            boolean sameN = grid.xRows[i][0] == grid.xRows[i - 1][0];
            boolean sameD = grid.xRows[i][1] == grid.xRows[i - 1][1];
            sameSizeOnly += sameN && !sameD ? 1 : 0;
            sameTokensOnly += sameD && !sameN ? 1 : 0;
        }
        assertEquals(30, sameSizeOnly, "neighbours sharing the size alone");
        assertEquals(5, sameTokensOnly, "neighbours sharing the token count alone");
        agreeAt(grid, rng);
    }

    private static void agreeAt(Problem problem, SplittableRandom rng) {
        for (Loss loss : new Loss[] {Loss.huber(1e-3), Loss.huber(0.05), Loss.squares(), Loss.asymmetric(0.2)}) {
            SmoothObjective kernel = ChinchillaKernel.forProblem(problem, loss);
            SmoothObjective generic = new RobustObjective(problem, loss);
            for (int trial = 0; trial < 20; trial++) {
                double[] t = {rng.nextDouble(-1, 1.5), rng.nextDouble(0, 12), rng.nextDouble(0, 12), rng.nextDouble(0, 1),
                    rng.nextDouble(0, 1)};
                double[] gk = new double[5];
                double[] gg = new double[5];
                double fk = kernel.evaluate(t, gk);
                double fg = generic.evaluate(t, gg);
                assertEquals(fg, fk, 1e-11 * Math.abs(fg), loss.spec());
                for (int j = 0; j < 5; j++) {
                    double h = 1e-6;
                    double[] up = t.clone();
                    double[] down = t.clone();
                    up[j] += h;
                    down[j] -= h;
                    double fd = (kernel.evaluate(up, new double[5]) - kernel.evaluate(down, new double[5])) / (2 * h);
                    double scale = Math.max(Math.abs(gk[j]), 1e-3 * fk);
                    assertEquals(gg[j], gk[j], 1e-9 * scale, "gradient " + j + " generic vs kernel, " + loss.spec());
                    assertEquals(fd, gk[j], 2e-4 * scale + 1e-10, "gradient " + j + " vs finite difference, " + loss.spec());
                }
            }
        }
    }
}
