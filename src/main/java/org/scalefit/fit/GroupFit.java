package org.scalefit.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.scalefit.FitFailedException;
import org.scalefit.InvalidDataException;
import org.scalefit.InvalidOptionException;
import org.scalefit.OptionKey;
import org.scalefit.ScalefitException;
import org.scalefit.data.Observations;
import org.scalefit.model.Law;
import org.scalefit.stats.Parallel;

/**
 * One group of a sweep fitted on its own ({@code scalefit fit --by COLUMN}): the group's label and either
 * its {@link Fit} or why it could not be fitted. {@link #fitEach} fits every group of a data set
 * separately, in parallel; a group that fails is reported in its own entry and the others still fit.
 *
 * <pre>{@code
 * Observations all = spec.load(file).observations();          // loaded with the group column as labels
 * List<GroupFit> fits = GroupFit.fitEach(all, data -> new PowerLaw(), FitOptions.defaults(), 4);
 * for (GroupFit g : fits) {
 *     System.out.println(g.group() + " " + g.fit().map(f -> f.value("alpha")).orElse(Double.NaN));
 * }
 * }</pre>
 */
public final class GroupFit {
    private final String group;
    private final Fit fit;
    private final String error;
    private final boolean invalidData;

    private GroupFit(String group, Fit fit, String error, boolean invalidData) {
        this.group = group;
        this.fit = fit;
        this.error = error;
        this.invalidData = invalidData;
    }

    /** @return the group's label */
    public String group() {
        return group;
    }

    /** @return the fit, or empty when the group could not be fitted */
    public Optional<Fit> fit() {
        return Optional.ofNullable(fit);
    }

    /** @return the one-line reason the group could not be fitted, or empty */
    public Optional<String> error() {
        return error(null);
    }

    /**
     * @param optionNames a front end's name of each option the message mentions, or null for the library's words
     * @return why this group has no fit, if it has none
     */
    public Optional<String> error(java.util.function.Function<org.scalefit.OptionKey, String> optionNames) {
        return Optional.ofNullable(error).map(e -> org.scalefit.OptionKey.render(e, optionNames));
    }

    /**
     * @return true when the group's data could not be used (too few points, values outside the law's
     *         domain: {@link InvalidDataException}), false when the fit itself failed or succeeded
     */
    public boolean invalidData() {
        return invalidData;
    }

    /**
     * Splits observations by their group labels, in order of first appearance.
     *
     * @param data observations with group labels
     * @return label → the group's observations
     * @throws InvalidDataException when the data have no group labels
     */
    public static Map<String, Observations> split(Observations data) {
        if (!data.hasGroups()) {
            throw new InvalidOptionException("fitting each group separately needs group labels (" + OptionKey.BY.with("COLUMN") + ")");
        }
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        for (int i = 0; i < data.size(); i++) {
            rows.computeIfAbsent(data.group(i).orElse(""), k -> new ArrayList<>()).add(i);
        }
        Map<String, Observations> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Integer>> e : rows.entrySet()) {
            List<Integer> list = e.getValue();
            int[] idx = new int[list.size()];
            for (int k = 0; k < idx.length; k++) {
                idx[k] = list.get(k);
            }
            out.put(e.getKey(), data.select(idx));
        }
        return out;
    }

    /**
     * Fits every group of the data separately, groups in parallel (each fit itself on one thread); the
     * entries come back in order of first appearance and do not depend on the thread count.
     *
     * @param data    observations with group labels
     * @param law     the law for a group's observations (a law may depend on its data, e.g. a reference date)
     * @param options fit options for every group; its thread count is ignored (see {@code threads})
     * @param threads worker threads over the groups
     * @return one entry per group
     * @throws InvalidDataException when the data have no group labels
     */
    public static List<GroupFit> fitEach(Observations data, Function<Observations, Law> law, FitOptions options,
                                         int threads) {
        Map<String, Observations> groups = split(data);
        List<String> keys = new ArrayList<>(groups.keySet());
        List<Observations> values = new ArrayList<>(groups.values());
        FitOptions single = options.threads() == 1 ? options : options.toBuilder().threads(1).build();
        GroupFit[] out = new GroupFit[keys.size()];
        Parallel.forEach(threads, out.length, g -> out[g] = fitOne(keys.get(g), values.get(g), law, single));
        return List.of(out);
    }

    private static GroupFit fitOne(String key, Observations data, Function<Observations, Law> law, FitOptions options) {
        try {
            return new GroupFit(key, Fitter.fit(law.apply(data), data, options), null, false);
        } catch (InvalidDataException e) {
            return new GroupFit(key, null, e.template(), true);
        } catch (FitFailedException e) {
            return new GroupFit(key, null, e.template(), false);
        } catch (ScalefitException e) {
            return new GroupFit(key, null, e.template(), false);
        }
    }
}
