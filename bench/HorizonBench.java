import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.scalefit.horizon.HorizonOptions;
import org.scalefit.horizon.HorizonResult;
import org.scalefit.horizon.Horizons;
import org.scalefit.stats.Interval;
import org.scalefit.horizon.RunReader;
import org.scalefit.horizon.Runs;

/**
 * Times scalefit's horizon bootstraps; prints one JSON line per workload (seconds = min over reps).
 *
 *   java -cp target/scalefit.jar bench/HorizonBench.java [--reps 5] [--threads 2]
 *
 * Workload (SciPy's T4 anchor work is timed by bench/Compare.java --tasks T4, which horizon_bootstrap.sh calls):
 *  metr: 1,000-replicate hierarchical (families → tasks → runs) bootstrap of METR's run snapshot with METR's
 *        weights and penalty (Horizons.fit), on 1 and on N threads; plus the time to read the file.
 */
public class HorizonBench {
    public static void main(String[] args) throws Exception {
        int reps = 5;
        int threads = Runtime.getRuntime().availableProcessors();
        Path shared = Path.of("../shared");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--shared" -> shared = Path.of(args[++i]);
                default -> throw new IllegalArgumentException(args[i]);
            }
        }
        Path metr = shared.resolve("reference-data/metr/all_runs_2025-02-27_prepaper.jsonl");
        if (Files.exists(metr)) {
            metr(metr, reps, threads);
        }
    }

    static void metr(Path file, int reps, int threads) {
        double read = time(() -> RunReader.read(file), reps);
        Runs runs = RunReader.read(file);
        System.out.printf(Locale.ROOT, "{\"task\":\"metr-read\",\"tool\":\"scalefit RunReader (Jackson streaming)\",\"runs\":%d,"
                + "\"seconds\":%.6f}%n", runs.runCount() + runs.humanRunCount(), read);
        for (int t : new int[] {1, threads}) {
            HorizonOptions o = HorizonOptions.defaults().withBootstrap(1000).withSeed(42).withThreads(t);
            HorizonResult[] last = new HorizonResult[1];
            double s = time(() -> last[0] = Horizons.fit(runs, o), reps);
            Interval ci = last[0].interval("o1", 0.5);
            System.out.printf(Locale.ROOT, "{\"task\":\"metr-ftr-bootstrap\",\"tool\":\"scalefit Horizons.fit\",\"workload\":"
                    + "\"10 models, 6852 runs; 1000 family->task->run replicates, each refitting every model\",\"threads\":%d,"
                    + "\"seconds\":%.6f,\"o1_p50_ci95\":[%.3f,%.3f]}%n", t, s, ci.lower(), ci.upper());
            if (threads == 1) {
                break;
            }
        }
    }

    /** Min wall time over reps after 3 warm-up runs. */
    static double time(Runnable r, int reps) {
        for (int i = 0; i < 3; i++) {
            r.run();
        }
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            r.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }
}
