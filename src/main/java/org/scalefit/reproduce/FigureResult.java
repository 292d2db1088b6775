package org.scalefit.reproduce;

import java.util.List;
import java.util.Objects;
import org.scalefit.plot.Figure;

/**
 * A reproduced figure: the picture, the numbers fitted behind it next to the published ones, and
 * notes on where its data come from.
 *
 * <pre>{@code
 * FigureResult r = new KaplanReproduction().run(Datasets.locate());
 * FigureWriter.write(r.figure(), Path.of(r.id() + ".png"));
 * }</pre>
 *
 * @param id          file-name stem, e.g. {@code kaplan2020-figure1}
 * @param title       one line for humans
 * @param reproduces  the published figure, e.g. {@code Kaplan et al. (2020), Figure 1}
 * @param figure      the picture
 * @param numbers     fitted against published numbers
 * @param notes       where the data come from and caveats
 * @param datasets    the bundled data sets read
 */
public record FigureResult(String id, String title, String reproduces, Figure figure, List<PublishedComparison> numbers,
                           List<String> notes, List<String> datasets) {
    /**
     * Copies the lists.
     *
     * @param id         file-name stem, e.g. {@code kaplan2020-figure1}
     * @param title      one line for humans
     * @param reproduces the published figure, e.g. {@code Kaplan et al. (2020), Figure 1}
     * @param figure     the picture
     * @param numbers    fitted against published numbers
     * @param notes      where the data come from and caveats
     * @param datasets   the bundled data sets read
     * @throws NullPointerException if a required component is null
     */
    public FigureResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(reproduces, "reproduces");
        Objects.requireNonNull(figure, "figure");
        numbers = List.copyOf(numbers);
        notes = List.copyOf(notes);
        datasets = List.copyOf(datasets);
    }
}
