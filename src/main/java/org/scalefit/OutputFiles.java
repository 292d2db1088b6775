package org.scalefit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;

/**
 * Every file scalefit writes goes through here: it is written whole to a hidden temporary file next
 * to the target and then moved into place (atomically where the file system allows), so a crash, a
 * full disk or a failed render never leaves a partial file, and an existing file is only ever
 * replaced by a complete one. A target that is one of the command's input files is refused, and
 * every failure is one line naming the path and the reason.
 *
 * <pre>{@code
 * OutputFiles.check(Path.of("fit.png"), "plot", List.of(Path.of("runs.csv")));   // before the work
 * OutputFiles.write(Path.of("fit.png"), bytes, "plot", List.of(Path.of("runs.csv")));
 * OutputFiles.writeString(Path.of("figures/report.md"), markdown, "", List.of());
 * }</pre>
 */
public final class OutputFiles {
    private OutputFiles() {
    }

    /**
     * Checks, before any work is done, that the target can be written: its directory exists and takes
     * new files, it is not a directory, and it is none of the inputs.
     *
     * @param target the file to be written
     * @param what   what it is, for messages ({@code "plot"}; empty for none)
     * @param inputs the files the command reads, which are never overwritten
     * @throws InvalidDataException naming the path and the problem
     */
    public static void check(Path target, String what, Collection<Path> inputs) {
        Path abs = target.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        if (dir == null || !Files.exists(dir)) {
            throw new InvalidDataException(prefix(what, target) + "directory " + (dir == null ? "(none)" : dir)
                    + " does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new InvalidDataException(prefix(what, target) + dir + " is a file, not a directory");
        }
        if (Files.isDirectory(abs)) {
            throw new InvalidDataException(prefix(what, target) + "it is a directory");
        }
        for (Path in : inputs) {
            if (in != null && sameFile(in, abs)) {
                throw new InvalidDataException("refusing to write " + (what.isEmpty() ? "" : "the " + what + " ")
                        + "over the input file " + in + "; choose another name");
            }
        }
        probe(dir, prefix(what, target));
    }

    /**
     * Checks that new files can be created in a directory (by creating and deleting a hidden one: the
     * only test that also holds for read-only mounts and for a user who may write anywhere).
     *
     * @param dir  the directory
     * @param what what will be written there, for messages
     * @throws InvalidDataException naming the directory and the reason
     */
    public static void checkDirectory(Path dir, String what) {
        if (!Files.exists(dir)) {
            throw new InvalidDataException("cannot write " + what + " in " + dir + ": it does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new InvalidDataException("cannot write " + what + " in " + dir + ": it is a file, not a directory");
        }
        probe(dir.toAbsolutePath().normalize(), "cannot write " + what + " in " + dir + ": ");
    }

    /**
     * Writes bytes atomically after {@link #check}.
     *
     * @param target the file
     * @param bytes  its whole content
     * @param what   what it is, for messages
     * @param inputs input files, never overwritten
     * @throws InvalidDataException if the file cannot be written (nothing is left behind then)
     */
    public static void write(Path target, byte[] bytes, String what, Collection<Path> inputs) {
        check(target, what, inputs);
        Path abs = target.toAbsolutePath().normalize();
        Path temp = null;
        try {
            temp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".tmp");
            Files.write(temp, bytes);
            permissions(temp, abs);
            try {
                Files.move(temp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new InvalidDataException(prefix(what, target) + reason(e, abs.getParent()), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The temporary file is hidden and named after its target; nothing more can be done.
                }
            }
        }
    }

    /**
     * Writes UTF-8 text atomically; see {@link #write}.
     *
     * @param target the file
     * @param text   its whole content
     * @param what   what it is, for messages
     * @param inputs input files, never overwritten
     */
    public static void writeString(Path target, String text, String what, Collection<Path> inputs) {
        write(target, text.getBytes(StandardCharsets.UTF_8), what, inputs);
    }

    /**
     * Writes UTF-8 text atomically with no inputs to protect.
     *
     * @param target the file
     * @param text   its whole content
     */
    public static void writeString(Path target, String text) {
        writeString(target, text, "", List.of());
    }

    /**
     * A temporary file is created readable by its owner only; the file it becomes gets the permissions of the
     * file it replaces, or those of an ordinary new file (rw-r--r--), so a report can be served or shared.
     */
    private static void permissions(Path temp, Path target) throws IOException {
        try {
            java.util.Set<java.nio.file.attribute.PosixFilePermission> p = Files.exists(target)
                    ? Files.getPosixFilePermissions(target)
                    : java.util.EnumSet.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE,
                            java.nio.file.attribute.PosixFilePermission.GROUP_READ,
                            java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
            Files.setPosixFilePermissions(temp, p);
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the default permissions are already those of a new file.
        }
    }

    private static void probe(Path dir, String messagePrefix) {
        try {
            Path p = Files.createTempFile(dir, ".scalefit-write-check.", ".tmp");
            Files.delete(p);
        } catch (IOException e) {
            String why = e instanceof AccessDeniedException ? "directory " + dir + " is not writable" : reason(e, dir);
            throw new InvalidDataException(messagePrefix + why, e);
        }
    }

    private static String prefix(String what, Path target) {
        return "cannot write " + (what.isEmpty() ? "" : what + " ") + target + ": ";
    }

    /** The reason in words: what the operating system said, not a bare path. */
    private static String reason(IOException e, Path dir) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return dir != null && Files.isDirectory(dir) ? "files cannot be created in " + dir : "no such directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static boolean sameFile(Path in, Path target) {
        Path a = in.toAbsolutePath().normalize();
        if (a.equals(target)) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(target) && Files.isSameFile(a, target);
        } catch (IOException e) {
            return false;
        }
    }
}
