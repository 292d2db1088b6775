package org.scalefit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README cannot drift: every {@code ```console} block in README.md is a transcript that this test
 * replays, command by command, in one scratch directory laid out like a fresh clone (the bundled
 * {@code datasets/} and {@code examples/}, the jar just built, and a {@code ./scalefit} that starts it
 * exactly as the launcher does), comparing each command's output (standard output and error, as a
 * terminal shows them) with the lines under it. Only timings such as {@code (8.7 s)} are masked.
 * Blocks that abbreviate output use {@code ```text} and are not replayed.
 *
 * <p>Each {@code ```java} block whose first line is {@code // examples/NAME.java} must be a verbatim
 * excerpt of that file.
 *
 * <p>After a deliberate change of output, {@code mvn -B verify -Dreadme.update=true} rewrites the
 * transcripts from the actual output (then review the diff of README.md).
 */
class ReadmeTourIT {
    private static final String CONSOLE = "```console";
    private static final Pattern TIMING = Pattern.compile("\\d+(\\.\\d+)? s\\)");

    @TempDir
    Path dir;

    @Test
    void everyConsoleBlockOfTheReadmeIsWhatTheCommandsPrint() throws Exception {
        Path root = Launch.root();
        Path readme = root.resolve("README.md");
        List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        layOut(root);
        boolean update = Boolean.getBoolean("readme.update");
        List<String> rewritten = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        int commands = 0;
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            rewritten.add(line);
            i++;
            if (!line.strip().equals(CONSOLE)) {
                continue;
            }
            int end = i;
            while (end < lines.size() && !lines.get(end).strip().equals("```")) {
                end++;
            }
            assertTrue(end < lines.size(), "unclosed console block at line " + i);
            List<Step> steps = parse(lines.subList(i, end), i + 1);
            assertFalse(steps.isEmpty(), "console block at line " + i + " has no $ command");
            for (Step s : steps) {
                commands++;
                Launch.Result r = Launch.run(dir, 600, List.of("bash", "-c", s.command));
                List<String> actual = normalise(r.output().lines().collect(Collectors.toList()));
                List<String> expected = normalise(s.expected);
                if (!mask(actual).equals(mask(expected))) {
                    mismatches.add("README.md line " + s.line + ": $ " + s.command + "\n" + diff(expected, actual));
                }
                rewritten.addAll(s.commandLines);
                rewritten.addAll(actual);
            }
            i = end;
        }
        assertTrue(commands >= 8, "the tour should run at least 8 commands, found " + commands);
        if (update && !mismatches.isEmpty()) {
            Files.write(readme, rewritten, StandardCharsets.UTF_8);
            fail("README.md rewritten from the actual output of " + mismatches.size()
                    + " command(s); review the diff and run again without -Dreadme.update");
        }
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + " README transcript(s) differ from the commands' output "
                    + "(mvn verify -Dreadme.update=true rewrites them):\n\n" + String.join("\n\n", mismatches));
        }
    }

    @Test
    void javaBlocksAreExcerptsOfTheExamples() throws Exception {
        Path root = Launch.root();
        List<String> lines = Files.readAllLines(root.resolve("README.md"), StandardCharsets.UTF_8);
        int checked = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```java") || i + 1 >= lines.size()) {
                continue;
            }
            Matcher m = Pattern.compile("// (examples/\\w+\\.java)").matcher(lines.get(i + 1).strip());
            if (!m.matches()) {
                continue;
            }
            int end = i + 2;
            while (!lines.get(end).strip().equals("```")) {
                end++;
            }
            List<String> excerpt = squash(lines.subList(i + 2, end));
            List<String> source = squash(Files.readAllLines(root.resolve(m.group(1)), StandardCharsets.UTF_8));
            assertTrue(java.util.Collections.indexOfSubList(source, excerpt) >= 0,
                    "README.md line " + (i + 1) + ": the block is not an excerpt of " + m.group(1));
            checked++;
        }
        assertTrue(checked >= 1, "no ```java block quoting an example");
    }

    /** The scratch directory: datasets and examples as in a clone, the built jar, a ./scalefit like the launcher. */
    private void layOut(Path root) throws Exception {
        Launch.copyDatasets(dir);
        Path examples = Files.createDirectories(dir.resolve("examples"));
        try (var files = Files.list(root.resolve("examples"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, examples.resolve(f.getFileName()));
            }
        }
        Files.createDirectories(dir.resolve("target"));
        Files.copy(Launch.jar(), dir.resolve("target/scalefit.jar"), StandardCopyOption.REPLACE_EXISTING);
        // The launcher builds the jar when it is stale, then runs this line; here the jar is fresh.
        String exec = Files.readAllLines(root.resolve("scalefit")).stream().filter(l -> l.startsWith("exec java "))
                .findFirst().orElseThrow(() -> new AssertionError("the launcher has no 'exec java' line"));
        Path launcher = dir.resolve("scalefit");
        Files.writeString(launcher, "#!/usr/bin/env bash\nset -euo pipefail\njar=\"$(cd \"$(dirname \"$0\")\" && pwd)/target/scalefit.jar\"\n"
                + exec + "\n");
        assertTrue(launcher.toFile().setExecutable(true));
    }

    /** A command of a transcript, with the output shown under it. */
    private record Step(int line, String command, List<String> commandLines, List<String> expected) {
    }

    private static List<Step> parse(List<String> block, int firstLine) {
        List<Step> steps = new ArrayList<>();
        int i = 0;
        while (i < block.size()) {
            String l = block.get(i);
            if (!l.startsWith("$ ")) {
                fail("README.md line " + (firstLine + i) + ": output before the first $ command: " + l);
            }
            int line = firstLine + i;
            List<String> commandLines = new ArrayList<>();
            StringBuilder command = new StringBuilder();
            String part = l.substring(2);
            commandLines.add(l);
            while (part.endsWith("\\") && i + 1 < block.size()) {
                command.append(part, 0, part.length() - 1).append(' ');
                i++;
                part = block.get(i).strip();
                commandLines.add(block.get(i));
            }
            command.append(part);
            i++;
            List<String> expected = new ArrayList<>();
            while (i < block.size() && !block.get(i).startsWith("$ ")) {
                expected.add(block.get(i));
                i++;
            }
            steps.add(new Step(line, "{ " + command.toString().replaceAll("\\s+", " ").strip() + "\n} 2>&1", commandLines,
                    expected));
        }
        return steps;
    }

    private static List<String> normalise(List<String> lines) {
        List<String> out = lines.stream().map(String::stripTrailing).collect(Collectors.toCollection(ArrayList::new));
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private static List<String> mask(List<String> lines) {
        return lines.stream().map(l -> TIMING.matcher(l).replaceAll("… s)")).collect(Collectors.toList());
    }

    private static List<String> squash(List<String> lines) {
        return lines.stream().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.toList());
    }

    private static String diff(List<String> expected, List<String> actual) {
        List<String> e = mask(expected);
        List<String> a = mask(actual);
        int n = Math.max(e.size(), a.size());
        for (int k = 0; k < n; k++) {
            String x = k < e.size() ? e.get(k) : "<end>";
            String y = k < a.size() ? a.get(k) : "<end>";
            if (!x.equals(y)) {
                return "  first difference at output line " + (k + 1) + ":\n  README: " + x + "\n  actual: " + y;
            }
        }
        assertEquals(e, a);
        return "";
    }
}
