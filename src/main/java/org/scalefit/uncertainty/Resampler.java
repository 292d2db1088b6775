package org.scalefit.uncertainty;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.scalefit.InvalidDataException;
import org.scalefit.InvalidOptionException;
import org.scalefit.OptionKey;
import org.scalefit.data.Observations;
import org.scalefit.fit.Fit;

/**
 * How one bootstrap replicate of the data is drawn. Implementations are stateless: all randomness
 * comes from the generator handed in, which the {@link Bootstrap} derives from (seed, replicate index),
 * so a replicate is the same whatever thread runs it.
 *
 * <p>The plans, and when each is right:
 * <ul>
 * <li>{@link #rows()}: n rows with replacement — independent points.</li>
 * <li>{@link #groups()}: whole groups with replacement (a cluster bootstrap) — points of one group
 * (runs of one model, one seed's checkpoints) share errors, so the group is the independent unit.</li>
 * <li>{@link #hierarchical()}: groups, then items within each drawn group, then repeats within each
 * drawn item (Davison &amp; Hinkley 1997, §3.8) — e.g. task families → tasks → runs.</li>
 * <li>{@link #residuals(Fit)}: the design stays, the fit's residuals are reshuffled onto its fitted
 * values (in the fit's space, centred and inflated by √(n/dof)) — a fixed design with iid errors.</li>
 * <li>{@link #parametric(Fit)}: fitted values plus Gaussian noise of the fitted scale.</li>
 * </ul>
 * Each plan also says which units the jackknife leaves out ({@link #jackknifeUnits}) so the BCa
 * acceleration is estimated on the same independent units the bootstrap draws.
 *
 * <pre>{@code
 * Resampler rows = Resampler.rows();
 * Observations replicate = rows.resample(data, Seeds.random(42, 2, 0));
 * Resampler byModel = Resampler.groups();            // needs group labels (--group)
 * }</pre>
 */
@FunctionalInterface
public interface Resampler {

    /**
     * @param data the original observations
     * @param rng  this replicate's generator
     * @return a resampled data set
     */
    Observations resample(Observations data, SplittableRandom rng);

    /**
     * The rows of {@code data} a replicate holds, for plans that draw whole rows (the row, group and hierarchical
     * bootstraps): {@code resample(data, rng)} is then {@code data.select(rows(data, rng))} for a generator in the
     * same state, and the bootstrap refits those rows without building the replicate's data itself. Null, the
     * default, for plans whose replicates are new values (residual and parametric bootstraps, custom plans).
     *
     * @param data the original observations
     * @param rng  this replicate's generator
     * @return the drawn row indices (repeats allowed), or null
     */
    default int[] rows(Observations data, SplittableRandom rng) {
        return null;
    }

    /** @return a short name for reports, e.g. {@code rows} */
    default String name() {
        return "custom";
    }

