package org.scalefit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every program in {@code examples/} exactly as the README says, {@code java -cp
 * target/scalefit.jar examples/NAME.java}, against the jar just built, each in a directory of its
 * own that holds the bundled {@code datasets/}; then checks the numbers each prints against the
 * published or generating values, and that its chart was written and decodes as an image.
 */
class ExamplesIT {
    private static final List<String> NAMES = List.of("FitPowerLaw", "CompareAndExtrapolate", "ProjectHorizon",
            "ComputeOptimal", "CustomLawPlot");
    private static final Map<String, Launch.Result> RESULTS = new ConcurrentHashMap<>();
    private static final Map<String, Path> DIRS = new ConcurrentHashMap<>();

    @TempDir
    static Path work;

    /** All five start at once: they are independent JVMs and the suite waits for the slowest only. */
    @BeforeAll
    static void runAll() throws Exception {
        Path root = Launch.root();
        Path jar = Launch.jar();
        List<Thread> threads = NAMES.stream().map(name -> new Thread(() -> {
            try {
                Path dir = Files.createDirectories(work.resolve(name));
                Launch.copyDatasets(dir);
                DIRS.put(name, dir);
                RESULTS.put(name, Launch.run(dir, 300, List.of(Launch.java(), "-cp", jar.toString(),
                        root.resolve("examples/" + name + ".java").toString())));
            } catch (Exception e) {
                RESULTS.put(name, new Launch.Result(-1, e.toString()));
            }
        })).collect(Collectors.toList());
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
    }

    @Test
    void everyExampleIsTestedAndNoneIsForgotten() throws Exception {
        try (Stream<Path> files = Files.list(Launch.root().resolve("examples"))) {
            List<String> present = files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".java"))
                    .map(f -> f.substring(0, f.length() - 5)).sorted().collect(Collectors.toList());
            assertEquals(NAMES.stream().sorted().collect(Collectors.toList()), present);
        }
    }

    @Test
    void fitPowerLawRecoversKaplansExponent() throws Exception {
        String out = ok("FitPowerLaw");
        double alpha = number(out, "alpha\\s+(\\S+)");
        assertEquals(0.076, alpha, 0.002, "Kaplan et al. (2020): alphaN = 0.076");
        assertTrue(out.contains("loss = 11.397·params^(-0.075573)"), out);
        assertTrue(out.contains("decades above the data"), out);
        chart("FitPowerLaw", "fit-power-law.png", 1280, 880);
    }

    @Test
    void compareAndExtrapolateCannotTellAndGivesABand() throws Exception {
        String out = ok("CompareAndExtrapolate");
        assertTrue(out.contains("verdict: cannot tell"), out);
        assertTrue(out.contains("loss = 1.8466 + 1278.5·compute^(-0.15668)"), out);
        Matcher m = Pattern.compile("loss at 1e25 FLOP: (\\S+); curve in \\[(\\S+), (\\S+)\\], a new run in \\[(\\S+), (\\S+)\\]")
                .matcher(out);
        assertTrue(m.find(), out);
        double value = Double.parseDouble(m.group(1));
        double cl = Double.parseDouble(m.group(2));
        double ch = Double.parseDouble(m.group(3));
        double pl = Double.parseDouble(m.group(4));
        double ph = Double.parseDouble(m.group(5));
        assertTrue(pl < cl && cl < value && value < ch && ch < ph, "prediction band must contain the curve band: " + out);
        chart("CompareAndExtrapolate", "compare-and-extrapolate.png", 1280, 880);
    }

    @Test
    void projectHorizonGivesMetrsDoublingTimeAndMilestones() throws Exception {
        String out = ok("ProjectHorizon");
        double days = number(out, "doubling time (\\S+) days");
        assertEquals(196, days, 5, "TH1.0 frontier through November 2025 (README: 195.8 days)");
        assertTrue(out.contains("1 work day   (   8 h) reached 2026-"), out);
        assertEquals(4, Pattern.compile("reached \\d{4}-\\d{2}-\\d{2}").matcher(out).results().count(), out);
        chart("ProjectHorizon", "project-horizon.png", 1520, 940);
    }

    @Test
    void computeOptimalRecoversTheGeneratingAllocation() throws Exception {
        String out = ok("ComputeOptimal");
        double a = number(out, "N_opt ∝ C\\^(\\S+),");
        double b = number(out, "D_opt ∝ C\\^(\\S+) ");
        assertEquals(0.452, a, 0.015, "the synthetic data follow Hoffmann's Approach 3 law, a = 0.4516");
        assertEquals(1.0, a + b, 1e-9);
        assertTrue(out.contains("compute to reach loss 2.0: "), out);
        chart("ComputeOptimal", "compute-optimal.png", 1280, 880);
    }

    @Test
    void customLawAgreesWithTheFormulaAndWithKaplan() throws Exception {
        String out = ok("CustomLawPlot");
        Matcher m = Pattern.compile("alphaD\\s+(\\S+)\\s+(\\S+)\\s+0\\.095").matcher(out);
        assertTrue(m.find(), out);
        double byClass = Double.parseDouble(m.group(1));
        double byFormula = Double.parseDouble(m.group(2));
        assertEquals(byClass, byFormula, 1e-5, "the Java law and the typed formula are the same law");
        assertEquals(0.095, byClass, 0.002);
        double dc = number(out, "Dc \\(tokens\\)\\s+(\\S+)");
        assertEquals(5.4e13, dc, 0.3e13);
        chart("CustomLawPlot", "custom-law-plot.png", 1280, 880);
    }

    private static String ok(String name) {
        Launch.Result r = RESULTS.get(name);
        assertNotNull(r, name + " did not run");
        assertEquals(0, r.exit(), name + " failed:\n" + r.output());
        assertTrue(r.output().contains("wrote "), r.output());
        return r.output();
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no match for " + regex + " in\n" + text);
        return Double.parseDouble(m.group(1));
    }

    /** The chart exists where the program said, decodes as PNG, and has the size of its figure at 144 dpi. */
    private static void chart(String name, String file, int width, int height) throws Exception {
        assertTrue(RESULTS.get(name).output().contains("wrote " + file), RESULTS.get(name).output());
        Path png = DIRS.get(name).resolve(file);
        assertTrue(Files.size(png) > 20_000, png + " is suspiciously small");
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, png + " does not decode");
        assertEquals(width, image.getWidth(), file);
        assertEquals(height, image.getHeight(), file);
        Map<Integer, Integer> colours = new TreeMap<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.merge(image.getRGB(x, y), 1, Integer::sum);
            }
        }
        assertTrue(colours.size() > 20, file + " looks blank: " + colours.size() + " colours");
    }
}
