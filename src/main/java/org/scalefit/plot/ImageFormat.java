package org.scalefit.plot;

import java.nio.file.Path;
import java.util.Locale;
import org.scalefit.InvalidDataException;

/**
 * The file formats a figure can be written in, chosen by the file name's extension.
 *
 * <pre>{@code
 * ImageFormat f = ImageFormat.of(Path.of("fit.svg"));   // SVG
 * }</pre>
 */
public enum ImageFormat {
    /** Raster PNG at a chosen resolution. */
    PNG("png"),
    /** Scalable vector graphics. */
    SVG("svg"),
    /** Portable document format, vector. */
    PDF("pdf");

    private final String extension;

    ImageFormat(String extension) {
        this.extension = extension;
    }

    /** @return the file extension without the dot, e.g. {@code png} */
    public String extension() {
        return extension;
    }

    /**
     * @param path a file name
     * @return the format its extension names
     * @throws InvalidDataException for a missing or unknown extension, naming the file
     */
    public static ImageFormat of(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (ImageFormat f : values()) {
            if (f.extension.equals(ext)) {
                return f;
            }
        }
        throw new InvalidDataException("cannot write plot " + path + ": unknown format "
                + (ext.isEmpty() ? "(no extension)" : "\"." + ext + "\"") + "; use .png, .svg or .pdf");
    }
}
