package org.scalefit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.scalefit.InvalidDataException;

/**
 * Seeded fuzzing: random bytes and random well-formed tables go through the readers and the cell
 * conversions; the only exception allowed out is {@link InvalidDataException}, and well-formed
 * tables read back exactly what was written.
 */
class TableFuzzTest {
    private static final byte[] ALPHABET = ("0123456789.eE+-,;\t\"\r\n {}[]:abcNA/ 'x#TZ").getBytes(StandardCharsets.US_ASCII);
    private static final String[] NAMES = {"compute", "loss", "params", "tokens", "date", "model", "lr", "step"};

    @Test
    void randomBytesOnlyEverThrowInvalidDataException() {
        SplittableRandom random = new SplittableRandom(20240513L);
        for (int i = 0; i < 1500; i++) {
            byte[] bytes = randomBytes(random);
            for (String name : new String[] {"fuzz.csv", "fuzz.jsonl", "fuzz.txt"}) {
                exercise(bytes, name, random, i);
            }
        }
    }

    @Test
    void randomTextThroughParseOnlyEverThrowsInvalidDataException() {
        SplittableRandom random = new SplittableRandom(7L);
        for (int i = 0; i < 1000; i++) {
            String text = new String(randomBytes(random), StandardCharsets.ISO_8859_1);
            try {
                convertEverything(TableReader.parse(text, i % 2 == 0 ? "fuzz.csv" : "fuzz.jsonl"), random);
            } catch (InvalidDataException expected) {
                assertOneLine(expected.getMessage());
            } catch (RuntimeException e) {
                fail("input " + i + " " + Cells.quote(text) + " threw " + e, e);
            }
        }
    }

    @Test
    void randomCellsOnlyEverThrowInvalidDataException() {
        SplittableRandom random = new SplittableRandom(99L);
        for (int i = 0; i < 3000; i++) {
            String text = new String(randomBytes(random, 12), StandardCharsets.ISO_8859_1);
            for (Runnable r : List.<Runnable>of(() -> Cells.parseNumber(text), () -> Dates.toEpochDay(text),
                    () -> RowFilter.parse(text), () -> ColumnSpec.parse(text), () -> DerivedColumn.parse(text))) {
                try {
                    r.run();
                } catch (InvalidDataException expected) {
                    assertOneLine(expected.getMessage());
                } catch (RuntimeException e) {
                    fail(Cells.quote(text) + " threw " + e, e);
                }
            }
        }
    }

