package org.scalefit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.InvalidDataException;
import org.scalefit.ScalefitException;
import org.scalefit.compare.BreakOptions;
import org.scalefit.compare.BreakTest;
import org.scalefit.compare.ComparisonOptions;
import org.scalefit.compare.ModelComparison;
import org.scalefit.compare.SlopeComparison;
import org.scalefit.compare.SlopeOptions;
import org.scalefit.data.DataSpec;
import org.scalefit.data.LoadResult;
import org.scalefit.data.Observations;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.horizon.HorizonOptions;
import org.scalefit.horizon.HorizonTable;
import org.scalefit.horizon.Horizons;
import org.scalefit.horizon.Milestone;
import org.scalefit.horizon.Projection;
import org.scalefit.horizon.Resampling;
import org.scalefit.horizon.RunColumns;
import org.scalefit.horizon.RunReader;
import org.scalefit.horizon.TrendFit;
import org.scalefit.horizon.TrendOptions;
import org.scalefit.horizon.Trends;
import org.scalefit.horizon.Weighting;
import org.scalefit.model.ChinchillaLaw;
import org.scalefit.model.DoublingTrend;
import org.scalefit.model.Law;
import org.scalefit.model.Laws;
import org.scalefit.model.OffsetPowerLaw;
import org.scalefit.model.PowerLaw;
import org.scalefit.reproduce.Datasets;
import org.scalefit.reproduce.HexReproduction;

/**
 * The bad-input matrix (issue 8): every kind of input a logging pipeline writes, through every command
 * that reads data, on the command line and through the Java API. For each case and command the outcome
 * is exactly one of:
 * <ul>
 *   <li><b>ok</b> — exit 0 and a JSON result; the API returns (BOM, CRLF, separators, quotes, {@code 1e+25},
 *       duplicate x, unsorted rows, ISO date forms, …);</li>
 *   <li><b>error</b> — exit 2, nothing on stdout and exactly one line on stderr, {@code scalefit CMD: error: }
 *       followed by the API's {@link InvalidDataException} message, which names the file, row and column and
 *       says what to do;</li>
 *   <li><b>skipped</b> — with {@code --skip-invalid}: exit 0, one note naming the row and the reason, and
 *       the row listed in the JSON ({@code skipped_rows}; {@code skipped_runs} for run files).</li>
 * </ul>
 * Files are named {@code runs.csv} so that messages are the same for every command.
 */
class BadInputMatrixTest {
    @TempDir
    static Path shared;
    private static Path goodXy;
    private static Path fitJson;
    private static byte[] hexRuns;

    /** The data layout a command reads. */
    enum Shape {
        XY("compute", "loss"), RUNS("alias", "human_minutes"), TREND("release_date", "p50_minutes"), JOINT("N", "loss"),
        HEX("train_flops", "elo");

        final String x;
        final String y;

        Shape(String x, String y) {
            this.x = x;
            this.y = y;
        }
    }

    /** What a case must produce. */
    sealed interface Outcome {
    }

    record Ok() implements Outcome {
    }

    record Error(String message) implements Outcome {
    }

    record Skipped(int row) implements Outcome {
    }

    /** A clear failure of the fit (exit 1), not of the input: the message gives the reason and what to try. */
    record Failed(String message) implements Outcome {
    }

    /** A command under test: how to call it on the command line and through the API. */
    record Command(String name, Shape shape, Function<Path, String[]> cli, Consumer<Api> api) {
    }

    /** The API call of a command: the data file and whether invalid rows are skipped. */
    record Api(Path file, boolean skipInvalid) {
        LoadResult load(Shape shape) {
            return DataSpec.builder().predictor(shape.x).response(shape.y).skipInvalid(skipInvalid).build().load(file);
        }
    }

