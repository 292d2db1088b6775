package org.scalefit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The quick number path ({@link Cells#plainNumber}, Jackson's bundled FastDoubleParser) against
 * {@link Double#parseDouble}, the correctly rounded reference: bit for bit on random decimal texts of 1 to 25
 * digits with exponents across the whole double range (subnormals and overflow included), on the classic
 * hard cases, and on the texts {@code %.17g} writes; and every text that is not a plain finite number is
 * left to the slow path (NaN).
 */
class FastNumberTest {
    @Test
    void randomDecimalsParseBitForBitAsDoubleParseDouble() {
        SplittableRandom rng = new SplittableRandom(42);
        for (int c = 0; c < 200_000; c++) {
            String text = random(rng);
            double reference = Double.parseDouble(text);
            double quick = plainNumber(text);
            if (Double.isFinite(reference)) {
                assertEquals(Double.doubleToRawLongBits(reference), Double.doubleToRawLongBits(quick), text);
            } else {
                assertTrue(Double.isNaN(quick), text);
            }
        }
    }

    @Test
    void roundTripTextsAndHardCases() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int c = 0; c < 100_000; c++) {
            double v = Double.longBitsToDouble(rng.nextLong() & 0x7fffffffffffffffL);
            if (!Double.isFinite(v)) {
                continue;
            }
            for (String text : new String[] {Double.toString(v), String.format(java.util.Locale.ROOT, "%.17g", v),
                    String.format(java.util.Locale.ROOT, "%.6e", v), "-" + Double.toString(v)}) {
                assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)),
                        Double.doubleToRawLongBits(plainNumber(text)), text);
            }
        }
        for (String text : new String[] {"2.2250738585072011e-308", "2.2250738585072012e-308", "9007199254740993",
                "1.7976931348623157e308", "1.7976931348623158e308", "4.9e-324", "2.4703282292062327e-324",
                "2.4703282292062328e-324", "1e23", "8.41e21", "0.1", "-0", "0.000", "5.", ".5", "+3",
                "179769313486231580793728971405301e276", "0.30000000000000004", "123456789012345678901234567890"}) {
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)), Double.doubleToRawLongBits(plainNumber(text)), text);
        }
    }

    @Test
    void everythingElseTakesTheSlowPath() {
        for (String text : new String[] {"", " 1", "1 ", "\"1\"", "1e", "e5", ".", "-", "+.e1", "1.5e+", "NaN",
                "Infinity", "1e400", "-1e400", "0x10", "1,5", "1_000", "1d", "１"}) {
            assertTrue(Double.isNaN(plainNumber(text)), text);
        }
    }

    private static double plainNumber(String text) {
        char[] chars = ("xx" + text + "yy").toCharArray();
        return Cells.plainNumber(chars, 2, 2 + text.length());
    }

    private static String random(SplittableRandom rng) {
        StringBuilder sb = new StringBuilder();
        if (rng.nextInt(4) == 0) {
            sb.append(rng.nextBoolean() ? '-' : '+');
        }
        int digits = 1 + rng.nextInt(25);
        int point = rng.nextInt(digits + 2) - 1;
        for (int i = 0; i < digits; i++) {
            if (i == point) {
                sb.append('.');
            }
            sb.append((char) ('0' + (i == 0 && rng.nextBoolean() ? 1 + rng.nextInt(9) : rng.nextInt(10))));
        }
        if (rng.nextInt(3) > 0) {
            sb.append(rng.nextBoolean() ? 'e' : 'E');
            int e = rng.nextInt(700) - 350;
            sb.append(e < 0 ? "-" : (rng.nextBoolean() ? "+" : "")).append(Math.abs(e));
        }
        return sb.toString();
    }
}
