package org.scalefit.horizon;

import java.util.Objects;
import org.scalefit.InvalidDataException;

/**
 * Which fields of a run file hold what. The defaults read METR's published run files as they are:
 * {@code alias} is the model (agent), {@code task_id} the task, {@code task_family} its family,
 * {@code human_minutes} the task's length and {@code score_binarized} (or, when a file has no such
 * field, {@code score_cont}) the score in [0, 1]; rows whose model is {@code human} are human
 * baselines and are counted but not fitted.
 *
 * <pre>{@code
 * RunColumns metr = RunColumns.metr();
 * RunColumns mine = RunColumns.metr().withModel("agent").withScore("success");
 * }</pre>
 *
 * @param model      the model (agent) field
 * @param task       the task id field
 * @param family     the task family field (the top level of the hierarchical bootstrap); a run
 *                   without it is its own task's family
 * @param minutes    the task length in minutes (human time), &gt; 0
 * @param score      the score field, or null for "{@code score_binarized}, else {@code score_cont}"
 * @param humanAlias the model name that marks human baseline rows, or null to fit every row
 */
public record RunColumns(String model, String task, String family, String minutes, String score, String humanAlias) {
    /** The default score field. */
    public static final String SCORE_BINARIZED = "score_binarized";
    /** The score field used when a file has no {@value #SCORE_BINARIZED}. */
    public static final String SCORE_CONTINUOUS = "score_cont";

    /**
     * Checks that every field name is given.
     *
     * @param model      the model (agent) field
     * @param task       the task id field
     * @param family     the task family field (the top level of the hierarchical bootstrap); a run
     *                   without it is its own task's family
     * @param minutes    the task length in minutes (human time), &gt; 0
     * @param score      the score field, or null for "{@code score_binarized}, else {@code score_cont}"
     * @param humanAlias the model name that marks human baseline rows, or null to fit every row
     * @throws InvalidDataException if a component is outside its domain (the message says which)
     * @throws NullPointerException if a required component is null
     */
    public RunColumns {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(minutes, "minutes");
        for (String name : new String[] {model, task, family, minutes}) {
            if (name.isBlank()) {
                throw new InvalidDataException("a run field name must not be empty");
            }
        }
        if (score != null && score.isBlank()) {
            throw new InvalidDataException("a run field name must not be empty");
        }
    }

    /** @return METR's field names: alias, task_id, task_family, human_minutes, score_binarized/score_cont, human */
    public static RunColumns metr() {
        return new RunColumns("alias", "task_id", "task_family", "human_minutes", null, "human");
    }

    /**
     * @param name the model field
     * @return a copy reading the model from {@code name}
     */
    public RunColumns withModel(String name) {
        return new RunColumns(name, task, family, minutes, score, humanAlias);
    }

    /**
     * @param name the task id field
     * @return a copy reading the task from {@code name}
     */
    public RunColumns withTask(String name) {
        return new RunColumns(model, name, family, minutes, score, humanAlias);
    }

    /**
     * @param name the task family field
     * @return a copy reading the family from {@code name}
     */
    public RunColumns withFamily(String name) {
        return new RunColumns(model, task, name, minutes, score, humanAlias);
    }

    /**
     * @param name the task length field (minutes)
     * @return a copy reading the length from {@code name}
     */
    public RunColumns withMinutes(String name) {
        return new RunColumns(model, task, family, name, score, humanAlias);
    }

    /**
     * @param name the score field, or null for the automatic choice
     * @return a copy reading the score from {@code name}
     */
    public RunColumns withScore(String name) {
        return new RunColumns(model, task, family, minutes, name, humanAlias);
    }

    /**
     * @param alias the model name of human baseline rows, or null to keep every row
     * @return a copy with that marker
     */
    public RunColumns withHumanAlias(String alias) {
        return new RunColumns(model, task, family, minutes, score, alias);
    }
}
