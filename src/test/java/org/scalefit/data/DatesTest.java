package org.scalefit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.scalefit.InvalidDataException;

class DatesTest {
    private static final double MAY_13 = 19856.0;

    private static String error(String text) {
        return assertThrows(InvalidDataException.class, () -> Dates.toEpochDay(text)).getMessage();
    }

    @Test
    void constants() {
        assertEquals(365.2425, Dates.DAYS_PER_YEAR);
        assertEquals(365.2425 / 12, Dates.DAYS_PER_MONTH);
    }

    @Test
    void isoDate() {
        assertEquals(0.0, Dates.toEpochDay("1970-01-01"));
        assertEquals(MAY_13, Dates.toEpochDay("2024-05-13"));
        assertEquals(MAY_13, Dates.toEpochDay(" 2024-05-13 "));
        assertEquals(-1.0, Dates.toEpochDay("1969-12-31"));
    }

    @Test
    void dateTimeWithoutZoneIsUtc() {
        assertEquals(MAY_13 + 0.5 + 0.5 / 24, Dates.toEpochDay("2024-05-13T12:30:00"));
        assertEquals(MAY_13 + 0.5 + 0.5 / 24, Dates.toEpochDay("2024-05-13 12:30"));
        assertEquals(MAY_13 + 0.25 + 1.5 / 86_400, Dates.toEpochDay("2024-05-13T06:00:01.5"), 1e-12);
    }

    @Test
    void dateTimeInUtc() {
        assertEquals(MAY_13 + 0.5 + 0.5 / 24, Dates.toEpochDay("2024-05-13T12:30:00Z"));
    }

    @Test
    void dateTimeWithOffset() {
        assertEquals(MAY_13 + 10.5 / 24, Dates.toEpochDay("2024-05-13T12:30:00+02:00"));
        assertEquals(MAY_13 + 10.5 / 24, Dates.toEpochDay("2024-05-13T12:30:00+0200"));
        assertEquals(MAY_13 + 17.5 / 24, Dates.toEpochDay("2024-05-13T12:30-05"));
        assertEquals(MAY_13 - 1 + 23.0 / 24, Dates.toEpochDay("2024-05-13T00:00:00+01:00"));
    }

    @Test
    void yearMonthIsFirstOfMonth() {
        assertEquals(Dates.toEpochDay("2024-05-01"), Dates.toEpochDay("2024-05"));
    }

    @Test
    void decimalYear() {
        assertEquals(Dates.toEpochDay("2024-01-01"), Dates.toEpochDay("2024"));
        assertEquals(Dates.toEpochDay("2024-01-01") + 0.37 * 366, Dates.toEpochDay("2024.37"), 1e-9);
        assertEquals("2024-07-02", Dates.format(Dates.toEpochDay("2024.5")));
        assertEquals("2023-07-02", Dates.format(Dates.fromDecimalYear(2023.5)));
    }

    @Test
    void decimalYearRoundTrip() {
        for (double day = -1000; day < 30_000; day += 123.25) {
            assertEquals(day, Dates.fromDecimalYear(Dates.toDecimalYear(day)), 1e-6);
        }
        assertEquals(2024.0, Dates.toDecimalYear(Dates.toEpochDay("2024-01-01")));
        assertEquals(2023 + 182.0 / 365, Dates.toDecimalYear(Dates.toEpochDay("2023-07-02")), 1e-12);
    }

    @Test
    void toDateAndFormat() {
        assertEquals(LocalDate.of(2024, 5, 13), Dates.toDate(MAY_13 + 0.99));
        assertEquals(LocalDate.of(1969, 12, 31), Dates.toDate(-0.25));
        assertEquals("2024-05-13", Dates.format(MAY_13));
        assertEquals("day NaN is not a representable date",
                assertThrows(InvalidDataException.class, () -> Dates.format(Double.NaN)).getMessage());
    }

    @Test
    void notIso() {
        assertEquals("\"13/05/2024\" is not an ISO date (use YYYY-MM-DD)", error("13/05/2024"));
        assertEquals("\"05/13/2024\" is not an ISO date (use YYYY-MM-DD)", error("05/13/2024"));
        assertEquals("\"2024-5-13\" is not an ISO date (use YYYY-MM-DD)", error("2024-5-13"));
        assertEquals("\"May 13, 2024\" is not an ISO date (use YYYY-MM-DD)", error("May 13, 2024"));
        assertEquals("\"20240513\" is not an ISO date (use YYYY-MM-DD)", error("20240513"));
        assertEquals("an empty value is not a date", error(""));
    }

    @Test
    void impossibleDates() {
        assertEquals("\"2024-02-30\" is not a valid date: February 2024 has 29 days", error("2024-02-30"));
        assertEquals("\"2023-02-29\" is not a valid date: February 2023 has 28 days", error("2023-02-29"));
        assertEquals("\"2024-04-31\" is not a valid date: April 2024 has 30 days", error("2024-04-31"));
        assertEquals("\"2024-13-01\" is not a valid date: there is no month 13", error("2024-13-01"));
        assertEquals("\"2024-00\" is not a valid date: there is no month 00", error("2024-00"));
        assertEquals("\"2024-05-00\" is not a valid date: there is no day 00", error("2024-05-00"));
    }

    @Test
    void impossibleTimes() {
        assertEquals("\"2024-05-13T24:00\" is not a valid time of day (hours 00-23, minutes and seconds 00-59)",
                error("2024-05-13T24:00"));
        assertEquals("\"2024-05-13T12:00+19:00\" has an impossible UTC offset +19:00", error("2024-05-13T12:00+19:00"));
    }

    @Test
    void isDate() {
        assertTrue(Dates.isDate("2024-05-13"));
        assertFalse(Dates.isDate("2024-02-30"));
        assertFalse(Dates.isDate("gpt4"));
    }
}
