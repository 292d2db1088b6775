package org.scalefit.model.expr;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.scalefit.InvalidDataException;

/**
 * An immutable parsed formula such as {@code b1*(1-exp(-b2*x))}: a tree of numbers, named
 * constants ({@code pi}), variables, negations, binary operators and function calls.
 *
 * <p>Grammar, loosest binding first: {@code + -} (left-associative), {@code * /}
 * (left-associative), unary {@code -} and {@code +}, power {@code ^} or {@code **}
 * (right-associative; its exponent may carry a sign), then numbers ({@code 12}, {@code 1.5},
 * {@code .5}, {@code 1e-3}, {@code 2.5E+10}), identifiers ({@code [A-Za-z_][A-Za-z0-9_]*}),
 * function calls {@code f(u)} and parentheses. So {@code 2^3^2 = 512}, {@code -2^2 = -4},
 * {@code 2**-1 = 0.5}, {@code a-b-c = (a-b)-c}. The functions are those of {@link MathFunction};
 * {@code pi} is π; every other identifier is a variable (a predictor or a parameter). Pasted
 * symbols {@code ·}, {@code ⋅}, {@code ×} (multiply), {@code ÷} (divide) and {@code −} (minus) are
 * accepted, and so is any Unicode space. There is no implicit multiplication: {@code 2x} is an error.
 *
 * <p>Trees are at most {@value #MAX_DEPTH} levels deep (parentheses, signs and operators all
 * count), which keeps every recursive algorithm far from the stack limit; deeper input is rejected
 * with a clear message.
 *
 * <p>{@link #toString()} prints a formula that parses back to an expression with the same value
 * everywhere, with only the parentheses the tree needs ({@code b1*(1 - exp(-b2*x))}).
 * {@link #derivative(String)} differentiates symbolically with light simplification, and
 * {@link #compile(List)} prepares fast repeated evaluation.
 *
 * <pre>{@code
 * Expression f = Expression.parse("b1*(1-exp(-b2*x))");
 * f.variables();                          // [b1, b2, x]
 * f.derivative("b2").toString();          // "b1*(exp(-b2*x)*x)"
 * CompiledExpression c = f.compile(List.of("x", "b1", "b2"));
 * double y = c.evaluate(new double[] {2.0, 240.0, 5.5e-4});
 * }</pre>
 */
