package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code pluralstats --help} and every command's {@code --help}: whole sentences, and no picocli warnings. */
class CommandHelpTest {
    @Test
    void everyCommandsFirstDescriptionLineIsAWholeSentenceListedInFull() {
        CliRunner.Result help = CliRunner.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out() + help.err()).doesNotContain("[picocli WARN]");
        // picocli wraps the list at spaces and after full stops (index.<newline>html): compare without white space
        String listed = help.out().replaceAll("\\s+", "");
        Map<String, CommandLine> commands = Main.commandLine().getSubcommands();
        assertThat(commands).isNotEmpty();
        for (Map.Entry<String, CommandLine> c : commands.entrySet()) {
            String[] description = c.getValue().getCommandSpec().usageMessage().description();
            assertThat(description).as(c.getKey()).isNotEmpty();
            String first = String.format(description[0]);
            assertThat(first).as(c.getKey() + "'s first description line").endsWith(".");
            assertThat(listed).as("the help lists " + c.getKey() + " with its whole first line")
                    .contains(c.getKey() + first.replaceAll("\\s+", ""));
        }
    }

    @Test
    void noCommandsHelpHasAPicocliWarning() {
        for (String name : Main.commandLine().getSubcommands().keySet()) {
            CliRunner.Result r = CliRunner.run(name, "--help");
            assertThat(r.exitCode()).as(name).isZero();
            assertThat(r.out()).as(name).startsWith("Usage: pluralstats " + name);
            assertThat(r.out() + r.err()).as(name + " --help").doesNotContain("[picocli WARN]").doesNotContain("%n");
        }
    }
}
