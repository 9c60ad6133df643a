package org.pluralstats.io.forms;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Google Forms submission time as written in either export:
 * <ul>
 * <li>"Download responses (.csv)": {@code 2025/05/14 1:07:13 PM GMT+2} (year first, 12-hour clock, zone);</li>
 * <li>the linked Sheet's CSV, in the Sheet's locale and without zone: {@code 8/4/2025 23:25:41},
 * {@code 14/05/2025 13:07:13}, {@code 14.05.2025 13:07:13}, {@code 2025-05-14 13:07:13},
 * {@code 2025/5/14 下午1:07:13}.</li>
 * </ul>
 * Dates are year/month/day when the first number has four digits; otherwise the year is last and the
 * order of day and month is decided per file (see {@link FormsReadOptions.DateOrder}). Arabic-Indic
 * and Persian digits are read as digits; AM/PM markers in several languages are understood.
 *
 * @param d1 first number of the date (the year when {@code yearFirst})
 * @param d2 second number of the date
 * @param d3 third number of the date
 * @param yearFirst whether the date is year/month/day
 * @param dotted whether the date numbers are separated by dots ({@code 14.05.2025})
 * @param hour hour on a 24-hour clock
 * @param minute minute
 * @param seconds second of the minute
 * @param offsetSeconds the zone offset, when the text names one ({@code GMT+2}); empty for local times
 */
record FormsTimestamp(int d1, int d2, int d3, boolean yearFirst, boolean dotted, int hour, int minute, int seconds,
                      Optional<Integer> offsetSeconds) {

    private static final String AM = "AM|am|a\\.\\s?m\\.|上午|午前|오전|ص|ق\\.\\s?ظ\\.?";
    private static final String PM = "PM|pm|p\\.\\s?m\\.|下午|午後|오후|م|ب\\.\\s?ظ\\.?";
    private static final Pattern TEXT = Pattern.compile("\\s*(?<a>\\d{1,4})(?<sep>[/.\\-])(?<b>\\d{1,2})\\k<sep>"
            + "(?<c>\\d{1,4})\\.?(?:T|\\s*,\\s*|\\s+)(?:(?<m1>" + AM + "|" + PM + ")\\s*)?"
            + "(?<h>\\d{1,2}):(?<mi>\\d{2})(?::(?<s>\\d{2})(?:[.,]\\d{1,9})?)?\\s*(?<m2>" + AM + "|" + PM + ")?\\s*"
            + "(?:(?:GMT|UTC)(?:\\s*(?<zs>[+\\-\\u2212])(?<zh>\\d{1,2})(?::?(?<zm>\\d{2}))?)?"
            + "|(?<iso>Z|[+\\-]\\d{2}:?\\d{2}))?\\s*");
    private static final Pattern PM_MARKER = Pattern.compile(PM);

    /**
     * @param raw a cell of the timestamp column
     * @return the parts, or empty when the text is not a timestamp in a known style (the calendar is
     *         checked later, once the file's day/month order is known)
     */
    static Optional<FormsTimestamp> lex(String raw) {
        Matcher m = TEXT.matcher(TextKey.asciiDigits(raw));
        if (!m.matches()) {
            return Optional.empty();
        }
        String a = m.group("a");
        String c = m.group("c");
        boolean yearFirst = a.length() == 4;
        if (!yearFirst && c.length() != 4 && c.length() != 2 || yearFirst && c.length() > 2) {
            return Optional.empty();
        }
        int hour = Integer.parseInt(m.group("h"));
        int minute = Integer.parseInt(m.group("mi"));
        int sec = m.group("s") == null ? 0 : Integer.parseInt(m.group("s"));
        String marker = m.group("m1") != null ? m.group("m1") : m.group("m2");
        if (m.group("m1") != null && m.group("m2") != null) {
            return Optional.empty();
        }
        if (marker != null) {
            if (hour < 1 || hour > 12) {
                return Optional.empty();
            }
            boolean pm = PM_MARKER.matcher(marker).matches();
            hour = hour % 12 + (pm ? 12 : 0);
        }
        if (hour > 23 || minute > 59 || sec > 59) {
            return Optional.empty();
        }
        Optional<Integer> offset = Optional.empty();
        if (m.group("zh") != null) {
            int s = (Integer.parseInt(m.group("zh")) * 60 + (m.group("zm") == null ? 0 : Integer.parseInt(m.group("zm"))))
                    * 60;
            offset = Optional.of(m.group("zs").equals("+") ? s : -s);
        } else if (m.group("iso") != null) {
            String iso = m.group("iso");
            offset = Optional.of(iso.equals("Z") ? 0 : ZoneOffset.of(iso.length() == 5
                    ? iso.substring(0, 3) + ":" + iso.substring(3) : iso).getTotalSeconds());
        } else if (raw.contains("GMT") || raw.contains("UTC")) {
            offset = Optional.of(0);
        }
        return Optional.of(new FormsTimestamp(Integer.parseInt(a), Integer.parseInt(m.group("b")), Integer.parseInt(c),
                yearFirst, m.group("sep").equals("."), hour, minute, sec, offset));
    }

    /** @return whether the first number cannot be a month (so the date must be day first) */
    boolean firstExceedsTwelve() {
        return !yearFirst && d1 > 12;
    }

    /** @return whether the second number cannot be a month (so the date must be month first) */
    boolean secondExceedsTwelve() {
        return !yearFirst && d2 > 12;
    }

    /**
     * @param dayFirst whether a year-last date is day/month/year
     * @return seconds since 1970-01-01T00:00Z; local times are taken as UTC (they are compared only
     *         with times of the same file)
     * @throws DateTimeException when the numbers are not a calendar date in that order
     */
    long epochSecond(boolean dayFirst) {
        int year;
        int month;
        int day;
        if (yearFirst) {
            year = d1;
            month = d2;
            day = d3;
        } else {
            year = d3 < 100 ? 2000 + d3 : d3;
            month = dayFirst ? d2 : d1;
            day = dayFirst ? d1 : d2;
        }
        return LocalDateTime.of(year, month, day, hour, minute, seconds)
                .toEpochSecond(ZoneOffset.ofTotalSeconds(offsetSeconds.orElse(0)));
    }
}
