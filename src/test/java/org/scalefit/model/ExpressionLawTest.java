package org.scalefit.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalefit.InvalidDataException;
import org.scalefit.data.Observations;

class ExpressionLawTest {
    private static final String MISRA = "b1*(1-exp(-b2*x))";

    @Test
    void describesItself() {
        ExpressionLaw law = new ExpressionLaw(MISRA, List.of("x"));
        assertEquals(MISRA, law.name());
        assertEquals(List.of("x"), law.predictors());
        assertEquals(List.of("b1", "b2"), law.parameters());
        assertEquals(Space.LINEAR, law.defaultSpace());
        assertEquals(ParameterDomain.REAL, law.domain(0));
        assertEquals(ParameterDomain.REAL, law.domain(1));
        assertEquals("y = b1*(1 - exp(-b2*x))", law.formula());
        assertEquals("y = b1*(1 - exp(-b2*x))", law.toString());
        assertEquals(List.of(), law.derivedQuantities());
    }

    @Test
    void ordersParametersByFirstAppearance() {
        ExpressionLaw law = new ExpressionLaw("E + A/N^alpha + B/D^beta", List.of("N", "D"));
        assertEquals(List.of("E", "A", "alpha", "B", "beta"), law.parameters());
        assertEquals(List.of("N", "D"), law.predictors());
        double value = law.value(new double[] {1e9, 1e11}, new double[] {1.69, 406.4, 0.34, 410.7, 0.28});
        assertEquals(1.69 + 406.4 / Math.pow(1e9, 0.34) + 410.7 / Math.pow(1e11, 0.28), value, 1e-12);
    }

    @Test
    void evaluatesValueAndAnalyticGradient() {
        ExpressionLaw law = new ExpressionLaw(MISRA, List.of("x"));
        double[] x = {10};
        double[] p = {240, 5.5e-4};
        double e = Math.exp(-5.5e-4 * 10);
        assertEquals(240 * (1 - e), law.value(x, p), 1e-13);
        double[] grad = new double[2];
        law.gradient(x, p, grad);
        assertArrayEquals(new double[] {1 - e, 240 * 10 * e}, grad, 1e-12);
        double[] logGrad = new double[2];
        law.logGradient(x, p, logGrad);
        assertArrayEquals(new double[] {(1 - e) / (240 * (1 - e)), 240 * 10 * e / (240 * (1 - e))}, logGrad, 1e-12);
        assertEquals(Math.log(240 * (1 - e)), law.logValue(x, p), 1e-14);
        assertEquals(List.of("1 - exp(-b2*x)", "b1*(exp(-b2*x)*x)"), law.derivatives().stream().map(Object::toString).toList());
    }

    @Test
    void acceptsAnExplicitParameterOrder() {
        String mgh17 = "b1 + b2*exp(-x*b4) + b3*exp(-x*b5)";
        assertEquals(List.of("b1", "b2", "b4", "b3", "b5"), new ExpressionLaw(mgh17, List.of("x")).parameters());
        ExpressionLaw law = new ExpressionLaw(mgh17, List.of("x"), List.of("b1", "b2", "b3", "b4", "b5"), Map.of());
        assertEquals(List.of("b1", "b2", "b3", "b4", "b5"), law.parameters());
        double[] p = {0.5, 1.5, -1, 0.01, 0.02};
        assertEquals(0.5 + 1.5 * Math.exp(-20 * 0.01) - Math.exp(-20 * 0.02), law.value(new double[] {20}, p), 1e-15);
        double[] grad = new double[5];
        law.gradient(new double[] {20}, p, grad);
        assertArrayEquals(new double[] {1, Math.exp(-0.2), Math.exp(-0.4), -1.5 * 20 * Math.exp(-0.2), 20 * Math.exp(-0.4)},
                grad, 1e-14);
        assertEquals("formula \"" + mgh17 + "\" uses \"b5\", which is not among the parameters [b1, b2, b3, b4], the predictors or the constants",
                assertThrows(InvalidDataException.class,
                        () -> new ExpressionLaw(mgh17, List.of("x"), List.of("b1", "b2", "b3", "b4"), Map.of())).getMessage());
        assertEquals("formula \"" + mgh17 + "\" does not use the parameter \"b6\" (its parameters are [b1, b2, b4, b3, b5])",
                assertThrows(InvalidDataException.class, () -> new ExpressionLaw(mgh17, List.of("x"),
                        List.of("b1", "b2", "b3", "b4", "b5", "b6"), Map.of())).getMessage());
        assertEquals("parameter \"b1\" is given twice for formula \"" + mgh17 + "\"",
                assertThrows(InvalidDataException.class, () -> new ExpressionLaw(mgh17, List.of("x"),
                        List.of("b1", "b1", "b2", "b3", "b4", "b5"), Map.of())).getMessage());
    }

