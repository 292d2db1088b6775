package org.scalefit.horizon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.InvalidDataException;

/** Milestone lengths parse with units and carry their work-time names. */
class MilestoneTest {
    @Test
    void parsesUnits() {
        assertEquals(480, Milestone.parse("8h").minutes());
        assertEquals(90, Milestone.parse("90min").minutes());
        assertEquals(0.5, Milestone.parse("30s").minutes());
        assertEquals(90, Milestone.parse("1.5 h").minutes());
        assertEquals(15, Milestone.parse("15").minutes());
        assertEquals("8 h (work-day)", Milestone.parse("8h").label());
        assertEquals("2000 h (work-year)", Milestone.parse("2000h").label());
        assertEquals("1.5 h", Milestone.parse("90min").label());
        assertEquals("45 min", Milestone.parse("45min").label());
        assertEquals("30 s", Milestone.parse("30s").label());
    }

    @Test
    void defaultsAreAnHourAWorkDayWeekMonthAndYear() {
        assertEquals(List.of(60.0, 480.0, 2400.0, 10020.0, 120000.0),
                Milestone.defaults().stream().map(Milestone::minutes).toList());
        assertEquals(List.of("1 h", "8 h (work-day)", "40 h (work-week)", "167 h (work-month)", "2000 h (work-year)"),
                Milestone.defaults().stream().map(Milestone::label).toList());
    }

    @Test
    void rejectsAmbiguousAndMalformedLengths() {
        assertEquals("\"1d\" is ambiguous (a work-day is 8 h, a calendar day 24 h): write hours, e.g. 8h or 40h",
                assertThrows(InvalidDataException.class, () -> Milestone.parse("1d")).getMessage());
        assertEquals("\"8x\" has an unknown unit \"x\"; use s, min or h",
                assertThrows(InvalidDataException.class, () -> Milestone.parse("8x")).getMessage());
        assertEquals("\"eight\" is not a task length; write e.g. 8h, 90min or 30s",
                assertThrows(InvalidDataException.class, () -> Milestone.parse("eight")).getMessage());
        assertEquals("a milestone must be > 0, got \"0h\"",
                assertThrows(InvalidDataException.class, () -> Milestone.parse("0h")).getMessage());
    }
}
