package org.pluralstats.weight;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pluralstats.stats.ConfidenceInterval;
import org.pluralstats.table.ColumnType;
import org.pluralstats.table.ResultTable;
import org.pluralstats.table.Role;
import org.pluralstats.table.TabularResult;

/**
 * Value polarity scores of populations × items: the rows, and each population's score vector. Read
 * back from the JSON or CSV that {@code pluralstats vps} writes by {@code io.sidefile.ScoreTableFiles}. Shown as its
 * {@link #table()}. Immutable.
 */
public final class ScoreTable implements TabularResult {
    private final List<ValuePolarityScore> rows;
    private final List<String> populations;
    private final List<String> items;
    private final Map<String, Map<String, ValuePolarityScore>> index = new HashMap<>();
    private final String design;

    private ScoreTable(List<ValuePolarityScore> rows, String design) {
        this.rows = List.copyOf(rows);
        this.design = design;
        LinkedHashSet<String> pops = new LinkedHashSet<>();
        LinkedHashSet<String> its = new LinkedHashSet<>();
        for (ValuePolarityScore s : rows) {
            pops.add(s.population());
            its.add(s.item());
            if (index.computeIfAbsent(s.population(), k -> new HashMap<>()).put(s.item(), s) != null) {
                throw new IllegalArgumentException("two scores for population " + s.population() + ", item " + s.item());
            }
        }
        this.populations = List.copyOf(pops);
        this.items = List.copyOf(its);
    }

    /**
     * @param rows score rows, at most one per population × item
     * @return the table
     */
    public static ScoreTable of(List<ValuePolarityScore> rows) {
        return new ScoreTable(rows, "");
    }

    /**
     * @param rows score rows, at most one per population × item
     * @param design the survey design the SEs come from, as R's call ({@code DesignSpec#describe}), stated
     *     in the table's metadata
     * @return the table
     */
    public static ScoreTable of(List<ValuePolarityScore> rows, String design) {
        return new ScoreTable(rows, design);
    }

    /**
     * The scores as a table, one row per population × item: {@code population}, {@code item} (keys),
     * {@code vps} (the estimate), {@code n} (respondents with an answer and a valid weight),
     * {@code weightSum} (Σw), {@code se} (linearised SE), {@code nEff} (Kish's effective size),
     * {@code ciLow}, {@code ciHigh} (the logit interval of R survey's {@code svyciprop}, at the level the metadata states) and
     * {@code excluded} (respondents left out for an invalid weight). What {@code pluralstats vps} prints
     * and the report's scores table; {@code ScoreTableFiles} reads its JSON and CSV back.
     *
     * @return the table
     */
    @Override
    public ResultTable table() {
        ResultTable.Builder t = ResultTable.builder("Value polarity scores per population × item")
                .meta(ResultTable.METHOD, design.isEmpty() ? "value polarity score (Eq. 1), linearised SE, logit interval (svyciprop)"
                        : "value polarity score (Eq. 1), design-based linearised SE (svymean), logit interval on the"
                        + " domain's degrees of freedom (svyciprop)")
                .meta(ResultTable.CONFIDENCE_LEVEL, rows.stream().flatMap(r -> r.interval().stream())
                        .map(ci -> Double.toString(ci.level())).findFirst().orElse("0.95"));
        if (!design.isEmpty()) {
            t.meta("design", design);
        }
        t
                .column("population", ColumnType.TEXT, Role.KEY).column("item", ColumnType.TEXT, Role.KEY)
                .number("vps", Role.ESTIMATE, 4).column("n", ColumnType.INTEGER, Role.COUNT)
                .number("weightSum", Role.WEIGHT, 2).number("se", Role.SE, 4).number("nEff", Role.WEIGHT, 1)
                .number("ciLow", Role.CI_LOWER, 4).number("ciHigh", Role.CI_UPPER, 4)
                .column("excluded", ColumnType.INTEGER, Role.COUNT);
        for (ValuePolarityScore s : rows) {
            t.row(s.population(), s.item(), s.vps(), s.n(), s.weightSum(), s.se(), s.nEff(),
                    ConfidenceInterval.lower(s.interval()), ConfidenceInterval.upper(s.interval()),
                    s.excluded());
        }
        return t.build();
    }

    /** @return the head of {@link #table()}, as JShell shows it */
    @Override
    public String toString() {
        return table().toString();
    }

    /** @return all rows, in order */
    public List<ValuePolarityScore> rows() {
        return rows;
    }

    /** @return the population names, in order of first appearance */
    public List<String> populations() {
        return populations;
    }

    /** @return the item ids, in order of first appearance */
    public List<String> items() {
        return items;
    }

    /**
     * @param population a population name
     * @param item an item id
     * @return the row, if present
     */
    public Optional<ValuePolarityScore> get(String population, String item) {
        return Optional.ofNullable(index.getOrDefault(population, Map.of()).get(item));
    }

    /**
     * @param population a population name
     * @return its scores aligned with {@link #items()}, NaN where absent or undefined
     */
    public double[] vector(String population) {
        double[] v = new double[items.size()];
        Map<String, ValuePolarityScore> m = index.getOrDefault(population, Map.of());
        for (int i = 0; i < v.length; i++) {
            ValuePolarityScore s = m.get(items.get(i));
            v[i] = s == null ? Double.NaN : s.vps();
        }
        return v;
    }
}
