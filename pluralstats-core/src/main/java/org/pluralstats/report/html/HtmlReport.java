package org.pluralstats.report.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pluralstats.PluralstatsException;
import org.pluralstats.report.svg.ChartStyle;

/**
 * The report as one self-contained HTML page: inline CSS and inline SVG charts, no scripts and no
 * external resources, so it opens offline and can be mailed as one file. {@link #write(Path)} also
 * writes every table as CSV and JSON ({@code tables/ID.csv}, {@code tables/ID.json}) and every chart
 * as an SVG file ({@code figures/ID.svg}) beside {@code index.html}; the page links to them with
 * relative links.
 *
 * <pre>{@code
 * HtmlReport report = HtmlReport.builder("pluralstats report").section(a).section(b).build();
 * HtmlReport.Written w = report.write(Path.of("pluralstats-report"));
 * }</pre>
 */
public final class HtmlReport {
    /**
     * What {@link #write(Path)} wrote.
     *
     * @param index the page
     * @param files every file written, the page first
     * @param figures the number of charts
     * @param tables the number of tables
     */
    public record Written(Path index, List<Path> files, int figures, int tables) {
    }

    private final String title;
    private final List<String> intro;
    private final List<String> inputs;
    private final List<String> warnings;
    private final List<ReportSection> sections;
    private final String footer;
    private final java.util.Optional<org.pluralstats.report.Provenance> provenance;

    private HtmlReport(Builder b) {
        this.title = b.title;
        this.intro = List.copyOf(b.intro);
        this.inputs = List.copyOf(b.inputs);
        this.warnings = List.copyOf(b.warnings);
        this.sections = List.copyOf(b.sections);
        this.footer = b.footer;
        this.provenance = java.util.Optional.ofNullable(b.provenance);
        Set<String> ids = new HashSet<>();
        for (ReportSection s : sections) {
            require(ids, "section", s.id());
            for (ReportBlock bl : s.blocks()) {
                if (bl instanceof ReportBlock.Figure f) {
                    require(ids, "figure", "figure-" + f.id());
                } else if (bl instanceof ReportBlock.NotDrawn n) {
                    require(ids, "figure", "figure-" + n.id());
                } else if (bl instanceof ReportTable t) {
                    require(ids, "table", "table-" + t.id());
                }
            }
        }
    }

    private static void require(Set<String> ids, String what, String id) {
        if (!ids.add(id.toLowerCase(java.util.Locale.ROOT))) {
            throw new PluralstatsException("the report has two " + what + "s with the id \"" + id + "\"");
        }
    }

    /**
     * @param title the page title
     * @return a builder
     */
    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** @return the sections, in order */
    public List<ReportSection> sections() {
        return sections;
    }

    /** @return every chart of the report, in order */
    public List<ReportBlock.Figure> figures() {
        List<ReportBlock.Figure> out = new ArrayList<>();
        sections.forEach(s -> out.addAll(s.figures()));
        return out;
    }

    /** @return every table of the report, in order */
    public List<ReportTable> tables() {
        List<ReportTable> out = new ArrayList<>();
        sections.forEach(s -> out.addAll(s.tables()));
        return out;
    }

