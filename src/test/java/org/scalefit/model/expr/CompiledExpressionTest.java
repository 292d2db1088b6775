package org.scalefit.model.expr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.scalefit.InvalidDataException;

class CompiledExpressionTest {
    private static final Expression MISRA = Expression.parse("b1*(1-exp(-b2*x))");

    @Test
    void evaluatesFromSlots() {
        CompiledExpression c = MISRA.compile(List.of("x", "b1", "b2"));
        assertEquals(List.of("x", "b1", "b2"), c.slots());
        assertEquals(MISRA, c.expression());
        double expected = 240.0 * (1 - Math.exp(-5.5e-4 * 2.0));
        assertEquals(expected, c.evaluate(new double[] {2.0, 240.0, 5.5e-4}), 0.0);
        assertEquals(expected, c.evaluate(new double[] {2.0}, new double[] {240.0, 5.5e-4}), 0.0);
        assertEquals(expected, c.evaluate(new double[] {2.0, 240.0}, new double[] {5.5e-4}), 0.0);
        assertEquals(expected, c.evaluate(new double[0], new double[] {2.0, 240.0, 5.5e-4}), 0.0);
        CompiledExpression reordered = MISRA.compile(List.of("b2", "x", "b1"));
        assertEquals(expected, reordered.evaluate(new double[] {5.5e-4, 2.0, 240.0}), 0.0);
    }

    @Test
    void acceptsUnusedSlotsButNotMissingOrRepeatedOnes() {
        assertEquals(4.0, Expression.parse("x^2").compile(List.of("y", "x")).evaluate(new double[] {7, 2}));
        assertEquals(3.0, Expression.parse("3").compile(List.of()).evaluate(new double[0]));
        assertEquals("formula \"b1*(1 - exp(-b2*x))\" uses the variable \"b2\", which is not among the slots [x, b1]",
                assertThrows(InvalidDataException.class, () -> MISRA.compile(List.of("x", "b1"))).getMessage());
        assertEquals("slot \"x\" is given twice in [x, b1, x, b2] for formula \"b1*(1 - exp(-b2*x))\"",
                assertThrows(InvalidDataException.class, () -> MISRA.compile(List.of("x", "b1", "x", "b2"))).getMessage());
    }

