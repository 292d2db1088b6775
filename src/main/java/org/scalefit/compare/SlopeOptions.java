package org.scalefit.compare;

import java.util.List;
import org.scalefit.InvalidDataException;
import org.scalefit.InvalidOptionException;
import org.scalefit.OptionKey;
import org.scalefit.fit.FitOptions;
import org.scalefit.model.Law;
import org.scalefit.model.PowerLaw;

/**
 * How two curves are compared by {@link SlopeComparison}.
 *
 * <pre>{@code
 * SlopeOptions o = new SlopeOptions(new PowerLaw(), FitOptions.defaults(), List.of(1e21, 1e23), List.of(2.0), 1000, 2, false);
 * }</pre>
 *
 * @param law               the law fitted to both (it must have a parameter {@code alpha})
 * @param fitOptions        options of both fits (seed included)
 * @param atCompute         compute values at which to give the multiplier
 * @param atLoss            loss values at which to give the multiplier
 * @param replicates        bootstrap replicates per data set (0: delta-method intervals)
 * @param threads           threads for the bootstrap
 * @param allowUnitMismatch true to skip the same-units check
 */
public record SlopeOptions(Law law, FitOptions fitOptions, List<Double> atCompute, List<Double> atLoss, int replicates,
                           int threads, boolean allowUnitMismatch) {
    /**
     * Copies the lists and validates.
     *
     * @param law               the law fitted to both (it must have a parameter {@code alpha})
     * @param fitOptions        options of both fits (seed included)
     * @param atCompute         compute values at which to give the multiplier
     * @param atLoss            loss values at which to give the multiplier
     * @param replicates        bootstrap replicates per data set (0: delta-method intervals)
     * @param threads           threads for the bootstrap
     * @param allowUnitMismatch true to skip the same-units check
     * @throws InvalidDataException if a component is outside its domain (the message says which)
     */
    public SlopeOptions {
        atCompute = List.copyOf(atCompute);
        atLoss = List.copyOf(atLoss);
        for (double c : atCompute) {
            if (!(c > 0) || !Double.isFinite(c)) {
                throw new InvalidOptionException(OptionKey.AT.label() + " needs compute values > 0, got " + c);
            }
        }
        for (double l : atLoss) {
            if (!Double.isFinite(l)) {
                throw new InvalidOptionException(OptionKey.AT_LOSS.label() + " needs finite values, got " + l);
            }
        }
        if (replicates < 0) {
            throw new InvalidOptionException(OptionKey.BOOTSTRAP.label() + " must be ≥ 0, got " + replicates);
        }
        if (threads < 1) {
            throw new InvalidDataException("threads must be ≥ 1, got " + threads);
        }
    }

    /**
     * @param atCompute compute values for the multiplier
     * @param atLoss    loss values for the multiplier
     * @return power law, default fit options, delta-method intervals, one thread
     */
    public static SlopeOptions powerLaw(List<Double> atCompute, List<Double> atLoss) {
        return new SlopeOptions(new PowerLaw(), FitOptions.defaults(), atCompute, atLoss, 0, 1, false);
    }
}
