package org.scalefit.model.expr;

import java.util.List;
import java.util.Optional;

/**
 * A function of one argument that a formula may call: {@code exp}, {@code log} (natural, also
 * {@code ln}), {@code log10}, {@code sqrt}, {@code sin}, {@code cos}, {@code tan} (radians),
 * {@code atan} (principal value in [−π/2, π/2], also {@code arctan}) and {@code abs}. Evaluation
 * follows {@link Math}: {@code log(0) = −∞}, {@code log(−1) = NaN}, {@code sqrt(−1) = NaN}.
 *
 * <pre>{@code
 * MathFunction f = MathFunction.byName("arctan").orElseThrow();   // ATAN
 * f.apply(1.0);                                                   // 0.7853981633974483 (π/4)
 * f.canonicalName();                                              // "atan"
 * }</pre>
 */
public enum MathFunction {
    /** e^u. */
    EXP("exp"),
    /** Natural logarithm ln u; also written {@code ln}. */
    LOG("log", "ln"),
    /** Base-10 logarithm. */
    LOG10("log10"),
    /** Square root. */
    SQRT("sqrt"),
    /** Sine of an angle in radians. */
    SIN("sin"),
    /** Cosine of an angle in radians. */
    COS("cos"),
    /** Tangent of an angle in radians. */
    TAN("tan"),
    /** Principal-value arctangent, in [−π/2, π/2]; also written {@code arctan}. */
    ATAN("atan", "arctan"),
    /** Absolute value; its derivative u/|u| is NaN at u = 0. */
    ABS("abs");

    private static final String KNOWN = String.join(", ", allNames());

    private final List<String> names;

    MathFunction(String... names) {
        this.names = List.of(names);
    }

    /** @return the name used when printing, e.g. {@code log} for both {@code log} and {@code ln} */
    public String canonicalName() {
        return names.get(0);
    }

    /** @return every name a formula may use for this function, canonical name first */
    public List<String> names() {
        return names;
    }

    /**
     * @param x the argument
     * @return f(x)
     */
    public double apply(double x) {
        return switch (this) {
            case EXP -> Math.exp(x);
            case LOG -> Math.log(x);
            case LOG10 -> Math.log10(x);
            case SQRT -> Math.sqrt(x);
            case SIN -> Math.sin(x);
            case COS -> Math.cos(x);
            case TAN -> Math.tan(x);
            case ATAN -> Math.atan(x);
            case ABS -> Math.abs(x);
        };
    }

    /**
     * @param name a function name as typed in a formula (case-sensitive)
     * @return the function, or empty when the name is not a known function
     */
    public static Optional<MathFunction> byName(String name) {
        for (MathFunction f : values()) {
            if (f.names.contains(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** @return the known names for error messages: {@code exp, log, ln, log10, sqrt, sin, cos, tan, atan, arctan, abs} */
    public static String knownNames() {
        return KNOWN;
    }

    private static List<String> allNames() {
        return java.util.Arrays.stream(values()).flatMap(f -> f.names.stream()).toList();
    }
}
