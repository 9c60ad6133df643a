// Times org.pluralstats.design.TaylorDesign on a synthetic design: 100,000 respondents in 5,000 PSUs of 20
// in 50 strata, a 0/1 variable, 60 domains (a single-file program; compile pluralstats-core first):
//   java -cp pluralstats-core/target/classes:$(ls ~/.m2/repository/org/apache/commons/commons-math3/*/commons-math3-*.jar | head -1) tools/bench/DesignBench.java
// Prints, three times, the time of one mean with its linearised SE and of svyby-style means of 60 domains.
import java.util.Random;
import org.pluralstats.design.DesignEstimate;
import org.pluralstats.design.DesignEstimates;
import org.pluralstats.design.DomainMethod;
import org.pluralstats.design.TaylorDesign;

public class DesignBench {
    public static void main(String[] args) {
        int n = 100_000;
        Random r = new Random(1);
        long[] psu = new long[n];
        String[] st = new String[n];
        double[] w = new double[n];
        double[] y = new double[n];
        String[] g = new String[n];
        for (int i = 0; i < n; i++) {
            psu[i] = i / 20;
            st[i] = "s" + (i / 2000);
            w[i] = 0.5 + r.nextDouble();
            y[i] = r.nextInt(2);
            g[i] = "c" + r.nextInt(60);
        }
        TaylorDesign d = TaylorDesign.builder(n).clusters(psu).strata(st).weights(w).build();
        for (int k = 0; k < 3; k++) {
            long t0 = System.nanoTime();
            DesignEstimate e = d.mean(y, null, 0.95);
            long t1 = System.nanoTime();
            DesignEstimates by = d.by("y", y, g, DesignEstimates.Statistic.MEAN, DomainMethod.DOMAIN, 0.95);
            long t2 = System.nanoTime();
            System.out.printf("mean %.1f ms; by 60 domains %.1f ms; se %.6f; %d rows%n", (t1 - t0) / 1e6,
                    (t2 - t1) / 1e6, e.se(), by.rows().size());
        }
    }
}
