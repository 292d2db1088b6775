package org.scalefit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.scalefit.Numbers;
import org.scalefit.fit.Estimate;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Parameter;
import org.scalefit.fit.ResidualDiagnostics;

/**
 * Renders a {@link Fit} for people (an aligned table) and for programs (the JSON object documented in
 * README: {@code law}, {@code formula}, {@code parameters}, {@code rss}, {@code r2}, {@code aic},
 * {@code bic}, {@code n}, {@code dof}, {@code converged}, {@code iterations}, {@code warnings},
 * {@code options}, and more).
 *
 * <pre>{@code
 * FitReport report = new FitReport(fit, List.of(2.0));   // with the x at which the curve reaches y = 2
 * System.out.print(report.table());
 * String json = Json.write(report.json());
 * }</pre>
 */
public final class FitReport {
    private final Fit fit;
    private final List<Double> targets;

    /**
     * @param fit     the fit
     * @param targets response values for which to report the x that reaches them
     */
    public FitReport(Fit fit, List<Double> targets) {
        this.fit = fit;
        this.targets = List.copyOf(targets);
    }

    private boolean isDateLaw() {
        return fit.law().timePredictor();
    }

    /** @return the human-readable report, ending with a newline */
    public String table() {
        StringBuilder s = new StringBuilder();
        String level = Numbers.format(100 * fit.options().confidenceLevel(), 3) + "%";
        s.append(fit.law().name()).append(" fit of ").append(fit.data().responseColumn()).append(" on ")
                .append(String.join(", ", predictorSources())).append(" (").append(fit.data().source()).append(", ")
                .append(fit.n()).append(" points, ").append(fit.space()).append(" space, ")
                .append(fit.options().loss().spec()).append(")\n\n");
        s.append("  ").append(fit.formula()).append('\n');
        s.append("  ").append(fit.formulaWithValues()).append("\n\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"parameter", "value", "std. error", level + " interval"});
        for (Parameter p : fit.parameters()) {
            rows.add(new String[] {p.name(), Numbers.format(p.value(), 6),
                p.fixed() ? "fixed" : Numbers.format(p.stderr(), 3),
                p.fixed() ? "" : "[" + Numbers.format(p.lower(), 5) + ", " + Numbers.format(p.upper(), 5) + "]"});
        }
        List<Estimate> derived = new ArrayList<>(fit.derived());
        for (double t : targets) {
            Optional<Estimate> e = fit.solveForX(t);
            derived.add(e.orElse(new Estimate("x_at_target", "", fit.data().responseColumn() + " = "
                    + Numbers.format(t, 6) + " is never reached", Double.NaN, Double.NaN, Double.NaN, Double.NaN, "")));
        }
        if (!derived.isEmpty()) {
            rows.add(new String[] {"", "", "", ""});
            rows.add(new String[] {"derived", "value", "std. error", level + " interval"});
            for (Estimate e : derived) {
                String name = e.name().equals("x_at_target") ? e.description() : e.name();
                if (Double.isNaN(e.value())) {
                    rows.add(new String[] {name, "—", "", ""});
                } else if (e.name().equals("x_at_target") && isDateLaw()) {
                    rows.add(new String[] {name, date(e.value()), Numbers.format(e.stderr(), 3) + " days",
                        "[" + date(e.lower()) + ", " + date(e.upper()) + "]"});
                } else {
                    rows.add(new String[] {name, Numbers.format(e.value(), 6), Numbers.format(e.stderr(), 3),
                        "[" + Numbers.format(e.lower(), 5) + ", " + Numbers.format(e.upper(), 5) + "]"});
                }
            }
        }
        s.append(Tables.align(rows, "  "));
        s.append("  std. errors: ").append(fit.stderrFromAbsoluteCovariance()
                ? "absolute covariance (from the given sigmas)"
                : "covariance scaled by the residual variance RSS/dof").append("; intervals use t with ")
                .append(fit.dof()).append(" dof\n\n");
        ResidualDiagnostics d = fit.diagnostics();
        s.append("  fit        R² ").append(Numbers.format(fit.r2(), 6)).append("   RSS ").append(Numbers.format(fit.rss(), 5))
                .append(fit.options().loss().isSquares() ? "" : "   objective " + Numbers.format(fit.objective(), 6))
                .append("   n ").append(fit.n()).append("   dof ").append(fit.dof()).append('\n');
        s.append("  criteria   log L ").append(Numbers.format(fit.logLikelihood(), 6)).append("   AIC ")
                .append(Numbers.format(fit.aic(), 6)).append("   AICc ").append(Numbers.format(fit.aicc(), 6))
                .append("   BIC ").append(Numbers.format(fit.bic(), 6)).append('\n');
        s.append("  residuals  RMS ").append(Numbers.format(d.rms(), 4)).append("   max |z| ")
                .append(Numbers.format(d.maxStandardized(), 3)).append(" (row ").append(d.maxRow()).append(")   Durbin-Watson ")
                .append(Numbers.format(d.durbinWatson(), 3)).append("   sign runs ").append(d.runs()).append(" (expected ")
                .append(Numbers.format(d.expectedRuns(), 3)).append(")\n");
        s.append("  solver     ").append(fit.converged() ? "converged" : "NOT CONVERGED").append(" in ")
                .append(fit.iterations()).append(" iterations, best of ").append(fit.startsTried()).append(" start")
                .append(fit.startsTried() == 1 ? "" : "s").append(" (").append(fit.startsConverged())
                .append(" converged); ").append(fit.convergenceReason()).append('\n');
        if (fit.warnings().isEmpty()) {
            s.append("  warnings   none\n");
        } else {
            s.append("  warnings\n");
            for (String w : fit.warnings()) {
                s.append("    - ").append(w).append('\n');
            }
        }
        return s.toString();
    }

    private List<String> predictorColumns() {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < fit.data().predictorCount(); k++) {
            out.add(fit.data().predictorColumn(k));
        }
        return out;
    }

