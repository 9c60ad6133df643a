import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pluralstats.report.svg.DotPlot;
import org.pluralstats.report.svg.Estimate;
import org.pluralstats.report.svg.SeriesData;

/**
 * Writes a made-up dot plot with long row labels (WVS item wordings in English, Arabic and Chinese, one too
 * long for three lines) on an axis whose lower end is not a round tick, to show how labels wrap in taller
 * rows and how an end label never touches a tick label:
 * {@code java -cp pluralstats-core/target/classes tools/LongLabelChart.java OUT_DIR}.
 */
public class LongLabelChart {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : ".");
        List<String> items = List.of(
                "Q6 Important in life: Religion",
                "Q33 Jobs scarce: men should have more right to a job than women",
                "Q33 عندما تكون الوظائف نادرة، يجب أن يكون للرجال حق في العمل أكثر من النساء",
                "Q33 工作机会稀缺时，男性应该比女性更有权利获得工作",
                "Q34 Jobs scarce: employers should give priority to people of this country over immigrants, "
                        + "whatever their qualifications and however long they have lived and worked here");
        SeriesData.Builder d = SeriesData.builder(items);
        String[] countries = {"USA", "EGY", "CHN"};
        for (int s = 0; s < countries.length; s++) {
            Estimate[] e = new Estimate[items.size()];
            for (int c = 0; c < items.size(); c++) {
                double v = 0.82 + 0.03 * s + 0.025 * c;
                e[c] = Estimate.of(v, v - 0.03, Math.min(0.995, v + 0.03));
            }
            d.series(countries[s], List.of(e));
        }
        Files.writeString(out.resolve("long-row-labels.svg"), DotPlot.builder("Long row labels", d.build())
                .subtitle("Made-up scores: labels wrap onto up to three lines; the axis starts at 0.78, so no 0.80 beside it")
                .range(0.78, 1.0).width(640).tickDecimals(2).xLabel("value polarity score").render());
    }
}
