package org.scalefit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code package} builds, checked as a user meets it: the shaded jar's {@code --version}, the
 * library jar's module name (used from the module path), the sources and Javadoc jars, the licence
 * in every jar, and the progress bar, which a terminal shows and a pipe never sees.
 */
class PackagingIT {
    @TempDir
    Path dir;

    private static String version() {
        String v = System.getProperty("project.version");
        assertNotNull(v, "failsafe passes project.version");
        return v;
    }

    private static Path libraryJar(String classifier) {
        String name = System.getProperty("project.build.finalName") + (classifier.isEmpty() ? "" : "-" + classifier) + ".jar";
        Path jar = Launch.root().resolve("target").resolve(name);
        assertTrue(Files.isRegularFile(jar), jar + " was not built");
        return jar;
    }

    @Test
    void versionComesFromTheShadedJarsManifest() throws Exception {
        Launch.Result r = Launch.run(dir, 60, List.of(Launch.java(), "-jar", Launch.jar().toString(), "--version"));
        assertEquals(0, r.exit(), r.output());
        assertEquals("scalefit " + version(), r.output().lines().findFirst().orElse(""));
        assertTrue(r.output().contains("Java " + System.getProperty("java.version").split("[.+]")[0]), r.output());
    }

    @Test
    void librarySourcesAndJavadocJarsCarryWhatTheyShould() throws Exception {
        try (JarFile lib = new JarFile(libraryJar("").toFile())) {
            assertEquals("org.scalefit", lib.getManifest().getMainAttributes().getValue("Automatic-Module-Name"));
            assertNotNull(lib.getEntry("org/scalefit/fit/Fitter.class"));
            assertNotNull(lib.getEntry("META-INF/LICENSE"));
            assertNotNull(lib.getEntry("datasets/metr-horizons.csv"));
            assertTrue(lib.stream().noneMatch(e -> e.getName().startsWith("org/apache/")), "the library jar bundles nothing");
        }
        try (JarFile sources = new JarFile(libraryJar("sources").toFile())) {
            assertNotNull(sources.getEntry("org/scalefit/fit/Fitter.java"));
            assertNotNull(sources.getEntry("org/scalefit/package-info.java"));
        }
        try (JarFile javadoc = new JarFile(libraryJar("javadoc").toFile())) {
            assertNotNull(javadoc.getEntry("index.html"));
            // Laid out by module (org.scalefit/...) since the jar declares a module name.
            for (String page : List.of("org/scalefit/fit/Fitter.html", "org/scalefit/optimal/package-summary.html",
                    "org/scalefit/Progress.html")) {
                assertTrue(javadoc.getEntry(page) != null || javadoc.getEntry("org.scalefit/" + page) != null, page);
            }
        }
        try (JarFile shaded = new JarFile(Launch.jar().toFile())) {
            assertNotNull(shaded.getEntry("META-INF/LICENSE"));
            assertEquals("org.scalefit.cli.Main", shaded.getManifest().getMainAttributes().getValue("Main-Class"));
            assertTrue(shaded.stream().noneMatch(e -> e.getName().endsWith("module-info.class")), "a class-path jar");
        }
    }

    /** The library jar and its dependencies on the module path: {@code requires org.scalefit} resolves. */
    @Test
    void theLibraryRunsAsTheModuleOrgScalefit() throws Exception {
        Set<String> path = new LinkedHashSet<>();
        path.add(libraryJar("").toString());
        for (Class<?> c : List.of(org.apache.commons.math3.util.FastMath.class, org.knowm.xchart.XYChart.class,
                de.erichseifert.vectorgraphics2d.VectorGraphics2D.class, de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D.class,
                org.apache.pdfbox.pdmodel.PDDocument.class, org.apache.pdfbox.io.RandomAccessRead.class,
                org.apache.fontbox.FontBoxFont.class, org.apache.commons.logging.Log.class, picocli.CommandLine.class,
                com.fasterxml.jackson.databind.ObjectMapper.class, com.fasterxml.jackson.core.JsonParser.class,
                com.fasterxml.jackson.annotation.JsonProperty.class)) {
            path.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        Launch.copyDatasets(dir);
        List<String> cmd = new ArrayList<>(List.of(Launch.java(), "-Djava.awt.headless=true", "-p",
                String.join(File.pathSeparator, path), "--add-modules", "ALL-MODULE-PATH", "-m",
                "org.scalefit/org.scalefit.cli.Main", "fit", "datasets/kaplan2020-parameters.csv", "--x", "params", "--y",
                "loss", "--law", "power-law", "--plot", "fit.png", "--quiet"));
        Launch.Result r = Launch.run(dir, 120, cmd);
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("loss = 11.397·params^(-0.075573)"), r.output());
        assertTrue(Files.size(dir.resolve("fit.png")) > 10_000);
    }

    /**
     * Under a pseudo-terminal ({@code script}) a figure shows a bar (with no delay before it) and
     * erases it; the same command into a pipe writes no carriage return at all.
     */
    @Test
    void progressBarOnATerminalOnly() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script is not installed");
        // No delay before the bar: on a fast machine the figure may take less than the usual second.
        String command = Launch.java() + " -Djava.awt.headless=true -Dscalefit.progress.delayMillis=0 -jar " + Launch.jar()
                + " reproduce --only kaplan --out " + dir.resolve("figures");
        Launch.Result tty = Launch.run(dir, 300, List.of("/usr/bin/script", "-qec", command, "/dev/null"));
        assertEquals(0, tty.exit(), tty.output());
        assertTrue(tty.output().contains("\r[1/1] kaplan2020-figure1"), "a bar on the terminal: " + tty.output());
        assertTrue(tty.output().matches("(?s).*\\[=*>? *\\] +0%.*"), tty.output());
        Launch.Result pipe = Launch.run(dir, 300, List.of("/bin/sh", "-c", command + " 2>&1 | cat"));
        assertEquals(0, pipe.exit(), pipe.output());
        assertFalse(pipe.output().contains("\r"), "no bar in a pipe: " + pipe.output());
        assertTrue(pipe.output().contains("[1/1] kaplan2020-figure1   kaplan2020-figure1.png"), pipe.output());
    }
}