    /** The default laws but the broken power law, whose multi-start costs time and tests nothing about input. */
    private static final String MATRIX_LAWS = "power-law,offset-power-law,exponential,quadratic";
    private static final Command FIT = new Command("fit", Shape.XY,
            f -> args("fit", f, "--x", "compute", "--y", "loss", "--law", "power-law"),
            a -> Fitter.fit(new PowerLaw(), a.load(Shape.XY).observations()));
    private static final Command FIT3 = new Command("fit", Shape.XY,
            f -> args("fit", f, "--x", "compute", "--y", "loss", "--law", "offset-power-law"),
            a -> Fitter.fit(new OffsetPowerLaw(), a.load(Shape.XY).observations()));
    private static final Command COMPARE = new Command("compare", Shape.XY,
            f -> args("compare", f, "--x", "compute", "--y", "loss", "--no-loo", "--laws", MATRIX_LAWS),
            a -> ModelComparison.run(laws(a.load(Shape.XY).observations()), a.load(Shape.XY).observations(),
                    new ComparisonOptions(FitOptions.defaults(), ComparisonOptions.defaults().criterion(), 3, false, 2.0, 1)));
    private static final Command BREAKS = new Command("breaks", Shape.XY,
            f -> args("breaks", f, "--x", "compute", "--y", "loss", "--simulations", "99"),
            a -> BreakTest.run(a.load(Shape.XY).observations(), new BreakOptions("power-law", 0.05, 0, 99, 1, 1)));
    private static final Command SLOPES = new Command("slopes", Shape.XY,
            f -> args("slopes", f, goodXy, "--x", "compute", "--y", "loss", "--at", "1e21"),
            a -> SlopeComparison.run(a.load(Shape.XY).observations(), load(goodXy, Shape.XY),
                    SlopeOptions.powerLaw(List.of(1e21), List.of())));
    private static final Command HORIZON = new Command("horizon", Shape.RUNS,
            f -> args("horizon", f, "--bootstrap", "20"),
            a -> Horizons.fit(RunReader.read(a.file(), RunColumns.metr(), a.skipInvalid()), horizonOptions()));
    private static final Command TREND = new Command("trend", Shape.TREND,
            f -> args("trend", f, "--replicates", "20"),
            a -> trendFit(a));
    private static final Command PROJECT = new Command("project", Shape.TREND,
            f -> args("project", f, "--replicates", "20"),
            a -> Projection.of(trendFit(a), Milestone.parseList("1h,8h"), new double[] {LocalDate.of(2030, 1, 1).toEpochDay()}));
    private static final Command FIT_DOUBLING = new Command("fit", Shape.TREND,
            f -> args("fit", f, "--x", "release_date", "--y", "p50_minutes", "--law", "doubling"),
            a -> {
                Observations obs = DataSpec.builder().datePredictor("release_date").response("p50_minutes")
                        .skipInvalid(a.skipInvalid()).build().load(a.file()).observations();
                Fitter.fit(DoublingTrend.startingAtFirstDate(obs), obs);
            });
    private static final Command OPTIMAL = new Command("optimal", Shape.JOINT,
            f -> args("optimal", fitJson, "--compute", "1e21", "--bootstrap", "10", "--data", f),
            a -> Fitter.fit(new ChinchillaLaw(), DataSpec.builder().predictor("N=N").predictor("D=D").response("loss")
                    .build().load(a.file()).observations()));
    private static final Command REPRODUCE = new Command("reproduce", Shape.HEX,
            f -> args("reproduce", "--only", "jones", "--data", f.getParent(), "--out", f.getParent().resolve("out"), "-q"),
            a -> new HexReproduction().run(Datasets.directory(a.file().getParent())));

    private static Command fitFormula(String formula) {
        return new Command("fit", Shape.XY, f -> args("fit", f, "--x", "compute", "--y", "loss", "--law", formula),
                a -> {
                    Observations obs = a.load(Shape.XY).observations();
                    Fitter.fit(Laws.create(formula, new Laws.Context(obs.predictorNames(), obs,
                            java.util.OptionalDouble.empty())), obs);
                });
    }

    private static Command compareFormula(String formula) {
        return new Command("compare", Shape.XY, f -> args("compare", f, "--x", "compute", "--y", "loss", "--no-loo",
                "--laws", formula + ",exponential"),
                a -> {
                    Observations obs = a.load(Shape.XY).observations();
                    List<Law> laws = List.of(Laws.create(formula, new Laws.Context(obs.predictorNames(), obs,
                            java.util.OptionalDouble.empty())), new org.scalefit.model.Exponential());
                    ModelComparison.run(laws, obs, new ComparisonOptions(FitOptions.defaults(),
                            ComparisonOptions.defaults().criterion(), 3, false, 2.0, 1));
                });
    }

