package org.scalefit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The one gate for tests that read reference data from {@code ../shared} (the folder beside the
 * repository that holds NIST StRD, METR's runs, Epoch's digitisation …).
 *
 * <p>A developer without the folder sees those tests skipped; under {@code CI=true} a missing file
 * fails the test instead, so a broken CI set-up can never pass by skipping the tests that check us
 * against the published numbers.
 *
 * <pre>{@code
 * Path strd = SharedData.require("reference-data/nist-strd/strd.json");
 * }</pre>
 */
public final class SharedData {
    /** The shared folder, relative to the repository root (the working directory of the tests). */
    public static final Path ROOT = Path.of("..", "shared");

    private SharedData() {
    }

    /**
     * @param relative a path inside {@code ../shared}
     * @return that path, resolved against {@link #ROOT}, when it exists
     * @throws org.opentest4j.TestAbortedException  (the test is skipped) when it is absent and CI is not set
     * @throws org.opentest4j.AssertionFailedError (the test fails) when it is absent under {@code CI=true}
     */
    public static Path require(String relative) {
        return require(ROOT.resolve(relative), System.getenv());
    }

    /**
     * @param relative a path inside {@code ../shared}
     * @return true when it exists (for set-up code that must not throw; the test itself calls {@link #require})
     */
    public static boolean present(String relative) {
        return Files.exists(ROOT.resolve(relative));
    }

    /**
     * @param path        any path
     * @param environment the process environment (a parameter so that the CI behaviour can be tested)
     * @return the path when it exists
     */
    static Path require(Path path, Map<String, String> environment) {
        if (Files.exists(path)) {
            return path;
        }
        String message = "reference data not found: " + path.toAbsolutePath().normalize()
                + " (the shared folder must sit beside the repository)";
        if (underCi(environment)) {
            return Assertions.fail(message + "; CI=true, so a missing reference file is a failure, not a skip");
        }
        Assumptions.abort(message + "; skipped (set CI=true to make this a failure)");
        return path;
    }

    /** @return true when the environment says this is a CI run (CI=true, as CI systems set it) */
    static boolean underCi(Map<String, String> environment) {
        String ci = environment.get("CI");
        return ci != null && (ci.equalsIgnoreCase("true") || ci.equals("1"));
    }
}
