package org.scalefit.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One set of axes with its marks, legend and look. Immutable; build it with {@link #builder}.
 *
 * <pre>{@code
 * Panel p = Panel.builder(xAxis, yAxis)
 *         .theme(Theme.paper())
 *         .add(new Mark.Line(x, y, LineStyle.solid(Color.BLACK, 1.5)))
 *         .legend(legend)
 *         .build();
 * }</pre>
 */
public final class Panel {
    private final Axis x;
    private final Axis y;
    private final List<Mark> marks;
    private final Legend legend;
    private final Theme theme;
    private final String title;
    private final TextStyle titleStyle;

    private Panel(Builder b) {
        this.x = b.x;
        this.y = b.y;
        this.marks = List.copyOf(b.marks);
        this.legend = b.legend;
        this.theme = b.theme;
        this.title = b.title;
        this.titleStyle = b.titleStyle;
    }

    /**
     * @param x the x axis
     * @param y the y axis
     * @return a builder with the {@link Theme#clean()} look and no marks
     */
    public static Builder builder(Axis x, Axis y) {
        return new Builder(x, y);
    }

    /** @return the x axis */
    public Axis x() {
        return x;
    }

    /** @return the y axis */
    public Axis y() {
        return y;
    }

    /** @return the marks in painting order */
    public List<Mark> marks() {
        return marks;
    }

    /** @return the legend, if any */
    public Optional<Legend> legend() {
        return Optional.ofNullable(legend);
    }

    /** @return the look */
    public Theme theme() {
        return theme;
    }

    /** @return the title drawn above the plot area (empty for none) */
    public String title() {
        return title;
    }

    /** @return the title font */
    public TextStyle titleStyle() {
        return titleStyle;
    }

    /** @return a builder holding this panel's content, to derive a variant */
    public Builder toBuilder() {
        Builder b = new Builder(x, y).theme(theme).title(title, titleStyle);
        b.marks.addAll(marks);
        b.legend = legend;
        return b;
    }

    /** Collects a panel's parts. */
    public static final class Builder {
        private Axis x;
        private Axis y;
        private final List<Mark> marks = new ArrayList<>();
        private Legend legend;
        private Theme theme = Theme.clean();
        private String title = "";
        private TextStyle titleStyle = TextStyle.sans(13, Colors.TEXT);

        private Builder(Axis x, Axis y) {
            this.x = Objects.requireNonNull(x, "x");
            this.y = Objects.requireNonNull(y, "y");
        }

        /**
         * @param axis the x axis
         * @return this builder
         */
        public Builder x(Axis axis) {
            this.x = Objects.requireNonNull(axis);
            return this;
        }

        /**
         * @param axis the y axis
         * @return this builder
         */
        public Builder y(Axis axis) {
            this.y = Objects.requireNonNull(axis);
            return this;
        }

        /**
         * @param mark a mark, painted after those added before it
         * @return this builder
         */
        public Builder add(Mark mark) {
            marks.add(Objects.requireNonNull(mark));
            return this;
        }

        /**
         * @param all marks, painted in order
         * @return this builder
         */
        public Builder addAll(List<? extends Mark> all) {
            for (Mark m : all) {
                add(m);
            }
            return this;
        }

        /**
         * @param l the legend, or null for none
         * @return this builder
         */
        public Builder legend(Legend l) {
            this.legend = l;
            return this;
        }

        /**
         * @param t the look
         * @return this builder
         */
        public Builder theme(Theme t) {
            this.theme = Objects.requireNonNull(t);
            return this;
        }

        /**
         * @param text  a title drawn above the plot area
         * @param style its font
         * @return this builder
         */
        public Builder title(String text, TextStyle style) {
            this.title = Objects.requireNonNull(text);
            this.titleStyle = Objects.requireNonNull(style);
            return this;
        }

        /** @return the panel */
        public Panel build() {
            return new Panel(this);
        }
    }
}
