package org.pluralstats.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.pluralstats.SafeText;

/** Prints what the readers noticed to standard error, one {@code pluralstats: warning: } line each. */
final class Warnings {
    private Warnings() {
    }

    static void print(List<String> warnings) {
        if (warnings.isEmpty()) {
            return;
        }
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        for (String w : warnings) {
            err.println("pluralstats: warning: " + SafeText.escapeControls(w));
        }
    }
}
