package org.scalefit.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.scalefit.data.DataSpec;
import org.scalefit.data.Observations;

/**
 * The fixed benchmark data of {@code ../shared/bench/data} (SciPy's anchors fit exactly these points and
 * resamples), read once per benchmark fork. The folder is {@code -Dscalefit.bench.shared=DIR} (default
 * {@code ../shared}, relative to the project root where the benchmarks are started).
 *
 * <pre>{@code
 * List<Observations> sets = BenchData.t1Sets();     // 10,000 small power-law data sets
 * }</pre>
 */
public final class BenchData {
    private BenchData() {
    }

    /** @return the shared folder */
    public static Path shared() {
        return Path.of(System.getProperty("scalefit.bench.shared", "../shared"));
    }

    /** @return {@code shared/bench/data} */
    public static Path dir() {
        return shared().resolve("bench/data");
    }

    /** @return Epoch's extracted Chinchilla points, in the reference data */
    public static Path epochCsv() {
        return shared().resolve("reference-data/epoch-chinchilla/svg_extracted_data.csv");
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("benchmark data missing: " + file + " (see bench/README.md)", e);
        }
    }

    /** @return T1's 10,000 data sets (8–20 points each), in set order */
    public static List<Observations> t1Sets() {
        Map<String, List<double[]>> sets = new LinkedHashMap<>();
        List<String> l = lines(dir().resolve("t1_powerlaw_points.csv"));
        for (String line : l.subList(1, l.size())) {
            String[] c = line.split(",");
            sets.computeIfAbsent(c[0], k -> new ArrayList<>()).add(new double[] {Double.parseDouble(c[1]), Double.parseDouble(c[2])});
        }
        List<Observations> out = new ArrayList<>();
        for (List<double[]> pts : sets.values()) {
            double[] x = new double[pts.size()];
            double[] y = new double[pts.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = pts.get(i)[0];
                y[i] = pts.get(i)[1];
            }
            out.add(Observations.of(x, y));
        }
        return out;
    }

    /** @return T2's 30 points (C, L) */
    public static Observations t2() {
        List<String> l = lines(dir().resolve("t2_irreducible.csv"));
        double[] c = new double[l.size() - 1];
        double[] y = new double[l.size() - 1];
        for (int i = 1; i < l.size(); i++) {
            String[] cells = l.get(i).split(",");
            c[i - 1] = Double.parseDouble(cells[0]);
            y[i - 1] = Double.parseDouble(cells[1]);
        }
        return Observations.of(c, y);
    }

    /**
     * @param name e.g. {@code t2_bootstrap_indices.csv}
     * @return one index array per resample
     */
    public static int[][] indices(String name) {
        List<String> l = lines(dir().resolve(name));
        int[][] idx = new int[l.size() - 1][];
        for (int r = 1; r < l.size(); r++) {
            idx[r - 1] = Arrays.stream(l.get(r).split(",")).mapToInt(Integer::parseInt).toArray();
        }
        return idx;
    }

    /**
     * @param epoch true for Epoch's 240 points (the 5 highest losses dropped, as their notebook), false for
     *              the synthetic {@code t3_chinchilla.csv} (250 points)
     * @return the observations with predictors N, D
     */
    public static Observations t3(boolean epoch) {
        if (epoch) {
            Observations all = DataSpec.builder().predictor("N=Model Size").derived("D=Training FLOP/(6*Model Size)")
                    .response("loss").build().load(epochCsv()).observations();
            double[] y = all.yValues();
            double[] sorted = y.clone();
            Arrays.sort(sorted);
            double threshold = sorted[sorted.length - 5];
            return all.select(IntStream.range(0, y.length).filter(i -> y[i] < threshold).toArray());
        }
        return DataSpec.builder().predictor("N=N").predictor("D=D").response("L").build()
                .load(dir().resolve("t3_chinchilla.csv")).observations();
    }
}
