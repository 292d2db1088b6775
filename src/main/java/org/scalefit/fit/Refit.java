package org.scalefit.fit;

/**
 * The lean result of {@link Fitter#refit}: the fitted parameters and the minimised objective, and how
 * the optimiser ended — what a bootstrap replicate, a jackknife deletion or one fit of a large sweep
 * needs, without the covariance, diagnostics and warnings a {@link Fit} computes.
 *
 * <pre>{@code
 * Refit r = Fitter.refit(new PowerLaw(), data, FitOptions.defaults());
 * double alpha = r.value(1);              // parameters in the law's order
 * }</pre>
 */
public final class Refit {
    private final double[] values;
    private final double objective;
    private final boolean converged;
    private final String reason;

    Refit(double[] values, double objective, boolean converged, String reason) {
        this.values = values.clone();
        this.objective = objective;
        this.converged = converged;
        this.reason = reason;
    }

    /** @return the fitted parameters (fixed ones included), in the law's order; a copy */
    public double[] values() {
        return values.clone();
    }

    /**
     * @param j parameter index in the law's order
     * @return its fitted value
     */
    public double value(int j) {
        return values[j];
    }

    /** @return the minimised Σ ρ(√wᵢ·rᵢ), as {@link Fit#objective()} */
    public double objective() {
        return objective;
    }

    /** @return whether the best run converged, as {@link Fit#converged()} */
    public boolean converged() {
        return converged;
    }

    /** @return why the optimiser stopped, as {@link Fit#convergenceReason()} */
    public String convergenceReason() {
        return reason;
    }
}
