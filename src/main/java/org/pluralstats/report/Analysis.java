package org.pluralstats.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pluralstats.SurveyFormatException;

/**
 * What {@code pluralstats report} analyses: a Google Forms survey, a WVS/EVS-style file with its
 * item codings, and (with the alignment package) model outputs. Read from an analysis file (JSON,
 * below), or built from command-line options. Paths in the file are relative to the file's folder.
 *
 * <pre>{@code
 * {
 *   "format": "pluralstats-analysis", "version": 1,
 *   "title": "pluralstats report",
 *   "forms": {
 *     "title": "Pilot survey",
 *     "groups": {"Arabic": "pilot-survey/arabic.csv", "English": "pilot-survey/english.csv"},
 *     "codebook": "pilot-survey/codebook.json",
 *     "checkTable": "pilot-survey/table1-published.csv",
 *     "share": {"Q4": "B"}
 *   },
 *   "wvs": {
 *     "title": "WVS-style sample",
 *     "files": ["wvs-sample/wvs7-sample.csv", "wvs-sample/wvs7-sample.sav"],
 *     "items": "wvs-sample/items.json",
 *     "by": "B_COUNTRY_ALPHA", "weight": "W_WEIGHT",
 *     "chartItems": ["Q6", "Q164", "Q182"]
 *   },
 *   "models": []
 * }
 * }</pre>
 *
 * Every part is optional, but at least one of {@code forms} and {@code wvs} is needed. Several
 * {@code wvs.files} are the same data in different formats: scores come from the first, and the
 * others are checked to give the same scores. {@code models} is reserved for model-output files
 * (alignment per model × language); this build has no alignment package and refuses a non-empty list.
 *
 * @param title the report title
 * @param forms the Google Forms survey, if any
 * @param wvs the WVS/EVS-style data, if any
 * @param models model-output files (reserved; see above)
 */
public record Analysis(String title, Optional<Forms> forms, Optional<Wvs> wvs, List<Path> models) {

    /** The format name an analysis file declares. */
    public static final String FORMAT = "pluralstats-analysis";

    /** Copies the list. */
    public Analysis {
        models = List.copyOf(models);
    }

    /**
     * A multilingual Google Forms survey.
     *
     * @param title the section heading
     * @param groups group name to its export, in table order
     * @param codebook the codebook, if any
     * @param checkTable a published table of means to check (CSV group,item,mean), if any
     * @param share item id to the option whose share Table 1 shows (default: the second of two)
     */
    public record Forms(String title, Map<String, Path> groups, Optional<Path> codebook, Optional<Path> checkTable,
                        Map<String, String> share) {
        /** Copies the maps, keeping their order. */
        public Forms {
            groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
            share = Collections.unmodifiableMap(new LinkedHashMap<>(share));
        }
    }

    /**
     * WVS/EVS-style survey data scored with value polarity scores.
     *
     * @param title the section heading
     * @param files the data, in one or several formats (the first is scored; the others are checked against it)
     * @param items the item codings (items.json, see docs/weighting.md)
     * @param by the population column; empty: the file's country variable
     * @param weight the weight expression; empty: the file's convention
     * @param chartItems the items drawn per population; empty: the first six
     */
    public record Wvs(String title, List<Path> files, Path items, Optional<String> by, Optional<String> weight,
                      List<String> chartItems) {
        /** Copies the lists. */
        public Wvs {
            files = List.copyOf(files);
            chartItems = List.copyOf(chartItems);
        }
    }

    private static final Set<String> TOP = Set.of("format", "version", "title", "forms", "wvs", "models", "description");
    private static final Set<String> FORMS = Set.of("title", "groups", "codebook", "checkTable", "share");
    private static final Set<String> WVS = Set.of("title", "files", "items", "by", "weight", "chartItems");

