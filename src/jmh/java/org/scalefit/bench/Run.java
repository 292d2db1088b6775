package org.scalefit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark jar's entry point: runs JMH on the benchmarks whose data are present and skips the others
 * with a note (the data live outside the project, in {@code ../shared}); any JMH arguments pass through.
 *
 * <pre>{@code
 * java -jar target/bench/benchmarks.jar                 # T1–T4, whatever data are present
 * java -jar target/bench/benchmarks.jar T2Bootstrap -f 1 -wi 2 -i 3
 * }</pre>
 */
public final class Run {
    private Run() {
    }

    /**
     * @param args JMH's command line
     * @throws Exception when JMH fails
     */
    public static void main(String[] args) throws Exception {
        Path data = BenchData.dir();
        List<String> missing = new ArrayList<>();
        check(missing, data.resolve("t1_powerlaw_points.csv"), "T1ManyFits");
        check(missing, data.resolve("t2_bootstrap_indices.csv"), "T2Bootstrap");
        check(missing, BenchData.epochCsv(), "T3Chinchilla");
        check(missing, data.resolve("t4_bootstrap_task_indices.csv"), "T4Horizon");
        List<String> jmh = new ArrayList<>(List.of(args));
        boolean selected = false;
        for (String a : args) {
            selected |= !a.startsWith("-") && a.matches("[A-Za-z0-9_.*]+");
        }
        if (missing.size() == 4) {
            System.out.println("scalefit bench: no benchmark data under " + BenchData.shared().toAbsolutePath().normalize()
                    + " — skipping T1–T4");
            return;
        }
        if (!missing.isEmpty()) {
            System.out.println("scalefit bench: data missing, skipping " + String.join(", ", missing));
            if (!selected) {
                List<String> all = new ArrayList<>(List.of("T1ManyFits", "T2Bootstrap", "T3Chinchilla", "T4Horizon"));
                all.removeAll(missing);
                jmh.add(String.join("|", all.stream().map(s -> "\\." + s + "\\.").toList()));
            }
        }
        org.openjdk.jmh.Main.main(jmh.toArray(new String[0]));
    }

    private static void check(List<String> missing, Path file, String benchmark) {
        if (!Files.exists(file)) {
            missing.add(benchmark);
        }
    }
}
