package org.scalefit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.scalefit.fit.Bound;
import org.scalefit.fit.Constraint;
import org.scalefit.fit.Estimate;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.FitSummary;
import org.scalefit.fit.Loss;
import org.scalefit.fit.Parameter;
import org.scalefit.fit.ResidualDiagnostics;
import org.scalefit.fit.Solver;
import org.scalefit.model.Space;

/**
 * Renders a {@link Fit} for people (an aligned table) and for programs (the JSON object documented in
 * README: {@code law}, {@code formula}, {@code parameters}, {@code rss}, {@code r2}, {@code aic},
 * {@code bic}, {@code n}, {@code dof}, {@code converged}, {@code solver}, {@code iterations}, {@code warnings},
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


    /** @return the human-readable report, ending with a newline: the library's {@link Fit#summary()} with flags */
    public String table() {
        return FitSummary.of(fit, targets, Flags::of);
    }

    private List<String> predictorColumns() {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < fit.data().predictorCount(); k++) {
            out.add(fit.data().predictorColumn(k));
        }
        return out;
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
        fit.scale().ifPresent(v -> Json.put(o, "scale", v));
        Json.put(o, "aic", fit.aic());
        Json.put(o, "aicc", fit.aicc());
        Json.put(o, "bic", fit.bic());
        o.put("n", fit.n());
        o.put("dof", fit.dof());
        o.put("converged", fit.converged());
        o.put("convergence_reason", fit.convergenceReason());
        o.put("solver", fit.solver());
        o.put("iterations", fit.iterations());
        o.put("starts_tried", fit.startsTried());
        o.put("starts_converged", fit.startsConverged());
        ArrayNode w = o.putArray("warnings");
        fit.warnings(Flags::of).forEach(w::add);
        ArrayNode cons = o.putArray("constraints");
        for (Constraint c : fit.constraints()) {
            ObjectNode co = cons.addObject();
            co.put("parameter", c.parameter());
            Json.put(co, "lower", c.lower());
            Json.put(co, "upper", c.upper());
            co.put("source", c.source().label());
            co.put("reason", c.reason());
            if (c.liftable()) {
                co.put("lifted_by", Flags.render(c.liftedBy()));
            } else {
                co.putNull("lifted_by");
            }
        }
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
                    if (fit.law().timePredictor()) {
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

    /**
     * The inverse of {@link #options(FitOptions, Fit)}: the options a fit JSON records, as {@code optimal}
     * re-fits a saved fit with them (loss, space, solver, iteration limit, level, fixed values and bounds;
     * not the starts, which a re-fit replaces by a warm start at the saved optimum).
     *
     * @param o the {@code options} object of a fit JSON
     * @return the options
     */
    static FitOptions readOptions(JsonNode o) {
        FitOptions.Builder b = FitOptions.builder();
        if (o.hasNonNull("loss")) {
            b.loss(Loss.parse(o.get("loss").asText()));
        }
        if (o.hasNonNull("space")) {
            b.space(Space.parse(o.get("space").asText()));
        }
        if (o.hasNonNull("solver")) {
            b.solver(Solver.parse(o.get("solver").asText()));
        }
        if (o.hasNonNull("max_iterations")) {
            b.maxIterations(o.get("max_iterations").asInt());
        }
        if (o.hasNonNull("confidence_level")) {
            b.confidenceLevel(o.get("confidence_level").asDouble());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = o.path("fix").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            b.fix(e.getKey(), e.getValue().asDouble());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = o.path("bound").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode lohi = e.getValue();
            double lo = lohi.path(0).isNumber() ? lohi.path(0).asDouble() : Double.NEGATIVE_INFINITY;
            double hi = lohi.path(1).isNumber() ? lohi.path(1).asDouble() : Double.POSITIVE_INFINITY;
            b.bound(e.getKey(), new Bound(lo, hi));
        }
        return b.build();
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
}