    /**
     * Reads an analysis file.
     *
     * @param file the JSON file
     * @return the analysis, with paths resolved against the file's folder
     */
    public static Analysis read(Path file) {
        String name = file.toString();
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw SurveyFormatException.in(name).problem("file not found").build();
        } catch (IOException e) {
            throw SurveyFormatException.in(name).problem("not valid JSON: " + e.getMessage()).cause(e).build();
        }
        if (root == null || !root.isObject()) {
            throw SurveyFormatException.in(name).problem("not an analysis file").expected("a JSON object").build();
        }
        if (root.has("format") && !FORMAT.equals(root.get("format").asText())) {
            throw SurveyFormatException.in(name).column("format").found(root.get("format").asText())
                    .expected(FORMAT).build();
        }
        check(name, root, TOP, "the top level");
        Path base = file.toAbsolutePath().getParent();
        Optional<Forms> forms = Optional.empty();
        if (root.has("forms")) {
            JsonNode f = root.get("forms");
            check(name, f, FORMS, "forms");
            if (!f.path("groups").isObject() || f.get("groups").isEmpty()) {
                throw SurveyFormatException.in(name).column("forms.groups").problem("no groups")
                        .expected("{\"NAME\": \"export.csv\", ...}").build();
            }
            LinkedHashMap<String, Path> groups = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = f.get("groups").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                groups.put(e.getKey(), path(name, base, e.getValue(), "forms.groups." + e.getKey()));
            }
            LinkedHashMap<String, String> share = new LinkedHashMap<>();
            if (f.has("share")) {
                f.get("share").fields().forEachRemaining(e -> share.put(e.getKey(), e.getValue().asText()));
            }
            forms = Optional.of(new Forms(f.path("title").asText("Google Forms survey"), groups,
                    optionalPath(name, base, f, "codebook"), optionalPath(name, base, f, "checkTable"), share));
        }
        Optional<Wvs> wvs = Optional.empty();
        if (root.has("wvs")) {
            JsonNode w = root.get("wvs");
            check(name, w, WVS, "wvs");
            List<Path> files = new ArrayList<>();
            JsonNode fs = w.path("files");
            if (fs.isTextual()) {
                files.add(path(name, base, fs, "wvs.files"));
            } else if (fs.isArray() && !fs.isEmpty()) {
                for (JsonNode x : fs) {
                    files.add(path(name, base, x, "wvs.files"));
                }
            } else {
                throw SurveyFormatException.in(name).column("wvs.files").problem("no data files")
                        .expected("a file name or a list of them").build();
            }
            if (!w.has("items")) {
                throw SurveyFormatException.in(name).column("wvs.items").problem("missing")
                        .expected("the items file (positive codes per item)").build();
            }
            List<String> chart = new ArrayList<>();
            w.path("chartItems").forEach(x -> chart.add(x.asText()));
            wvs = Optional.of(new Wvs(w.path("title").asText("Value polarity scores"), files,
                    path(name, base, w.get("items"), "wvs.items"), text(w, "by"), text(w, "weight"), chart));
        }
        List<Path> models = new ArrayList<>();
        root.path("models").forEach(x -> models.add(path(name, base, x, "models")));
        if (forms.isEmpty() && wvs.isEmpty() && models.isEmpty()) {
            throw SurveyFormatException.in(name).problem("names no data").expected("\"forms\", \"wvs\" or \"models\"").build();
        }
        return new Analysis(root.path("title").asText("pluralstats report"), forms, wvs, models);
    }

    private static Optional<String> text(JsonNode n, String field) {
        return n.hasNonNull(field) && !n.get(field).asText().isBlank() ? Optional.of(n.get(field).asText()) : Optional.empty();
    }

    private static Optional<Path> optionalPath(String name, Path base, JsonNode n, String field) {
        return n.hasNonNull(field) ? Optional.of(path(name, base, n.get(field), field)) : Optional.empty();
    }

    private static Path path(String name, Path base, JsonNode v, String where) {
        if (!v.isTextual() || v.asText().isBlank()) {
            throw SurveyFormatException.in(name).column(where).found(v.toString()).expected("a file path").build();
        }
        Path p = Path.of(v.asText());
        return p.isAbsolute() || base == null ? p : base.resolve(p).normalize();
    }

    private static void check(String name, JsonNode node, Set<String> known, String where) {
        if (!node.isObject()) {
            throw SurveyFormatException.in(name).column(where).problem("not an object").build();
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw SurveyFormatException.in(name).column(where).problem("unknown field \"" + f + "\"")
                        .expected(String.join(", ", new java.util.TreeSet<>(known))).build();
            }
        }
    }
}
