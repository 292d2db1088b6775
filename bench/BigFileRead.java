import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Set;
import org.scalefit.data.DataSpec;
import org.scalefit.data.LoadResult;
import org.scalefit.data.Table;
import org.scalefit.data.TableReader;

/**
 * Heap needed to read a large CSV two ways, for bench/bigfile.sh: "stream" loads compute and loss of the
 * rows with step == 999 through DataSpec (chunked, what every scalefit command does); "whole" holds the same
 * three columns of every row as text (what reading the whole table costs). Prints rows kept and the heap in
 * use after a full collection, with the data still reachable.
 *
 *     java -Xmx2g -cp target/scalefit.jar bench/BigFileRead.java /tmp/scalefit-bigfile/training-log.csv whole
 */
public final class BigFileRead {
    private BigFileRead() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        String mode = args.length > 1 ? args[1] : "stream";
        long t0 = System.nanoTime();
        Object kept;
        int rows;
        if (mode.equals("whole")) {
            Table t = TableReader.read(file, Set.of("compute", "loss", "step"));
            kept = t;
            rows = t.rowCount();
        } else {
            LoadResult r = DataSpec.builder().predictor("compute").response("loss").where("step==999").build().load(file);
            kept = r;
            rows = r.observations().size();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.gc();
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf("{\"mode\": \"%s\", \"rows_kept\": %d, \"seconds\": %.2f, \"live_heap_mb\": %.1f, \"kept\": \"%s\"}%n",
                mode, rows, seconds, live / 1e6, kept.getClass().getSimpleName());
    }
}
