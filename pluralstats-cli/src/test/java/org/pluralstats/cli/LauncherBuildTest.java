package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./pluralstats} launcher's first build: Maven 3.8 writes colour resets ({@code ESC[0m}) even
 * with {@code -q -B}, so the launcher keeps the build's output and shows it, stripped of escape codes, only
 * when the build fails. Run on a copy of the launcher with a stand-in {@code mvn} and {@code java} on the
 * path, so no real build happens.
 */
class LauncherBuildTest {
    private static final String ESC = "\u001b";

    @Test
    void aBuildThatSucceedsPrintsOnlyTheBuildingLineAndNoEscapeCode(@TempDir Path dir) throws Exception {
        Result r = launch(dir, "printf '\\033[0m\\033[0m'; mkdir -p pluralstats-cli/target; "
                + "touch pluralstats-cli/target/pluralstats-cli-0.1.0-SNAPSHOT-all.jar; exit 0");
        assertThat(r.exit).isZero();
        assertThat(r.err).isEqualTo("pluralstats: building pluralstats-cli-0.1.0-SNAPSHOT-all.jar ...\n");
        assertThat(r.out).startsWith("java ran:").contains("-jar").endsWith("--version\n");
    }

    @Test
    void aBuildThatFailsShowsMavensErrorsWithoutEscapeCodesAndExits1(@TempDir Path dir) throws Exception {
        Result r = launch(dir, "printf '\\033[0m\\033[1;31m[ERROR]\\033[m COMPILATION ERROR: Foo.java:[3,1]\\n'; exit 1");
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.err).doesNotContain(ESC).contains("[ERROR] COMPILATION ERROR: Foo.java:[3,1]")
                .endsWith("pluralstats: the build failed (above); run 'mvn -B package -DskipTests' for the whole output\n");
        assertThat(r.out).isEmpty();
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result launch(Path dir, String mvnBody) throws IOException, InterruptedException {
        Path root = dir.resolve("repo");
        Path bin = dir.resolve("bin");
        Files.createDirectories(root);
        Files.createDirectories(bin);
        Files.copy(Path.of("pluralstats"), root.resolve("pluralstats"));
        Files.writeString(root.resolve("pom.xml"), "<project/>\n");
        script(bin.resolve("mvn"), mvnBody);
        script(bin.resolve("java"), "echo \"java ran: $*\"");
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("pluralstats").toString(), "--version");
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("PLURALSTATS_CDS", "0");
        pb.directory(dir.toFile());
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static void script(Path file, String body) throws IOException {
        Files.write(file, List.of("#!/usr/bin/env bash", body));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
