package org.scalefit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scalefit.InvalidDataException;
import org.scalefit.OutputFiles;
import org.scalefit.report.HtmlReport;
import picocli.CommandLine.Option;

/**
 * {@code --report FILE.html}: a self-contained HTML report of the command's result (figure inline, tables,
 * warnings, provenance, method notes). The target is checked before any work is done.
 *
 * <pre>{@code
 * scalefit compare runs.csv --x compute --y loss --report compare.html
 * }</pre>
 */
public final class ReportOptions {
    @Option(names = "--report", paramLabel = "FILE.html",
            description = "Also write a self-contained HTML report (figure, tables, warnings, provenance, method notes).")
    Path report;

    private List<Path> inputs = List.of();

    /** Created by picocli. */
    public ReportOptions() {
    }

    /** @return true when a report was asked for */
    public boolean requested() {
        return report != null;
    }

    /** @return the report file */
    public Path file() {
        return report;
    }

    /**
     * Checks the target before any work: an .html name, an existing writable directory, not an input file.
     *
     * @param inputs the command's input files
     * @throws InvalidDataException naming the problem in one line
     */
    public void validate(Path... inputs) {
        if (report == null) {
            return;
        }
        String name = report.getFileName() == null ? "" : report.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".html") && !name.endsWith(".htm")) {
            throw new InvalidDataException("cannot write report " + report + ": the name must end in .html");
        }
        this.inputs = new ArrayList<>();
        for (Path in : inputs) {
            if (in != null) {
                this.inputs.add(in);
            }
        }
        OutputFiles.check(report, "report", this.inputs);
    }

    /**
     * Writes the report and says so on stderr (unless --json or --quiet).
     *
     * @param r       the report
     * @param err     standard error
     * @param command the command's name
     * @param common  the shared options
     */
    public void write(HtmlReport r, java.io.PrintWriter err, String command, CommonOptions common) {
        r.write(report, inputs);
        if (!common.quiet() && !common.json()) {
            err.println("scalefit " + command + ": wrote " + report);
        }
    }
}
