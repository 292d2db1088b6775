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
 * optional weights or sigmas, row filters and what to do with invalid rows.
 */
public final class DataOptions {
    @Parameters(index = "0", paramLabel = "FILE", description = "Input table: .csv, .tsv or .jsonl with a header.")
    Path file;

    @Option(names = "--x", required = true, paramLabel = "[NAME=]COLUMN",
            description = "Predictor column; repeat for laws with several predictors (e.g. --x N=params --x D=tokens).")
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
        DataSpec.Builder b = DataSpec.builder();
        for (String spec : x) {
            if (dates) {
                b.datePredictor(spec);
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
        return b.build().load(file);
    }

    /**
     * @param skipped rows left out by --skip-invalid
     * @return a one-line note for stderr
     */
    static String skippedNote(List<SkippedRow> skipped) {
        StringBuilder s = new StringBuilder("skipped " + skipped.size() + " invalid row" + (skipped.size() == 1 ? "" : "s") + ":");
        int shown = 0;
        for (SkippedRow r : skipped) {
            if (shown++ == 5) {
                s.append(" …");
                break;
            }
            s.append(" row ").append(r.row()).append(" (").append(r.column()).append(": ").append(r.reason()).append(");");
        }
        return s.toString();
    }
}
