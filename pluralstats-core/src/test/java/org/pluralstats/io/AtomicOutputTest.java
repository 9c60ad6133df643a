package org.pluralstats.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pluralstats.PluralstatsException;

class AtomicOutputTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void nothingIsVisibleUntilCommit() throws IOException {
        Path out = dir.resolve("out.txt");
        try (AtomicOutput a = AtomicOutput.open(out, List.of())) {
            a.stream().write("half".getBytes(StandardCharsets.US_ASCII));
            a.stream().flush();
            assertThat(out).doesNotExist();
            a.commit();
        }
        assertThat(out).hasContent("half");
        assertThat(names()).containsExactly("out.txt");
    }

    @Test
    void aFailureLeavesTheEarlierFileAndNoTemporaryFile() throws IOException {
        Path out = Files.writeString(dir.resolve("out.txt"), "earlier");
        PluralstatsException e;
        try (AtomicOutput a = AtomicOutput.open(out, List.of())) {
            a.stream().write("new but broken".getBytes(StandardCharsets.US_ASCII));
            e = a.abort(new PluralstatsException("in.sav, case 57: the file ends inside a case"));
        }
        assertThat(e).hasMessage("in.sav, case 57: the file ends inside a case; nothing written to " + out);
        assertThat(out).hasContent("earlier");
        assertThat(names()).containsExactly("out.txt");
        // closed without commit: discarded too
        try (AtomicOutput a = AtomicOutput.open(out, List.of())) {
            a.stream().write('x');
        }
        assertThat(out).hasContent("earlier");
        assertThat(names()).containsExactly("out.txt");
    }

    @Test
    void directoriesCreatedForADiscardedOutputAreRemoved() throws IOException {
        try (AtomicOutput a = AtomicOutput.open(dir.resolve("x/y/out.txt"), List.of())) {
            a.stream().write('x');
            assertThat(dir.resolve("x/y")).isDirectory();
        }
        assertThat(names()).isEmpty();
        AtomicOutput.writeString(dir.resolve("x/y/out.txt"), "kept", List.of());
        assertThat(dir.resolve("x/y/out.txt")).hasContent("kept");
    }

    @Test
    void aSymbolicLinkIsFollowedAndKept() throws IOException {
        Path real = Files.writeString(dir.resolve("real.txt"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), real.getFileName());
        AtomicOutput.writeString(link, "new", List.of());
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real).hasContent("new");
    }

    @Test
    void inputsAndLinksToThemAreRefused() throws IOException {
        Path in = Files.writeString(dir.resolve("in.csv"), "a\n1\n");
        Path hard = Files.createLink(dir.resolve("hard.csv"), in);
        Path sym = Files.createSymbolicLink(dir.resolve("sym.csv"), in.getFileName());
        for (Path out : List.of(in, hard, sym, dir.resolve("./in.csv"))) {
            assertThatThrownBy(() -> AtomicOutput.open(out, List.of(in))).isInstanceOf(PluralstatsException.class)
                    .hasMessageContaining("refusing to write " + out).hasMessageContaining("nothing written");
        }
        assertThat(in).hasContent("a\n1");
        AtomicOutput.writeString(dir.resolve("other.csv"), "b", List.of(in));
    }

    @Test
    void aWriteFailureIsNamedWhateverWrappedIt() {
        assumeTrue(Files.isWritable(Path.of("/dev/full")), "no /dev/full here");
        assertThatThrownBy(() -> AtomicOutput.writeString(Path.of("/dev/full"), "x".repeat(100_000), List.of()))
                .isInstanceOf(PluralstatsException.class).hasMessage("cannot write /dev/full: no space left on device");
        try (AtomicOutput a = AtomicOutput.open(Path.of("/dev/full"), List.of())) {
            PluralstatsException e;
            try {
                a.stream().write(new byte[1 << 17]);
                a.stream().flush();
                throw new AssertionError("/dev/full accepted the bytes");
            } catch (IOException io) {
                e = a.abort(new UncheckedIOException(io));
            }
            assertThat(e).hasMessageContaining("no space left on device");
        }
    }

    @Test
    void ioCausesInTheSystemsWords() {
        assertThat(FileErrors.reason(new NoSuchFileException("/x"))).isEqualTo("no such file or directory");
        assertThat(FileErrors.reason(new AccessDeniedException("/x"))).isEqualTo("permission denied");
        assertThat(FileErrors.reason(new FileSystemException("/x", null, "Is a directory"))).isEqualTo("is a directory");
        assertThat(FileErrors.reason(new IOException("No space left on device"))).isEqualTo("no space left on device");
        assertThat(FileErrors.reason(new IOException("/x/y (Permission denied)"))).isEqualTo("permission denied");
        assertThat(FileErrors.describe(new AccessDeniedException("/x"))).isEqualTo("/x: permission denied");
    }
}
