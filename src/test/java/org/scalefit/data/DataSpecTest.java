package org.scalefit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.InvalidDataException;

class DataSpecTest {
    /** The remedy every bad-cell error ends with (issue 14: name skip-invalid). */
    private static final String REMEDY = "; fix the cell, or leave out rows that cannot be used with skip-invalid";

    private static final String RUNS = String.join("\n",
            "family,params,compute,loss,sd",
            "a,1e8,6e17,3.4,0.1",
            "a,1e9,6e19,2.9,0.1",
            "",
            "b,1e10,6e21,2.5,0.2",
            "b,NA,6e22,2.3,0.2",
            "b,1e11,6e23,,0.2",
            "");

    private static Table runs() {
        return TableReader.parse(RUNS, "runs.csv");
    }

    private static String error(Runnable r) {
        return assertThrows(InvalidDataException.class, r::run).getMessage();
    }

    @Test
    void columnsAndDerivedPredictor() {
        DataSpec spec = DataSpec.builder()
                .predictor("N=params")
                .derived("D=compute/(6*params)")
                .response("loss")
                .where("family==a")
                .build();
        LoadResult r = spec.load(runs());
        Observations obs = r.observations();
        assertEquals("runs.csv", obs.source());
        assertEquals(List.of("N", "D"), obs.predictorNames());
        assertEquals("params", obs.predictorColumn(0));
        assertEquals("compute/(6*params)", obs.predictorColumn(1));
        assertEquals("loss", obs.responseColumn());
        assertArrayEquals(new double[] {1e8, 1e9}, obs.xValues(0));
        assertArrayEquals(new double[] {1e9, 1e10}, obs.xValues(1), 1e-3);
        assertArrayEquals(new double[] {3.4, 2.9}, obs.yValues());
        assertEquals(2, obs.row(0));
        assertEquals(3, obs.row(1));
        assertEquals(List.of(), r.skipped());
        assertEquals(3, r.excluded());
        assertEquals("runs.csv: 2 of 5 rows used, 3 excluded by the filters", r.summary());
    }

    @Test
    void strictModeThrowsOnTheFirstBadCell() {
        DataSpec spec = DataSpec.builder().predictor("N=params").response("loss").build();
        assertEquals("row 6 of runs.csv, column \"params\": \"NA\" marks a missing value, not a number" + REMEDY,
                error(() -> spec.load(runs())));
    }

    @Test
    void skipInvalidReportsWhichRowsAndWhy() {
        DataSpec spec = DataSpec.builder().predictor("N=params").response("loss").group("family").skipInvalid(true).build();
        LoadResult r = spec.load(runs());
        Observations obs = r.observations();
        assertEquals(3, obs.size());
        assertArrayEquals(new double[] {1e8, 1e9, 1e10}, obs.xValues(0));
        assertEquals(2, obs.row(0));
        assertEquals(3, obs.row(1));
        assertEquals(5, obs.row(2), "the blank line 4 still counts");
        assertEquals(Optional.of("b"), obs.group(2));
        assertEquals(List.of(
                new SkippedRow(6, "params", "row 6 of runs.csv, column \"params\": \"NA\" marks a missing value, not a number"),
                new SkippedRow(7, "loss", "row 7 of runs.csv, column \"loss\" is empty")), r.skipped());
        assertEquals(5, r.rowsRead());
        assertEquals("runs.csv: 3 of 5 rows used, 2 skipped as invalid (rows 6, 7)", r.summary());
    }

    @Test
    void filtersRunBeforeCellsAreChecked() {
        DataSpec spec = DataSpec.builder().predictor("N=params").response("loss").where("family!=b").build();
        assertEquals(2, spec.load(runs()).observations().size());
    }

    @Test
    void filterOnABadCellIsSkippedOrThrown() {
        Table t = TableReader.parse("x,y,loss\n1,2,3\n2,3,abc\n3,4,2\n", "runs.csv");
        DataSpec.Builder b = DataSpec.builder().predictor("x").response("y").where("loss<2.5");
        assertEquals("filter loss<2.5: row 3 of runs.csv, column \"loss\": \"abc\" is not a number" + REMEDY,
                error(() -> b.build().load(t)));
        LoadResult r = b.skipInvalid(true).build().load(t);
        assertEquals(1, r.observations().size());
        assertEquals(4, r.observations().row(0));
        assertEquals(1, r.excluded());
        assertEquals(List.of(new SkippedRow(3, "loss", "filter loss<2.5: row 3 of runs.csv, column \"loss\": \"abc\" is not a number")),
                r.skipped());
    }

