package org.scalefit.cli;

import org.scalefit.InvalidDataException;
import picocli.CommandLine.Option;

/**
 * The {@code --threads} option, declared once for every command that takes it ({@code @Mixin Threads threads;}),
 * and its meaning: all cores unless given, and never fewer than one. Results never depend on it (every
 * random draw is seeded by its index), which is why JSON output leaves it out.
 *
 * <pre>{@code
 * @Mixin
 * Threads threads;
 * ...
 * int t = threads.count();
 * }</pre>
 */
final class Threads {
    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all cores); results do not depend on it.")
    Integer given;

    /** Created by picocli. */
    Threads() {
    }

    /** @return the thread count to use: all cores unless given */
    int count() {
        return resolve(given);
    }

    /**
     * @param given the value of {@code --threads}, or null when it was not given
     * @return the thread count to use
     * @throws InvalidDataException if the value is below 1
     */
    static int resolve(Integer given) {
        if (given == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        if (given < 1) {
            throw new InvalidDataException("--threads must be ≥ 1, got " + given);
        }
        return given;
    }
}
