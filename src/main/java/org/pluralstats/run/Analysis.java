package org.pluralstats.run;

import org.pluralstats.io.sidefile.OptionDistributionFiles;
import org.pluralstats.io.llm.ModelOutputFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pluralstats.PluralstatsException;
import org.pluralstats.SurveyFormatException;
import org.pluralstats.io.JsonInput;
import org.pluralstats.align.AlignmentLevel;
import org.pluralstats.align.UsCentricBias;
import org.pluralstats.stats.PercentileBootstrap;

/**
 * What {@code pluralstats report} analyses: a Google Forms survey, a WVS/EVS-style file with its
 * item codings, model outputs to align with populations, and answer distributions to compare. Read from an analysis file (JSON,
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
 *   "models": {
 *     "title": "Alignment of model outputs",
 *     "outputs": "model-outputs/outputs.jsonl",
 *     "populations": ["model-outputs/populations.csv"],
 *     "alignWith": ["language", "US"],
 *     "countries": "multicultural-alignment/country_languages.csv",
 *     "reference": "US", "locals": {"en": "GB"},
 *     "level": "item", "bootstrap": 200, "seed": 20250224
 *   },
 *   "similarity": {
 *     "title": "Answer distributions",
 *     "human": "model-outputs/human-distributions.csv", "model": "model-outputs/model-distributions.json",
 *     "bootstrap": 1000, "seed": 20250224
 *   }
 * }
 * }</pre>
 *
 * Every part is optional, but at least one is needed. Several {@code wvs.files} are the same data in
 * different formats: scores come from the first, and the others are checked to give the same scores.
 * {@code models} may also be a list of model-output files (the other fields at their defaults), or an
 * empty list for none. Without {@code models.populations}, model outputs are aligned with the value
 * polarity scores of the {@code wvs} part.
 *
 * @param title the report title
 * @param forms the Google Forms survey, if any
 * @param wvs the WVS/EVS-style data, if any
 * @param models model outputs to align with populations, if any
 * @param similarity human and model answer distributions to compare, if any
 */
