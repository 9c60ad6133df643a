package org.pluralstats.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pluralstats.design.DesignSpec;
import org.pluralstats.design.DomainMethod;
import org.pluralstats.design.LonelyPsu;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The survey design options of {@code vps} and {@code distributions} (issue 14), as R's {@code svydesign}
 * arguments: {@code --psu I_PSU[,SSU]} ({@code ids}), {@code --strata S}, {@code --fpc F[,F2]}, {@code --nest},
 * {@code --lonely-psu fail|remove|adjust|average|certainty} and {@code --domain} (populations as domains of
 * one design, {@code svyby}, instead of a separate design per population).
 */
final class SurveyDesignOptions {
    @Option(names = "--psu", split = ",", paramLabel = "COLUMN[,COLUMN...]",
            description = "cluster columns, first stage first (svydesign ids = ~psu + ssu); default: independent respondents")
    List<String> psu = new ArrayList<>();

    @Option(names = "--strata", split = ",", paramLabel = "COLUMN[,COLUMN...]", description = "stratum column(s) (strata = ~s)")
    List<String> strata = new ArrayList<>();

    @Option(names = "--fpc", split = ",", paramLabel = "COLUMN[,COLUMN...]",
            description = "finite-population correction per stage: population sizes or sampling fractions (fpc = ~f)")
    List<String> fpc = new ArrayList<>();

    @Option(names = "--nest", description = "cluster ids are unique only within strata (nest = TRUE)")
    boolean nest;

    @Option(names = "--lonely-psu", defaultValue = "fail", paramLabel = "RULE",
            description = "a stratum with one PSU: fail (default), remove, adjust, average or certainty (options(survey.lonely.psu))")
    String lonelyPsu;

    @Option(names = "--domain", description = "estimate populations as domains of one design over every respondent (svyby),"
            + " not as a separate design per population (the default; docs/methods.md)")
    boolean domain;

    /**
     * @param cmd the command, for usage errors
     * @return the design the options name ({@link DesignSpec#simple()} when none is given)
     */
    DesignSpec spec(CommandLine cmd) {
        LonelyPsu rule;
        try {
            rule = LonelyPsu.valueOf(lonelyPsu.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd, "unknown --lonely-psu " + lonelyPsu
                    + "; expected fail, remove, adjust, average or certainty");
        }
        for (List<String> l : List.of(psu, strata, fpc)) {
            if (l.stream().anyMatch(String::isBlank)) {
                throw new CommandLine.ParameterException(cmd, "a design option names an empty column");
            }
        }
        try {
            return new DesignSpec(psu.stream().map(String::strip).toList(), strata.stream().map(String::strip).toList(),
                    fpc.stream().map(String::strip).toList(), nest, rule,
                    domain ? DomainMethod.DOMAIN : DomainMethod.SEPARATE_DESIGNS);
        } catch (org.pluralstats.PluralstatsException e) {
            throw new CommandLine.ParameterException(cmd, e.getMessage());
        }
    }
}
