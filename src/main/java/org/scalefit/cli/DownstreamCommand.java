package org.scalefit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scalefit.FitFailedException;
import org.scalefit.InvalidDataException;
import org.scalefit.data.Observations;
import org.scalefit.data.Table;
import org.scalefit.data.TableReader;
import org.scalefit.downstream.Backtest;
import org.scalefit.downstream.BacktestResult;
import org.scalefit.downstream.DownstreamColumns;
import org.scalefit.downstream.DownstreamData;
import org.scalefit.downstream.DownstreamFit;
import org.scalefit.downstream.DownstreamInputException;
import org.scalefit.downstream.DownstreamModel;
import org.scalefit.downstream.DownstreamPrediction;
import org.scalefit.downstream.PredictPoint;
import org.scalefit.downstream.RowSelection;
import org.scalefit.downstream.TwoStep;
import org.scalefit.downstream.TwoStepBootstrap;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Solver;
import org.scalefit.model.ExpDecayLink;
import org.scalefit.model.Law;
import org.scalefit.model.Laws;
import org.scalefit.model.SeparableLaw;
import org.scalefit.model.SigmoidLink;
import org.scalefit.plot.DownstreamPlot;
import org.scalefit.plot.Figure;
import org.scalefit.plot.FigureWriter;
import org.scalefit.plot.ImageFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code scalefit downstream}: predict a model's loss and its downstream metric from a ladder of runs in
 * two steps ((N, D) → loss → metric), with the direct form alongside, intervals through both steps,
 * a bootstrap over model runs and a backtest on the largest runs.
 *
 * <pre>{@code
 * int code = Main.run(new String[] {"downstream", "datasets/gadre2024-overtraining.csv", "--x", "N=params_N",
 *         "--x", "M=token_multiplier_M", "--loss-column", "loss_c4_val", "--metric-column", "err_avg_17",
 *         "--loss-law", "overtraining", "--link", "exp-decay", "--space", "linear", "--where", "dataset==rpj",
 *         "--loss-fit-where", "in_loss_fit==1", "--metric-fit-where", "in_error_fit==1",
 *         "--predict-where", "is_target==1", "--id", "run_name"}, System.out, System.err);
 * }</pre>
 */
@Command(name = "downstream", mixinStandardHelpOptions = true,
        description = "Predict a model's loss and its benchmark metric from a ladder of runs in two steps "
                + "((N, D) -> loss -> metric), with the direct form alongside, intervals through both steps, "
                + "a bootstrap over model runs and a backtest on the largest runs.",
        footer = {"", "Loss laws: overtraining (Gadre et al. 2024: N and M), chinchilla, kaplan (N and D), a law of one "
                + "predictor (read as compute C = 6ND), or a formula in N and D. Links: exp-decay "
                + "(Err = epsilon - k*exp(-gamma*L)) and sigmoid (Acc = a/(1 + exp(-k*(L - L0))) + b, bounded by --chance).",
            "The fit options (--space, --loss, --start, --bound, --fix, --starts, --solver) shape the loss-law fit; "
                + "the link is fitted by least squares in linear space. Separable loss laws use variable projection "
                + "unless --solver is given.",
            "", "Examples:",
            "  scalefit downstream datasets/gadre2024-overtraining.csv --x N=params_N --x M=token_multiplier_M \\",
            "      --loss-column loss_c4_val --metric-column err_avg_17 --loss-law overtraining --link exp-decay \\",
            "      --space linear --where dataset==rpj --loss-fit-where in_loss_fit==1 --metric-fit-where in_error_fit==1 \\",
            "      --predict-where is_target==1 --id run_name",
            "  scalefit downstream datasets/olmo-ladder2024-tasks.csv --x N=N --x D=D --loss-column hellaswag_val_bpb \\",
            "      --metric-column hellaswag_val_acc --loss-law chinchilla --loss huber:1e-3 --link sigmoid --chance 0.25 \\",
            "      --loss-fit-where in_loss_fit==1 --metric-fit-where in_metric_fit==1 --predict-where is_target==1 \\",
            "      --id run --bootstrap 1000 --plot hellaswag.png",
            "  scalefit downstream runs.csv --x N=params --x D=tokens --loss-column loss --metric-column acc \\",
            "      --loss-law chinchilla --link sigmoid --predict 7B:N=7e9,D=4e12 --json"})
