package org.pluralstats.run;

import org.pluralstats.io.sidefile.OptionDistributionFiles;
import org.pluralstats.io.llm.ModelOutputFiles;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pluralstats.PluralstatsException;
import org.pluralstats.design.DesignSpec;
import org.pluralstats.design.DomainMethod;
import org.pluralstats.design.LonelyPsu;
import org.pluralstats.io.AnalysisFile;
import org.pluralstats.align.AlignmentLevel;
import org.pluralstats.align.UsCentricBias;
import org.pluralstats.regress.CovarianceType;
import org.pluralstats.regress.Formula;
import org.pluralstats.regress.MixedModel;
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
 *     "chartItems": ["Q6", "Q164", "Q182"],
 *     "design": {"psu": "I_PSU", "strata": "STRATUM", "nest": true, "populations": "separate"}
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
 *   },
 *   "regression": [
 *     {"data": "regression/eq3-10-rounds.csv", "groups": "model_name",
 *      "formula": "alignment ~ 0 + consistency:language + multilingual:family:language"},
 *     {"data": "regression/eq3-10-rounds.csv", "formula": "alignment ~ consistency + C(language)",
 *      "cov": "cluster", "cluster": "model_name"}
 *   ]
 * }
 * }</pre>
 *
 * Every part is optional, but at least one is needed. Several {@code wvs.files} are the same data in
 * different formats: scores come from the first, and the others are checked to give the same scores.
 * {@code models} may also be a list of model-output files (the other fields at their defaults), or an
 * empty list for none. Without {@code models.populations}, model outputs are aligned with the value
 * polarity scores of the {@code wvs} part. {@code regression} is one {@link Regression} or a list of them.
 *
 * @param title the report title
 * @param forms the Google Forms survey, if any
 * @param wvs the WVS/EVS-style data, if any
 * @param models model outputs to align with populations, if any
 * @param similarity human and model answer distributions to compare, if any
 * @param opinions model answer files to compare with human answer distributions, if any
 * @param regressions regressions fitted on CSV files (OLS/WLS or random-intercept mixed models), in order; may be empty
 */
