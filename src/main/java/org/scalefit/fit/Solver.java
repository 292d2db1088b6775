package org.scalefit.fit;

import java.util.Locale;
import org.scalefit.InvalidDataException;
import org.scalefit.InvalidOptionException;
import org.scalefit.OptionKey;

/**
 * Which optimiser the engine runs from each start.
 *
 * <ul>
 * <li>{@link #AUTO}: Levenberg–Marquardt for squares; L-BFGS on Σ ρ for robust losses (Huber,
 * asymmetric), which measured faster and more accurate than reweighting rounds (see the README).</li>
 * <li>{@link #LM}: Levenberg–Marquardt (Commons Math), wrapped in iteratively reweighted least squares
 * for robust losses.</li>
 * <li>{@link #LBFGS}: limited-memory BFGS on the objective Σ ρ(rᵢ) with the analytic gradient.</li>
 * <li>{@link #VARPRO}: variable projection for {@link org.scalefit.model.SeparableLaw separable laws}
 * such as Chinchilla's: the linear coefficients (E, A, B ≥ 0) are solved for exactly at each value of
 * the nonlinear ones (α, β), which leaves a 2-dimensional search; starts that differ only in the
 * linear coefficients collapse into one.</li>
 * </ul>
 *
 * <pre>{@code
 * FitOptions options = FitOptions.builder().loss(Loss.huber(1e-3)).solver(Solver.VARPRO).build();
 * }</pre>
 */
public enum Solver {
    /** LM for squares, L-BFGS for robust losses. */
    AUTO,
    /** Levenberg–Marquardt (with reweighting for robust losses). */
    LM,
    /** Limited-memory BFGS on the robust objective. */
    LBFGS,
    /** Variable projection for separable laws. */
    VARPRO;

    /**
     * @param text {@code auto}, {@code lm}, {@code lbfgs} or {@code varpro} (case-insensitive)
     * @return the solver
     * @throws InvalidDataException for anything else
     */
    public static Solver parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> AUTO;
            case "lm", "levenberg-marquardt" -> LM;
            case "lbfgs", "l-bfgs" -> LBFGS;
            case "varpro", "projection", "variable-projection" -> VARPRO;
            default -> throw new InvalidOptionException("unknown " + OptionKey.SOLVER.label() + " \"" + text + "\": use auto, lm, lbfgs or varpro");
        };
    }

    /** @return the name as the command line writes it */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