    @Test
    void checksArrayLengths() {
        CompiledExpression c = MISRA.compile(List.of("x", "b1", "b2"));
        assertThrows(IllegalArgumentException.class, () -> c.evaluate(new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> c.evaluate(new double[] {1, 2, 3, 4}));
        assertThrows(IllegalArgumentException.class, () -> c.evaluate(new double[] {1}, new double[] {2}));
        CompiledGradient g = c.gradient(List.of("b1", "b2"));
        assertThrows(IllegalArgumentException.class, () -> g.evaluate(new double[] {1, 2, 3}, new double[3]));
        assertThrows(IllegalArgumentException.class, () -> g.evaluate(new double[] {1, 2}, new double[2]));
    }

    @Test
    void foldsConstantsAndPowers() {
        CompiledExpression c = Expression.parse("2*pi*x/12 + x^(1+1) + x^0 + (-2)^3 + exp(0)*x^-1")
                .compile(List.of("x"));
        double x = 1.7;
        double expected = 2 * Math.PI * x / 12 + x * x + 1 + -8 + 1 / x;
        assertEquals(expected, c.evaluate(new double[] {x}), 1e-15);
        assertTrue(Double.isNaN(Expression.parse("x^0.5").compile(List.of("x")).evaluate(new double[] {-1})));
        assertEquals(1.0, Expression.parse("x^0").compile(List.of("x")).evaluate(new double[] {Double.NaN}));
    }

    @Test
    void computesTheGradientWithSharedSubexpressions() {
        Expression e = Expression.parse("b1*exp(-b2*x)");
        CompiledGradient g = e.compile(List.of("x", "b1", "b2")).gradient(List.of("b1", "b2"));
        assertEquals(List.of("b1", "b2"), g.variables());
        assertEquals(List.of(Expression.parse("exp(-b2*x)"), Expression.parse("-(b1*(exp(-b2*x)*x))")), g.derivatives());
        double[] grad = new double[2];
        double value = g.evaluate(new double[] {1.0, 2.0, 0.5}, grad);
        assertEquals(2.0 * Math.exp(-0.5), value, 0.0);
        assertArrayEquals(new double[] {Math.exp(-0.5), -2.0 * Math.exp(-0.5)}, grad, 1e-16);
        // value: b2*x, negate, exp, b1*(...); the b1-derivative exp(-b2*x) is shared with the value;
        // the b2-derivative adds exp(...)*x, b1*(...), negate
        assertEquals(7, g.operationCount());
        double[] split = new double[2];
        assertEquals(value, g.evaluate(new double[] {1.0}, new double[] {2.0, 0.5}, split), 0.0);
        assertArrayEquals(grad, split, 0.0);
    }

    @Test
    void differentiatesBySlotsTheFormulaDoesNotUse() {
        CompiledGradient g = Expression.parse("a*x").compile(List.of("x", "a", "unused")).gradient(List.of("unused", "a"));
        double[] grad = new double[2];
        assertEquals(6.0, g.evaluate(new double[] {2, 3, 99}, grad));
        assertArrayEquals(new double[] {0, 2}, grad);
    }

    @Test
    void rejectsBadGradientVariables() {
        CompiledExpression c = MISRA.compile(List.of("x", "b1", "b2"));
        assertEquals("cannot differentiate by \"b3\": it is not among the slots [x, b1, b2]",
                assertThrows(InvalidDataException.class, () -> c.gradient(List.of("b1", "b3"))).getMessage());
        assertEquals("variable \"b1\" is named twice in [b1, b1]",
                assertThrows(InvalidDataException.class, () -> c.gradient(List.of("b1", "b1"))).getMessage());
    }

    @Test
    void agreesBitForBitWithTheReferenceEvaluator() {
        String[] formulas = {"(b1 + b2*x + b3*x**2 + b4*x**3) / (1 + b5*x + b6*x**2 + b7*x**3)",
            "b1*exp( -b2*x ) + b3*exp( -(x-b4)**2 / b5**2 ) + b6*exp( -(x-b7)**2 / b8**2 )",
            "b1 / ((1+exp(b2-b3*x))**(1/b4))", "x^b1 - b2^x + abs(x)*b3/log10(b4) + sqrt(b5)*tan(x)"};
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (String f : formulas) {
            Expression e = Expression.parse(f);
            List<String> slots = e.variables();
            CompiledExpression c = e.compile(slots);
            CompiledGradient g = c.gradient(slots);
            double[] grad = new double[slots.size()];
            for (int trial = 0; trial < 200; trial++) {
                double[] values = new double[slots.size()];
                Map<String, Double> named = new java.util.HashMap<>();
                for (int k = 0; k < values.length; k++) {
                    values[k] = random.nextDouble(-3, 3);
                    named.put(slots.get(k), values[k]);
                }
                long reference = Double.doubleToLongBits(e.evaluate(named));
                assertEquals(reference, Double.doubleToLongBits(c.evaluate(values)), f);
                assertEquals(reference, Double.doubleToLongBits(g.evaluate(values, grad)), f);
                for (int k = 0; k < grad.length; k++) {
                    assertEquals(Double.doubleToLongBits(g.derivatives().get(k).evaluate(named)),
                            Double.doubleToLongBits(grad[k]), f + " d/d" + slots.get(k));
                }
            }
        }
    }

    @Test
    void isThreadSafe() throws Exception {
        Expression e = Expression.parse("b1*exp(-b2*x) + b3*sin(b4*x)");
        CompiledExpression c = e.compile(List.of("x", "b1", "b2", "b3", "b4"));
        CompiledGradient g = c.gradient(List.of("b1", "b2", "b3", "b4"));
        double[][] expected = new double[1000][5];
        for (int i = 0; i < expected.length; i++) {
            double[] grad = new double[4];
            expected[i][0] = g.evaluate(new double[] {i * 0.01, 1, 0.5, 2, 3}, grad);
            System.arraycopy(grad, 0, expected[i], 1, 4);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    double[] grad = new double[4];
                    for (int rep = 0; rep < 20; rep++) {
                        for (int i = 0; i < expected.length; i++) {
                            double[] slots = {i * 0.01, 1, 0.5, 2, 3};
                            double v = g.evaluate(slots, grad);
                            if (v != expected[i][0] || c.evaluate(slots) != v || grad[3] != expected[i][4]) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertTrue(r.get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
