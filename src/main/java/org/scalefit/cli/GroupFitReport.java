package org.scalefit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.scalefit.Numbers;
import org.scalefit.TextTable;
import org.scalefit.fit.Fit;
import org.scalefit.fit.GroupFit;

/**
 * The output of {@code scalefit fit --by COLUMN}: one row (text) or one object (JSON) per group, a group
 * that could not be fitted carrying its error instead of a fit.
 *
 * <pre>{@code
 * GroupFitReport r = new GroupFitReport("set", GroupFit.fitEach(data, d -> law, options, 4), List.of());
 * System.out.print(r.table());
 * }</pre>
 */
final class GroupFitReport {
    private final String column;
    private final List<GroupFit> groups;
    private final List<Double> targets;

    GroupFitReport(String column, List<GroupFit> groups, List<Double> targets) {
        this.column = column;
        this.groups = groups;
        this.targets = targets;
    }

    /** @return groups whose fit failed, could not be run, or did not converge */
    long failed() {
        return groups.stream().filter(g -> g.fit().map(f -> !f.converged()).orElse(true)).count();
    }

    /** @return the first failed group with its reason, for the one-line note on stderr */
    String firstFailure() {
        for (GroupFit g : groups) {
            if (g.error(Flags::of).isPresent()) {
                return column + " " + g.group() + ": " + g.error(Flags::of).get();
            }
            if (!g.fit().get().converged()) {
                return column + " " + g.group() + ": did not converge: " + g.fit().get().convergenceReason();
            }
        }
        return "";
    }

    /** @return {@code {"by": COLUMN, "n_groups", "failed", "groups": [{"group": KEY, ...fit...} | {"group", "error"}]}} */
    ObjectNode json(ObjectNode dataSpec) {
        ObjectNode o = Json.object();
        o.put("by", column);
        o.put("n_groups", groups.size());
        o.put("failed", failed());
        ArrayNode arr = o.putArray("groups");
        for (GroupFit g : groups) {
            ObjectNode row = Json.object();
            row.put("group", g.group());
            if (g.fit().isPresent()) {
                ObjectNode fit = new FitReport(g.fit().get(), targets).json();
                ((ObjectNode) fit.get("data")).set("spec", dataSpec);
                row.setAll(fit);
            } else {
                row.put("error", g.error(Flags::of).orElse(""));
                row.put("exit_code", g.invalidData() ? Main.BAD_INPUT : Main.FIT_FAILED);
            }
            arr.add(row);
        }
        return o;
    }

    /** @return one line per group: label, n, each parameter, R², and the status */
    String table() {
        List<String[]> rows = new ArrayList<>();
        List<String> names = null;
        for (GroupFit g : groups) {
            if (g.fit().isPresent()) {
                names = g.fit().get().parameterNames();
                break;
            }
        }
        List<String> header = new ArrayList<>(List.of(column, "n"));
        if (names != null) {
            header.addAll(names);
        }
        header.add("R²");
        // The status is words of any length: written after the aligned columns, not right-aligned among them (a
        // failed group's long reason would push every "ok" 150 blanks to the right).
        List<String> status = new ArrayList<>(List.of("status"));
        rows.add(header.toArray(new String[0]));
        for (GroupFit g : groups) {
            List<String> row = new ArrayList<>();
            row.add(g.group());
            if (g.fit().isPresent()) {
                Fit f = g.fit().get();
                row.add(Integer.toString(f.n()));
                for (double v : f.values()) {
                    row.add(Numbers.format(v, 5));
                }
                row.add(Numbers.format(f.r2(), 4));
                status.add(f.converged() ? (f.warnings().isEmpty() ? "ok" : "ok, " + f.warnings().size() + " warning"
                        + (f.warnings().size() == 1 ? "" : "s")) : "not converged");
            } else {
                row.add("");
                for (int k = 0; names != null && k < names.size(); k++) {
                    row.add("");
                }
                row.add("");
                status.add("failed: " + g.error(Flags::of).orElse(""));
            }
            rows.add(row.toArray(new String[0]));
        }
        String[] lines = TextTable.align(rows, "").split("\n");
        int width = 0;
        for (String l : lines) {
            width = Math.max(width, l.codePointCount(0, l.length()));
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            out.append(l).append(" ".repeat(width - l.codePointCount(0, l.length()) + 3)).append(status.get(i)).append('\n');
        }
        return out.toString();
    }
}
