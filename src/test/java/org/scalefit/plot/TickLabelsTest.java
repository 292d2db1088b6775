package org.scalefit.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.plot.TickLabels.DurationStyle;

/** Exact strings of the label formatter. */
class TickLabelsTest {

    @Test
    void powersOfTenUseSuperscripts() {
        assertEquals("10⁻⁹", TickLabels.powerOfTen(-9));
        assertEquals("10⁰", TickLabels.powerOfTen(0));
        assertEquals("10²³", TickLabels.powerOfTen(23));
        assertEquals("⁻¹²", TickLabels.superscript("-12"));
    }

    @Test
    void scientificWithoutPlusOrLeadingZeros() {
        assertEquals("1e15", TickLabels.scientific(1e15));
        assertEquals("6e18", TickLabels.scientific(6e18));
        assertEquals("2.5e-3", TickLabels.scientific(2.5e-3));
        assertEquals("1e10", TickLabels.scientific(9.99999e9));
        assertEquals("6e+18", TickLabels.scientificWithSign(6e18));
        assertEquals("−3e7", TickLabels.scientific(-3e7));
    }

    @Test
    void countsWithSuffixes() {
        assertEquals("100M", TickLabels.withSuffix(1e8));
        assertEquals("300M", TickLabels.withSuffix(3e8));
        assertEquals("1B", TickLabels.withSuffix(1e9));
        assertEquals("6B", TickLabels.withSuffix(6e9));
        assertEquals("63B", TickLabels.withSuffix(6.3e10));
        assertEquals("1.4T", TickLabels.withSuffix(1.4e12));
        assertEquals("10K", TickLabels.withSuffix(1e4));
        assertEquals("500", TickLabels.withSuffix(500));
        assertEquals("1M", TickLabels.withSuffix(999_999));
    }

    @Test
    void decimalsWithTrueMinus() {
        assertEquals("−500", TickLabels.decimal(-500, 0));
        assertEquals("0", TickLabels.decimal(-0.0001, 0));
        assertEquals("2.70", TickLabels.decimal(2.7, 2));
        assertEquals("0.001", TickLabels.decimal(0.001));
        assertEquals("3", TickLabels.decimal(3.0));
    }

    @Test
    void humanDurations() {
        double sec = 1.0 / 60;
        assertEquals(List.of("1 sec", "4 sec", "15 sec", "1 min", "4 min", "15 min", "1 hr", "4 hrs", "8 hrs", "1 day",
                "1 week", "1 month", "1 year"), List.of(
                TickLabels.duration(sec, DurationStyle.LONG), TickLabels.duration(4 * sec, DurationStyle.LONG),
                TickLabels.duration(15 * sec, DurationStyle.LONG), TickLabels.duration(1, DurationStyle.LONG),
                TickLabels.duration(4, DurationStyle.LONG), TickLabels.duration(15, DurationStyle.LONG),
                TickLabels.duration(60, DurationStyle.LONG), TickLabels.duration(240, DurationStyle.LONG),
                TickLabels.duration(480, DurationStyle.LONG), TickLabels.duration(1440, DurationStyle.LONG),
                TickLabels.duration(7 * 1440, DurationStyle.LONG),
                TickLabels.duration(365.2425 / 12 * 1440, DurationStyle.LONG),
                TickLabels.duration(365.2425 * 1440, DurationStyle.LONG)));
        assertEquals("1.5 hrs", TickLabels.duration(90, DurationStyle.LONG));
        assertEquals("2 weeks", TickLabels.duration(14 * 1440, DurationStyle.LONG));
        assertEquals("15s", TickLabels.duration(0.25, DurationStyle.SHORT));
        assertEquals("32h", TickLabels.duration(32 * 60, DurationStyle.SHORT));
    }

    @Test
    void datesAsYearsAndMonths() {
        double d = java.time.LocalDate.of(2024, 3, 15).toEpochDay();
        assertEquals("2024", TickLabels.year(d));
        assertEquals("Mar 2024", TickLabels.monthYear(d));
        assertEquals("2024-03-15", TickLabels.date(d));
    }

    @Test
    void huePaletteMatchesPlotnine() {
        // Jones (2021): scale_color_discrete(l=.4) for board sizes 3–9.
        List<String> hex = Colors.hue(7, 0.65, 0.4).stream().map(Colors::hex).toList();
        assertEquals(List.of("#a82c24", "#a89d24", "#42a824", "#24a877", "#2468a8", "#5224a8", "#a8248d"), hex);
        assertEquals(new Color(0x1f77b4), Colors.C0);
    }
}
