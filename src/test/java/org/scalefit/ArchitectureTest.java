package org.scalefit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules of the architecture that the compiler cannot check, read from the sources: code outside
 * {@code model} asks laws for capabilities ({@code SeparableLaw}, {@code ClosedForm}, {@code PlotHints},
 * {@code timePredictor()}) instead of testing for a concrete law class.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/org/scalefit");
    private static final Pattern CONCRETE_CLASS = Pattern.compile(
            "^public (?:final |abstract )*(?:class|record|enum) (\\w+)", Pattern.MULTILINE);

    static List<Path> sources(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
    }

    /** The concrete (non-interface) public types of {@code model}: the laws and their helpers. */
    private static Set<String> concreteModelTypes() throws IOException {
        Set<String> names = new TreeSet<>();
        for (Path p : sources(MAIN.resolve("model"))) {
            Matcher m = CONCRETE_CLASS.matcher(Files.readString(p, StandardCharsets.UTF_8));
            if (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    @Test
    void noConcreteLawChecksOutsideModel() throws IOException {
        Set<String> concrete = concreteModelTypes();
        assertTrue(concrete.containsAll(List.of("PowerLaw", "ChinchillaLaw", "DoublingTrend", "SuperexponentialTrend")),
                concrete.toString());
        Pattern check = Pattern.compile("instanceof\\s+(?:org\\.scalefit\\.model\\.)?(\\w+)|\\b(\\w+)\\.class\\b");
        List<String> found = new ArrayList<>();
        for (Path p : sources(MAIN)) {
            if (p.startsWith(MAIN.resolve("model"))) {
                continue;
            }
            String text = Files.readString(p, StandardCharsets.UTF_8);
            Matcher m = check.matcher(text);
            while (m.find()) {
                String type = m.group(1) != null ? m.group(1) : m.group(2);
                if (concrete.contains(type)) {
                    found.add(MAIN.relativize(p) + ": " + m.group());
                }
            }
        }
        assertEquals(List.of(), found, "ask the law for a capability instead of checking its class");
    }

    /**
     * ARCHITECTURE.md: "Commons Math distributions are used only by {@code stats}" — one owner for every quantile
     * and tail probability ({@code Quantiles}), so that each is tested once against SciPy. The classes of
     * {@code org.apache.commons.math3.distribution} and {@code .special} appear nowhere else in the library.
     */
    @Test
    void commonsMathDistributionsOnlyInStats() throws IOException {
        Pattern use = Pattern.compile("org\\.apache\\.commons\\.math3\\.(?:distribution|special)\\.\\w+");
        List<String> found = new ArrayList<>();
        for (Path p : sources(MAIN)) {
            if (p.startsWith(MAIN.resolve("stats"))) {
                continue;
            }
            Matcher m = use.matcher(Files.readString(p, StandardCharsets.UTF_8));
            while (m.find()) {
                found.add(MAIN.relativize(p) + ": " + m.group());
            }
        }
        assertEquals(List.of(), found, "ask org.scalefit.stats.Quantiles instead");
    }

    /**
     * The library never speaks of command-line flags: no string literal outside {@code cli} holds a
     * {@code --flag}; messages refer to options through {@link OptionKey} and the command line names them.
     */
    @Test
    void noFlagNamesInLibraryStrings() throws IOException {
        Pattern literal = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
        Pattern flag = Pattern.compile("--[a-z]");
        List<String> found = new ArrayList<>();
        int scanned = 0;
        for (Path p : sources(MAIN)) {
            if (p.startsWith(MAIN.resolve("cli"))) {
                continue;
            }
            scanned++;
            List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).trim();
                if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
                    continue;
                }
                Matcher m = literal.matcher(line);
                while (m.find()) {
                    if (flag.matcher(m.group()).find()) {
                        found.add(MAIN.relativize(p) + ":" + (i + 1) + ": " + m.group());
                    }
                }
            }
        }
        assertTrue(scanned > 150, "scanned only " + scanned + " files");
        assertEquals(List.of(), found, "name options through OptionKey; the command line renders them as flags");
    }

    @Test
    void optionReferencesReadInTheLibrarysWordsAndAsFlags() {
        String text = "unknown parameter \"zzz\" in " + OptionKey.FIX.noun() + "; use " + OptionKey.SPACE.with("linear");
        assertEquals("unknown parameter \"zzz\" in the fixed parameters; use space linear", OptionKey.plain(text));
        assertEquals("unknown parameter \"zzz\" in --fix; use --space linear",
                OptionKey.render(text, k -> "--" + k.name().toLowerCase(java.util.Locale.ROOT)));
        assertEquals(List.of(OptionKey.FIX, OptionKey.SPACE), OptionKey.referencedIn(text));
    }
}
