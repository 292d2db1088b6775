package org.scalefit.cli;

import java.nio.file.Path;
import org.scalefit.horizon.HorizonOptions;
import org.scalefit.horizon.Resampling;
import org.scalefit.horizon.RunColumns;
import org.scalefit.horizon.RunReader;
import org.scalefit.horizon.Runs;
import org.scalefit.horizon.Weighting;
import picocli.CommandLine.Option;

/**
 * How to read a run file and fit its horizons: field names (METR's by default), the weighting,
 * the regularisation and what the bootstrap resamples. A picocli mixin of {@code horizon},
 * {@code trend} and {@code project}.
 *
 * <pre>{@code
 * // scalefit horizon runs.jsonl --model agent --score score_cont --weighting equal --resample tr
 * Main.run(new String[] {"horizon", "runs.jsonl", "--model", "agent", "--score", "score_cont",
 *         "--weighting", "equal", "--resample", "tr"}, System.out, System.err);
 * }</pre>
 */
public final class RunFieldOptions {
    @Option(names = "--task", paramLabel = "FIELD", defaultValue = "task_id", description = "Task id field (default: ${DEFAULT-VALUE}).")
    String task;

    @Option(names = "--family", paramLabel = "FIELD", defaultValue = "task_family",
            description = "Task family field (default: ${DEFAULT-VALUE}); without it each task is its own family.")
    String family;

    @Option(names = "--minutes", paramLabel = "FIELD", defaultValue = "human_minutes",
            description = "Task length in minutes (default: ${DEFAULT-VALUE}).")
    String minutes;

    @Option(names = "--score", paramLabel = "FIELD",
            description = "Score in [0, 1] (default: score_binarized, else score_cont).")
    String score;

    @Option(names = "--human", paramLabel = "NAME", defaultValue = "human",
            description = "Model name of human baseline rows, left out (default: ${DEFAULT-VALUE}; 'none' keeps all rows).")
    String human;

    @Option(names = "--skip-invalid", description = "Leave out runs with a missing or invalid value (and report them) instead of stopping.")
    boolean skipInvalid;

    @Option(names = "--weighting", paramLabel = "W", defaultValue = "invsqrt",
            description = "invsqrt (METR: 1/runs-in-task × 1/√tasks-in-family), equal (each task) or none (each run); default: ${DEFAULT-VALUE}.")
    String weighting;

    @Option(names = "--regularization", paramLabel = "LAMBDA", defaultValue = "0.1",
            description = "L2 penalty on the slope, sklearn C = 1/LAMBDA (default: ${DEFAULT-VALUE}, as METR).")
    double regularization;

    @Option(names = "--resample", paramLabel = "ftr|tr|t", defaultValue = "ftr",
            description = "Bootstrap levels: families, tasks, runs (default: ${DEFAULT-VALUE}).")
    String resample;

    /** Created by picocli. */
    public RunFieldOptions() {
    }

    /**
     * @param modelField the model field
     * @param file       the run file
     * @return the runs
     */
    Runs read(String modelField, Path file) {
        RunColumns c = new RunColumns(modelField, task, family, minutes, score,
                human == null || human.equalsIgnoreCase("none") ? null : human);
        return RunReader.read(file, c, skipInvalid);
    }

    /**
     * @param bootstrap replicates
     * @param seed      seed
     * @param threads   threads
     * @param level     confidence level
     * @return horizon options
     */
    HorizonOptions options(int bootstrap, long seed, int threads, double level) {
        return new HorizonOptions(Weighting.parse(weighting), regularization, bootstrap, Resampling.parse(resample), seed,
                threads, level);
    }
}
