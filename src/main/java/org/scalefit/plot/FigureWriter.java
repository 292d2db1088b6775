package org.scalefit.plot;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.knowm.xchart.PdfboxGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;
import org.scalefit.InvalidDataException;
import org.scalefit.InvalidOptionException;
import org.scalefit.OptionKey;
import org.scalefit.OutputFiles;
import org.scalefit.ScalefitException;

/**
 * Writes figures as PNG (at a chosen resolution, with the DPI recorded in the file), SVG or PDF,
 * chosen by the file extension. Writing is atomic ({@link OutputFiles}): the figure is rendered in memory,
 * written to a temporary file next to the target and moved into place, so a failed render or a full
 * disk never leaves a partial file behind and an existing file is replaced only by a complete one.
 *
 * <pre>{@code
 * FigureWriter.write(figure, Path.of("figures/kaplan.png"), 144);   // 2× pixels per point
 * FigureWriter.write(figure, Path.of("figures/kaplan.svg"));
 * }</pre>
 */
public final class FigureWriter {
    /** Default PNG resolution: two pixels per point, sharp on high-density screens. */
    public static final int DEFAULT_DPI = 144;
    /** Largest PNG written, in pixels, to fail early instead of exhausting memory. */
    static final long MAX_PIXELS = 120_000_000L;

    private FigureWriter() {
    }

    /**
     * Writes a figure at {@link #DEFAULT_DPI}.
     *
     * @param figure the figure
     * @param path   target file; the extension chooses the format
     * @return the format written
     * @throws InvalidDataException for an unknown extension or a path that cannot be written
     */
    public static ImageFormat write(Figure figure, Path path) {
        return write(figure, path, DEFAULT_DPI);
    }

    /**
     * Writes a figure.
     *
     * @param figure the figure
     * @param path   target file; the extension chooses the format
     * @param dpi    PNG resolution in dots per inch (72 = one pixel per point), 36–1200; ignored for vector formats
     * @return the format written
     * @throws InvalidDataException for an unknown extension, a bad DPI or a path that cannot be written
     * @throws ScalefitException    if rendering fails (nothing is written then)
     */
    public static ImageFormat write(Figure figure, Path path, int dpi) {
        return write(figure, path, dpi, List.of());
    }

    /**
     * Writes a figure, refusing to overwrite any of the given input files.
     *
     * <pre>{@code
     * FigureWriter.write(figure, Path.of("fit.png"), 144, List.of(Path.of("runs.csv")));
     * }</pre>
     *
     * @param figure the figure
     * @param path   target file; the extension chooses the format
     * @param dpi    PNG resolution in dots per inch, 36–1200; ignored for vector formats
     * @param inputs files the figure was drawn from, never overwritten
     * @return the format written
     * @throws InvalidDataException for an unknown extension, a bad DPI, an input file as target or a path
     *                              that cannot be written
     * @throws ScalefitException    if rendering fails (nothing is written then)
     */
    public static ImageFormat write(Figure figure, Path path, int dpi, Collection<Path> inputs) {
        ImageFormat format = ImageFormat.of(path);
        OutputFiles.check(path, "plot", inputs);
        byte[] bytes = render(figure, format, dpi);
        OutputFiles.write(path, bytes, "plot", inputs);
        return format;
    }

    /**
     * Renders a figure to the bytes of a file in memory.
     *
     * @param figure the figure
     * @param format the format
     * @param dpi    PNG resolution in dots per inch, 36–1200
     * @return the file's bytes
     * @throws InvalidDataException for a bad DPI or a PNG too large to hold
     * @throws ScalefitException    if rendering fails
     */
    public static byte[] render(Figure figure, ImageFormat format, int dpi) {
        if (dpi < 36 || dpi > 1200) {
            throw new InvalidOptionException(OptionKey.DPI.label() + " must be between 36 and 1200, got " + dpi);
        }
        try {
            return switch (format) {
                case PNG -> png(figure, dpi);
                case SVG -> vector(figure, true);
                case PDF -> vector(figure, false);
            };
        } catch (IOException | RuntimeException e) {
            if (e instanceof ScalefitException se) {
                throw se;
            }
            throw new ScalefitException("could not render the " + format.extension().toUpperCase(java.util.Locale.ROOT)
                    + " figure: " + e, e);
        }
    }

    /**
     * @param figure a figure
     * @param dpi    resolution
     * @return its raster image (white background, RGB)
     * @throws InvalidDataException if the image would be too large to hold in memory
     */
    public static BufferedImage image(Figure figure, int dpi) {
        double scale = dpi / 72.0;
        long w = Math.round(figure.width() * scale);
        long h = Math.round(figure.height() * scale);
        if (w * h > MAX_PIXELS) {
            throw new InvalidDataException("plot of " + w + " × " + h + " pixels is too large; lower " + OptionKey.DPI.label() + " or the size");
        }
        BufferedImage img = new BufferedImage((int) w, (int) h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.scale(scale, scale);
            Renderer.paint(g, figure);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static byte[] png(Figure figure, int dpi) throws IOException {
        BufferedImage img = image(figure, dpi);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            String ppm = Long.toString(Math.round(dpi / 0.0254));
            phys.setAttribute("pixelsPerUnitXAxis", ppm);
            phys.setAttribute("pixelsPerUnitYAxis", ppm);
            phys.setAttribute("unitSpecifier", "meter");
            root.appendChild(phys);
            meta.mergeTree("javax_imageio_png_1.0", root);
            writer.write(null, new IIOImage(img, null, meta), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static byte[] vector(Figure figure, boolean svg) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FigureChart chart = new FigureChart(figure);
        if (svg) {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsFormat.SVG);
        } else {
            PdfboxGraphicsEncoder.savePdfboxGraphics(chart, out);
        }
        return out.toByteArray();
    }
}
