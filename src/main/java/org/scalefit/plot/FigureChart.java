package org.scalefit.plot;

import java.awt.Graphics2D;
import org.knowm.xchart.internal.chartpart.IChart;

/** Presents a {@link Figure} to XChart's encoders (SVG through VectorGraphics2D, PDF through PDFBox). */
final class FigureChart implements IChart {
    private final Figure figure;

    FigureChart(Figure figure) {
        this.figure = figure;
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        Renderer.paint(g, figure);
    }

    @Override
    public int getWidth() {
        return (int) Math.ceil(figure.width());
    }

    @Override
    public int getHeight() {
        return (int) Math.ceil(figure.height());
    }

    @Override
    public String getTitle() {
        return figure.title();
    }
}
