package org.scalefit.optimal;

import org.scalefit.fit.Estimate;

/**
 * The compute-optimal allocation at one budget, each figure with its interval (NaN bounds when no
 * uncertainty is available).
 *
 * <pre>{@code
 * Allocation a = OptimalAllocation.delta(fit).at(1e23);
 * System.out.println(a.nOpt().value() + " parameters, " + a.tokensPerParameter().value() + " tokens each");
 * }</pre>
 *
 * @param compute            the budget C in FLOP
 * @param nOpt               N_opt(C), parameters
 * @param dOpt               D_opt(C), tokens
 * @param tokensPerParameter D_opt/N_opt
 * @param loss               the loss reached, L(N_opt, D_opt)
 */
public record Allocation(double compute, Estimate nOpt, Estimate dOpt, Estimate tokensPerParameter, Estimate loss) {
}
