package org.scalefit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What javadoc's doclint cannot check: every package explains itself in a {@code package-info.java},
 * and every public top-level type shows its use in a {@code <pre>{@code ...}</pre>} example. (Missing
 * comments, {@code @param}s and broken links fail {@code mvn verify} in the javadoc run itself.)
 */
class DocumentationTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public (?:final |abstract |sealed |non-sealed )*(?:class|record|interface|enum|@interface) (\\w+)",
            Pattern.MULTILINE);

    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(MAIN)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        TreeSet<Path> packages = new TreeSet<>();
        for (Path p : sources()) {
            packages.add(p.getParent());
        }
        assertTrue(packages.size() >= 13, "found " + packages);
        List<String> missing = packages.stream().filter(d -> !Files.exists(d.resolve("package-info.java")))
                .map(Path::toString).collect(Collectors.toList());
        assertEquals(List.of(), missing);
    }

    @Test
    void everyPublicTypeHasAUsageExample() throws IOException {
        List<String> without = new ArrayList<>();
        int types = 0;
        for (Path p : sources()) {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            Matcher m = PUBLIC_TYPE.matcher(text);
            if (!m.find()) {
                continue;
            }
            types++;
            String before = text.substring(0, m.start());
            int doc = before.lastIndexOf("/**");
            if (doc < 0 || !before.substring(doc).contains("<pre>{@code")) {
                without.add(m.group(1));
            }
            assertTrue(!text.contains("@author"), p + ": no @author tags");
        }
        assertTrue(types > 150, "found only " + types + " public types");
        assertEquals(List.of(), without, "public types without a <pre>{@code ...}</pre> example");
    }
}
