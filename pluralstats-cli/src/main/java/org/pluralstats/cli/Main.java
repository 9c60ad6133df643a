package org.pluralstats.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.pluralstats.PluralstatsException;
import org.pluralstats.SafeText;
import org.pluralstats.io.FileErrors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code pluralstats} command line: a thin client of the library. Each subcommand parses its
 * arguments, calls the library and prints the result. Errors in the input are printed as one line
 * naming the file and the place, with exit code 1; usage errors exit with 2.
 */
@Command(name = "pluralstats", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Survey ingestion and cross-cultural statistics for pluralistic AI alignment research.")
public final class Main implements java.util.concurrent.Callable<Integer> {
    /**
     * The subcommands, in the order the help lists them. Built on demand: a run names one, and only
     * that one's model is built (picocli reads each command's annotations by reflection, about 100 ms
     * for all of them on a cold JVM).
     */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("report", ReportCommand::new);
        m.put("forms", FormsCommand::new);
        m.put("grim", GrimCommand::new);
        m.put("inspect", InspectCommand::new);
        m.put("convert", ConvertCommand::new);
        m.put("vps", VpsCommand::new);
        m.put("correlate", CorrelateCommand::new);
        m.put("consistency", ConsistencyCommand::new);
        m.put("rake", RakeCommand::new);
        m.put("regress", RegressCommand::new);
        m.put("align", AlignCommand::new);
        m.put("similarity", SimilarityCommand::new);
        m.put("distributions", DistributionsCommand::new);
        m.put("agreement", AgreementCommand::new);
        return Collections.unmodifiableMap(m);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command line.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        // most commands read a JSON side file: pay the JSON mapper's first-use cost on the second core
        // while picocli builds the command (both about 100-200 ms on a cold JVM)
        Thread warm = new Thread(org.pluralstats.io.json.JsonInput::warmUp, "pluralstats-json-warm-up");
        warm.setDaemon(true);
        warm.start();
        System.exit(run(args));
    }

    /**
     * Runs the command line without exiting, for tests.
     *
     * @param args the arguments
     * @return the exit code: 0 success, 1 bad input, 2 usage error
     */
    public static int run(String... args) {
        CommandLine cl = commandLine(args.length > 0 ? args[0] : "");
        return cl.execute(args);
    }

    /** @return the configured picocli command line with every subcommand */
    public static CommandLine commandLine() {
        return commandLine("");
    }

    /**
     * @param first the first argument: when it names a subcommand, only that one is built; otherwise
     *     (help, a typo, an option) all of them, for the help and the error message
     * @return the configured picocli command line
     */
    static CommandLine commandLine(String first) {
        CommandLine cl = new CommandLine(new Main());
        Supplier<Object> only = COMMANDS.get(first);
        if (only != null) {
            cl.addSubcommand(only.get());
        } else {
            COMMANDS.values().forEach(c -> cl.addSubcommand(c.get()));
        }
        // pluralstats vps --version: the same version as pluralstats --version
        cl.getSubcommands().values().forEach(c -> c.getCommandSpec().versionProvider(new Version()));
        cl.setParameterExceptionHandler(Main::usageError);
        cl.setExecutionStrategy(parseResult -> {
            try {
                CommandLine.ParseResult sub = parseResult;
                while (sub.hasSubcommand()) {
                    sub = sub.subcommand();
                }
                try {
                    Output.refuseInputAsOutput(sub.commandSpec());
                } catch (PluralstatsException e) {
                    throw new CommandLine.ExecutionException(sub.commandSpec().commandLine(), e.getMessage(), e);
                }
                // named <stdin> also by the error handler, after this returns; a previous run's copy is gone
                stdinFile = null;
                java.util.Optional<java.nio.file.Path> spooled = StandardInput.spool(sub.commandSpec(), System.in);
                java.io.PrintStream err = System.err;
                try {
                    spooled.ifPresent(dir -> System.setErr(StandardInput.naming(err, dir)));
                    return new CommandLine.RunLast().execute(parseResult);
                } finally {
                    if (spooled.isPresent()) {
                        System.err.flush();
                        System.setErr(err);
                        StandardInput.delete(spooled.get());
                    }
                }
            } catch (OutOfMemoryError e) {
                return outOfMemory(parseResult.commandSpec().commandLine().getErr());
            } catch (StackOverflowError e) {
                PrintWriter err = parseResult.commandSpec().commandLine().getErr();
                err.println("pluralstats: the input is nested too deeply to process (stack overflow); "
                        + "this is a bug if the input is an ordinary file: please report it");
                err.flush();
                return 1;
            } catch (LinkageError | AssertionError e) {
                PrintWriter err = parseResult.commandSpec().commandLine().getErr();
                err.println("pluralstats: internal error: " + oneLine(e.toString())
                        + " (a bug or a broken installation: please report it with the command)");
                err.flush();
                return 1;
            }
        });
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            if (ex instanceof PluralstatsException || ex instanceof UncheckedIOException) {
                // an UncheckedIOException wrapped without words of its own says which file and why
                err.println("pluralstats: " + oneLine(ex instanceof UncheckedIOException u && u.getCause() != null
                        && u.getMessage().equals(u.getCause().toString()) ? FileErrors.describe(u.getCause())
                        : ex.getMessage()));
                err.flush();
                return 1;
            }
            if (ex instanceof CommandLine.ParameterException p) {
                throw p;
            }
            if (ex instanceof java.io.IOException io) {
                err.println("pluralstats: " + oneLine(FileErrors.describe(io)));
                err.flush();
                return 1;
            }
            // an unexpected error is still one line, with how to get the details
            err.println("pluralstats: internal error: " + oneLine(ex.getClass().getName()
                    + (ex.getMessage() == null ? "" : ": " + ex.getMessage()))
                    + " (a bug: please report it with the command; PLURALSTATS_DEBUG=1 prints the stack trace)");
            if (System.getenv("PLURALSTATS_DEBUG") != null && !System.getenv("PLURALSTATS_DEBUG").isEmpty()) {
                ex.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        return cl;
    }

    /**
     * A usage error: the one wrong thing (an unknown option or command with the nearest right one, else
     * picocli's message) and how to get the help, on standard error; exit code 2. An unknown option is
     * named even when picocli reports a missing required option first.
     */
    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String message;
        if (cmd.getCommandSpec().parent() == null && args.length > 0 && !args[0].startsWith("-")
                && !cmd.getSubcommands().containsKey(args[0])) {
            message = "unknown command " + args[0] + suggestion(args[0], cmd.getSubcommands().keySet());
        } else {
            message = unknownOption(cmd.getCommandSpec(), args);
        }
        err.println("pluralstats: " + oneLine(message != null ? message : ex.getMessage()));
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return 2;
    }

    /**
     * @return "unknown option --x; did you mean --y?" for the first argument of the command that looks
     *     like an option it does not have (not the value of an option before it), or null
     */
    private static String unknownOption(CommandLine.Model.CommandSpec spec, String[] args) {
        int start = 0;
        if (spec.parent() != null) {
            while (start < args.length && !args[start].equals(spec.name())) {
                start++;
            }
            start++;
        }
        java.util.Set<String> names = new java.util.TreeSet<>();
        spec.options().forEach(o -> names.addAll(java.util.List.of(o.names())));
        for (int i = start; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                return null;
            }
            if (!a.startsWith("-") || a.equals("-") || isNumber(a)) {
                continue;
            }
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            CommandLine.Model.OptionSpec o = spec.findOption(name);
            if (o == null && !name.startsWith("--") && name.length() > 2) {
                // clustered short options (-hV) are picocli's to judge
                continue;
            }
            if (o == null) {
                return "unknown option " + name + suggestion(name, names);
            }
            if (!a.contains("=") && o.arity().max() > 0 && !o.typeInfo().isBoolean()) {
                i++;
            }
        }
        return null;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** @return "; did you mean X?" when a name is near enough (edit distance at most a third of it, or 2), else "" */
    private static String suggestion(String name, java.util.Collection<String> names) {
        return org.pluralstats.data.EditDistance.closest(name, names, 1).stream()
                .filter(n -> org.pluralstats.data.EditDistance.levenshtein(name.toLowerCase(java.util.Locale.ROOT),
                        n.toLowerCase(java.util.Locale.ROOT)) <= Math.max(2, name.length() / 3))
                .map(n -> "; did you mean " + n + "?").findFirst().orElse("");
    }

    private static int outOfMemory(PrintWriter err) {
        err.println("pluralstats: out of memory (Java heap " + Runtime.getRuntime().maxMemory() / (1 << 20)
                + " MB): read fewer variables or populations, or give Java more memory, "
                + "e.g. PLURALSTATS_JAVA_OPTS=-Xmx8g (java -Xmx8g -jar ...)");
        err.flush();
        return 1;
    }

    /** The temporary copy of standard input during a run with {@code --data -}, else null. */
    static volatile String stdinFile;

    /**
     * @return the message on one line: control characters escaped, e-mail addresses masked, the copy of
     *     standard input named {@code <stdin>}
     */
    static String oneLine(String s) {
        String f = stdinFile;
        return s == null ? "" : SafeText.forDisplay(f == null ? s : s.replace(f, StandardInput.NAME));
    }

    /** No command: the help, on standard error, as a usage error (exit code 2). */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        spec.commandLine().getErr().flush();
        return 2;
    }
}
