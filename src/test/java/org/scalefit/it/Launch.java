package org.scalefit.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the integration tests share: where the project and its built jar are, and how to run a child
 * process as a user would (merged standard output and error, a timeout). The integration tests run in
 * Maven's {@code integration-test} phase, after {@code package}, so {@code target/scalefit.jar} is the
 * jar just built from this tree.
 */
final class Launch {
    private Launch() {
    }

    /** @return the project directory (failsafe runs in it) */
    static Path root() {
        Path root = Path.of("").toAbsolutePath();
        assertTrue(Files.isRegularFile(root.resolve("pom.xml")), "not run from the project directory: " + root);
        return root;
    }

    /** @return the shaded jar, which must exist (these tests run after package) */
    static Path jar() {
        Path jar = root().resolve("target/scalefit.jar");
        assertTrue(Files.isRegularFile(jar), jar + " is missing: run the integration tests with 'mvn verify'");
        return jar;
    }

    /**
     * Copies the project's {@code datasets/} into a directory, as a fresh clone has them.
     *
     * @param dir the working directory of a test
     */
    static void copyDatasets(Path dir) throws IOException {
        Path to = Files.createDirectories(dir.resolve("datasets"));
        try (var files = Files.list(root().resolve("datasets"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        }
    }

    /** @return the java launcher of the JVM running the tests */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The result of a child process.
     *
     * @param exit   exit code
     * @param output standard output and standard error, interleaved as written
     */
    record Result(int exit, String output) {
    }

    /**
     * Runs a command in a directory and waits for it.
     *
     * @param dir     working directory
     * @param seconds timeout
     * @param command the command and its arguments
     * @return exit code and merged output
     */
    static Result run(Path dir, int seconds, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("scalefit-it", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("LC_ALL", "C.UTF-8");
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out after " + seconds + " s: " + String.join(" ", command));
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
