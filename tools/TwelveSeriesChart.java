import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pluralstats.report.svg.DotPlot;
import org.pluralstats.report.svg.Estimate;
import org.pluralstats.report.svg.IntervalChart;
import org.pluralstats.report.svg.SeriesData;

/**
 * Writes two made-up 12-series charts (a dot plot and a bar chart) to show how series beyond the
 * eighth are told apart (markers, hatching):
 * {@code java -cp pluralstats-core/target/classes tools/TwelveSeriesChart.java OUT_DIR}.
 */
public class TwelveSeriesChart {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : ".");
        List<String> countries = List.of("USA", "DEU", "JPN", "IND", "EGY", "IRN", "CHN", "RUS", "BRA", "NGA",
                "MEX", "TUR");
        SeriesData.Builder d = SeriesData.builder(List.of("Q1", "Q2", "Q3"));
        for (int i = 0; i < countries.size(); i++) {
            d.series(countries.get(i), List.of(Estimate.of(1 + i * 0.1, 0.8 + i * 0.1, 1.2 + i * 0.1),
                    Estimate.of(2 + i * 0.05, 1.8 + i * 0.05, 2.3 + i * 0.05),
                    Estimate.of(0.5 + i * 0.1, 0.3 + i * 0.1, 0.8 + i * 0.1)));
        }
        Files.writeString(out.resolve("twelve-series-dots.svg"), DotPlot.builder("Twelve countries", d.build())
                .subtitle("Made-up scores: series 9–12 reuse the colours of 1–4 with square markers").render());
        Files.writeString(out.resolve("twelve-series-bars.svg"), IntervalChart.builder("Twelve countries", d.build())
                .subtitle("Made-up scores: bars of series 9–12 reuse the colours of 1–4, hatched").tickDecimals(1)
                .render());
    }
}
