package org.scalefit.horizon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import org.scalefit.InvalidDataException;

/**
 * Agent runs on timed tasks, held compactly for horizon fitting: each run is a model, a task and a
 * score in [0, 1]; each task has one family and one length in human minutes. Names are interned to
 * indices and the runs are grouped by (model, task), so a million runs cost a few bytes each.
 *
 * <p>Indices follow first appearance in the input. Human baseline rows (see
 * {@link RunColumns#humanAlias()}) are counted in {@link #humanRunCount()} and not stored.
 *
 * <pre>{@code
 * Runs runs = RunReader.read(Path.of("all_runs.jsonl"));           // METR's format, no flags
 * Runs small = Runs.builder("demo")
 *         .add("model-a", "fam/task1", "fam", 4.0, 1.0)
 *         .add("model-a", "fam/task2", "fam", 60.0, 0.0)
 *         .build();
 * int models = small.modelCount();                                  // 1
 * }</pre>
 *
 * <p>Why one class of about 550 lines: the immutable run store (runs grouped per model and task in flat
 * arrays, read by the horizon fit's inner loops) and its public {@link Builder}, which callers name and
 * which fills exactly those arrays; most of the length is documented accessors. Reading runs from files is
 * {@link RunReader}'s and {@code RunJsonLines}'s job.
 */
public final class Runs {
    private final String source;
    private final String[] models;
    private final String[] tasks;
    private final String[] families;
    final int[] taskFamily;
    final double[] taskMinutes;
    /** Groups of model m are modelStart[m] ≤ g &lt; modelStart[m+1], in task order. */
    final int[] modelStart;
    final int[] groupTask;
    final int[] groupRuns;
    final double[] groupScore;
    final boolean[] groupBinary;
    /** Scores of group g are scores[groupRunStart[g] .. groupRunStart[g+1]). */
    final int[] groupRunStart;
    final double[] scores;
    private final int humanRuns;
    private final String scoreField;
    private final List<SkippedRun> skipped;
    private final List<String> notes;
    private final Map<String, Integer> modelIndex;

    private Runs(Builder b, int[] modelStart, int[] groupTask, int[] groupRuns, double[] groupScore,
                 boolean[] groupBinary, int[] groupRunStart, double[] scores) {
        this.source = b.source;
        this.models = b.models.names();
        this.tasks = b.tasks.names();
        this.families = b.families.names();
        this.taskFamily = Arrays.copyOf(b.taskFamily, tasks.length);
        this.taskMinutes = Arrays.copyOf(b.taskMinutes, tasks.length);
        this.modelStart = modelStart;
        this.groupTask = groupTask;
        this.groupRuns = groupRuns;
        this.groupScore = groupScore;
        this.groupBinary = groupBinary;
        this.groupRunStart = groupRunStart;
        this.scores = scores;
        this.humanRuns = b.humanRuns;
        this.scoreField = b.scoreField;
        this.skipped = List.copyOf(b.skipped);
        this.notes = List.copyOf(b.notes);
        Map<String, Integer> index = new HashMap<>();
        for (int m = 0; m < models.length; m++) {
            index.put(models[m], m);
        }
        this.modelIndex = Map.copyOf(index);
    }

    /**
     * Starts an in-memory collection of runs.
     *
     * @param source the name used in messages, e.g. a file name
     * @return a builder
     */
    public static Builder builder(String source) {
        return new Builder(source);
    }

    /** @return the name used in messages, normally the file name */
    public String source() {
        return source;
    }

    /** @return the model names, in order of first appearance */
    public List<String> models() {
        return List.of(models);
    }

    /** @return the number of models */
    public int modelCount() {
        return models.length;
    }

