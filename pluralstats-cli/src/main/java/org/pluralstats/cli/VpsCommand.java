package org.pluralstats.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pluralstats.Progress;
import org.pluralstats.design.DesignSpec;
import org.pluralstats.io.StreamedScores;
import org.pluralstats.weight.GroupedScores;
import org.pluralstats.weight.PolarityDesign;
import org.pluralstats.weight.ScoreTable;
import org.pluralstats.weight.ValuePolarityScores;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pluralstats vps --data FILE (--items ITEMS.json | --rule paper) --by COLUMN|global [--by …]
 * [--weight EXPR|none] [--psu C --strata S --fpc F --nest --domain] [--format json|csv|md] [--out FILE]}:
 * value polarity scores (Eq. 1) with linearised SEs, Kish n_eff and logit CIs per population × item, for
 * every grouping in one read of the file ({@link StreamedScores}: a delimited file in parallel blocks;
 * never holding the rows); with a survey design, SEs from its clusters and strata (one {@code --by},
 * read in memory).
 */
@Command(name = "vps", mixinStandardHelpOptions = true,
        description = {"Value polarity scores (Eq. 1): the weighted share of positive stances per population and item.",
                "With the linearised SE, Kish's effective n and the logit 95%% CI of R survey's svyciprop:"
                + " one read of the file for any number of --by groupings, never holding its rows in memory. With a survey"
                + " design (--psu/--strata/--fpc or --repweights), SEs from the design as R survey gives them (one --by,"
                + " read in memory)."})
final class VpsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DesignOptions design;

    @Mixin
    SurveyDesignOptions surveyDesign;

    @Option(names = "--format", defaultValue = "json", description = "json, csv or md (default: ${DEFAULT-VALUE})")
    Output.Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "output file (default: standard output)")
    Path out;

    @Option(names = "--stream",
            description = "score a file larger than memory in one pass, never holding its rows (what vps always does"
                    + " without a survey design; refused with --psu, --strata or --repweights)")
    boolean stream;

    @Override
    public Integer call() {
        DesignSpec survey = surveyDesign.spec(spec.commandLine(), design.data);
        if (stream && !survey.isSimple()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--stream cannot score on a survey design:"
                    + " clusters, strata and replicate weights need each population's rows in memory; leave out"
                    + " --stream to score on the design in memory, or the design options to score in one pass");
        }
        if (!survey.isSimple()) {
            // a design needs each population's respondents together (clusters, strata): scored in memory
            PolarityDesign d = design.design(spec, survey.columns());
            ScoreTable scores = ValuePolarityScores.withDefaults().estimate(d, survey);
            Output.write(out, Output.table(scores.table(), format));
            DesignOptions.reportExclusions(d.excludedTotal(), d.weight().expression(), d.exclusionReasons());
            return 0;
        }
        List<String> warnings = new ArrayList<>();
        GroupedScores scores = StreamedScores.estimate(design.streaming(spec), design.data,
                w -> warnings.add(w.toString()), Progress.terminal());
        Warnings.print(warnings);
        Output.write(out, Output.table(scores.table(), format));
        DesignOptions.reportExclusions(scores.excludedTotal(), scores.weightExpression(), scores.exclusionReasons());
        return 0;
    }
}
