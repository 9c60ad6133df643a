package org.pluralstats.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * {@code pluralstats --version}: the artifact's version, as Maven wrote it into {@code version.properties}
 * when it built the jar (resource filtering of {@code ${project.version}}), not a string in the code.
 */
final class Version implements CommandLine.IVersionProvider {
    /** @return the artifact's version, e.g. {@code 0.1.0-SNAPSHOT} */
    static String artifactVersion() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the class path (a broken build)");
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "");
            if (v.isEmpty() || v.contains("${")) {
                throw new IllegalStateException("version.properties was not filtered by Maven: " + v);
            }
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"pluralstats " + artifactVersion()};
    }
}
