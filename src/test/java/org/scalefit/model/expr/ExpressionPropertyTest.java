package org.scalefit.model.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded random expression trees: printing then parsing gives the same values bit for bit, the
 * compiled forms agree with the reference evaluator, and symbolic derivatives agree with finite
 * differences wherever those are finite and well conditioned.
 */
class ExpressionPropertyTest {
    private static final List<String> VARIABLES = List.of("x", "y", "b1");
    private static final double[] NUMBERS = {0, 1, 2, 3, 0.5, 1.25, 10, 12, 0.001, 1e-5, 2.5e10, 1.5e20, 0.1, 1.0 / 3, Math.E};
    /** Without the huge numbers, which make x − 1.5e20 constant in floating point and so defeat finite differences. */
    private static final double[] MODERATE = {0, 1, 2, 3, 0.5, 1.25, 10, 12, 0.001, 0.1, 1.0 / 3, Math.E};

    static Expression randomTree(SplittableRandom random, int depth) {
        return randomTree(random, depth, NUMBERS);
    }

    static Expression randomTree(SplittableRandom random, int depth, double[] numbers) {
        int choice = depth <= 0 ? random.nextInt(3) : random.nextInt(12);
        switch (choice) {
            case 0:
                return new Expression.Variable(VARIABLES.get(random.nextInt(VARIABLES.size())));
            case 1: {
                double v = random.nextBoolean() ? numbers[random.nextInt(numbers.length)]
                        : Math.round(random.nextDouble(-100, 100) * 1000) / 1000.0;
                return new Expression.Literal(random.nextInt(6) == 0 ? -v : v);
            }
            case 2:
                return random.nextInt(4) == 0 ? Expression.Constant.PI
                        : new Expression.Variable(VARIABLES.get(random.nextInt(VARIABLES.size())));
            case 3:
                return new Expression.Negation(randomTree(random, depth - 1, numbers));
            case 4:
            case 5:
                MathFunction[] functions = MathFunction.values();
                return new Expression.Call(functions[random.nextInt(functions.length)], randomTree(random, depth - 1, numbers));
            default:
                Operator[] operators = Operator.values();
                return new Expression.Binary(operators[random.nextInt(operators.length)],
                        randomTree(random, depth - 1, numbers), randomTree(random, depth - 1, numbers));
        }
    }

    private static Map<String, Double> randomPoint(SplittableRandom random) {
        Map<String, Double> point = new HashMap<>();
        for (String v : VARIABLES) {
            point.put(v, random.nextInt(8) == 0 ? (double) random.nextInt(-3, 4) : random.nextDouble(-3, 3));
        }
        return point;
    }

    private static boolean sameValue(double a, double b) {
        return Double.doubleToLongBits(a) == Double.doubleToLongBits(b) || Double.isNaN(a) && Double.isNaN(b);
    }

    @Test
    void printingRoundTripsAndEvaluatorsAgree() {
        SplittableRandom random = new SplittableRandom(20240501L);
        for (int t = 0; t < 2000; t++) {
            Expression e = randomTree(random, 1 + random.nextInt(6));
            String printed = e.toString();
            Expression reparsed = Expression.parse(printed);
            assertEquals(printed, reparsed.toString(), "printing is not a fixed point for " + e);
            CompiledExpression compiled = reparsed.compile(VARIABLES);
            CompiledGradient gradient = compiled.gradient(VARIABLES);
            double[] grad = new double[VARIABLES.size()];
            for (int k = 0; k < 5; k++) {
                Map<String, Double> point = randomPoint(random);
                double[] slots = VARIABLES.stream().mapToDouble(point::get).toArray();
                double original = e.evaluate(point);
                double again = reparsed.evaluate(point);
                if (!sameValue(original, again)) {
                    fail(printed + " at " + point + ": " + original + " before printing, " + again + " after");
                }
                assertTrue(sameValue(again, compiled.evaluate(slots)), printed + " compiled at " + point);
                assertTrue(sameValue(again, gradient.evaluate(slots, grad)), printed + " gradient value at " + point);
            }
        }
    }

    @Test
    void derivativesMatchFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(77L);
        int checked = 0;
        int trees = 3000;
        for (int t = 0; t < trees; t++) {
            Expression e = randomTree(random, 1 + random.nextInt(5), MODERATE);
            for (String v : e.variables()) {
                Expression d = e.derivative(v);
                assertEquals(d.toString(), Expression.parse(d.toString()).toString());
                for (int k = 0; k < 3; k++) {
                    Map<String, Double> point = randomPoint(random);
                    double coarse = fivePoint(e, point, v, 1e-3);
                    double fine = fivePoint(e, point, v, 5e-4);
                    // well conditioned: both steps agree, and no intermediate value is so large that
                    // it swallows the variation (sin(1e32 + x) is constant in floating point)
                    boolean wellConditioned = Double.isFinite(coarse) && Double.isFinite(fine)
                            && Math.abs(coarse - fine) <= 1e-7 * Math.max(1, Math.abs(fine))
                            && largestSubexpression(e, point) < 1e6;
                    // skip singular points, where a subexpression of f' is not finite (0^x·log 0)
                    if (!wellConditioned || largestSubexpression(d, point) == Double.POSITIVE_INFINITY) {
                        continue;
                    }
                    double symbolic = d.evaluate(point);
                    checked++;
                    if (!(Math.abs(symbolic - fine) <= 1e-5 * Math.max(1, Math.abs(fine)))) {
                        fail("d(" + e + ")/d" + v + " = " + d + " is " + symbolic + " at " + point
                                + " but finite differences give " + fine);
                    }
                }
            }
        }
        assertTrue(checked > 5000, "only " + checked + " well-conditioned derivative checks");
    }

    /**
     * @return the largest magnitude of any subexpression of e at the point, infinite when one is not
     *         finite (NaN^0 = 1 hides a NaN, for example)
     */
    private static double largestSubexpression(Expression e, Map<String, Double> point) {
        double v = Math.abs(e.evaluate(point));
        if (!Double.isFinite(v)) {
            return Double.POSITIVE_INFINITY;
        }
        if (e instanceof Expression.Negation n) {
            return Math.max(v, largestSubexpression(n.operand(), point));
        } else if (e instanceof Expression.Call c) {
            return Math.max(v, largestSubexpression(c.argument(), point));
        } else if (e instanceof Expression.Binary b) {
            return Math.max(v, Math.max(largestSubexpression(b.left(), point), largestSubexpression(b.right(), point)));
        }
        return v;
    }

    /** Fourth-order central difference with step h·max(1, |v|), NaN if any value is not finite. */
    private static double fivePoint(Expression e, Map<String, Double> point, String v, double relativeStep) {
        double x = point.get(v);
        double h = relativeStep * Math.max(1, Math.abs(x));
        Map<String, Double> p = new HashMap<>(point);
        double[] steps = {-2, -1, 1, 2};
        double[] f = new double[4];
        for (int i = 0; i < 4; i++) {
            p.put(v, x + steps[i] * h);
            f[i] = e.evaluate(p);
            if (!Double.isFinite(f[i])) {
                return Double.NaN;
            }
        }
        return (f[0] - 8 * f[1] + 8 * f[2] - f[3]) / (12 * h);
    }
}
