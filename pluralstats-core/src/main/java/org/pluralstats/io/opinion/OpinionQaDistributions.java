package org.pluralstats.io.opinion;

import java.util.ArrayList;
import java.util.List;
import org.pluralstats.align.DistributionSimilarity;
import org.pluralstats.align.OptionCount;
import org.pluralstats.align.OptionDistribution;
import org.pluralstats.io.ReadWarning;
import org.pluralstats.table.ColumnType;
import org.pluralstats.table.ResultTable;
import org.pluralstats.table.Role;
import org.pluralstats.table.TabularResult;

/**
 * The human answer distributions of an OpinionQA wave, per population × question, as OpinionQA's
 * {@code helpers.extract_human_opinions} computes them ({@link OpinionQa} says how), with the refusal share
 * beside each distribution, the population × question pairs left out and why, and what became of every
 * respondent.
 *
 * @param rows one per population × question with a distribution, questions in the order asked, populations
 *     in {@code metadata.csv}'s order within each
 * @param leftOut the population × question pairs without a distribution
 * @param accounting what became of every respondent
 * @param warnings answers outside a question's options, one per question and answer text
 * @param by the grouping columns (empty: the whole panel, population {@value OpinionQa#OVERALL})
 * @param weight the weight column ({@code WEIGHT_W27})
 */
