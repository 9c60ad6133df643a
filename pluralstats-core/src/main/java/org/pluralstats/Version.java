package org.pluralstats;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The pluralstats version, as the build wrote it into {@code org/pluralstats/version.properties}. */
public final class Version {
    private static final String CURRENT = read();

    private Version() {
    }

    /** @return the version of the running library (e.g. {@code 0.1.0-SNAPSHOT}), or {@code unknown} outside a build */
    public static String current() {
        return CURRENT;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
