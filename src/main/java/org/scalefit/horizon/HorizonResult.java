package org.scalefit.horizon;

import java.util.List;
import java.util.Optional;
import org.scalefit.InvalidDataException;
import org.scalefit.stats.Interval;

/**
 * Per-model horizons from one run file, with their bootstrap when one was run.
 *
 * <pre>{@code
 * HorizonResult r = Horizons.fit(RunReader.read(Path.of("runs.jsonl")), HorizonOptions.defaults());
 * for (ModelHorizon h : r.models()) {
 *     Interval ci = r.interval(h.model(), 0.5);
 *     System.out.printf("%s: %.1f min [%.1f, %.1f]%n", h.model(), h.p50(), ci.lower(), ci.upper());
 * }
 * }</pre>
 *
 * @param source    the run file's name
 * @param runs      model runs fitted
 * @param humanRuns human baseline rows read and left out
 * @param tasks     distinct tasks
 * @param families  distinct task families
 * @param options   the options used
 * @param models    one entry per model, in order of first appearance
 * @param bootstrap the bootstrap replicates, when options asked for them
 */
public record HorizonResult(String source, int runs, int humanRuns, int tasks, int families, HorizonOptions options,
                            List<ModelHorizon> models, Optional<HorizonBootstrap> bootstrap) {
    /**
     * Copies the list.
     *
     * @param source    the run file's name
     * @param runs      model runs fitted
     * @param humanRuns human baseline rows read and left out
     * @param tasks     distinct tasks
     * @param families  distinct task families
     * @param options   the options used
     * @param models    one entry per model, in order of first appearance
     * @param bootstrap the bootstrap replicates, when options asked for them
     */
    public HorizonResult {
        models = List.copyOf(models);
    }

    /**
     * @param name model name
     * @return its horizon
     * @throws InvalidDataException naming the models there are
     */
    public ModelHorizon model(String name) {
        for (ModelHorizon h : models) {
            if (h.model().equals(name)) {
                return h;
            }
        }
        throw new InvalidDataException("no model \"" + name + "\" in " + source + "; models are: "
                + String.join(", ", models.stream().map(ModelHorizon::model).toList()));
    }

    /**
     * The bootstrap percentile interval of a model's p-horizon at the options' confidence level.
     *
     * @param model model name
     * @param p     success probability in (0, 1)
     * @return the interval, NaN ends when no bootstrap was run
     */
    public Interval interval(String model, double p) {
        model(model);
        return bootstrap.map(b -> b.interval(model, p, options.confidenceLevel()))
                .orElse(Interval.none(options.confidenceLevel()));
    }
}
