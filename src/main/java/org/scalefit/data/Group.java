package org.scalefit.data;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.scalefit.InvalidDataException;

/**
 * One group of a file read by {@link GroupedReader}: the rows that share the values of the key columns, as
 * observations ready to fit, or — when a cell of one of its rows cannot be used and invalid rows are not
 * skipped — the reason, so that the group fails on its own and the others go on.
 *
 * <pre>{@code
 * reader.read(file, index, group -> {
 *     if (group.data().isPresent()) {
 *         fit(group.keys(), group.data().get());
 *     } else {
 *         report(group.keys(), group.error().get().getMessage());
 *     }
 * });
 * }</pre>
 */
public final class Group {
    private final int index;
    private final List<String> keys;
    private final int rows;
    private final Observations data;
    private final InvalidDataException error;

    private Group(int index, List<String> keys, int rows, Observations data, InvalidDataException error) {
        this.index = index;
        this.keys = List.copyOf(keys);
        this.rows = rows;
        this.data = data;
        this.error = error;
    }

    /**
     * A group made in memory, e.g. by a caller that groups rows itself.
     *
     * @param index the group's place in the order of first appearance, 0-based
     * @param keys  the values of the key columns
     * @param data  the group's observations
     * @return the group
     */
    public static Group of(int index, List<String> keys, Observations data) {
        return new Group(index, keys, data.size(), Objects.requireNonNull(data, "data"), null);
    }

    /**
     * A group that cannot be fitted because of its data.
     *
     * @param index the group's place in the order of first appearance, 0-based
     * @param keys  the values of the key columns
     * @param rows  the group's rows in the file
     * @param error why
     * @return the group
     */
    public static Group failed(int index, List<String> keys, int rows, InvalidDataException error) {
        return new Group(index, keys, rows, null, Objects.requireNonNull(error, "error"));
    }

    /** @return the group's place in the order of first appearance in the file, 0-based */
    public int index() {
        return index;
    }

    /** @return the values of the key columns (labels: text without surrounding white space), in their order */
    public List<String> keys() {
        return keys;
    }

    /** @return the group's rows in the file that passed the filters (used, or with a cell that cannot be used) */
    public int rows() {
        return rows;
    }

    /** @return the observations, or empty when a row of the group has a cell that cannot be used */
    public Optional<Observations> data() {
        return Optional.ofNullable(data);
    }

    /** @return the first cell of the group that cannot be used, when invalid rows are not skipped */
    public Optional<InvalidDataException> error() {
        return Optional.ofNullable(error);
    }

    @Override
    public String toString() {
        return "Group[" + index + " " + keys + ", " + rows + " rows" + (error != null ? ", failed: " + error.getMessage() : "") + "]";
    }
}
