package org.scalefit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.scalefit.Numbers;
import org.scalefit.fit.Fit;
import org.scalefit.fit.ParameterTests;
import org.scalefit.uncertainty.BootstrapResult;

/**
 * {@code fit --test NAME=VALUE,...}: the likelihood-ratio test (where the loss has a likelihood) and the Wald
 * test (with the bootstrap's covariance when {@code --bootstrap} ran, else the fit's) of the fit against the
 * given values, as JSON ({@code likelihood_ratio_test}, {@code wald_test}) and table lines.
 *
 * <pre>{@code
 * Main.run(new String[] {"fit", "runs.csv", "--x", "N=params", "--x", "D=tokens", "--y", "loss", "--law", "chinchilla",
 *         "--loss", "huber-likelihood:1e-3", "--test", "E=1.69,A=406.4,B=410.7,alpha=0.34,beta=0.28"},
 *         System.out, System.err);
 * }</pre>
 */
final class TestReport {
    private final ParameterTests.Result likelihoodRatio;
    private final ParameterTests.Result wald;

    /**
     * @param fit   the fit
     * @param spec  the hypothesis, {@code NAME=VALUE,...}
     * @param boot  the bootstrap of the fit, or null
     */
    TestReport(Fit fit, String spec, BootstrapResult boot) {
        Map<String, Double> values = ParameterTests.parse(spec);
        org.scalefit.fit.Loss loss = fit.options().loss();
        this.likelihoodRatio = loss.isSquares() || loss instanceof org.scalefit.fit.Loss.HuberLikelihood
                ? ParameterTests.likelihoodRatio(fit, values) : null;
        this.wald = boot != null && boot.succeeded() > fit.freeParameters()
                ? ParameterTests.wald(fit, values, ParameterTests.covariance(boot.replicates()), "bootstrap")
                : ParameterTests.wald(fit, values);
    }

    void addTo(ObjectNode json) {
        if (likelihoodRatio != null) {
            ObjectNode lr = put(json.putObject("likelihood_ratio_test"), likelihoodRatio);
            Json.put(lr, "null_log_likelihood", likelihoodRatio.nullLogLikelihood());
            if (Double.isFinite(likelihoodRatio.nullScale())) {
                Json.put(lr, "null_scale", likelihoodRatio.nullScale());
            }
        }
        put(json.putObject("wald_test"), wald).put("covariance", wald.covariance());
    }

    private static ObjectNode put(ObjectNode o, ParameterTests.Result r) {
        Json.put(o, "statistic", r.statistic());
        o.put("dof", r.dof());
        Json.put(o, "p_value", r.pValue());
        ObjectNode h = o.putObject("null");
        r.nullValues().forEach((k, v) -> Json.put(h, k, v));
        return o;
    }

    String table() {
        List<String> lines = new ArrayList<>();
        if (likelihoodRatio != null) {
            lines.add(line("likelihood ratio", likelihoodRatio));
        }
        lines.add(line("Wald (" + (wald.covariance().equals("bootstrap") ? "bootstrap" : "fit") + " covariance)", wald));
        StringBuilder s = new StringBuilder("\n  tests of ");
        List<String> h = new ArrayList<>();
        wald.nullValues().forEach((k, v) -> h.add(k + " = " + Numbers.format(v, 8)));
        s.append(String.join(", ", h)).append('\n');
        for (String l : lines) {
            s.append("    ").append(l).append('\n');
        }
        return s.toString();
    }

    private static String line(String name, ParameterTests.Result r) {
        return name + ": " + Numbers.format(r.statistic(), 6) + " on " + r.dof() + " dof, p = " + Numbers.format(r.pValue(), 3);
    }
}