    /** Each predictor as {@code NAME = COLUMN}, marked when it is derived per row (e.g. D = compute/(6*params)). */
    private List<String> predictorSources() {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < fit.data().predictorCount(); k++) {
            String name = fit.data().predictorNames().get(k);
            String column = fit.data().predictorColumn(k);
            String text = name.equals(column) ? column : name + " = " + column;
            out.add(isDerived(column) ? text + " (derived)" : text);
        }
        return out;
    }

    /** A predictor source with a quotient in it was derived per row (see {@link DataOptions#isDerived}). */
    private static boolean isDerived(String column) {
        return column.indexOf('/') > 0;
    }

    private static String date(double epochDay) {
        if (!Double.isFinite(epochDay)) {
            return "—";
        }
        return java.time.LocalDate.ofEpochDay((long) Math.floor(epochDay)).toString();
    }

    /** @return the JSON object of the fit */
    public ObjectNode json() {
        ObjectNode o = Json.object();
        o.put("law", fit.law().name());
        o.put("formula", fit.formula());
        o.put("formula_with_values", fit.formulaWithValues());
        ObjectNode params = o.putObject("parameters");
        for (Parameter p : fit.parameters()) {
            ObjectNode po = params.putObject(p.name());
            Json.put(po, "value", p.value());
            Json.put(po, "stderr", p.stderr());
            po.set("ci95", Json.interval(p.lower(), p.upper()));
            po.put("fixed", p.fixed());
        }
        Json.put(o, "rss", fit.rss());
        Json.put(o, "objective", fit.objective());
        Json.put(o, "r2", fit.r2());
        Json.put(o, "log_likelihood", fit.logLikelihood());
        Json.put(o, "aic", fit.aic());
        Json.put(o, "aicc", fit.aicc());
        Json.put(o, "bic", fit.bic());
        o.put("n", fit.n());
        o.put("dof", fit.dof());
        o.put("converged", fit.converged());
        o.put("convergence_reason", fit.convergenceReason());
        o.put("iterations", fit.iterations());
        o.put("starts_tried", fit.startsTried());
        o.put("starts_converged", fit.startsConverged());
        ArrayNode w = o.putArray("warnings");
        fit.warnings().forEach(w::add);
        ObjectNode derived = o.putObject("derived");
        for (Estimate e : fit.derived()) {
            putEstimate(derived.putObject(e.name()), e);
        }
        if (!targets.isEmpty()) {
            ArrayNode t = o.putArray("targets");
            for (double target : targets) {
                ObjectNode to = t.addObject();
                Json.put(to, "y", target);
                Optional<Estimate> e = fit.solveForX(target);
                if (e.isPresent()) {
                    putEstimate(to, e.get());
                    if (isDateLaw()) {
                        to.put("date", date(e.get().value()));
                    }
                } else {
                    to.putNull("value");
                    to.put("note", "never reached");
                }
            }
        }
        ObjectNode cov = o.putObject("covariance");
        cov.put("kind", fit.stderrFromAbsoluteCovariance() ? "absolute" : "scaled by residual variance");
        ArrayNode names = cov.putArray("parameters");
        fit.parameterNames().forEach(names::add);
        ArrayNode matrix = cov.putArray("scaled");
        for (double[] row : fit.covariance()) {
            ArrayNode r = matrix.addArray();
            for (double v : row) {
                Json.add(r, v);
            }
        }
        ArrayNode abs = cov.putArray("absolute");
        for (double[] row : fit.covarianceAbsolute()) {
            ArrayNode r = abs.addArray();
            for (double v : row) {
                Json.add(r, v);
            }
        }
        Json.put(cov, "condition_number", fit.conditionNumber());
        ResidualDiagnostics d = fit.diagnostics();
        ObjectNode diag = o.putObject("residuals");
        Json.put(diag, "rms", d.rms());
        Json.put(diag, "max_abs_standardized", d.maxStandardized());
        diag.put("max_row", d.maxRow());
        Json.put(diag, "durbin_watson", d.durbinWatson());
        diag.put("sign_runs", d.runs());
        Json.put(diag, "expected_runs", d.expectedRuns());
        ObjectNode data = o.putObject("data");
        data.put("source", fit.data().source());
        ArrayNode xs = data.putArray("x");
        predictorColumns().forEach(xs::add);
        ArrayNode preds = data.putArray("predictors");
        for (int k = 0; k < fit.data().predictorCount(); k++) {
            ObjectNode po = preds.addObject();
            po.put("name", fit.data().predictorNames().get(k));
            po.put("column", fit.data().predictorColumn(k));
            po.put("derived", isDerived(fit.data().predictorColumn(k)));
        }
        data.put("y", fit.data().responseColumn());
        o.set("options", options(fit.options(), fit));
        o.put("scalefit_version", Version.current());
        return o;
    }

    private static void putEstimate(ObjectNode node, Estimate e) {
        Json.put(node, "value", e.value());
        Json.put(node, "stderr", e.stderr());
        node.set("ci95", Json.interval(e.lower(), e.upper()));
        if (!e.unit().isEmpty()) {
            node.put("unit", e.unit());
        }
        node.put("method", e.method());
    }

    /**
     * @param options the options
     * @param fit     the fit they produced (for the resolved space)
     * @return the options as JSON, seed included
     */
    static ObjectNode options(FitOptions options, Fit fit) {
        ObjectNode o = Json.object();
        o.put("space", fit.space().toString());
        o.put("loss", options.loss().spec());
        o.put("solver", options.solver().toString());
        o.put("starts", options.starts().name());
        o.put("seed", options.seed());
        o.put("max_iterations", options.maxIterations());
        Json.put(o, "confidence_level", options.confidenceLevel());
        ObjectNode start = o.putObject("start");
        for (Map.Entry<String, Double> e : new java.util.TreeMap<>(options.startValues()).entrySet()) {
            start.put(e.getKey(), e.getValue());
        }
        ObjectNode bound = o.putObject("bound");
        for (var e : new java.util.TreeMap<>(options.bounds()).entrySet()) {
            bound.set(e.getKey(), Json.interval(e.getValue().lower(), e.getValue().upper()));
        }
        ObjectNode fix = o.putObject("fix");
        for (Map.Entry<String, Double> e : new java.util.TreeMap<>(options.fixed()).entrySet()) {
            fix.put(e.getKey(), e.getValue());
        }
        return o;
    }
}
