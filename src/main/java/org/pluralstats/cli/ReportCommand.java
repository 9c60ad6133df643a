package org.pluralstats.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pluralstats.PluralstatsException;
import org.pluralstats.io.forms.FormsSurvey;
import org.pluralstats.report.FormsReport;
import org.pluralstats.report.TableCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pluralstats report}: the main job. With no arguments it runs on the embedded
 * {@code data-samples/}: the pilot survey's Table 1 reproduced from the four exports, and the paper's
 * published table checked with GRIM.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "The main job: reproduce the pilot survey's Table 1 from data-samples/ (or --samples DIR).")
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--samples", description = "the data-samples directory (default: ./data-samples, else the installation's)")
    Path samples;

    @Option(names = "--out", description = "write the report to this file instead of standard output")
    Path out;

    @Override
    public Integer call() throws IOException {
        Path dir = samplesDir(samples);
        Path pilot = dir.resolve("pilot-survey");
        FormsSurvey survey = FormsCommand.read(List.of(
                "Arabic=" + pilot.resolve("arabic.csv"), "Chinese=" + pilot.resolve("chinese.csv"),
                "Farsi=" + pilot.resolve("farsi.csv"), "English=" + pilot.resolve("english.csv")),
                pilot.resolve("codebook.json"), false);
        FormsReport report = FormsReport.of(survey, Map.of());
        StringBuilder sb = new StringBuilder("# pluralstats report\n\n");
        sb.append("Pilot survey (").append(pilot).append("): Table 1 of Alavi, Flek & Mai, reproduced from the four "
                + "Google Forms exports.\n\n");
        sb.append(report.markdown());
        sb.append("\n## The paper's published Table 1 checked (GRIM, Brown & Heathers 2016)\n\n");
        sb.append(TableCheck.markdown(TableCheck.check(pilot.resolve("table1-published.csv"), report)));
        Output.write(out, sb.toString());
        return 0;
    }

    /**
     * @param given the directory given by the user, or null
     * @return the data-samples directory: the given one, ./data-samples, or the one beside the
     *     installation ({@code PLURALSTATS_HOME}, set by the launcher)
     */
    static Path samplesDir(Path given) {
        if (given != null) {
            return given;
        }
        Path local = Path.of("data-samples");
        if (Files.isDirectory(local)) {
            return local;
        }
        String home = System.getenv("PLURALSTATS_HOME");
        if (home != null && Files.isDirectory(Path.of(home, "data-samples"))) {
            return Path.of(home, "data-samples");
        }
        throw new PluralstatsException("no data-samples directory here; run from the pluralstats checkout or give --samples DIR");
    }
}
