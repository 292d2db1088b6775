package org.scalefit.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.scalefit.InvalidDataException;
import org.scalefit.Numbers;
import org.scalefit.data.Observations;
import org.scalefit.model.expr.CompiledExpression;
import org.scalefit.model.expr.CompiledGradient;
import org.scalefit.model.expr.Expression;

/**
 * A law given as a formula typed by the user, such as {@code b1*(1-exp(-b2*x))}. The predictors
 * are named by the caller; every other variable of the formula is a parameter, in order of first
 * appearance unless the caller gives an order. The syntax is that of {@link Expression#parse}: {@code + - * / ^ **}, parentheses,
 * {@code exp log ln log10 sqrt sin cos tan atan arctan abs} and the constant {@code pi}.
 *
 * <p>Values come from the compiled formula and gradients from its exact symbolic derivatives
 * (see {@link CompiledGradient}), never from finite differences. Every parameter's domain is
 * {@link ParameterDomain#REAL}, residuals default to {@link Space#LINEAR} (the usual choice for a
 * user formula), and the initial guess is 1 for every parameter: a formula has no structure to
 * exploit, so the engine's multi-start does the searching.
 *
 * <pre>{@code
 * Law law = new ExpressionLaw("b1*(1-exp(-b2*x))", List.of("x"));
 * law.parameters();                                              // [b1, b2]
 * law.value(new double[] {10}, new double[] {240, 5.5e-4});     // 1.31637...
 * law.formula(List.of("t"), "y", new double[] {238.94, -5.5e-4});
 * // "y = 238.94*(1 - exp(-(-0.00055)*t))"
 *
 * Law roszman = new ExpressionLaw("b1 - b2*x - arctan(b3/(x-b4))/pi", List.of("x"),
 *         Map.of("pi", Math.PI));                                // constants are optional
 * }</pre>
 */
public final class ExpressionLaw implements Law {
    private final String text;
    private final Expression expression;
    private final List<String> predictors;
    private final List<String> parameters;
    private final Map<String, Double> constants;
    private final CompiledExpression compiled;
    private final CompiledGradient gradient;

    /**
     * @param formula    the right-hand side, e.g. {@code b1*(1-exp(-b2*x))}
     * @param predictors the names in the formula that are predictors, e.g. {@code [x]}
     * @throws InvalidDataException if the formula does not parse, does not use a predictor, or
     *                              has no parameter left to fit
     */
    public ExpressionLaw(String formula, List<String> predictors) {
        this(formula, predictors, Map.of());
    }

    /**
     * @param formula    the right-hand side, e.g. {@code c*x^b1}
     * @param predictors the names in the formula that are predictors, e.g. {@code [x]}
     * @param constants  names bound to fixed values, neither predictors nor parameters (e.g.
     *                   {@code c = 2.5}); a constant named {@code pi} replaces the built-in π;
     *                   names the formula does not use are ignored
     * @throws InvalidDataException if the formula does not parse, does not use a predictor, has no
     *                              parameter left to fit, names a predictor twice, uses a name both
     *                              as a predictor and a constant, or a constant is not finite
     */
    public ExpressionLaw(String formula, List<String> predictors, Map<String, Double> constants) {
        this(formula, predictors, null, constants);
    }

    /**
     * With the parameters in a given order rather than in order of first appearance, e.g. NIST's
     * {@code b1..b5} for {@code b1 + b2*exp(-x*b4) + b3*exp(-x*b5)}, so that start values and
     * certified values line up.
     *
     * @param formula    the right-hand side
     * @param predictors the names in the formula that are predictors
     * @param parameters every name in the formula that is neither a predictor nor a constant, each
     *                   once, in the order wanted
     * @param constants  names bound to fixed values (see {@link #ExpressionLaw(String, List, Map)})
     * @throws InvalidDataException as for {@link #ExpressionLaw(String, List, Map)}, and if the
     *                              parameters are not exactly the formula's remaining names
     */
    public ExpressionLaw(String formula, List<String> predictors, List<String> parameters, Map<String, Double> constants) {
        Objects.requireNonNull(formula, "formula");
        this.text = formula;
        this.predictors = List.copyOf(predictors);
        Set<String> seen = new HashSet<>();
        for (String p : this.predictors) {
            if (!seen.add(p)) {
                throw new InvalidDataException("predictor \"" + p + "\" is given twice for formula \"" + formula + "\"");
            }
            if (constants.containsKey(p)) {
                throw new InvalidDataException("\"" + p + "\" is both a predictor and a constant in formula \"" + formula + "\"");
            }
        }
        this.expression = Expression.parse(formula).withConstants(constants);
        this.constants = Map.copyOf(constants);
        List<String> variables = expression.variables();
        for (String p : this.predictors) {
            if (!variables.contains(p)) {
                throw new InvalidDataException("formula \"" + formula + "\" does not use the predictor \"" + p + "\"");
            }
        }
        List<String> params = new ArrayList<>();
        for (String v : variables) {
            if (!seen.contains(v)) {
                params.add(v);
            }
        }
        if (params.isEmpty()) {
            throw new InvalidDataException("formula \"" + formula + "\" has no parameters to fit: every name in it is a "
                    + "predictor " + this.predictors + (constants.isEmpty() ? "" : " or a constant"));
        }
        if (parameters != null) {
            checkParameterOrder(formula, params, parameters);
            params = parameters;
        }
        this.parameters = List.copyOf(params);
        List<String> slots = new ArrayList<>(this.predictors);
        slots.addAll(this.parameters);
        this.compiled = expression.compile(slots);
        this.gradient = compiled.gradient(this.parameters);
    }

