package org.pluralstats.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pluralstats.weight.HumanSelfConsistency;
import org.pluralstats.weight.PolarityDesign;
import org.pluralstats.weight.SelfConsistencies;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pluralstats consistency ...}: human self-consistency per population, as the seed paper's released code computes it. */
@Command(name = "consistency", mixinStandardHelpOptions = true,
        description = {"Human self-consistency per population, as the seed paper's released code computes it.",
                "Repeated seeded draws of k respondents per item, a weighted score per draw, and the Pearson correlation"
                        + " over all ordered pairs of draws of the same item (including each draw with itself), pooled over"
                        + " items."})
final class ConsistencyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DesignOptions design;

    @Option(names = "--draws", defaultValue = "100", description = "draws per population and item (default: ${DEFAULT-VALUE})")
    int draws;

    @Option(names = "--sample-size", defaultValue = "10", description = "respondents per draw (default: ${DEFAULT-VALUE})")
    int sampleSize;

    @Option(names = "--seed", defaultValue = "" + HumanSelfConsistency.DEFAULT_SEED,
            description = "random seed (default: ${DEFAULT-VALUE}); the same seed gives the same values")
    long seed;

    @Option(names = "--format", defaultValue = "json", description = "json, csv or md (default: ${DEFAULT-VALUE})")
    Output.Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "output file (default: standard output)")
    Path out;

    @Override
    public Integer call() {
        PolarityDesign d = design.design(spec);
        SelfConsistencies values = HumanSelfConsistency.withDefaults().withDraws(draws).withSampleSize(sampleSize)
                .withSeed(seed).estimate(d);
        Output.write(out, Output.table(values.table(), format));
        DesignOptions.reportExclusions(d);
        return 0;
    }
}
