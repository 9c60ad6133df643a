package org.pluralstats.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pluralstats.design.DesignSpec;
import org.pluralstats.distribution.AnswerDistributions;
import org.pluralstats.distribution.DistributionTable;
import org.pluralstats.io.opinion.OpinionQa;
import org.pluralstats.io.opinion.OpinionQaDistributions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pluralstats distributions --data FILE [--items ITEMS.json] --by COLUMN[,COLUMN…]|global
 * [--weight EXPR|none] [--format md|csv|json] [--out FILE]}: weighted answer distributions per
 * population × question with R survey's linearised SEs and logit CIs, n, Kish n_eff, and the missing
 * reasons' shares as their own rows ({@link AnswerDistributions}).
 *
 * <p>{@code pluralstats distributions --opinionqa DIR [--by COLUMN[,COLUMN…]] [--questions KEY,…]}: an OpinionQA
 * wave's human distributions per group as OpinionQA's reference code computes them, with the refusal share
 * apart ({@link OpinionQa}). The same command because it answers the same question — the answer shares per
 * population and question — for the release OpinionQA's users have; its columns are OpinionQA's (no SEs:
 * OpinionQA reports none).
 */
@Command(name = "distributions", mixinStandardHelpOptions = true,
        description = {"Answer distributions: the weighted share of every option per population and question.",
                "With the linearised SE and logit 95%% CI of R survey (svymean(~factor(Q)), svyciprop), n and Kish's n_eff;"
                        + " don't know / no answer / other missing reasons as rows of their own (base all)."})
final class DistributionsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "FILE",
            description = "survey data: .csv (WVS/EVS or any delimited file), .sav, .zsav, .dta")
    Path data;

    @Option(names = "--opinionqa", paramLabel = "DIR",
            description = "instead of --data: an OpinionQA wave (human_resp/American_Trends_Panel_W{N}/ with responses.csv,"
                    + " info.csv, metadata.csv, or its responses.csv); --by its demographic columns (default: Overall)")
    Path opinionQa;

    @Option(names = "--questions", paramLabel = "KEY", split = ",",
            description = "with --opinionqa: the question keys (default: every question of info.csv)")
    List<String> questionKeys;

    @Option(names = "--items", paramLabel = "ITEMS.json",
            description = "the questions: {\"items\":[{\"id\":\"Q1\",\"missing\":[8]}]} (\"missing\": codes that are user-missing);"
                    + " default: every variable but the population and weight columns")
    Path items;

    @Option(names = "--by", paramLabel = "COLUMN|global", split = ",",
            description = "populations: a column (country, language, any variable), several for their intersection"
                    + " (B_COUNTRY_ALPHA,SEX), or global")
    List<String> by;

    @Option(names = "--weight", paramLabel = "EXPR|none",
            description = "weight: a column, a product (W_WEIGHT*S018) or none; default: the file's convention (W_WEIGHT; gwght*pwght), else none")
    String weight;

    @CommandLine.Mixin
    SurveyDesignOptions surveyDesign;

    @Option(names = "--format", defaultValue = "md", description = "md, csv or json (default: ${DEFAULT-VALUE})")
    Output.Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "output file (default: standard output)")
    Path out;

    @Override
    public Integer call() {
        if ((data == null) == (opinionQa == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either --data FILE --by COLUMN or --opinionqa DIR");
        }
        if (opinionQa != null) {
            return opinionQa();
        }
        if (questionKeys != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--questions goes with --opinionqa; with --data use --items");
        }
        if (by == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--data needs --by COLUMN[,COLUMN...]|global");
        }
        DesignSpec design = surveyDesign.spec(spec.commandLine(), data);
        Microdata m = Microdata.load(spec.commandLine(), data, items, by, weight, design.columns());
        DistributionTable table = AnswerDistributions.estimate(m.in().data(), m.questions(), m.by(), m.in().weight(),
                m.missing(), design);
        Output.write(out, Output.table(table.table(), format));
        return 0;
    }

    /** {@code --opinionqa}: the wave's group distributions, its warnings and accounting on standard error. */
    private int opinionQa() {
        if (items != null || weight != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--items and --weight go with --data; an OpinionQA wave has its questions in info.csv and weights by WEIGHT_W{N}");
        }
        List<String> groups = new ArrayList<>();
        if (by != null) {
            for (String b : by) {
                if (b.isBlank()) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--by has an empty column name");
                }
                groups.add(b.strip());
            }
            if (groups.size() == 1 && (groups.get(0).equalsIgnoreCase("global") || groups.get(0).equals(OpinionQa.OVERALL))) {
                groups.clear();
            }
        }
        if (groups.stream().distinct().count() < groups.size()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--by names a column twice");
        }
        OpinionQaDistributions d = OpinionQa.wave(opinionQa).withGroups(groups)
                .withQuestions(questionKeys == null ? List.of() : questionKeys.stream().map(String::strip).toList()).read();
        Warnings.print(d.warnings().stream().map(Object::toString).toList());
        System.err.println("pluralstats: " + opinionQa + ": " + d.accounting());
        if (!d.leftOut().isEmpty()) {
            System.err.println("pluralstats: left out population x question pairs: " + String.join("; ",
                    d.leftOut().stream().map(l -> l.population() + " / " + l.question() + " (" + l.reason() + ")").toList()));
        }
        Output.write(out, Output.table(d.table(), format));
        return 0;
    }
}
