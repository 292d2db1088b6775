package org.scalefit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.FitFailedException;
import org.scalefit.InvalidDataException;
import org.scalefit.data.Observations;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.fit.Parameter;
import org.scalefit.model.ExpressionLaw;

/**
 * Seeded fuzzing of the fit entry points: random but valid-looking tables through {@code scalefit fit},
 * {@code compare} and {@code trend} in-process, and random formulas with random data through
 * {@link Fitter}. Whatever comes in, the outcome is one of: exit 0 with a JSON result whose parameter
 * values are all numbers; exit 1 with a one-line "fit failed" or "did not converge"; exit 2 with a
 * one-line error. Never an internal error, a stack trace, a NaN (JSON null) parameter, or a run that does
 * not end: each case is timed, and none may take more than {@link #MAX_SECONDS} seconds.
 */
class FitEntryFuzzTest {
    /** Far above any case's real cost (well under a second): only a runaway loop reaches it. */
    private static final double MAX_SECONDS = 30;
    private static final String[] NAMES = {"compute", "loss", "params", "tokens", "date", "x", "loss (nats)", "modèle"};
    private static final String[] LAWS = {"power-law", "offset-power-law", "exponential", "quadratic", "x^a*b",
        "a + b*log(x)", "a*exp(-b*x) + c", "a/(1 + exp(-b*(x - c)))", "a*x/(b + x)", "sqrt(a*x) + b"};

    @TempDir
    Path dir;
    private double slowest;
    private String slowestCase = "";

    @Test
    void randomTablesThroughFitCompareAndTrend() throws IOException {
        SplittableRandom rng = new SplittableRandom(20240901L);
        int[] codes = new int[3];
        for (int i = 0; i < 120; i++) {
            Table t = randomTable(rng, false);
            Path file = write(t, rng, i);
            String law = LAWS[rng.nextInt(LAWS.length)];
            List<String> args = new ArrayList<>(List.of("fit", file.toString(), "--x", "x=" + t.x(), "--y", t.y(), "--law", law,
                    "--json", "--threads", "1"));
            options(rng, args, true);
            codes[check(args, "fit")]++;
        }
        for (int i = 0; i < 25; i++) {
            Table t = randomTable(rng, false);
            Path file = write(t, rng, 10_000 + i);
            List<String> args = new ArrayList<>(List.of("compare", file.toString(), "--x", t.x(), "--y", t.y(), "--json",
                    "--threads", "1", "--laws", rng.nextBoolean() ? "power-law,offset-power-law,exponential"
                            : "power-law,quadratic,a*x^b", "--holdout-largest", Integer.toString(rng.nextInt(0, 4))));
            if (rng.nextBoolean()) {
                args.add("--no-loo");
            }
            options(rng, args, false);
            codes[check(args, "compare")]++;
        }
        for (int i = 0; i < 40; i++) {
            Table t = randomTable(rng, true);
            Path file = write(t, rng, 20_000 + i);
            List<String> args = new ArrayList<>(List.of("trend", file.toString(), "--json", "--threads", "1", "--replicates",
                    Integer.toString(rng.nextInt(0, 30))));
            if (rng.nextBoolean()) {
                args.add("--frontier");
            }
            if (rng.nextInt(3) == 0) {
                args.add("--skip-invalid");
            }
            codes[check(args, "trend")]++;
        }
        // The fuzzing must reach every outcome, or it is too blunt (or too gentle) to mean anything.
        assertTrue(codes[0] > 40 && codes[1] > 0 && codes[2] > 30,
                "exit codes 0/1/2: " + codes[0] + "/" + codes[1] + "/" + codes[2]);
        assertTrue(slowest < MAX_SECONDS, slowestCase + " took " + slowest + " s");
    }

