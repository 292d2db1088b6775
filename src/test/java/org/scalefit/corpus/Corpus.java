package org.scalefit.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.scalefit.SharedData;
import org.scalefit.cli.Main;
import org.scalefit.data.DataSpec;
import org.scalefit.data.Observations;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Loss;
import org.scalefit.model.Law;
import org.scalefit.model.Laws;
import org.scalefit.model.Space;

/**
 * The real-data corpus of issue 14 ({@code src/test/resources/corpus/manifest.json}): published data sets
 * and peer test examples, each with the optimum an independent peer computed (SciPy from many starts,
 * cross-checked by R; see {@code bench/peers/corpus/}). This class reads a case, fits it with scalefit
 * exactly as a new user would — no start values, default options — through the library and through the
 * command line in-process, and classifies what scalefit did against the peer's answer.
 */
final class Corpus {
    static final Path DIR = Path.of("src/test/resources/corpus");
    static final Path MANIFEST = DIR.resolve("manifest.json");

    private Corpus() {
    }

    /** What a fit did, judged against the peer. */
    enum Verdict {
        /** converged at the peer's optimum (parameters, RSS and standard errors within the case's tolerances) */
        AGREES,
        /** refused with an exception or reported non-convergence (exit 1): loud, never a wrong answer */
        FAILS_LOUDLY,
        /** reported as converged (exit 0) but worse than the peer's optimum, worse than a constant, or elsewhere */
        SILENTLY_WRONG
    }

    /**
     * The judged result of one fit.
     *
     * @param verdict  the classification
     * @param detail   why, in one line (the RSS ratio, the first mismatch, or the failure message)
     * @param rssRatio scalefit's RSS (objective for robust losses) over the peer's; NaN when there is none
     * @param failure  the failure text (exception message, or non-convergence reason and warnings); empty otherwise
     */
    record Outcome(Verdict verdict, String detail, double rssRatio, String failure) {
    }

