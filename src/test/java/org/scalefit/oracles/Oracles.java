package org.scalefit.oracles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads the oracle files in {@code src/test/resources/oracles/}: numbers computed outside scalefit by the
 * scripts in {@code bench/oracles/} (SciPy, R), kept as JSON so that the tests run offline.
 */
final class Oracles {
    private Oracles() {
    }

    static JsonNode load(String name) {
        try (InputStream in = Oracles.class.getResourceAsStream("/oracles/" + name)) {
            if (in == null) {
                throw new IllegalStateException("oracle file missing: src/test/resources/oracles/" + name);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    static int[][] ints(JsonNode array) {
        int[][] out = new int[array.size()][];
        for (int i = 0; i < out.length; i++) {
            JsonNode row = array.get(i);
            out[i] = new int[row.size()];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = row.get(j).asInt();
            }
        }
        return out;
    }

    /** |actual − expected| ≤ rel·|expected|, with both numbers in the message. */
    static void assertRelative(double expected, double actual, double rel, String what) {
        double tol = rel * Math.abs(expected);
        if (!(Math.abs(actual - expected) <= tol)) {
            throw new org.opentest4j.AssertionFailedError(what + ": expected " + expected + " ± " + tol + " (relative "
                    + rel + "), got " + actual, expected, actual);
        }
    }
}
