package org.pluralstats.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pluralstats.Progress;
import org.pluralstats.run.Analysis;
import org.pluralstats.run.AnalysisRun;

/**
 * Opens the report in headless Chromium with tools/render-check.sh and fails on any render error.
 * Skipped (assumption) only when no Chromium is installed: this test does not install one, so that
 * {@code mvn verify} stays fast and offline; {@code tools/render-check.sh} installs Debian's chromium
 * when run by itself (CI runs it after {@code ./pluralstats report}).
 */
class ReportRenderTest {
    @TempDir
    Path dir;

    static boolean onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, name))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theReportRendersInHeadlessChromium() throws IOException, InterruptedException {
        boolean found = List.of("chromium", "chromium-browser", "google-chrome").stream().anyMatch(ReportRenderTest::onPath);
        Assumptions.assumeTrue(found, "chromium is not installed: the render check is skipped "
                + "(run tools/render-check.sh, which installs Debian's chromium, or apt-get install chromium)");
        AnalysisReport report = AnalysisReport.of(AnalysisRun.of(Analysis.read(Path.of("data-samples/analysis.json")), Progress.none()));
        report.html().write(dir);
        ProcessBuilder pb = new ProcessBuilder("bash", "tools/render-check.sh", dir.toString(),
                dir.resolve("shot.png").toString()).redirectErrorStream(true);
        pb.environment().put("MIN_CHARTS", "8"); // forms 2, scores 3, alignment 2, US bias 1, similarity 1
        Process p = pb.start();
        p.getOutputStream().close();
        boolean done = p.waitFor(240, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            p.destroyForcibly();
        }
        assertThat(done).as("render-check finished in time: " + out).isTrue();
        Assumptions.assumeFalse(p.exitValue() == 3, "render check skipped: " + out);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("render-check: OK").contains("with 16 charts");
        assertThat(dir.resolve("shot.png")).isRegularFile();
    }
}
