package org.scalefit.spark;

import org.apache.spark.sql.SparkSession;

/** The shared test session, for test classes in other packages. */
public final class SparkTestSessionAccess {
    private SparkTestSessionAccess() {
    }

    /** @return the shared local[2] session */
    public static SparkSession get() {
        return SparkTestSession.get();
    }
}
