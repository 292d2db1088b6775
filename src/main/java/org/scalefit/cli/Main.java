package org.scalefit.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.scalefit.FitFailedException;
import org.scalefit.InvalidDataException;
import org.scalefit.ScalefitException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code scalefit} command line. Exit codes: 0 success, 1 a fit failed (or did not converge),
 * 2 bad input or usage. Errors are one line on stderr; {@code --debug} adds the stack trace.
 *
 * <pre>{@code
 * int code = Main.run(new String[] {"fit", "runs.csv", "--x", "compute", "--y", "loss",
 *         "--law", "offset-power-law", "--json"}, System.out, System.err);
 * }</pre>
 */
@Command(name = "scalefit", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Fit scaling laws: power laws, exponentials, doubling trends and joint laws, with honest uncertainty.",
        footer = {"", "Examples (runs.csv stands for your file; datasets/ holds real ones):",
            "  scalefit reproduce                      # the talk's figures in figures/",
            "  scalefit fit runs.csv --x compute --y loss --law offset-power-law",
            "  scalefit fit runs.csv --x compute --y loss --law power-law --json",
            "  scalefit fit runs.csv --x compute --y loss --law offset-power-law \\",
            "      --bootstrap 2000 --predict 1e24,1e26 --predict-csv curve.csv",
            "  scalefit compare runs.csv --x compute --y loss",
            "  scalefit breaks runs.csv --x compute --y loss",
            "  scalefit slopes baseline.csv improved.csv --x compute --y loss --at 1e23",
            "  scalefit fit runs.csv --x N=params --x D=tokens --y loss --law chinchilla \\",
            "      --loss huber:1e-3 --starts hoffmann-grid --json > fit.json",
            "  scalefit optimal fit.json --compute 1e21,1e23,1e25 --target-loss 2.0",
            "  scalefit downstream runs.csv --x N=params --x D=tokens --loss-column loss --metric-column acc \\",
            "      --loss-law chinchilla --link sigmoid --predict 7B:N=7e9,D=4e12",
            "  scalefit isoflop runs.csv --x N=params --compute flops --y loss --budgets hoffmann --at 5.76e23",
            "  scalefit horizon all_runs.jsonl",
            "  scalefit trend datasets/metr-horizons.csv --frontier",
            "  scalefit project datasets/metr-horizons.csv --frontier --until 2032-01-01",
            "  source <(scalefit completion)           # tab completion in bash",
            "",
            "Every command: --help for its options and examples, --json for JSON output,",
            "--quiet for no notes. Exit codes: 0 ok, 1 fit failed, 2 bad input or usage."})
public final class Main implements Runnable {
    /** Exit code: success. */
    public static final int OK = 0;
    /** Exit code: a fit failed or did not converge. */
    public static final int FIT_FAILED = 1;
    /** Exit code: bad input or usage. */
    public static final int BAD_INPUT = 2;

    /**
     * The subcommands, in the order help lists them. They are registered here rather than in the annotation
     * so that a run of one command builds only that command's model: picocli's reflection over every
     * command and mixin was a good part of the start-up time of a small fit.
     */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    /** Commands that describe the whole command line and so need every subcommand registered. */
    private static final java.util.Set<String> NEEDS_ALL = java.util.Set.of("help", "completion");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private final boolean stderrTerminal;

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("fit", FitCommand::new);
        m.put("reproduce", ReproduceCommand::new);
        m.put("horizon", HorizonCommand::new);
        m.put("trend", TrendCommand::new);
        m.put("project", ProjectCommand::new);
        m.put("compare", CompareCommand::new);
        m.put("breaks", BreaksCommand::new);
        m.put("slopes", SlopesCommand::new);
        m.put("optimal", OptimalCommand::new);
        m.put("downstream", DownstreamCommand::new);
        m.put("isoflop", IsoFlopCommand::new);
        m.put("completion", CompletionCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return m;
    }

    /**
     * The command line with every subcommand, or only {@code args[0]}'s when it names one (help and
     * completion describe them all).
     */
    private static CommandLine commandLine(String[] args, boolean terminal) {
        CommandLine cl = new CommandLine(new Main(terminal));
        String first = args.length > 0 ? args[0] : "";
        if (COMMANDS.containsKey(first) && !NEEDS_ALL.contains(first)) {
            cl.addSubcommand(first, COMMANDS.get(first).get());
        } else {
            COMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.get()));
        }
        return cl;
    }

    /** Created by picocli; progress bars stay off. */
    public Main() {
        this(false);
    }

    private Main(boolean stderrTerminal) {
        this.stderrTerminal = stderrTerminal;
    }

    /** @return true when progress bars may be drawn: standard error is this process's terminal */
    boolean stderrIsTerminal() {
        return stderrTerminal;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: try 'scalefit --help'");
    }

    /**
     * Entry point of the jar.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err, ProgressBar.stderrIsTerminal()));
    }

    /**
     * Runs a command line with the given streams, returning the exit code (used by tests and embedders).
     *
     * @param args command-line arguments
     * @param out  standard output
     * @param err  standard error
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, false);
    }

    /**
     * Runs a command line; progress bars are drawn on {@code err} only when {@code terminal} is true.
     *
     * @param args     command-line arguments
     * @param out      standard output
     * @param err      standard error
     * @param terminal whether {@code err} is an interactive terminal
     * @return the exit code
     */
    static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine cl = commandLine(args, terminal);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        CommandLine help = cl.getSubcommands().get("help");
        if (help != null) {
            help.getCommandSpec().usageMessage().footer("", "Examples:",
                    "  scalefit help fit        # the same as: scalefit fit --help",
                    "  scalefit help            # the list of commands");
        }
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println(c.getCommandName().equals("scalefit") ? "scalefit: " + ex.getMessage()
                    : "scalefit " + c.getCommandName() + ": " + ex.getMessage());
            c.getErr().println("try 'scalefit " + (c.getCommandName().equals("scalefit") ? "" : c.getCommandName() + " ")
                    + "--help'");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            String name = c.getCommandName().equals("scalefit") ? "scalefit" : "scalefit " + c.getCommandName();
            int code;
            String message;
            if (ex instanceof InvalidDataException) {
                code = BAD_INPUT;
                message = name + ": error: " + Flags.message((ScalefitException) ex);
            } else if (ex instanceof FitFailedException) {
                code = FIT_FAILED;
                message = name + ": fit failed: " + Flags.message((ScalefitException) ex);
            } else if (ex instanceof ScalefitException se) {
                code = FIT_FAILED;
                message = name + ": error: " + Flags.message(se);
            } else {
                code = FIT_FAILED;
                message = name + ": internal error: " + ex + (debug ? "" : " (run with --debug for the stack trace)");
            }
            c.getErr().println(message.replace('\n', ' '));
            if (debug) {
                ex.printStackTrace(c.getErr());
            }
            return code;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("scalefit: out of memory; raise the heap, e.g. SCALEFIT_JAVA_OPTS=-Xmx8g ./scalefit ...");
            return FIT_FAILED;
        }
    }
}
