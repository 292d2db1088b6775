package org.scalefit.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scalefit.InvalidDataException;
import org.scalefit.InvalidOptionException;
import org.scalefit.OptionKey;

/**
 * Where the optimiser starts. The law's data-driven guess (with any user start values) is
 * start 0 unless the starts are a {@link #warm} start. On top of it: a {@code grid} of starts around that guess (scales ×0.01…×100, other
 * parameters shifted), {@code random} seeded starts, and explicit start points (e.g. Hoffmann's
 * 4,500-point grid). The fit keeps the start that reaches the lowest objective; ties go to the
 * lower start index, so the answer does not depend on the number of threads.
 *
 * <p>With {@link #auto()}, when the data-driven start fails the engine falls back to a few seeded
 * random starts by itself and says so in the fit's warnings.
 *
 * <pre>{@code
 * Starts s = Starts.parse("grid+random:20");
 * FitOptions options = FitOptions.builder().starts(s).seed(7).build();
 * }</pre>
 *
 * @param withGrid    true to add a grid of starts around the guess
 * @param randomCount number of seeded random starts to add
 * @param explicit explicit start points, each in the law's parameter order
 * @param name         a label for reports, e.g. {@code auto}, {@code grid}, {@code hoffmann-grid}
 * @param includeGuess true to include the law's data-driven guess as start 0 (false only for warm starts)
 */
public record Starts(boolean withGrid, int randomCount, List<double[]> explicit, String name, boolean includeGuess) {
    /**
     * Copies the explicit points and validates counts.
     *
     * @param withGrid     true to add a grid of starts around the guess
     * @param randomCount  number of seeded random starts to add
     * @param explicit     explicit start points, each in the law's parameter order
     * @param name         a label for reports, e.g. {@code auto}, {@code grid}, {@code hoffmann-grid}
     * @param includeGuess true to include the law's data-driven guess as start 0 (false only for warm starts)
     * @throws InvalidDataException if a component is outside its domain (the message says which)
     */
    public Starts {
        if (randomCount < 0) {
            throw new InvalidDataException("number of random starts must be ≥ 0, got " + randomCount);
        }
        if (randomCount > MAX_RANDOM) {
            throw new InvalidDataException("at most " + MAX_RANDOM + " random starts, got " + randomCount
                    + "; a few hundred are plenty for any law here");
        }
        List<double[]> copy = new ArrayList<>(explicit.size());
        for (double[] p : explicit) {
            copy.add(p.clone());
        }
        explicit = List.copyOf(copy);
        if (!includeGuess && explicit.isEmpty()) {
            throw new InvalidDataException("starts \"" + name + "\" exclude the data-driven guess but give no start point");
        }
    }

    /**
     * Convenience constructor that includes the data-driven guess.
     *
     * @param withGrid    add a grid around the guess
     * @param randomCount number of random starts
     * @param explicit    explicit start points
     * @param name        label for reports
     */
    public Starts(boolean withGrid, int randomCount, List<double[]> explicit, String name) {
        this(withGrid, randomCount, explicit, name, true);
    }

    /** @return the data-driven start only (with automatic fallback) */
    public static Starts auto() {
        return new Starts(false, 0, List.of(), "auto");
    }

    /** @return the data-driven start plus a grid around it */
    public static Starts grid() {
        return new Starts(true, 0, List.of(), "grid");
    }

    /**
     * @param n number of seeded random starts besides the data-driven one
     * @return the starts
     */
    public static Starts random(int n) {
        return new Starts(false, n, List.of(), "random:" + n);
    }

    /**
     * @param name   label for reports
     * @param points start points in the law's parameter order
     * @return the data-driven start plus the given points
     */
    public static Starts explicit(String name, List<double[]> points) {
        return new Starts(false, 0, points, name);
    }

    /** Most random starts a fit may ask for: every start is a full optimiser run, so more only costs time. */
    public static final int MAX_RANDOM = 100_000;

