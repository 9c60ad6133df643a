package org.pluralstats.cli;

import org.pluralstats.io.sidefile.ScoreTableFiles;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pluralstats.stats.Correlation;
import org.pluralstats.weight.ScoreCorrelations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pluralstats correlate --vps VPS.(json|csv) [--method pearson|spearman]}: the seed paper's Figure 2. */
@Command(name = "correlate", mixinStandardHelpOptions = true,
        description = "Correlations between populations' value polarity score vectors over their shared items (Figure 2).")
final class CorrelateCommand implements Callable<Integer> {
    @Option(names = "--vps", required = true, paramLabel = "FILE", description = "scores written by pluralstats vps (JSON or CSV)")
    Path vps;

    @Option(names = "--method", defaultValue = "pearson", description = "pearson or spearman (default: ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--format", defaultValue = "json", description = "json, csv or md (default: ${DEFAULT-VALUE})")
    Output.Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "output file (default: standard output)")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Correlation.Method m = switch (method.toLowerCase(java.util.Locale.ROOT)) {
            case "pearson" -> Correlation.Method.PEARSON;
            case "spearman" -> Correlation.Method.SPEARMAN;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "unknown --method " + method + "; expected pearson or spearman");
        };
        Output.write(out, Output.table(ScoreCorrelations.of(ScoreTableFiles.read(vps), m).table(), format));
        return 0;
    }
}
