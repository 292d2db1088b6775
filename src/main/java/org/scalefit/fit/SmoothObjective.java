package org.scalefit.fit;

/**
 * A smooth function of the optimiser's coordinates θ with its gradient, evaluated in one pass.
 * Implementations own their scratch buffers (one instance per optimiser run), so an evaluation
 * allocates nothing.
 */
interface SmoothObjective {
    /** @return the number of coordinates */
    int dimension();

    /**
     * @param theta the point
     * @param grad  receives the gradient (left unspecified when the value is not finite)
     * @return the value, or +∞ where the model cannot be evaluated
     */
    double evaluate(double[] theta, double[] grad);
}
