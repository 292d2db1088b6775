package org.scalefit.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scalefit.InvalidDataException;

/**
 * The talk's figures, in the order {@code scalefit reproduce} draws them.
 *
 * <pre>{@code
 * for (Reproduction r : Reproductions.all()) {
 *     FigureResult result = r.run(Datasets.locate());
 * }
 * }</pre>
 */
public final class Reproductions {
    private Reproductions() {
    }

    /** @return every figure */
    public static List<Reproduction> all() {
        return List.of(new KaplanReproduction(), new HorizonReproduction(), new HexReproduction(),
                new IsoFlopReproduction(), new GadreDownstreamReproduction(), new OlmoLadderReproduction(),
                new ComputeTrendReproduction(), new EpochLikelihoodReproduction());
    }

    /**
     * @param ids figure ids or unambiguous prefixes (e.g. {@code kaplan}, {@code metr})
     * @return the matching figures, in the usual order
     * @throws InvalidDataException naming an id that matches none
     */
    public static List<Reproduction> select(List<String> ids) {
        if (ids.isEmpty()) {
            return all();
        }
        List<Reproduction> out = new ArrayList<>();
        for (String id : ids) {
            String key = id.trim().toLowerCase(Locale.ROOT);
            List<Reproduction> hits = all().stream().filter(r -> r.id().startsWith(key)).toList();
            if (hits.size() != 1) {
                throw new InvalidDataException((hits.isEmpty() ? "unknown" : "ambiguous") + " figure \"" + id
                        + "\"; figures are " + String.join(", ", all().stream().map(Reproduction::id).toList()));
            }
            if (!out.contains(hits.get(0))) {
                out.add(hits.get(0));
            }
        }
        List<Reproduction> ordered = new ArrayList<>();
        for (Reproduction r : all()) {
            for (Reproduction o : out) {
                if (o.id().equals(r.id())) {
                    ordered.add(o);
                }
            }
        }
        return ordered;
    }
}
