package org.pluralstats.io.opinion;

import java.nio.file.Path;
import java.util.List;
import org.pluralstats.PluralstatsException;
import org.pluralstats.align.OptionDistribution;
import org.pluralstats.io.sidefile.OptionDistributionFiles;

/**
 * The human side of a distributional comparison, from whichever file a user has: an OpinionQA wave
 * (a folder with {@code responses.csv}, {@code info.csv}, {@code metadata.csv}, grouped by demographic
 * columns), GlobalOpinionQA's {@code global_opinions.csv} as released, or answer distributions in
 * pluralstats' JSON/CSV ({@link OptionDistributionFiles}). The one place the CLI and the report pick the
 * reader, so both read a file alike.
 *
 * @param distributions the human distributions, one per population × question
 * @param warnings the reader's caveats (partial countries, unlisted answers), each one located line
 * @param accounting how the input's rows were used, or {@code ""} when the format has nothing to add
 */
public record HumanDistributions(List<OptionDistribution> distributions, List<String> warnings, String accounting) {

    /** Copies the lists. */
    public HumanDistributions {
        distributions = List.copyOf(distributions);
        warnings = List.copyOf(warnings);
    }

    /**
     * @param file an OpinionQA wave folder or its {@code responses.csv}, a GlobalOpinionQA CSV, or a
     *     distribution file (JSON or CSV)
     * @param groups OpinionQA's grouping columns (empty: the whole panel); must be empty for other formats
     * @param unclassifiableLabel the unclassifiable label of distribution files
     * @return the distributions with the reader's warnings
     */
    public static HumanDistributions read(Path file, List<String> groups, String unclassifiableLabel) {
        if (OpinionQa.isOpinionQa(file)) {
            OpinionQaDistributions d = OpinionQa.wave(file).withGroups(groups).read();
            return new HumanDistributions(d.distributions(), d.warnings().stream().map(Object::toString).toList(),
                    d.accounting() + "; " + d.leftOut().size() + " population x question pairs without a human distribution");
        }
        if (!groups.isEmpty()) {
            throw new PluralstatsException("grouping columns " + groups + " group an OpinionQA wave (a folder with responses.csv"
                    + " and info.csv); " + file + " is not one");
        }
        if (GlobalOpinionQa.isGlobalOpinionQa(file)) {
            GlobalOpinionQa g = GlobalOpinionQa.read(file);
            return new HumanDistributions(g.distributions(), g.warnings().stream().map(Object::toString).toList(), "");
        }
        return new HumanDistributions(OptionDistributionFiles.read(file, unclassifiableLabel), List.of(), "");
    }
}
