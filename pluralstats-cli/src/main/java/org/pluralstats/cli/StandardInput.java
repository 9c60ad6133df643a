package org.pluralstats.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * {@code --data -} and {@code --model -}: the input read from standard input. The readers take files
 * (they choose the format by the name and may read twice), so standard input is spooled to a temporary
 * file first, named {@code stdin.jsonl} when its first character that is not white space is
 * <code>{</code> (JSON Lines) and {@code stdin.csv} otherwise, and deleted after the run. Messages name
 * it {@value #NAME}.
 */
final class StandardInput {
    /** How messages name standard input. */
    static final String NAME = "<stdin>";

    /** The options whose value may be {@code -}. */
    private static final List<String> OPTIONS = List.of("--data", "--model");

    private StandardInput() {
    }

    /**
     * Spools standard input to a temporary file when an input option of the command is {@code -}, and
     * points the option at it.
     *
     * @param spec the command about to run
     * @param in standard input
     * @return the temporary directory holding the file, to delete after the run; empty when no option is {@code -}
     */
    static Optional<Path> spool(CommandLine.Model.CommandSpec spec, InputStream in) {
        CommandLine.Model.OptionSpec dash = null;
        for (String name : OPTIONS) {
            CommandLine.Model.OptionSpec o = spec.findOption(name);
            if (o != null && o.type() == Path.class && Path.of("-").equals(o.getValue())) {
                if (dash != null) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "only one of " + dash.longestName()
                            + " and " + o.longestName() + " can read standard input (-)");
                }
                dash = o;
            }
        }
        if (dash == null) {
            return Optional.empty();
        }
        try {
            Path dir = Files.createTempDirectory("pluralstats-stdin");
            BufferedInputStream b = new BufferedInputStream(in);
            b.mark(1 << 16);
            int c;
            do {
                c = b.read();
            } while (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xEF || c == 0xBB || c == 0xBF);
            b.reset();
            Path file = dir.resolve(c == '{' ? "stdin.jsonl" : "stdin.csv");
            Files.copy(b, file, StandardCopyOption.REPLACE_EXISTING);
            dash.setValue(file);
            Main.stdinFile = file.toString();
            return Optional.of(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool standard input to a temporary file: " + e.getMessage(), e);
        }
    }

    /**
     * @param input an input option's value
     * @return {@value #NAME} for the spooled copy of standard input, else the path as given; for what a
     *     command prints about its inputs on standard output, which is not renamed as standard error is
     */
    static String name(Path input) {
        String spooled = Main.stdinFile;
        return spooled != null && input.toString().equals(spooled) ? NAME : input.toString();
    }

    /**
     * @param err standard error
     * @param dir the folder {@link #spool} made
     * @return standard error with every mention of the spooled copy (its path, its folder, its file name)
     *     written {@value #NAME}
     */
    static java.io.PrintStream naming(java.io.PrintStream err, Path dir) {
        List<String> names = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> spooled = files.toList();
            spooled.forEach(f -> names.add(f.toString()));
            names.add(dir.toString());
            spooled.forEach(f -> names.add(f.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the temporary copy of standard input: " + e.getMessage(), e);
        }
        return new java.io.PrintStream(new StandardInputNaming(err, names), true, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Deletes the spooled copy. */
    static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is not worth failing the run for
        }
    }
}
