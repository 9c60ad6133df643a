package org.pluralstats.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.pluralstats.io.AtomicOutput;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Writes a command's result to {@code --out} or standard output. A file is written whole or not at all
 * ({@link AtomicOutput}: a temporary file beside it, renamed on success).
 */
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
        AtomicOutput.writeString(out, text, List.of());
    }

    /**
     * Refuses, before the command runs, an {@code --out} that is one of the command's input files or a
     * link to one: every {@link Path} argument of the command (and every {@code NAME=FILE} argument naming
     * an existing file) counts as an input.
     *
     * @param spec the command about to run
     */
    static void refuseInputAsOutput(CommandSpec spec) {
        OptionSpec outOption = spec.findOption("--out");
        if (outOption == null || !(outOption.getValue() instanceof Path out)) {
            return;
        }
        List<Path> inputs = new ArrayList<>();
        List<ArgSpec> args = new ArrayList<>(spec.options());
        args.addAll(spec.positionalParameters());
        for (ArgSpec a : args) {
            if (a != outOption) {
                collect(a.getValue(), inputs);
            }
        }
        AtomicOutput.refuseInputs(out, inputs);
    }

    private static void collect(Object value, List<Path> inputs) {
        if (value instanceof Path p) {
            inputs.add(p);
        } else if (value instanceof Collection<?> c) {
            c.forEach(v -> collect(v, inputs));
        } else if (value instanceof Map<?, ?> m) {
            m.values().forEach(v -> collect(v, inputs));
        } else if (value instanceof String s && s.indexOf('=') > 0) {
            try {
                Path p = Path.of(s.substring(s.indexOf('=') + 1));
                if (Files.exists(p)) {
                    inputs.add(p);
                }
            } catch (java.nio.file.InvalidPathException ignored) {
                // not a file name
            }
        }
    }

    /** Table formats. */
    enum Format { json, csv, md }

    /**
     * @param table a result's table
     * @param format the format asked for
     * @return the table written by the generic writer of that format, as the report writes it
     */
    static String table(org.pluralstats.table.ResultTable table, Format format) {
        return org.pluralstats.report.ResultTableWriters.write(table, format.name());
    }
}