    /**
     * @param name a model name
     * @return its index, or empty when no run has that model
     */
    public OptionalInt modelIndex(String name) {
        Integer i = modelIndex.get(name);
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /**
     * @param model model index
     * @return its name
     */
    public String model(int model) {
        return models[model];
    }

    /** @return the number of tasks (over all models) */
    public int taskCount() {
        return tasks.length;
    }

    /** @return the number of task families */
    public int familyCount() {
        return families.length;
    }

    /**
     * @param task task index
     * @return the task id
     */
    public String task(int task) {
        return tasks[task];
    }

    /**
     * @param task task index
     * @return the task's length in human minutes (&gt; 0)
     */
    public double minutes(int task) {
        return taskMinutes[task];
    }

    /**
     * @param task task index
     * @return the index of the task's family
     */
    public int familyOf(int task) {
        return taskFamily[task];
    }

    /**
     * @param family family index
     * @return the family name
     */
    public String family(int family) {
        return families[family];
    }

    /** @return the number of model runs stored (human baselines excluded) */
    public int runCount() {
        return scores.length;
    }

    /**
     * @param model model index
     * @return the number of runs of that model
     */
    public int runCount(int model) {
        return groupRunStart[modelStart[model + 1]] - groupRunStart[modelStart[model]];
    }

    /**
     * @param model model index
     * @return the number of distinct tasks that model ran
     */
    public int taskCount(int model) {
        return modelStart[model + 1] - modelStart[model];
    }

    /**
     * @param model model index
     * @return the number of distinct task families that model ran
     */
    public int familyCount(int model) {
        boolean[] seen = new boolean[families.length];
        int n = 0;
        for (int g = modelStart[model]; g < modelStart[model + 1]; g++) {
            int f = taskFamily[groupTask[g]];
            if (!seen[f]) {
                seen[f] = true;
                n++;
            }
        }
        return n;
    }

    /**
     * @param model model index
     * @return the sum of that model's scores (its number of successes when scores are 0/1)
     */
    public double scoreSum(int model) {
        double s = 0;
        for (int g = modelStart[model]; g < modelStart[model + 1]; g++) {
            s += groupScore[g];
        }
        return s;
    }

    /**
     * The per-run weights of a model's runs in the logistic fit, one per run, in the order the
     * model's runs are stored (by task, then input order); they sum to 1.
     *
     * <pre>{@code
     * double[] w = runs.runWeights(0, Weighting.INVSQRT);   // METR's invsqrt_task_weight
     * }</pre>
     *
     * @param model     model index
     * @param weighting the weighting
     * @return the weights
     */
    public double[] runWeights(int model, Weighting weighting) {
        double[] gw = weighting.groupWeights(this, model);
        double[] out = new double[runCount(model)];
        int k = 0;
        for (int g = modelStart[model]; g < modelStart[model + 1]; g++) {
            for (int r = 0; r < groupRuns[g]; r++) {
                out[k++] = gw[g - modelStart[model]];
            }
        }
        return out;
    }

    /** @return the number of human baseline rows that were read and left out */
    public int humanRunCount() {
        return humanRuns;
    }

    /** @return the score field the reader used (e.g. {@code score_binarized}), or {@code score} for built runs */
    public String scoreField() {
        return scoreField;
    }

    /** @return rows left out because they were invalid (only when reading with skip-invalid) */
    public List<SkippedRun> skipped() {
        return skipped;
    }

    /** @return notes about how the input was read, e.g. a missing family field */
    public List<String> notes() {
        return notes;
    }

    @Override
    public String toString() {
        return source + ": " + runCount() + " runs of " + models.length + " models on " + tasks.length + " tasks in "
                + families.length + " families" + (humanRuns > 0 ? " (+" + humanRuns + " human baseline rows)" : "");
    }

    /**
     * A row that was left out, with the reason.
     *
     * @param line   the line (JSONL) or row (CSV) number in the file
     * @param field  the field that was wrong
     * @param reason why
     */
    public record SkippedRun(int line, String field, String reason) {
    }

    /**
     * Collects runs one at a time, checking each task's length and family for consistency, then
     * groups them. Not thread-safe.
     */
    public static final class Builder {
        private final String source;
        private final Interner models = new Interner();
        private final Interner tasks = new Interner();
        private final Interner families = new Interner();
        private int[] taskFamily = new int[64];
        private double[] taskMinutes = new double[64];
        private int[] taskLine = new int[64];
        private int[] runModel = new int[1024];
        private int[] runTask = new int[1024];
        private double[] runScore = new double[1024];
        private int size;
        private int humanRuns;
        private String scoreField = "score";
        private final List<SkippedRun> skipped = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        Builder(String source) {
            this.source = Objects.requireNonNull(source, "source");
        }

        /**
         * Adds one run.
         *
         * @param model   the model name
         * @param task    the task id
         * @param family  the task's family (null: the task is its own family)
         * @param minutes the task's length in human minutes, &gt; 0
         * @param score   the score in [0, 1]
         * @return this builder
         * @throws InvalidDataException if a value is out of range or the task was seen with another length or family
         */
        public Builder add(String model, String task, String family, double minutes, double score) {
            checkValues(minutes, score, "run " + (size + 1) + " of " + source);
            int m = models.intern(model);
            int t = internTask(task, family, minutes, size + 1, "run " + (size + 1) + " of " + source);
            append(m, t, score);
            return this;
        }

        static void checkValues(double minutes, double score, String where) {
            if (!(minutes > 0) || !Double.isFinite(minutes)) {
                throw new InvalidDataException(where + ": human minutes is " + minutes + "; task lengths must be finite and > 0");
            }
            if (!(score >= 0 && score <= 1)) {
                throw new InvalidDataException(where + ": score is " + score + "; scores must lie in [0, 1]");
            }
        }

        int internTask(CharSequence task, CharSequence family, double minutes, int line, String where) {
            int before = tasks.size();
            int t = tasks.intern(task);
            int f = families.intern(family == null ? task : family);
            if (t == before) {
                if (t == taskFamily.length) {
                    int n = t * 2;
                    taskFamily = Arrays.copyOf(taskFamily, n);
                    taskMinutes = Arrays.copyOf(taskMinutes, n);
                    taskLine = Arrays.copyOf(taskLine, n);
                }
                taskFamily[t] = f;
                taskMinutes[t] = minutes;
                taskLine[t] = line;
            } else {
                if (taskMinutes[t] != minutes) {
                    throw new InvalidDataException(where + ": task \"" + tasks.name(t) + "\" has human minutes "
                            + minutes + " here but " + taskMinutes[t] + " on line " + taskLine[t]);
                }
                if (taskFamily[t] != f) {
                    throw new InvalidDataException(where + ": task \"" + tasks.name(t) + "\" is in family \""
                            + families.name(f) + "\" here but in \"" + families.name(taskFamily[t]) + "\" on line " + taskLine[t]);
                }
            }
            return t;
        }

        int internModel(CharSequence model) {
            return models.intern(model);
        }

        void append(int model, int task, double score) {
            if (size == runModel.length) {
                int n = size * 2;
                runModel = Arrays.copyOf(runModel, n);
                runTask = Arrays.copyOf(runTask, n);
                runScore = Arrays.copyOf(runScore, n);
            }
            runModel[size] = model;
            runTask[size] = task;
            runScore[size] = score;
            size++;
        }

        void countHuman() {
            humanRuns++;
        }

        void skip(SkippedRun row) {
            skipped.add(row);
        }

        void note(String note) {
            notes.add(note);
        }

        void scoreField(String name) {
            scoreField = name;
        }

        /**
         * Groups the runs by model and task.
         *
         * @return the runs
         * @throws InvalidDataException if there are no runs
         */
        public Runs build() {
            if (size == 0) {
                throw new InvalidDataException(source + " has no model runs"
                        + (humanRuns > 0 ? " (only " + humanRuns + " human baseline rows)" : ""));
            }
            int nModels = models.size();
            int nTasks = tasks.size();
            // Two stable counting sorts (by task, then by model) order runs by (model, task, input order).
            int[] byTask = countingOrder(runTask, size, nTasks, null);
            int[] order = countingOrder(runModel, size, nModels, byTask);
            int[] modelStart = new int[nModels + 1];
            int groups = 0;
            for (int i = 0; i < size; i++) {
                int r = order[i];
                if (i == 0 || runModel[r] != runModel[order[i - 1]] || runTask[r] != runTask[order[i - 1]]) {
                    groups++;
                }
            }
            int[] groupTask = new int[groups];
            int[] groupRuns = new int[groups];
            double[] groupScore = new double[groups];
            boolean[] groupBinary = new boolean[groups];
            int[] groupRunStart = new int[groups + 1];
            double[] scores = new double[size];
            int g = -1;
            for (int i = 0; i < size; i++) {
                int r = order[i];
                if (i == 0 || runModel[r] != runModel[order[i - 1]] || runTask[r] != runTask[order[i - 1]]) {
                    g++;
                    groupTask[g] = runTask[r];
                    groupRunStart[g] = i;
                    groupBinary[g] = true;
                    modelStart[runModel[r] + 1] = g + 1;
                }
                double s = runScore[r];
                scores[i] = s;
                groupRuns[g]++;
                groupScore[g] += s;
                if (s != 0 && s != 1) {
                    groupBinary[g] = false;
                }
            }
            groupRunStart[groups] = size;
            for (int m = 1; m <= nModels; m++) {
                modelStart[m] = Math.max(modelStart[m], modelStart[m - 1]);
            }
            return new Runs(this, modelStart, groupTask, groupRuns, groupScore, groupBinary, groupRunStart, scores);
        }

        /** A stable order of the items by key; applied on top of {@code within} when given. */
        private static int[] countingOrder(int[] key, int n, int keys, int[] within) {
            int[] count = new int[keys + 1];
            for (int i = 0; i < n; i++) {
                count[key[i] + 1]++;
            }
            for (int k = 0; k < keys; k++) {
                count[k + 1] += count[k];
            }
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                int r = within == null ? i : within[i];
                out[count[key[r]]++] = r;
            }
            return out;
        }
    }

