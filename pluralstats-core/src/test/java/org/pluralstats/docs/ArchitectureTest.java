package org.pluralstats.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house's one-way flow (issue 11): sources → records → estimates → results → presentations. The
 * estimators never read files (no {@code java.nio.file}, no {@code org.pluralstats.io}), {@code stats}
 * works on arrays (no {@code org.pluralstats.data}), and nothing in the library reaches the command line
 * or the test kit.
 */
class ArchitectureTest {
    private static final Path LIBRARY = Path.of("pluralstats-core/src/main/java/org/pluralstats");

    @Test
    void estimatorsNeitherReadFilesNorImportIo() throws IOException {
        for (String p : List.of("weight", "align", "stats", "regress", "compare", "distribution", "table")) {
            assertThat(offenders(p, "import org.pluralstats.io", "java.nio.file")).as(p).isEmpty();
        }
        assertThat(offenders("stats", "import org.pluralstats.data")).as("stats works on arrays").isEmpty();
    }

    @Test
    void theLibraryNeverReachesTheCommandLineOrTheTestKit() throws IOException {
        assertThat(offenders("", "org.pluralstats.cli", "picocli", "org.pluralstats.assertions", "org.assertj")).isEmpty();
    }

    private static List<String> offenders(String pkg, String... forbidden) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(LIBRARY.resolve(pkg))) {
            for (Path f : (Iterable<Path>) files.filter(x -> x.toString().endsWith(".java"))::iterator) {
                String text = Files.readString(f);
                for (String word : forbidden) {
                    if (text.contains(word)) {
                        out.add(LIBRARY.relativize(f) + " uses " + word);
                    }
                }
            }
        }
        assertThat(Files.isDirectory(LIBRARY.resolve(pkg))).as(pkg + " exists").isTrue();
        return out;
    }
}
