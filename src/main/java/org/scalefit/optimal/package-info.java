/**
 * Compute-optimal allocation: given a training budget of C FLOPs, how large a model (N parameters)
 * and how many tokens (D) minimise the loss, and what loss that reaches.
 *
 * <p>Three routes, as in Hoffmann et al. (2022):
 * <ul>
 * <li>From a fitted joint law L(N, D) = E + A/N^α + B/D^β ({@link org.scalefit.optimal.ComputeOptimal},
 * their Approach 3): with C ≈ 6·N·D the optimum is N_opt = G·(C/6)^a, D_opt = G^(−1)·(C/6)^b with
 * G = (αA/(βB))^(1/(α+β)), a = β/(α+β), b = α/(α+β). {@link org.scalefit.optimal.OptimalAllocation}
 * attaches intervals by the delta method (from the fit's covariance) or by the bootstrap (from refitted
 * replicates).</li>
 * <li>IsoFLOP profiles ({@link org.scalefit.optimal.IsoFlop}, Approach 2): per compute budget a parabola
 * of loss in ln N, its minimum, then power laws of N_opt and D_opt in C; runs grouped by exact compute or
 * by the nearest budget within a tolerance; intervals by {@link org.scalefit.optimal.IsoFlopBootstrap}.</li>
 * <li>The lower envelope of training curves ({@link org.scalefit.optimal.Envelope}, Approach 1): per
 * FLOP budget the run with the lowest loss, then the same power laws.</li>
 * </ul>
 */
package org.scalefit.optimal;
