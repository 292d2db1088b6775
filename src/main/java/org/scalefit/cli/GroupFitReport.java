package org.scalefit.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.scalefit.Numbers;
import org.scalefit.Progress;
import org.scalefit.fit.GroupFit;
import org.scalefit.fit.GroupRow;

/**
 * The output of {@code scalefit fit --by COLUMN}, written as the groups arrive (in order of first appearance):
 * one aligned text line per group, or with {@code --json} one object per group inside the streamed
 * {@code {"by", "groups": [...], "n_groups", "failed", ...}}, and with {@code --output FILE} one row per group of
 * the compact table. A group that could not be fitted carries its error instead of a fit.
 *
 * <pre>{@code
 * GroupFitReport r = GroupFitReport.text(out, List.of("set"), List.of("a", "alpha"), null, Progress.NONE);
 * Sweep.run(reader, file, index, law, options, parameters, threads, false, r::prepare, r);
 * r.finish(tail);
 * }</pre>
 */
final class GroupFitReport implements Consumer<GroupFitReport.Prepared> {
    private final List<String> keyColumns;
    private final List<Double> targets;
    private final ObjectNode dataSpec;
    private final StreamedTable text;
    private final JsonGenerator json;
    private final GroupTableFile table;
    private final Progress progress;
    private final long expected;
    private int groups;
    private long failed;
    private String firstFailure;

    private GroupFitReport(List<String> keyColumns, List<Double> targets, ObjectNode dataSpec, StreamedTable text,
                           JsonGenerator json, GroupTableFile table, Progress progress, long expected) {
        this.keyColumns = List.copyOf(keyColumns);
        this.targets = targets;
        this.dataSpec = dataSpec;
        this.text = text;
        this.json = json;
        this.table = table;
        this.progress = progress;
        this.expected = expected;
    }

    /**
     * The text table on {@code out} (null for none: only the table file), and the table file if given.
     *
     * @param expected the groups expected (for the progress bar)
     */
    static GroupFitReport text(PrintWriter out, List<String> keyColumns, List<String> parameters, GroupTableFile table,
                               Progress progress, long expected) {
        StreamedTable t = null;
        if (out != null) {
            List<String> header = new ArrayList<>(keyColumns);
            header.add("n");
            header.addAll(parameters);
            header.add("R²");
            header.add("status");
            t = new StreamedTable(out, header.toArray(new String[0]), keyColumns.size());
        }
        return new GroupFitReport(keyColumns, List.of(), null, t, null, table, progress, expected);
    }

