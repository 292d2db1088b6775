package org.scalefit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.InvalidDataException;
import org.scalefit.fit.GroupFit;

/**
 * {@link GroupedReader} against the whole-file load ({@link DataSpec#load} then {@link GroupFit#split}): every
 * group's observations equal, value for value (predictors, response, weights, labels, row numbers), the rows of
 * that group in the whole-file load — in sorted and shuffled files of more than one 32,768-row chunk, with
 * filters, weights and invalid rows skipped — and the groups come in order of first appearance, one open group
 * at a time when the file is sorted.
 */
class GroupedReaderTest {
    @TempDir
    Path dir;

    /** 3,000 groups of 5 to 25 rows (about 45,000 rows: two chunks), with a filter column and weights. */
    private List<String> rows(Random rng) {
        List<String> rows = new ArrayList<>();
        for (int g = 0; g < 3000; g++) {
            int n = 5 + rng.nextInt(21);
            for (int i = 0; i < n; i++) {
                rows.add("run " + g + "," + rng.nextInt(4) + "," + Math.pow(10, 6 * rng.nextDouble()) + ","
                        + rng.nextDouble() * 10 + "," + (0.1 + rng.nextDouble()));
            }
        }
        return rows;
    }

    private Path write(String name, List<String> rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("run,stage,x,y,w");
        lines.addAll(rows);
        Path p = dir.resolve(name);
        Files.write(p, lines);
        return p;
    }

    private static DataSpec spec(boolean labels, boolean skip) {
        DataSpec.Builder b = DataSpec.builder().predictor("x").response("y").weights("w").where("stage != 0").skipInvalid(skip);
        if (labels) {
            b.group("run");
        }
        return b.build();
    }

    private static Map<String, Observations> streamed(Path file, DataSpec spec, List<Integer> order, int[] maxOpen) {
        GroupedReader reader = GroupedReader.of(spec, List.of("run"));
        GroupIndex index = reader.index(file);
        Map<String, Observations> out = new LinkedHashMap<>();
        reader.read(file, index, g -> {
            order.add(g.index());
            out.put(g.keys().get(0), g.data().orElseThrow());
        });
        return out;
    }

    @Test
    void sortedAndShuffledFilesGiveTheWholeLoadsGroups() throws IOException {
        List<String> rows = rows(new Random(1));
        Path sorted = write("sorted.csv", rows);
        List<String> shuffledRows = new ArrayList<>(rows);
        Collections.shuffle(shuffledRows, new Random(2));
        Path shuffled = write("shuffled.csv", shuffledRows);
        for (Path file : List.of(sorted, shuffled)) {
            Map<String, Observations> whole = GroupFit.split(spec(true, false).load(file).observations());
            List<Integer> order = new ArrayList<>();
            Map<String, Observations> groups = streamed(file, spec(true, false), order, null);
            assertEquals(new ArrayList<>(whole.keySet()), sortedByIndex(groups, order), file.toString());
            assertEquals(whole, groups, file.toString());
            GroupIndex index = GroupedReader.of(spec(true, false), List.of("run")).index(file);
            assertEquals(whole.size(), index.groups());
            assertEquals(file == sorted, index.sorted());
        }
    }

    /** The keys in their numbered order (an unsorted file hands groups over as they complete). */
    private static List<String> sortedByIndex(Map<String, Observations> groups, List<Integer> order) {
        List<String> keys = new ArrayList<>(groups.keySet());
        String[] byIndex = new String[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            byIndex[order.get(i)] = keys.get(i);
        }
        return List.of(byIndex);
    }

    @Test
    void aSortedFileHandsEachGroupOverBeforeTheNextOneEnds() throws IOException {
        Path file = write("sorted.csv", rows(new Random(3)));
        GroupedReader reader = GroupedReader.of(spec(false, false), List.of("run"));
        List<Integer> order = new ArrayList<>();
        GroupIndex index = reader.index(file);
        reader.read(file, index, g -> order.add(g.index()));
        for (int i = 0; i < order.size(); i++) {
            assertEquals(i, order.get(i));
        }
        // A run whose rows the filter all excludes is no group.
        assertEquals(index.groups(), order.size());
        assertTrue(order.size() > 2990, "" + order.size());
    }

