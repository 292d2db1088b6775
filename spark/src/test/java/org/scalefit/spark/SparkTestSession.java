package org.scalefit.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one local-mode session the tests share ({@code local[2]}: two executor threads in this JVM, as the
 * issue asks); started on first use and left to the JVM's shutdown hook, so the test classes do not pay
 * Spark's start-up more than once.
 */
final class SparkTestSession {
    private static SparkSession session;

    private SparkTestSession() {
    }

    static synchronized SparkSession get() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("scalefit-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.sql.adaptive.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .getOrCreate();
            session.sparkContext().setLogLevel("ERROR");
        }
        return session;
    }
}
