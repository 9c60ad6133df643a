package org.pluralstats.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pluralstats.design.DesignSpec;
import org.pluralstats.design.DomainMethod;
import org.pluralstats.design.LonelyPsu;
import org.pluralstats.design.replicate.ReplicateType;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The survey design options of {@code vps} and {@code distributions} (issue 14), as R's {@code svydesign}
 * arguments: {@code --psu I_PSU[,SSU]} ({@code ids}), {@code --strata S}, {@code --fpc F[,F2]}, {@code --nest},
 * {@code --lonely-psu fail|remove|adjust|average|certainty} and {@code --domain} (populations as domains of
 * one design, {@code svyby}, instead of a separate design per population).
 */
final class SurveyDesignOptions {
    @Option(names = "--psu", split = ",", paramLabel = "COLUMN",
            description = "cluster columns, first stage first (svydesign ids = ~psu + ssu); default: independent respondents")
    List<String> psu = new ArrayList<>();

    @Option(names = "--strata", split = ",", paramLabel = "COLUMN", description = "stratum column(s) (strata = ~s)")
    List<String> strata = new ArrayList<>();

    @Option(names = "--fpc", split = ",", paramLabel = "COLUMN",
            description = "finite-population correction per stage: population sizes or sampling fractions (fpc = ~f)")
    List<String> fpc = new ArrayList<>();

    @Option(names = "--nest", description = "cluster ids are unique only within strata (nest = TRUE)")
    boolean nest;

    @Option(names = "--lonely-psu", defaultValue = "fail", paramLabel = "RULE",
            description = "a stratum with one PSU: fail (default), remove, adjust, average or certainty (options(survey.lonely.psu))")
    String lonelyPsu;

    @Option(names = "--repweights", split = ",", paramLabel = "COLUMN|REGEX",
            description = "replicate-weight columns, or a regular expression matching them (svrepdesign repweights = \"rep[0-9]+\");"
                    + " combined with the sampling weights; populations are then domains")
    List<String> repweights = new ArrayList<>();

    @Option(names = "--reptype", defaultValue = "JK1", paramLabel = "TYPE",
            description = "replicate type: JK1 (default; scale (R-1)/R), BRR, Fay (with --rho) or bootstrap")
    String reptype;

    @Option(names = "--rho", defaultValue = "NaN", paramLabel = "RHO", description = "Fay's rho, in [0, 1) (with --reptype Fay)")
    double rho;

    @Option(names = "--domain", description = "estimate populations as domains of one design over every respondent (svyby),"
            + " not as a separate design per population (the default; docs/methods.md)")
    boolean domain;

    /**
     * @param cmd the command, for usage errors
     * @return the design the options name ({@link DesignSpec#simple()} when none is given); no replicate weights
     */
    DesignSpec spec(CommandLine cmd) {
        return spec(cmd, null);
    }

    /**
     * @param cmd the command, for usage errors
     * @param data the data file, whose columns {@code --repweights} patterns are matched against (null: none)
     * @return the design the options name ({@link DesignSpec#simple()} when none is given)
     */
    DesignSpec spec(CommandLine cmd, java.nio.file.Path data) {
        if (!repweights.isEmpty()) {
            if (data == null) {
                throw new CommandLine.ParameterException(cmd, "--repweights needs the data file's columns");
            }
            ReplicateType type = switch (reptype.strip().toLowerCase(Locale.ROOT)) {
                case "jk1" -> ReplicateType.JK1;
                case "brr" -> ReplicateType.BRR;
                case "fay" -> ReplicateType.FAY;
                case "bootstrap" -> ReplicateType.BOOTSTRAP;
                default -> throw new CommandLine.ParameterException(cmd, "unknown --reptype " + reptype
                        + "; expected JK1, BRR, Fay or bootstrap");
            };
            if ((type == ReplicateType.FAY) == Double.isNaN(rho)) {
                throw new CommandLine.ParameterException(cmd, type == ReplicateType.FAY ? "--reptype Fay needs --rho"
                        : "--rho goes with --reptype Fay");
            }
            if (!psu.isEmpty() || !strata.isEmpty() || !fpc.isEmpty()) {
                throw new CommandLine.ParameterException(cmd, "give either --repweights or --psu/--strata/--fpc, not both");
            }
            try {
                return DesignSpec.replicates(replicateColumns(cmd, data), type, rho);
            } catch (org.pluralstats.PluralstatsException e) {
                throw new CommandLine.ParameterException(cmd, e.getMessage());
            }
        }
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

    /** Each --repweights entry: a column of the file (any case), else a regular expression matching whole column names. */
    private List<String> replicateColumns(CommandLine cmd, java.nio.file.Path data) {
        List<String> names;
        try (org.pluralstats.io.CaseReader r = org.pluralstats.io.SurveyFiles.open(data)) {
            names = r.dictionary().names();
        }
        List<String> out = new ArrayList<>();
        for (String entry : repweights) {
            String e = entry.strip();
            List<String> hits = names.stream().filter(n -> n.equalsIgnoreCase(e)).toList();
            if (hits.isEmpty()) {
                java.util.regex.Pattern p;
                try {
                    p = java.util.regex.Pattern.compile(e, java.util.regex.Pattern.CASE_INSENSITIVE);
                } catch (java.util.regex.PatternSyntaxException x) {
                    throw new CommandLine.ParameterException(cmd, "--repweights " + e + " is neither a column of " + data
                            + " nor a regular expression: " + x.getDescription());
                }
                hits = names.stream().filter(n -> p.matcher(n).matches()).toList();
            }
            if (hits.isEmpty()) {
                throw new CommandLine.ParameterException(cmd, "--repweights " + e + " matches no column of " + data);
            }
            hits.stream().filter(h -> !out.contains(h)).forEach(out::add);
        }
        return out;
    }
}
