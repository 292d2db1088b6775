package org.scalefit.cli;

import java.util.ArrayList;
import java.util.List;
import org.scalefit.model.Laws;

/**
 * Values the bash completion script offers for options that take a word from a fixed list
 * (picocli's {@code completionCandidates}); each class is an iterable of those words.
 *
 * <pre>{@code
 * // on an option: completionCandidates = Completions.Spaces.class
 * for (String s : new Completions.Spaces()) { ... }   // log, linear
 * }</pre>
 */
final class Completions {
    private Completions() {
    }

    /** The built-in law names. */
    static final class LawNames extends ArrayList<String> {
        LawNames() {
            super(Laws.names());
        }
    }

    /** Residual spaces. */
    static final class Spaces extends ArrayList<String> {
        Spaces() {
            super(List.of("log", "linear"));
        }
    }

    /** Losses, with typical parameters. */
    static final class Losses extends ArrayList<String> {
        Losses() {
            super(List.of("squares", "huber:1e-3", "asymmetric:0.5"));
        }
    }

    /** Start strategies. */
    static final class StartKinds extends ArrayList<String> {
        StartKinds() {
            super(List.of("auto", "grid", "random:20", "grid+random:20", "hoffmann-grid"));
        }
    }

    /** Solvers. */
    static final class Solvers extends ArrayList<String> {
        Solvers() {
            super(List.of("auto", "lm", "lbfgs", "varpro"));
        }
    }

    /** Bootstrap plans of {@code fit}. */
    static final class Plans extends ArrayList<String> {
        Plans() {
            super(List.of("rows", "groups", "hierarchical", "residuals", "parametric"));
        }
    }

    /** Bootstrap interval kinds. */
    static final class IntervalKinds extends ArrayList<String> {
        IntervalKinds() {
            super(List.of("bca", "percentile"));
        }
    }

    /** Plot axes. */
    static final class AxesKinds extends ArrayList<String> {
        AxesKinds() {
            super(List.of("auto", "log-log", "linear", "semilog-x", "semilog-y"));
        }
    }

    /** Tick label styles. */
    static final class TickStyles extends ArrayList<String> {
        TickStyles() {
            super(List.of("superscript", "e"));
        }
    }
}