    /** @return the page */
    public String html() {
        StringBuilder sb = new StringBuilder(1 << 16);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"pluralstats\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(css()).append("</style>\n")
                .append("</head>\n<body>\n<header>\n<h1>").append(esc(title)).append("</h1>\n");
        for (String p : intro) {
            sb.append("<p>").append(esc(p)).append("</p>\n");
        }
        if (!inputs.isEmpty()) {
            sb.append("<details class=\"inputs\"><summary>Inputs</summary>\n<ul>\n");
            for (String i : inputs) {
                sb.append("<li dir=\"auto\">").append(esc(i)).append("</li>\n");
            }
            sb.append("</ul>\n</details>\n");
        }
        if (!warnings.isEmpty()) {
            sb.append("<details class=\"warnings\" open><summary>Warnings (").append(warnings.size())
                    .append(")</summary>\n<ul>\n");
            for (String w : warnings) {
                sb.append("<li dir=\"auto\">").append(esc(w)).append("</li>\n");
            }
            sb.append("</ul>\n</details>\n");
        }
        sb.append("<nav><ol>\n");
        for (ReportSection s : sections) {
            sb.append("<li><a href=\"#").append(esc(s.id())).append("\">").append(esc(s.title())).append("</a>");
            List<ReportBlock.Figure> figs = s.figures();
            if (!figs.isEmpty()) {
                sb.append(" <span class=\"muted\">(").append(figs.size()).append(figs.size() == 1 ? " chart" : " charts")
                        .append(")</span>");
            }
            sb.append("</li>\n");
        }
        sb.append("</ol></nav>\n</header>\n<main>\n");
        int figure = 0;
        int table = 0;
        for (ReportSection s : sections) {
            sb.append("<section id=\"").append(esc(s.id())).append("\">\n<h2>").append(esc(s.title())).append("</h2>\n");
            for (ReportBlock b : s.blocks()) {
                if (b instanceof ReportBlock.Paragraph p) {
                    sb.append("<p dir=\"auto\">").append(esc(p.text())).append("</p>\n");
                } else if (b instanceof ReportBlock.Figure f) {
                    figure++;
                    sb.append("<figure id=\"figure-").append(esc(f.id())).append("\">\n").append(f.svg().strip()).append('\n')
                            .append("<figcaption><b>Figure ").append(figure).append(".</b> ").append(esc(f.caption()))
                            .append(" <a href=\"figures/").append(esc(f.id())).append(".svg\">SVG</a></figcaption>\n")
                            .append("</figure>\n");
                } else if (b instanceof ReportBlock.NotDrawn n) {
                    sb.append("<figure id=\"figure-").append(esc(n.id())).append("\" class=\"not-drawn\">\n")
                            .append("<p><b dir=\"auto\">").append(esc(n.title())).append("</b><br>Not drawn: ")
                            .append(esc(n.reason())).append("</p>\n</figure>\n");
                } else if (b instanceof ReportTable t) {
                    table++;
                    table(sb, t, table);
                }
            }
            sb.append("</section>\n");
        }
        provenance.ifPresent(p -> {
            sb.append("<section id=\"provenance\" class=\"provenance\">\n<h2>Provenance</h2>\n<ul>\n");
            for (String l : p.lines()) {
                sb.append("<li dir=\"auto\">").append(esc(l)).append("</li>\n");
            }
            sb.append("</ul>\n</section>\n");
        });
        sb.append("</main>\n<footer><p>").append(esc(footer)).append("</p></footer>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static void table(StringBuilder sb, ReportTable t, int number) {
        String caption = "<b>Table " + number + ".</b> " + esc(t.title()) + " <a href=\"tables/" + esc(t.id())
                + ".csv\">CSV</a> · <a href=\"tables/" + esc(t.id()) + ".json\">JSON</a>";
        if (t.collapsed()) {
            sb.append("<details id=\"table-").append(esc(t.id())).append("\"><summary>").append(caption)
                    .append(" <span class=\"muted\">(").append(t.rows().size()).append(" rows)</span></summary>\n");
        } else {
            sb.append("<div class=\"table\" id=\"table-").append(esc(t.id())).append("\"><p class=\"caption\">").append(caption)
                    .append("</p>\n");
        }
        sb.append("<div class=\"scroll\">").append(tableElement(t)).append("</div>\n");
        if (!t.note().isEmpty()) {
            sb.append("<p class=\"note\">").append(esc(t.note())).append("</p>\n");
        }
        sb.append(t.collapsed() ? "</details>\n" : "</div>\n");
    }

    /** A text column whose longest cell is at most this many characters is kept on one line. */
    static final int SHORT_TEXT = 40;

    /**
     * @param t a table
     * @return its HTML {@code <table>} element (head and body, cells as {@link ReportTable#display} shows
     *     them), escaped. Every cell and header has a class the page's CSS lays out by:
     *     {@code num} for numbers and for text columns whose every cell is written as a number (a published
     *     mean "1.43"; right-aligned, never broken), {@code key} for a text column whose longest
     *     cell has at most {@value #SHORT_TEXT} characters (model names, items, test names: kept on one
     *     line, so "OLMo-2-1124-7B-Instruct" is never broken at its hyphens) and {@code text} for a column of
     *     longer texts (wrapped at spaces, with a minimum width); a table wider than the page scrolls
     *     sideways in its {@code <div class="scroll">} instead of being cut or squeezed.
     */
    public static String tableElement(ReportTable t) {
        int nc = t.columns().size();
        String[] kind = new String[nc];
        for (int c = 0; c < nc; c++) {
            boolean numeric = t.numeric(c);
            int longest = 0;
            for (int r = 0; r < t.rows().size(); r++) {
                longest = Math.max(longest, t.display(r, c).codePointCount(0, t.display(r, c).length()));
            }
            kind[c] = numeric || numbersAsText(t, c) ? "num" : longest <= SHORT_TEXT ? "key" : "text";
        }
        StringBuilder sb = new StringBuilder();
        sb.append("<table>\n<thead><tr>");
        for (int c = 0; c < nc; c++) {
            sb.append("<th class=\"").append(kind[c]).append("\">").append(esc(t.columns().get(c).name())).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < t.rows().size(); r++) {
            sb.append("<tr>");
            List<Object> row = t.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                // a text cell in a number column (a label such as "<0.0001") is still a number's place
                String k = kind[c].equals("num") || v instanceof Number ? "num" : kind[c];
                sb.append("<td class=\"").append(k).append(k.equals("num") ? "\">" : "\" dir=\"auto\">")
                        .append(esc(t.display(r, c))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>");
        return sb.toString();
    }

    private static final java.util.regex.Pattern NUMBER_TEXT =
            java.util.regex.Pattern.compile("[-\u2212]?[0-9]+(\\.[0-9]+)?%?|\u2013|<0\\.0*1");

    /** @return whether every cell of a text column is written as a number (a published mean "1.43"), and one is */
    private static boolean numbersAsText(ReportTable t, int column) {
        boolean any = false;
        for (int r = 0; r < t.rows().size(); r++) {
            String d = t.display(r, column).strip();
            if (d.isEmpty()) {
                continue;
            }
            if (!NUMBER_TEXT.matcher(d).matches()) {
                return false;
            }
            any |= !d.equals("\u2013");
        }
        return any;
    }

    private static String css() {
        return "body{font-family:" + ChartStyle.FONT_FAMILY + ";color:#222;margin:0;background:#fafafa;line-height:1.45}\n"
                + "header,main,footer{max-width:1000px;margin:0 auto;padding:0 20px}\n"
                + "header{padding-top:12px}h1{font-size:1.6em;margin:.6em 0 .3em}\n"
                + "h2{font-size:1.25em;border-bottom:2px solid #0072B2;padding-bottom:4px;margin-top:1.6em}\n"
                + "section{background:#fff;border:1px solid #e2e2e2;border-radius:6px;padding:4px 20px 16px;margin:18px 0}\n"
                + "figure{margin:16px 0;overflow-x:auto}svg.chart{max-width:100%;height:auto;display:block}\n"
                + "figcaption,.caption,.note{font-size:.9em;color:#444}\n"
                + "figure.not-drawn{border:1px dashed #bbb;border-radius:4px;padding:8px 14px;color:#444}"
                + "figure.not-drawn p{margin:0}\n"
                + "table{border-collapse:collapse;font-size:.88em;margin:4px 0}\n"
                + "th,td{border-bottom:1px solid #ddd;padding:3px 9px;text-align:start;vertical-align:top}\n"
                + "th{background:#f0f4f8;position:sticky;top:0;white-space:nowrap}\n"
                // numbers: right-aligned, digits of equal width, never broken; short keys: one line;
                // long texts: wrapped at spaces only, never narrower than a readable column
                + "td.num,th.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}\n"
                + "td.key{white-space:nowrap}\n"
                + "td.text{min-width:16em;max-width:40em;white-space:normal;overflow-wrap:break-word;hyphens:manual}\n"
                // a table wider than the page scrolls sideways; the shadows at its edges say there is more
                + ".scroll{overflow-x:auto;max-height:480px;overflow-y:auto;"
                + "background:linear-gradient(to right,#fff 30%,rgba(255,255,255,0)) left/40px 100% no-repeat local,"
                + "linear-gradient(to left,#fff 30%,rgba(255,255,255,0)) right/40px 100% no-repeat local,"
                + "radial-gradient(farthest-side at 0 50%,rgba(0,0,0,.18),rgba(0,0,0,0)) left/12px 100% no-repeat scroll,"
                + "radial-gradient(farthest-side at 100% 50%,rgba(0,0,0,.18),rgba(0,0,0,0)) right/12px 100% no-repeat scroll}\n"
                // on paper nothing scrolls: every row is printed and cells wrap to the page's width
                + "@media print{.scroll{overflow:visible;max-height:none;background:none}"
                + "th,td.key{white-space:normal}table{font-size:.75em}}\n"
                + "details{margin:10px 0}summary{cursor:pointer}.muted{color:#777}\n"
                + "details.warnings summary{color:#a04000;font-weight:bold}\n"
                + "nav ol{padding-left:1.4em}footer{font-size:.85em;color:#666;padding-bottom:24px}\n"
                + "a{color:#005a8e}\n";
    }

    /**
     * Writes {@code index.html}, {@code tables/ID.csv}, {@code tables/ID.json} and {@code figures/ID.svg}
     * into a directory (created with its parents if needed), whole or not at all: every file is first
     * written into a staging directory (beside {@code dir} when {@code dir} does not exist yet, which is
     * then renamed to {@code dir}; inside it, as {@code .pluralstats-staging-HEX}, when it does); only when
     * all are written are they renamed into place, the page last. Files of an earlier run in
     * {@code tables/} ({@code .csv}, {@code .json}) and {@code figures/} ({@code .svg}) that the new page does
     * not list are deleted, so the directory holds exactly this report's tables and charts; other files
     * in {@code dir} are left alone. A failure while writing leaves {@code dir} as it was.
     *
     * @param dir the directory
     * @return what was written
     * @throws PluralstatsException naming the directory and the cause, one line
     */
    public Written write(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new PluralstatsException("cannot write the report to " + dir + ": it is a file, not a directory; "
                    + "nothing written");
        }
        boolean fresh = !Files.exists(dir);
        Path staging;
        try {
            Path parent = dir.toAbsolutePath().normalize().getParent();
            if (fresh && parent != null) {
                Files.createDirectories(parent);
            }
            String hex = Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
            staging = fresh ? (parent == null ? Path.of("") : parent).resolve("." + dir.toAbsolutePath().normalize()
                    .getFileName() + ".pluralstats-staging-" + hex) : dir.resolve(".pluralstats-staging-" + hex);
            Files.createDirectory(staging);
        } catch (IOException e) {
            throw new PluralstatsException("cannot write the report to " + dir + ": "
                    + org.pluralstats.io.FileErrors.describe(e) + "; nothing written", e);
        }
        List<String> names = new ArrayList<>();
        try {
            Files.createDirectory(staging.resolve("tables"));
            Files.createDirectory(staging.resolve("figures"));
            for (ReportTable t : tables()) {
                names.add("tables/" + t.id() + ".csv");
                Files.writeString(staging.resolve(names.get(names.size() - 1)), t.csv(), StandardCharsets.UTF_8);
                names.add("tables/" + t.id() + ".json");
                Files.writeString(staging.resolve(names.get(names.size() - 1)),
                        provenance.map(p -> t.json(p.toMap())).orElseGet(t::json), StandardCharsets.UTF_8);
            }
            for (ReportBlock.Figure f : figures()) {
                names.add("figures/" + f.id() + ".svg");
                Files.writeString(staging.resolve(names.get(names.size() - 1)),
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + f.svg(), StandardCharsets.UTF_8);
            }
            Files.writeString(staging.resolve("index.html"), html(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            deleteTree(staging);
            throw new PluralstatsException("cannot write the report to " + dir + ": "
                    + (e instanceof IOException io ? org.pluralstats.io.FileErrors.describe(io) : e.getMessage())
                    + "; nothing written", e);
        }
        try {
            if (fresh) {
                move(staging, dir);
            } else {
                Files.createDirectories(dir.resolve("tables"));
                Files.createDirectories(dir.resolve("figures"));
                for (String n : names) {
                    move(staging.resolve(n), dir.resolve(n));
                }
                move(staging.resolve("index.html"), dir.resolve("index.html"));
                Set<String> listed = new HashSet<>(names);
                removeStale(dir, "tables", listed, ".csv", ".json");
                removeStale(dir, "figures", listed, ".svg");
                deleteTree(staging);
            }
        } catch (IOException e) {
            deleteTree(staging);
            throw new PluralstatsException("cannot finish the report in " + dir + ": "
                    + org.pluralstats.io.FileErrors.describe(e), e);
        }
        List<Path> files = new ArrayList<>();
        files.add(dir.resolve("index.html"));
        names.forEach(n -> files.add(dir.resolve(n)));
        return new Written(dir.resolve("index.html"), List.copyOf(files), figures().size(), tables().size());
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void removeStale(Path dir, String sub, Set<String> listed, String... extensions) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(dir.resolve(sub))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                boolean ours = false;
                for (String ext : extensions) {
                    ours |= name.endsWith(ext);
                }
                if (ours && Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        && !listed.contains(sub + "/" + name)) {
                    Files.delete(f);
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
            List<Path> all = walk.sorted(java.util.Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // best effort: what is left is a hidden staging directory, never a part of the report
        }
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Builds an {@link HtmlReport}. */
    public static final class Builder {
        private final String title;
        private final List<String> intro = new ArrayList<>();
        private final List<String> inputs = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private final List<ReportSection> sections = new ArrayList<>();
        private org.pluralstats.report.Provenance provenance;
        private String footer = "Written by pluralstats " + org.pluralstats.Version.current() + ". Tables beside this page as CSV and JSON; charts as SVG.";

        private Builder(String title) {
            this.title = title;
        }

        /** @param text a paragraph under the title @return this */
        public Builder intro(String text) {
            intro.add(text);
            return this;
        }

        /** @param description an input file and what it is @return this */
        public Builder input(String description) {
            inputs.add(description);
            return this;
        }

        /**
         * @param text something a reader noticed in an input (a {@link org.pluralstats.io.ReadWarning}),
         *     listed under "Warnings" at the top of the page
         * @return this
         */
        public Builder warning(String text) {
            warnings.add(text);
            return this;
        }

        /** @param section a section, appended @return this */
        public Builder section(ReportSection section) {
            sections.add(section);
            return this;
        }

        /** @param sectionList sections, appended in order @return this */
        public Builder sections(List<? extends ReportSection> sectionList) {
            sections.addAll(sectionList);
            return this;
        }

        /**
         * @param p where the report came from: shown as the page's "Provenance" section and written as the
         *     {@code provenance} member of every {@code tables/ID.json}
         * @return this
         */
        public Builder provenance(org.pluralstats.report.Provenance p) {
            this.provenance = java.util.Objects.requireNonNull(p);
            return this;
        }

        /** @param text the footer line @return this */
        public Builder footer(String text) {
            this.footer = text;
            return this;
        }

        /** @return the report */
        public HtmlReport build() {
            return new HtmlReport(this);
        }
    }
}
