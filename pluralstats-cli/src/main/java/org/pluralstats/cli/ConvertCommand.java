package org.pluralstats.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.pluralstats.Progress;
import org.pluralstats.io.AtomicOutput;
import org.pluralstats.io.CaseExport;
import org.pluralstats.io.CaseReader;
import org.pluralstats.io.ReadWarning;
import org.pluralstats.io.SurveyFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pluralstats convert FILE --to csv|jsonl [--out FILE] [--keep-missing-codes] [--raw]}. The cases stream
 * into a temporary file beside {@code --out}, renamed onto it when the last case is written; a file that
 * fails half-way leaves nothing behind.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Write a data file's cases as CSV or JSON Lines (missing values empty/null).")
final class ConvertCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "a .sav, .zsav, .dta or .csv file")
    Path file;

    @Option(names = "--to", required = true, description = "csv or jsonl")
    Target to;

    @Option(names = "--out", description = "output file (default: standard output); written whole or not at all")
    Path out;

    @Option(names = "--keep-missing-codes",
            description = "write user-missing codes (SPSS) and .a-.z (Stata) instead of empty cells")
    boolean keepMissingCodes;

    @Option(names = "--raw",
            description = "CSV: write texts exactly, without the ' put before cells starting with = + - @ (formula injection)")
    boolean raw;

    enum Target { csv, jsonl }

    @Override
    public Integer call() throws IOException {
        if (out == null) {
            try (CaseReader r = SurveyFiles.open(file, Progress.terminal())) {
                OutputStream os = new BufferedOutputStream(System.out, 1 << 16);
                export(r, os);
                os.flush();
                printWarnings(r);
            }
            return 0;
        }
        // refused before the input is opened or anything is created
        AtomicOutput.refuseInputs(out, List.of(file));
        try (CaseReader r = SurveyFiles.open(file, Progress.terminal()); AtomicOutput target = AtomicOutput.open(out, List.of(file))) {
            try {
                export(r, target.stream());
            } catch (RuntimeException | IOException e) {
                throw target.abort(e);
            }
            target.commit();
            printWarnings(r);
        }
        return 0;
    }

    private void export(CaseReader r, OutputStream os) throws IOException {
        if (to == Target.csv) {
            Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
            CaseExport.toCsv(r, w, keepMissingCodes, !raw);
            w.flush();
        } else {
            CaseExport.toJsonLines(r, os, keepMissingCodes);
        }
    }

    private static void printWarnings(CaseReader r) {
        Warnings.print(r.warnings().stream().map(ReadWarning::toString).toList());
    }
}
