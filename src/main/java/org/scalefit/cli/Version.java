package org.scalefit.cli;

import picocli.CommandLine;

/**
 * The scalefit version, read from the jar manifest (or {@code dev} when run from classes).
 *
 * <pre>{@code
 * String v = Version.current();      // "0.1.0" from the jar, "dev" from target/classes
 * }</pre>
 */
public final class Version implements CommandLine.IVersionProvider {
    /** Creates the provider (picocli instantiates it). */
    public Version() {
    }

    /** @return the version string, e.g. {@code 0.1.0} */
    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"scalefit " + current(), "Java " + System.getProperty("java.version")};
    }
}
