package org.pluralstats.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.pluralstats.PluralstatsException;
import org.pluralstats.SafeText;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code pluralstats} command line: a thin client of the library. Each subcommand parses its
 * arguments, calls the library and prints the result. Errors in the input are printed as one line
 * naming the file and the place, with exit code 1; usage errors exit with 2.
 */
@Command(name = "pluralstats", mixinStandardHelpOptions = true, version = "pluralstats 0.1.0",
        description = "Survey ingestion and cross-cultural statistics for pluralistic AI alignment research.",
        subcommands = {ReportCommand.class, FormsCommand.class, GrimCommand.class, InspectCommand.class,
            ConvertCommand.class, VpsCommand.class, CorrelateCommand.class, ConsistencyCommand.class,
            RakeCommand.class, RegressCommand.class, AlignCommand.class, SimilarityCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command line.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line without exiting, for tests.
     *
     * @param args the arguments
     * @return the exit code: 0 success, 1 bad input, 2 usage error
     */
    public static int run(String... args) {
        CommandLine cl = commandLine();
        return cl.execute(args);
    }

    /** @return the configured picocli command line */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            if (ex instanceof PluralstatsException || ex instanceof UncheckedIOException) {
                err.println("pluralstats: " + SafeText.escapeControls(ex.getMessage()));
                err.flush();
                return 1;
            }
            if (ex instanceof RuntimeException) {
                // a bug, not bad input: one line saying so first, then the trace to report
                err.println("pluralstats: internal error (a bug; please report it with the command): "
                        + SafeText.escapeControls(String.valueOf(ex)));
                ex.printStackTrace(err);
                err.flush();
                return 1;
            }
            throw ex;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
