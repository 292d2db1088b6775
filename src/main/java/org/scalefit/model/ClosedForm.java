package org.scalefit.model;

/**
 * Capability: the law is exactly one of a few closed forms that other parts of scalefit know by heart —
 * the fitting engine evaluates them over all rows at once (ln x, ln N and ln D computed once per problem,
 * ln A once per evaluation), and compute-optimal allocation solves the Chinchilla form in closed form.
 * A law that says so promises that its {@code value}, {@code gradient}, {@code logValue} and
 * {@code logGradient} are the form's expressions, in its parameter order, computed the same way (the
 * engine's kernels are held bit-identical to the law's own methods by a test).
 *
 * <p>Code outside {@code model} asks for this capability instead of checking for a concrete law class,
 * so a new law that has one of these forms gets the fast path by implementing this interface.
 *
 * <pre>{@code
 * Law law = new PowerLaw();
 * boolean fast = law instanceof ClosedForm c && c.form() == ClosedForm.Form.POWER;   // true
 * }</pre>
 */
public interface ClosedForm extends Law {
    /** The forms, each with its parameter order. */
    enum Form {
        /** y = a·x^(−α), parameters (a, alpha). */
        POWER,
        /** y = E + A·x^(−α), parameters (E, A, alpha). */
        OFFSET_POWER,
        /** L = E + A/N^α + B/D^β, parameters (E, A, B, alpha, beta) (Hoffmann et al. 2022). */
        CHINCHILLA
    }

    /** @return the form this law is */
    Form form();

    /**
     * @param law  any law
     * @param form a form
     * @return true when {@code law} declares that form
     */
    static boolean is(Law law, Form form) {
        return law instanceof ClosedForm c && c.form() == form;
    }
}
