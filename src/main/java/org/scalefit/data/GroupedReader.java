package org.scalefit.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.scalefit.InvalidDataException;

/**
 * Reads a file one group at a time — the rows that share the values of one or more key columns — in two
 * streamed passes, so that memory holds the groups being read, not the file:
 * <ol>
 * <li>{@link #index}: the key columns (and the filters' columns) only, counting each group's rows by a 64-bit
 *     hash of its keys and noting whether the file is sorted by them. Errors of the file itself (a missing
 *     column, a row with the wrong number of fields, a quote never closed, bad UTF-8) and of the keys and
 *     filters (an empty key; with {@code skipInvalid} such rows are left out) are raised here, before any
 *     group is handed over;</li>
 * <li>{@link #read}: every column the spec needs; a group is handed to the sink as soon as its last row has
 *     been read. In a file sorted by the keys that is when the next group begins, and one group is open at a
 *     time; in an unsorted file a group stays open until its last row, wherever that is, so memory grows with
 *     how far a group's rows are spread (sort the file for the least).</li>
 * </ol>
 * Groups are numbered in the order they first appear ({@link Group#index()}); a sorted file hands them over in
 * that order, an unsorted one in the order they complete. A cell that cannot be used (a word where a number
 * belongs, a weight ≤ 0) fails its group alone, with the message the whole-file load would give
 * ({@link Group#error()}); with {@code skipInvalid} the row is left out and listed in {@link Summary#skipped()}.
 * Row numbers, messages and values are those of {@link DataSpec#load}: a group's observations equal, value for
 * value, the rows of that group in the whole-file load.
 *
 * <pre>{@code
 * DataSpec spec = DataSpec.builder().predictor("x").response("y").build();
 * GroupedReader reader = GroupedReader.of(spec, List.of("run"));
 * GroupIndex index = reader.index(Path.of("sweep.csv"));            // pass 1: counts
 * GroupedReader.Summary s = reader.read(Path.of("sweep.csv"), index, group -> fit(group));
 * }</pre>
 */
public final class GroupedReader {
    private final DataSpec spec;
    private final List<String> keys;

    private GroupedReader(DataSpec spec, List<String> keys) {
        this.spec = spec;
        this.keys = keys;
    }

