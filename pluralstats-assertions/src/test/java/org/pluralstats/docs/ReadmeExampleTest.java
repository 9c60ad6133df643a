package org.pluralstats.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every Java example of the README runs, all of them together in the README's order, as one JShell
 * session: the notebook's first steps, the library example and the analysis-test kit's assertions on the
 * library example's {@code table} and {@code scores}. A failing assertion or an example that does not
 * compile fails the test.
 */
class ReadmeExampleTest {
    private static final Pattern JAVA = Pattern.compile("(?s)```java\n(.*?)```");

    static List<String> examples() throws IOException {
        List<String> out = new ArrayList<>();
        Matcher m = JAVA.matcher(Files.readString(Path.of("README.md")));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everyJavaExampleOfTheReadmeRunsTogether(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException, InterruptedException {
        List<String> examples = examples();
        assertThat(examples).hasSize(3);
        assertThat(examples.get(2)).contains("assertThat(table)", "assertThat(scores)");
        Path script = dir.resolve("readme.jsh");
        // JShell ends a statement at a complete line: a chained call's leading dot joins the line before
        String code = String.join("\n", examples).replaceAll("\n\\s+\\.", ".");
        Files.writeString(script, code + "\nSystem.out.println(\"README: all examples ran\");\n/exit\n");
        assertThat(NotebookTest.jshell(script)).contains("Farsi                11  2.27  1.27  7.00      72.7  5.45  4.18",
                "All groups (pooled)  56  3.43  6.16  4.11      62.5  4.70  3.96",
                "ValuePolarityScore[population=DNK, item=Q164, n=56, weightSum=61.10917, vps=0.506211588211720",
                "README: all examples ran");
    }
}
