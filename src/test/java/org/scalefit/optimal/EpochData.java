package org.scalefit.optimal;

import java.nio.file.Path;
import java.util.Arrays;
import org.scalefit.SharedData;
import org.scalefit.data.DataSpec;
import org.scalefit.data.Observations;

/**
 * Epoch AI's digitisation of Chinchilla's Figure 4 (Besiroglu et al. 2024), read from
 * {@code ../shared/reference-data/epoch-chinchilla/svg_extracted_data.csv} as Epoch used it:
 * N = "Model Size", D = "Training FLOP"/(6·N), L = "loss", without the 5 highest-loss points (240 remain).
 */
final class EpochData {
    static final String RELATIVE = "reference-data/epoch-chinchilla/svg_extracted_data.csv";
    static final Path FILE = SharedData.ROOT.resolve(RELATIVE);
    /** Epoch's best objective from Hoffmann's grid (their notebook; also SciPy here). */
    static final double OBJECTIVE = 0.0010182740;
    /** Epoch's "replicate exactly" optimum: E, A, B, alpha, beta. */
    static final double[] PARAMETERS = {1.8172, 477.84, 2143.86, 0.34731, 0.36718};

    private EpochData() {
    }

    /** Skips the calling test when the data is absent, or fails it under CI=true ({@link SharedData}). */
    static void require() {
        SharedData.require(RELATIVE);
    }

    /** @return all 245 rows */
    static Observations all() {
        return DataSpec.builder().predictor("N=Model Size").derived("D=Training FLOP/(6*Model Size)").response("loss")
                .build().load(FILE).observations();
    }

    /** @return the 240 rows Epoch fitted: losses below the 5th largest */
    static Observations epoch240() {
        Observations all = all();
        return dropHighestLoss(all, 5);
    }

    static Observations dropHighestLoss(Observations data, int drop) {
        double[] y = data.yValues();
        double[] sorted = y.clone();
        Arrays.sort(sorted);
        double threshold = sorted[sorted.length - drop];
        int[] keep = new int[y.length];
        int m = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] < threshold) {
                keep[m++] = i;
            }
        }
        return data.select(Arrays.copyOf(keep, m));
    }
}