    @Test
    void anUnsortedFileSaysWhereAGroupCameBack() throws IOException {
        Path file = write("back.csv", List.of("a,1,1,1,1", "a,1,2,1,1", "b,1,1,1,1", "a,1,3,1,1", "c,1,1,1,1"));
        GroupIndex index = GroupedReader.of(spec(false, false), List.of("run")).index(file);
        assertFalse(index.sorted());
        assertEquals(new GroupIndex.Reappearance(5, List.of("a")), index.reappearance().orElseThrow());
        assertEquals(3, index.groups());
        assertEquals(5, index.rows());
    }

    @Test
    void aBadCellFailsItsGroupAloneOrIsSkipped() throws IOException {
        Path file = write("bad.csv", List.of("a,1,1,1,1", "a,1,2,0.5,1", "b,1,1,1,1", "b,1,2,oops,1", "b,1,3,1,1",
                "c,1,1,1,1", "c,1,2,2,1", "d,1,1,nope,1"));
        GroupedReader strict = GroupedReader.of(spec(false, false), List.of("run"));
        List<Group> groups = new ArrayList<>();
        GroupedReader.Summary s = strict.read(file, strict.index(file), groups::add);
        assertEquals(List.of("a", "b", "c", "d"), groups.stream().map(g -> g.keys().get(0)).toList());
        assertEquals("row 5 of bad.csv, column \"y\": \"oops\" is not a number; fix the cell, or leave out rows that cannot be used with skip-invalid", groups.get(1).error().orElseThrow().getMessage());
        assertEquals(3, groups.get(1).rows());
        assertTrue(groups.get(2).data().isPresent());
        assertEquals(0, s.skipped().size());
        GroupedReader skipping = GroupedReader.of(spec(false, true), List.of("run"));
        groups.clear();
        s = skipping.read(file, skipping.index(file), groups::add);
        // "d" has no valid row left: it does not exist, as in the whole-file load.
        assertEquals(List.of("a", "b", "c"), groups.stream().map(g -> g.keys().get(0)).toList());
        assertEquals(2, groups.get(1).data().orElseThrow().size());
        assertEquals(List.of(5, 9), s.skipped().stream().map(SkippedRow::row).toList());
        assertEquals(3, s.groups());
    }

    @Test
    void severalKeysEmptyKeysAndNothingLeft() throws IOException {
        Path file = write("keys.csv", List.of("a,1,1,1,1", "a,2,1,1,1", "a,1,2,1,1", " ,1,1,1,1"));
        DataSpec all = DataSpec.builder().predictor("x").response("y").build();
        GroupedReader two = GroupedReader.of(all, List.of("run", "stage"));
        InvalidDataException empty = assertThrows(InvalidDataException.class, () -> two.index(file));
        assertEquals("row 5 of keys.csv, column \"run\" is empty; fix the cell, or leave out rows that cannot be used with skip-invalid", empty.getMessage());
        GroupedReader twoFiltered = GroupedReader.of(DataSpec.builder().predictor("x").response("y").where("x < 2")
                .skipInvalid(true).build(), List.of("run", "stage"));
        GroupIndex index = twoFiltered.index(file);
        assertTrue(index.sorted(), "the filter leaves (a, 1) together");
        List<Group> groups = new ArrayList<>();
        twoFiltered.read(file, index, groups::add);
        assertEquals(List.of(List.of("a", "1"), List.of("a", "2")), groups.stream().map(Group::keys).toList());
        InvalidDataException none = assertThrows(InvalidDataException.class, () -> GroupedReader.of(
                DataSpec.builder().predictor("x").response("y").where("x > 5").build(), List.of("run")).index(file));
        assertTrue(none.getMessage().startsWith("no rows of keys.csv match the filter"), none.getMessage());
    }
}