    /**
     * @param spec the columns, filters and rules of the observations (its group and item columns, if any, are
     *             read into each group's observations as usual)
     * @param keys the key columns, at least one
     * @return the reader
     * @throws IllegalArgumentException without key columns
     */
    public static GroupedReader of(DataSpec spec, List<String> keys) {
        Objects.requireNonNull(spec, "spec");
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a grouped read needs at least one key column");
        }
        return new GroupedReader(spec, List.copyOf(keys));
    }

    /** @return the key columns */
    public List<String> keys() {
        return keys;
    }

    /**
     * What the second pass found besides the groups.
     *
     * @param groups   the groups handed over
     * @param skipped  rows left out as invalid (with {@code skipInvalid}), in file order
     * @param excluded rows the filters excluded
     */
    public record Summary(int groups, List<SkippedRow> skipped, int excluded) {
        /**
         * @param groups   the groups handed over
         * @param skipped  rows left out as invalid, in file order
         * @param excluded rows the filters excluded
         */
        public Summary {
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * The first pass: counts each group's rows and notes whether the file is sorted by the keys.
     *
     * @param file a CSV, TSV or JSON Lines file
     * @return the counts
     * @throws InvalidDataException for a bad file, an unknown column, an empty key or a filter that cannot read
     *                              its cell (unless invalid rows are skipped), or when no row is left
     */
    public GroupIndex index(Path file) {
        SpecLoader loader = new SpecLoader(spec);
        GroupIndex.Counts counts = new GroupIndex.Counts();
        long[] rows = {0};
        long[] last = {0};
        String[] source = {file.getFileName() == null ? file.toString() : file.getFileName().toString()};
        Tally tally = new Tally(loader);
        GroupIndex.Reappearance[] back = {null};
        scan(file, loader, tally, (chunk, reading, keyCols, r, h) -> {
            source[0] = chunk.source();
            if (counts.increment(h) > 0 && h != last[0] && back[0] == null) {
                back[0] = new GroupIndex.Reappearance(chunk.sourceRow(r), labels(chunk, r, keyCols));
            }
            last[0] = h;
            rows[0]++;
        });
        if (rows[0] == 0) {
            throw loader.nothingLeft(source[0], tally.excluded, tally.skipped);
        }
        return new GroupIndex(counts, counts.size(), rows[0], back[0]);
    }

    /**
     * The second pass: hands each group to {@code sink} as soon as its last row has been read.
     *
     * @param file  the file {@code index} was made from (it must not change in between)
     * @param index the first pass's counts
     * @param sink  receives the groups (on the calling thread); a group all of whose rows were skipped as
     *              invalid is not handed over, as it would not exist in the whole-file load
     * @return the rows skipped and excluded, and how many groups were handed over
     * @throws InvalidDataException for a bad file (as the first pass)
     */
    public Summary read(Path file, GroupIndex index, Consumer<Group> sink) {
        Pass pass = new Pass(index.counts().copy(), sink);
        scan(file, pass.loader, pass.tally, pass::row);
        pass.finish();
        return new Summary(pass.next, pass.tally.skipped, pass.tally.excluded);
    }

    private Set<String> columns() {
        Set<String> all = new LinkedHashSet<>(spec.columns());
        all.addAll(keys);
        return all;
    }

    private int[] keyColumns(Table chunk) {
        int[] cols = new int[keys.size()];
        for (int k = 0; k < cols.length; k++) {
            cols[k] = chunk.columnIndex(keys.get(k));
        }
        return cols;
    }

    /**
     * The hash of a row's keys: one key's label hash, or the labels' hashes combined in order.
     *
     * @throws SpecLoader.BadCell for an empty key, naming its column
     */
    private long hash(Table chunk, int r, int[] keyCols) {
        int k = 0;
        try {
            if (keyCols.length == 1) {
                return chunk.labelHash(r, keyCols[0]);
            }
            long h = 0x9E3779B97F4A7C15L;
            for (; k < keyCols.length; k++) {
                h = (h ^ chunk.labelHash(r, keyCols[k])) * 0xbf58476d1ce4e5b9L;
                h ^= h >>> 31;
            }
            return h == 0 ? 1 : h;
        } catch (InvalidDataException e) {
            throw new SpecLoader.BadCell(keys.get(k), e);
        }
    }

    private static List<String> labels(Table chunk, int r, int[] keyCols) {
        String[] out = new String[keyCols.length];
        for (int k = 0; k < keyCols.length; k++) {
            out[k] = Cells.label(chunk, r, keyCols[k]);
        }
        return Arrays.asList(out);
    }

    /** What a pass does with each row that passes the filters and has its keys. */
    @FunctionalInterface
    private interface KeyedRow {
        void accept(Table chunk, SpecLoader.Reading reading, int[] keyCols, int r, long hash);
    }

    /** Streams the file's chunks and hands over each row that passes the filters and has its keys. */
    private void scan(Path file, SpecLoader loader, Tally tally, KeyedRow visitor) {
        TableReader.readChunks(file, columns(), DataSpec.CHUNK_ROWS, chunk -> {
            SpecLoader.Reading reading = loader.bind(chunk);
            int[] keyCols = keyColumns(chunk);
            for (int r = 0; r < chunk.rowCount(); r++) {
                long h = tally.keyHash(reading, keyCols, r);
                if (h != 0) {
                    visitor.accept(chunk, reading, keyCols, r, h);
                }
            }
        });
    }

    /** The rows a pass left out: excluded by the filters, or skipped as invalid (listed). */
    private final class Tally {
        private final SpecLoader loader;
        private final List<SkippedRow> skipped = new ArrayList<>();
        private int excluded;

        Tally(SpecLoader loader) {
            this.loader = loader;
        }

        /**
         * @return the hash of row r's keys, or 0 when the filters exclude the row or a cell of its filters or keys
         *         cannot be used and invalid rows are skipped (the row is counted or listed here)
         * @throws InvalidDataException for such a cell when invalid rows are not skipped
         */
        long keyHash(SpecLoader.Reading reading, int[] keyCols, int r) {
            try {
                if (!reading.passes(r)) {
                    excluded++;
                    return 0;
                }
                return hash(reading.table, r, keyCols);
            } catch (SpecLoader.BadCell e) {
                skip(reading.table.sourceRow(r), e);
                return 0;
            }
        }

        /** Lists a row with a bad cell, or throws its reason when invalid rows are not skipped. */
        void skip(int row, SpecLoader.BadCell e) {
            if (!loader.skipInvalid()) {
                throw e.withRemedy();
            }
            skipped.add(new SkippedRow(row, e.column, e.reason.getMessage()));
        }
    }

    /** The second pass's state: the open groups and what has been handed over. */
    private final class Pass {
        final SpecLoader loader = new SpecLoader(spec);
        final Tally tally = new Tally(loader);
        private final GroupIndex.Counts remaining;
        private final Consumer<Group> sink;
        private final Map<Long, List<Open>> open = new HashMap<>();
        private Open current;
        private String source;
        private int next;
        private int orderCounter;

        Pass(GroupIndex.Counts remaining, Consumer<Group> sink) {
            this.remaining = remaining;
            this.sink = sink;
        }

        void row(Table chunk, SpecLoader.Reading reading, int[] keyCols, int r, long h) {
            source = chunk.source();
            Open g = current != null && current.hash == h && current.matches(chunk, r, keyCols) ? current
                    : find(h, chunk, r, keyCols);
            current = g;
            g.add(chunk, r, reading);
            if (remaining.decrement(h) == 0) {
                close(h);
            }
        }

        private Open find(long h, Table chunk, int r, int[] keyCols) {
            List<Open> same = open.computeIfAbsent(h, k -> new ArrayList<>(1));
            for (Open g : same) {
                if (g.matches(chunk, r, keyCols)) {
                    return g;
                }
            }
            Open g = new Open(h, labels(chunk, r, keyCols));
            same.add(g);
            return g;
        }

        /** Every group of this hash is complete (a hash shared by two groups completes both at once). */
        private void close(long h) {
            List<Open> done = open.remove(h);
            if (done == null) {
                return;
            }
            for (Open g : done) {
                hand(g);
            }
            if (current != null && current.hash == h) {
                current = null;
            }
        }

        /** At the end: groups a changed file left open, in order of first appearance. */
        void finish() {
            List<Open> left = new ArrayList<>();
            open.values().forEach(left::addAll);
            left.sort((a, b) -> Integer.compare(a.order, b.order));
            open.clear();
            for (Open g : left) {
                hand(g);
            }
        }

        private void hand(Open g) {
            if (g.index < 0) {
                return;
            }
            sink.accept(g.error != null ? Group.failed(g.index, g.keys, g.rows, g.error)
                    : Group.of(g.index, g.keys, g.observations(source)));
        }

        /** A group being read: its rows' values so far, in file order. */
        private final class Open {
            final long hash;
            final List<String> keys;
            final int order;
            int index = -1;
            int rows;
            int m;
            double[][] x = new double[loader.predictorCount()][4];
            double[] y = new double[4];
            double[] spread = loader.hasSpread() ? new double[4] : null;
            String[] groupLabels = spec.groupColumn().isPresent() ? new String[4] : null;
            String[] itemLabels = spec.itemColumn().isPresent() ? new String[4] : null;
            int[] rowNumbers = new int[4];
            InvalidDataException error;

            Open(long hash, List<String> keys) {
                this.hash = hash;
                this.keys = keys;
                this.order = orderCounter++;
            }

            boolean matches(Table chunk, int r, int[] keyCols) {
                for (int k = 0; k < keyCols.length; k++) {
                    if (!chunk.labelEquals(r, keyCols[k], keys.get(k))) {
                        return false;
                    }
                }
                return true;
            }

            void add(Table chunk, int r, SpecLoader.Reading reading) {
                rows++;
                ensure();
                try {
                    reading.values(r, x, y, spread, groupLabels, itemLabels, m);
                } catch (SpecLoader.BadCell e) {
                    if (loader.skipInvalid()) {
                        tally.skip(chunk.sourceRow(r), e);
                        return;
                    }
                    if (error == null) {
                        error = e.withRemedy();
                    }
                    number();
                    return;
                }
                number();
                rowNumbers[m++] = chunk.sourceRow(r);
            }

            /** The group's number is given by its first used row (the whole-file load's order of first appearance). */
            private void number() {
                if (index < 0) {
                    index = next++;
                }
            }

            private void ensure() {
                if (m < y.length) {
                    return;
                }
                int size = y.length * 2;
                for (int j = 0; j < x.length; j++) {
                    x[j] = Arrays.copyOf(x[j], size);
                }
                y = Arrays.copyOf(y, size);
                spread = spread == null ? null : Arrays.copyOf(spread, size);
                groupLabels = groupLabels == null ? null : Arrays.copyOf(groupLabels, size);
                itemLabels = itemLabels == null ? null : Arrays.copyOf(itemLabels, size);
                rowNumbers = Arrays.copyOf(rowNumbers, size);
            }

            Observations observations(String sourceName) {
                double[][] xs = new double[x.length][];
                for (int j = 0; j < x.length; j++) {
                    xs[j] = Arrays.copyOf(x[j], m);
                }
                Observations.Builder b = loader.builder(sourceName, xs, Arrays.copyOf(y, m),
                        spread == null ? null : Arrays.copyOf(spread, m), Arrays.copyOf(rowNumbers, m));
                if (groupLabels != null) {
                    b.groups(Arrays.copyOf(groupLabels, m));
                }
                if (itemLabels != null) {
                    b.items(Arrays.copyOf(itemLabels, m));
                }
                return b.build();
            }
        }
    }

    @Override
    public String toString() {
        return "GroupedReader[" + String.join(", ", keys) + "; " + spec + "]";
    }
}
