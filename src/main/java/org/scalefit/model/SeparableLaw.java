package org.scalefit.model;

/**
 * A law that is a non-negative combination of basis functions, f(x; c, θ) = Σₖ cₖ·φₖ(x; θ) with
 * every cₖ ≥ 0: for fixed nonlinear parameters θ the linear coefficients c can be solved for
 * directly (variable projection), which leaves the optimiser a search over θ alone. Chinchilla's
 * E + A/N^α + B/D^β is the example: c = (E, A, B), φ = (1, N^−α, D^−β), θ = (α, β).
 *
 * <p>The linear coefficients must have {@link ParameterDomain#POSITIVE} domain in the law and the
 * basis must be non-negative, so that f &gt; 0 whenever some cₖ &gt; 0.
 *
 * <pre>{@code
 * SeparableLaw law = new ChinchillaLaw();
 * double[] phi = new double[law.linearParameters().length];
 * law.basis(new double[] {1e9, 2e10}, new double[] {1.8, 480, 2100, 0.35, 0.37}, phi);
 * // phi = {1, 1e9^−0.35, 2e10^−0.37}
 * }</pre>
 */
public interface SeparableLaw extends Law {

    /** @return indices (into {@link #parameters()}) of the linear coefficients cₖ, in basis order */
    int[] linearParameters();

    /** @return indices (into {@link #parameters()}) of the nonlinear parameters θ */
    int[] nonlinearParameters();

    /**
     * Writes the basis values φₖ(x; θ) into {@code out}, in the order of {@link #linearParameters()}.
     * Only the nonlinear entries of {@code p} are read.
     *
     * @param x   predictor values of one point
     * @param p   a full parameter vector (its linear entries are ignored)
     * @param out receives the basis values, each ≥ 0
     */
    void basis(double[] x, double[] p, double[] out);
}