public record Analysis(String title, Optional<Forms> forms, Optional<Wvs> wvs, Optional<Models> models,
                       Optional<Similarity> similarity) {

    /** The format name an analysis file declares. */
    public static final String FORMAT = "pluralstats-analysis";

    /**
     * An analysis of the Google Forms survey and WVS-style data only.
     *
     * @param title the report title
     * @param forms the Google Forms survey, if any
     * @param wvs the WVS/EVS-style data, if any
     */
    public Analysis(String title, Optional<Forms> forms, Optional<Wvs> wvs) {
        this(title, forms, wvs, Optional.empty(), Optional.empty());
    }

    /** The value of {@link Models#alignWith()} that stands for each prompt language's own population. */
    public static final String OWN_LANGUAGE = "language";

    /**
     * Model outputs aligned with populations (seed paper 003): alignment per model × language
     * (Figure 4), model self-consistency, and — with a country → language table — US-vs-local bias
     * (Figure 5). See docs/alignment.md for the file formats and the statistics.
     *
     * @param title the section heading
     * @param outputs model-output files (JSONL or CSV; {@code ModelOutputFiles.read}); several are combined
     * @param populations population score files ({@code PopulationScores.read}); empty: the scores of the
     *     {@code wvs} part
     * @param alignWith the populations drawn per model × language, one chart each: a population name, or
     *     {@value Analysis#OWN_LANGUAGE} for each language's own population; empty: {@value Analysis#OWN_LANGUAGE} when
     *     every prompt language has a population of that name, else every population
     * @param countries country → language table for the US-vs-local comparison, if any
     * @param reference the reference population of that comparison ({@code US})
     * @param locals language → the local country drawn in the bias chart (default: the language's first
     *     country in {@code countries} with scores); every local is in the table
     * @param level item or response
     * @param resamples bootstrap resamples (0 for no intervals)
     * @param seed the bootstrap seed
     */
    public record Models(String title, List<Path> outputs, List<Path> populations, List<String> alignWith,
                         Optional<Path> countries, String reference, Map<String, String> locals,
                         AlignmentLevel level, int resamples, long seed) {
        /** Copies the lists and map. */
        public Models {
            outputs = List.copyOf(outputs);
            populations = List.copyOf(populations);
            alignWith = List.copyOf(alignWith);
            locals = Collections.unmodifiableMap(new LinkedHashMap<>(locals));
            if (outputs.isEmpty()) {
                throw new PluralstatsException("models: no model-output files");
            }
            if (resamples < 0 || resamples > PercentileBootstrap.MAX_RESAMPLES) {
                throw new PluralstatsException("models: bootstrap resamples must be from 0 to "
                        + PercentileBootstrap.MAX_RESAMPLES + ", not " + resamples);
            }
        }

        /**
         * @param outputs model-output files
         * @param populations population score files (empty: the {@code wvs} part's scores)
         * @return the defaults: title "Alignment of model outputs with populations", the default
         *     populations drawn, no US comparison, item level, {@value #DEFAULT_RESAMPLES} resamples,
         *     the default seed
         */
        public static Models of(List<Path> outputs, List<Path> populations) {
            return new Models("Alignment of model outputs with populations", outputs, populations, List.of(),
                    Optional.empty(), UsCentricBias.US, Map.of(), AlignmentLevel.ITEM, DEFAULT_RESAMPLES,
                    PercentileBootstrap.DEFAULT_SEED);
        }

        /** Bootstrap resamples of the report's alignment intervals unless the file says otherwise. */
        public static final int DEFAULT_RESAMPLES = 200;
    }

    /**
     * Human and model answer distributions compared per population (seed paper 002, Table 1):
     * Wasserstein similarity and 1 − Jensen–Shannon distance (base 2) with bootstrap intervals, and
     * the model's unclassifiable share.
     *
     * @param title the section heading
     * @param human the human distributions ({@code OptionDistributionFiles.read})
     * @param model the model's distributions
     * @param resamples bootstrap resamples (0 for no intervals)
     * @param seed the bootstrap seed
     */
    public record Similarity(String title, Path human, Path model, int resamples, long seed) {
        /** Checks the resamples. */
        public Similarity {
            if (resamples < 0 || resamples > PercentileBootstrap.MAX_RESAMPLES) {
                throw new PluralstatsException("similarity: bootstrap resamples must be from 0 to "
                        + PercentileBootstrap.MAX_RESAMPLES + ", not " + resamples);
            }
        }

        /**
         * @param human the human distributions
         * @param model the model's distributions
         * @return the defaults: 1000 resamples (as seed paper 002), the default seed
         */
        public static Similarity of(Path human, Path model) {
            return new Similarity("Similarity of model and human answer distributions", human, model,
                    PercentileBootstrap.DEFAULT_RESAMPLES, PercentileBootstrap.DEFAULT_SEED);
        }
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

    private static final Set<String> TOP = Set.of("format", "version", "title", "forms", "wvs", "models", "similarity",
            "description");
    private static final Set<String> MODELS = Set.of("title", "outputs", "populations", "alignWith", "countries",
            "reference", "locals", "level", "bootstrap", "seed");
    private static final Set<String> SIMILARITY = Set.of("title", "human", "model", "bootstrap", "seed");
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
        JsonNode root = JsonInput.readTree(file);
        if (root == null || !root.isObject()) {
            throw SurveyFormatException.in(name).problem("not an analysis file").expected("a JSON object").build();
        }
        if (root.has("format") && !FORMAT.equals(root.get("format").textValue())) {
            throw SurveyFormatException.in(name).column("format").found(root.get("format").toString())
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
                if (!f.get("share").isObject()) {
                    throw SurveyFormatException.in(name).column("forms.share").found(f.get("share").toString())
                            .expected("an object {\"ITEM\": \"OPTION\", ...}").build();
                }
                f.get("share").fields().forEachRemaining(e -> share.put(e.getKey(),
                        JsonInput.text(name, e.getValue(), "forms.share." + e.getKey())));
            }
            forms = Optional.of(new Forms(title(name, f, "forms", "Google Forms survey"), groups,
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
            texts(name, w, "chartItems", "wvs.chartItems").forEach(chart::add);
            wvs = Optional.of(new Wvs(title(name, w, "wvs", "Value polarity scores"), files,
                    path(name, base, w.get("items"), "wvs.items"), text(name, w, "by", "wvs"),
                    text(name, w, "weight", "wvs"), chart));
        }
        Optional<Models> models = Optional.empty();
        JsonNode m = root.path("models");
        if (m.isArray() && !m.isEmpty()) {
            models = Optional.of(Models.of(paths(name, base, m, "models"), List.of()));
        } else if (m.isObject()) {
            check(name, m, MODELS, "models");
            List<Path> outputs = paths(name, base, m.path("outputs"), "models.outputs");
            if (outputs.isEmpty()) {
                throw SurveyFormatException.in(name).column("models.outputs").problem("no model-output files")
                        .expected("a file name or a list of them").build();
            }
            List<String> alignWith = new ArrayList<>();
            alignWith.addAll(texts(name, m, "alignWith", "models.alignWith"));
            LinkedHashMap<String, String> locals = new LinkedHashMap<>();
            if (m.hasNonNull("locals") && !m.get("locals").isObject()) {
                throw SurveyFormatException.in(name).column("models.locals").found(m.get("locals").toString())
                        .expected("an object {\"MODEL\": \"COUNTRY\", ...}").build();
            }
            m.path("locals").fields().forEachRemaining(e -> locals.put(e.getKey(),
                    JsonInput.text(name, e.getValue(), "models.locals." + e.getKey())));
            AlignmentLevel level;
            try {
                level = AlignmentLevel.parse(JsonInput.text(name, m, "level", "models.level").orElse("item"));
            } catch (PluralstatsException e) {
                throw SurveyFormatException.in(name).column("models.level").found(m.get("level").toString())
                        .expected("\"item\" or \"response\"").build();
            }
            models = Optional.of(new Models(title(name, m, "models", "Alignment of model outputs with populations"),
                    outputs, paths(name, base, m.path("populations"), "models.populations"), alignWith,
                    optionalPath(name, base, m, "countries"), text(name, m, "reference", "models").orElse(UsCentricBias.US),
                    locals, level, count(name, m, "bootstrap", Models.DEFAULT_RESAMPLES, "models.bootstrap"),
                    JsonInput.wholeNumber(name, m, "seed", "models.seed").orElse(PercentileBootstrap.DEFAULT_SEED)));
        } else if (!m.isMissingNode() && !m.isNull() && !(m.isArray() && m.isEmpty())) {
            throw SurveyFormatException.in(name).column("models").found(m.toString())
                    .expected("an object (docs/reports.md) or a list of model-output files").build();
        }
        Optional<Similarity> similarity = Optional.empty();
        if (root.has("similarity")) {
            JsonNode s = root.get("similarity");
            check(name, s, SIMILARITY, "similarity");
            for (String f : List.of("human", "model")) {
                if (!s.has(f)) {
                    throw SurveyFormatException.in(name).column("similarity." + f).problem("missing")
                            .expected("the " + f + " answer distributions (docs/alignment.md)").build();
                }
            }
            similarity = Optional.of(new Similarity(title(name, s, "similarity", "Similarity of model and human answer distributions"),
                    path(name, base, s.get("human"), "similarity.human"), path(name, base, s.get("model"), "similarity.model"),
                    count(name, s, "bootstrap", PercentileBootstrap.DEFAULT_RESAMPLES, "similarity.bootstrap"),
                    JsonInput.wholeNumber(name, s, "seed", "similarity.seed").orElse(PercentileBootstrap.DEFAULT_SEED)));
        }
        if (forms.isEmpty() && wvs.isEmpty() && models.isEmpty() && similarity.isEmpty()) {
            throw SurveyFormatException.in(name).problem("names no data")
                    .expected("\"forms\", \"wvs\", \"models\" or \"similarity\"").build();
        }
        text(name, root, "description", "");
        JsonInput.wholeNumber(name, root, "version", "version");
        return new Analysis(title(name, root, "", "pluralstats report"), forms, wvs, models, similarity);
    }

    private static String title(String name, JsonNode n, String section, String fallback) {
        return JsonInput.text(name, n, "title", section.isEmpty() ? "title" : section + ".title").orElse(fallback);
    }

    // A list of texts, or one text; anything else (numbers, objects, a list holding them) is an error.
    private static List<String> texts(String name, JsonNode n, String field, String where) {
        List<String> out = new ArrayList<>();
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isTextual()) {
            out.add(v.textValue());
        } else if (v.isArray()) {
            for (JsonNode x : v) {
                out.add(JsonInput.text(name, x, where));
            }
        } else {
            throw SurveyFormatException.in(name).column(where).found(v.toString()).expected("a list of texts").build();
        }
        return out;
    }

    private static List<Path> paths(String name, Path base, JsonNode v, String where) {
        List<Path> out = new ArrayList<>();
        if (v.isTextual()) {
            out.add(path(name, base, v, where));
        } else if (v.isArray()) {
            for (JsonNode x : v) {
                out.add(path(name, base, x, where));
            }
        } else if (!v.isMissingNode() && !v.isNull()) {
            throw SurveyFormatException.in(name).column(where).found(v.toString()).expected("a file path or a list of them")
                    .build();
        }
        return out;
    }

    private static int count(String name, JsonNode n, String field, int fallback, String where) {
        if (!n.hasNonNull(field)) {
            return fallback;
        }
        JsonNode v = n.get(field);
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 0) {
            throw SurveyFormatException.in(name).column(where).found(v.toString()).expected("a whole number ≥ 0").build();
        }
        return v.asInt();
    }

    private static Optional<String> text(String name, JsonNode n, String field, String section) {
        return JsonInput.text(name, n, field, section.isEmpty() ? field : section + "." + field).filter(t -> !t.isBlank());
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
