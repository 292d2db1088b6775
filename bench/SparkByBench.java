import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.scalefit.spark.FitSpec;
import org.scalefit.spark.GroupFits;

/**
 * Per-group fits on Spark local[N] against {@code scalefit fit FILE --by set} on the same machine and data
 * (bench/spark_by.sh builds the class path and runs this; see bench/README.md). For each size G × P it
 * generates G power-law groups of P points (seeded), writes them as CSV (the command line's input) and as
 * Parquet (Spark's), then times, best of `repeats`:
 *   cli   — the whole command, JVM start included: java -jar target/scalefit.jar fit data.csv --x x --y y
 *           --law power-law --space linear --by set > /dev/null (the text table; peak RSS from /usr/bin/time)
 *   spark — in one warm local[N] session: GroupFits(power-law, linear) over the Parquet, written as Parquet
 *           (the session's start-up is timed once, apart).
 * One JSON line per measurement goes to stdout. It is a harness, not a test: no assertion on speed.
 *
 * usage: java -cp CLASSPATH bench/SparkByBench.java OUT_DIR MASTER REPEATS G1xP1 [G2xP2 ...]
 */
public final class SparkByBench {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String master = args[1];
        int repeats = Integer.parseInt(args[2]);
        Files.createDirectories(out);
        long t0 = System.nanoTime();
        SparkSession spark = SparkSession.builder().master(master).appName("scalefit-bench")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        double startup = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "{\"what\":\"spark-session-start\",\"master\":\"%s\",\"seconds\":%.3f,\"load\":%.2f}%n",
                master, startup, load());
        for (int a = 3; a < args.length; a++) {
            String[] gp = args[a].split("x");
            int groups = Integer.parseInt(gp[0]);
            int points = Integer.parseInt(gp[1]);
            Path csv = out.resolve("by-" + groups + "x" + points + ".csv");
            Path parquet = out.resolve("by-" + groups + "x" + points + ".parquet");
            write(csv, groups, points);
            spark.read().option("header", "true").schema("set STRING, x DOUBLE, y DOUBLE").csv(csv.toString())
                    .write().mode("overwrite").parquet(parquet.toString());
            double bestCli = Double.POSITIVE_INFINITY;
            long rss = 0;
            int code = 0;
            for (int r = 0; r < repeats; r++) {
                double[] res = cli(csv);
                code = (int) res[2];
                if (res[0] < bestCli) {
                    bestCli = res[0];
                    rss = (long) res[1];
                }
            }
            System.out.printf(Locale.ROOT, "{\"what\":\"cli-by\",\"groups\":%d,\"points\":%d,\"seconds\":%.3f,\"peak_rss_mb\":%d,"
                    + "\"exit\":%d,\"load\":%.2f}%n", groups, points, bestCli, rss / 1024, code, load());
            double bestSpark = Double.POSITIVE_INFINITY;
            for (int r = 0; r < repeats; r++) {
                Dataset<Row> input = spark.read().parquet(parquet.toString());
                long s = System.nanoTime();
                GroupFits.of(FitSpec.law("power-law").withSpace("linear")).by("set").x("x").y("y").fit(input)
                        .write().mode("overwrite").parquet(out.resolve("fits.parquet").toString());
                bestSpark = Math.min(bestSpark, (System.nanoTime() - s) / 1e9);
            }
            long failed = spark.read().parquet(out.resolve("fits.parquet").toString()).filter("not converged").count();
            System.out.printf(Locale.ROOT, "{\"what\":\"spark-by\",\"master\":\"%s\",\"groups\":%d,\"points\":%d,\"seconds\":%.3f,"
                    + "\"failed_groups\":%d,\"load\":%.2f}%n", master, groups, points, bestSpark, failed, load());
            Files.deleteIfExists(csv);
        }
        spark.stop();
    }

    /** G groups of P points of y = a·x^(−alpha)·(1 + 2% noise), x log-uniform over 3 decades; seeded. */
    private static void write(Path csv, int groups, int points) throws IOException {
        SplittableRandom rng = new SplittableRandom(20261207L);
        try (BufferedWriter w = Files.newBufferedWriter(csv)) {
            w.write("set,x,y\n");
            StringBuilder line = new StringBuilder();
            for (int g = 0; g < groups; g++) {
                double a = 2 + 8 * rng.nextDouble();
                double alpha = 0.05 + 0.5 * rng.nextDouble();
                for (int i = 0; i < points; i++) {
                    double x = Math.pow(10, 1 + 3 * rng.nextDouble());
                    double y = a * Math.pow(x, -alpha) * (1 + 0.02 * (rng.nextDouble() * 2 - 1));
                    line.setLength(0);
                    line.append('s').append(g).append(',').append(x).append(',').append(y).append('\n');
                    w.write(line.toString());
                }
            }
        }
    }

    /** @return {seconds, peak RSS in KB, exit code} of the whole command line run */
    private static double[] cli(Path csv) throws Exception {
        Path times = Files.createTempFile("by-time", ".txt");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M", "-o", times.toString(), "java",
                "-Djava.awt.headless=true", "-jar", "target/scalefit.jar", "fit", csv.toString(), "--x", "x", "--y", "y",
                "--law", "power-law", "--space", "linear", "--by", "set", "--quiet"));
        String heap = System.getenv("SCALEFIT_BENCH_HEAP");
        if (heap != null) {
            cmd.add(4, "-Xmx" + heap);
        }
        long s = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (!p.waitFor(2, TimeUnit.HOURS)) {
            p.destroyForcibly();
        }
        double seconds = (System.nanoTime() - s) / 1e9;
        String kb = Files.readString(times).strip();
        Files.deleteIfExists(times);
        long rss = 0;
        for (String line : kb.split("\n")) {
            if (line.matches("\\d+")) {
                rss = Long.parseLong(line);
            }
        }
        return new double[] {seconds, rss, p.exitValue()};
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
