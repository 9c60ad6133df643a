package org.pluralstats.io.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FormsTimestampTest {

    private static long utc(String isoLocal) {
        return LocalDateTime.parse(isoLocal).toEpochSecond(ZoneOffset.UTC);
    }

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource(delimiter = '|', value = {
        "2025/05/14 1:07:13 PM GMT+2    | day first   | 2025-05-14T11:07:13",
        "2025/05/14 12:07:13 AM GMT-5   | day first   | 2025-05-14T05:07:13",
        "2025/05/14 1:07:13 PM GMT+5:30 | day first   | 2025-05-14T07:37:13",
        "2025/05/14 1:07:13 PM GMT      | day first   | 2025-05-14T13:07:13",
        "8/4/2025 23:25:41              | month first | 2025-08-04T23:25:41",
        "8/4/2025 23:25:41              | day first   | 2025-04-08T23:25:41",
        "14/05/2025 13:07:13            | day first   | 2025-05-14T13:07:13",
        "14.05.2025 13:07               | day first   | 2025-05-14T13:07:00",
        "2025-05-14 13:07:13            | month first | 2025-05-14T13:07:13",
        "2025/5/14 下午1:07:13           | month first | 2025-05-14T13:07:13",
        "2025/5/14 上午12:07:13          | month first | 2025-05-14T00:07:13",
        "١٤/٠٥/٢٠٢٥ ١٣:٠٧:١٣            | day first   | 2025-05-14T13:07:13",
        "5/14/25 1:07:13 p.m.           | month first | 2025-05-14T13:07:13"})
    void readsGoogleStyles(String text, String order, String utc) {
        FormsTimestamp t = FormsTimestamp.lex(text).orElseThrow();
        assertThat(t.epochSecond(order.equals("day first"))).isEqualTo(utc(utc));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "7", "2025/05/14", "13:07:13", "2025/05/14 13:07:13 PM",
        "2025/05/14 25:07:13", "14/05/2025 13:61:00", "2025/05/14 1:07:13 PM GMT+2 extra"})
    void rejectsOtherTexts(String text) {
        assertThat(FormsTimestamp.lex(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"14/05/2025 13:07:13", "31/04/2025 10:00:00"})
    void checksTheCalendarOnceTheOrderIsKnown(String text) {
        FormsTimestamp t = FormsTimestamp.lex(text).orElseThrow();
        assertThatThrownBy(() -> t.epochSecond(false)).isInstanceOf(DateTimeException.class);
    }

    @org.junit.jupiter.api.Test
    void knowsWhichNumberCannotBeAMonth() {
        assertThat(FormsTimestamp.lex("14/05/2025 13:07:13").orElseThrow().firstExceedsTwelve()).isTrue();
        assertThat(FormsTimestamp.lex("5/14/2025 13:07:13").orElseThrow().secondExceedsTwelve()).isTrue();
        assertThat(FormsTimestamp.lex("2025/05/14 1:07:13 PM GMT+2").orElseThrow().firstExceedsTwelve()).isFalse();
        assertThat(FormsTimestamp.lex("2025/05/14 1:07:13 PM GMT+2").orElseThrow().offsetSeconds()).contains(7200);
        assertThat(Instant.ofEpochSecond(FormsTimestamp.lex("2025/05/14 1:07:13 PM GMT+2").orElseThrow()
                .epochSecond(true))).isEqualTo(Instant.parse("2025-05-14T11:07:13Z"));
    }
}