    /** @return every case of the manifest, in order */
    static List<JsonNode> cases() {
        try {
            JsonNode root = new ObjectMapper().readTree(MANIFEST.toFile());
            List<JsonNode> out = new ArrayList<>();
            root.get("cases").forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the JSON file at {@code path}, read as a tree (the sweeps' cases and peer answers) */
    static JsonNode json(Path path) {
        try {
            return new ObjectMapper().readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the data file of a case: shipped ones under the corpus folder, the others relative to the repository */
    static Path file(JsonNode c) {
        String f = c.get("file").asText();
        return c.path("shipped").asBoolean(true) ? DIR.resolve(f) : Path.of(f);
    }

    /** @return true when the case's data can be read here (a case on {@code ../shared} may be absent) */
    static boolean available(JsonNode c) {
        return Files.isRegularFile(file(c));
    }

    /**
     * Skips a case whose data file (on {@code ../shared}) is absent, or fails it under {@code CI=true}: the
     * {@link SharedData} gate, for a case's file.
     */
    static void requireData(JsonNode c) {
        if (!available(c)) {
            String f = c.get("file").asText();
            String shared = SharedData.ROOT + "/";
            SharedData.require(f.startsWith(shared) ? f.substring(shared.length()) : f);
        }
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    /** Loads a case's observations through the public data API, as {@code scalefit fit} does. */
    static Observations observations(JsonNode c) {
        boolean dates = Laws.takesDates(c.get("law").asText());
        DataSpec.Builder b = DataSpec.builder();
        for (String x : strings(c.get("x"))) {
            if (dates) {
                b.datePredictor(x);
            } else if (x.contains("/(")) {
                b.derived(x);
            } else {
                b.predictor(x);
            }
        }
        b.response(c.get("y").asText());
        if (c.hasNonNull("sigma")) {
            b.sigma(c.get("sigma").asText());
        }
        strings(c.get("where")).forEach(b::where);
        return b.build().load(file(c)).observations();
    }

    static Law law(JsonNode c, Observations data) {
        return Laws.create(c.get("law").asText(), new Laws.Context(data.predictorNames(), data, OptionalDouble.empty()));
    }

    /** The options a user gets by naming only the space and loss the case states: no start values. */
    static FitOptions options(JsonNode c) {
        return FitOptions.builder().space(Space.parse(c.get("space").asText())).loss(Loss.parse(c.get("loss").asText()))
                .build();
    }

    /** The scalefit result reduced to what the verdict needs, from either path. */
    record Result(boolean converged, double rss, double objective, double r2, Map<String, Double> values,
                  Map<String, Double> stderrs, List<String> warnings, String reason) {
        static Result of(Fit fit) {
            Map<String, Double> v = new LinkedHashMap<>();
            Map<String, Double> s = new LinkedHashMap<>();
            fit.parameters().forEach(p -> {
                v.put(p.name(), p.value());
                s.put(p.name(), p.stderr());
            });
            return new Result(fit.converged(), fit.rss(), fit.objective(), fit.r2(), v, s, fit.warnings(),
                    fit.convergenceReason());
        }

        static Result of(JsonNode json) {
            Map<String, Double> v = new LinkedHashMap<>();
            Map<String, Double> s = new LinkedHashMap<>();
            json.get("parameters").fields().forEachRemaining(e -> {
                v.put(e.getKey(), e.getValue().get("value").asDouble());
                s.put(e.getKey(), e.getValue().path("stderr").asDouble(Double.NaN));
            });
            return new Result(json.get("converged").asBoolean(), json.get("rss").asDouble(), json.get("objective").asDouble(),
                    json.get("r2").asDouble(), v, s, strings(json.get("warnings")), json.get("convergence_reason").asText());
        }
    }

    /** What the command line printed and returned. */
    record CliRun(int exit, String out, String err) {
    }

    static CliRun cli(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(args.toArray(String[]::new), o, e);
        }
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The command line a user types for a fit case: no start values, --json for reading the answer back. */
    static List<String> fitCommand(JsonNode c) {
        List<String> a = new ArrayList<>(List.of("fit", file(c).toString()));
        strings(c.get("x")).forEach(x -> a.addAll(List.of("--x", x)));
        a.addAll(List.of("--y", c.get("y").asText(), "--law", c.get("law").asText(), "--space", c.get("space").asText(),
                "--loss", c.get("loss").asText()));
        if (c.hasNonNull("sigma")) {
            a.addAll(List.of("--sigma", c.get("sigma").asText()));
        }
        strings(c.get("where")).forEach(w -> a.addAll(List.of("--where", w)));
        a.addAll(List.of("--json", "--quiet"));
        return a;
    }

    /** Fits through {@code scalefit fit ... --json} in-process; exit 1 or 2 comes back as text. */
    static Object fitCli(JsonNode c) {
        CliRun r = cli(fitCommand(c));
        if (r.out().isBlank()) {
            return "exit " + r.exit() + ": " + r.err().strip();
        }
        try {
            Result res = Result.of(new ObjectMapper().readTree(r.out()));
            if (r.exit() != 0 && res.converged()) {
                throw new AssertionError(c.get("id").asText() + ": exit " + r.exit() + " with a converged fit: " + r.err());
            }
            if (r.exit() == 0 && !res.converged()) {
                throw new AssertionError(c.get("id").asText() + ": exit 0 with converged = false");
            }
            return res;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Judges a fit against the case's peer. A non-converged fit is loud (the command exits 1); a converged
     * one must sit at the peer's optimum: RSS (the objective for robust losses) within the case's relative
     * tolerance, every parameter within tolerance × max(|value|, its standard error) (so that a parameter
     * near zero is compared on the scale of its uncertainty), and, where the case compares them, standard
     * errors within their relative tolerance. A case whose peer finds no finite optimum must fail loudly.
     *
     * @throws AssertionError if scalefit's converged answer is lower than the peer's: the peer would then not
     *                        be the global optimum, and the corpus is wrong
     */
    static Outcome judge(JsonNode c, Object fitted) {
        if (fitted instanceof String failure) {
            return new Outcome(Verdict.FAILS_LOUDLY, failure, Double.NaN, failure);
        }
        Result r = (Result) fitted;
        if (!r.converged()) {
            String text = r.reason() + "; " + String.join("; ", r.warnings());
            return new Outcome(Verdict.FAILS_LOUDLY, "not converged: " + r.reason(), Double.NaN, text);
        }
        JsonNode peer = c.get("peer");
        if ("no-finite-optimum".equals(c.get("expect").asText())) {
            return new Outcome(Verdict.SILENTLY_WRONG, String.format(
                    "converged at a finite point although the least-squares infimum (RSS %.6g) is only approached as "
                            + "parameters run off; RSS %.6g", peer.get("infimum_rss").asDouble(), r.rss()),
                    r.rss() / peer.get("infimum_rss").asDouble(), "");
        }
        Tolerance tol = Tolerance.of(c);
        boolean robust = !"squares".equals(c.get("loss").asText());
        double mine = robust ? r.objective() : r.rss();
        double theirs = robust ? peer.get("objective").asDouble() : peer.get("rss").asDouble();
        double ratio = mine / theirs;
        if (r.r2() < 0) {
            return new Outcome(Verdict.SILENTLY_WRONG, String.format("converged with R² %.4g < 0 (worse than a constant), "
                    + "%s %.6g = %.4g × the peer's", r.r2(), robust ? "objective" : "RSS", mine, ratio), ratio, "");
        }
        if (mine > theirs * (1 + tol.rss()) + tol.rssAbsolute()) {
            return new Outcome(Verdict.SILENTLY_WRONG, String.format("converged at %s %.6g = %.4g × the peer's optimum %.6g",
                    robust ? "objective" : "RSS", mine, ratio, theirs), ratio, "");
        }
        if (mine < theirs * (1 - tol.rss()) - tol.rssAbsolute()) {
            throw new AssertionError(c.get("id").asText() + ": scalefit's " + mine + " is below the peer's " + theirs
                    + ": the peer's answer is not the global optimum; recompute it (bench/peers/corpus)");
        }
        String mismatch = parameterMismatch(c, r, tol);
        if (mismatch != null) {
            return new Outcome(Verdict.SILENTLY_WRONG, "RSS at the optimum but " + mismatch, ratio, "");
        }
        return new Outcome(Verdict.AGREES, String.format("%s ratio 1 %+.1e", robust ? "objective" : "RSS", ratio - 1),
                ratio, "");
    }

    private static String parameterMismatch(JsonNode c, Result r, Tolerance tol) {
        JsonNode peer = c.get("peer");
        List<String> names = strings(c.get("parameters"));
        names.removeAll(strings(c.get("unidentified")));
        Map<String, Double> theirs = new LinkedHashMap<>();
        names.forEach(n -> theirs.put(n, peer.get("parameters").get(n).asDouble()));
        String plain = compare(names, theirs, names, r, peer, tol);
        JsonNode eq = c.get("equivalent");
        if (plain == null || eq == null) {
            return plain;
        }
        // The same curve under other labels (a four-parameter logistic with its asymptotes swapped and its
        // scale negated, a biexponential with its terms swapped): compare with the peer in that form.
        Map<String, Double> other = new LinkedHashMap<>(theirs);
        List<String> seNames = new ArrayList<>(names);
        for (JsonNode pair : eq.get("swap")) {
            String a = pair.get(0).asText();
            String b = pair.get(1).asText();
            other.put(a, theirs.get(b));
            other.put(b, theirs.get(a));
            seNames.set(names.indexOf(a), b);
            seNames.set(names.indexOf(b), a);
        }
        strings(eq.get("negate")).forEach(n -> other.put(n, -other.get(n)));
        return compare(names, other, seNames, r, peer, tol) == null ? null : plain;
    }

    private static String compare(List<String> names, Map<String, Double> theirs, List<String> seNames, Result r,
                                  JsonNode peer, Tolerance tol) {
        for (int k = 0; k < names.size(); k++) {
            String name = names.get(k);
            double mine = r.values().get(name);
            double want = theirs.get(name);
            JsonNode seNode = peer.path("stderr").path(seNames.get(k));
            double se = seNode.isNumber() ? seNode.asDouble() : 0;
            double scale = Math.max(Math.abs(want), se);
            if (!(Math.abs(mine - want) <= tol.parameters() * scale)) {
                return String.format("%s = %.10g where the peer has %.10g (relative %.1e, tolerance %.0e)", name, mine, want,
                        Math.abs(mine - want) / scale, tol.parameters());
            }
            if (tol.stderr() > 0 && seNode.isNumber()) {
                double s = r.stderrs().get(name);
                if (!(Math.abs(s - se) <= tol.stderr() * se)) {
                    return String.format("std. error of %s = %.8g where the peer has %.8g (relative %.1e, tolerance %.0e)",
                            name, s, se, Math.abs(s - se) / se, tol.stderr());
                }
            }
        }
        return null;
    }

    /**
     * A case's tolerances: the manifest's {@code tolerance} object where the case needs its own (each with a
     * note saying why), else 1e-6 for parameters, 1e-7 for the RSS and 1e-4 for standard errors. The
     * defaults: at an optimum the RSS is flat, RSS(p) − RSS* = (p − p*)ᵀJᵀJ(p − p*), so an RSS within 1e-7 would
     * allow parameters off by 3e-4 standard errors; asking 1e-6 of the parameters checks that scalefit stops
     * at the stationary point, not merely near it. Standard errors come from JᵀJ at the optimum and inherit
     * the parameters' error; 1e-4 is well above the peers' numerical differences (SymPy-exact Jacobian vs
     * R's finite differences differ by about 1e-7).
     */
    record Tolerance(double parameters, double rss, double rssAbsolute, double stderr) {
        static Tolerance of(JsonNode c) {
            JsonNode t = c.path("tolerance");
            return new Tolerance(t.path("parameters").asDouble(1e-6), t.path("rss").asDouble(1e-7),
                    t.path("rss_absolute").asDouble(0), t.path("stderr").asDouble(1e-4));
        }
    }
}
