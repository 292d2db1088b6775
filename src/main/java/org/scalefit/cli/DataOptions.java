package org.scalefit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scalefit.data.DataSpec;
import org.scalefit.data.LoadResult;
import org.scalefit.data.SkippedRow;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The input of a fitting command: a CSV, TSV or JSONL file, the predictor and response columns,
 * optional weights or sigmas, row filters and what to do with invalid rows. A picocli mixin of
 * {@code fit}, {@code compare}, {@code breaks} and {@code slopes}.
 *
 * <pre>{@code
 * // scalefit fit runs.jsonl --x N=params --x 'D=compute/(6*params)' --y loss --where 'loss<5' --skip-invalid
 * Main.run(new String[] {"fit", "runs.jsonl", "--x", "N=params", "--x", "D=compute/(6*params)", "--y", "loss",
 *         "--law", "chinchilla", "--where", "loss<5", "--skip-invalid"}, System.out, System.err);
 * }</pre>
 */
public final class DataOptions {
    @Parameters(index = "0", paramLabel = "FILE", description = "Input table: .csv, .tsv or .jsonl with a header.")
    Path file;

    @Option(names = "--x", required = true, paramLabel = "[NAME=]COLUMN",
            description = "Predictor column; repeat for laws with several predictors (e.g. --x N=params --x D=tokens). "
                    + "NAME=NUM/(FACTOR*DEN) derives a predictor per row, e.g. --x D=compute/(6*params).")
    List<String> x = new ArrayList<>();

    @Option(names = "--y", required = true, paramLabel = "COLUMN", description = "Response column.")
    String y;

    @Option(names = "--sigma", paramLabel = "COLUMN",
            description = "Standard deviation of each y (in log space: of ln y); gives weights 1/sigma² and absolute errors.")
    String sigma;

    @Option(names = "--weight", paramLabel = "COLUMN", description = "Per-point weight w (minimises Σ w·r²).")
    String weight;

    @Option(names = "--where", paramLabel = "FILTER",
            description = "Keep rows matching COLUMN OP VALUE (OP: < <= > >= == !=); repeat to combine with AND.")
    List<String> where = new ArrayList<>();

    @Option(names = "--group", paramLabel = "COLUMN",
            description = "Group label of each row (e.g. the model a run belongs to); --resample groups draws whole groups.")
    String group;

    @Option(names = "--item", paramLabel = "COLUMN",
            description = "Item label within a group (e.g. the task); --resample hierarchical draws groups, then items, then repeats.")
    String item;

    @Option(names = "--skip-invalid", description = "Skip rows with empty or invalid cells (and report them) instead of stopping.")
    boolean skipInvalid;

    /** Created by picocli. */
    public DataOptions() {
    }

    /**
     * Reads the file into observations.
     *
     * @param dates true when the predictors are dates (time laws)
     * @return the loaded observations and any skipped rows
     */
    public LoadResult load(boolean dates) {
        return spec(dates).load(file);
    }

    /**
     * What to read from the file: the predictors, response, weights or sigmas, group and item labels, filters
     * and what to do with invalid rows.
     *
     * @param dates true when the predictors are dates (time laws)
     * @return the spec
     */
    public DataSpec spec(boolean dates) {
        DataSpec.Builder b = DataSpec.builder();
        for (String spec : x) {
            if (dates) {
                b.datePredictor(spec);
            } else if (isDerived(spec)) {
                b.derived(spec);
            } else {
                b.predictor(spec);
            }
        }
        b.response(y);
        if (sigma != null && weight != null) {
            throw new org.scalefit.InvalidDataException("give either --sigma or --weight, not both");
        }
        if (sigma != null) {
            b.sigma(sigma);
        }
        if (weight != null) {
            b.weights(weight);
        }
        if (group != null) {
            b.group(group);
        }
        if (item != null) {
            if (group == null) {
                throw new org.scalefit.InvalidDataException("--item " + item + " needs --group: items are nested in groups");
            }
            b.item(item);
        }
        for (String w : where) {
            b.where(w);
        }
        b.skipInvalid(skipInvalid);
        return b.build();
    }

    /**
     * A predictor spec whose column part holds a {@code /}, such as {@code D=compute/(6*params)}, is a
     * derived column (so a column whose name contains {@code /} cannot be used as a predictor directly).
     */
    static boolean isDerived(String spec) {
        int eq = spec.indexOf('=');
        return eq > 0 && spec.indexOf('/', eq) > 0;
    }

