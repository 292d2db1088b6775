package org.scalefit.model.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionDerivativeTest {

    @ParameterizedTest(name = "d({0})/d{1} = {2}")
    @CsvSource(delimiter = ';', value = {
        "x^3; x; 3*x^2",
        "x^2; x; 2*x",
        "x^1; x; 1",
        "x^-1; x; -x^(-2)",
        "x^(-2); x; -2*x^(-3)",
        "x^0.5; x; 0.5*x^(-0.5)",
        "2^x; x; 2^x*log(2)",
        "x^x; x; x^x*(log(x) + 1)",
        "a*x^b; b; a*(x^b*log(x))",
        "b1*(1-exp(-b2*x)); b1; 1 - exp(-b2*x)",
        "b1*(1-exp(-b2*x)); b2; b1*(exp(-b2*x)*x)",
        "log(a*x); a; x/(a*x)",
        "ln(x); x; 1/x",
        "log10(x); x; 1/(x*log(10))",
        "exp(x); x; exp(x)",
        "exp(2*x); x; 2*exp(2*x)",
        "sqrt(x); x; 1/(2*sqrt(x))",
        "sin(x); x; cos(x)",
        "cos(x); x; -sin(x)",
        "cos(3*x); x; -3*sin(3*x)",
        "tan(x); x; 1/cos(x)^2",
        "atan(x); x; 1/(1 + x^2)",
        "arctan(b3/(x-b4)); b3; 1/(x - b4)/(1 + (b3/(x - b4))^2)",
        "abs(x); x; x/abs(x)",
        "-x; x; -1",
        "x - y; y; -1",
        "x/y; x; 1/y",
        "x/y; y; -x/y^2",
        "1/x; x; -1/x^2",
        "x*y; x; y",
        "x*y*z; y; x*z",
        "x + y; z; 0",
        "pi*x; x; pi",
        "2*pi*x/12; x; 2*pi/12",
        "x*0 + 0*x + 1*x + x*1 + (x + 0) + (0 + x) - 0; x; 4",
        "x - x; x; 0",
        "b1 - b2*x*exp(-b3*y); b3; b2*x*(exp(-b3*y)*y)",
    })
    void differentiatesAndSimplifies(String formula, String variable, String derivative) {
        assertEquals(derivative, Expression.parse(formula).derivative(variable).toString());
    }

    @Test
    void matchesFiniteDifferencesForEveryFunction() {
        Map<String, Double> at = Map.of("x", 0.7, "a", 1.3, "b", -0.4);
        String[] formulas = {
            "exp(a*x)", "log(a*x)", "ln(x + a)", "log10(a + x^2)", "sqrt(a*x + 1)", "sin(a*x)", "cos(x/a)",
            "tan(a*x)", "atan(a*x)", "arctan(x - b)", "abs(b*x)", "x^a", "a^x", "x^x", "(a + x)^b", "x^-3",
            "a/(b - x)", "-(a*x)^2", "exp(-(x - a)^2/b^2)", "b*x - a/x + x*a*b", "(1 + exp(b - a*x))^(1/a)",
        };
        for (String f : formulas) {
            Expression e = Expression.parse(f);
            for (String v : e.variables()) {
                double symbolic = e.derivative(v).evaluate(at);
                double numeric = centralDifference(e, at, v);
                assertEquals(numeric, symbolic, 1e-7 * Math.max(1, Math.abs(numeric)), "d(" + f + ")/d" + v);
            }
        }
    }

    static double centralDifference(Expression e, Map<String, Double> at, String v) {
        double x = at.get(v);
        double h = 1e-5 * Math.max(1, Math.abs(x));
        java.util.Map<String, Double> p = new java.util.HashMap<>(at);
        double[] f = new double[4];
        double[] steps = {-2, -1, 1, 2};
        for (int i = 0; i < 4; i++) {
            p.put(v, x + steps[i] * h);
            f[i] = e.evaluate(p);
        }
        return (f[0] - 8 * f[1] + 8 * f[2] - f[3]) / (12 * h);
    }

    @Test
    void leavesTheOriginalUntouched() {
        Expression e = Expression.parse("x*(1 + 0)");
        e.derivative("x");
        assertEquals("x*(1 + 0)", e.toString());
    }
}