    private static void checkParameterOrder(String formula, List<String> found, List<String> given) {
        Set<String> distinct = new HashSet<>();
        for (String p : given) {
            if (!distinct.add(p)) {
                throw new InvalidDataException("parameter \"" + p + "\" is given twice for formula \"" + formula + "\"");
            }
            if (!found.contains(p)) {
                throw new InvalidDataException("formula \"" + formula + "\" does not use the parameter \"" + p
                        + "\" (its parameters are " + found + ")");
            }
        }
        for (String p : found) {
            if (!distinct.contains(p)) {
                throw new InvalidDataException("formula \"" + formula + "\" uses \"" + p
                        + "\", which is not among the parameters " + given + ", the predictors or the constants");
            }
        }
    }

    /** @return the parsed formula, with constants bound */
    public Expression expression() {
        return expression;
    }

    /** @return the named constants given at construction */
    public Map<String, Double> constants() {
        return constants;
    }

    /** @return the symbolic derivative of the formula with respect to each parameter, in order */
    public List<Expression> derivatives() {
        return gradient.derivatives();
    }

    /** @return the formula text as given, e.g. {@code b1*(1-exp(-b2*x))} */
    @Override
    public String name() {
        return text;
    }

    /** @return the predictor names given at construction, in order */
    @Override
    public List<String> predictors() {
        return predictors;
    }

    /** @return the formula's variables that are not predictors or constants, in order of first appearance */
    @Override
    public List<String> parameters() {
        return parameters;
    }

    /**
     * Evaluates the compiled formula (IEEE arithmetic: may be ±∞ or NaN).
     *
     * @throws IllegalArgumentException if x or p has the wrong length
     */
    @Override
    public double value(double[] x, double[] p) {
        checkLengths(x, p);
        return compiled.evaluate(x, p);
    }

    /**
     * Writes the exact gradient, from the compiled symbolic derivatives.
     *
     * @throws IllegalArgumentException if x, p or out has the wrong length
     */
    @Override
    public void gradient(double[] x, double[] p, double[] out) {
        checkLengths(x, p);
        gradient.evaluate(x, p, out);
    }

    private void checkLengths(double[] x, double[] p) {
        if (x.length != predictors.size() || p.length != parameters.size()) {
            throw new IllegalArgumentException("formula \"" + text + "\" takes " + predictors.size() + " predictor(s) "
                    + predictors + " and " + parameters.size() + " parameter(s) " + parameters + ", got "
                    + x.length + " and " + p.length);
        }
    }

    /**
     * @param data ignored: a formula has no structure to exploit
     * @return 1.0 for every parameter
     */
    @Override
    public double[] initialGuess(Observations data) {
        double[] guess = new double[parameters.size()];
        Arrays.fill(guess, 1.0);
        return guess;
    }

    /** @return {@link Space#LINEAR} */
    @Override
    public Space defaultSpace() {
        return Space.LINEAR;
    }

    /**
     * The formula with predictor labels and, when given, parameter values filled in (5
     * significant digits, negative values in parentheses), e.g. {@code y = 238.94*(1 - exp(-0.00055016*x))}.
     *
     * @throws IllegalArgumentException if the number of labels or values is wrong
     */
    @Override
    public String formula(List<String> predictorLabels, String responseLabel, double[] values) {
        if (predictorLabels.size() != predictors.size()) {
            throw new IllegalArgumentException("expected " + predictors.size() + " predictor labels, got " + predictorLabels.size());
        }
        if (values != null && values.length != parameters.size()) {
            throw new IllegalArgumentException("expected " + parameters.size() + " parameter values, got " + values.length);
        }
        return responseLabel + " = " + expression.format(name -> {
            int k = predictors.indexOf(name);
            if (k >= 0) {
                return predictorLabels.get(k);
            }
            int j = parameters.indexOf(name);
            if (values == null || j < 0) {
                return name;
            }
            String number = Numbers.format(values[j], 5);
            return number.startsWith("-") ? "(" + number + ")" : number;
        });
    }

    /** @return the formula with names, e.g. {@code y = b1*(1 - exp(-b2*x))} */
    @Override
    public String toString() {
        return formula();
    }
}
