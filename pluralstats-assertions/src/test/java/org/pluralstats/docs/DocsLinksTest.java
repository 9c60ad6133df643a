package org.pluralstats.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documentation is whole: every relative link of the README, {@code docs/} and the data samples'
 * READMEs names a file of the repository, and every {@code #anchor} names a heading of the linked page as
 * GitHub slugs it (lower case, punctuation but {@code -} and {@code _} dropped, spaces to {@code -}, a
 * repeated heading gaining {@code -1}, {@code -2}, …). Links to the web ({@code http:}, {@code https:},
 * {@code mailto:}) are not fetched: CI has no network.
 */
class DocsLinksTest {
    /** {@code [text](target)} and {@code ![alt](target)}; a target may carry a {@code "title"}. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern CODE_BLOCK = Pattern.compile("(?s)```.*?```");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`\n]*`");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");

    static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        for (String dir : List.of("docs", "data-samples")) {
            try (Stream<Path> s = Files.walk(Path.of(dir))) {
                s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
            }
        }
        return pages;
    }

    /** The links of a page outside code blocks and inline code, where brackets are not links. */
    static List<String> links(String markdown) {
        String prose = INLINE_CODE.matcher(CODE_BLOCK.matcher(markdown).replaceAll("")).replaceAll("");
        List<String> out = new ArrayList<>();
        Matcher m = LINK.matcher(prose);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** GitHub's heading anchors of a page, and its explicit {@code <a id="…">} anchors. */
    static Set<String> anchors(String markdown) {
        Set<String> out = new HashSet<>();
        Matcher a = HTML_ANCHOR.matcher(markdown);
        while (a.find()) {
            out.add(a.group(1));
        }
        Matcher m = HEADING.matcher(CODE_BLOCK.matcher(markdown).replaceAll(""));
        while (m.find()) {
            String text = m.group(1).replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "");
            String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\s_-]", "").replace(' ', '-');
            String unique = slug;
            for (int i = 1; !out.add(unique); i++) {
                unique = slug + "-" + i;
            }
        }
        return out;
    }

    @Test
    void everyRelativeLinkAndAnchorResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages()) {
            String text = Files.readString(page);
            for (String link : links(text)) {
                if (link.matches("(?i)(https?|mailto):.*")) {
                    continue;
                }
                checked++;
                int hash = link.indexOf('#');
                String file = hash < 0 ? link : link.substring(0, hash);
                Path target = file.isEmpty() ? page : page.resolveSibling(file).normalize();
                if (!Files.exists(target)) {
                    broken.add(page + ": " + link + " (no file " + target + ")");
                } else if (hash >= 0 && target.toString().endsWith(".md")
                        && !anchors(read(target)).contains(link.substring(hash + 1))) {
                    broken.add(page + ": " + link + " (no heading #" + link.substring(hash + 1) + " in " + target + ")");
                }
            }
        }
        assertThat(checked).as("links checked").isGreaterThan(50);
        assertThat(broken).isEmpty();
    }

    @Test
    void anchorsAreGitHubSlugs() {
        assertThat(anchors("# One pass, any size, several groupings\n## `vps` --stream\n## Notes\n## Notes\n"))
                .containsExactlyInAnyOrder("one-pass-any-size-several-groupings", "vps---stream", "notes", "notes-1");
        assertThat(links("see [a](a.md#x) and `[b](b.md)`\n```\n[c](c.md)\n```\n![d](img/d.png \"D\")"))
                .containsExactly("a.md#x", "img/d.png");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
