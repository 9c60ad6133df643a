package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** {@code pluralstats --version} prints the version of the artifact Maven built, as the pom says it. */
class VersionTest {
    @Test
    void versionIsTheProjectVersion() throws Exception {
        // the module's pom: its version is its parent's
        Path module = Path.of(System.getProperty("basedir", "."));
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(module.resolve("pom.xml").toFile());
        var xpath = XPathFactory.newInstance().newXPath();
        String projectVersion = xpath.evaluate("/project/version", pom);
        if (projectVersion.isBlank()) {
            projectVersion = xpath.evaluate("/project/parent/version", pom);
        }
        assertThat(projectVersion).isNotBlank();
        CliRunner.Result r = CliRunner.run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("pluralstats " + projectVersion + "\n");
        assertThat(CliRunner.run("vps", "--version").out()).isEqualTo(r.out());
    }
}
