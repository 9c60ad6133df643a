package org.pluralstats.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a command's result to {@code --out} or standard output. */
final class Output {
    private Output() {
    }

    static void write(Path out, String text) {
        if (out == null) {
            PrintStream ps = new PrintStream(System.out, false, StandardCharsets.UTF_8);
            ps.print(text);
            ps.flush();
            return;
        }
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    /** Table formats. */
    enum Format { json, csv, md }
}
