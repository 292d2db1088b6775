package org.scalefit.optimal;

import java.util.SplittableRandom;
import org.scalefit.data.Observations;
import org.scalefit.model.ChinchillaLaw;

/**
 * Seeded synthetic data for the joint-law tests, generated from a known Chinchilla law
 * L = E + A/N^α + B/D^β over Chinchilla-like ranges (Hoffmann et al. 2022 trained 70M to 16B
 * parameters on 5B to 500B tokens): N and D log-uniform in [7e7, 1.6e10] and [5e9, 5e11], and the loss
 * multiplied by exp(σ·z), z standard normal (noise in log space, as the fit assumes).
 */
final class Synthetic {
    /** Hoffmann et al.'s (2022) published Approach 3 parameters. */
    static final double[] HOFFMANN = {1.69, 406.4, 410.7, 0.34, 0.28};
    /** Epoch AI's refit (Besiroglu et al. 2024). */
    static final double[] EPOCH = {1.8172, 482.01, 2085.43, 0.3478, 0.3658};
    /** A steeper law with a larger data term. */
    static final double[] STEEP = {2.2, 1500, 20000, 0.45, 0.5};

    private Synthetic() {
    }

    /**
     * @param p     true (E, A, B, alpha, beta)
     * @param n     number of runs
     * @param sigma log-space noise
     * @param seed  seed
     * @return observations with predictors N ("params"), D ("tokens") and response "loss"
     */
    static Observations chinchilla(double[] p, int n, double sigma, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        ChinchillaLaw law = new ChinchillaLaw();
        double[] nn = new double[n];
        double[] dd = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            nn[i] = Math.exp(rng.nextDouble(Math.log(7e7), Math.log(1.6e10)));
            dd[i] = Math.exp(rng.nextDouble(Math.log(5e9), Math.log(5e11)));
            y[i] = law.value(new double[] {nn[i], dd[i]}, p) * Math.exp(sigma * rng.nextGaussian());
        }
        return Observations.builder().source("synthetic").predictor("N", "params", nn).predictor("D", "tokens", dd)
                .response("loss", y).build();
    }

    /** The same data as CSV text with columns params, tokens, compute (= 6·N·D), loss. */
    static String csv(Observations data) {
        StringBuilder s = new StringBuilder("params,tokens,compute,loss\n");
        for (int i = 0; i < data.size(); i++) {
            s.append(data.x(0, i)).append(',').append(data.x(1, i)).append(',').append(6 * data.x(0, i) * data.x(1, i))
                    .append(',').append(data.y(i)).append('\n');
        }
        return s.toString();
    }
}
