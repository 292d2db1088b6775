package org.scalefit.model.expr;

/**
 * A binary operator of a formula: {@code + - * /} and the power {@code ^} (also written {@code **}).
 * Precedence from loosest to tightest: {@code + -}, then {@code * /}, then unary minus, then
 * {@code ^}; {@code + - * /} associate to the left and {@code ^} to the right, so
 * {@code a-b-c = (a-b)-c}, {@code 2^3^2 = 2^9 = 512} and {@code -2^2 = -4}.
 *
 * <pre>{@code
 * Operator.POWER.apply(2, 10);   // 1024.0
 * Operator.DIVIDE.apply(1, 0);   // Infinity (IEEE arithmetic)
 * }</pre>
 */
public enum Operator {
    /** Addition a + b. */
    ADD("+", 1),
    /** Subtraction a − b. */
    SUBTRACT("-", 1),
    /** Multiplication a·b (also typed {@code ·}, {@code ⋅} or {@code ×}). */
    MULTIPLY("*", 2),
    /** Division a / b (also typed {@code ÷}). */
    DIVIDE("/", 2),
    /**
     * Power a^b (also typed {@code **}). Integer exponents with |b| ≤ 16 are computed by repeated
     * multiplication (within a few ulps of {@link Math#pow}, and many times faster); others by
     * {@link Math#pow}, so a negative base with a non-integer exponent gives NaN.
     */
    POWER("^", 4);

    private final String symbol;
    private final int precedence;

    Operator(String symbol, int precedence) {
        this.symbol = symbol;
        this.precedence = precedence;
    }

    /** @return the ASCII symbol used when printing, e.g. {@code "^"} */
    public String symbol() {
        return symbol;
    }

    /**
     * @return binding strength: 1 for {@code + -}, 2 for {@code * /}, 4 for {@code ^} (unary minus is
     *         3, atoms 5)
     */
    public int precedence() {
        return precedence;
    }

    /**
     * Applies the operator with IEEE semantics (division by zero gives ±∞ or NaN).
     *
     * @param a left operand
     * @param b right operand
     * @return a op b
     */
    public double apply(double a, double b) {
        return switch (this) {
            case ADD -> a + b;
            case SUBTRACT -> a - b;
            case MULTIPLY -> a * b;
            case DIVIDE -> a / b;
            case POWER -> Ops.pow(a, b);
        };
    }
}
