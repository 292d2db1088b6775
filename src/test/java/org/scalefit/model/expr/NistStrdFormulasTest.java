package org.scalefit.model.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import org.scalefit.SharedData;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.scalefit.model.ExpressionLaw;

/**
 * The 27 NIST StRD nonlinear regression models, typed as formulas: each must parse, reproduce the
 * certified residual sum of squares at the certified parameters, and have a symbolic gradient that
 * matches fourth-order central differences at NIST's first start to 1e-6 relative. Skipped when
 * the reference data is absent.
 */
class NistStrdFormulasTest {
    private static final String STRD = "reference-data/nist-strd";
    private static Path folder;

    private record Dataset(String name, String formula, List<String> predictors, boolean logResponse,
                           double[] start1, double[] certified, double certifiedRss, double[][] x, double[] y) {
    }

    @TestFactory
    Stream<DynamicTest> nistFormulas() throws IOException {
        folder = SharedData.require(STRD + "/strd.json").getParent();
        List<Dataset> datasets = load();
        assertEquals(27, datasets.size());
        return datasets.stream().flatMap(d -> Stream.of(
                DynamicTest.dynamicTest(d.name() + ": certified RSS", () -> checkRss(d)),
                DynamicTest.dynamicTest(d.name() + ": gradient at start 1", () -> checkGradient(d))));
    }

    private static void checkRss(Dataset d) {
        Expression e = Expression.parse(d.formula());
        List<String> parameters = new ArrayList<>();
        for (int j = 1; j <= d.certified().length; j++) {
            parameters.add("b" + j);
        }
        List<String> slots = new ArrayList<>(d.predictors());
        slots.addAll(parameters);
        CompiledExpression compiled = e.compile(slots);
        ExpressionLaw law = law(d);
        assertEquals(parameters, law.parameters(), d.name());
        double rss = 0;
        for (int i = 0; i < d.y().length; i++) {
            double f = compiled.evaluate(d.x()[i], d.certified());
            assertEquals(f, law.value(d.x()[i], d.certified()), 0.0);
            double response = d.logResponse() ? Math.log(d.y()[i]) : d.y()[i];
            rss += (response - f) * (response - f);
        }
        if (d.name().equals("Lanczos1")) {
            assertEquals(d.certifiedRss(), rss, 1e-19, d.name());
        } else {
            assertEquals(d.certifiedRss(), rss, 1e-9 * d.certifiedRss(), d.name());
        }
        String reprinted = e.toString();
        assertEquals(reprinted, Expression.parse(reprinted).toString(), d.name());
    }

    private static ExpressionLaw law(Dataset d) {
        List<String> parameters = new ArrayList<>();
        for (int j = 1; j <= d.certified().length; j++) {
            parameters.add("b" + j);
        }
        return new ExpressionLaw(d.formula(), d.predictors(), parameters, java.util.Map.of());
    }

    private static void checkGradient(Dataset d) {
        ExpressionLaw law = law(d);
        int k = d.start1().length;
        double[] p = d.start1().clone();
        double[] grad = new double[k];
        for (int j = 0; j < k; j++) {
            double largest = 0;
            double worst = 0;
            double rounding = 0;
            double h = 1e-4 * Math.max(Math.abs(p[j]), 1e-6);
            for (int i = 0; i < d.y().length; i++) {
                law.gradient(d.x()[i], d.start1(), grad);
                double[] f = new double[4];
                double[] steps = {-2, -1, 1, 2};
                for (int s = 0; s < 4; s++) {
                    p[j] = d.start1()[j] + steps[s] * h;
                    f[s] = law.value(d.x()[i], p);
                }
                p[j] = d.start1()[j];
                double numeric = (f[0] - 8 * f[1] + 8 * f[2] - f[3]) / (12 * h);
                rounding = Math.max(rounding, 1e-14 * Math.abs(law.value(d.x()[i], p)) / h);
                assertTrue(Double.isFinite(grad[j]), d.name() + " b" + (j + 1) + " at row " + i);
                largest = Math.max(largest, Math.abs(grad[j]));
                worst = Math.max(worst, Math.abs(grad[j] - numeric));
            }
            // relative to the largest derivative over the data, plus the rounding error of the finite
            // difference itself (MGH17's d/db5 at start 1 is 1e-6 next to values of 50)
            assertTrue(worst <= 1e-6 * largest + rounding, d.name() + ": d/db" + (j + 1)
                    + " differs from finite differences by " + worst + " (largest derivative " + largest + ")");
        }
    }

    private static List<Dataset> load() throws IOException {
        JsonNode root = new ObjectMapper().readTree(folder.resolve("strd.json").toFile());
        List<Dataset> datasets = new ArrayList<>();
        for (JsonNode n : root.get("datasets")) {
            List<String> predictors = new ArrayList<>();
            n.get("predictors").forEach(p -> predictors.add(p.asText()));
            List<String> lines = Files.readAllLines(folder.resolve(n.get("csv").asText()));
            int rows = lines.size() - 1;
            double[][] x = new double[rows][predictors.size()];
            double[] y = new double[rows];
            for (int i = 0; i < rows; i++) {
                String[] cells = lines.get(i + 1).trim().split(",");
                for (int c = 0; c < predictors.size(); c++) {
                    x[i][c] = Double.parseDouble(cells[c]);
                }
                y[i] = Double.parseDouble(cells[predictors.size()]);
            }
            assertEquals(n.get("n_obs").asInt(), rows, n.get("name").asText());
            datasets.add(new Dataset(n.get("name").asText(), n.get("formula").asText(), predictors,
                    n.get("response").asText().equals("log(y)"), numbers(n.get("start1")),
                    numbers(n.get("certified_values")), n.get("certified_rss").asDouble(), x, y));
        }
        return datasets;
    }

    private static double[] numbers(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asDouble();
        }
        return v;
    }
}
