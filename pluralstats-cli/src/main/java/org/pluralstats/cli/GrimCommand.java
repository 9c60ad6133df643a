package org.pluralstats.cli;

import java.util.concurrent.Callable;
import org.pluralstats.stats.Grim;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pluralstats grim --mean 1.51 --n 22 [--decimals 2] [--items 1]}: the GRIM test of one mean. */
@Command(name = "grim", mixinStandardHelpOptions = true,
        description = "GRIM test (Brown & Heathers): whether a reported mean can come from n integer answers.")
final class GrimCommand implements Callable<Integer> {
    @Option(names = "--mean", required = true, description = "the reported mean, e.g. 1.51")
    double mean;

    @Option(names = "--n", required = true, description = "the number of respondents")
    int n;

    @Option(names = "--decimals", defaultValue = "2", description = "decimals the mean was reported to (default: ${DEFAULT-VALUE})")
    int decimals;

    @Option(names = "--items", defaultValue = "1", description = "integer items averaged per respondent (default: ${DEFAULT-VALUE})")
    int items;

    @Override
    public Integer call() {
        System.out.println(describe(Grim.test(mean, n, decimals, items)));
        return 0;
    }

    /**
     * @param r a GRIM result
     * @return {@code consistent}, or {@code inconsistent (nearest reachable means: 1.50, 1.55)}, with a
     *     note when the test cannot detect anything at this n
     */
    static String describe(Grim.Result r) {
        if (!r.applicable()) {
            return "consistent (GRIM not applicable: n x items >= 10^decimals, every mean is reachable)";
        }
        if (r.consistent()) {
            return "consistent";
        }
        return "inconsistent (nearest reachable means: " + r.nearestBelowText() + ", " + r.nearestAboveText() + ")";
    }
}
