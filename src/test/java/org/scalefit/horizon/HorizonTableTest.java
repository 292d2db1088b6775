package org.scalefit.horizon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.InvalidDataException;

/**
 * Reading a table of horizons and a file of release dates, on small files written here: every date is
 * checked against {@link LocalDate#toEpochDay()}, every number against the cell it came from, and every
 * refusal by its one-line message.
 */
class HorizonTableTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static double day(String iso) {
        return LocalDate.parse(iso).toEpochDay();
    }

    private HorizonTable read(String text, boolean skipInvalid) throws IOException {
        return HorizonTable.read(write("h.csv", text), HorizonTable.Columns.defaults(), List.of(), skipInvalid);
    }

    @Test
    void releaseDatesFromMetrsYaml() throws IOException {
        Path yaml = write("release_dates.yaml", """
                # METR's release dates
                other:
                  gpt-2: 2000-01-01

                date:
                  gpt-2: 2019-02-14
                  "claude-3-5-sonnet-20241022": '2024-10-22'
                  # a comment inside the map
                  o1: 2024-12-05
                """);
        Map<String, Double> d = HorizonTable.releaseDates(yaml);
        assertEquals(Map.of("gpt-2", day("2019-02-14"), "claude-3-5-sonnet-20241022", day("2024-10-22"),
                "o1", day("2024-12-05")), d);
        assertEquals(List.of("gpt-2", "claude-3-5-sonnet-20241022", "o1"), List.copyOf(d.keySet()), "in file order");
        Path plural = write("dates.yml", "dates:\n  a: 2020-01-02\n");
        assertEquals(Map.of("a", day("2020-01-02")), HorizonTable.releaseDates(plural));
        assertEquals(Map.of("x'", day("2020-01-02")), HorizonTable.releaseDates(write("q.yaml", "date:\n  x': 2020-01-02\n")),
                "one quote is part of the name");
    }

    @Test
    void badYamlIsNamedByLine() throws IOException {
        assertEquals("line 2 of a.yaml is not \"model: YYYY-MM-DD\"", assertThrows(InvalidDataException.class,
                () -> HorizonTable.releaseDates(write("a.yaml", "date:\n  no colon here\n"))).getMessage());
        assertEquals("b.yaml has no \"date:\" map of model: YYYY-MM-DD", assertThrows(InvalidDataException.class,
                () -> HorizonTable.releaseDates(write("b.yaml", "other:\n  a: 2020-01-01\n"))).getMessage());
        String bad = assertThrows(InvalidDataException.class,
                () -> HorizonTable.releaseDates(write("c.yaml", "date:\n  a: 2020-01-01\n  b: soon\n"))).getMessage();
        assertEquals("line 3 of c.yaml: ", bad.substring(0, "line 3 of c.yaml: ".length()));
        assertEquals("file not found: " + dir.resolve("none.yaml"), assertThrows(InvalidDataException.class,
                () -> HorizonTable.releaseDates(dir.resolve("none.yaml"))).getMessage());
    }

    @Test
    void releaseDatesFromATableOfTwoColumns() throws IOException {
        assertEquals(Map.of("a", day("2021-03-04"), "b", day("2022-05-06")),
                HorizonTable.releaseDates(write("d.csv", "model,date\na,2021-03-04\nb,2022-05-06\n")));
        assertEquals("e.csv needs two columns: model and release date", assertThrows(InvalidDataException.class,
                () -> HorizonTable.releaseDates(write("e.csv", "model\na\n"))).getMessage());
    }

    @Test
    void horizonsWithTheirIntervals() throws IOException {
        HorizonTable t = read("""
                model,release_date,p50_minutes,p50_ci_low,p50_ci_high
                a,2023-01-01,10,5,20
                b,2024-01-01,30,,
                c,2024-06-01,0,0,2
                """, false);
        assertEquals(3, t.points().size());
        HorizonPoint a = t.points().get(0);
        assertEquals(new HorizonPoint("a", day("2023-01-01"), 10, 5, 20, null), a);
        assertEquals(Double.NaN, t.points().get(1).lower(), "a blank interval is no interval");
        assertEquals(0, t.points().get(2).minutes(), 0.0);
        assertEquals(null, t.version());
        assertEquals(List.of(), t.notes());
    }

    @Test
    void anIntervalMustHaveBothEndsAndContainTheHorizon() throws IOException {
        assertEquals("h.csv has p50_ci_low but not p50_ci_high; give both interval ends or neither",
                assertThrows(InvalidDataException.class, () -> read("model,release_date,p50_minutes,p50_ci_low\na,2023-01-01,10,5\n",
                        false)).getMessage().replaceAll(".*/", ""));
        assertEquals("row 2 of h.csv: the interval [11, 20] does not contain the horizon 10", assertThrows(InvalidDataException.class,
                () -> read("model,release_date,p50_minutes,p50_ci_low,p50_ci_high\na,2023-01-01,10,11,20\n", false)).getMessage()
                .replace(dir.resolve("h.csv").toString(), "h.csv"));
        // ends on the horizon are inside; a horizon above the upper end is not
        assertEquals(1, read("model,release_date,p50_minutes,p50_ci_low,p50_ci_high\na,2023-01-01,10,10,10\n", false)
                .points().size());
        assertThrows(InvalidDataException.class,
                () -> read("model,release_date,p50_minutes,p50_ci_low,p50_ci_high\na,2023-01-01,10,5,9.99\n", false));
        assertThrows(InvalidDataException.class,
                () -> read("model,release_date,p50_minutes,p50_ci_low,p50_ci_high\na,2023-01-01,10,-1,20\n", false));
    }

    @Test
    void invalidRowsAreSkippedOnlyWhenAsked() throws IOException {
        String text = "model,release_date,p50_minutes\na,2023-01-01,10\nb,2023-02-01,-3\nc,2023-03-01,12\n";
        assertThrows(InvalidDataException.class, () -> read(text, false));
        HorizonTable t = read(text, true);
        assertEquals(List.of("a", "c"), t.points().stream().map(HorizonPoint::model).toList());
        assertEquals(1, t.skipped().size());
        assertEquals(3, t.skipped().get(0).row());
        assertEquals("p50_minutes", t.skipped().get(0).column());
        assertEquals("model \"a\" appears twice", assertThrows(InvalidDataException.class,
                () -> read("model,release_date,p50_minutes\na,2023-01-01,10\na,2023-02-01,3\n", true)).getMessage()
                .substring(0, "model \"a\" appears twice".length()));
    }

    @Test
    void aTableWithoutModelNamesNamesItsRows() throws IOException {
        HorizonTable t = read("release_date,p50_minutes\n2023-01-01,10\n2023-02-01,3\n", false);
        assertEquals(List.of("row 2", "row 3"), t.points().stream().map(HorizonPoint::model).toList());
        HorizonTable keyed = read("model_key,release_date,p50_minutes\nx,2023-01-01,10\n", false);
        assertEquals("x", keyed.points().get(0).model(), "METR's model_key stands in for model");
    }

    @Test
    void aTableOfSeveralVersionsUsesTheFirstAndSaysSo() throws IOException {
        String text = "model,release_date,p50_minutes,benchmark_version\na,2023-01-01,10,TH1.1\nb,2023-02-01,3,TH1.0\n"
                + "c,2023-03-01,12,TH1.1\n";
        HorizonTable t = read(text, false);
        assertEquals("TH1.1", t.version());
        assertEquals(List.of("a", "c"), t.points().stream().map(HorizonPoint::model).toList());
        assertEquals(1, t.notes().size());
        HorizonTable only = HorizonTable.read(dir.resolve("h.csv"),
                new HorizonTable.Columns("model", "release_date", "p50_minutes", null, null, "TH1.0"), List.of());
        assertEquals(List.of("b"), only.points().stream().map(HorizonPoint::model).toList());
        assertEquals(List.of(), only.notes());
        HorizonTable metr = HorizonTable.read(write("m.csv", "model,release_date,p50_minutes,benchmark\n"
                + "a,2023-01-01,10,METR-Horizon-v1.1\n"), new HorizonTable.Columns("model", "release_date", "p50_minutes", null,
                null, "TH1.1"), List.of());
        assertEquals("METR-Horizon-v1.1", metr.version(), "METR's own name for TH1.1");
    }
}
