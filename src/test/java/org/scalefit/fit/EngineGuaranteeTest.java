package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scalefit.FitFailedException;
import org.scalefit.InvalidDataException;
import org.scalefit.data.Observations;
import org.scalefit.model.Law;
import org.scalefit.model.Laws;
import org.scalefit.model.Space;

/**
 * The engine's promise, checked over every law in {@link Laws} and seeded random data: a returned
 * {@link Fit} never carries a non-finite parameter value, RSS or objective, and a standard error that
 * is NaN always comes with a warning that explains it (no degrees of freedom, or parameters the data
 * cannot separate). Anything else must be one of the two documented exceptions.
 */
class EngineGuaranteeTest {
    /** Warnings that explain why a standard error cannot be given. */
    private static final List<String> EXPLAINS_NAN_STDERR = List.of("as many free parameters as points",
            "singular information matrix", "standard errors cannot be computed");

    /** Random data for one law: a kind of shape, a range of x, a point count, noise and defects. */
    static Observations randomData(Law law, SplittableRandom rng) {
        int k = law.predictors().size();
        int params = law.parameters().size();
        int n = params + rng.nextInt(0, 25);
        boolean dates = law.timePredictor();
        double[][] x = new double[k][n];
        for (int j = 0; j < k; j++) {
            double lo = dates ? 17_000 + rng.nextInt(2000) : Math.pow(10, rng.nextInt(-3, 22));
            double decades = dates ? 0 : 0.05 + rng.nextDouble() * 8;
            double span = dates ? 30 + rng.nextInt(3000) : 0;
            for (int i = 0; i < n; i++) {
                double u = rng.nextDouble();
                x[j][i] = dates ? lo + u * span : lo * Math.pow(10, u * decades);
                if (i > 0 && rng.nextInt(6) == 0) {
                    x[j][i] = x[j][i - 1];
                }
            }
        }
        double[] y = new double[n];
        int shape = rng.nextInt(5);
        double scale = Math.pow(10, rng.nextInt(-4, 5));
        double slope = (rng.nextDouble() - 0.3) * 2;
        double noise = Math.pow(10, -rng.nextInt(1, 7));
        for (int i = 0; i < n; i++) {
            double t = Math.log(x[0][i] / x[0][0] + 1e-300) + (k > 1 ? 0.5 * Math.log(x[1][i] / x[1][0]) : 0);
            if (dates) {
                t = (x[0][i] - x[0][0]) / 365;
            }
            double v = switch (shape) {
                case 0 -> scale * Math.exp(-slope * t);
                case 1 -> scale * (1 + Math.exp(-Math.abs(slope) * t));
                case 2 -> scale;
                case 3 -> scale * Math.exp(-slope * t + 0.3 * Math.sin(3 * t));
                default -> scale * Math.exp(rng.nextGaussian());
            };
            y[i] = v * Math.exp(noise * rng.nextGaussian());
        }
        if (n > 3 && rng.nextInt(4) == 0) {
            y[rng.nextInt(n)] *= rng.nextBoolean() ? 1e3 : 1e-3;
        }
        Observations.Builder b = Observations.builder().source("random.csv");
        for (int j = 0; j < k; j++) {
            b.predictor(law.predictors().get(j), x[j]);
        }
        return b.response("y", y).build();
    }

    /**
     * A law of the registry built on a small probe, whatever its number of predictors: its
     * {@link Law#predictors()} name the columns random data must have.
     */
    static Law template(String name) {
        List<String> predictors = Laws.predictorsOf(name);
        if (predictors.isEmpty()) {
            try {
                return Laws.create(name, new Laws.Context(List.of("x"), probe(List.of("x")), OptionalDouble.of(17_000)));
            } catch (InvalidDataException e) {
                predictors = List.of("x1", "x2");
            }
        }
        return Laws.create(name, new Laws.Context(predictors, probe(predictors), OptionalDouble.of(17_000)));
    }

    /** The law fitted to the data, named as the template names its predictors. */
    static Law forData(String name, Law template, Observations data) {
        return Laws.create(name, new Laws.Context(template.predictors(), data, OptionalDouble.empty()));
    }

    private static Observations probe(List<String> predictors) {
        Observations.Builder b = Observations.builder();
        for (String p : predictors) {
            b.predictor(p, new double[] {1, 2, 3});
        }
        return b.response("y", new double[] {1, 2, 3}).build();
    }

    @Test
    void noReturnedFitHasNonFiniteParametersOrUnexplainedNanStandardErrors() {
        SplittableRandom rng = new SplittableRandom(20240808L);
        int fitted = 0;
        int refused = 0;
        int failed = 0;
        List<String> names = Laws.names();
        for (int round = 0; round < 12; round++) {
            for (String name : names) {
                if (name.startsWith("broken-power-law") && round % 4 != 0) {
                    // Their multi-start over break positions costs a hundred times a power law's: fewer rounds.
                    continue;
                }
                Law template = template(name);
                Observations data = randomData(template, rng);
                Law law = forData(name, template, data);
                FitOptions.Builder builder = switch (rng.nextInt(4)) {
                    case 0 -> FitOptions.builder();
                    case 1 -> FitOptions.builder().space(Space.LINEAR);
                    case 2 -> FitOptions.builder().loss(Loss.parse("huber:0.01"));
                    default -> FitOptions.builder().starts(Starts.parse("random:4")).seed(round);
                };
                // The guarantee holds for unconverged fits too; a lower limit keeps the slowest laws quick.
                FitOptions options = builder.maxIterations(name.startsWith("broken-power-law") ? 200 : 2000).build();
                String what = name + " round " + round + " on " + data.size() + " points with " + options.loss().spec()
                        + " in " + options.spaceChoice().map(Object::toString).orElse("default") + " space";
                try {
                    Fit fit = Fitter.fit(law, data, options);
                    check(fit, what);
                    fitted++;
                } catch (InvalidDataException e) {
                    assertOneLine(e.getMessage(), what);
                    refused++;
                } catch (FitFailedException e) {
                    assertOneLine(e.getMessage(), what);
                    failed++;
                } catch (RuntimeException e) {
                    fail(what + " threw " + e, e);
                }
            }
        }
        assertTrue(fitted > names.size() * 6, "only " + fitted + " fits returned (" + refused + " refused, " + failed
                + " failed): the data are too hostile to test the guarantee");
    }

    /** The guarantee itself, shared with the other robustness tests. */
    static void check(Fit fit, String what) {
        for (Parameter p : fit.parameters()) {
            assertTrue(Double.isFinite(p.value()), what + ": " + p.name() + " = " + p.value());
            if (!p.fixed() && Double.isNaN(p.stderr())) {
                assertTrue(fit.warnings().stream().anyMatch(w -> EXPLAINS_NAN_STDERR.stream().anyMatch(w::startsWith)),
                        what + ": stderr of " + p.name() + " is NaN without a warning saying why; warnings " + fit.warnings());
            }
            assertTrue(!Double.isInfinite(p.stderr()), what + ": stderr of " + p.name() + " is infinite");
        }
        assertTrue(Double.isFinite(fit.rss()) && Double.isFinite(fit.objective()), what + ": rss " + fit.rss());
        for (String w : fit.warnings()) {
            assertOneLine(w, what);
        }
    }

    private static void assertOneLine(String message, String what) {
        assertTrue(message != null && !message.isBlank() && message.indexOf('\n') < 0, what + ": not one line: " + message);
    }
}