    /**
     * The units the jackknife deletes one at a time: by default every point on its own.
     *
     * @param data the original observations
     * @return for each unit, the indices of the points it holds
     */
    default List<int[]> jackknifeUnits(Observations data) {
        List<int[]> out = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            out.add(new int[] {i});
        }
        return out;
    }

    /** @return the iid row bootstrap: n rows drawn with replacement */
    static Resampler rows() {
        return new Resampler() {
            @Override
            public Observations resample(Observations data, SplittableRandom rng) {
                return data.select(rows(data, rng));
            }

            @Override
            public int[] rows(Observations data, SplittableRandom rng) {
                int n = data.size();
                int[] idx = new int[n];
                for (int i = 0; i < n; i++) {
                    idx[i] = rng.nextInt(n);
                }
                return idx;
            }

            @Override
            public String name() {
                return "rows";
            }
        };
    }

    /**
     * The cluster bootstrap: as many groups as the data hold, drawn with replacement, each with all its rows.
     *
     * @return the resampler; it throws {@link InvalidDataException} on data without group labels
     */
    static Resampler groups() {
        return new Resampler() {
            @Override
            public Observations resample(Observations data, SplittableRandom rng) {
                return data.select(rows(data, rng));
            }

            @Override
            public int[] rows(Observations data, SplittableRandom rng) {
                List<int[]> groups = Hierarchy.groups(data, "groups");
                int g = groups.size();
                List<int[]> drawn = new ArrayList<>(g);
                for (int k = 0; k < g; k++) {
                    drawn.add(groups.get(rng.nextInt(g)));
                }
                return Hierarchy.concat(drawn);
            }

            @Override
            public String name() {
                return "groups";
            }

            @Override
            public List<int[]> jackknifeUnits(Observations data) {
                return Hierarchy.groups(data, "groups");
            }
        };
    }

    /**
     * The three-level bootstrap: groups with replacement; within each drawn group, its items with
     * replacement; within each drawn item, its repeats (rows) with replacement.
     *
     * @return the resampler; it throws {@link InvalidDataException} on data without group and item labels
     */
    static Resampler hierarchical() {
        return new Resampler() {
            @Override
            public Observations resample(Observations data, SplittableRandom rng) {
                return data.select(rows(data, rng));
            }

            @Override
            public int[] rows(Observations data, SplittableRandom rng) {
                if (!data.hasItems()) {
                    throw new InvalidOptionException("the hierarchical bootstrap needs group and item labels (" + OptionKey.GROUP.label() + " and " + OptionKey.ITEM.label() + ")");
                }
                List<List<int[]>> tree = Hierarchy.tree(data);
                List<int[]> drawn = new ArrayList<>();
                int g = tree.size();
                for (int k = 0; k < g; k++) {
                    List<int[]> items = tree.get(rng.nextInt(g));
                    int m = items.size();
                    for (int j = 0; j < m; j++) {
                        int[] repeats = items.get(rng.nextInt(m));
                        int[] pick = new int[repeats.length];
                        for (int r = 0; r < repeats.length; r++) {
                            pick[r] = repeats[rng.nextInt(repeats.length)];
                        }
                        drawn.add(pick);
                    }
                }
                return Hierarchy.concat(drawn);
            }

            @Override
            public String name() {
                return "hierarchical";
            }

            @Override
            public List<int[]> jackknifeUnits(Observations data) {
                return Hierarchy.groups(data, "hierarchical");
            }
        };
    }

    /**
     * The residual bootstrap of a fit: y*ᵢ = ĝᵢ + e*ᵢ/√wᵢ in the fit's space (ln y in log space), where e*
     * are drawn with replacement from the weighted residuals √wⱼ·rⱼ, centred and multiplied by √(n/dof)
     * so their spread matches the unbiased noise estimate.
     *
     * @param fit the fit whose fitted values and residuals are used
     * @return the resampler (for the data of that fit)
     */
    static Resampler residuals(Fit fit) {
        double[] pool = Noise.pool(fit);
        return new Resampler() {
            @Override
            public Observations resample(Observations data, SplittableRandom rng) {
                double[] g = Noise.fitted(fit, data);
                double[] y = new double[g.length];
                for (int i = 0; i < g.length; i++) {
                    double e = pool[rng.nextInt(pool.length)] / Math.sqrt(data.weight(i));
                    y[i] = fit.space().response(g[i] + e);
                }
                return data.withResponse(y);
            }

            @Override
            public String name() {
                return "residuals";
            }
        };
    }

    /**
     * The parametric bootstrap of a fit: y*ᵢ = ĝᵢ + σ̂·zᵢ/√wᵢ in the fit's space with z standard normal and
     * σ̂² = RSS/dof (σ̂ = 1 when the weights are inverse variances from given sigmas).
     *
     * @param fit the fit whose fitted values and noise level are used
     * @return the resampler (for the data of that fit)
     */
    static Resampler parametric(Fit fit) {
        double sigma = Noise.sigma(fit);
        return new Resampler() {
            @Override
            public Observations resample(Observations data, SplittableRandom rng) {
                double[] g = Noise.fitted(fit, data);
                double[] y = new double[g.length];
                for (int i = 0; i < g.length; i++) {
                    y[i] = fit.space().response(g[i] + sigma * rng.nextGaussian() / Math.sqrt(data.weight(i)));
                }
                return data.withResponse(y);
            }

            @Override
            public String name() {
                return "parametric";
            }
        };
    }

    /**
     * A resampler by the name the command line uses.
     *
     * @param name {@code rows}, {@code groups}, {@code hierarchical}, {@code residuals} or {@code parametric}
     * @param fit  the fit (the residual and parametric plans need it)
     * @return the resampler
     * @throws InvalidDataException for an unknown name, or a plan the data cannot support
     */
    static Resampler named(String name, Fit fit) {
        Observations data = fit.data();
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "rows" -> rows();
            case "groups" -> {
                if (!data.hasGroups()) {
                    throw new InvalidOptionException(OptionKey.RESAMPLE.with("groups") + " needs a group column (" + OptionKey.GROUP.with("COLUMN") + ")");
                }
                yield groups();
            }
            case "hierarchical" -> {
                if (!data.hasGroups() || !data.hasItems()) {
                    throw new InvalidOptionException(OptionKey.RESAMPLE.with("hierarchical") + " needs " + OptionKey.GROUP.with("COLUMN") + " and " + OptionKey.ITEM.with("COLUMN"));
                }
                yield hierarchical();
            }
            case "residuals" -> residuals(fit);
            case "parametric" -> parametric(fit);
            default -> throw new InvalidOptionException("unknown " + OptionKey.RESAMPLE.label() + " \"" + name
                    + "\": use rows, groups, hierarchical, residuals or parametric");
        };
    }
}