public record Analysis(String title, Optional<Forms> forms, Optional<Wvs> wvs, Optional<Models> models,
                       Optional<Similarity> similarity, Optional<Opinions> opinions, List<Regression> regressions) {

    /** Copies the list. */
    public Analysis {
        regressions = List.copyOf(regressions);
    }

    /**
     * An analysis without regressions.
     *
     * @param title the report title
     * @param forms the Google Forms survey, if any
     * @param wvs the WVS/EVS-style data, if any
     * @param models model outputs to align with populations, if any
     * @param similarity human and model answer distributions to compare, if any
     * @param opinions model answer files to compare with human answer distributions, if any
     */
    public Analysis(String title, Optional<Forms> forms, Optional<Wvs> wvs, Optional<Models> models,
                    Optional<Similarity> similarity, Optional<Opinions> opinions) {
        this(title, forms, wvs, models, similarity, opinions, List.of());
    }

    /**
     * An analysis without model answer files.
     *
     * @param title the report title
     * @param forms the Google Forms survey, if any
     * @param wvs the WVS/EVS-style data, if any
     * @param models model outputs to align with populations, if any
     * @param similarity human and model answer distributions to compare, if any
     */
    public Analysis(String title, Optional<Forms> forms, Optional<Wvs> wvs, Optional<Models> models,
                    Optional<Similarity> similarity) {
        this(title, forms, wvs, models, similarity, Optional.empty(), List.of());
    }

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
        this(title, forms, wvs, Optional.empty(), Optional.empty(), Optional.empty(), List.of());
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
     * @param populations population score files ({@code PopulationScoreFiles.read}); empty: the scores of the
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
     * @param weight the sampling-weight column of every export; when given, the section adds the design-based
     *     estimates ({@link FormsComparison#design()}), each group a separate design
     * @param design clusters, strata and fpc by column ({@link DesignSpec#simple()}: weights only)
     */
    public record Forms(String title, Map<String, Path> groups, Optional<Path> codebook, Optional<Path> checkTable,
                        Map<String, String> share, Optional<String> weight, DesignSpec design) {
        /** Copies the maps, keeping their order. */
        public Forms {
            groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
            share = Collections.unmodifiableMap(new LinkedHashMap<>(share));
            if (weight.isEmpty() && !design.isSimple()) {
                throw new PluralstatsException("a Forms design (clusters, strata, fpc) needs a weight column");
            }
        }

        /**
         * Unweighted, without a design.
         *
         * @param title the section heading
         * @param groups group name to its export
         * @param codebook the codebook, if any
         * @param checkTable a published table to check, if any
         * @param share item id to the option whose share Table 1 shows
         */
        public Forms(String title, Map<String, Path> groups, Optional<Path> codebook, Optional<Path> checkTable,
                     Map<String, String> share) {
            this(title, groups, codebook, checkTable, share, Optional.empty(), DesignSpec.simple());
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
     * @param design the survey design of the scores' SEs ({@link DesignSpec#simple()}: independent respondents)
     */
    public record Wvs(String title, List<Path> files, Path items, Optional<String> by, Optional<String> weight,
                      List<String> chartItems, DesignSpec design) {
        /** Copies the lists. */
        public Wvs {
            files = List.copyOf(files);
            chartItems = List.copyOf(chartItems);
        }

        /**
         * Without a design.
         *
         * @param title the section heading
         * @param files the data files
         * @param items the item codings
         * @param by the population column
         * @param weight the weight expression
         * @param chartItems the items drawn
         */
        public Wvs(String title, List<Path> files, Path items, Optional<String> by, Optional<String> weight,
                   List<String> chartItems) {
            this(title, files, items, by, weight, chartItems, DesignSpec.simple());
        }
    }

    /**
     * Model answer files compared with human answer distributions (issue 13; {@code
     * align.DistributionalAlignment}): per model × condition × persona × population, representativeness,
     * 1 − Jensen–Shannon distance, 1 − total variation and Kullback–Leibler divergence beside the uniform,
     * global-majority and other-population baselines, with intervals over questions and generations, and
     * steerability.
     *
     * @param title the section heading
     * @param human the human side: an OpinionQA wave, GlobalOpinionQA's CSV, or distributions ({@code
     *     io.opinion.HumanDistributions})
     * @param humanBy OpinionQA's grouping columns (empty: the whole panel)
     * @param answers the model answers (JSON Lines; {@code io.llm.ModelAnswerFiles})
     * @param resamples bootstrap resamples (0 for no intervals)
     * @param seed the bootstrap seed
     */
    public record Opinions(String title, Path human, List<String> humanBy, Path answers, int resamples, long seed) {
        /** Checks the resamples and copies the list. */
        public Opinions {
            humanBy = List.copyOf(humanBy);
            if (resamples < 0 || resamples > PercentileBootstrap.MAX_RESAMPLES) {
                throw new PluralstatsException("opinions: bootstrap resamples must be from 0 to "
                        + PercentileBootstrap.MAX_RESAMPLES + ", not " + resamples);
            }
        }

        /**
         * @param human the human side
         * @param answers the model answers
         * @return the defaults: no grouping, 1000 resamples, the default seed
         */
        public static Opinions of(Path human, Path answers) {
            return new Opinions("Distributional alignment of models with populations", human, List.of(), answers,
                    PercentileBootstrap.DEFAULT_RESAMPLES, PercentileBootstrap.DEFAULT_SEED);
        }
    }

    /**
     * A regression fitted on a CSV file, as {@code pluralstats regress} fits it (docs/regression.md): ordinary
     * or weighted least squares with a chosen covariance, or with {@code groups} a linear mixed model with a
     * random intercept per group. The report shows its coefficient, fit and (least squares) diagnostics tables,
     * a coefficient plot and residuals against fitted values ({@code report.RegressionSections}).
     *
     * @param title the section heading
     * @param data the CSV file (header row; {@code io.csv.RegressionDataFiles})
     * @param formula the R-style formula ({@code regress.Formula}), checked when read
     * @param groups the random-intercept column of a mixed model; empty: least squares
     * @param weights the weight column of weighted least squares (statsmodels WLS), if any
     * @param covariance the covariance of the least-squares estimates ({@link CovarianceType#NONROBUST} for a mixed model)
     * @param cluster the cluster column, exactly when the covariance is {@link CovarianceType#CLUSTER}
     * @param criterion REML or ML, for a mixed model
     */
    public record Regression(String title, Path data, String formula, Optional<String> groups, Optional<String> weights,
                             CovarianceType covariance, Optional<String> cluster, MixedModel.Criterion criterion) {
        /** Checks that the options go together as {@code regress}'s do. */
        public Regression {
            java.util.Objects.requireNonNull(covariance, "covariance");
            java.util.Objects.requireNonNull(criterion, "criterion");
            if ((covariance == CovarianceType.CLUSTER) != cluster.isPresent()) {
                throw new PluralstatsException("regression: a cluster column goes with the cluster covariance, and only with it");
            }
            if (groups.isPresent() && (covariance != CovarianceType.NONROBUST || weights.isPresent())) {
                throw new PluralstatsException("regression: a covariance type, clusters and weights apply to least squares,"
                        + " not to mixed models (groups)");
            }
        }

        /**
         * @param data the CSV file
         * @param formula the formula
         * @return ordinary least squares with the classical covariance, titled "Regression: FORMULA"
         */
        public static Regression ols(Path data, String formula) {
            return new Regression("Regression: " + formula, data, formula, Optional.empty(), Optional.empty(),
                    CovarianceType.NONROBUST, Optional.empty(), MixedModel.Criterion.REML);
        }

        /**
         * The regression {@code pluralstats regress} (and {@code report --regress-data}) fits for its options: the one
         * place their rules are checked, in this order — a criterion only with groups; the covariance type one of
         * {@link CovarianceType}'s {@link CovarianceType#statsmodelsName() names} (any case; absent: nonrobust); a
         * cluster column exactly with {@code cluster}; no robust covariance or weights with groups. Titled
         * "Regression: FORMULA" or "Mixed model: FORMULA". The formula is not parsed here ({@link #columns()} does).
         *
         * @param data the CSV file
         * @param formula the formula
         * @param groups the group column of a random-intercept mixed model
         * @param criterion REML or ML, when given (a mixed model's default is REML)
         * @param weights the weight column of weighted least squares
         * @param cov the covariance type as written ({@code nonrobust, HC0, HC1, HC2, HC3, cluster})
         * @param cluster the cluster column of {@code cluster}
         * @return the regression
         * @throws RegressionOptionsException naming the first rule broken, in {@code regress}'s option names
         */
        public static Regression of(Path data, String formula, Optional<String> groups,
                Optional<MixedModel.Criterion> criterion, Optional<String> weights, Optional<String> cov,
                Optional<String> cluster) {
            if (criterion.isPresent() && groups.isEmpty()) {
                throw new RegressionOptionsException(RegressionOptionsException.Rule.CRITERION_WITHOUT_GROUPS,
                        "--" + criterion.get().name().toLowerCase(Locale.ROOT)
                        + " applies to mixed models: add --groups COLUMN");
            }
            String written = cov.orElse(CovarianceType.NONROBUST.statsmodelsName());
            CovarianceType type = null;
            for (CovarianceType c : CovarianceType.values()) {
                if (c.statsmodelsName().equalsIgnoreCase(written)) {
                    type = c;
                }
            }
            if (type == null) {
                throw new RegressionOptionsException(RegressionOptionsException.Rule.UNKNOWN_COVARIANCE,
                        "unknown --cov " + written + "; expected nonrobust, HC0, HC1, HC2, HC3 or cluster");
            }
            if (type == CovarianceType.CLUSTER && cluster.isEmpty()) {
                throw new RegressionOptionsException(RegressionOptionsException.Rule.CLUSTER_COLUMN_MISSING,
                        "--cov cluster needs --cluster COLUMN");
            }
            if (cluster.isPresent() && type != CovarianceType.CLUSTER) {
                throw new RegressionOptionsException(RegressionOptionsException.Rule.CLUSTER_WITHOUT_CLUSTER_COVARIANCE,
                        "--cluster needs --cov cluster");
            }
            if (groups.isPresent() && (type != CovarianceType.NONROBUST || weights.isPresent())) {
                throw new RegressionOptionsException(RegressionOptionsException.Rule.LEAST_SQUARES_OPTION_WITH_GROUPS,
                        "--cov, --cluster and --weights apply to OLS, not to mixed models (--groups)");
            }
            return new Regression((groups.isPresent() ? "Mixed model: " : "Regression: ") + formula, data, formula, groups,
                    weights, type, cluster, criterion.orElse(MixedModel.Criterion.REML));
        }

        /** @return a copy with another title */
        public Regression withTitle(String title) {
            return new Regression(title, data, formula, groups, weights, covariance, cluster, criterion);
        }

        /** @return whether this is a mixed model (it has a group column) */
        public boolean mixed() {
            return groups.isPresent();
        }

        /** @return the columns to read: the formula's, then the groups, cluster and weight columns */
        public List<String> columns() {
            List<String> out = new java.util.ArrayList<>(Formula.parse(formula).columns());
            for (Optional<String> extra : List.of(groups, cluster, weights)) {
                extra.filter(c -> !out.contains(c)).ifPresent(out::add);
            }
            return out;
        }
    }

    private static final Set<String> TOP = Set.of("format", "version", "title", "forms", "wvs", "models", "similarity",
            "opinions", "regression", "description");
    private static final Set<String> OPINIONS = Set.of("title", "human", "humanBy", "answers", "bootstrap", "seed");
    private static final Set<String> MODELS = Set.of("title", "outputs", "populations", "alignWith", "countries",
            "reference", "locals", "level", "bootstrap", "seed");
    private static final Set<String> SIMILARITY = Set.of("title", "human", "model", "bootstrap", "seed");
    private static final Set<String> FORMS = Set.of("title", "groups", "codebook", "checkTable", "share", "weight",
            "design");
    private static final Set<String> WVS = Set.of("title", "files", "items", "by", "weight", "chartItems", "design");
    private static final Set<String> REGRESSION = Set.of("title", "data", "formula", "groups", "weights", "cov", "cluster",
            "reml");
    private static final Set<String> DESIGN = Set.of("psu", "strata", "fpc", "nest", "lonelyPsu", "populations");

    /** A "design" part: psu, strata, fpc, nest, lonelyPsu, populations (separate or domains). */
    private static DesignSpec design(AnalysisFile x) {
        LonelyPsu rule;
        DomainMethod method;
        try {
            rule = LonelyPsu.valueOf(x.text("lonelyPsu", "fail").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw x.error("lonelyPsu").found(x.found("lonelyPsu"))
                    .expected("fail, remove, adjust, average or certainty").build();
        }
        switch (x.text("populations", "separate")) {
            case "separate" -> method = DomainMethod.SEPARATE_DESIGNS;
            case "domains" -> method = DomainMethod.DOMAIN;
            default -> throw x.error("populations").found(x.found("populations"))
                    .expected("\"separate\" (a design per population) or \"domains\" (svyby)").build();
        }
        return new DesignSpec(x.texts("psu"), x.texts("strata"), x.texts("fpc"), x.flag("nest", false), rule, method);
    }

    /** A "regression" part: data, formula, groups, weights, cov, cluster, reml, title — each checked where it is. */
    private static Regression regression(AnalysisFile r) {
        Path data = r.path("data", "the CSV file to fit (a header row)");
        String formula = r.text("formula").orElseThrow(() -> r.error("formula").problem("missing")
                .expected("an R-style formula, e.g. \"y ~ x + C(group)\" (docs/regression.md)").build());
        try {
            Formula.parse(formula);
        } catch (PluralstatsException e) {
            throw r.error("formula").found(r.found("formula")).expected(e.getMessage()).build();
        }
        Optional<String> groups = r.text("groups");
        Optional<String> weights = r.text("weights");
        Optional<String> cluster = r.text("cluster");
        Optional<MixedModel.Criterion> criterion = r.has("reml") ? Optional.of(r.flag("reml", true)
                ? MixedModel.Criterion.REML : MixedModel.Criterion.ML) : Optional.empty();
        Regression regression;
        try {
            regression = Regression.of(data, formula, groups, criterion, weights, r.text("cov"), cluster);
        } catch (RegressionOptionsException e) {
            // the same rules as regress's, worded with this file's keys and located
            throw switch (e.rule()) {
                case CRITERION_WITHOUT_GROUPS -> r.error("reml").found(r.found("reml"))
                        .expected("\"reml\" only with \"groups\" (a mixed model)").build();
                case UNKNOWN_COVARIANCE -> r.error("cov").found(r.found("cov"))
                        .expected("nonrobust, HC0, HC1, HC2, HC3 or cluster").build();
                case CLUSTER_COLUMN_MISSING -> r.error("cluster").problem("missing")
                        .expected("the cluster column of \"cov\": \"cluster\"").build();
                case CLUSTER_WITHOUT_CLUSTER_COVARIANCE -> r.error("cluster").found(r.found("cluster"))
                        .expected("no cluster column unless \"cov\": \"cluster\"").build();
                case LEAST_SQUARES_OPTION_WITH_GROUPS -> r.error(weights.isPresent() ? "weights" : "cov")
                        .problem("applies to least squares, not to a mixed model")
                        .expected("no \"cov\", \"cluster\" or \"weights\" with \"groups\"").build();
            };
        }
        return r.text("title").map(regression::withTitle).orElse(regression);
    }

    /**
     * Reads an analysis file ({@link AnalysisFile} reads and checks its JSON).
     *
     * @param file the JSON file
     * @return the analysis, with paths resolved against the file's folder
     */
    public static Analysis read(Path file) {
        AnalysisFile root = AnalysisFile.read(file, FORMAT, TOP);
        Optional<Forms> forms = root.part("forms", FORMS).map(f -> {
            Map<String, Path> groups = f.pathMap("groups");
            if (groups.isEmpty()) {
                throw f.error("groups").problem("no groups").expected("{\"NAME\": \"export.csv\", ...}").build();
            }
            Optional<String> weight = f.text("weight");
            DesignSpec design = f.part("design", DESIGN).map(Analysis::design).orElse(DesignSpec.simple());
            if (weight.isEmpty() && !design.isSimple()) {
                throw f.error("design").problem("a design without a weight")
                        .expected("\"weight\": the sampling-weight column of every export").build();
            }
            return new Forms(f.text("title", "Google Forms survey"), groups, f.optionalPath("codebook"),
                    f.optionalPath("checkTable"), f.texts("share", "an object {\"ITEM\": \"OPTION\", ...}"), weight,
                    design);
        });
        Optional<Wvs> wvs = root.part("wvs", WVS).map(w -> {
            List<Path> files = w.paths("files");
            if (files.isEmpty()) {
                throw w.error("files").problem("no data files").expected("a file name or a list of them").build();
            }
            DesignSpec design = w.part("design", DESIGN).map(Analysis::design).orElse(DesignSpec.simple());
            return new Wvs(w.text("title", "Value polarity scores"), files,
                    w.path("items", "the items file (positive codes per item)"), w.text("by"), w.text("weight"),
                    w.texts("chartItems"), design);
        });
        Optional<Models> models = Optional.empty();
        if (root.isList("models")) {
            List<Path> outputs = root.paths("models");
            models = outputs.isEmpty() ? Optional.empty() : Optional.of(Models.of(outputs, List.of()));
        } else if (root.has("models")) {
            if (!root.found("models").startsWith("{")) {
                throw root.error("models").found(root.found("models"))
                        .expected("an object (docs/reports.md) or a list of model-output files").build();
            }
            AnalysisFile m = root.part("models", MODELS).orElseThrow();
            List<Path> outputs = m.paths("outputs");
            if (outputs.isEmpty()) {
                throw m.error("outputs").problem("no model-output files").expected("a file name or a list of them").build();
            }
            AlignmentLevel level;
            try {
                level = AlignmentLevel.parse(m.text("level", "item"));
            } catch (PluralstatsException e) {
                throw m.error("level").found(m.found("level")).expected("\"item\" or \"response\"").build();
            }
            models = Optional.of(new Models(m.text("title", "Alignment of model outputs with populations"), outputs,
                    m.paths("populations"), m.texts("alignWith"), m.optionalPath("countries"),
                    m.text("reference").orElse(UsCentricBias.US), m.texts("locals", "an object {\"MODEL\": \"COUNTRY\", ...}"),
                    level, m.count("bootstrap", Models.DEFAULT_RESAMPLES),
                    m.wholeNumber("seed").orElse(PercentileBootstrap.DEFAULT_SEED)));
        }
        Optional<Similarity> similarity = root.part("similarity", SIMILARITY).map(s -> new Similarity(
                s.text("title", "Similarity of model and human answer distributions"),
                s.path("human", "the human answer distributions (docs/alignment.md)"),
                s.path("model", "the model answer distributions (docs/alignment.md)"),
                s.count("bootstrap", PercentileBootstrap.DEFAULT_RESAMPLES),
                s.wholeNumber("seed").orElse(PercentileBootstrap.DEFAULT_SEED)));
        Optional<Opinions> opinions = root.part("opinions", OPINIONS).map(o -> new Opinions(
                o.text("title", "Distributional alignment of models with populations"),
                o.path("human", "the human answer distributions (docs/alignment.md)"), o.texts("humanBy"),
                o.path("answers", "the model answers, JSON Lines (docs/alignment.md)"),
                o.count("bootstrap", PercentileBootstrap.DEFAULT_RESAMPLES),
                o.wholeNumber("seed").orElse(PercentileBootstrap.DEFAULT_SEED)));
        List<Regression> regressions = root.parts("regression", REGRESSION).stream().map(Analysis::regression).toList();
        if (forms.isEmpty() && wvs.isEmpty() && models.isEmpty() && similarity.isEmpty() && opinions.isEmpty()
                && regressions.isEmpty()) {
            throw root.error("").problem("names no data")
                    .expected("\"forms\", \"wvs\", \"models\", \"similarity\", \"opinions\" or \"regression\"").build();
        }
        root.text("description");
        root.wholeNumber("version");
        return new Analysis(root.text("title", "pluralstats report"), forms, wvs, models, similarity, opinions,
                regressions);
    }
}
