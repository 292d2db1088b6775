package org.scalefit.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.scalefit.InvalidDataException;

/**
 * Writes text files atomically: into a hidden temporary file next to the target, then a move over it,
 * so a reader (or a crash) never sees half a file and an existing file is either kept or fully replaced.
 */
final class AtomicText {
    private AtomicText() {
    }

    /**
     * @param target the file to write (its directory must exist)
     * @param text   the whole content, written as UTF-8
     * @throws InvalidDataException if the file cannot be written
     */
    static void write(Path target, String text) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new InvalidDataException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // Nothing more can be done; the file is hidden and named after its target.
                }
            }
        }
    }
}
