import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes data-samples/pilot-survey/: four Google Forms exports (Arabic, Chinese, Farsi, English) of the
 * six pilot questions (Alavi, Flek and Mai, "Pluralistic AI Alignment: A Cross-Cultural Pilot Survey",
 * Sec. 3.2), whose per-group means reproduce the paper's Table 1, and a codebook for the set.
 *
 * <p>The answers are synthetic: integers 1-10 drawn around each Table 1 mean with a fixed seed, then
 * nudged one point at a time until each column sums exactly to the total in {@link #GROUPS}.
 *
 * <pre>java tools/GeneratePilotSamples.java data-samples/pilot-survey</pre>
 *
 * Run from the repository root with any JDK 17+; the output is the same on every machine.
 */
public class GeneratePilotSamples {

    enum Style { DOWNLOAD, SHEET }

    record Group(String name, String key, String file, Style style, String eol, String timestampTitle,
                 boolean email, String dateFormat, LocalDateTime start, int n, int[] sums, int modelB,
                 String[] questions, String[] options, long seed) {
    }

    // Sums of Q1, Q2, Q3, Q5, Q6 and the number choosing Model B (Q4), per group, from Table 1:
    // mean = sum / n. English Q6 is 33/22 = 1.50 (the paper's 1.51 is not a mean of 22 integers).
    static final List<Group> GROUPS = List.of(
            new Group("Arabic", "ar", "arabic.csv", Style.SHEET, "\r\n", "Timestamp", false, "dd/MM/yyyy HH:mm:ss",
                    LocalDateTime.of(2025, 5, 14, 13, 7, 13), 7, new int[] {10, 54, 47, 42, 47}, 4,
                    new String[] {
                        "تعكس أدوات الذكاء الاصطناعي الحالية (مثل ChatGPT) قيمي الثقافية والأخلاقية بشكل جيد.",
                        "أفضّل مساعد ذكاء اصطناعي مضبوطًا بشكل صريح على قيم ثقافتي.",
                        "أخشى أن يؤدي الذكاء الاصطناعي الخارق في المستقبل إلى تهميش قيم ثقافتي (بشكل أكبر).",
                        "أي مساعد ذكاء اصطناعي ستختار؟",
                        "إن السماح للمستخدمين باختيار ملف تعريف ثقافي للذكاء الاصطناعي قد يعزز الصور النمطية.",
                        "أنا مستعد لمشاركة معلومات ثقافية أو ديموغرافية عني لتحسين توافق الذكاء الاصطناعي مع قيمي."},
                    new String[] {
                        "النموذج A: أعلى دقة، مبني على قيم عامة (غربية في الغالب)",
                        "النموذج B: دقة أقل بقليل، لكنه متوافق مع قيم ثقافتي"}, 11),
            new Group("Chinese", "zh", "chinese.csv", Style.SHEET, "\n", "时间戳记", false, "M/d/yyyy H:mm:ss",
                    LocalDateTime.of(2025, 5, 16, 9, 41, 2), 16, new int[] {50, 142, 59, 98, 96}, 11,
                    new String[] {
                        "目前的人工智能工具（如 ChatGPT）能够很好地体现我的文化和伦理价值观。",
                        "我更希望使用一个明确按照我所在文化的价值观进行调整的人工智能助手。",
                        "我担心未来的超人类人工智能可能会（进一步）边缘化我所在文化的价值观。",
                        "你会选择哪一个人工智能助手？\n（模型 A 准确率最高；模型 B 准确率略低，但更符合你的文化）",
                        "让用户为人工智能选择文化档案，可能会强化刻板印象。",
                        "为了让人工智能更符合我的价值观，我愿意分享关于我自己的文化或人口统计信息。"},
                    new String[] {
                        "模型 A：准确率最高，基于通用的（以西方为主的）价值观",
                        "模型 B：准确率略低，但符合我所在文化的价值观"}, 22),
            new Group("Farsi", "fa", "farsi.csv", Style.DOWNLOAD, "\n", "Timestamp", false, null,
                    LocalDateTime.of(2025, 5, 14, 18, 22, 40), 11, new int[] {25, 14, 77, 60, 46}, 8,
                    new String[] {
                        "ابزارهای هوش مصنوعی کنونی (مانند ChatGPT) ارزش‌های فرهنگی و اخلاقی من را به‌خوبی بازتاب می‌دهند.",
                        "ترجیح می‌دهم از دستیار هوش مصنوعی‌ای استفاده کنم که به‌طور مشخص با ارزش‌های فرهنگ من تنظیم شده باشد.",
                        "نگرانم که هوش مصنوعی فرابشری در آینده ارزش‌های فرهنگ من را (بیش از پیش) به حاشیه براند.",
                        "کدام دستیار هوش مصنوعی را انتخاب می‌کنید؟",
                        "اینکه کاربران بتوانند برای هوش مصنوعی یک نمایهٔ فرهنگی انتخاب کنند، ممکن است کلیشه‌ها را تقویت کند.",
                        "حاضرم اطلاعات فرهنگی یا جمعیت‌شناختی خودم را به اشتراک بگذارم تا هم‌راستایی هوش مصنوعی با ارزش‌هایم بهتر شود."},
                    new String[] {
                        "مدل A: بیشترین دقت، مبتنی بر ارزش‌های عمومی (عمدتاً غربی)",
                        "مدل B: دقت کمی پایین‌تر، اما همسو با ارزش‌های فرهنگ من"}, 33),
            new Group("English", "en", "english.csv", Style.DOWNLOAD, "\r\n", "Timestamp", true, null,
                    LocalDateTime.of(2025, 5, 13, 10, 15, 54), 22, new int[] {107, 135, 47, 63, 33}, 12,
                    new String[] {
                        "Current AI tools such as ChatGPT reflect my cultural and ethical values well.",
                        "I would prefer an AI assistant that is explicitly tuned to the values of my culture.",
                        "I am concerned that future superhuman AI could (further) marginalize the values of my culture.",
                        "Which AI assistant would you choose?\nModel A is the most accurate; Model B is slightly less "
                                + "accurate but fits your culture better.",
                        "Letting users choose a cultural profile for their AI assistant risks reinforcing stereotypes.",
                        "I would share cultural or demographic information about myself to improve how well an AI "
                                + "is aligned with my values."},
                    new String[] {
                        "Model A: the highest accuracy, built on general (mostly Western) values",
                        "Model B: slightly lower accuracy, but aligned with the values of my culture"}, 44));

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "data-samples/pilot-survey");
        Files.createDirectories(dir);
        int[][][] answers = new int[GROUPS.size()][][];
        for (int g = 0; g < GROUPS.size(); g++) {
            answers[g] = answers(GROUPS.get(g));
        }
        checkScaleEvidence(answers);
        for (int g = 0; g < GROUPS.size(); g++) {
            write(dir, GROUPS.get(g), answers[g]);
        }
        Files.writeString(dir.resolve("codebook.json"), codebook(), StandardCharsets.UTF_8);
    }

    /** @return per respondent: Q1, Q2, Q3, Q4 (1 = Model A, 2 = Model B), Q5, Q6 */
    static int[][] answers(Group g) {
        Random rnd = new Random(g.seed());
        int[][] rows = new int[g.n()][6];
        int[] scaleItems = {0, 1, 2, 4, 5};
        for (int k = 0; k < 5; k++) {
            int[] v = column(rnd, g.n(), g.sums()[k]);
            for (int r = 0; r < g.n(); r++) {
                rows[r][scaleItems[k]] = v[r];
            }
        }
        List<Integer> q4 = new ArrayList<>();
        for (int r = 0; r < g.n(); r++) {
            q4.add(r < g.modelB() ? 2 : 1);
        }
        Collections.shuffle(q4, rnd);
        for (int r = 0; r < g.n(); r++) {
            rows[r][3] = q4.get(r);
        }
        return rows;
    }

    /** n integers in 1..10 around sum/n, then moved one point at a time until they sum to {@code sum}. */
    static int[] column(Random rnd, int n, int sum) {
        double mean = (double) sum / n;
        double sd = Math.min(2.4, 0.5 + 0.45 * Math.min(mean - 1, 10 - mean));
        int[] v = new int[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            v[i] = (int) Math.max(1, Math.min(10, Math.round(mean + sd * rnd.nextGaussian())));
            total += v[i];
        }
        while (total != sum) {
            int i = rnd.nextInt(n);
            if (total < sum && v[i] < 10) {
                v[i]++;
                total++;
            } else if (total > sum && v[i] > 1) {
                v[i]--;
                total--;
            }
        }
        return v;
    }

    // Without a codebook the reader infers each scale from the answers of all groups (the smallest of
    // 1-5, 1-7, 1-10, ... that holds them): every item needs an answer of 8 or more somewhere to be 1-10.
    static void checkScaleEvidence(int[][][] answers) {
        for (int item : new int[] {0, 1, 2, 4, 5}) {
            int max = 0;
            for (int[][] group : answers) {
                for (int[] row : group) {
                    max = Math.max(max, row[item]);
                }
            }
            if (max < 8) {
                throw new IllegalStateException("Q" + (item + 1) + " never reaches 8; change a seed");
            }
        }
    }

    static void write(Path dir, Group g, int[][] rows) throws IOException {
        List<String> header = new ArrayList<>();
        header.add(g.timestampTitle());
        if (g.email()) {
            header.add("Email address");
        }
        header.addAll(Arrays.asList(g.questions()));
        StringBuilder out = new StringBuilder();
        line(out, g, header);
        Random rnd = new Random(g.seed() + 1);
        LocalDateTime t = g.start();
        for (int r = 0; r < rows.length; r++) {
            List<String> cells = new ArrayList<>();
            cells.add(timestamp(g, t));
            if (g.email()) {
                cells.add(String.format(Locale.ROOT, "respondent%02d@example.org", r + 1));
            }
            for (int k = 0; k < 6; k++) {
                cells.add(k == 3 ? g.options()[rows[r][k] - 1] : Integer.toString(rows[r][k]));
            }
            line(out, g, cells);
            t = t.plusMinutes(7 + rnd.nextInt(600)).plusSeconds(rnd.nextInt(60));
        }
        Files.writeString(dir.resolve(g.file()), out.toString(), StandardCharsets.UTF_8);
    }

    static String timestamp(Group g, LocalDateTime t) {
        if (g.style() == Style.DOWNLOAD) {
            // Forms' own download: year first, 12-hour clock, the form owner's zone (Bonn, summer time).
            return DateTimeFormatter.ofPattern("yyyy/MM/dd h:mm:ss a", Locale.US).format(t) + " GMT+2";
        }
        return DateTimeFormatter.ofPattern(g.dateFormat(), Locale.ROOT).format(t);
    }

    static void line(StringBuilder out, Group g, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String c = cells.get(i);
            boolean quote = g.style() == Style.DOWNLOAD || c.contains(",") || c.contains("\"") || c.contains("\n")
                    || c.contains("\r");
            out.append(quote ? '"' + c.replace("\"", "\"\"") + '"' : c);
        }
        out.append(g.eol());
    }

    static String codebook() {
        String[][] scale = {
            {"Q1", "Perception of current AI: current AI reflects my cultural and ethical values"},
            {"Q2", "Preference for alignment: I prefer an assistant tuned to my culture's values"},
            {"Q3", "Fear of superhuman AI: future AI could marginalize my culture's values"},
            {"Q4", "Tradeoff: Model A (most accurate) or Model B (slightly less accurate, better cultural fit)"},
            {"Q5", "Cultural profiling concerns: cultural profiles risk reinforcing stereotypes"},
            {"Q6", "Willingness to share cultural or demographic information to improve alignment"}};
        StringBuilder b = new StringBuilder();
        b.append("{\n  \"format\": \"pluralstats-forms-codebook\",\n  \"version\": 1,\n");
        b.append("  \"title\": \"Pluralistic AI alignment pilot survey (Alavi, Flek, Mai), questions Q1-Q6\",\n");
        b.append("  \"description\": \"Four language versions of one Google Form; Q1-Q3, Q5, Q6 are 1-10 agreement "
                + "scales (1 = I disagree, 10 = I agree), Q4 is a choice between Model A and Model B.\",\n");
        b.append("  \"items\": [\n");
        for (int k = 0; k < 6; k++) {
            b.append("    {\n      \"id\": \"").append(scale[k][0]).append("\",\n");
            b.append("      \"kind\": \"").append(k == 3 ? "choice" : "scale").append("\",\n");
            b.append("      \"label\": ").append(json(scale[k][1])).append(",\n");
            if (k != 3) {
                b.append("      \"scale\": {\"min\": 1, \"max\": 10, \"labels\": {\"1\": \"I disagree\", \"10\": "
                        + "\"I agree\"}},\n");
            }
            b.append("      \"headers\": {\n");
            for (int g = 0; g < GROUPS.size(); g++) {
                Group grp = GROUPS.get(g);
                b.append("        \"").append(grp.key()).append("\": ").append(json(grp.questions()[k]))
                        .append(g + 1 < GROUPS.size() ? ",\n" : "\n");
            }
            b.append("      }");
            if (k == 3) {
                b.append(",\n      \"options\": [\n");
                for (int o = 0; o < 2; o++) {
                    String code = o == 0 ? "A" : "B";
                    b.append("        {\n          \"code\": \"").append(code).append("\",\n");
                    b.append("          \"label\": \"Model ").append(code).append("\",\n");
                    b.append("          \"texts\": {\n");
                    for (int g = 0; g < GROUPS.size(); g++) {
                        Group grp = GROUPS.get(g);
                        b.append("            \"").append(grp.key()).append("\": ").append(json(grp.options()[o]))
                                .append(g + 1 < GROUPS.size() ? ",\n" : "\n");
                    }
                    b.append("          }\n        }").append(o == 0 ? ",\n" : "\n");
                }
                b.append("      ]");
            }
            b.append("\n    }").append(k < 5 ? ",\n" : "\n");
        }
        b.append("  ]\n}\n");
        return b.toString();
    }

    static String json(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
