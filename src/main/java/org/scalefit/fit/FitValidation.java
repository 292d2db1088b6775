package org.scalefit.fit;

import java.util.List;
import java.util.Map;
import org.scalefit.InvalidDataException;
import org.scalefit.InvalidOptionException;
import org.scalefit.OptionKey;
import org.scalefit.Place;
import org.scalefit.data.Observations;
import org.scalefit.model.Law;
import org.scalefit.model.ParameterDomain;
import org.scalefit.model.Space;

/**
 * The checks a fit makes before any optimiser runs: the data against the law and the residual space (naming
 * the row and column of a value that cannot be used) and the options against the law (parameter names,
 * fixed values inside their bounds and domains, a start grid meant for another law).
 */
final class FitValidation {
    private static final List<String> HOFFMANN_PARAMETERS = List.of("E", "A", "B", "alpha", "beta");

    private FitValidation() {
    }

    static void validate(Law law, Observations data, FitOptions options, Space space) {
        List<String> params = law.parameters();
        if (data.predictorCount() != law.predictors().size()) {
            throw new InvalidDataException(law.name() + " needs " + law.predictors().size() + " predictor(s) ("
                    + String.join(", ", law.predictors()) + "), the data have " + data.predictorCount());
        }
        checkNames(options.startValues(), OptionKey.START, law);
        checkNames(options.bounds(), OptionKey.BOUND, law);
        checkNames(options.fixed(), OptionKey.FIX, law);
        int free = 0;
        for (String p : params) {
            if (!options.fixed().containsKey(p)) {
                free++;
            }
        }
        if (free == 0) {
            throw new InvalidDataException("every parameter of " + law.name() + " is fixed: nothing to fit");
        }
        int n = data.size();
        int need = Math.max(free, law.minimumPoints() - (params.size() - free));
        if (n < need) {
            throw new InvalidDataException(law.name() + " has " + free + " free parameters but " + data.source()
                    + " has only " + n + " point" + (n == 1 ? "" : "s") + ": need at least " + need);
        }
        if (options.starts().name().equals(Starts.HOFFMANN_GRID) && !params.equals(HOFFMANN_PARAMETERS)) {
            throw new InvalidOptionException(OptionKey.STARTS.with(Starts.HOFFMANN_GRID) + " is Hoffmann et al.'s grid for the chinchilla "
                    + "law (E, A, B, alpha, beta); " + law.name() + " has parameters " + String.join(", ", params));
        }
        for (int k = 0; k < data.predictorCount(); k++) {
            if (!law.requiresPositive(k)) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                if (!(data.x(k, i) > 0)) {
                    throw new InvalidDataException(law.name() + " fit needs " + law.predictors().get(k) + " > 0: "
                            + data.where(i, data.predictorColumn(k)) + " is " + data.x(k, i),
                            new Place(data.source(), data.row(i), data.predictorColumn(k), String.valueOf(data.x(k, i))));
                }
            }
        }
        if (space.needsPositive()) {
            for (int i = 0; i < n; i++) {
                if (!(data.y(i) > 0)) {
                    throw new InvalidDataException("fitting in log space needs " + data.responseColumn() + " > 0: "
                            + data.where(i, data.responseColumn()) + " is " + data.y(i)
                            + " (use " + OptionKey.SPACE.with("linear") + " to fit in linear space)",
                            new Place(data.source(), data.row(i), data.responseColumn(), String.valueOf(data.y(i))));
                }
            }
        }
        boolean allEqual = true;
        for (int i = 1; i < n && allEqual; i++) {
            allEqual = data.y(i) == data.y(0);
        }
        if (allEqual && n > 1) {
            throw new InvalidDataException("all " + n + " values of \"" + data.responseColumn() + "\" in " + data.source()
                    + " are equal (" + data.y(0) + "): there is no trend to fit");
        }
        for (Map.Entry<String, Double> e : options.fixed().entrySet()) {
            Bound b = options.bounds().get(e.getKey());
            if (b != null && !b.contains(e.getValue())) {
                throw new InvalidOptionException(OptionKey.FIX.with(e.getKey() + "=" + e.getValue()) + " lies outside its bound " + b);
            }
            int j = params.indexOf(e.getKey());
            if (law.domain(j) == ParameterDomain.POSITIVE && !(e.getValue() > 0)) {
                throw new InvalidOptionException(OptionKey.FIX.with(e.getKey() + "=" + e.getValue()) + ": " + e.getKey() + " must be > 0");
            }
        }
    }

    private static void checkNames(Map<String, ?> map, OptionKey option, Law law) {
        if (map.isEmpty()) {
            return;
        }
        for (String name : map.keySet()) {
            if (!law.parameters().contains(name)) {
                throw new InvalidOptionException("unknown parameter \"" + name + "\" in " + option.noun() + "; " + law.name()
                        + " has parameters " + String.join(", ", law.parameters()));
            }
        }
    }
}
