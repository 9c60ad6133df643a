package org.pluralstats.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/notebook.jsh runs headless in JShell (as its standard input, so evaluated values print), with
 * the library on the class path and the launcher's imports, without a single JShell error, exception or
 * warning (JShell exits 0 after errors in a script, so the output is checked, with the pattern
 * tools/jshell-check.sh uses).
 */
class NotebookTest {
    static final Pattern PROBLEM = Pattern.compile(
            "(?m)^(\\|\\s+)?(Error|Exception|Caused by|Warning)(\\s|:|$)|^\\s*(\\|\\s+)?at \\S+ ?\\(|Exception in thread");

    /**
     * Runs JShell on a script given as its standard input, with the test class path (library and AssertJ)
     * and the launcher's imports, and checks that it finished without a problem.
     *
     * @param script the script, ending with {@code /exit}
     * @return what JShell printed
     */
    static String jshell(Path script) throws IOException, InterruptedException {
        Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
        List<String> cp = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.contains("surefire") && !e.endsWith("test-classes")) {
                cp.add(e);
            }
        }
        assertThat(cp).anySatisfy(e -> assertThat(e).endsWith("classes"));
        Path log = Files.createTempFile("jshell", ".log");
        Process p = new ProcessBuilder(jshell.toString(), "--class-path", String.join(File.pathSeparator, cp),
                "--startup", "DEFAULT", "--startup", "pluralstats-core/src/main/jshell/imports.jsh", "-q")
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(script.toFile()).start();
        boolean done = p.waitFor(180, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        assertThat(done).as("jshell finished: " + out).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(PROBLEM.matcher(out).find()).as("JShell reported a problem:%n%s", out).isFalse();
        return out;
    }

    @Test
    void theNotebookRunsClean() throws IOException, InterruptedException {
        Path script = Path.of("docs/notebook.jsh");
        List<String> lines = Files.readAllLines(script, StandardCharsets.UTF_8);
        assertThat(lines.get(lines.size() - 1).strip()).as("the notebook's last line").isEqualTo("/exit");
        assertThat(Files.readString(script)).contains("// ---- 6. Align model outputs");
        // results print by being evaluated: the head of their table, never a bare Object.toString
        assertThat(jshell(script)).contains("table ==> The paper's Table 1 reproduced",
                        "English              22  4.86  6.14  2.14      54.5  2.86  1.50",
                        "All groups (pooled)  56  3.43  6.16  4.11      62.5  4.70  3.96",
                        "ValuePolarityScore[population=DNK, item=Q164, n=56", "figures=16",
                        "360 generations; models [example-small-1b, example-medium-8b, example-large-70b]",
                        "example-large-70b  en US - GB", "da vs da rho=0.777")
                .doesNotContainPattern("@[0-9a-f]{5,}\\b").doesNotContain("OptionalDouble[")
                .contains("mean=2.272727272727273, sd=1.009049958219026");
    }

    @Test
    void theProblemPatternCatchesJShellErrors() {
        assertThat(PROBLEM.matcher("Error:\nincompatible types").find()).isTrue();
        assertThat(PROBLEM.matcher("ok\nException java.lang.IllegalStateException: boom\n      at (#2:1)").find()).isTrue();
        assertThat(PROBLEM.matcher("|  Error:\n|  cannot find symbol").find()).isTrue();
        assertThat(PROBLEM.matcher("| Group | n | Q1 |\nFarsi Q4, share choosing B: 8/11").find()).isFalse();
    }
}
