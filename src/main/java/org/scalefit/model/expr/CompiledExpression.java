package org.scalefit.model.expr;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.scalefit.InvalidDataException;

/**
 * An {@link Expression} prepared for fast repeated evaluation: variables are resolved to positions
 * in a value array ("slots") once, operations on constants are folded, integer powers become
 * multiplications, and evaluation walks a tree of small node objects with no map lookups and no
 * allocation. Evaluation follows IEEE arithmetic: division by zero gives ±∞ or NaN, the caller
 * decides what to do with non-finite values. Instances are immutable and thread-safe.
 *
 * <p>Evaluation gives the same bits as {@link Expression#evaluate(java.util.Map)}.
 *
 * <pre>{@code
 * CompiledExpression f = Expression.parse("b1*(1-exp(-b2*x))").compile(List.of("x", "b1", "b2"));
 * double y = f.evaluate(new double[] {2.0, 240.0, 5.5e-4});
 * double same = f.evaluate(new double[] {2.0}, new double[] {240.0, 5.5e-4});   // x, then b1, b2
 * CompiledGradient g = f.gradient(List.of("b1", "b2"));
 * }</pre>
 */
public final class CompiledExpression {
    private final Expression expression;
    private final List<String> slots;
    private final Node root;

    CompiledExpression(Expression expression, List<String> slotOrder) {
        this.expression = expression;
        this.slots = List.copyOf(slotOrder);
        checkSlots(expression, slots);
        Dag dag = new Dag(slots);
        this.root = Node.build(dag, dag.add(expression));
    }

    private static void checkSlots(Expression expression, List<String> slots) {
        Set<String> seen = new HashSet<>();
        for (String slot : slots) {
            if (!seen.add(slot)) {
                throw new InvalidDataException("slot \"" + slot + "\" is given twice in " + slots
                        + " for formula \"" + expression + "\"");
            }
        }
        for (String variable : expression.variables()) {
            if (!seen.contains(variable)) {
                throw new InvalidDataException("formula \"" + expression + "\" uses the variable \"" + variable
                        + "\", which is not among the slots " + slots);
            }
        }
    }

    /** @return the expression this was compiled from */
    public Expression expression() {
        return expression;
    }

    /** @return the variable held by each slot, in order */
    public List<String> slots() {
        return slots;
    }

    /**
     * @param values one value per slot, in the order of {@link #slots()}
     * @return the expression's value (may be ±∞ or NaN)
     * @throws IllegalArgumentException if the array length differs from the number of slots
     */
    public double evaluate(double[] values) {
        if (values.length != slots.size()) {
            throw new IllegalArgumentException("expected " + slots.size() + " values " + slots + ", got " + values.length);
        }
        return root.eval(values, values);
    }

    /**
     * Evaluates with the slot values split across two arrays, e.g. a law's predictors and
     * parameters: slot k is {@code head[k]} for k &lt; head.length, else {@code tail[k − head.length]}.
     *
     * @param head the first slot values
     * @param tail the remaining slot values
     * @return the expression's value (may be ±∞ or NaN)
     * @throws IllegalArgumentException if the lengths do not add up to the number of slots
     */
    public double evaluate(double[] head, double[] tail) {
        if (head.length + tail.length != slots.size()) {
            throw new IllegalArgumentException("expected " + slots.size() + " values " + slots + ", got "
                    + head.length + " + " + tail.length);
        }
        return root.eval(head, tail);
    }

    /**
     * Compiles the value together with its gradient with respect to some of the slots, from the
     * exact symbolic derivatives (see {@link Expression#derivative(String)}); subexpressions shared by
     * the value and the derivatives are computed once per evaluation.
     *
     * @param variables the slots to differentiate by, e.g. a law's parameters
     * @return the compiled gradient
     * @throws InvalidDataException if a variable is not a slot or is named twice
     */
    public CompiledGradient gradient(List<String> variables) {
        return new CompiledGradient(this, variables);
    }

    /** @return e.g. {@code b1*(1 - exp(-b2*x)) over [x, b1, b2]} */
    @Override
    public String toString() {
        return expression + " over " + slots;
    }
}
