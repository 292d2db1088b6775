package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.data.DataSpec;
import org.scalefit.data.GroupIndex;
import org.scalefit.data.GroupedReader;
import org.scalefit.model.PowerLaw;

/**
 * {@link Sweep} hands groups to its workers in batches: whatever the batch limits and the thread count, every
 * group comes out once, in the order of first appearance (computed here from the file independently), with the
 * same row, bit for bit, as one group per batch on one thread — in a sorted file and in a shuffled one, with
 * groups larger than a batch and a group that fails on a bad cell.
 */
class SweepTest {
    @TempDir
    Path dir;

    private static final List<String> PARAMETERS = List.of("a", "alpha");

    /** 300 power-law groups of 3 to 40 rows (seeded), one group of 600 rows, one group with the word "bad" as a y. */
    private List<String> rows() {
        SplittableRandom rng = new SplittableRandom(16);
        List<String> rows = new ArrayList<>();
        for (int g = 0; g < 302; g++) {
            double a = Math.pow(10, 3 * rng.nextDouble());
            double alpha = 0.1 + 1.4 * rng.nextDouble();
            int n = g == 150 ? 600 : 3 + rng.nextInt(38);
            for (int i = 0; i < n; i++) {
                double x = Math.pow(10, 6 * rng.nextDouble());
                double y = a * Math.pow(x, -alpha) * Math.exp(0.1 * rng.nextGaussian());
                rows.add("g" + g + "," + x + "," + (g == 77 && i == 1 ? "bad" : Double.toString(y)));
            }
        }
        return rows;
    }

    private Path write(String name, List<String> rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("set,x,y");
        lines.addAll(rows);
        return Files.write(dir.resolve(name), lines);
    }

    private static List<String> sweep(Path file, int threads, int batchRows, int batchGroups) {
        GroupedReader reader = GroupedReader.of(DataSpec.builder().predictor("x").response("y").build(), List.of("set"));
        GroupIndex index = reader.index(file);
        List<String> out = new ArrayList<>();
        Sweep.run(reader, file, index, data -> new PowerLaw(), FitOptions.defaults(), PARAMETERS, threads, false,
                g -> g.group() + " " + Arrays.toString(g.row().cells(null)), out::add, batchRows, batchGroups);
        return out;
    }

    private static List<String> firstAppearance(List<String> rows) {
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        for (String r : rows) {
            keys.add(r.substring(0, r.indexOf(',')));
        }
        return new ArrayList<>(keys);
    }

    private static void check(List<String> expectedKeys, List<String> reference, Path file) {
        assertEquals(expectedKeys.size(), reference.size());
        for (int i = 0; i < reference.size(); i++) {
            assertTrue(reference.get(i).startsWith(expectedKeys.get(i) + " ["), reference.get(i));
        }
        for (int threads : new int[] {1, 2, 3}) {
            for (int[] limits : new int[][] {{1, 1}, {50, 4}, {1024, 64}, {1 << 20, 1 << 20}}) {
                assertEquals(reference, sweep(file, threads, limits[0], limits[1]),
                        threads + " threads, batches of " + limits[0] + " rows / " + limits[1] + " groups");
            }
        }
        assertEquals(reference, sweep(file, 2, Sweep.BATCH_ROWS, Sweep.BATCH_GROUPS));
    }

    @Test
    void aSortedFileComesOutInOrderWhateverTheBatchesAndThreads() throws IOException {
        List<String> rows = rows();
        Path file = write("sorted.csv", rows);
        List<String> reference = sweep(file, 1, 1, 1);
        check(firstAppearance(rows), reference, file);
        String bad = reference.get(77);
        assertTrue(bad.contains("bad") && bad.contains("row"), bad);
        assertFalse(reference.get(76).contains("bad"), reference.get(76));
    }

    /**
     * Forty small groups (a few hundred rows, under one default batch's limits) still reach both workers: the first
     * group's mapping waits until a second thread has mapped one too, which one batch for all would never allow.
     */
    @Test
    void aFewGroupsStillSpreadOverTheWorkers() throws IOException, InterruptedException {
        List<String> few = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(3);
        for (int g = 0; g < 40; g++) {
            for (int i = 1; i <= 9; i++) {
                few.add("s" + g + "," + i * 10 + "," + 5 * Math.pow(i * 10, -0.3) * (1 + 0.01 * rng.nextGaussian()));
            }
        }
        Path file = write("few.csv", few);
        GroupedReader reader = GroupedReader.of(DataSpec.builder().predictor("x").response("y").build(), List.of("set"));
        CountDownLatch twoThreads = new CountDownLatch(2);
        List<Boolean> met = new ArrayList<>();
        Sweep.run(reader, file, reader.index(file), data -> new PowerLaw(), FitOptions.defaults(), PARAMETERS, 2, false,
                g -> {
                    twoThreads.countDown();
                    try {
                        return twoThreads.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }, met::add);
        assertEquals(40, met.size());
        assertTrue(met.stream().allMatch(b -> b), "one worker fitted every group");
    }

    @Test
    void aShuffledFileComesOutInOrderOfFirstAppearance() throws IOException {
        List<String> rows = rows();
        List<String> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(7));
        Path file = write("shuffled.csv", shuffled);
        List<String> reference = sweep(file, 1, 1, 1);
        assertFalse(firstAppearance(shuffled).equals(firstAppearance(rows)), "the shuffle changed the order of the groups");
        check(firstAppearance(shuffled), reference, file);
    }
}
