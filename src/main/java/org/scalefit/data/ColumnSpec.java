package org.scalefit.data;

import java.util.List;
import org.scalefit.InvalidDataException;

/**
 * A predictor read from one column, under the name a law uses for it: {@code N=params} reads
 * column {@code params} as predictor {@code N}; {@code compute} reads column {@code compute} as
 * predictor {@code compute}.
 *
 * <pre>{@code
 * ColumnSpec n = ColumnSpec.parse("N=params");   // name "N", column "params"
 * ColumnSpec c = ColumnSpec.parse("compute");    // name and column "compute"
 * }</pre>
 *
 * @param name   the predictor name, an identifier (letters, digits, {@code _}, not starting with a digit)
 * @param column the column of the table, not blank
 */
public record ColumnSpec(String name, String column) implements PredictorSpec {
    /**
     * @param name   the predictor name, an identifier
     * @param column the column of the table
     * @throws InvalidDataException if the name is not an identifier or the column is blank
     */
    public ColumnSpec {
        if (name == null || !PredictorSpec.isIdentifier(name)) {
            String shown = name == null ? "null" : Cells.quote(name);
            String hint = column != null && column.equals(name) ? " (give one: x=" + Cells.escape(column) + ")" : "";
            throw new InvalidDataException(shown + " is not a valid name: use letters, digits and _,"
                    + " not starting with a digit" + hint);
        }
        if (column == null || column.isBlank()) {
            throw new InvalidDataException("predictor \"" + name + "\" names no column");
        }
    }

    /**
     * Parses {@code NAME=COLUMN} or {@code COLUMN}; spaces around either part are ignored. A bare column whose
     * header is not an identifier ({@code Seen Examples}) is read as it is, named by {@link #nameFor}.
     *
     * <pre>{@code
     * ColumnSpec.parse(" N = params ");   // ColumnSpec[name=N, column=params]
     * ColumnSpec.parse("N-1=params");     // throws: "N-1" is not a valid name: ...
     * ColumnSpec.parse("Seen Examples");  // ColumnSpec[name=Seen_Examples, column=Seen Examples]
     * }</pre>
     *
     * @param text the spec
     * @return the spec
     * @throws InvalidDataException if a part is missing or the name is not an identifier
     */
    public static ColumnSpec parse(String text) {
        String t = text.strip();
        int eq = t.indexOf('=');
        if (eq < 0) {
            if (t.isEmpty()) {
                throw new InvalidDataException("empty column spec; write NAME=COLUMN or COLUMN, e.g. N=params");
            }
            // A column named as a header writes it ("Seen Examples"): read it as it is, under a name a formula can use.
            return new ColumnSpec(PredictorSpec.isIdentifier(t) ? t : nameFor(t), t);
        }
        String name = t.substring(0, eq).strip();
        String column = t.substring(eq + 1).strip();
        if (name.isEmpty()) {
            throw new InvalidDataException("no name before \"=\" in " + Cells.quote(t) + "; write NAME=COLUMN, e.g. N=params");
        }
        if (column.isEmpty()) {
            throw new InvalidDataException("no column after \"=\" in " + Cells.quote(t) + "; write NAME=COLUMN, e.g. N=params");
        }
        return new ColumnSpec(name, column);
    }

    /**
     * A predictor name for a column whose header is not an identifier: every run of other characters becomes
     * {@code _} ({@code Seen Examples} → {@code Seen_Examples}, {@code 2nd run} → {@code _2nd_run}).
     *
     * <pre>{@code
     * String name = ColumnSpec.nameFor("C4 Eval Loss");   // "C4_Eval_Loss"
     * }</pre>
     *
     * @param column the column's header
     * @return an identifier
     */
    public static String nameFor(String column) {
        String name = column.strip().replaceAll("[^\\p{L}\\p{N}_]+", "_").replaceAll("^_+|_+$", "");
        if (name.isEmpty()) {
            return "x";
        }
        return Character.isLetter(name.charAt(0)) ? name : "_" + name;
    }

    /** @return the one column, {@code [column]} */
    @Override
    public List<String> columns() {
        return List.of(column);
    }

    /** @return the column name */
    @Override
    public String describe() {
        return column;
    }

    /** @return {@code NAME=COLUMN}, or {@code COLUMN} when they are the same */
    @Override
    public String toString() {
        return name.equals(column) ? column : name + "=" + column;
    }
}
