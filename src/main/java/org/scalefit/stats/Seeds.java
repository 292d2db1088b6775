package org.scalefit.stats;

import java.util.SplittableRandom;

/**
 * Reproducible randomness: every random stream is derived from (seed, stream, index) alone, so
 * replicate 17 draws the same numbers whether it runs first on one thread or last on sixteen.
 *
 * <pre>{@code
 * SplittableRandom rng = Seeds.random(42, Stream.BOOTSTRAP, 17);   // bootstrap replicate 17
 * }</pre>
 */
public final class Seeds {
    private Seeds() {
    }

    /**
     * @param seed   the user's seed
     * @param stream which use of randomness
     * @param index  the replicate or start index
     * @return an independent generator for that replicate
     */
    public static SplittableRandom random(long seed, Stream stream, long index) {
        return random(seed, stream.id(), index);
    }

    /**
     * @param seed   the user's seed
     * @param stream a stream id: one of {@link Stream}'s, or another for a use outside the library
     * @param index  the replicate or start index
     * @return an independent generator for that replicate
     */
    public static SplittableRandom random(long seed, int stream, long index) {
        return new SplittableRandom(mix(mix(seed) ^ mix(stream * 0x9E3779B97F4A7C15L + index)));
    }

    /** SplitMix64's finaliser: a bijective scramble of 64 bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
