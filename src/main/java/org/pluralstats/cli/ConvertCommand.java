package org.pluralstats.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pluralstats.io.CaseExport;
import org.pluralstats.io.CaseReader;
import org.pluralstats.io.SurveyFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pluralstats convert FILE --to csv|jsonl [--out FILE] [--keep-missing-codes] [--raw]}. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Write a data file's cases as CSV or JSON Lines (missing values empty/null).")
final class ConvertCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "a .sav, .zsav, .dta or .csv file")
    Path file;

    @Option(names = "--to", required = true, description = "csv or jsonl")
    Target to;

    @Option(names = "--out", description = "output file (default: standard output)")
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
        try (CaseReader r = SurveyFiles.open(file);
             OutputStream os = new BufferedOutputStream(out == null ? System.out : Files.newOutputStream(out),
                     1 << 16)) {
            if (to == Target.csv) {
                Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
                CaseExport.toCsv(r, w, keepMissingCodes, !raw);
                w.flush();
            } else {
                CaseExport.toJsonLines(r, os, keepMissingCodes);
            }
        }
        return 0;
    }
}
