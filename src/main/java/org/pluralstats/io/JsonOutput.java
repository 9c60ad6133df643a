package org.pluralstats.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * JSON output is always valid JSON (RFC 8259 has no NaN or infinity): every JSON writer of the library
 * writes through {@link #finite(JsonGenerator)}, which writes a non-finite double or float as
 * {@code null}, the library's spelling of "undefined", instead of Jackson's {@code "NaN"} string or a
 * bare {@code Infinity} token. {@link java.math.BigInteger} and {@link BigDecimal} values are written
 * exactly, digit for digit.
 */
public final class JsonOutput {
    private JsonOutput() {
    }

    /**
     * @param g a generator
     * @return a generator that writes non-finite numbers as {@code null} and everything else as {@code g} does
     */
    public static JsonGenerator finite(JsonGenerator g) {
        return new FiniteNumbers(g);
    }

    /**
     * @param x a number
     * @return whether JSON can hold it as a number (it is neither NaN nor infinite)
     */
    public static boolean isJsonNumber(double x) {
        return Double.isFinite(x);
    }

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
