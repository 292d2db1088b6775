package org.scalefit.spark.examples;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.scalefit.fit.Estimate;
import org.scalefit.spark.BootstrapSummary;
import org.scalefit.spark.DistributedBootstrap;
import org.scalefit.spark.FitSpec;
import org.scalefit.spark.GroupFits;
import org.scalefit.uncertainty.IntervalMethod;

/**
 * A Spark job in the shape of a lab's: learning curves (model, step, loss — CSV with a header, or Parquet),
 * one offset power law in steps per model fitted in the executors and written as Parquet, then the
 * distributed bootstrap of one model's curve. Run it with the repository's Kaplan et al. (2020) learning
 * curves:
 *
 * <pre>{@code
 * mvn -B -f spark/pom.xml package -DskipTests
 * spark-submit --master 'local[2]' --class org.scalefit.spark.examples.FitSweepsOnSpark \
 *     spark/target/scalefit-spark-app.jar datasets/kaplan2020-learning-curves.csv /tmp/curve-fits
 * }</pre>
 *
 * It prints the first rows of the table and the bootstrap interval of the first model's exponent; the table
 * is in {@code OUT_DIR/fits.parquet}. The numbers are those of
 * {@code scalefit fit datasets/kaplan2020-learning-curves.csv --x step --y loss --law offset-power-law --by model}.
 */
public final class FitSweepsOnSpark {
    private FitSweepsOnSpark() {
    }

    /**
     * @param args the curves (a .csv or a Parquet directory) and the output directory
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: FitSweepsOnSpark CURVES.csv|CURVES.parquet OUT_DIR");
            System.exit(2);
        }
        SparkSession spark = SparkSession.builder().appName("scalefit: learning curves").getOrCreate();
        Dataset<Row> curves = args[0].endsWith(".csv")
                ? spark.read().option("header", "true").option("inferSchema", "true").csv(args[0])
                : spark.read().parquet(args[0]);

        // One law per model, fitted in the executors: the columns of `scalefit fit --by model`'s table.
        Dataset<Row> fits = GroupFits.of(FitSpec.law("offset-power-law"))
                .by("model").x("step").y("loss").source(args[0])
                .fit(curves)
                .cache();
        fits.write().mode("overwrite").parquet(args[1] + "/fits.parquet");
        fits.orderBy("model").select("model", "n", "E", "A", "alpha", "alpha_ci95_low", "alpha_ci95_high", "r2",
                "converged", "warnings").show(5, false);
        long failed = fits.filter(functions.not(functions.col("converged"))).count();
        System.out.println(fits.count() + " curves fitted, " + failed + " failed; wrote " + args[1] + "/fits.parquet");

        // The bootstrap of one big fit, its replicates spread over the executors.
        String first = fits.orderBy("model").first().getString(0);
        BootstrapSummary boot = DistributedBootstrap.of(FitSpec.law("offset-power-law"))
                .x("step").y("loss").replicates(1000)
                .run(curves.filter(functions.col("model").equalTo(first)));
        Estimate alpha = boot.parameter("alpha", IntervalMethod.BCA);
        System.out.printf("%s: alpha = %.5g, bootstrap s.e. %.3g, 95%% BCa interval [%.5g, %.5g] (%d of %d replicates)%n",
                first, alpha.value(), alpha.stderr(), alpha.lower(), alpha.upper(), boot.succeeded(), boot.requested());
    }
}