    /** Random formulas over x with parameters a, b, c, fitted to random data: documented exceptions only. */
    @Test
    void randomFormulasWithRandomDataThroughTheFitter() {
        SplittableRandom rng = new SplittableRandom(77);
        int returned = 0;
        int refused = 0;
        int failed = 0;
        for (int i = 0; i < 1000; i++) {
            String formula = formula(rng, 3);
            if (!formula.contains("a") && !formula.contains("b") && !formula.contains("c")) {
                formula = "a*" + formula;
            }
            if (!formula.contains("x")) {
                formula = formula + " + 0*x";
            }
            int n = rng.nextInt(1, 25);
            double[] x = new double[n];
            double[] y = new double[n];
            double lo = rng.nextBoolean() ? rng.nextDouble(-5, 5) : Math.pow(10, rng.nextInt(-3, 20));
            for (int k = 0; k < n; k++) {
                x[k] = lo < 0 || lo < 5 && rng.nextBoolean() ? lo + rng.nextDouble(0, 10) : lo * Math.pow(10, rng.nextDouble(0, 4));
                y[k] = rng.nextInt(8) == 0 ? 0 : Math.exp(rng.nextGaussian() * 2) * (rng.nextInt(6) == 0 ? -1 : 1);
            }
            String what = "formula " + formula + " on " + n + " points";
            long start = System.nanoTime();
            try {
                ExpressionLaw law = new ExpressionLaw(formula, List.of("x"), Map.of());
                FitOptions options = rng.nextBoolean() ? FitOptions.defaults() : FitOptions.builder().maxIterations(200).build();
                Fit fit = Fitter.fit(law, Observations.of(x, y), options);
                for (Parameter p : fit.parameters()) {
                    assertTrue(Double.isFinite(p.value()), what + ": " + p);
                }
                assertTrue(fit.iterations() <= 3 * options.maxIterations(), what + ": " + fit.iterations() + " iterations");
                returned++;
            } catch (InvalidDataException e) {
                assertTrue(e.getMessage().indexOf('\n') < 0, e.getMessage());
                refused++;
            } catch (FitFailedException e) {
                assertTrue(e.getMessage().indexOf('\n') < 0, e.getMessage());
                failed++;
            } catch (RuntimeException | StackOverflowError e) {
                fail(what + " threw " + e, e);
            }
            timed(what, start);
        }
        assertTrue(returned > 250 && refused > 30 && failed > 8, returned + " fitted, " + refused + " refused, " + failed + " failed");
        assertTrue(slowest < MAX_SECONDS, slowestCase + " took " + slowest + " s");
    }

    private int check(List<String> args, String command) {
        long start = System.nanoTime();
        Cli.Result r = Cli.run(args.toArray(new String[0]));
        String what = String.join(" ", args) + "\nexit " + r.code() + "\nstderr: " + r.err();
        timed(what, start);
        assertTrue(!r.err().contains("internal error") && !r.err().contains("Exception") && !r.err().contains("\tat "), what);
        List<String> lines = r.err().lines().filter(l -> !l.contains(": note: ") && !l.contains(": skipped ")
                && !l.contains(" bootstrap replicates failed")).toList();
        switch (r.code()) {
            case 0 -> {
                JsonNode j = parse(r.out(), what);
                if (command.equals("fit")) {
                    j.get("parameters").fields().forEachRemaining(e -> assertTrue(e.getValue().get("value").isNumber(),
                            what + "\nparameter " + e.getKey() + " = " + e.getValue()));
                    assertTrue(j.get("rss").isNumber(), what);
                } else if (command.equals("compare")) {
                    for (JsonNode c : j.get("ranking")) {
                        c.get("values").fields().forEachRemaining(e -> assertTrue(e.getValue().isNumber(), what + "\n" + c));
                        assertTrue(c.get("aicc").isNumber() || c.get("aicc").isNull() && c.get("parameters").asInt() + 2
                                >= j.get("n").asInt(), what + "\n" + c);
                    }
                } else {
                    assertTrue(j.get("n_models").asInt() >= 2, what);
                }
            }
            case 1 -> {
                assertEquals(1, lines.size(), what);
                assertTrue(lines.get(0).startsWith("scalefit " + command + ": fit failed: ")
                        || lines.get(0).startsWith("scalefit " + command + ": the fit did not converge"), what);
            }
            case 2 -> {
                assertEquals(1, lines.size(), what);
                assertTrue(lines.get(0).startsWith("scalefit " + command + ": error: "), what);
                assertEquals("", r.out(), what);
            }
            default -> fail("exit code " + r.code() + ": " + what);
        }
        return r.code();
    }

    private void timed(String what, long start) {
        double s = (System.nanoTime() - start) / 1e9;
        if (s > slowest) {
            slowest = s;
            slowestCase = what;
        }
    }

