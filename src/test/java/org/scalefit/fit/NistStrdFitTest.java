package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scalefit.SharedData;
import org.scalefit.data.DataSpec;
import org.scalefit.data.Observations;
import org.scalefit.model.ExpressionLaw;
import org.scalefit.model.Space;

/**
 * The 27 NIST StRD nonlinear regression problems, from both certified start points, fitted through
 * the formula law in linear space with default tolerances: every case must reach the certified
 * parameters to at least 6 significant digits (LRE ≥ 6) and the certified residual sum of squares.
 * Reads {@code ../shared/reference-data/nist-strd}; skipped when that folder is absent, failed under CI=true
 * ({@link SharedData}).
 */
class NistStrdFitTest {
    private static final String STRD = "reference-data/nist-strd/strd.json";
    private static final Path DIR = SharedData.ROOT.resolve("reference-data/nist-strd");

    static Stream<Arguments> cases() throws IOException {
        if (!SharedData.present(STRD)) {
            return Stream.of(Arguments.of("absent", 0, null));
        }
        JsonNode root = new ObjectMapper().readTree(DIR.resolve("strd.json").toFile());
        List<Arguments> out = new ArrayList<>();
        for (JsonNode d : root.get("datasets")) {
            out.add(Arguments.of(d.get("name").asText(), 1, d));
            out.add(Arguments.of(d.get("name").asText(), 2, d));
        }
        return out.stream();
    }

    /** The problem's formula with parameters b1, b2, …, as NIST writes it. */
    static ExpressionLaw law(JsonNode d) {
        List<String> predictors = new ArrayList<>();
        d.get("predictors").forEach(p -> predictors.add(p.asText()));
        List<String> params = new ArrayList<>();
        for (int j = 1; j <= d.get("n_params").asInt(); j++) {
            params.add("b" + j);
        }
        return new ExpressionLaw(d.get("formula").asText(), predictors, params, Map.of());
    }

    /** The problem's data (ln y where NIST fits the log of the response). */
    static Observations data(JsonNode d) {
        DataSpec.Builder spec = DataSpec.builder();
        d.get("predictors").forEach(p -> spec.predictor(p.asText()));
        Observations obs = spec.response("y").build().load(DIR.resolve(d.get("csv").asText())).observations();
        if (d.get("response").asText().equals("log(y)")) {
            double[] y = obs.yValues();
            for (int i = 0; i < y.length; i++) {
                y[i] = Math.log(y[i]);
            }
            obs = obs.withResponse(y);
        }
        return obs;
    }

    /** Log relative error: −log10(|est − cert| / |cert|), capped at 11 digits. */
    static double lre(double est, double cert) {
        if (est == cert) {
            return 11;
        }
        double rel = Math.abs(est - cert) / Math.abs(cert);
        return Math.min(11, -Math.log10(rel));
    }

    @ParameterizedTest(name = "{0} start {1}")
    @MethodSource("cases")
    void reachesCertifiedValues(String name, int start, JsonNode d) {
        SharedData.require(STRD);
        int k = d.get("n_params").asInt();
        ExpressionLaw law = law(d);
        List<String> params = law.parameters();
        Observations obs = data(d);
        FitOptions.Builder options = FitOptions.builder().space(Space.LINEAR);
        JsonNode s = d.get("start" + start);
        for (int j = 0; j < k; j++) {
            options.start(params.get(j), s.get(j).asDouble());
        }
        Fit fit = Fitter.fit(law, obs, options.build());
        JsonNode cert = d.get("certified_values");
        double worst = 11;
        StringBuilder detail = new StringBuilder();
        for (int j = 0; j < k; j++) {
            double l = lre(fit.values()[j], cert.get(j).asDouble());
            worst = Math.min(worst, l);
            detail.append(params.get(j)).append('=').append(fit.values()[j]).append(" (LRE ").append(String.format("%.1f", l)).append(") ");
        }
        double certRss = d.get("certified_rss").asDouble();
        double rssOk = certRss < 1e-20 ? (fit.rss() < 1e-18 ? 11 : 0) : lre(fit.rss(), certRss);
        assertTrue(worst >= 6 && rssOk >= 6, name + " start " + start + ": worst LRE " + String.format("%.2f", worst)
                + ", RSS " + fit.rss() + " vs certified " + certRss + "; " + detail + "; " + fit.convergenceReason()
                + " warnings " + fit.warnings());
        // Lanczos1's certified RSS (1.4e-25) lies below double precision, so its residuals, and the
        // standard errors scaled by them, are rounding noise in float64; every other problem's standard
        // errors must match NIST's to 4 digits.
        if (name.equals("Lanczos1")) {
            return;
        }
        JsonNode certSd = d.get("certified_std_devs");
        for (int j = 0; j < k; j++) {
            double l = lre(fit.parameters().get(j).stderr(), certSd.get(j).asDouble());
            assertTrue(l >= 4, name + " start " + start + ": std. error of " + params.get(j) + " = "
                    + fit.parameters().get(j).stderr() + " vs certified " + certSd.get(j).asDouble());
        }
    }
}