    @Test
    void wellFormedCsvReadsBackExactly() {
        SplittableRandom random = new SplittableRandom(42L);
        for (int i = 0; i < 800; i++) {
            int columns = 1 + random.nextInt(4);
            int rows = 1 + random.nextInt(6);
            char delimiter = new char[] {',', ';', '\t'}[random.nextInt(3)];
            String newline = random.nextBoolean() ? "\n" : "\r\n";
            List<String> names = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                names.add(NAMES[c] + (random.nextBoolean() ? "" : "_" + c));
            }
            double[][] values = new double[rows][columns];
            StringBuilder sb = new StringBuilder(random.nextInt(4) == 0 ? "\uFEFF" : "");
            sb.append(String.join(String.valueOf(delimiter), names)).append(newline);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    double v = randomValue(random);
                    values[r][c] = v;
                    String text = format(v, random);
                    if (random.nextInt(3) == 0) {
                        text = "\"" + text + "\"";
                    } else if (random.nextInt(4) == 0) {
                        text = " " + text + " ";
                    }
                    sb.append(c == 0 ? "" : String.valueOf(delimiter)).append(text);
                }
                sb.append(newline);
                if (random.nextInt(5) == 0) {
                    sb.append(newline);
                }
            }
            String source = "gen" + i + ".csv";
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            Table t = TableReader.read(new ByteArrayInputStream(bytes), source);
            assertEquals(names, t.columns(), source);
            assertEquals(rows, t.rowCount(), source);
            int previous = 1;
            for (int r = 0; r < rows; r++) {
                assertTrue(t.sourceRow(r) > previous, source);
                previous = t.sourceRow(r);
                for (int c = 0; c < columns; c++) {
                    assertEquals(values[r][c], Cells.number(t, r, c), Math.abs(values[r][c]) * 1e-15, source);
                }
            }
            DataSpec spec = DataSpec.builder().predictor("x=" + names.get(0)).response(names.get(columns - 1)).build();
            assertEquals(rows, spec.load(t).observations().size(), source);
        }
    }

    private static void exercise(byte[] bytes, String name, SplittableRandom random, int i) {
        try {
            Table t = TableReader.read(new ByteArrayInputStream(bytes), name);
            assertTrue(t.rowCount() > 0);
            convertEverything(t, random);
        } catch (InvalidDataException expected) {
            assertOneLine(expected.getMessage());
        } catch (RuntimeException e) {
            fail("input " + i + " as " + name + " " + Cells.quote(new String(bytes, StandardCharsets.ISO_8859_1))
                    + " threw " + e, e);
        }
    }

    private static void convertEverything(Table t, SplittableRandom random) {
        for (int c = 0; c < t.columnCount(); c++) {
            for (int r = 0; r < t.rowCount(); r++) {
                try {
                    Cells.number(t, r, c);
                } catch (InvalidDataException expected) {
                    assertOneLine(expected.getMessage());
                }
                try {
                    Cells.epochDay(t, r, c);
                } catch (InvalidDataException expected) {
                    assertOneLine(expected.getMessage());
                }
            }
            String column = t.columns().get(c);
            if (!column.isEmpty() && column.indexOf('<') < 0 && column.indexOf('>') < 0 && column.indexOf('=') < 0
                    && column.indexOf('!') < 0 && !column.isBlank()) {
                String op = new String[] {"<", "<=", ">", ">=", "==", "!="}[random.nextInt(6)];
                String value = new String[] {"1", "2023-01-01", "abc", "-3e2"}[random.nextInt(4)];
                try {
                    IntPredicate p = RowFilter.parse(column.strip() + op + value).bind(t);
                    for (int r = 0; r < t.rowCount(); r++) {
                        try {
                            p.test(r);
                        } catch (InvalidDataException expected) {
                            assertOneLine(expected.getMessage());
                        }
                    }
                } catch (InvalidDataException expected) {
                    assertOneLine(expected.getMessage());
                }
            }
        }
        if (t.columnCount() >= 2 && !t.columns().get(0).isEmpty() && !t.columns().get(1).isEmpty()) {
            try {
                DataSpec.builder().predictor(new ColumnSpec("x", t.columns().get(0))).response(t.columns().get(1))
                        .skipInvalid(random.nextBoolean()).build().load(t);
            } catch (InvalidDataException expected) {
                assertOneLine(expected.getMessage());
            }
        }
    }

    private static void assertOneLine(String message) {
        assertTrue(message != null && !message.isBlank() && message.indexOf('\n') < 0 && message.indexOf('\r') < 0,
                () -> "not a one-line message: " + message);
    }

    private static byte[] randomBytes(SplittableRandom random) {
        return randomBytes(random, 120);
    }

    private static byte[] randomBytes(SplittableRandom random, int maxLength) {
        byte[] bytes = new byte[random.nextInt(maxLength + 1)];
        for (int i = 0; i < bytes.length; i++) {
            int kind = random.nextInt(10);
            bytes[i] = kind == 0 ? (byte) random.nextInt(256) : ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return bytes;
    }

    private static double randomValue(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(-1000, 1000);
            case 1 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-30, 30));
            case 2 -> Math.pow(10, random.nextInt(0, 26));
            default -> random.nextDouble();
        };
    }

    private static String format(double v, SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> Double.toString(v);
            case 1 -> String.format(Locale.ROOT, "%.17e", v);
            default -> String.format(Locale.ROOT, "%.17E", v).replace("E+", "E");
        };
    }
}