    /**
     * Maps names to dense indices; looks up a CharSequence without creating a String unless the
     * name is new, so reading a large file does not allocate per run.
     */
    static final class Interner {
        private String[] names = new String[16];
        private int[] slots = new int[32];
        private int size;

        Interner() {
            Arrays.fill(slots, -1);
        }

        int size() {
            return size;
        }

        String name(int i) {
            return names[i];
        }

        String[] names() {
            return Arrays.copyOf(names, size);
        }

        int intern(CharSequence s) {
            int h = hash(s);
            int mask = slots.length - 1;
            for (int i = h & mask; ; i = (i + 1) & mask) {
                int v = slots[i];
                if (v < 0) {
                    return insert(s.toString(), i);
                }
                if (same(names[v], s)) {
                    return v;
                }
            }
        }

        private int insert(String s, int slot) {
            if (size == names.length) {
                names = Arrays.copyOf(names, size * 2);
            }
            names[size] = s;
            slots[slot] = size;
            size++;
            if (size * 2 > slots.length) {
                rehash();
            }
            return size - 1;
        }

        private void rehash() {
            slots = new int[slots.length * 2];
            Arrays.fill(slots, -1);
            int mask = slots.length - 1;
            for (int v = 0; v < size; v++) {
                int i = hash(names[v]) & mask;
                while (slots[i] >= 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = v;
            }
        }

        private static int hash(CharSequence s) {
            int h = 0;
            for (int i = 0; i < s.length(); i++) {
                h = 31 * h + s.charAt(i);
            }
            return h ^ (h >>> 16);
        }

        private static boolean same(String a, CharSequence b) {
            if (a.length() != b.length()) {
                return false;
            }
            for (int i = 0; i < a.length(); i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
    }
}