public record OpinionQaDistributions(List<Row> rows, List<LeftOut> leftOut, Accounting accounting,
        List<ReadWarning> warnings, List<String> by, String weight) implements TabularResult {

    /** The columns of {@link #table()}, in order. */
    public static final List<String> FIELDS = List.of("population", "question", "option", "ordinal", "share",
            "option_n", "option_weight", "refusal_share", "n", "weight", "unlisted_n");

    /** Copies the lists. */
    public OpinionQaDistributions {
        rows = List.copyOf(rows);
        leftOut = List.copyOf(leftOut);
        warnings = List.copyOf(warnings);
        by = List.copyOf(by);
    }

    /**
     * One population's answers to one question.
     *
     * <p>{@code share[k] = optionWeight[k] / Σ optionWeight} over the ordinal options (OpinionQA's {@code D_H});
     * {@code refusalShare = refusalWeight / weight}, where {@code weight} sums the weights of every answer of
     * the population to the question: ordinal options, refusal options and unlisted answers (OpinionQA's
     * {@code R_H}, whose denominator is {@code np.sum(list(dist.values()))}).
     *
     * @param population the population ({@value OpinionQa#OVERALL}, a group, or groups joined with {@code " × "})
     * @param question the question
     * @param shares the weighted shares of the ordinal options, summing to 1
     * @param optionN respondents who chose each ordinal option
     * @param optionWeight the sum of their weights, per ordinal option
     * @param refusalShare the weighted share of refusal options among all answers
     * @param refusalWeight the sum of the weights of the refusal answers
     * @param n respondents of the population who answered (any text, whatever their weight)
     * @param weight the sum of their weights (missing weights count 0, as pandas' sum)
     * @param unlistedN answers that are not among the question's options (counted only in {@code weight})
     */
    public record Row(String population, OpinionQaQuestion question, List<Double> shares, List<Long> optionN,
            List<Double> optionWeight, double refusalShare, double refusalWeight, long n, double weight,
            long unlistedN) {
        /** Copies the lists. */
        public Row {
            shares = List.copyOf(shares);
            optionN = List.copyOf(optionN);
            optionWeight = List.copyOf(optionWeight);
        }

        /**
         * @return the distribution {@code similarity} compares: the ordinal options (labels as
         *     {@link DistributionSimilarity#label}) with their ordinal positions and shares; no unclassifiable share
         */
        public OptionDistribution distribution() {
            List<OptionCount> options = new ArrayList<>();
            for (int k = 0; k < shares.size(); k++) {
                options.add(new OptionCount(DistributionSimilarity.label(question.options().get(k)),
                        question.ordinals().get(k), shares.get(k)));
            }
            return new OptionDistribution(population, question.key(), options, 0);
        }
    }

    /**
     * A population × question without a distribution: no answers at all ({@value #NO_ANSWERS}), or no weight
     * on the ordinal options ({@value #NO_WEIGHT}: only refusals, unlisted answers or zero/missing weights —
     * OpinionQA's {@code if np.sum(opinion_dist) == 0: continue}).
     *
     * @param population the population
     * @param question the question key
     * @param reason why
     * @param n respondents of the population who answered the question
     */
    public record LeftOut(String population, String question, String reason, long n) {
        /** Reason: the population has no answer to the question. */
        public static final String NO_ANSWERS = "no answers";
        /** Reason: the weights on the ordinal options sum to 0. */
        public static final String NO_WEIGHT = "no weight on the ordinal options";
    }

    /**
     * What became of every respondent (row of {@code responses.csv}); the four counts after
     * {@code respondents} are exclusive, in this order, and add up to it.
     *
     * @param respondents rows read
     * @param outsideGroups rows whose value in a grouping column is blank or not a group of {@code metadata.csv}
     *     ({@code 'Refused'}): in no population, as OpinionQA's {@code isin(options)} filter drops them
     * @param missingWeight rows in a population with a blank weight: their answers count, with weight 0
     * @param zeroWeight rows in a population with weight 0
     * @param kept rows in a population with a positive weight
     */
    public record Accounting(long respondents, long outsideGroups, long missingWeight, long zeroWeight, long kept) {
        /** @return one line: {@code 300 respondents: 271 kept, 25 outside every group, …} */
        @Override
        public String toString() {
            return respondents + " respondents: " + kept + " kept, " + outsideGroups + " outside every group, "
                    + missingWeight + " with a blank weight (counted with weight 0), " + zeroWeight + " with weight 0";
        }
    }

    /** @return every row's distribution, as {@code similarity} takes the human side, in row order */
    public List<OptionDistribution> distributions() {
        return rows.stream().map(Row::distribution).toList();
    }

    /**
     * The long format: one row per population × question × ordinal option with its ordinal position, share,
     * respondents and weight, and the question's refusal share, respondents, weight and unlisted answers
     * repeated on each; the grouping, weight column, accounting and left-out pairs as metadata.
     *
     * @return the table
     */
    @Override
    public ResultTable table() {
        ResultTable.Builder t = ResultTable.builder("OpinionQA human distributions per population × question")
                .meta("populations by", by.isEmpty() ? OpinionQa.OVERALL : String.join(" × ", by))
                .meta(ResultTable.WEIGHTS, weight)
                .meta(ResultTable.METHOD, "OpinionQA helpers.extract_human_opinions: D_H over the ordinal options,"
                        + " R_H = refusal weight / weight of every answer")
                .meta("respondents", accounting.toString())
                .meta("left out", leftOut.isEmpty() ? "none" : String.join("; ",
                        leftOut.stream().map(l -> l.population() + " / " + l.question() + ": " + l.reason()).toList()))
                .column(FIELDS.get(0), ColumnType.TEXT, Role.KEY).column(FIELDS.get(1), ColumnType.TEXT, Role.KEY)
                .column(FIELDS.get(2), ColumnType.TEXT, Role.KEY).number(FIELDS.get(3), Role.PARAMETER, 2)
                .number(FIELDS.get(4), Role.ESTIMATE, 4).column(FIELDS.get(5), ColumnType.INTEGER, Role.COUNT)
                .number(FIELDS.get(6), Role.WEIGHT, 3).number(FIELDS.get(7), Role.ESTIMATE, 4)
                .column(FIELDS.get(8), ColumnType.INTEGER, Role.COUNT).number(FIELDS.get(9), Role.WEIGHT, 3)
                .column(FIELDS.get(10), ColumnType.INTEGER, Role.COUNT);
        for (Row r : rows) {
            for (int k = 0; k < r.shares().size(); k++) {
                t.row(r.population(), r.question().key(), r.question().options().get(k), r.question().ordinals().get(k),
                        r.shares().get(k), r.optionN().get(k), r.optionWeight().get(k), r.refusalShare(), r.n(),
                        r.weight(), r.unlistedN());
            }
        }
        return t.build();
    }

    /** @return the head of {@link #table()}, as JShell shows it */
    @Override
    public String toString() {
        return table().toString();
    }
}
