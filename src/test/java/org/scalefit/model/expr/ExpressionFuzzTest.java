package org.scalefit.model.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.scalefit.InvalidDataException;

/**
 * Feeds the parser random bytes, token soups and mutated formulas. The only exception allowed is
 * {@link InvalidDataException}, with a one-line message whose position lies inside the formula (or
 * just past its end); whatever parses must print, re-parse, compile and evaluate.
 */
class ExpressionFuzzTest {
    private static final Pattern POSITION = Pattern.compile(" at position (\\d+)");
    private static final String[] TOKENS = {"x", "b1", "b_2", "pi", "e", "E", "2", "0", "1.5", ".5", "1e-3", "2.5E+10", "1e", "1.",
        "..", "+", "-", "*", "/", "^", "**", "***", "(", ")", "((", "))", "exp", "log", "ln", "log10", "sqrt", "sin", "cos",
        "tan", "atan", "arctan", "abs", "expp", "·", "×", "÷", "−", ",", "=", "$", " ", "  ", "\t", "\n", "\u00A0", "😀", "α",
        "exp(", "sin(", "(-", "^-", "**-", "--", "9999999999999999999999", "1e999", "1e-999", "\"", "\\", "'", "[", "]", "{"};
    private static final String[] FORMULAS = {"b1*(1-exp(-b2*x))", "exp(-b1*x)/(b2+b3*x)",
        "b1*exp( -b2*x ) + b3*exp( -(x-b4)**2 / b5**2 ) + b6*exp( -(x-b7)**2 / b8**2 )",
        "b1 * (1-(1+2*b2*x)**(-.5))", "b1 - b2*x - arctan(b3/(x-b4))/pi", "b1 / ((1+exp(b2-b3*x))**(1/b4))"};

    @Test
    void parserOnlyEverThrowsInvalidDataException() {
        SplittableRandom random = new SplittableRandom(424242L);
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int k = 0; k < bytes.length; k++) {
                bytes[k] = (byte) random.nextInt(256);
            }
            inputs.add(new String(bytes, i % 2 == 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
        }
        for (int i = 0; i < 1_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(40); k > 0; k--) {
                sb.append((char) random.nextInt(0x20, 0x7f));
            }
            inputs.add(sb.toString());
        }
        for (int i = 0; i < 5_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(30); k > 0; k--) {
                sb.append(TOKENS[random.nextInt(TOKENS.length)]);
            }
            inputs.add(sb.toString());
        }
        for (int i = 0; i < 3_000; i++) {
            StringBuilder sb = new StringBuilder(FORMULAS[random.nextInt(FORMULAS.length)]);
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                int at = random.nextInt(sb.length());
                switch (random.nextInt(3)) {
                    case 0 -> sb.deleteCharAt(at);
                    case 1 -> sb.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                    default -> sb.setCharAt(at, "()+-*/^.e1x,"
                            .charAt(random.nextInt(12)));
                }
            }
            inputs.add(sb.toString());
        }
        inputs.add("(".repeat(50_000));
        inputs.add(")".repeat(50_000));
        inputs.add("-".repeat(50_000) + "x");
        inputs.add("x" + "^x".repeat(50_000));
        inputs.add("x" + "*x".repeat(50_000));
        inputs.add("sin(".repeat(50_000) + "x" + ")".repeat(50_000));
        inputs.add("9".repeat(50_000));
        inputs.add("1" + "0".repeat(400) + "e-400*x");

        long start = System.nanoTime();
        int parsed = 0;
        for (String input : inputs) {
            try {
                Expression e = Expression.parse(input);
                parsed++;
                String printed = e.toString();
                assertEquals(printed, Expression.parse(printed).toString(), "re-printing " + printed);
                List<String> variables = e.variables();
                e.compile(variables).evaluate(new double[variables.size()]);
                for (String v : variables) {
                    e.derivative(v);
                }
            } catch (InvalidDataException ex) {
                checkMessage(input, ex.getMessage());
            } catch (Throwable t) {
                fail("parsing " + Parser.quote(input) + " threw " + t, t);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(parsed > 200, "only " + parsed + " inputs parsed; the fuzzing is too blunt");
        assertTrue(seconds < 10, "fuzzing " + inputs.size() + " inputs took " + seconds + " s");
    }

    private static void checkMessage(String input, String message) {
        assertTrue(message.startsWith("cannot parse formula \"") || message.startsWith("unknown function \""), message);
        assertTrue(message.indexOf('\n') < 0 && message.indexOf('\r') < 0, "multi-line message: " + message);
        Matcher m = POSITION.matcher(message);
        if (message.endsWith("the formula is empty")) {
            assertTrue(input.isBlank() || input.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)),
                    message);
            return;
        }
        assertTrue(m.find(), "no position in: " + message);
        int position = Integer.parseInt(m.group(1));
        int length = input.codePointCount(0, input.length());
        assertTrue(position >= 1 && position <= length + 1, "position " + position + " outside " + Parser.quote(input));
    }
}
