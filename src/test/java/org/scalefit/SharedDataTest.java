package org.scalefit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * A missing reference file skips a test on a developer's machine and fails it under {@code CI=true}:
 * JUnit reports a {@link TestAbortedException} as "skipped" and an {@link AssertionFailedError} as
 * "failed", so these two exceptions are exactly the two outcomes.
 */
class SharedDataTest {
    private static final Path ABSENT = Path.of("..", "shared", "no-such-folder", "nothing.csv");

    @Test
    void aMissingFileFailsUnderCi() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> SharedData.require(ABSENT, Map.of("CI", "true")));
        assertTrue(e.getMessage().contains("nothing.csv") && e.getMessage().contains("CI=true"), e.getMessage());
    }

    @Test
    void aMissingFileSkipsOutsideCi() {
        assertThrows(TestAbortedException.class, () -> SharedData.require(ABSENT, Map.of()));
        assertThrows(TestAbortedException.class, () -> SharedData.require(ABSENT, Map.of("CI", "false")));
    }

    @Test
    void anExistingFileIsReturnedEitherWay() {
        Path here = Path.of("pom.xml");
        assertEquals(here, SharedData.require(here, Map.of("CI", "true")));
        assertEquals(here, SharedData.require(here, Map.of()));
    }

    @Test
    void ciIsRecognisedAsCiSystemsSetIt() {
        assertTrue(SharedData.underCi(Map.of("CI", "true")));
        assertTrue(SharedData.underCi(Map.of("CI", "TRUE")));
        assertTrue(SharedData.underCi(Map.of("CI", "1")));
        assertEquals(false, SharedData.underCi(Map.of("CI", "")));
        assertEquals(false, SharedData.underCi(Map.of()));
    }
}