public sealed interface Expression
        permits Expression.Literal, Expression.Constant, Expression.Variable, Expression.Negation,
        Expression.Binary, Expression.Call {

    /** The deepest tree {@link #parse} accepts. */
    int MAX_DEPTH = Parser.MAX_DEPTH;

    /**
     * Parses a formula.
     *
     * @param text the formula, e.g. {@code b1 * (1 - exp(-b2*x))}
     * @return the expression tree
     * @throws InvalidDataException with a one-line message giving the 1-based position of the
     *                              problem, e.g. {@code cannot parse formula "b1*(1-exp(-b2*x)":
     *                              missing ")" at position 17}
     */
    static Expression parse(String text) {
        return Parser.parse(text);
    }

    /**
     * The variables in order of first appearance from left to right, without {@code pi}, named
     * constants and function names.
     *
     * @return the variable names, e.g. {@code [b1, b2, x]} for {@code b1*(1-exp(-b2*x))}
     */
    default List<String> variables() {
        Set<String> names = new LinkedHashSet<>();
        collectVariables(this, names);
        return List.copyOf(names);
    }

    /**
     * The exact symbolic derivative, lightly simplified (0·u = 0, 1·u = u, u + 0 = u, u^1 = u,
     * constant folding, signs pulled outwards) so that it stays small. The simplifications assume
     * finite values: the derivative of {@code x*y} with respect to x is {@code y} even where
     * {@code x} would be infinite. {@code abs} has derivative u/|u| (NaN at u = 0).
     *
     * <pre>{@code
     * Expression.parse("x^3").derivative("x");          // 3*x^2
     * Expression.parse("log(a*x)").derivative("a");     // x/(a*x)
     * }</pre>
     *
     * @param variable the variable to differentiate by (need not occur: the result is then 0)
     * @return ∂(this)/∂variable
     */
    default Expression derivative(String variable) {
        Objects.requireNonNull(variable, "variable");
        return Derivatives.derivative(this, variable);
    }

    /**
     * The formula as text, with only the parentheses the tree needs, spaces around {@code +} and
     * {@code -}, {@code ^} for powers and canonical function names ({@code log}, {@code atan}). It
     * parses back to an expression with the same value everywhere (bit for bit), and printing that
     * again gives the same text.
     *
     * <pre>{@code
     * Expression.parse("b1*(1-exp(-b2*x))").toString();   // "b1*(1 - exp(-b2*x))"
     * Expression.parse("ln(x)**-2").toString();          // "log(x)^(-2)"
     * }</pre>
     *
     * @return the formula
     */
    @Override
    String toString();

    /**
     * Prints the formula like {@link #toString()}, with each variable's name replaced by a text such
     * as a column label or a fitted value. Each text is printed as one operand, as it is: wrap a
     * negative number in parentheses yourself.
     *
     * <pre>{@code
     * Expression.parse("a*x^-b").format(n -> n.equals("x") ? "compute" : n);   // "a*compute^(-b)"
     * }</pre>
     *
     * @param names the text for each variable name
     * @return the formula
     */
    default String format(UnaryOperator<String> names) {
        return Printer.print(this, names);
    }

    /**
     * Prepares fast evaluation: variables are resolved to array positions once.
     *
     * @param slotOrder the variables in the order their values will be passed: every variable of
     *                  this expression, each once; it may also name variables the expression does not
     *                  use (e.g. to share one layout between a formula and its derivatives)
     * @return the compiled expression
     * @throws InvalidDataException if a variable of this expression is not in slotOrder, or
     *                              slotOrder names a variable twice
     */
    default CompiledExpression compile(List<String> slotOrder) {
        return new CompiledExpression(this, slotOrder);
    }

    /**
     * Evaluates by walking the tree with named values; meant for one-off use and as a reference
     * (use {@link #compile} in loops). Gives the same bits as the compiled forms.
     *
     * @param values a value for every variable
     * @return the value, following IEEE arithmetic (may be ±∞ or NaN)
     * @throws InvalidDataException if a variable has no value
     */
    default double evaluate(Map<String, Double> values) {
        return Evaluator.evaluate(this, values);
    }

    /**
     * Replaces variables (and the built-in {@code pi}) named in {@code constants} by named
     * constants with the given values; they then print by name, are no longer variables and
     * differentiate to 0.
     *
     * <pre>{@code
     * Expression e = Expression.parse("c*x^2").withConstants(Map.of("c", 2.5));
     * e.variables();   // [x]
     * }</pre>
     *
     * @param constants values by name; names the expression does not use are ignored
     * @return the expression with those variables bound
     * @throws InvalidDataException if a value is not finite
     */
    default Expression withConstants(Map<String, Double> constants) {
        for (Map.Entry<String, Double> c : constants.entrySet()) {
            if (c.getValue() == null || !Double.isFinite(c.getValue())) {
                throw new InvalidDataException("constant \"" + c.getKey() + "\" must be a finite number, not " + c.getValue());
            }
        }
        return bind(this, constants);
    }

    private static Expression bind(Expression e, Map<String, Double> constants) {
        if (e instanceof Variable v && constants.containsKey(v.name())) {
            return new Constant(v.name(), constants.get(v.name()));
        } else if (e instanceof Constant c && constants.containsKey(c.name())) {
            return new Constant(c.name(), constants.get(c.name()));
        } else if (e instanceof Negation n) {
            return new Negation(bind(n.operand(), constants));
        } else if (e instanceof Binary b) {
            return new Binary(b.operator(), bind(b.left(), constants), bind(b.right(), constants));
        } else if (e instanceof Call c) {
            return new Call(c.function(), bind(c.argument(), constants));
        }
        return e;
    }

    private static void collectVariables(Expression e, Set<String> names) {
        if (e instanceof Variable v) {
            names.add(v.name());
        } else if (e instanceof Negation n) {
            collectVariables(n.operand(), names);
        } else if (e instanceof Binary b) {
            collectVariables(b.left(), names);
            collectVariables(b.right(), names);
        } else if (e instanceof Call c) {
            collectVariables(c.argument(), names);
        }
    }

    /**
     * A number written in the formula, or produced by simplification.
     *
     * @param value a finite value (a negative value prints as {@code -v})
     */
    record Literal(double value) implements Expression {
        /**
         * @param value a finite value
         * @throws IllegalArgumentException if the value is not finite (it could not be printed)
         */
        public Literal {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a literal must be finite, not " + value);
            }
        }

        /** @return the number as a formula, e.g. {@code 2}, {@code 0.5}, {@code 1e-5} */
        @Override
        public String toString() {
            return Printer.print(this);
        }
    }

    /**
     * A named constant such as {@code pi}: it prints by name and differentiates to 0.
     *
     * @param name  the name, e.g. {@code pi}
     * @param value its value, finite
     */
    record Constant(String name, double value) implements Expression {
        /** The constant π, written {@code pi}. */
        public static final Constant PI = new Constant("pi", Math.PI);

        /**
         * @param name  the name, e.g. {@code pi}
         * @param value its value
         * @throws IllegalArgumentException if the value is not finite
         */
        public Constant {
            Objects.requireNonNull(name, "name");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("constant \"" + name + "\" must be finite, not " + value);
            }
        }

        /** @return the name */
        @Override
        public String toString() {
            return Printer.print(this);
        }
    }

    /**
     * A variable: a predictor such as {@code x} or a parameter such as {@code b1}.
     *
     * @param name the identifier
     */
    record Variable(String name) implements Expression {
        /** @param name the identifier, not null */
        public Variable {
            Objects.requireNonNull(name, "name");
        }

        /** @return the name */
        @Override
        public String toString() {
            return Printer.print(this);
        }
    }

    /**
     * Unary minus, −u.
     *
     * @param operand u
     */
    record Negation(Expression operand) implements Expression {
        /** @param operand u, not null */
        public Negation {
            Objects.requireNonNull(operand, "operand");
        }

        /** @return e.g. {@code -x^2} or {@code -(a + b)} */
        @Override
        public String toString() {
            return Printer.print(this);
        }
    }

    /**
     * A binary operation, left op right.
     *
     * @param operator the operator
     * @param left     the left operand (the base for a power)
     * @param right    the right operand (the exponent for a power)
     */
    record Binary(Operator operator, Expression left, Expression right) implements Expression {
        /**
         * @param operator the operator, not null
         * @param left     the left operand, not null
         * @param right    the right operand, not null
         */
        public Binary {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        /** @return e.g. {@code a - (b - c)} */
        @Override
        public String toString() {
            return Printer.print(this);
        }
    }

    /**
     * A function call f(u).
     *
     * @param function f
     * @param argument u
     */
    record Call(MathFunction function, Expression argument) implements Expression {
        /**
         * @param function f, not null
         * @param argument u, not null
         */
        public Call {
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(argument, "argument");
        }

        /** @return e.g. {@code exp(-b2*x)} */
        @Override
        public String toString() {
            return Printer.print(this);
        }
    }
}