    @Test
    void checksArrayLengths() {
        ExpressionLaw law = new ExpressionLaw(MISRA, List.of("x"));
        assertEquals("formula \"b1*(1-exp(-b2*x))\" takes 1 predictor(s) [x] and 2 parameter(s) [b1, b2], got 2 and 1",
                assertThrows(IllegalArgumentException.class, () -> law.value(new double[] {1, 2}, new double[] {3})).getMessage());
        assertThrows(IllegalArgumentException.class, () -> law.gradient(new double[] {1}, new double[] {3}, new double[1]));
    }

    @Test
    void guessesOneForEveryParameter() {
        ExpressionLaw law = new ExpressionLaw("b1 - b2*x1 * exp(-b3*x2)", List.of("x1", "x2"));
        Observations data = Observations.builder().predictor("x1", new double[] {1, 2}).predictor("x2", new double[] {180, 200})
                .response("y", new double[] {15, 17}).build();
        assertArrayEquals(new double[] {1, 1, 1}, law.initialGuess(data));
    }

    @Test
    void printsTheFormulaWithLabelsAndValues() {
        ExpressionLaw law = new ExpressionLaw(MISRA, List.of("x"));
        assertEquals("y = 238.94*(1 - exp(-0.00055016*x))",
                law.formula(List.of("x"), "y", new double[] {2.3894212918E+02, 5.5015643181E-04}));
        assertEquals("loss = 238.94*(1 - exp(-(-0.00055016)*compute))",
                law.formula(List.of("compute"), "loss", new double[] {2.3894212918E+02, -5.5015643181E-04}));
        assertEquals("y = b1*(1 - exp(-b2*t))", law.formula(List.of("t"), "y", null));
        ExpressionLaw line = new ExpressionLaw("b1 - b2*x + b3*x^b4", List.of("x"));
        assertEquals("y = (-1.5) - (-3)*x + 2.5e+08*x^(-0.5)", line.formula(List.of("x"), "y", new double[] {-1.5, -3, 2.5e8, -0.5}));
        assertThrows(IllegalArgumentException.class, () -> law.formula(List.of("x"), "y", new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> law.formula(List.of("x", "z"), "y", null));
    }

    @Test
    void acceptsNamedConstants() {
        ExpressionLaw roszman = new ExpressionLaw("b1 - b2*x - arctan(b3/(x-b4))/pi", List.of("x"), Map.of("pi", Math.PI));
        assertEquals(List.of("b1", "b2", "b3", "b4"), roszman.parameters());
        ExpressionLaw scaled = new ExpressionLaw("c*b1*x", List.of("x"), Map.of("c", 2.0));
        assertEquals(List.of("b1"), scaled.parameters());
        assertEquals(Map.of("c", 2.0), scaled.constants());
        assertEquals(12.0, scaled.value(new double[] {2}, new double[] {3}));
        double[] grad = new double[1];
        scaled.gradient(new double[] {2}, new double[] {3}, grad);
        assertEquals(4.0, grad[0]);
        assertEquals("y = c*b1*x", scaled.formula());
    }

    @Test
    void rejectsUnusableFormulas() {
        assertEquals("formula \"b1*exp(-b2*t)\" does not use the predictor \"x\"",
                assertThrows(InvalidDataException.class, () -> new ExpressionLaw("b1*exp(-b2*t)", List.of("x"))).getMessage());
        assertEquals("formula \"x^2 + 1\" has no parameters to fit: every name in it is a predictor [x]",
                assertThrows(InvalidDataException.class, () -> new ExpressionLaw("x^2 + 1", List.of("x"))).getMessage());
        assertEquals("formula \"c*x\" has no parameters to fit: every name in it is a predictor [x] or a constant",
                assertThrows(InvalidDataException.class, () -> new ExpressionLaw("c*x", List.of("x"), Map.of("c", 1.0))).getMessage());
        assertEquals("predictor \"x\" is given twice for formula \"a*x\"",
                assertThrows(InvalidDataException.class, () -> new ExpressionLaw("a*x", List.of("x", "x"))).getMessage());
        assertEquals("\"x\" is both a predictor and a constant in formula \"a*x\"",
                assertThrows(InvalidDataException.class, () -> new ExpressionLaw("a*x", List.of("x"), Map.of("x", 1.0))).getMessage());
        assertEquals("constant \"c\" must be a finite number, not Infinity",
                assertThrows(InvalidDataException.class, () -> new ExpressionLaw("c*b*x", List.of("x"),
                        Map.of("c", Double.POSITIVE_INFINITY))).getMessage());
        assertEquals("cannot parse formula \"b1*(1-exp(-b2*x)\": missing \")\" at position 17",
                assertThrows(InvalidDataException.class, () -> new ExpressionLaw("b1*(1-exp(-b2*x)", List.of("x"))).getMessage());
    }
}
