package org.scalefit.cli;

import org.scalefit.InvalidDataException;

/**
 * The meaning of {@code --threads}, shared by every command that takes it: all cores unless given, and
 * never fewer than one. Results never depend on it (every random draw is seeded by its index), which is
 * why JSON output leaves it out.
 *
 * <pre>{@code
 * int t = Threads.resolve(threads);   // threads: the Integer picocli filled, or null
 * }</pre>
 */
final class Threads {
    private Threads() {
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
