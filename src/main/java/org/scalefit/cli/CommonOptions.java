package org.scalefit.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Options every command shares: machine-readable output, quiet mode, and stack traces for bug reports;
 * and the progress bar that long work shows on a terminal unless {@code --quiet} is given.
 *
 * <pre>{@code
 * // in a command, where picocli fills the mixin field `common`:
 * try (ProgressBar bar = common.progress(spec, "bootstrap")) {
 *     boot = Bootstrap.run(fit, resampler, n, seed, threads, bar);
 * }
 * if (common.json()) { ... }
 * }</pre>
 */
public final class CommonOptions {
    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but the result and errors (no notes, no progress bar).")
    boolean quiet;

    @Option(names = "--debug", description = "Show stack traces on errors.")
    boolean debug;

    /** Created by picocli. */
    public CommonOptions() {
    }

    /** @return true for JSON output */
    public boolean json() {
        return json;
    }

    /** @return true when notes on stderr are suppressed */
    public boolean quiet() {
        return quiet;
    }

    /**
     * A progress bar for long work: drawn on standard error when it is a terminal (as detected by
     * {@link Main#main(String[])}) and {@code --quiet} is not given, silent otherwise, and always silent
     * under {@link Main#run(String[], java.io.PrintStream, java.io.PrintStream)} (tests, embedders).
     *
     * @param spec  the running command (its root knows whether standard error is a terminal)
     * @param label what is running, e.g. {@code bootstrap}
     * @return the bar; close it when the work is done (try-with-resources)
     */
    public ProgressBar progress(CommandSpec spec, String label) {
        return progress(spec, label, true);
    }

    /**
     * A progress bar, with or without an estimate of the time left.
     *
     * @param spec     the running command
     * @param label    what is running
     * @param estimate false when the units of work differ too much in cost for an estimate
     * @return the bar; close it when the work is done
     */
    public ProgressBar progress(CommandSpec spec, String label, boolean estimate) {
        if (quiet || !(spec.root().userObject() instanceof Main main) || !main.stderrIsTerminal()) {
            return ProgressBar.disabled();
        }
        return ProgressBar.start(spec.commandLine().getErr(), label, estimate);
    }
}
