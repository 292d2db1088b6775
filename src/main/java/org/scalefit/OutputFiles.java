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
            moveIntoPlace(temp, abs);
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
     * Opens a file to be written as a stream, atomically: the text goes to a hidden temporary file next to the
     * target, which {@link AtomicFile#commit()} moves into place; closing without committing (an error on the
     * way) deletes it, so the target is never left half-written and an existing file is replaced only by a
     * complete one. Checks the target first, as {@link #check}.
     *
     * <pre>{@code
     * try (OutputFiles.AtomicFile out = OutputFiles.open(Path.of("fits.csv"), "table", List.of(input))) {
     *     out.writer().write("run,alpha\n");
     *     out.commit();
     * }
     * }</pre>
     *
     * @param target the file
     * @param what   what it is, for messages
     * @param inputs input files, never overwritten
     * @return the open file
     * @throws InvalidDataException if the file cannot be created
     */
    public static AtomicFile open(Path target, String what, Collection<Path> inputs) {
        check(target, what, inputs);
        Path abs = target.toAbsolutePath().normalize();
        try {
            Path temp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".tmp");
            return new AtomicFile(target, abs, temp, what);
        } catch (IOException e) {
            throw new InvalidDataException(prefix(what, target) + reason(e, abs.getParent()), e);
        }
    }

    /** A file being written through a temporary file: see {@link #open}. */
    public static final class AtomicFile implements java.io.Closeable {
        private final Path target;
        private final Path abs;
        private final Path temp;
        private final String what;
        private final java.io.Writer writer;
        private boolean committed;

        private AtomicFile(Path target, Path abs, Path temp, String what) throws IOException {
            this.target = target;
            this.abs = abs;
            this.temp = temp;
            this.what = what;
            this.writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
        }

        /** @return the writer of the text (UTF-8, buffered); write errors surface at {@link #commit()} at the latest */
        public java.io.Writer writer() {
            return writer;
        }

        /**
         * Flushes the text and moves the file into place.
         *
         * @throws InvalidDataException if it cannot be written (the temporary file is then removed)
         */
        public void commit() {
            try {
                writer.close();
                moveIntoPlace(temp, abs);
                committed = true;
            } catch (IOException e) {
                throw new InvalidDataException(prefix(what, target) + reason(e, abs.getParent()), e);
            } finally {
                if (!committed) {
                    discard();
                }
            }
        }

        /** Deletes the temporary file unless the text was committed. */
        @Override
        public void close() {
            if (!committed) {
                discard();
            }
        }

        private void discard() {
            try {
                writer.close();
            } catch (IOException ignored) {
                // the file is being thrown away
            }
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // The temporary file is hidden and named after its target; nothing more can be done.
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

    /** Replaces the target by the complete temporary file (with {@link #permissions}), atomically where the file system allows. */
    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        permissions(temp, target);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
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
