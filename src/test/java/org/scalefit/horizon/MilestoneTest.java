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

    @Test
    void unitsChangeAtOneMinuteAndOneHour() {
        assertEquals("1 min", Milestone.parse("1min").label());
        assertEquals("59 s", Milestone.parse("59s").label());
        assertEquals("1 h", Milestone.parse("60min").label());
        assertEquals("59 min", Milestone.parse("59min").label());
        assertEquals("8.5 h", Milestone.parse("8.5h").label(), "510 minutes have no work-time name");
        assertEquals("8.00667 h", Milestone.parse("480.4min").label(), "rounds to a work-day but is not one");
        assertEquals("a milestone must be a finite length > 0, got 0.0 minutes",
                assertThrows(InvalidDataException.class, () -> new Milestone("zero", 0)).getMessage());
        assertThrows(InvalidDataException.class, () -> new Milestone("inf", Double.POSITIVE_INFINITY));
    }

    @Test
    void listsSkipEmptyItemsButNotEmptyLists() {
        assertEquals(List.of(60.0, 480.0), Milestone.parseList("1h, ,8h,").stream().map(Milestone::minutes).toList());
        assertEquals("no milestones given; write e.g. 8h,40h",
                assertThrows(InvalidDataException.class, () -> Milestone.parseList(" , ")).getMessage());
    }

    @Test
    void levelsOfOtherQuantitiesAreTheirOwnValues() {
        List<Milestone> levels = Milestone.parseLevels("1e26, ,3e27");
        assertEquals(List.of(1e26, 3e27), levels.stream().map(Milestone::minutes).toList());
        assertEquals(List.of("1e+26", "3e+27"), levels.stream().map(Milestone::label).toList());
        assertEquals(0.25, Milestone.level(0.25).minutes(), 0.0);
        for (double bad : new double[] {0, -1, Double.POSITIVE_INFINITY, Double.NaN}) {
            assertEquals("a milestone must be a finite level > 0, got " + bad,
                    assertThrows(InvalidDataException.class, () -> Milestone.level(bad)).getMessage());
        }
        assertEquals("\"lots\" is not a number; this trend's milestones are levels of the quantity itself, e.g. 1e26,1e27",
                assertThrows(InvalidDataException.class, () -> Milestone.parseLevels("1e26, lots")).getMessage());
        assertEquals("no milestones given; write e.g. 1e26,1e27",
                assertThrows(InvalidDataException.class, () -> Milestone.parseLevels(",")).getMessage());
    }
}
