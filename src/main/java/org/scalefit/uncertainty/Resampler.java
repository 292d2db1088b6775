package org.scalefit.uncertainty;

import java.util.SplittableRandom;
import org.scalefit.data.Observations;

/**
 * How one bootstrap replicate of the data is drawn. Implementations are stateless: all randomness
 * comes from the generator handed in, which the {@link Bootstrap} derives from (seed, replicate index),
 * so a replicate is the same whatever thread runs it.
 *
 * <pre>{@code
 * Resampler rows = Resampler.rows();
 * Observations replicate = rows.resample(data, Seeds.random(42, 2, 0));
 * }</pre>
 */
@FunctionalInterface
public interface Resampler {

    /**
     * @param data the original observations
     * @param rng  this replicate's generator
     * @return a resampled data set
     */
    Observations resample(Observations data, SplittableRandom rng);

    /** @return a short name for reports, e.g. {@code rows} */
    default String name() {
        return "custom";
    }

    /** @return the iid row bootstrap: n rows drawn with replacement */
    static Resampler rows() {
        return new Resampler() {
            @Override
            public Observations resample(Observations data, SplittableRandom rng) {
                int n = data.size();
                int[] idx = new int[n];
                for (int i = 0; i < n; i++) {
                    idx[i] = rng.nextInt(n);
                }
                return data.select(idx);
            }

            @Override
            public String name() {
                return "rows";
            }
        };
    }
}
