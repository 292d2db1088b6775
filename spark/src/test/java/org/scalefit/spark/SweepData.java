package org.scalefit.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A seeded sweep of noisy learning curves, one per group: y = E + A·x^(−alpha) with multiplicative noise,
 * E = 0 for a pure power law. Written twice — as CSV for the command line (rows shuffled, so the file is in
 * no particular order) and as Parquet for Spark, with a {@code row} column holding each point's CSV row
 * number so that warnings naming a row read the same on both sides.
 */
record SweepData(List<Row> rows) {
    static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("g", DataTypes.StringType, false),
            DataTypes.createStructField("x", DataTypes.DoubleType, true),
            DataTypes.createStructField("y", DataTypes.DoubleType, true),
            DataTypes.createStructField("row", DataTypes.IntegerType, false)));

    /**
     * @param groups how many groups
     * @param offset true for an offset power law (E &gt; 0), false for a pure power law
     * @param seed   the generator's seed
     * @return the sweep, rows in shuffled order, row numbers 2, 3, … in that order
     */
    static SweepData generate(int groups, boolean offset, long seed) {
        Random rng = new Random(seed);
        List<double[]> points = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            int n = 6 + rng.nextInt(30);
            double e = offset ? 1.5 + rng.nextDouble() : 0;
            double a = Math.pow(10, 1 + rng.nextDouble());
            double alpha = 0.05 + 0.4 * rng.nextDouble();
            double noise = 0.005 + 0.03 * rng.nextDouble();
            for (int i = 0; i < n; i++) {
                double x = Math.pow(10, 1 + 7 * rng.nextDouble());
                double y = (e + a * Math.pow(x, -alpha)) * Math.exp(noise * rng.nextGaussian());
                points.add(new double[] {x, y});
                labels.add(String.format("g%03d", g));
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, rng);
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < order.size(); k++) {
            int i = order.get(k);
            rows.add(RowFactory.create(labels.get(i), points.get(i)[0], points.get(i)[1], k + 2));
        }
        return new SweepData(rows);
    }

    /** Writes the CSV the command line reads: g,x,y in row order (doubles in round-trip form). */
    Path writeCsv(Path dir) throws IOException {
        StringBuilder s = new StringBuilder("g,x,y\n");
        for (Row r : rows) {
            s.append(r.getString(0)).append(',').append(cell(r, 1)).append(',').append(cell(r, 2)).append('\n');
        }
        Path file = dir.resolve("sweep.csv");
        Files.writeString(file, s);
        return file;
    }

    private static String cell(Row r, int i) {
        return r.isNullAt(i) ? "" : Double.toString(r.getDouble(i));
    }

    /** Writes the rows as Parquet (in {@code files} files) and reads them back. */
    Dataset<Row> parquet(SparkSession spark, Path dir, int files) {
        String path = dir.resolve("sweep.parquet").toString();
        spark.createDataFrame(rows, SCHEMA).repartition(files).write().mode("overwrite").parquet(path);
        return spark.read().parquet(path);
    }
}
