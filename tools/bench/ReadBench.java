// End-to-end read benchmark for pluralstats' readers (a single-file program, run with the CLI jar):
//   java -Xmx4g -cp pluralstats-cli/target/pluralstats-cli-0.1.0-SNAPSHOT-all.jar tools/bench/ReadBench.java FILE [VAR,VAR,...] [REPEATS]
// Prints one line: file, variables read, rows, best wall-clock seconds over the repeats, and the
// peak heap in use after the read (MB).
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.pluralstats.data.SurveyData;
import org.pluralstats.io.ReadOptions;
import org.pluralstats.io.SurveyFiles;

public class ReadBench {
    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        List<String> vars = args.length > 1 && !args[1].equals("all") ? Arrays.asList(args[1].split(",")) : List.of();
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        ReadOptions opts = ReadOptions.builder().variables(vars).conventions(ReadOptions.Conventions.NONE)
                .weight().build();
        double best = Double.MAX_VALUE;
        int rows = 0;
        int cols = 0;
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            SurveyData d = SurveyFiles.read(file, opts);
            double s = (System.nanoTime() - t0) / 1e9;
            best = Math.min(best, s);
            rows = d.rows();
            cols = d.columns().size();
        }
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        System.out.printf("%s\t%d vars\t%d rows\t%.3f s\t%.0f MB peak heap%n", file.getFileName(), cols, rows, best,
                peak / 1e6);
    }
}
