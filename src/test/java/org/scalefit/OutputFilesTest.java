package org.scalefit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes, never over an input, and a one-line reason for every path that cannot be written. */
class OutputFilesTest {
    @TempDir
    Path dir;

    private List<String> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String error(Runnable r) {
        return assertThrows(InvalidDataException.class, r::run).getMessage();
    }

    @Test
    void replacesAWholeFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("report.md");
        Files.writeString(target, "old and longer than the new text");
        OutputFiles.writeString(target, "new");
        assertEquals("new", Files.readString(target));
        assertEquals(List.of("report.md"), listing());
    }

    @Test
    void neverWritesOverAnInputEvenThroughAnotherName() throws IOException {
        Path input = dir.resolve("runs.csv");
        Files.writeString(input, "compute,loss\n1,2\n");
        Path link = dir.resolve("link.csv");
        Files.createSymbolicLink(link, input);
        Path hard = dir.resolve("hard.csv");
        Files.createLink(hard, input);
        for (Path target : List.of(input, dir.resolve(".").resolve("runs.csv"), link, hard)) {
            assertEquals("refusing to write the report over the input file " + input + "; choose another name",
                    error(() -> OutputFiles.writeString(target, "x", "report", List.of(input))), target.toString());
        }
        assertEquals("compute,loss\n1,2\n", Files.readString(input));
    }

    @Test
    void unwritablePathsAreOneLine() throws IOException {
        Path file = dir.resolve("afile");
        Files.writeString(file, "");
        assertEquals("cannot write plot " + file.resolve("fit.png") + ": " + file + " is a file, not a directory",
                error(() -> OutputFiles.check(file.resolve("fit.png"), "plot", List.of())));
        assertEquals("cannot write plot " + dir.resolve("nowhere/fit.png") + ": directory " + dir.resolve("nowhere")
                + " does not exist", error(() -> OutputFiles.check(dir.resolve("nowhere/fit.png"), "plot", List.of())));
        assertEquals("cannot write plot " + dir + ": it is a directory", error(() -> OutputFiles.check(dir, "plot", List.of())));
        assertEquals("cannot write figures in " + file + ": it is a file, not a directory",
                error(() -> OutputFiles.checkDirectory(file, "figures")));
        assertEquals(List.of("afile"), listing());
    }

    /** /proc takes no new files, even from root: the check finds out before any work is done. */
    @Test
    void aDirectoryThatTakesNoFilesIsFoundBeforeWriting() {
        Path proc = Path.of("/proc");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(proc.resolve("self")), "no Linux /proc here");
        assertEquals("cannot write plot /proc/fit.png: files cannot be created in /proc",
                error(() -> OutputFiles.check(proc.resolve("fit.png"), "plot", List.of())));
    }

    @Test
    void readOnlyDirectory() throws IOException {
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(ro), "running as a user who can write anywhere");
            assertEquals("cannot write plot " + ro.resolve("fit.png") + ": directory " + ro + " is not writable",
                    error(() -> OutputFiles.writeString(ro.resolve("fit.png"), "x", "plot", List.of())));
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
