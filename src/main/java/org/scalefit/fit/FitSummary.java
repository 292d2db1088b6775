package org.scalefit.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.scalefit.Numbers;
import org.scalefit.OptionKey;
import org.scalefit.TextTable;

/**
 * The text summary of a {@link Fit}, as lmfit's {@code fit_report()}: the law, data and options in one line,
 * the formula with and without numbers, a table of parameters (value, standard error, interval) and derived
 * quantities, the goodness of fit, information criteria, residual diagnostics, how the solver ended and the
 * warnings. It is the table {@code scalefit fit} prints.
 *
 * <pre>{@code
 * Fit fit = Fitter.fit(new OffsetPowerLaw(), data);
 * System.out.print(fit.summary());
 * System.out.print(FitSummary.of(fit, List.of(2.0), null));   // also the x at which the curve reaches 2
 * }</pre>
 */
public final class FitSummary {
    private FitSummary() {
    }

    /**
     * @param fit         the fit
     * @param targets     response values for which to report the x that reaches them
     * @param optionNames a front end's name of each option the warnings mention, or null for the library's words
     * @return the summary, ending with a newline
     */
    public static String of(Fit fit, List<Double> targets, Function<OptionKey, String> optionNames) {
        StringBuilder s = new StringBuilder();
        String level = Numbers.format(100 * fit.options().confidenceLevel(), 3) + "%";
        s.append(fit.law().name()).append(" fit of ").append(fit.data().responseColumn()).append(" on ")
                .append(String.join(", ", predictorSources(fit))).append(" (").append(fit.data().source()).append(", ")
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
                } else if (e.name().equals("x_at_target") && fit.law().timePredictor()) {
                    rows.add(new String[] {name, date(e.value()), Numbers.format(e.stderr(), 3) + " days",
                        "[" + date(e.lower()) + ", " + date(e.upper()) + "]"});
                } else {
                    rows.add(new String[] {name, Numbers.format(e.value(), 6), Numbers.format(e.stderr(), 3),
                        "[" + Numbers.format(e.lower(), 5) + ", " + Numbers.format(e.upper(), 5) + "]"});
                }
            }
        }
        s.append(TextTable.align(rows, "  "));
        s.append("  std. errors: ").append(fit.stderrFromAbsoluteCovariance()
                ? "absolute covariance (from the given sigmas)"
                : "covariance scaled by the residual variance RSS/dof").append("; intervals use t with ")
                .append(fit.dof()).append(" dof\n\n");
        ResidualDiagnostics d = fit.diagnostics();
        s.append("  fit        R² ").append(Numbers.format(fit.r2(), 6)).append("   RSS ").append(Numbers.format(fit.rss(), 5))
                .append(fit.options().loss().isSquares() ? "" : "   objective " + Numbers.format(fit.objective(), 6))
                .append("   n ").append(fit.n()).append("   dof ").append(fit.dof()).append('\n');
        // Under a likelihood with a scale the optimum is told from nearby points in the 7th digit: show 9.
        s.append("  criteria   log L ").append(Numbers.format(fit.logLikelihood(), fit.scale().isPresent() ? 9 : 6))
                .append(fit.scale().isPresent() ? " (scale σ " + Numbers.format(fit.scale().getAsDouble(), 6) + ")" : "")
                .append("   AIC ")
                .append(Numbers.format(fit.aic(), 6)).append("   AICc ").append(Numbers.format(fit.aicc(), 6))
                .append("   BIC ").append(Numbers.format(fit.bic(), 6)).append('\n');
        s.append("  residuals  RMS ").append(Numbers.format(d.rms(), 4)).append("   max |z| ")
                .append(Numbers.format(d.maxStandardized(), 3)).append(" (row ").append(d.maxRow()).append(")   Durbin-Watson ")
                .append(Numbers.format(d.durbinWatson(), 3)).append("   sign runs ").append(d.runs()).append(" (expected ")
                .append(Numbers.format(d.expectedRuns(), 3)).append(")\n");
        s.append("  solver     ");
        Solver usual = fit.options().loss().isSquares() ? Solver.LM : Solver.LBFGS;
        if (fit.options().solver() == Solver.AUTO && !fit.solver().equals(usual + " (automatic)")) {
            // Named where the engine chose other than the loss's usual optimiser (variable projection, a fallback).
            s.append(fit.solver()).append(": ");
        }
        s.append(fit.converged() ? "converged" : "NOT CONVERGED").append(" in ")
                .append(fit.iterations()).append(" iterations, best of ").append(fit.startsTried()).append(" start")
                .append(fit.startsTried() == 1 ? "" : "s").append(" (").append(fit.startsConverged())
                .append(" converged); ").append(fit.convergenceReason()).append('\n');
        List<Constraint> ranges = fit.constraints().stream().filter(Constraint::liftable).toList();
        if (!ranges.isEmpty()) {
            s.append("  constraints (the engine's defaults for these data)\n");
            for (Constraint c : ranges) {
                s.append("    - ").append(org.scalefit.OptionKey.render(c.describe(), optionNames)).append('\n');
            }
        }
        List<String> warnings = fit.warnings(optionNames);
        if (warnings.isEmpty()) {
            s.append("  warnings   none\n");
        } else {
            s.append("  warnings\n");
            for (String w : warnings) {
                s.append("    - ").append(w).append('\n');
            }
        }
        return s.toString();
    }

    /** Each predictor as {@code NAME = COLUMN}, marked when it is derived per row (e.g. D = compute/(6*params)). */
    private static List<String> predictorSources(Fit fit) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < fit.data().predictorCount(); k++) {
            String name = fit.data().predictorNames().get(k);
            String column = fit.data().predictorColumn(k);
            String text = name.equals(column) || name.equals(org.scalefit.data.ColumnSpec.nameFor(column)) ? column
                    : name + " = " + column;
            out.add(column.indexOf('/') > 0 ? text + " (derived)" : text);
        }
        return out;
    }

    private static String date(double epochDay) {
        if (!Double.isFinite(epochDay)) {
            return "—";
        }
        return java.time.LocalDate.ofEpochDay((long) Math.floor(epochDay)).toString();
    }
}
