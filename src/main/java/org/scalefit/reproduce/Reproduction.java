package org.scalefit.reproduce;

/**
 * One of the talk's figures: reads its data sets, fits, draws and compares.
 *
 * <pre>{@code
 * Reproduction r = new KaplanReproduction();
 * FigureResult result = r.run(Datasets.locate());
 * }</pre>
 */
public interface Reproduction {
    /** @return the file-name stem of the figure, e.g. {@code kaplan2020-figure1} */
    String id();

    /**
     * @param data where to read the bundled data sets
     * @return the figure and its numbers
     */
    FigureResult run(Datasets data);
}
