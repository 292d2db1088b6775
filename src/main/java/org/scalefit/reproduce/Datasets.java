package org.scalefit.reproduce;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.scalefit.InvalidDataException;
import org.scalefit.data.Table;
import org.scalefit.data.TableReader;

/**
 * Where the bundled data sets are read from: a {@code datasets/} directory (the repository's, or one
 * given on the command line) or, when there is none, the copies packed into the jar.
 *
 * <pre>{@code
 * Datasets d = Datasets.locate();                     // ./datasets if present, else the jar's copies
 * Table t = d.table("kaplan2020-parameters.csv");
 * }</pre>
 */
public final class Datasets {
    private static final String RESOURCE_DIR = "/datasets/";
    private final Path dir;
    private final boolean fallBackToBundled;

    private Datasets(Path dir, boolean fallBackToBundled) {
        this.dir = dir;
        this.fallBackToBundled = fallBackToBundled;
    }

    /** @return the data sets packed into the jar */
    public static Datasets bundled() {
        return new Datasets(null, false);
    }

    /**
     * @param dir a directory holding the data set files
     * @return data sets read from there
     * @throws InvalidDataException if it is not a directory
     */
    public static Datasets directory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidDataException("data set directory " + dir + " does not exist");
        }
        return new Datasets(dir, false);
    }

    /**
     * @return {@code ./datasets} when it exists (so edits to the files are picked up), with the jar's
     *         copies for any file it lacks; else the jar's copies
     */
    public static Datasets locate() {
        Path local = Path.of("datasets");
        return Files.isDirectory(local) ? new Datasets(local, true) : bundled();
    }

    /**
     * @param name a file name, e.g. {@code kaplan2020-parameters.csv}
     * @return its table
     * @throws InvalidDataException if there is no such data set
     */
    public Table table(String name) {
        if (dir != null) {
            Path p = dir.resolve(name);
            if (Files.exists(p)) {
                return TableReader.read(p);
            }
            if (!fallBackToBundled) {
                throw new InvalidDataException("data set " + p + " is missing");
            }
        }
        try (InputStream in = Datasets.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new InvalidDataException("data set " + name + " is not bundled in this build");
            }
            return TableReader.read(in, name);
        } catch (IOException e) {
            throw new InvalidDataException("cannot read bundled data set " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param name a file name
     * @return where it is read from, for reports: {@code datasets/NAME} or {@code bundled:NAME}
     */
    public String describe(String name) {
        return dir != null && (!fallBackToBundled || Files.exists(dir.resolve(name))) ? dir.resolve(name).toString()
                : "bundled:" + name;
    }
}
