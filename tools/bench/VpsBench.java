// End-to-end value polarity score benchmark (a single-file program, run with the CLI jar):
//   java -cp pluralstats-cli/target/pluralstats-cli-0.1.0-SNAPSHOT-all.jar tools/bench/VpsBench.java FILE ITEMS OUTDIR [REPEATS]
// Reads FILE once (ITEMS items Q1..Q<ITEMS> with the country, language and weight), scores them with the
// paper rule by country, by interview language and globally, and writes three CSV files to OUTDIR.
// Prints the best wall-clock seconds over the repeats (read + score + write).
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pluralstats.data.SurveyData;
import org.pluralstats.io.ReadOptions;
import org.pluralstats.io.SurveyFiles;
import org.pluralstats.report.WeightReports;
import org.pluralstats.weight.Binarisation;
import org.pluralstats.weight.PolarityDesign;
import org.pluralstats.weight.PopulationSpec;
import org.pluralstats.weight.ValuePolarityScores;
import org.pluralstats.weight.WeightSpec;

public class VpsBench {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int items = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Files.createDirectories(out);
        List<String> vars = new ArrayList<>();
        for (int i = 1; i <= items; i++) {
            vars.add("Q" + i);
        }
        double best = Double.MAX_VALUE;
        int rows = 0;
        for (int rep = 0; rep < repeats; rep++) {
            long t0 = System.nanoTime();
            SurveyData data = SurveyFiles.read(file, ReadOptions.builder().variables(vars).build());
            // binarise and weigh once (W_WEIGHT: the Wave 7 convention), then group three ways
            PolarityDesign design = PolarityDesign.builder(data).binarisation(Binarisation.paper())
                    .weight(WeightSpec.design()).build();
            for (String by : List.of("B_COUNTRY_ALPHA", "S_INTLANGUAGE", "global")) {
                PolarityDesign d = design.withPopulations(PopulationSpec.parse(by));
                Files.writeString(out.resolve("vps-" + by + ".csv"),
                        WeightReports.scoresCsv(ValuePolarityScores.withDefaults().estimate(d), false));
            }
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            rows = data.rows();
        }
        System.out.printf("pluralstats vps: %d rows x %d items, by country/language/global: %.3f s%n", rows, items, best);
    }
}
