package org.pluralstats.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a command's text goes: a file, or standard output as UTF-8. */
final class Output {
    /** The table formats the commands write. */
    enum Format { md, csv, json }

    private Output() {
    }

    static void write(String text, Path out) throws IOException {
        if (out == null) {
            PrintStream ps = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            ps.print(text);
            ps.flush();
        } else {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            Files.writeString(out, text, StandardCharsets.UTF_8);
        }
    }
}