    @Test
    void nothingLeftAfterSkipping() {
        Table t = TableReader.parse("x,y\n1,NA\n2,\n", "runs.csv");
        DataSpec spec = DataSpec.builder().predictor("x").response("y").skipInvalid(true).build();
        assertEquals("no valid rows left in runs.csv: all 2 remaining rows were skipped as invalid;"
                        + " the first: row 2 of runs.csv, column \"y\": \"NA\" marks a missing value, not a number",
                error(() -> spec.load(t)));
    }

    @Test
    void nothingMatchesTheFilters() {
        DataSpec spec = DataSpec.builder().predictor("N=params").response("loss").where("family==a").where("loss<1").build();
        assertEquals("no rows of runs.csv match the filters family==a and loss<1 (5 rows read)", error(() -> spec.load(runs())));
    }

    @Test
    void unknownColumns() {
        DataSpec spec = DataSpec.builder().predictor("N=param").response("loss").build();
        assertEquals("unknown column \"param\" in runs.csv; columns are: family, params, compute, loss, sd (did you mean \"params\"?)",
                error(() -> spec.load(runs())));
        DataSpec byFilter = DataSpec.builder().predictor("N=params").response("loss").where("famly==a").build();
        assertEquals("unknown column \"famly\" in runs.csv; columns are: family, params, compute, loss, sd (did you mean \"family\"?)",
                error(() -> byFilter.load(runs())));
    }

    @Test
    void sigmaColumn() {
        DataSpec spec = DataSpec.builder().predictor("N=params").response("loss").sigma("sd").where("family==a").build();
        Observations obs = spec.load(runs()).observations();
        assertTrue(obs.hasSigma());
        assertTrue(obs.weightsAreInverseVariances());
        assertEquals(0.1, obs.sigma(0));
        assertEquals(100.0, obs.weight(0), 1e-9);
    }

    @Test
    void weightColumn() {
        Table t = TableReader.parse("x,y,w\n1,2,0.5\n2,3,2\n", "runs.csv");
        Observations obs = DataSpec.builder().predictor("x").response("y").weights("w").build().load(t).observations();
        assertFalse(obs.hasSigma());
        assertEquals(2.0, obs.weight(1));
    }

    @Test
    void nonPositiveWeightsAndSigmas() {
        Table t = TableReader.parse("x,y,w\n1,2,0.5\n2,3,-1\n3,4,0\n", "runs.csv");
        assertEquals("weights must be > 0: row 3 of runs.csv, column \"w\" is -1" + REMEDY,
                error(() -> DataSpec.builder().predictor("x").response("y").weights("w").build().load(t)));
        assertEquals("sigma must be > 0: row 3 of runs.csv, column \"w\" is -1" + REMEDY,
                error(() -> DataSpec.builder().predictor("x").response("y").sigma("w").build().load(t)));
        LoadResult r = DataSpec.builder().predictor("x").response("y").sigma("w").skipInvalid(true).build().load(t);
        assertEquals(1, r.observations().size());
        assertEquals(List.of(3, 4), r.skipped().stream().map(SkippedRow::row).toList());
        assertEquals("sigma must be > 0: row 4 of runs.csv, column \"w\" is 0", r.skipped().get(1).reason());
    }

    @Test
    void weightsAndSigmaAreExclusive() {
        assertEquals("give a weight column or a sigma column, not both (weights \"w\", sigma \"sd\")",
                error(() -> DataSpec.builder().predictor("x").response("y").weights("w").sigma("sd").build()));
    }

    @Test
    void incompleteSpecs() {
        assertEquals("no predictor column given", error(() -> DataSpec.builder().response("y").build()));
        assertEquals("no response column given", error(() -> DataSpec.builder().predictor("x").build()));
        assertEquals("predictor \"N\" is given twice",
                error(() -> DataSpec.builder().predictor("N=params").predictor("N=tokens").response("y").build()));
    }