    /** The name of {@link #hoffmannGrid()}, as {@code --starts} takes it. */
    public static final String HOFFMANN_GRID = "hoffmann-grid";

    /**
     * Hoffmann et al.'s (2022) initialisation grid for the Chinchilla law, as Epoch AI's replication
     * (Besiroglu et al. 2024) ran it: α, β ∈ {0, 0.5, …, 2}, e ∈ {−1, −0.5, …, 1}, a, b ∈ {0, 5, …, 25},
     * 5·5·5·6·6 = 4,500 starts, given in the law's order (E, A, B, alpha, beta) = (eᵉ, eᵃ, eᵇ, α, β).
     * The data-driven guess is not added, so the fit is the best of exactly these 4,500 starts.
     *
     * <pre>{@code
     * FitOptions options = FitOptions.builder().loss(Loss.huber(1e-3)).starts(Starts.hoffmannGrid()).build();
     * }</pre>
     *
     * @return the 4,500 starts
     */
    public static Starts hoffmannGrid() {
        List<double[]> points = new ArrayList<>(4500);
        for (int ia = 0; ia < 5; ia++) {
            for (int ib = 0; ib < 5; ib++) {
                for (int ie = 0; ie < 5; ie++) {
                    for (int ja = 0; ja < 6; ja++) {
                        for (int jb = 0; jb < 6; jb++) {
                            points.add(new double[] {Math.exp(-1 + 0.5 * ie), Math.exp(5.0 * ja), Math.exp(5.0 * jb),
                                0.5 * ia, 0.5 * ib});
                        }
                    }
                }
            }
        }
        return new Starts(false, 0, points, HOFFMANN_GRID, false);
    }

    /**
     * Warm start: only the given point, no data-driven guess (bootstrap refits start from the full-data optimum).
     *
     * @param point start point in the law's parameter order
     * @return the starts
     */
    public static Starts warm(double[] point) {
        return new Starts(false, 0, List.of(point), "warm", false);
    }

    /**
     * Parses {@code auto}, {@code grid}, {@code random:N}, a {@code +}-joined combination, or
     * {@code hoffmann-grid} (see {@link #hoffmannGrid()}).
     *
     * @param text the specification
     * @return the starts
     * @throws InvalidDataException for an unknown kind or a bad count of random starts
     */
    public static Starts parse(String text) {
        if (text.trim().equalsIgnoreCase(HOFFMANN_GRID)) {
            return hoffmannGrid();
        }
        boolean g = false;
        int r = 0;
        for (String part : text.trim().toLowerCase(Locale.ROOT).split("\\+")) {
            String p = part.trim();
            if (p.equals("auto")) {
                continue;
            }
            if (p.equals("grid")) {
                g = true;
            } else if (p.startsWith("random:")) {
                try {
                    r = Integer.parseInt(p.substring(7).trim());
                } catch (NumberFormatException e) {
                    throw new InvalidOptionException(OptionKey.STARTS.with(text) + ": \"" + p.substring(7) + "\" is not a whole number");
                }
                if (r < 1) {
                    throw new InvalidOptionException(OptionKey.STARTS.with(text) + ": random needs at least 1 start");
                }
            } else {
                throw new InvalidOptionException("unknown " + OptionKey.STARTS.label() + " \"" + text
                        + "\": use auto, grid, random:N, grid+random:N or hoffmann-grid");
            }
        }
        return new Starts(g, r, List.of(), text.trim());
    }

    /** @return true when only the data-driven start is requested */
    public boolean isAuto() {
        return !withGrid && randomCount == 0 && explicit.isEmpty() && includeGuess;
    }

    /** @return the explicit start points (copies) */
    @Override
    public List<double[]> explicit() {
        List<double[]> copy = new ArrayList<>(explicit.size());
        for (double[] p : explicit) {
            copy.add(p.clone());
        }
        return copy;
    }

    /** @return the number of explicit start points */
    public int explicitCount() {
        return explicit.size();
    }
}
