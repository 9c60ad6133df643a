package org.pluralstats.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pluralstats.PluralstatsException;
import org.pluralstats.run.Analysis;
import org.pluralstats.run.AnalysisRun;

/**
 * Where a report came from: the pluralstats version, the date-time of the run (UTC, ISO 8601), the command
 * line or analysis file, each input's name, size and SHA-256, and the seeds, weights and designs used. The
 * page shows it as its "Provenance" section and every JSON table the report writes carries it as its
 * {@code provenance} member ({@link #toMap()}). Immutable.
 *
 * <p>The date is the only part that changes from one run of the same command to the next. It is taken from
 * the environment variable {@code SOURCE_DATE_EPOCH} (seconds since 1970, as reproducible-build tools set
 * it) when that is set, otherwise from the clock; {@link #withoutDate()} (the CLI's {@code --no-date}) leaves
 * it out, so two runs write byte-identical files.
 *
 * @param version the pluralstats version
 * @param date the date-time of the run, or empty when left out
 * @param command the command line or the analysis file
 * @param inputs each input as {@link AnalysisRun#inputs()} describes it ({@code what: file (N bytes, SHA-256 …)})
 * @param settings the seeds, weights and designs used, by what they apply to
 */
public record Provenance(String version, Optional<Instant> date, String command, List<String> inputs,
                         Map<String, String> settings) {
    /** The environment variable giving the run's date as seconds since 1970-01-01T00:00:00Z. */
    public static final String SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH";

    private static final Pattern DESCRIBED = Pattern.compile(
            "(?s)(.*?): (.+) \\((\\d+) bytes, SHA-256 ([0-9a-f]{64})\\)(.*)");

    /** Copies the lists and maps. */
    public Provenance {
        Objects.requireNonNull(version);
        Objects.requireNonNull(date);
        Objects.requireNonNull(command);
        inputs = List.copyOf(inputs);
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /**
     * The provenance of a run, dated by {@link #runDate(Map, Instant)} from the process environment and clock.
     *
     * @param run the run
     * @param command the command line or the analysis file
     * @return its provenance
     */
    public static Provenance of(AnalysisRun run, String command) {
        return new Provenance(org.pluralstats.Version.current(), Optional.of(runDate(System.getenv(), Instant.now())),
                command, run.inputs(), settings(run.analysis()));
    }

    /**
     * @param env the environment
     * @param now the clock's time
     * @return {@code SOURCE_DATE_EPOCH} of {@code env} when set (seconds since 1970), otherwise {@code now}
     *     truncated to the second
     * @throws PluralstatsException if {@code SOURCE_DATE_EPOCH} is set but not a whole number of seconds
     */
    public static Instant runDate(Map<String, String> env, Instant now) {
        String epoch = env.get(SOURCE_DATE_EPOCH);
        if (epoch == null || epoch.isBlank()) {
            return now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(epoch.strip()));
        } catch (NumberFormatException e) {
            throw new PluralstatsException(SOURCE_DATE_EPOCH + "=" + epoch + ": not a whole number of seconds since 1970");
        }
    }

    /** @return this provenance without the date, so that two runs write the same bytes */
    public Provenance withoutDate() {
        return new Provenance(version, Optional.empty(), command, inputs, settings);
    }

    /**
     * @param analysis an analysis
     * @return the seeds, bootstrap resamples, weights and designs it uses, keyed by the part they apply to
     */
    public static Map<String, String> settings(Analysis analysis) {
        Map<String, String> s = new LinkedHashMap<>();
        analysis.forms().ifPresent(f -> {
            s.put("forms weights", f.weight().orElse("none"));
            f.weight().ifPresent(w -> s.put("forms design", f.design().describe(w)));
        });
        analysis.wvs().ifPresent(w -> {
            s.put("wvs weights", w.weight().orElse("none"));
            w.by().ifPresent(b -> s.put("wvs populations by", b));
            w.weight().ifPresent(x -> s.put("wvs design", w.design().describe(x)));
        });
        analysis.models().ifPresent(m -> {
            s.put("models seed", Long.toString(m.seed()));
            s.put("models bootstrap resamples", Integer.toString(m.resamples()));
            s.put("models level", m.level().jsonName());
        });
        analysis.similarity().ifPresent(x -> {
            s.put("similarity seed", Long.toString(x.seed()));
            s.put("similarity bootstrap resamples", Integer.toString(x.resamples()));
        });
        analysis.opinions().ifPresent(o -> {
            s.put("opinions seed", Long.toString(o.seed()));
            s.put("opinions bootstrap resamples", Integer.toString(o.resamples()));
        });
        return s;
    }

    /** @return the date as ISO 8601 in UTC ({@code 2026-12-03T19:30:00Z}), or empty */
    public Optional<String> isoDate() {
        return date.map(d -> DateTimeFormatter.ISO_INSTANT.format(d.atOffset(ZoneOffset.UTC)));
    }

    /**
     * @return the provenance as a JSON object: {@code pluralstats version}, {@code date} (when kept),
     *     {@code command}, {@code inputs} (each {@code {"what", "file", "bytes", "sha256"}}, or
     *     {@code {"what"}} for an input not described by size and digest) and {@code settings}
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pluralstats version", version);
        isoDate().ifPresent(d -> m.put("date", d));
        m.put("command", command);
        List<Map<String, Object>> in = new ArrayList<>();
        for (String i : inputs) {
            Map<String, Object> o = new LinkedHashMap<>();
            Matcher x = DESCRIBED.matcher(i);
            if (x.matches()) {
                o.put("what", x.group(1) + x.group(5));
                o.put("file", x.group(2));
                o.put("bytes", Long.parseLong(x.group(3)));
                o.put("sha256", x.group(4));
            } else {
                o.put("what", i);
            }
            in.add(o);
        }
        m.put("inputs", in);
        m.put("settings", new LinkedHashMap<>(settings));
        return m;
    }

    /** @return the lines the page shows, one per fact, inputs as described */
    public List<String> lines() {
        List<String> l = new ArrayList<>();
        l.add("pluralstats version: " + version);
        l.add("date (UTC): " + isoDate().orElse("not recorded (--no-date)"));
        l.add("command: " + command);
        inputs.forEach(i -> l.add("input: " + i));
        settings.forEach((k, v) -> l.add(k + ": " + v));
        return l;
    }
}
