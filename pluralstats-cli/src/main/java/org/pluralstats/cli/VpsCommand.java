package org.pluralstats.cli;

import org.pluralstats.io.StreamedScores;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pluralstats.io.CaseReader;
import org.pluralstats.io.ReadWarning;
import org.pluralstats.io.SurveyFiles;
import org.pluralstats.weight.PolarityDesign;
import org.pluralstats.weight.ScoreTable;
import org.pluralstats.weight.ValuePolarityScores;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pluralstats vps --data FILE (--items ITEMS.json | --rule paper) --by COLUMN|global
 * [--weight EXPR|none] [--format json|csv|md] [--out FILE]}: value polarity scores (Eq. 1) with
 * linearised SEs, Kish n_eff and logit CIs per population × item.
 */
@Command(name = "vps", mixinStandardHelpOptions = true,
        description = {"Value polarity scores (Eq. 1): the weighted share of positive stances per population and item,",
                "with the linearised SE, Kish's effective n and the logit 95%% CI of R survey's svyciprop."})
final class VpsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DesignOptions design;

    @Option(names = "--format", defaultValue = "json", description = "json, csv or md (default: ${DEFAULT-VALUE})")
    Output.Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "output file (default: standard output)")
    Path out;

    @Option(names = "--stream",
            description = "score in one pass without holding the rows in memory (for files larger than memory; --by COLUMN or global)")
    boolean stream;

    /** The Java heap's limit; tests lower it to check the switch to one pass. */
    static java.util.function.LongSupplier maxMemory = () -> Runtime.getRuntime().maxMemory();

    @Override
    public Integer call() {
        boolean stream = this.stream || design.tooLargeForMemory(spec, maxMemory.getAsLong());
        PolarityDesign d = stream ? null : design.design(spec);
        ScoreTable table;
        if (stream) {
            try (CaseReader reader = SurveyFiles.open(design.data)) {
                table = StreamedScores.estimate(design.streaming(spec), reader);
                Warnings.print(reader.warnings().stream().map(ReadWarning::toString).toList());
            }
        } else {
            table = ValuePolarityScores.withDefaults().estimate(d);
        }
        Output.write(out, Output.table(table.table(), format));
        if (d != null) {
            DesignOptions.reportExclusions(d);
        }
        return 0;
    }
}
