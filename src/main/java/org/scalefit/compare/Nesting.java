package org.scalefit.compare;

import java.util.Map;
import java.util.Set;

/**
 * Which built-in laws are special cases (or limits) of which: a power law is an offset power law with
 * E = 0, a quadratic with beta = 0, a broken power law with a = 0 and c1 = 0; an offset power law is a
 * broken power law with c1 = 0; one break is two breaks with c2 = 0. Used for parsimony: when a law and
 * a law that contains it fit about equally well, the extra parameters are not supported by the data.
 */
final class Nesting {
    private static final Map<String, Set<String>> CONTAINED_IN = Map.of(
            "power-law", Set.of("offset-power-law", "quadratic", "broken-power-law", "broken-power-law-2"),
            "offset-power-law", Set.of("broken-power-law", "broken-power-law-2"),
            "broken-power-law", Set.of("broken-power-law-2"),
            "exponential", Set.of(),
            "doubling", Set.of());

    private Nesting() {
    }

    /** @return true when {@code inner} is a special case or limit of {@code outer} */
    static boolean nestedIn(String inner, String outer) {
        return CONTAINED_IN.getOrDefault(inner, Set.of()).contains(outer);
    }
}