    /**
     * For laws whose predictors have names ({@code N}, {@code D}): puts the {@code --x} options in the law's
     * order, so {@code --x D=tokens --x N=params} works as well as the other way round.
     *
     * @param law        the law name, for messages
     * @param predictors the law's predictor names in order; empty to keep the order given
     * @throws org.scalefit.InvalidDataException when the names given are not exactly the law's
     */
    public void orderFor(String law, List<String> predictors) {
        if (predictors.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (String spec : x) {
            int eq = spec.indexOf('=');
            names.add(eq > 0 ? spec.substring(0, eq).strip() : spec.strip());
        }
        if (names.size() != predictors.size() || !names.containsAll(predictors)) {
            StringBuilder want = new StringBuilder();
            for (String p : predictors) {
                want.append(want.length() == 0 ? "" : " ").append("--x ").append(p).append("=COLUMN");
            }
            throw new org.scalefit.InvalidDataException(law.trim() + " takes predictors " + String.join(" and ", predictors)
                    + ": give " + want + " (got " + (x.isEmpty() ? "none" : "--x " + String.join(", --x ", x)) + ")");
        }
        List<String> ordered = new ArrayList<>();
        for (String p : predictors) {
            ordered.add(x.get(names.indexOf(p)));
        }
        x = ordered;
    }

    /**
     * Everything needed to load the same data again (the fit JSON carries it, so {@code scalefit optimal}
     * can refit bootstrap replicates).
     *
     * @return {@code file}, {@code x}, {@code y}, {@code where}, {@code sigma}, {@code weight}, {@code skip_invalid}
     */
    public com.fasterxml.jackson.databind.node.ObjectNode specJson() {
        com.fasterxml.jackson.databind.node.ObjectNode o = Json.object();
        o.put("file", file.toString());
        com.fasterxml.jackson.databind.node.ArrayNode xs = o.putArray("x");
        x.forEach(xs::add);
        o.put("y", y);
        com.fasterxml.jackson.databind.node.ArrayNode ws = o.putArray("where");
        where.forEach(ws::add);
        if (sigma != null) {
            o.put("sigma", sigma);
        }
        if (weight != null) {
            o.put("weight", weight);
        }
        o.put("skip_invalid", skipInvalid);
        return o;
    }

    /**
     * Rebuilds the options from {@link #specJson()}, with the file optionally replaced.
     *
     * @param spec the JSON written by {@link #specJson()}
     * @param file the data file to read instead of the recorded one, or null
     * @return the options
     */
    static DataOptions fromSpecJson(com.fasterxml.jackson.databind.JsonNode spec, Path file) {
        DataOptions d = new DataOptions();
        d.file = file != null ? file : Path.of(spec.path("file").asText());
        spec.path("x").forEach(n -> d.x.add(n.asText()));
        d.y = spec.path("y").asText();
        spec.path("where").forEach(n -> d.where.add(n.asText()));
        d.sigma = spec.hasNonNull("sigma") ? spec.get("sigma").asText() : null;
        d.weight = spec.hasNonNull("weight") ? spec.get("weight").asText() : null;
        d.skipInvalid = spec.path("skip_invalid").asBoolean(false);
        return d;
    }

    /** @return the data file */
    Path file() {
        return file;
    }

    /**
     * Lists the rows left out by --skip-invalid in a JSON result, as {@code skipped_rows}: one
     * {@code {row, column, reason}} per row; nothing when none were.
     *
     * @param json    the result
     * @param skipped the rows left out
     */
    static void putSkipped(com.fasterxml.jackson.databind.node.ObjectNode json, List<SkippedRow> skipped) {
        if (skipped.isEmpty()) {
            return;
        }
        com.fasterxml.jackson.databind.node.ArrayNode s = json.putArray("skipped_rows");
        for (SkippedRow r : skipped) {
            com.fasterxml.jackson.databind.node.ObjectNode o = s.addObject();
            o.put("row", r.row());
            o.put("column", r.column());
            o.put("reason", r.reason());
        }
    }

    /**
     * @param skipped rows left out by --skip-invalid
     * @return a one-line note for stderr
     */
    static String skippedNote(List<SkippedRow> skipped) {
        if (skipped.size() == 1) {
            return "skipped 1 invalid row: " + skipped.get(0).reason();
        }
        StringBuilder rows = new StringBuilder();
        int shown = 0;
        for (SkippedRow r : skipped) {
            if (shown++ == 20) {
                rows.append(", …");
                break;
            }
            rows.append(rows.length() == 0 ? "" : ", ").append(r.row());
        }
        return "skipped " + skipped.size() + " invalid rows (rows " + rows + "; JSON skipped_rows lists them all); the first: "
                + skipped.get(0).reason();
    }
}