    private static final List<Command> TABLE_COMMANDS = List.of(FIT, COMPARE, BREAKS, SLOPES, HORIZON, TREND, PROJECT,
            FIT_DOUBLING, OPTIMAL);
    private static final List<Command> SKIPPING = List.of(FIT, COMPARE, BREAKS, SLOPES, HORIZON, TREND, PROJECT, FIT_DOUBLING);
    /** The commands that load through a data spec, whose bad-cell errors end with the remedy (issue 14). */
    private static final List<Command> SPEC_LOADED = List.of(FIT, COMPARE, BREAKS, SLOPES, FIT_DOUBLING, OPTIMAL);
    private static final String REMEDY = "; fix the cell, or leave out rows that cannot be used with --skip-invalid";

    @BeforeAll
    static void goodFiles() throws IOException {
        goodXy = shared.resolve("good-runs.csv");
        Files.write(goodXy, bytes(good(Shape.XY)));
        Path joint = shared.resolve("joint.csv");
        Files.write(joint, bytes(good(Shape.JOINT)));
        Cli.Result r = Cli.run("fit", joint.toString(), "--x", "N=N", "--x", "D=D", "--y", "loss", "--law", "chinchilla",
                "--json");
        assertEquals(0, r.code(), r.err());
        fitJson = shared.resolve("fit.json");
        Files.writeString(fitJson, r.out());
        hexRuns = Files.readAllBytes(Path.of("datasets/jones2021-hex-runs-digitized.csv"));
    }

    // ---------------------------------------------------------------- the good tables

    /** A table that works for its shape, as rows of cells, header first. */
    static List<List<String>> good(Shape shape) {
        List<List<String>> t = new ArrayList<>();
        switch (shape) {
            case XY -> {
                t.add(List.of("compute", "loss"));
                for (int i = 0; i < 12; i++) {
                    double c = Math.pow(10, 17 + 0.5 * i);
                    double loss = (1.8 + 1000 * Math.pow(c, -0.15)) * (1 + 0.01 * Math.sin(3 * i));
                    t.add(List.of(String.format(Locale.ROOT, "%.6e", c), String.format(Locale.ROOT, "%.6f", loss)));
                }
            }
            case RUNS -> {
                t.add(List.of("alias", "task_id", "task_family", "human_minutes", "score_binarized"));
                for (String model : List.of("a", "b")) {
                    int cut = model.equals("a") ? 8 : 11;
                    for (int k = 0; k < 20; k++) {
                        boolean success = (k < cut) ^ (k % 7 == 3);
                        t.add(List.of(model, "t" + k, "f" + (k % 5), String.format(Locale.ROOT, "%.3f", Math.pow(2, 0.6 * k)),
                                success ? "1" : "0"));
                    }
                }
            }
            case TREND -> {
                t.add(List.of("model", "release_date", "p50_minutes"));
                for (int i = 0; i < 8; i++) {
                    double minutes = 0.04 * Math.pow(2, 300.0 * i / 212) * (1 + 0.05 * Math.cos(i));
                    t.add(List.of("m" + i, LocalDate.of(2019, 2, 14).plusDays(300L * i).toString(),
                            String.format(Locale.ROOT, "%.5f", minutes)));
                }
            }
            case JOINT -> {
                t.add(List.of("N", "D", "loss"));
                double[] p = {1.69, 406.4, 410.7, 0.34, 0.28};
                for (int i = 0; i < 30; i++) {
                    double n = 7e7 * Math.pow(1.6e10 / 7e7, (i * 7 % 30) / 29.0);
                    double d = 5e9 * Math.pow(100, (i * 11 % 30) / 29.0);
                    double loss = new ChinchillaLaw().value(new double[] {n, d}, p) * (1 + 0.004 * Math.sin(5 * i));
                    t.add(List.of(String.format(Locale.ROOT, "%.6e", n), String.format(Locale.ROOT, "%.6e", d),
                            String.format(Locale.ROOT, "%.6f", loss)));
                }
            }
            case HEX -> {
                for (String line : new String(hexRuns, StandardCharsets.UTF_8).split("\n")) {
                    t.add(List.of(line.split(",", -1)));
                }
            }
            default -> throw new IllegalStateException();
        }
        return t;
    }

