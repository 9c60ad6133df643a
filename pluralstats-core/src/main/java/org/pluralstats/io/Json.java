package org.pluralstats.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import org.pluralstats.PluralstatsException;

/**
 * The one JSON writer of the library, always valid JSON (RFC 8259 has no NaN or infinity): every JSON output
 * (here and {@link CaseExport}) goes through one generator that writes a non-finite double or float as
 * {@code null}, the library's spelling of "undefined", instead of Jackson's {@code "NaN"} string or a
 * bare {@code Infinity} token. {@link java.math.BigInteger} and {@link BigDecimal} values are written
 * exactly, digit for digit. Strings escape, besides what JSON requires, the C1 and bidirectional
 * controls (as {@code \u009b}), so JSON printed on a terminal cannot drive it.
 *
 * <p>{@link #write(Object)} writes plain Java values — maps with string keys, lists, strings, numbers,
 * booleans and {@code null} — indented, numbers at full precision (shortest round-trip), {@code null}
 * wherever a number is undefined. No Jackson type appears in the API.
 */
public final class Json {
    private Json() {
    }

    // indented output, numbers as Java writes them (shortest round-trip)
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param value a {@link java.util.Map} with string keys, a {@link java.util.List}, a string, a number, a
     *     boolean or {@code null}, nested freely (maps keep their iteration order)
     * @return its indented JSON text, ending with a line separator; a non-finite number is {@code null}
     */
    public static String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = finite(MAPPER.getFactory().createGenerator(out))) {
            MAPPER.writeValue(g, value);
        } catch (IOException e) {
            throw new PluralstatsException("cannot write JSON: " + e.getMessage(), e);
        }
        return out + System.lineSeparator();
    }

    // a generator that writes non-finite numbers as null and everything else as g does
    static JsonGenerator finite(JsonGenerator g) {
        g.setCharacterEscapes(TERMINAL_SAFE);
        return new FiniteNumbers(g);
    }

    /**
     * Besides the escapes JSON requires (C0 controls, quote, backslash), DEL, the C1 controls and the
     * characters {@link org.pluralstats.SafeText#escapeControls} escapes (bidirectional controls, line
     * and paragraph separators) are written as {@code \u0085}-style escapes: the same string to every
     * JSON reader, and nothing a terminal acts on when the output is printed.
     */
    private static final CharacterEscapes TERMINAL_SAFE = new CharacterEscapes() {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        {
            ascii[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch >= 0x80 && ch <= 0x9F || ch == 0x061C || ch == 0x200E || ch == 0x200F
                    || ch >= 0x202A && ch <= 0x202E || ch >= 0x2066 && ch <= 0x2069 || ch == 0x2028 || ch == 0x2029) {
                return new SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    };

    private static final class FiniteNumbers extends JsonGeneratorDelegate {
        FiniteNumbers(JsonGenerator g) {
            super(g, true);
        }

        @Override
        public void writeNumber(double v) throws IOException {
            if (Double.isFinite(v)) {
                super.writeNumber(v);
            } else {
                writeNull();
            }
        }

        @Override
        public void writeNumber(float v) throws IOException {
            if (Float.isFinite(v)) {
                super.writeNumber(v);
            } else {
                writeNull();
            }
        }

        @Override
        public void writeNumber(String encoded) throws IOException {
            // a pre-formatted number ("Infinity", "NaN" from Double.toString) must not reach the output raw
            if (encoded == null || encoded.contains("Infinity") || encoded.contains("NaN")) {
                writeNull();
            } else {
                super.writeNumber(encoded);
            }
        }
    }
}