    /**
     * The JSON object on {@code out}, and the table file if given.
     *
     * @param targets  the {@code --target} values of each group's fit
     * @param dataSpec the data options, put in each group's {@code data.spec}
     * @param expected the groups expected (for the progress bar)
     */
    static GroupFitReport json(PrintWriter out, List<String> keyColumns, List<Double> targets, ObjectNode dataSpec,
                               GroupTableFile table, Progress progress, long expected) {
        try {
            JsonGenerator g = Json.mapper().getFactory().createGenerator(out);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeFieldName("by");
            Json.mapper().writeTree(g, keys(keyColumns));
            g.writeArrayFieldStart("groups");
            return new GroupFitReport(keyColumns, targets, dataSpec, null, g, table, progress, expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A group's result, with its JSON object already built when the output is JSON.
     *
     * @param group the group's result
     * @param json  its object, or null without JSON
     */
    record Prepared(GroupFit group, ObjectNode json) {
    }

    /**
     * Builds a group's JSON object, to be printed later by {@link #accept}: building a fit's object (its derived
     * quantities, formulas and diagnostics) costs about as much as printing it, so the sweep's workers do it
     * (this method is safe on several threads at once) and the one thread that writes only prints.
     *
     * @param g the group's result
     * @return the group with its object (none without JSON)
     */
    Prepared prepare(GroupFit g) {
        return new Prepared(g, json == null ? null : groupJson(g));
    }

    @Override
    public void accept(Prepared prepared) {
        GroupFit g = prepared.group();
        groups++;
        GroupRow row = g.row();
        boolean ok = g.succeeded();
        if (!ok) {
            failed++;
            if (firstFailure == null) {
                firstFailure = describe(g.keys()) + ": " + row.error(Flags::of).orElseGet(
                        () -> "did not converge: " + row.convergenceReason().orElse(""));
            }
        }
        if (table != null) {
            table.write(row);
        }
        if (json != null) {
            try {
                Json.mapper().writeTree(json, prepared.json());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (text != null) {
            text.add(line(g));
        }
        progress.update(groups, Math.max(groups, expected));
    }

    /**
     * Ends the output: the text table's last lines, or the JSON object's closing fields ({@code n_groups},
     * {@code failed}, then {@code tail}'s fields: skipped rows, version, inputs, options).
     *
     * @param tail the fields after the groups (JSON only)
     */
    void finish(ObjectNode tail) {
        if (text != null) {
            text.finish();
        }
        if (json == null) {
            return;
        }
        try {
            json.writeEndArray();
            json.writeNumberField("n_groups", groups);
            json.writeNumberField("failed", failed);
            for (Iterator<Map.Entry<String, JsonNode>> it = tail.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                json.writeFieldName(e.getKey());
                Json.mapper().writeTree(json, e.getValue());
            }
            json.writeEndObject();
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the groups written */
    int groups() {
        return groups;
    }

    /** @return groups whose fit failed, could not be run, or did not converge */
    long failed() {
        return failed;
    }

    /** @return the first failed group with its reason, for the one-line note on stderr */
    String firstFailure() {
        return firstFailure == null ? "" : firstFailure;
    }

    /** {@code run r3}, or {@code family f1, model m2} with several key columns. */
    private String describe(List<String> keys) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < keys.size(); k++) {
            sb.append(k == 0 ? "" : ", ").append(keyColumns.get(k)).append(' ').append(keys.get(k));
        }
        return sb.toString();
    }

    /** The key, or with several key columns the array of keys (and of column names for {@code by}). */
    private static JsonNode keys(List<String> keys) {
        if (keys.size() == 1) {
            return Json.mapper().getNodeFactory().textNode(keys.get(0));
        }
        ArrayNode a = Json.array();
        keys.forEach(a::add);
        return a;
    }

    /** {@code {"group": KEY, ...fit...}} or {@code {"group", "error", "exit_code"}}. */
    private ObjectNode groupJson(GroupFit g) {
        ObjectNode row = Json.object();
        row.set("group", keys(g.keys()));
        if (g.fit().isPresent()) {
            ObjectNode fit = new FitReport(g.fit().get(), targets).json();
            ((ObjectNode) fit.get("data")).set("spec", dataSpec);
            row.setAll(fit);
        } else {
            row.put("error", g.error(Flags::of).orElse(""));
            row.put("exit_code", g.invalidData() ? Main.BAD_INPUT : Main.FIT_FAILED);
        }
        return row;
    }

    /** One text line: keys, n, each parameter, R², and the status. */
    private static String[] line(GroupFit g) {
        GroupRow r = g.row();
        List<String> cells = new ArrayList<>(g.keys());
        if (r.error(null).isEmpty()) {
            cells.add(Integer.toString(r.n()));
            for (int j = 0; j < r.parameters().size(); j++) {
                cells.add(Numbers.format(r.value(j), 5));
            }
            cells.add(Numbers.format(r.r2(), 4));
            cells.add(r.converged() ? (r.warnings() == 0 ? "ok" : "ok, " + r.warnings() + " warning"
                    + (r.warnings() == 1 ? "" : "s")) : "not converged");
        } else {
            cells.add("");
            for (int j = 0; j < r.parameters().size(); j++) {
                cells.add("");
            }
            cells.add("");
            cells.add("failed: " + r.error(Flags::of).orElse(""));
        }
        return cells.toArray(new String[0]);
    }
}