    static String csv(List<List<String>> table, String separator, String newline) {
        StringBuilder s = new StringBuilder();
        for (List<String> row : table) {
            s.append(String.join(separator, row)).append(newline);
        }
        return s.toString();
    }

    static byte[] bytes(List<List<String>> table) {
        return csv(table, ",", "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The table with data row 2 (file row 4) of a column replaced. */
    static List<List<String>> withCell(List<List<String>> table, String column, String value) {
        List<List<String>> t = copy(table);
        int c = t.get(0).indexOf(column);
        t.get(3).set(c, value);
        return t;
    }

    static List<List<String>> copy(List<List<String>> table) {
        List<List<String>> t = new ArrayList<>();
        table.forEach(r -> t.add(new ArrayList<>(r)));
        return t;
    }

    // ---------------------------------------------------------------- the cases

    /** One kind of input: how to make it from the good table, and what each command must do with it. */
    record Case(String name, Function<Shape, byte[]> input, Map<Command, Outcome> outcomes) {
    }

    static Map<Command, Outcome> all(List<Command> commands, Function<Command, Outcome> outcome) {
        Map<Command, Outcome> m = new LinkedHashMap<>();
        commands.forEach(c -> m.put(c, outcome.apply(c)));
        return m;
    }

    /** The message of a bad cell at file row 4, column {@code column}. */
    static String cell(Shape shape, String column, String what) {
        return "row 4 of " + fileName(shape) + ", column \"" + column + "\"" + what;
    }

    static String fileName(Shape shape) {
        return shape == Shape.HEX ? "jones2021-hex-runs-digitized.csv" : "runs.csv";
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        List<Command> every = new ArrayList<>(TABLE_COMMANDS);
        every.add(REPRODUCE);
        cases.add(new Case("empty file", s -> new byte[0], all(every, c -> new Error(fileName(c.shape()) + " is empty"))));
        cases.add(new Case("header only", s -> bytes(good(s).subList(0, 1)),
                all(every, c -> new Error(fileName(c.shape()) + " has a header but no data rows"))));
        cases.add(new Case("byte order mark", s -> withBom(csv(good(s), ",", "\n")), all(every, c -> new Ok())));
        cases.add(new Case("CRLF line ends", s -> csv(good(s), ",", "\r\n").getBytes(StandardCharsets.UTF_8),
                all(TABLE_COMMANDS, c -> new Ok())));
        cases.add(new Case("semicolon separators", s -> csv(good(s), ";", "\n").getBytes(StandardCharsets.UTF_8),
                all(TABLE_COMMANDS, c -> new Ok())));
        cases.add(new Case("tab separators", s -> csv(good(s), "\t", "\n").getBytes(StandardCharsets.UTF_8),
                all(TABLE_COMMANDS, c -> new Ok())));
        cases.add(new Case("quoted numbers", s -> bytes(quoted(good(s))), all(TABLE_COMMANDS, c -> new Ok())));
        cases.add(new Case("1e+25 notation", s -> bytes(scientific(good(s), s.y)), all(TABLE_COMMANDS, c -> new Ok())));
        for (String[] bad : new String[][] {
            {"thousands separators", "\"1,000\"", ": \"1,000\" looks like a number with thousands separators; remove them"},
            {"inf", "inf", ": \"inf\" is not a finite number"},
            {"nan", "nan", ": \"nan\" is not a finite number"},
            {"NA", "NA", ": \"NA\" marks a missing value, not a number"},
            {"blank cell", "", " is empty"}}) {
            Map<Command, Outcome> m = all(TABLE_COMMANDS, c -> new Error(cell(c.shape(), c.shape().y, bad[2])
                    + (SPEC_LOADED.contains(c) ? REMEDY : "")));
            m.put(REPRODUCE, new Error(cell(Shape.HEX, "elo", bad[2])));
            cases.add(new Case(bad[0], s -> bytes(withCell(good(s), s.y, bad[1])), m));
            cases.add(new Case(bad[0] + " with --skip-invalid", s -> bytes(withCell(good(s), s.y, bad[1])),
                    all(SKIPPING, c -> new Skipped(4))));
        }
        cases.add(new Case("duplicate column names", s -> {
            List<List<String>> t = copy(good(s));
            t.get(0).set(1, t.get(0).get(0));
            return bytes(t);
        }, all(every, c -> new Error("duplicate column name \"" + good(c.shape()).get(0).get(0) + "\" in "
                + fileName(c.shape()) + ": columns 1 and 2"))));
        cases.add(new Case("duplicate x values", s -> {
            List<List<String>> t = copy(good(s));
            int c = t.get(0).indexOf(s.x);
            t.get(3).set(c, t.get(2).get(c));
            return bytes(t);
        }, all(TABLE_COMMANDS, c -> new Ok())));
        cases.add(new Case("unsorted rows", s -> {
            List<List<String>> t = copy(good(s));
            List<List<String>> rows = new ArrayList<>(t.subList(1, t.size()));
            java.util.Collections.reverse(rows);
            java.util.Collections.swap(rows, 0, rows.size() / 2);
            rows.add(0, t.get(0));
            return bytes(rows);
        }, all(TABLE_COMMANDS, c -> new Ok())));
        Map<Command, Outcome> single = new LinkedHashMap<>();
        single.put(FIT, new Error("power-law has 2 free parameters but runs.csv has only 1 point: need at least 2"));
        single.put(COMPARE, new Error("--holdout-largest 3 leaves nothing to fit: runs.csv has 1 point"));
        single.put(BREAKS, new Error("breaks needs at least 8 points to compare a single trend with a broken one; runs.csv has 1"));
        single.put(SLOPES, new Error("power-law has 2 free parameters but runs.csv has only 1 point: need at least 2"));
        single.put(HORIZON, new Ok());
        single.put(TREND, new Error("a trend needs at least 2 models, found 1 (of 1 models)"));
        single.put(PROJECT, new Error("a trend needs at least 2 models, found 1 (of 1 models)"));
        single.put(FIT_DOUBLING, new Error("doubling has 2 free parameters but runs.csv has only 1 point: need at least 2"));
        single.put(OPTIMAL, new Error("chinchilla has 5 free parameters but runs.csv has only 1 point: need at least 6"));
        cases.add(new Case("a single point", s -> bytes(good(s).subList(0, 2)), single));
        Map<Command, Outcome> two = new LinkedHashMap<>();
        two.put(FIT3, new Error("offset-power-law has 3 free parameters but runs.csv has only 2 points: need at least 3"));
        two.put(TREND, new Ok());
        cases.add(new Case("two points for a three-parameter law", s -> bytes(good(s).subList(0, 3)), two));
        cases.add(new Case("all-equal y", s -> {
            List<List<String>> t = copy(good(s));
            int c = t.get(0).indexOf(s.y);
            for (int r = 1; r < t.size(); r++) {
                t.get(r).set(c, s == Shape.RUNS ? "1" : "3");
            }
            return bytes(t);
        }, allEqual()));
        cases.add(new Case("zero or negative values on a log axis", s -> bytes(withCell(good(s), s == Shape.XY ? s.x : s.y,
                s == Shape.XY ? "-1e20" : "0")), nonPositive()));
        cases.add(new Case("dates in several ISO forms", s -> bytes(isoForms(good(s))),
                all(List.of(TREND, PROJECT, FIT_DOUBLING), c -> new Ok())));
        cases.add(new Case("invalid date", s -> bytes(withCell(good(s), "release_date", "15/03/2022")),
                all(List.of(TREND, PROJECT, FIT_DOUBLING), c -> new Error(cell(Shape.TREND, "release_date",
                        ": \"15/03/2022\" is not an ISO date (use YYYY-MM-DD)")
                        + (SPEC_LOADED.contains(c) ? REMEDY : "")))));
        cases.add(new Case("impossible date", s -> bytes(withCell(good(s), "release_date", "2022-02-30")),
                all(List.of(TREND, PROJECT, FIT_DOUBLING), c -> new Error(cell(Shape.TREND, "release_date",
                        ": \"2022-02-30\" is not a valid date: February 2022 has 28 days")
                        + (SPEC_LOADED.contains(c) ? REMEDY : "")))));
        cases.add(new Case("invalid date with --skip-invalid", s -> bytes(withCell(good(s), "release_date", "2022-02-30")),
                all(List.of(TREND, PROJECT, FIT_DOUBLING), c -> new Skipped(4))));
        cases.add(new Case("non-UTF-8 bytes", BadInputMatrixTest::latin1, all(every, c -> new Error(fileName(c.shape())
                + " must be UTF-8 but is not: invalid byte 0xE9 on line 4 (byte offset " + latin1Offset(c.shape())
                + "); save it as UTF-8"))));
        cases.add(new Case("noiseless power law", s -> {
            List<List<String>> t = copy(good(s));
            for (int r = 1; r < t.size(); r++) {
                t.get(r).set(1, Double.toString(40 * Math.pow(Double.parseDouble(t.get(r).get(0)), -0.08)));
            }
            return bytes(t);
        }, Map.of(FIT, new Ok(), COMPARE, new Ok(), BREAKS, new Error("the 12 points of runs.csv lie exactly on one"
                + " power-law trend (residuals at rounding level): there is no scatter to test a break against"))));
        String unknown = "unknown function \"foo\" at position 3 in formula \"a*foo(compute)+b\"; known functions: exp, log, ln,"
                + " log10, sqrt, sin, cos, tan, atan, arctan, abs";
        cases.add(new Case("formula with an unknown function", s -> bytes(good(s)), Map.of(
                fitFormula("a*foo(compute)+b"), new Error(unknown), compareFormula("a*foo(compute)+b"), new Error(unknown))));
        String divide = "a/compute + b cannot be evaluated at row 4 of runs.csv (compute = 0) from any of the 17 starts: it"
                + " is not finite there (a division by zero, an overflow, or the logarithm or root of a negative number);"
                + " leave the row out with --where, or rewrite the formula so that it is finite there";
        cases.add(new Case("division by zero in a formula", s -> bytes(withCell(good(s), "compute", "0")), Map.of(
                fitFormula("a/compute + b"), new Error(divide), compareFormula("a/compute + b"), new Ok())));
        // exp overflows at the formula's all-ones start; the default multi-start's scan reaches the optimum
        // (SciPy's least_squares from 180 starts: a = 3.27731, b = -1.78765e-23, RSS 4.94656).
        cases.add(new Case("overflow in exp", s -> bytes(good(s)), Map.of(fitFormula("a*exp(b*compute)"), new Ok())));
        return cases;
    }

    static Map<Command, Outcome> allEqual() {
        Map<Command, Outcome> m = new LinkedHashMap<>();
        String equal = "all 12 values of \"loss\" in runs.csv are equal (3.0): there is no trend to fit";
        m.put(FIT, new Error(equal));
        m.put(COMPARE, new Error("none of the 4 laws could be fitted to runs.csv (12 points); the first reason: " + equal));
        m.put(BREAKS, new Error(equal));
        m.put(SLOPES, new Error(equal));
        m.put(HORIZON, new Ok());
        m.put(TREND, new Error("all 8 models have the same horizon (3 minutes): there is no trend to fit"));
        m.put(PROJECT, new Error("all 8 models have the same horizon (3 minutes): there is no trend to fit"));
        m.put(FIT_DOUBLING, new Error("all 8 values of \"p50_minutes\" in runs.csv are equal (3.0): there is no trend to fit"));
        m.put(OPTIMAL, new Error("all 30 values of \"loss\" in runs.csv are equal (3.0): there is no trend to fit"));
        return m;
    }

    static Map<Command, Outcome> nonPositive() {
        Map<Command, Outcome> m = new LinkedHashMap<>();
        String negative = "power-law fit needs x > 0: row 4 of runs.csv, column \"compute\" is -1.0E20";
        m.put(FIT, new Error(negative));
        m.put(COMPARE, new Ok());
        m.put(BREAKS, new Error("a power-law trend needs x > 0: row 4 of runs.csv, column \"compute\" is -1.0E20"));
        m.put(SLOPES, new Error(negative));
        m.put(HORIZON, new Error(cell(Shape.RUNS, "human_minutes", " is \"0\": task lengths must be > 0 minutes")));
        m.put(TREND, new Ok());
        m.put(FIT_DOUBLING, new Error("fitting in log space needs p50_minutes > 0: row 4 of runs.csv, column \"p50_minutes\""
                + " is 0.0 (use --space linear to fit in linear space)"));
        m.put(OPTIMAL, new Error("fitting in log space needs loss > 0: row 4 of runs.csv, column \"loss\" is 0.0"
                + " (use --space linear to fit in linear space)"));
        return m;
    }

    static byte[] withBom(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Every value of a column written as 1.234560e+00, 4.000000e-02, … */
    static List<List<String>> scientific(List<List<String>> table, String column) {
        List<List<String>> t = copy(table);
        int c = t.get(0).indexOf(column);
        for (int r = 1; r < t.size(); r++) {
            t.get(r).set(c, String.format(Locale.ROOT, "%.6e", Double.parseDouble(t.get(r).get(c))));
        }
        return t;
    }

    static List<List<String>> quoted(List<List<String>> table) {
        List<List<String>> t = new ArrayList<>();
        for (List<String> row : table) {
            t.add(row.stream().map(c -> "\"" + c + "\"").toList());
        }
        return t;
    }

    static List<List<String>> isoForms(List<List<String>> table) {
        List<List<String>> t = copy(table);
        String[] forms = {"%sT10:00:00Z", "%s 12:30", "%sT00:00:00+02:00", "%sT23:59:59.250"};
        for (int r = 1; r < t.size(); r++) {
            String d = t.get(r).get(1);
            t.get(r).set(1, r == 2 ? d.substring(0, 7) : r % 5 == 0 ? d : String.format(forms[r % forms.length], d));
        }
        return t;
    }

    /** The table with an 'é' written in ISO-8859-1 (the byte 0xE9) into a text cell of file line 4. */
    static byte[] latin1(Shape shape) {
        String text = csv(good(shape), ",", "\n");
        int at = latin1Offset(shape);
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(b, b.length + 1);
        System.arraycopy(b, at, out, at + 1, b.length - at);
        out[at] = (byte) 0xE9;
        return out;
    }

    static int latin1Offset(Shape shape) {
        String text = csv(good(shape), ",", "\n");
        int line4 = 0;
        for (int k = 0; k < 3; k++) {
            line4 = text.indexOf('\n', line4) + 1;
        }
        return line4 + 1;
    }

    // ---------------------------------------------------------------- running the matrix

    @TestFactory
    Stream<DynamicTest> everyCaseThroughTheCommandLineAndTheApi() {
        List<DynamicTest> tests = new ArrayList<>();
        int k = 0;
        for (Case c : cases()) {
            for (Map.Entry<Command, Outcome> e : c.outcomes().entrySet()) {
                Command command = e.getKey();
                Outcome expected = e.getValue();
                String name = c.name() + " / " + command.name() + (command == FIT_DOUBLING ? " (doubling)" : "")
                        + (command == FIT3 ? " (offset-power-law)" : "") + " → " + describe(expected);
                int index = k++;
                tests.add(DynamicTest.dynamicTest(name, () -> run(c, command, expected, index)));
            }
        }
        return tests.stream();
    }

    private static String describe(Outcome o) {
        if (o instanceof Error) {
            return "exit 2";
        }
        if (o instanceof Failed) {
            return "exit 1";
        }
        return o instanceof Skipped s ? "row " + s.row() + " skipped" : "ok";
    }

    private static void run(Case c, Command command, Outcome expected, int index) throws IOException {
        Path dir = Files.createDirectories(shared.resolve("case" + index));
        Path file = dir.resolve(command.shape() == Shape.HEX ? "jones2021-hex-runs-digitized.csv" : "runs.csv");
        Files.write(file, c.input().apply(command.shape()));
        boolean skip = expected instanceof Skipped;
        String[] args = command.cli().apply(file);
        if (skip) {
            args = Arrays.copyOf(args, args.length + 1);
            args[args.length - 1] = "--skip-invalid";
        }
        if (command != REPRODUCE) {
            args = Arrays.copyOf(args, args.length + 1);
            args[args.length - 1] = "--json";
        }
        Cli.Result r = Cli.run(args);
        String where = c.name() + " through " + String.join(" ", args) + "\nexit " + r.code() + ", stderr: " + r.err();
        Api api = new Api(file, skip);
        if (expected instanceof Ok) {
                assertEquals(0, r.code(), where);
                if (command != REPRODUCE) {
                    assertTrue(Json.mapper().readTree(r.out()).isObject(), where);
                }
                try {
                    command.api().accept(api);
                } catch (ScalefitException e) {
                    fail("API: " + where + "\n" + e.getMessage(), e);
                }
        } else if (expected instanceof Error err) {
                String line = command == REPRODUCE ? "scalefit reproduce: 1 figure failed: jones2021-hex: " + err.message()
                        : "scalefit " + command.name() + ": error: " + err.message();
                assertEquals(line, r.err().strip(), where);
                assertEquals(2, r.code(), where);
                if (command != REPRODUCE) {
                    assertEquals("", r.out(), where);
                }
                assertFalse(r.err().contains("Exception"), where);
                InvalidDataException e = assertThrows(InvalidDataException.class, () -> command.api().accept(api), "API: " + where);
                assertEquals(err.message(), org.scalefit.TestFlags.message(e), "API: " + where);
        } else if (expected instanceof Failed failed) {
            assertEquals("scalefit " + command.name() + ": fit failed: " + failed.message(), r.err().strip(), where);
            assertEquals(1, r.code(), where);
            org.scalefit.FitFailedException e = assertThrows(org.scalefit.FitFailedException.class,
                    () -> command.api().accept(api), "API: " + where);
            assertEquals(failed.message(), org.scalefit.TestFlags.message(e), "API: " + where);
        } else if (expected instanceof Skipped s) {
                assertEquals(0, r.code(), where);
                JsonNode j = Json.mapper().readTree(r.out());
                JsonNode rows = command == HORIZON ? j.get("skipped_runs") : j.get("skipped_rows");
                assertTrue(rows != null && rows.size() == 1, where + "\n" + r.out());
                assertEquals(s.row(), rows.get(0).get(command == HORIZON ? "line" : "row").asInt(), where);
                String reason = rows.get(0).get("reason").asText();
                assertTrue(reason.startsWith("row 4 of runs.csv, column \""), reason);
                String note = command == HORIZON ? "scalefit horizon: skipped 1 invalid run, first: " + reason
                        : command == TREND || command == PROJECT ? "scalefit " + command.name() + ": note: skipped 1 invalid row: "
                        + reason : command == SLOPES ? "scalefit slopes: runs.csv: skipped 1 invalid row: " + reason
                        : "scalefit " + command.name() + ": skipped 1 invalid row: " + reason;
                assertTrue(r.err().lines().anyMatch(note::equals), where + "\nexpected the note: " + note);
                command.api().accept(api);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static String[] args(Object... parts) {
        return Arrays.stream(parts).map(Object::toString).toArray(String[]::new);
    }

    private static Observations load(Path file, Shape shape) {
        return DataSpec.builder().predictor(shape.x).response(shape.y).build().load(file).observations();
    }

    private static List<Law> laws(Observations obs) {
        List<Law> laws = new ArrayList<>();
        for (String name : MATRIX_LAWS.split(",")) {
            laws.add(Laws.create(name, new Laws.Context(obs.predictorNames(), obs, java.util.OptionalDouble.empty())));
        }
        return laws;
    }

    private static HorizonOptions horizonOptions() {
        return new HorizonOptions(Weighting.parse("invsqrt"), 0.1, 20, Resampling.parse("ftr"), 1, 1, 0.95);
    }

    private static TrendFit trendFit(Api a) {
        HorizonTable t = HorizonTable.read(a.file(), HorizonTable.Columns.defaults(), List.of(), a.skipInvalid());
        return Trends.fit(t.points(), TrendOptions.defaults().withReplicates(20));
    }

}
