package org.scalefit.model.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scalefit.InvalidDataException;

class ExpressionParseTest {
    private static final Map<String, Double> VALUES = Map.of("x", 2.0, "y", 3.0, "a", 10.0, "b", 4.0, "c", 3.0,
            "b1", 240.0, "b2", 5.5e-4);

    /** Evaluates with the reference evaluator and the compiled tree, which must agree to the bit. */
    private static double eval(String formula) {
        Expression e = Expression.parse(formula);
        double reference = e.evaluate(VALUES);
        List<String> slots = new ArrayList<>(VALUES.keySet());
        double[] values = slots.stream().mapToDouble(VALUES::get).toArray();
        double compiled = e.compile(slots).evaluate(values);
        assertEquals(Double.doubleToLongBits(reference), Double.doubleToLongBits(compiled), formula);
        return reference;
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', value = {
        "1+2*3; 7",
        "(1+2)*3; 9",
        "2^3^2; 512",
        "(2^3)^2; 64",
        "2**3**2; 512",
        "-2^2; -4",
        "(-2)^2; 4",
        "-2**2; -4",
        "2**-1; 0.5",
        "2^-1; 0.5",
        "2^-x; 0.25",
        "-x^2; -4",
        "2^-3^2; 0.001953125",
        "a-b-c; 3",
        "a-(b-c); 9",
        "a/b/c; 0.8333333333333334",
        "a/(b/c); 7.5",
        "24/4/3; 2",
        "2*3/4; 1.5",
        "2/4*3; 1.5",
        "-3*-2; 6",
        "2*-3; -6",
        "x*-y^2; -18",
        "+5; 5",
        "--5; 5",
        "- -x; 2",
        "+-+x; -2",
        "1 - -1; 2",
        "-x*y; -6",
        "-(x+y); -5",
        "x - y + a; 9",
        "x^y; 8",
        "x^0.5; 1.4142135623730951",
        "x^-2; 0.25",
        "x^16; 65536",
        "x^17; 131072",
        "x^1.5; 2.8284271247461903",
        "12; 12",
        "1.5; 1.5",
        ".5; 0.5",
        "5.; 5",
        "1e-3; 0.001",
        "2.5E+10; 25000000000",
        "2.5e10; 25000000000",
        "1E2; 100",
        "exp(0); 1",
        "exp(1); 2.718281828459045",
        "log(1); 0",
        "ln(exp(2)); 2",
        "log(x); 0.6931471805599453",
        "ln(x); 0.6931471805599453",
        "log10(1000); 3",
        "log10(x); 0.3010299956639812",
        "sqrt(16); 4",
        "sqrt(x); 1.4142135623730951",
        "sin(0); 0",
        "sin(pi/2); 1",
        "sin(x); 0.9092974268256817",
        "cos(0); 1",
        "cos(pi); -1",
        "cos(x); -0.4161468365471424",
        "tan(x); -2.185039863261519",
        "tan(pi/4); 0.9999999999999999",
        "atan(1); 0.7853981633974483",
        "arctan(1); 0.7853981633974483",
        "atan(-1e300); -1.5707963267948966",
        "abs(-3); 3",
        "abs(x-y); 1",
        "pi; 3.141592653589793",
        "2*pi; 6.283185307179586",
        "x·y; 6",
        "x⋅y; 6",
        "x×y; 6",
        "6÷b; 1.5",
        "y−x; 1",
        "−x; -2",
        "x\u00A0+\u2009y; 5",
        "b1*(1-exp(-b2*x)); 0.2638548532253715",
        "exp(-b2*x)*b1; 239.73614514677462",
        "sin(x)^2 + cos(x)^2; 1",
    })
    void evaluatesByHand(String formula, double expected) {
        assertEquals(expected, eval(formula), 0.0, formula);
    }

    @Test
    void followsIeeeArithmetic() {
        assertEquals(Double.POSITIVE_INFINITY, eval("1/0"));
        assertEquals(Double.NEGATIVE_INFINITY, eval("-1/0"));
        assertEquals(Double.NEGATIVE_INFINITY, eval("1/(-0)"));
        assertTrue(Double.isNaN(eval("0/0")));
        assertEquals(Double.NEGATIVE_INFINITY, eval("log(0)"));
        assertTrue(Double.isNaN(eval("log(-1)")));
        assertTrue(Double.isNaN(eval("sqrt(-1)")));
        assertTrue(Double.isNaN(eval("(-8)^(1/3)")));
        assertEquals(-8.0, eval("(-2)^3"));
        assertEquals(Double.POSITIVE_INFINITY, eval("exp(1000)"));
        assertEquals(Double.POSITIVE_INFINITY, eval("0^-1"));
        assertEquals(1.0715086071862673E301, eval("2^1000"));
    }

    @Test
    void listsVariablesInOrderOfFirstAppearance() {
        assertEquals(List.of("b1", "b2", "x"), Expression.parse("b1*(1-exp(-b2*x))").variables());
        assertEquals(List.of("x", "b3", "b1"), Expression.parse("x*b3 + pi*x/b1 - exp(b3)").variables());
        assertEquals(List.of(), Expression.parse("2*pi + exp(1)").variables());
        assertEquals(List.of("x1", "b_2", "_c"), Expression.parse("x1 + b_2*_c").variables());
        assertEquals(List.of("expx", "Exp", "PI"), Expression.parse("expx + Exp + PI").variables());
    }

    @Test
    void buildsTheExpectedTree() {
        Expression.Variable x = new Expression.Variable("x");
        assertEquals(new Expression.Negation(new Expression.Binary(Operator.POWER, x, new Expression.Literal(2))),
                Expression.parse("-x^2"));
        assertEquals(new Expression.Call(MathFunction.ATAN, x), Expression.parse("arctan(x)"));
        assertEquals(Expression.Constant.PI, Expression.parse(" pi "));
        assertEquals(new Expression.Binary(Operator.SUBTRACT,
                new Expression.Binary(Operator.SUBTRACT, x, new Expression.Variable("y")), new Expression.Variable("z")),
                Expression.parse("x-y-z"));
    }

    @ParameterizedTest(name = "{0} prints as {1}")
    @CsvSource(delimiter = ';', value = {
        "b1*(1-exp(-b2*x)); b1*(1 - exp(-b2*x))",
        "a-(b-c); a - (b - c)",
        "(a-b)-c; a - b - c",
        "a+(b+c); a + (b + c)",
        "a*(b*c); a*(b*c)",
        "(a*b)*c; a*b*c",
        "a/(b*c); a/(b*c)",
        "(a/b)*c; a/b*c",
        "2**-1; 2^(-1)",
        "2^3^2; 2^3^2",
        "(2^3)^2; (2^3)^2",
        "(-a)^2; (-a)^2",
        "-a^2; -a^2",
        "-(a*b); -a*b",
        "-(a+b); -(a + b)",
        "--a; -(-a)",
        "a*-b; a*(-b)",
        "a - -b; a - (-b)",
        "+a; a",
        "ln(x)+arctan(x); log(x) + atan(x)",
        "x·y×z÷w−v; x*y*z/w - v",
        "1e-3 + .5 + 2.5E+10 + 1e-5 + 1.5e20; 0.001 + 0.5 + 25000000000 + 1e-5 + 1.5e20",
        "exp( -(x-b4)**2 / b5**2 ); exp(-(x - b4)^2/b5^2)",
        "b1 - b2*x - arctan(b3/(x-b4))/pi; b1 - b2*x - atan(b3/(x - b4))/pi",
    })
    void printsWithMinimalParentheses(String formula, String printed) {
        Expression e = Expression.parse(formula);
        assertEquals(printed, e.toString());
        assertEquals(printed, Expression.parse(printed).toString());
    }

    @Test
    void formatsWithReplacedNames() {
        assertEquals("a*compute^(-b)", Expression.parse("a*x^-b").format(n -> n.equals("x") ? "compute" : n));
        assertEquals("240*(1 - exp(-(-0.5)*t))",
                Expression.parse("b1*(1-exp(-b2*x))").format(n -> switch (n) {
                    case "b1" -> "240";
                    case "b2" -> "(-0.5)";
                    default -> "t";
                }));
    }

    @Test
    void bindsConstants() {
        Expression e = Expression.parse("c*x^2 + pi").withConstants(Map.of("c", 2.5, "unused", 1.0));
        assertEquals(List.of("x"), e.variables());
        assertEquals("c*x^2 + pi", e.toString());
        assertEquals(2.5 * 9 + Math.PI, e.evaluate(Map.of("x", 3.0)));
        assertEquals(0.0, e.derivative("c").evaluate(Map.of("x", 3.0)));
        assertEquals(13.0, Expression.parse("pi*x").withConstants(Map.of("pi", 3.25)).evaluate(Map.of("x", 4.0)));
        assertThrows(InvalidDataException.class, () -> e.withConstants(Map.of("x", Double.NaN)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "b1*(1-exp(-b2*x)   | cannot parse formula \"b1*(1-exp(-b2*x)\": missing \")\" at position 17",
        "b1*(1-expp(-b2*x)) | unknown function \"expp\" at position 7 in formula \"b1*(1-expp(-b2*x))\"; known functions: exp, log, ln, log10, sqrt, sin, cos, tan, atan, arctan, abs",
        "b1*(1 - Exp(x))    | unknown function \"Exp\" at position 9 in formula \"b1*(1 - Exp(x))\"; known functions: exp, log, ln, log10, sqrt, sin, cos, tan, atan, arctan, abs",
        "2**                | cannot parse formula \"2**\": missing operand after \"**\" at position 4",
        "x^                 | cannot parse formula \"x^\": missing operand after \"^\" at position 3",
        "-                  | cannot parse formula \"-\": missing operand after \"-\" at position 2",
        "a+*b               | cannot parse formula \"a+*b\": missing operand after \"+\" at position 3",
        "a*(b+)             | cannot parse formula \"a*(b+)\": missing operand after \"+\" at position 6",
        "*a                 | cannot parse formula \"*a\": missing operand before \"*\" at position 1",
        "^2                 | cannot parse formula \"^2\": missing operand before \"^\" at position 1",
        "()                 | cannot parse formula \"()\": empty parentheses \"()\" at position 1",
        "x*( )              | cannot parse formula \"x*( )\": empty parentheses \"()\" at position 3",
        "exp                | cannot parse formula \"exp\": function \"exp\" used without parentheses at position 1",
        "2*sin x            | cannot parse formula \"2*sin x\": function \"sin\" used without parentheses at position 3",
        "exp()              | cannot parse formula \"exp()\": function \"exp\" needs an argument at position 5",
        "atan(y, x)         | cannot parse formula \"atan(y, x)\": unexpected \",\" (functions take one argument) at position 7",
        "2x                 | cannot parse formula \"2x\": unexpected \"x\" (use \"*\" to multiply) at position 2",
        "2(x+1)             | cannot parse formula \"2(x+1)\": unexpected \"(\" (use \"*\" to multiply) at position 2",
        "a b                | cannot parse formula \"a b\": unexpected \"b\" (use \"*\" to multiply) at position 3",
        "a+b)               | cannot parse formula \"a+b)\": unmatched \")\" at position 4",
        ")                  | cannot parse formula \")\": unmatched \")\" at position 1",
        "(                  | cannot parse formula \"(\": missing operand after \"(\" at position 2",
        "((x)               | cannot parse formula \"((x)\": missing \")\" at position 5",
        "1e                 | cannot parse formula \"1e\": malformed number \"1e\" at position 1",
        "3*1e+              | cannot parse formula \"3*1e+\": malformed number \"1e+\" at position 3",
        "1.2.3              | cannot parse formula \"1.2.3\": malformed number \"1.2.3\" at position 1",
        ".                  | cannot parse formula \".\": malformed number \".\" at position 1",
        "1e999*x            | cannot parse formula \"1e999*x\": number \"1e999\" is too large at position 1",
        "y = b1*x           | cannot parse formula \"y = b1*x\": unexpected \"=\" (give only the right-hand side, e.g. b1*x^b2) at position 3",
        "a $ b              | cannot parse formula \"a $ b\": unexpected character \"$\" at position 3",
        "a*[b]              | cannot parse formula \"a*[b]\": unexpected character \"[\" at position 3",
        "α*x                | cannot parse formula \"α*x\": unexpected character \"α\" at position 1",
        "x + 😀             | cannot parse formula \"x + 😀\": unexpected character \"😀\" at position 5",
        "😀😀 + x$          | cannot parse formula \"😀😀 + x$\": unexpected character \"😀\" at position 1",
        "x + x$             | cannot parse formula \"x + x$\": unexpected character \"$\" at position 6",
        "pi(2)              | unknown function \"pi\" at position 1 in formula \"pi(2)\"; known functions: exp, log, ln, log10, sqrt, sin, cos, tan, atan, arctan, abs",
    })
    void reportsErrorsWithPosition(String formula, String message) {
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> Expression.parse(formula));
        assertEquals(message, e.getMessage());
    }

    @Test
    void reportsEmptyFormulas() {
        assertEquals("cannot parse formula \"\": the formula is empty",
                assertThrows(InvalidDataException.class, () -> Expression.parse("")).getMessage());
        assertEquals("cannot parse formula \" \\t \": the formula is empty",
                assertThrows(InvalidDataException.class, () -> Expression.parse(" \t ")).getMessage());
    }

    @Test
    void keepsMessagesOnOneLine() {
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> Expression.parse("a\n+\u0007b"));
        assertEquals("cannot parse formula \"a\\n+\\u0007b\": unexpected character \"\\u0007\" at position 4", e.getMessage());
        String longFormula = "x+".repeat(150) + "$";
        String message = assertThrows(InvalidDataException.class, () -> Expression.parse(longFormula)).getMessage();
        assertTrue(message.endsWith("...\": unexpected character \"$\" at position 301"), message);
        assertTrue(message.length() < 300, message);
    }

    @Test
    void limitsNesting() {
        String ok = "(".repeat(200) + "x" + ")".repeat(200);
        assertEquals(List.of("x"), Expression.parse(ok).variables());
        assertEquals(2.0, Expression.parse("-".repeat(200) + "x").evaluate(Map.of("x", 2.0)));

        String parens = "(".repeat(100_000) + "x" + ")".repeat(100_000);
        assertTrue(assertThrows(InvalidDataException.class, () -> Expression.parse(parens)).getMessage()
                .endsWith(": formula nested too deeply (more than 256 levels) at position 257"));
        String signs = "-".repeat(100_000) + "x";
        assertTrue(assertThrows(InvalidDataException.class, () -> Expression.parse(signs)).getMessage()
                .endsWith(": formula nested too deeply (more than 256 levels) at position 257"));
        String powers = "2^".repeat(100_000) + "2";
        assertTrue(assertThrows(InvalidDataException.class, () -> Expression.parse(powers)).getMessage()
                .endsWith(": formula nested too deeply (more than 256 levels) at position 514"));
        String sum = "x+".repeat(100_000) + "x";
        assertTrue(assertThrows(InvalidDataException.class, () -> Expression.parse(sum)).getMessage()
                .endsWith(": formula nested too deeply (more than 256 levels) at position 512"));
        String calls = "exp(".repeat(100_000) + "x" + ")".repeat(100_000);
        assertThrows(InvalidDataException.class, () -> Expression.parse(calls));
        assertEquals(256, Expression.MAX_DEPTH);
    }
}
