package org.scalefit.compare;

import java.util.Locale;
import org.scalefit.InvalidDataException;
import org.scalefit.InvalidOptionException;
import org.scalefit.OptionKey;

/**
 * How the break test runs.
 *
 * <pre>{@code
 * BreakOptions o = BreakOptions.defaults().withHoldout(5);
 * }</pre>
 *
 * @param trend       the trend that may break: {@code power-law} (ln y linear in ln x), {@code exponential}
 *                    or {@code doubling} (ln y linear in x, e.g. a date)
 * @param level       false-alarm rate of the whole test (both checks together), e.g. 0.05
 * @param holdout     points at the end held out by the prediction check; 0 means a third of the data
 * @param simulations Monte Carlo draws of the null distribution of the max likelihood-ratio statistic
 * @param seed        seed of the simulations
 * @param threads     threads for the simulations; does not change the result
 */
public record BreakOptions(String trend, double level, int holdout, int simulations, long seed, int threads) {
    /**
     * Validates.
     *
     * @param trend       the trend that may break: {@code power-law} (ln y linear in ln x), {@code exponential}
     *                    or {@code doubling} (ln y linear in x, e.g. a date)
     * @param level       false-alarm rate of the whole test (both checks together), e.g. 0.05
     * @param holdout     points at the end held out by the prediction check; 0 means a third of the data
     * @param simulations Monte Carlo draws of the null distribution of the max likelihood-ratio statistic
     * @param seed        seed of the simulations
     * @param threads     threads for the simulations; does not change the result
     * @throws InvalidDataException if a component is outside its domain (the message says which)
     */
    public BreakOptions {
        trend = trend.trim().toLowerCase(Locale.ROOT);
        if (!trend.equals("power-law") && !trend.equals("exponential") && !trend.equals("doubling")) {
            throw new InvalidDataException("breaks tests a power-law, exponential or doubling trend, got \"" + trend + "\"");
        }
        if (!(level > 0 && level < 0.5)) {
            throw new InvalidOptionException(OptionKey.LEVEL.label() + " must lie in (0, 0.5), got " + level);
        }
        if (holdout < 0) {
            throw new InvalidOptionException(OptionKey.HOLDOUT.label() + " must be ≥ 0, got " + holdout);
        }
        if (simulations < 99) {
            throw new InvalidOptionException(OptionKey.SIMULATIONS.label() + " must be ≥ 99 for a usable p-value, got " + simulations);
        }
        if (threads < 1) {
            throw new InvalidDataException("threads must be ≥ 1, got " + threads);
        }
    }

    /** @return power law, level 0.05, the last third held out, 999 simulations, the default seed, one thread */
    public static BreakOptions defaults() {
        return new BreakOptions("power-law", 0.05, 0, 999, org.scalefit.fit.FitOptions.DEFAULT_SEED, 1);
    }

    /**
     * @param k points held out at the end
     * @return these options with that holdout
     */
    public BreakOptions withHoldout(int k) {
        return new BreakOptions(trend, level, k, simulations, seed, threads);
    }

    /** @return true when the trend is linear in ln x (a power law), false when linear in x */
    public boolean logX() {
        return trend.equals("power-law");
    }
}