    private static JsonNode parse(String text, String what) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + what + "\n" + text, e);
        }
    }

    /** Random fit options that a user might pass. */
    private static void options(SplittableRandom rng, List<String> args, boolean fit) {
        if (rng.nextInt(4) == 0) {
            args.add("--skip-invalid");
        }
        if (rng.nextInt(5) == 0) {
            args.addAll(List.of("--space", rng.nextBoolean() ? "linear" : "log"));
        }
        if (fit && rng.nextInt(5) == 0) {
            args.addAll(List.of("--loss", rng.nextBoolean() ? "huber:0.05" : "asymmetric:0.3"));
        }
        if (rng.nextInt(6) == 0) {
            args.addAll(List.of("--starts", "random:3", "--seed", Integer.toString(rng.nextInt(1000))));
        }
        if (fit && rng.nextInt(8) == 0) {
            args.addAll(List.of("--max-iterations", Integer.toString(rng.nextInt(1, 20))));
        }
    }

    /** A random table: its text and which columns the command reads. */
    record Table(String text, String x, String y) {
    }

    private static Table randomTable(SplittableRandom rng, boolean trend) {
        List<String> names = new ArrayList<>();
        if (trend) {
            names.addAll(List.of("model", "release_date", "p50_minutes"));
            if (rng.nextBoolean()) {
                names.addAll(List.of("p50_ci_low", "p50_ci_high"));
            }
        } else {
            int columns = rng.nextInt(2, 5);
            while (names.size() < columns) {
                String n = NAMES[rng.nextInt(NAMES.length)];
                if (!names.contains(n)) {
                    names.add(n);
                }
            }
        }
        String sep = new String[] {",", ";", "\t"}[rng.nextInt(3)];
        StringBuilder s = new StringBuilder();
        s.append(String.join(sep, names.stream().map(n -> n.contains(",") || n.contains(";") ? "\"" + n + "\"" : n).toList()))
                .append('\n');
        int rows = rng.nextInt(0, 30);
        double scale = Math.pow(10, rng.nextInt(-3, 25));
        double slope = rng.nextDouble(-1, 1);
        LocalDate day = LocalDate.of(2019, 1, 1);
        for (int r = 0; r < rows; r++) {
            List<String> cells = new ArrayList<>();
            double x = scale * Math.pow(10, rng.nextDouble(0, 5));
            for (int c = 0; c < names.size(); c++) {
                String name = names.get(c);
                String v;
                if (trend && name.equals("model")) {
                    v = "m" + rng.nextInt(rows + 2);
                } else if (trend && name.equals("release_date")) {
                    day = day.plusDays(rng.nextInt(0, 400));
                    v = day.toString();
                } else if (trend) {
                    v = number(rng, Math.pow(2, r * rng.nextDouble(0, 1)) * 0.05);
                } else if (c == 0) {
                    v = number(rng, x);
                } else {
                    v = number(rng, Math.exp(slope * Math.log(x) / 10) * 3 * Math.exp(0.05 * rng.nextGaussian()));
                }
                cells.add(corrupt(rng, v, sep));
            }
            s.append(String.join(sep, cells)).append('\n');
        }
        return new Table(s.toString(), trend ? "release_date" : names.get(0), trend ? "p50_minutes" : names.get(1));
    }

    private static String number(SplittableRandom rng, double v) {
        return switch (rng.nextInt(4)) {
            case 0 -> Double.toString(v);
            case 1 -> String.format(Locale.ROOT, "%.6e", v);
            case 2 -> String.format(Locale.ROOT, "%.4f", v);
            default -> String.format(Locale.ROOT, "%.3E", v);
        };
    }

    /** Mostly the value as it is; sometimes what real pipelines write instead. */
    private static String corrupt(SplittableRandom rng, String v, String sep) {
        if (rng.nextInt(30) != 0) {
            return rng.nextInt(10) == 0 ? "\"" + v + "\"" : v;
        }
        String[] junk = {"", "NA", "nan", "inf", "-inf", "null", "n/a", "-1", "0", "1e400", "abc", "\"1,000\"", "2024-02-30",
            "3,5", " 4 ", "#DIV/0!", "1e+25", "−2", "7B", "\"\""};
        String j = junk[rng.nextInt(junk.length)];
        return sep.equals(",") && j.equals("3,5") ? "\"3,5\"" : j;
    }

    private Path write(Table t, SplittableRandom rng, int i) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (rng.nextInt(8) == 0) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        String text = rng.nextInt(4) == 0 ? t.text().replace("\n", "\r\n") : t.text();
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        Path p = dir.resolve("fuzz" + i + ".csv");
        Files.write(p, out.toByteArray());
        return p;
    }

    private static String formula(SplittableRandom rng, int depth) {
        if (depth == 0 || rng.nextInt(3) == 0) {
            return switch (rng.nextInt(6)) {
                case 0, 1 -> "x";
                case 2 -> "a";
                case 3 -> "b";
                case 4 -> "c";
                default -> new String[] {"2", "0.5", "1e-3", "10", "pi", "1e6"}[rng.nextInt(6)];
            };
        }
        String l = formula(rng, depth - 1);
        String r = formula(rng, depth - 1);
        return switch (rng.nextInt(9)) {
            case 0 -> l + " + " + r;
            case 1 -> l + " - " + r;
            case 2 -> l + "*" + r;
            case 3 -> "(" + l + ")/(" + r + ")";
            case 4 -> "(" + l + ")^(" + r + ")";
            case 5 -> "exp(" + l + ")";
            case 6 -> "log(" + l + ")";
            case 7 -> "sqrt(" + l + ")";
            default -> new String[] {"sin", "atan", "abs", "log10"}[rng.nextInt(4)] + "(" + l + ")";
        };
    }
}
