package org.scalefit.uncertainty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalefit.InvalidOptionException;
import org.scalefit.OptionKey;
import org.scalefit.data.Observations;

/** Index bookkeeping for the grouped and hierarchical plans. */
final class Hierarchy {
    private Hierarchy() {
    }

    /** Row indices of each group, groups in order of first appearance. */
    static List<int[]> groups(Observations data, String plan) {
        if (!data.hasGroups()) {
            throw new InvalidOptionException("the " + plan + " bootstrap needs group labels (" + OptionKey.GROUP.with("COLUMN") + ")");
        }
        Map<String, List<Integer>> map = new LinkedHashMap<>();
        for (int i = 0; i < data.size(); i++) {
            map.computeIfAbsent(data.group(i).orElseThrow(), k -> new ArrayList<>()).add(i);
        }
        List<int[]> out = new ArrayList<>(map.size());
        for (List<Integer> rows : map.values()) {
            out.add(rows.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    /** For each group (first appearance order), for each item in it, the row indices. */
    static List<List<int[]>> tree(Observations data) {
        Map<String, Map<String, List<Integer>>> map = new LinkedHashMap<>();
        for (int i = 0; i < data.size(); i++) {
            map.computeIfAbsent(data.group(i).orElseThrow(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(data.item(i).orElseThrow(), k -> new ArrayList<>()).add(i);
        }
        List<List<int[]>> out = new ArrayList<>(map.size());
        for (Map<String, List<Integer>> items : map.values()) {
            List<int[]> level = new ArrayList<>(items.size());
            for (List<Integer> rows : items.values()) {
                level.add(rows.stream().mapToInt(Integer::intValue).toArray());
            }
            out.add(level);
        }
        return out;
    }

    static int[] concat(List<int[]> parts) {
        int n = 0;
        for (int[] p : parts) {
            n += p.length;
        }
        int[] out = new int[n];
        int k = 0;
        for (int[] p : parts) {
            System.arraycopy(p, 0, out, k, p.length);
            k += p.length;
        }
        return out;
    }
}
