package org.pluralstats.io;

import org.pluralstats.io.sidefile.PopulationScoreFiles;
import org.pluralstats.io.llm.ModelOutputFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.io.forms.Codebook;
import org.pluralstats.io.forms.GoogleFormsReader;

/** A FIFO or a device as input is refused at once (issue 10, item 9): it must never block or read forever. */
class InputFilesTest {
    @TempDir
    Path dir;

    private static final List<Consumer<Path>> READERS = List.of(
            p -> SurveyFiles.read(p),
            p -> SurveyFiles.open(p).close(),
            p -> org.pluralstats.io.csv.CsvReader.open(p).close(),
            p -> org.pluralstats.io.spss.SpssReader.open(p).close(),
            p -> org.pluralstats.io.stata.StataReader.open(p).close(),
            p -> GoogleFormsReader.read("g", p, org.pluralstats.io.forms.FormsReadOptions.defaults()),
            Codebook::read,
            ModelOutputFiles::read,
            p -> PopulationScoreFiles.read(p),
            TextFiles::readUtf8);

    private Path fifo() throws IOException, InterruptedException {
        Path fifo = dir.resolve("pipe.csv");
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            p = null;
        }
        assumeTrue(p != null && p.waitFor() == 0 && Files.exists(fifo), "mkfifo is not available");
        return fifo;
    }

    @Test
    void aFifoIsRefusedByEveryReaderWithoutBlocking() throws Exception {
        Path fifo = fifo();
        for (Consumer<Path> reader : READERS) {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(() -> reader.accept(fifo))
                    .isInstanceOf(SurveyFormatException.class)
                    .hasMessageContaining(fifo.toString())
                    .hasMessageContaining("not a regular file (a FIFO)")
                    .hasMessageNotContaining("\n"));
        }
    }

    @Test
    void devZeroAndStdinAreRefused() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero");
        for (Consumer<Path> reader : READERS) {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(() -> reader.accept(zero))
                    .isInstanceOf(SurveyFormatException.class)
                    .hasMessageContaining("not a regular file (a character device)"));
        }
        Path stdin = Path.of("/dev/stdin");
        if (Files.exists(stdin)) {
            assertThatThrownBy(() -> InputFiles.requireRegular(stdin)).hasMessageContaining("not a regular file");
        }
    }

    @Test
    void directoriesAndMissingFilesAreNamed() {
        assertThatThrownBy(() -> InputFiles.requireRegular(dir)).hasMessageContaining("is a directory, not a file");
        assertThatThrownBy(() -> SurveyFiles.read(dir.resolve("none.sav")))
                .hasMessageContaining("none.sav").hasMessageContaining("file not found");
    }

    @Test
    void readAllBytesRefusesAFileLargerThanTheLimitBeforeReadingIt() throws IOException {
        Path f = Files.write(dir.resolve("f.txt"), new byte[1000]);
        assertThat(InputFiles.readAllBytes(f, 1000, "a test file")).hasSize(1000);
        assertThatThrownBy(() -> InputFiles.readAllBytes(f, 999, "a test file"))
                .isInstanceOf(SurveyFormatException.class)
                .hasMessageContaining("a test file larger than the limit of 999 bytes").hasMessageContaining("1000 bytes");
        assertThat(InputFiles.size(256L << 20)).isEqualTo("256 MiB");
    }
}
