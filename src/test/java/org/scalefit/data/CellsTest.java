package org.scalefit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.InvalidDataException;

class CellsTest {
    /** A one-row CSV table whose "loss" cell holds the given raw CSV field. */
    private static Table csv(String field) {
        return TableReader.parse("step,loss\n1," + field + "\n", "runs.csv");
    }

    private static double loss(String field) {
        return Cells.number(csv(field), 0, 1);
    }

    private static String lossError(String field) {
        return assertThrows(InvalidDataException.class, () -> loss(field)).getMessage();
    }

    @Test
    void acceptsPlainNumbers() {
        assertEquals(12.0, loss("12"));
        assertEquals(-3.5, loss("-3.5"));
        assertEquals(0.5, loss(".5"));
        assertEquals(5.0, loss("5."));
        assertEquals(1e25, loss("1e+25"));
        assertEquals(1500.0, loss("1.5E3"));
        assertEquals(2e-7, loss("2e-7"));
        assertEquals(3.0, loss("+3"));
    }

    @Test
    void trimsSpaces() {
        assertEquals(42.0, loss(" 42 "));
        assertEquals(42.0, loss("\t42"));
    }

    @Test
    void quotedNumbers() {
        assertEquals(3.25, loss("\"3.25\""));
        assertEquals(3.25, loss("\" 3.25 \""));
        assertEquals(7.0, loss("'7'"));
        assertEquals(1e25, loss("\"\"\"1e25\"\"\""));
    }

    @Test
    void aDateIsNamedAsADateWithTheLawThatReadsDates() {
        assertTrue(lossError("2024-05-13").endsWith("\"2024-05-13\" is a date, not a number: only a law that reads dates "
                + "(doubling) takes a date column"), lossError("2024-05-13"));
        assertTrue(lossError("2024-05-13T10:00:00Z").contains("is a date, not a number"));
        assertTrue(lossError("2024-5-13").endsWith("is not a number"), "not an ISO date: the plain message");
    }

    @Test
    void emptyCell() {
        Table t = TableReader.parse("step,loss\n1,2\n2,3\n3,4\n4,\n", "runs.csv");
        assertEquals("row 5 of runs.csv, column \"loss\" is empty",
                assertThrows(InvalidDataException.class, () -> Cells.number(t, 3, 1)).getMessage());
    }

    @Test
    void blankCell() {
        assertEquals("row 2 of runs.csv, column \"loss\" is empty", lossError("   "));
        assertEquals("row 2 of runs.csv, column \"loss\" is empty", lossError("\"\""));
    }

    @Test
    void missingValueMarkers() {
        for (String marker : List.of("NA", "N/A", "n/a", "#N/A", "null", "NULL", "None", "nil", "missing", "-", "?")) {
            assertEquals("row 2 of runs.csv, column \"loss\": \"" + marker + "\" marks a missing value, not a number",
                    lossError(marker), marker);
        }
    }

    @Test
    void nan() {
        assertEquals("row 2 of runs.csv, column \"loss\": \"nan\" is not a finite number", lossError("nan"));
        assertEquals("row 2 of runs.csv, column \"loss\": \"NaN\" is not a finite number", lossError("NaN"));
        assertEquals("row 2 of runs.csv, column \"loss\": \"-nan\" is not a finite number", lossError("-nan"));
    }

    @Test
    void infinity() {
        assertEquals("row 2 of runs.csv, column \"loss\": \"inf\" is not a finite number", lossError("inf"));
        assertEquals("row 2 of runs.csv, column \"loss\": \"Infinity\" is not a finite number", lossError("Infinity"));
        assertEquals("row 2 of runs.csv, column \"loss\": \"-inf\" is not a finite number", lossError("-inf"));
        assertEquals("row 2 of runs.csv, column \"loss\": \"+Inf\" is not a finite number", lossError("+Inf"));
    }

    @Test
    void tooLargeForADouble() {
        assertEquals("row 2 of runs.csv, column \"loss\": \"1e400\" is not a finite number (too large for a double)",
                lossError("1e400"));
    }

    @Test
    void text() {
        assertEquals("row 2 of runs.csv, column \"loss\": \"abc\" is not a number", lossError("abc"));
        assertEquals("row 2 of runs.csv, column \"loss\": \"0x1F\" is not a number", lossError("0x1F"));
        assertEquals("row 2 of runs.csv, column \"loss\": \"1d\" is not a number", lossError("1d"));
        assertEquals("row 2 of runs.csv, column \"loss\": \"1e\" is not a number", lossError("1e"));
        assertEquals("row 2 of runs.csv, column \"loss\": \"1.2.3\" is not a number", lossError("1.2.3"));
    }