public final class DownstreamCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Input table: .csv, .tsv or .jsonl with a header.")
    Path file;

    @Option(names = "--x", required = true, paramLabel = "NAME=COLUMN",
            description = "N=COLUMN and D=COLUMN (tokens) or M=COLUMN (tokens per parameter); a quotient such as "
                    + "D=compute/(6*params) derives a column.")
    List<String> x = new ArrayList<>();

    @Option(names = "--loss-column", required = true, paramLabel = "COLUMN", description = "The loss of each row.")
    String lossColumn;

    @Option(names = "--metric-column", required = true, paramLabel = "COLUMN",
            description = "The downstream metric of each row (an error for exp-decay, an accuracy for sigmoid).")
    String metricColumn;

    @Option(names = "--loss-law", required = true, paramLabel = "LAW", completionCandidates = Completions.LawNames.class,
            description = "The loss law of step 1: overtraining, chinchilla, kaplan, ... or a formula in N and D.")
    String lossLaw;

    @Option(names = "--link", required = true, paramLabel = "exp-decay|sigmoid", completionCandidates = LinkNames.class,
            description = "The link of step 2, from loss to metric.")
    String link;

    @Option(names = "--chance", paramLabel = "LEVEL",
            description = "The task's chance accuracy, for --link sigmoid: bounds the ceiling b to [LEVEL, 1] and the "
                    + "fall a to [LEVEL - 1, 0] (default 0: a in [-1, 0], b in [0, 1], the OLMo ladder's bounds).")
    Double chance;

    @Option(names = "--where", paramLabel = "FILTER",
            description = "Use only rows matching COLUMN OP VALUE (OP: < <= > >= == !=); repeat to combine with AND.")
    List<String> where = new ArrayList<>();

    @Option(names = "--loss-fit-where", paramLabel = "FILTER",
            description = "Rows of the loss-law fit (default: every used row); repeat to combine with AND.")
    List<String> lossFitWhere = new ArrayList<>();

    @Option(names = "--metric-fit-where", paramLabel = "FILTER",
            description = "Rows of the link fit (default: every used row); repeat to combine with AND.")
    List<String> metricFitWhere = new ArrayList<>();

    @Option(names = "--predict-where", paramLabel = "FILTER",
            description = "Rows to predict (never fitted); their loss and metric are compared with the predictions.")
    List<String> predictWhere = new ArrayList<>();

    @Option(names = "--predict", paramLabel = "[NAME:]N=VALUE,D=VALUE",
            description = "A model to predict (D or M = D/N); repeat for several.")
    List<String> predict = new ArrayList<>();

    @Option(names = "--id", paramLabel = "COLUMN",
            description = "The model run of each row: rows sharing it are one run for the bootstrap and the backtest "
                    + "(default: one run per row).")
    String id;

    @Option(names = "--bootstrap", paramLabel = "N",
            description = "Refit both steps on N resamples of the model runs; the intervals become bootstrap percentiles.")
    Integer bootstrap;

    @Option(names = "--holdout", paramLabel = "K",
            description = "Backtest: hold out the K runs of largest compute and predict them (default: a quarter of the "
                    + "loss-fit runs; 0: no backtest).")
    Integer holdout;

    @Option(names = "--no-direct", description = "Do not fit the direct form (the metric straight from N and D).")
    boolean noDirect;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "Draw the loss law and the link with the data, the fitting sets and the predictions (.png, .svg, .pdf).")
    Path plot;

    @Mixin
    FitOptionsMixin fitOptions;

    @Mixin
    CommonOptions common;

    /** The links {@code --link} takes. */
    static final class LinkNames extends ArrayList<String> {
        LinkNames() {
            super(List.of("exp-decay", "sigmoid"));
        }
    }

    /** Created by picocli. */
    public DownstreamCommand() {
    }

    @Override
    public Integer call() {
        if (plot != null) {
            ImageFormat.of(plot);
            org.scalefit.OutputFiles.check(plot, "plot", List.of(file));
        }
        if (!predict.isEmpty() && !predictWhere.isEmpty()) {
            throw new InvalidDataException("give either --predict-where (rows of the file) or --predict (points), not both");
        }
        if (bootstrap != null && bootstrap < 1) {
            throw new InvalidDataException("--bootstrap needs at least 1 replicate, got " + bootstrap);
        }
        if (holdout != null && holdout < 0) {
            throw new InvalidDataException("--holdout takes a number of runs ≥ 0, got " + holdout);
        }
        try {
            return run();
        } catch (DownstreamInputException e) {
            throw new InvalidDataException(e.getMessage() + remedy(e), e);
        }
    }

    private int run() {
        DownstreamColumns columns = DownstreamColumns.of(x, lossColumn, metricColumn, id);
        Table table = TableReader.read(file);
        DownstreamData data = DownstreamData.read(table, columns, RowSelection.parse(where, lossFitWhere, metricFitWhere,
                predictWhere));
        DownstreamModel model = model(data);
        DownstreamFit fit = TwoStep.fit(data, model);
        List<PredictPoint> points = predict.isEmpty() ? fit.targets() : points();
        List<DownstreamPrediction> predictions = fit.predict(points);
        TwoStepBootstrap.Result boot = null;
        if (bootstrap != null) {
            try (ProgressBar bar = common.progress(spec, "bootstrap")) {
                boot = TwoStepBootstrap.run(fit, points, bootstrap, fitOptions.seed, fitOptions.threads(), bar);
            }
            if (boot.succeeded() == 0) {
                throw new FitFailedException("all " + boot.requested() + " bootstrap replicates failed; the first: "
                        + boot.failures().get(0));
            }
            predictions = boot.predictions();
        }
        int k = holdout != null ? holdout : Backtest.defaultHoldOut(fit);
        BacktestResult backtest = k == 0 ? null : Backtest.run(fit, k);
        DownstreamReport report = new DownstreamReport(fit, predictions, boot, backtest);
        Figure figure = plot == null ? null : DownstreamPlot.of(fit, predictions);
        if (figure != null) {
            FigureWriter.write(figure, plot, FigureWriter.DEFAULT_DPI, List.of(file));
        }
        if (common.json()) {
            ObjectNode json = report.json();
            if (figure != null) {
                ObjectNode p = json.putObject("plot");
                p.put("file", plot.toString());
                p.put("format", ImageFormat.of(plot).extension());
                p.put("width_pt", figure.width());
                p.put("height_pt", figure.height());
                p.put("dpi", FigureWriter.DEFAULT_DPI);
            }
            Json.recordInvocation(json, spec);
            spec.commandLine().getOut().println(Json.write(json));
        } else {
            spec.commandLine().getOut().print(report.table());
        }
        spec.commandLine().getOut().flush();
        if (!common.quiet() && !common.json()) {
            if (figure != null) {
                spec.commandLine().getErr().println("scalefit downstream: wrote " + plot);
            }
        }
        if (!fit.converged()) {
            spec.commandLine().getErr().println("scalefit downstream: " + (fit.lossFit().converged()
                    ? "the link did not converge: " + fit.linkFit().convergenceReason()
                    : "the loss law did not converge: " + fit.lossFit().convergenceReason()));
            return Main.FIT_FAILED;
        }
        return Main.OK;
    }

    private DownstreamModel model(DownstreamData data) {
        Law loss = lossLaw(data);
        Law l = switch (link.trim().toLowerCase(Locale.ROOT)) {
            case "exp-decay" -> new ExpDecayLink();
            case "sigmoid" -> new SigmoidLink(chance == null ? 0 : chance);
            default -> throw new InvalidDataException("unknown --link \"" + link + "\": use exp-decay or sigmoid");
        };
        if (chance != null && !link.trim().equalsIgnoreCase("sigmoid")) {
            throw new InvalidDataException("--chance bounds the sigmoid link; --link " + link + " takes no chance level");
        }
        FitOptions lossOptions = fitOptions.toOptions();
        boolean solverGiven = spec.commandLine().getParseResult().hasMatchedOption("--solver");
        if (!solverGiven && loss instanceof SeparableLaw && lossOptions.fixed().isEmpty() && lossOptions.bounds().isEmpty()) {
            lossOptions = lossOptions.toBuilder().solver(Solver.VARPRO).build();
        }
        FitOptions plain = FitOptions.builder().seed(fitOptions.seed).threads(fitOptions.threads()).build();
        return DownstreamModel.of(loss, l).withLossOptions(lossOptions).withLinkOptions(plain).withDirectOptions(plain)
                .withDirect(!noDirect);
    }

    /** The loss law by name: its own predictor names, compute C for a law of one predictor, N and D for a formula. */
    private Law lossLaw(DownstreamData data) {
        List<String> names = Laws.predictorsOf(lossLaw);
        if (names.isEmpty()) {
            names = Laws.isBuiltIn(lossLaw) ? List.of("C") : List.of("N", "D");
        }
        int[] rows = data.lossFitRows();
        Observations.Builder b = Observations.builder().source(data.source());
        for (String name : names) {
            double[] v = new double[rows.length];
            for (int q = 0; q < rows.length; q++) {
                DownstreamData.Row r = data.rows().get(rows[q]);
                v[q] = switch (name) {
                    case "N" -> r.n();
                    case "D" -> r.d();
                    case "M" -> r.d() / r.n();
                    default -> r.compute();
                };
            }
            b.predictor(name, v);
        }
        double[] y = new double[rows.length];
        for (int q = 0; q < rows.length; q++) {
            y[q] = data.rows().get(rows[q]).loss();
        }
        Observations probe = b.response(data.lossLabel(), y).build();
        return Laws.create(lossLaw, new Laws.Context(names, probe, java.util.OptionalDouble.empty()));
    }

    /** {@code [NAME:]N=VALUE,D=VALUE} or with M=VALUE. */
    private List<PredictPoint> points() {
        List<PredictPoint> out = new ArrayList<>();
        for (String text : predict) {
            String body = text.strip();
            String name = null;
            int colon = body.indexOf(':');
            if (colon > 0) {
                name = body.substring(0, colon).strip();
                body = body.substring(colon + 1);
            }
            java.util.Map<String, String> kv = FitOptionsMixin.pairs(List.of(body.split(",")), "--predict");
            double n = kv.containsKey("N") ? FitOptionsMixin.number(kv.get("N"), "--predict", "N") : Double.NaN;
            boolean hasD = kv.containsKey("D");
            boolean hasM = kv.containsKey("M");
            if (!kv.containsKey("N") || hasD == hasM || kv.size() != 2) {
                throw new InvalidDataException("--predict \"" + text + "\" must look like N=VALUE,D=VALUE or N=VALUE,M=VALUE "
                        + "(optionally NAME: in front), e.g. --predict 7B:N=7e9,D=4e12");
            }
            double t = FitOptionsMixin.number(kv.get(hasD ? "D" : "M"), "--predict", hasD ? "D" : "M");
            double d = hasD ? t : t * n;
            out.add(PredictPoint.of(name != null ? name : "N=" + kv.get("N") + "," + (hasD ? "D=" : "M=") + kv.get(hasD ? "D" : "M"),
                    n, d));
        }
        return out;
    }

    /** The options that fix a problem with each part of the input, as this command names them. */
    private static String remedy(DownstreamInputException e) {
        return switch (e.part()) {
            case PREDICTORS -> " (give --x N=COLUMN and --x D=COLUMN, or --x M=COLUMN for tokens per parameter)";
            case LOSS_FIT_SET -> " (choose the rows of the loss fit with --loss-fit-where, or leave rows out with --where)";
            case METRIC_FIT_SET -> " (choose the rows of the link fit with --metric-fit-where, or leave rows out with --where)";
            case PREDICT_SET -> " (choose the rows to predict with --predict-where, or give points with --predict)";
            case LAWS -> " (see --loss-law and --link in scalefit downstream --help)";
            case SETTING -> "";
        };
    }
}
