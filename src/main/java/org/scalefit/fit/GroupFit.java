package org.scalefit.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.scalefit.InvalidDataException;
import org.scalefit.InvalidOptionException;
import org.scalefit.OptionKey;
import org.scalefit.ScalefitException;
import org.scalefit.data.Group;
import org.scalefit.data.Observations;
import org.scalefit.model.Law;
import org.scalefit.stats.Parallel;

/**
 * One group of a sweep fitted on its own ({@code scalefit fit --by COLUMN}): the group's keys, its row of the
 * compact table ({@link GroupRow}), and either its {@link Fit} (when asked for) or why it could not be fitted.
 * {@link #fitEach} fits every group of a data set separately, in parallel; {@link #of(Group, Function, FitOptions,
 * List, boolean)} fits one group of a file read group by group ({@link org.scalefit.data.GroupedReader}), which
 * is what a streamed sweep ({@link Sweep}) does for each. A group that fails is reported in its own entry and
 * the others still fit.
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
    private final List<String> keys;
    private final Fit fit;
    private final GroupRow row;

    private GroupFit(List<String> keys, Fit fit, GroupRow row) {
        this.keys = List.copyOf(keys);
        this.fit = fit;
        this.row = row;
    }

    /** @return the group's label: its key, or its keys joined by ", " when there are several */
    public String group() {
        return String.join(", ", keys);
    }

    /** @return the group's keys, in the key columns' order */
    public List<String> keys() {
        return keys;
    }

    /** @return the fit, or empty when the group could not be fitted or only its row was computed */
    public Optional<Fit> fit() {
        return Optional.ofNullable(fit);
    }

    /** @return the group's row of the compact table (a failed group's row carries its reason) */
    public GroupRow row() {
        return row;
    }

    /** @return the one-line reason the group could not be fitted, or empty */
    public Optional<String> error() {
        return error(null);
    }

    /**
     * @param optionNames a front end's name of each option the message mentions, or null for the library's words
     * @return why this group has no fit, if it has none
     */
    public Optional<String> error(Function<OptionKey, String> optionNames) {
        return row.error(optionNames);
    }

    /**
     * @return true when the group's data could not be used (too few points, values outside the law's
     *         domain, a cell that is not a number: {@link InvalidDataException}), false when the fit itself
     *         failed or succeeded
     */
    public boolean invalidData() {
        return row.invalidData();
    }

    /** @return true when the group was fitted and its fit converged */
    public boolean succeeded() {
        return row.error(null).isEmpty() && row.converged();
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
     * @return one entry per group, each with its {@link Fit}
     * @throws InvalidDataException when the data have no group labels
     */
    public static List<GroupFit> fitEach(Observations data, Function<Observations, Law> law, FitOptions options,
                                         int threads) {
        Map<String, Observations> groups = split(data);
        List<String> keys = new ArrayList<>(groups.keySet());
        List<Observations> values = new ArrayList<>(groups.values());
        FitOptions single = singleThreaded(options);
        GroupFit[] out = new GroupFit[keys.size()];
        Parallel.forEach(threads, out.length, g -> out[g] = of(Group.of(g, List.of(keys.get(g)), values.get(g)), law,
                single, null, true));
        return List.of(out);
    }

    /**
     * Fits one group: its {@link Fit} and row, or with {@code full} false only its row, computed by the lean path
     * (the same numbers, bit for bit, without building a {@code Fit}: a sweep's table needs no more).
     *
     * @param group      the group (a group whose data could not be read fails with that reason)
     * @param law        the law for the group's observations
     * @param options    the fit options (the group is fitted on one thread: groups are the parallel work)
     * @param parameters the law's parameter names, for the row of a group whose data could not be read (null:
     *                   taken from the law when it can be made)
     * @param full       whether to build the {@link Fit}
     * @return the group's result; never throws for a problem of the group's data or fit
     */
    public static GroupFit of(Group group, Function<Observations, Law> law, FitOptions options, List<String> parameters,
                              boolean full) {
        List<String> keys = group.keys();
        if (group.error().isPresent()) {
            return failed(keys, parameters, group.rows(), group.error().get(), true);
        }
        Observations data = group.data().orElseThrow();
        List<String> names = parameters;
        try {
            Law l = law.apply(data);
            names = l.parameters();
            FitOptions single = singleThreaded(options);
            if (full) {
                Fit f = Fitter.fit(l, data, single);
                return new GroupFit(keys, f, GroupRow.of(keys, f));
            }
            return new GroupFit(keys, null, Fitter.row(keys, l, data, single));
        } catch (InvalidDataException e) {
            return failed(keys, names, data.size(), e, true);
        } catch (ScalefitException e) {
            return failed(keys, names, data.size(), e, false);
        }
    }

    private static GroupFit failed(List<String> keys, List<String> parameters, int rows, ScalefitException e,
                                   boolean invalidData) {
        List<String> names = parameters == null ? List.of() : parameters;
        return new GroupFit(keys, null, GroupRow.failed(keys, names, rows, e.template(), invalidData));
    }

    /** @return the options on one thread (groups are the parallel work, and a fit never depends on threads) */
    static FitOptions singleThreaded(FitOptions options) {
        return options.threads() == 1 ? options : options.toBuilder().threads(1).build();
    }

    @Override
    public String toString() {
        return "GroupFit" + keys + (fit != null ? " " + fit : " " + row);
    }
}
