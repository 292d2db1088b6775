package org.scalefit.model.expr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.scalefit.InvalidDataException;

/**
 * An expression's value and its gradient with respect to chosen variables, compiled together from
 * the exact symbolic derivatives. The value and all derivatives form one graph in which equal
 * subexpressions are a single node (in {@code b1*exp(-b2*x)} the factor {@code exp(-b2*x)} is
 * computed once for the value and both derivatives), run as a flat register program. Each thread
 * gets its own registers, created on its first call, so evaluation allocates nothing afterwards and
 * instances are thread-safe.
 *
 * <pre>{@code
 * CompiledExpression f = Expression.parse("b1*exp(-b2*x)").compile(List.of("x", "b1", "b2"));
 * CompiledGradient g = f.gradient(List.of("b1", "b2"));
 * double[] grad = new double[2];
 * double y = g.evaluate(new double[] {1.0, 2.0, 0.5}, grad);   // grad = {exp(-0.5), -2·exp(-0.5)}
 * }</pre>
 */
public final class CompiledGradient {
    private static final double[] EMPTY = new double[0];

    private final CompiledExpression compiled;
    private final List<String> variables;
    private final List<Expression> derivatives;
    private final Program program;
    private final int valueRegister;
    private final int[] gradientRegisters;
    private final ThreadLocal<double[]> registers;

    CompiledGradient(CompiledExpression compiled, List<String> variables) {
        this.compiled = compiled;
        this.variables = List.copyOf(variables);
        Set<String> seen = new HashSet<>();
        for (String v : this.variables) {
            if (!seen.add(v)) {
                throw new InvalidDataException("variable \"" + v + "\" is named twice in " + variables);
            }
            if (!compiled.slots().contains(v)) {
                throw new InvalidDataException("cannot differentiate by \"" + v + "\": it is not among the slots "
                        + compiled.slots());
            }
        }
        Expression e = compiled.expression();
        List<Expression> ds = new ArrayList<>();
        for (String v : this.variables) {
            ds.add(e.derivative(v));
        }
        this.derivatives = List.copyOf(ds);
        Dag dag = new Dag(compiled.slots());
        int valueNode = dag.add(e);
        int[] gradientNodes = new int[ds.size()];
        for (int j = 0; j < ds.size(); j++) {
            gradientNodes[j] = dag.add(ds.get(j));
        }
        this.program = new Program(dag);
        this.valueRegister = program.register(valueNode);
        this.gradientRegisters = new int[ds.size()];
        for (int j = 0; j < ds.size(); j++) {
            gradientRegisters[j] = program.register(gradientNodes[j]);
        }
        this.registers = ThreadLocal.withInitial(program::newRegisters);
    }

    /** @return the expression whose gradient this computes */
    public CompiledExpression compiled() {
        return compiled;
    }

    /** @return the variables of the gradient, in order */
    public List<String> variables() {
        return variables;
    }

    /** @return the symbolic derivative with respect to each variable, in order */
    public List<Expression> derivatives() {
        return derivatives;
    }

    /**
     * @param values   one value per slot of {@link #compiled()}
     * @param gradient receives ∂f/∂v for each variable v, in order; length = number of variables
     * @return the value f
     * @throws IllegalArgumentException if an array has the wrong length
     */
    public double evaluate(double[] values, double[] gradient) {
        return evaluate(values, EMPTY, gradient);
    }

    /**
     * Like {@link #evaluate(double[], double[])} with the slot values split across two arrays, as in
     * {@link CompiledExpression#evaluate(double[], double[])}.
     *
     * @param head     the first slot values
     * @param tail     the remaining slot values
     * @param gradient receives ∂f/∂v for each variable v, in order
     * @return the value f
     * @throws IllegalArgumentException if an array has the wrong length
     */
    public double evaluate(double[] head, double[] tail, double[] gradient) {
        int n = compiled.slots().size();
        if (head.length + tail.length != n) {
            throw new IllegalArgumentException("expected " + n + " values " + compiled.slots() + ", got "
                    + head.length + " + " + tail.length);
        }
        if (gradient.length != gradientRegisters.length) {
            throw new IllegalArgumentException("expected a gradient array of length " + gradientRegisters.length
                    + ", got " + gradient.length);
        }
        double[] r = registers.get();
        program.run(head, tail, r);
        for (int j = 0; j < gradientRegisters.length; j++) {
            gradient[j] = r[gradientRegisters[j]];
        }
        return r[valueRegister];
    }

    /** @return the number of operations one evaluation performs (value and gradient together, beyond reading slots) */
    int operationCount() {
        return program.size();
    }

    /** @return e.g. {@code gradient of b1*exp(-b2*x) by [b1, b2]} */
    @Override
    public String toString() {
        return "gradient of " + compiled.expression() + " by " + variables;
    }
}