    @Test
    void emptyGroupLabel() {
        Table t = TableReader.parse("x,y,g\n1,2,a\n2,3, \n", "runs.csv");
        assertEquals("row 3 of runs.csv, column \"g\" is empty" + REMEDY,
                error(() -> DataSpec.builder().predictor("x").response("y").group("g").build().load(t)));
    }

    @Test
    void datePredictor() {
        Table t = TableReader.parse("released,horizon\n2024-05-13,60\n2024-05,30\n2023.5,15\n", "runs.csv");
        DataSpec spec = DataSpec.builder().datePredictor("t=released").response("horizon").build();
        Observations obs = spec.load(t).observations();
        assertEquals(List.of("t"), obs.predictorNames());
        assertArrayEquals(new double[] {19856, 19844, Dates.toEpochDay("2023-07-02T12:00")}, obs.xValues(0), 1e-9);
        Table bad = TableReader.parse("released,horizon\n2024-05-13,60\n13/05/2024,30\n", "runs.csv");
        assertEquals("row 3 of runs.csv, column \"released\": \"13/05/2024\" is not an ISO date (use YYYY-MM-DD)" + REMEDY,
                error(() -> spec.load(bad)));
    }

    @Test
    void derivedPredictorWithZeroDenominator() {
        Table t = TableReader.parse("params,compute,loss\n1e8,6e17,3\n0,6e18,2\n", "runs.csv");
        DataSpec spec = DataSpec.builder().predictor("N=params").derived("D=compute/(6*params)").response("loss").build();
        assertEquals("cannot compute D = compute/(6*params): row 3 of runs.csv, column \"params\" is 0" + REMEDY,
                error(() -> spec.load(t)));
    }

    @Test
    void derivedPredictorThatOverflows() {
        Table t = TableReader.parse("params,compute,loss\n1e-300,1e300,3\n", "runs.csv");
        DataSpec spec = DataSpec.builder().derived("D=compute/(6*params)").response("loss").build();
        assertEquals("cannot compute D = compute/(6*params) in row 2 of runs.csv: compute 1e300 and params 1e-300"
                + " give a result too large for a double" + REMEDY, error(() -> spec.load(t)));
    }

    @Test
    void derivedPredictorWithBadCellNamesItsColumn() {
        Table t = TableReader.parse("params,compute,loss\n1e8,6e17,3\n1e9,n/a,2\n", "runs.csv");
        LoadResult r = DataSpec.builder().derived("D=compute/(6*params)").response("loss").skipInvalid(true).build().load(t);
        assertEquals(List.of(new SkippedRow(3, "compute", "row 3 of runs.csv, column \"compute\": \"n/a\" marks a missing value, not a number")),
                r.skipped());
    }

    @Test
    void jsonLinesWithNullsAreSkippedByLine() {
        Table t = TableReader.parse("{\"x\": 1, \"y\": 2}\n\n{\"x\": 2, \"y\": null}\n{\"x\": 3}\n{\"x\": 4, \"y\": \"5\"}\n", "runs.jsonl");
        LoadResult r = DataSpec.builder().predictor("x").response("y").skipInvalid(true).build().load(t);
        assertEquals(List.of(3, 4), r.skipped().stream().map(SkippedRow::row).toList());
        assertEquals(1, r.observations().row(0));
        assertEquals(5, r.observations().row(1));
        assertArrayEquals(new double[] {2, 5}, r.observations().yValues());
    }

    @Test
    void columnsListsWhatTheSpecReads() {
        DataSpec spec = DataSpec.builder().predictor("N=params").derived("D=compute/(6*params)").response("loss")
                .sigma("sd").group("family").where("date>=2023-01-01").build();
        assertEquals(List.of("params", "compute", "loss", "sd", "family", "date"), List.copyOf(spec.columns()));
    }

    @Test
    void loadsAFileReadingOnlyTheNeededColumns(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("sweep.csv");
        Files.writeString(p, "junk,params,notes,loss\nx,1e8,\"a, b\",3.1\ny,1e9,c,2.7\n");
        DataSpec spec = DataSpec.builder().predictor("N=params").response("loss").build();
        assertEquals(Set.of("params", "loss"), spec.columns());
        Observations obs = spec.load(p).observations();
        assertEquals("sweep.csv", obs.source());
        assertArrayEquals(new double[] {3.1, 2.7}, obs.yValues());
        assertEquals(3, obs.row(1));
    }
}
