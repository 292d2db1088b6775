package org.scalefit.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.scalefit.cli.Main;

/** The single-machine command line, run in-process ({@link Main#run}): the reference the Spark results must equal. */
final class CommandLine {
    private CommandLine() {
    }

    /**
     * @param okCodes the exit codes that are not a test failure
     * @param args    the command line, {@code --json} included
     * @return its JSON output
     */
    static JsonNode json(List<Integer> okCodes, List<String> args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args.toArray(new String[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertTrue(okCodes.contains(code), "exit " + code + ": " + err.toString(StandardCharsets.UTF_8));
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }
}