    @Test
    void longAndMultiLineValuesAreShortenedAndEscaped() {
        String longText = "x".repeat(100);
        assertEquals("row 2 of runs.csv, column \"loss\": \"" + "x".repeat(57) + "...\" is not a number",
                lossError(longText));
        assertEquals("row 2 of runs.csv, column \"loss\": \"a\\nb\" is not a number", lossError("\"a\nb\""));
    }

    @Test
    void thousandsSeparators() {
        assertEquals("row 2 of runs.csv, column \"loss\": \"1,000\" looks like a number with thousands separators; remove them",
                lossError("\"1,000\""));
        assertEquals("row 2 of runs.csv, column \"loss\": \"1 000\" looks like a number with thousands separators; remove them",
                lossError("1 000"));
        assertEquals("row 2 of runs.csv, column \"loss\": \"12,345,678.5\" looks like a number with thousands separators; remove them",
                lossError("\"12,345,678.5\""));
        assertEquals("row 2 of runs.csv, column \"loss\": \"1_000_000\" looks like a number with thousands separators; remove them",
                lossError("1_000_000"));
    }

    @Test
    void decimalCommaInSemicolonFile() {
        Table t = TableReader.parse("step;loss\n1;3,5\n2;1.234,5\n", "runs.csv");
        assertEquals("row 2 of runs.csv, column \"loss\": \"3,5\" has a decimal comma, as is usual in ;-separated files; write 3.5",
                assertThrows(InvalidDataException.class, () -> Cells.number(t, 0, 1)).getMessage());
        assertEquals("row 3 of runs.csv, column \"loss\": \"1.234,5\" has a decimal comma, as is usual in ;-separated files; write 1234.5",
                assertThrows(InvalidDataException.class, () -> Cells.number(t, 1, 1)).getMessage());
    }

    @Test
    void commaGroupInSemicolonFileIsReadAsDecimalComma() {
        Table t = TableReader.parse("step;loss\n1;1,000\n", "runs.csv");
        assertEquals("row 2 of runs.csv, column \"loss\": \"1,000\" has a decimal comma, as is usual in ;-separated files; write 1.000",
                assertThrows(InvalidDataException.class, () -> Cells.number(t, 0, 1)).getMessage());
    }

    @Test
    void decimalCommaElsewhere() {
        assertEquals("row 2 of runs.csv, column \"loss\": \"3,5\" has a decimal comma; write 3.5", lossError("\"3,5\""));
    }

    @Test
    void spreadsheetErrors() {
        assertEquals("row 2 of runs.csv, column \"loss\": \"#DIV/0!\" is a spreadsheet error, not a number",
                lossError("#DIV/0!"));
    }

    @Test
    void unicodeMinus() {
        assertEquals("row 2 of runs.csv, column \"loss\": \"\u22123.5\" has a Unicode minus sign; write -3.5",
                lossError("\u22123.5"));
    }

    @Test
    void magnitudeSuffix() {
        assertEquals("row 2 of runs.csv, column \"loss\": \"7B\" is not a number; write 7e9", lossError("7B"));
        assertEquals("row 2 of runs.csv, column \"loss\": \"1.5M\" is not a number; write 1.5e6", lossError("1.5M"));
    }

    @Test
    void parseNumberWithoutPlace() {
        assertEquals(1500.0, Cells.parseNumber(" 1.5E3 "));
        assertEquals("\"1,000\" looks like a number with thousands separators; remove them",
                assertThrows(InvalidDataException.class, () -> Cells.parseNumber("1,000")).getMessage());
        assertEquals("the value is empty",
                assertThrows(InvalidDataException.class, () -> Cells.parseNumber("")).getMessage());
        assertTrue(Cells.isNumber("1e-3"));
        assertFalse(Cells.isNumber("NaN"));
    }

    @Test
    void epochDayOfCell() {
        Table t = TableReader.parse("date,h\n2024-05-13,1\n13/05/2024,2\n,3\n", "runs.csv");
        assertEquals(19856.0, Cells.epochDay(t, 0, 0));
        assertEquals("row 3 of runs.csv, column \"date\": \"13/05/2024\" is not an ISO date (use YYYY-MM-DD)",
                assertThrows(InvalidDataException.class, () -> Cells.epochDay(t, 1, 0)).getMessage());
        assertEquals("row 4 of runs.csv, column \"date\" is empty",
                assertThrows(InvalidDataException.class, () -> Cells.epochDay(t, 2, 0)).getMessage());
    }

    @Test
    void labelOfCell() {
        Table t = TableReader.parse("model,h\n gpt-4 ,1\n,2\n", "runs.csv");
        assertEquals("gpt-4", Cells.label(t, 0, 0));
        assertEquals("row 3 of runs.csv, column \"model\" is empty",
                assertThrows(InvalidDataException.class, () -> Cells.label(t, 1, 0)).getMessage());
    }
}
