package org.scalefit.cli;

import picocli.CommandLine.Option;

/** Options every command shares: machine-readable output, quiet mode, and stack traces for bug reports. */
public final class CommonOptions {
    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but the result (no notes on stderr).")
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
}
