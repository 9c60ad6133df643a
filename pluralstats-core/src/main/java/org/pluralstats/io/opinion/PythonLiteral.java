package org.pluralstats.io.opinion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parser of the Python literals that datasets written with pandas carry in their CSV cells: the
 * {@code repr} of strings, numbers, {@code True}/{@code False}/{@code None}, lists, tuples, dicts and
 * {@code defaultdict(<class '…'>, {…})} — the subset of Python's {@code ast.literal_eval} that
 * GlobalOpinionQA's {@code selections} and {@code options} columns need, with no evaluation of code.
 *
 * <p>Strings follow the Python 3 lexical rules for string literals (single, double or triple quotes,
 * escapes {@code \\ \' \" \n \r \t \a \b \f \v \0-\777 \xhh \\uhhhh \Uhhhhhhhh}, a backslash-newline
 * joins lines, unknown escapes are kept as written, {@code r} prefixes turn escapes off, adjacent
 * literals are concatenated); numbers are decimal integers and floats (with {@code _} separators),
 * {@code nan} and {@code inf} as written by {@code repr}. Integers become {@link Long} (or
 * {@link Double} beyond its range), floats {@link Double}, lists and tuples unmodifiable {@link List}s,
 * dicts unmodifiable insertion-ordered {@link Map}s. Anything else is refused with the character
 * offset where it goes wrong (Python Language Reference §2.4 "Literals").
 */
public final class PythonLiteral {
    private final String s;
    private int i;

    private PythonLiteral(String s) {
        this.s = s;
    }

    /** A literal that does not parse: {@link #offset()} is the 0-based character where it goes wrong. */
    public static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int offset;

        SyntaxError(String message, int offset) {
            super(message);
            this.offset = offset;
        }

        /** @return the 0-based character offset of the error in the parsed text */
        public int offset() {
            return offset;
        }
    }

    /**
     * Parses one literal (surrounding white space allowed).
     *
     * @param text the literal
     * @return its value: String, Long, Double, Boolean, {@code null}, List or Map
     * @throws SyntaxError where it is not such a literal
     */
    public static Object parse(String text) {
        PythonLiteral p = new PythonLiteral(text);
        p.space();
        Object v = p.value();
        p.space();
        if (p.i < text.length()) {
            throw p.error("unexpected " + p.describe() + " after the literal");
        }
        return v;
    }

    private Object value() {
        if (i >= s.length()) {
            throw error("the literal ends early");
        }
        char c = s.charAt(i);
        switch (c) {
            case '[':
                return sequence('[', ']');
            case '(':
                return sequence('(', ')');
            case '{':
                return dict();
            case '\'':
            case '"':
                return strings();
            default:
                break;
        }
        if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            int start = i;
            String name = name();
            if (i < s.length() && (s.charAt(i) == '\'' || s.charAt(i) == '"') && name.length() <= 2) {
                i = start;
                return strings();
            }
            switch (name) {
                case "True":
                    return Boolean.TRUE;
                case "False":
                    return Boolean.FALSE;
                case "None":
                    return null;
                case "nan":
                    return Double.NaN;
                case "inf":
                    return Double.POSITIVE_INFINITY;
                case "defaultdict":
                    return defaultDict(start);
                default:
                    i = start;
                    throw error("unexpected name " + name + " (only literals are read, nothing is evaluated)");
            }
        }
        throw error("unexpected " + describe());
    }

    /** {@code defaultdict(<class 'list'>, {...})}: the repr of a collections.defaultdict, read as its dict. */
    private Object defaultDict(int start) {
        space();
        expect('(');
        space();
        if (s.startsWith("<class ", i)) {
            int end = s.indexOf('>', i);
            if (end < 0) {
                throw error("a defaultdict's factory <class …> is not closed");
            }
            i = end + 1;
        } else if (s.startsWith("None", i)) {
            i += 4;
        } else {
            throw error("expected the factory of the defaultdict that starts at character " + (start + 1));
        }
        space();
        expect(',');
        space();
        if (i >= s.length() || s.charAt(i) != '{') {
            throw error("expected the dict of the defaultdict");
        }
        Object d = dict();
        space();
        expect(')');
        return d;
    }

    private List<Object> sequence(char open, char close) {
        expect(open);
        List<Object> out = new ArrayList<>();
        space();
        while (true) {
            if (i < s.length() && s.charAt(i) == close) {
                i++;
                return Collections.unmodifiableList(out);
            }
            out.add(value());
            space();
            if (i < s.length() && s.charAt(i) == ',') {
                i++;
                space();
            } else if (i >= s.length() || s.charAt(i) != close) {
                throw error("expected ',' or '" + close + "', found " + describe());
            }
        }
    }

    private Map<Object, Object> dict() {
        expect('{');
        Map<Object, Object> out = new LinkedHashMap<>();
        space();
        while (true) {
            if (i < s.length() && s.charAt(i) == '}') {
                i++;
                return Collections.unmodifiableMap(out);
            }
            int keyAt = i;
            Object key = value();
            if (key instanceof List || key instanceof Map) {
                i = keyAt;
                throw error("a dict key must be a string, number or constant");
            }
            space();
            expect(':');
            space();
            // Python keeps the last value of a repeated key; a repr never repeats one, so a repeat is refused
            if (out.containsKey(key)) {
                i = keyAt;
                throw error("the key " + key + " is repeated");
            }
            out.put(key, value());
            space();
            if (i < s.length() && s.charAt(i) == ',') {
                i++;
                space();
            } else if (i >= s.length() || s.charAt(i) != '}') {
                throw error("expected ',' or '}', found " + describe());
            }
        }
    }

    private Object number() {
        int start = i;
        if (s.charAt(i) == '-' || s.charAt(i) == '+') {
            i++;
            space();
            if (s.startsWith("inf", i) || s.startsWith("nan", i)) {
                boolean inf = s.startsWith("inf", i);
                i += 3;
                return inf ? (s.charAt(start) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY) : Double.NaN;
            }
        }
        int digitsAt = i;
        boolean isFloat = false;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
        }
        if (i < s.length() && s.charAt(i) == '.') {
            isFloat = true;
            i++;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
        }
        if (i == digitsAt || (i == digitsAt + 1 && s.charAt(digitsAt) == '.')) {
            i = start;
            throw error("expected a number, found " + describe());
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            isFloat = true;
            i++;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expAt = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (i == expAt) {
                throw error("an exponent without digits");
            }
        }
        String written = s.substring(start, i);
        for (int k = written.indexOf('_'); k >= 0; k = written.indexOf('_', k + 1)) {
            // Python allows one underscore only between two digits (1_000, not 1__0, 1_ or _1)
            if (k == 0 || k + 1 >= written.length() || !Character.isDigit(written.charAt(k - 1))
                    || !Character.isDigit(written.charAt(k + 1))) {
                i = start + k;
                throw error("an underscore in a number must stand between two digits");
            }
        }
        String text = written.replace("_", "").replaceAll("^([+-])\\s+", "$1");
        if (!isFloat) {
            String digits = text.replaceFirst("^[+-]", "");
            if (digits.length() > 1 && digits.charAt(0) == '0' && !digits.chars().allMatch(ch -> ch == '0')) {
                i = start;
                throw error("a decimal integer with a leading zero (not a Python 3 literal)");
            }
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException tooLong) {
                return new java.math.BigInteger(text).doubleValue();
            }
        }
        return Double.parseDouble(text);
    }

    /** One or more adjacent string literals, concatenated as Python does. */
    private String strings() {
        StringBuilder out = new StringBuilder();
        do {
            string(out);
            int save = i;
            space();
            if (!(i < s.length() && (s.charAt(i) == '\'' || s.charAt(i) == '"' || startsPrefixedString()))) {
                i = save;
                break;
            }
        } while (true);
        return out.toString();
    }

    private boolean startsPrefixedString() {
        int j = i;
        while (j < s.length() && j - i < 2 && "rRuU".indexOf(s.charAt(j)) >= 0) {
            j++;
        }
        return j > i && j < s.length() && (s.charAt(j) == '\'' || s.charAt(j) == '"');
    }

    private void string(StringBuilder out) {
        boolean raw = false;
        while (i < s.length() && "rRuUbB".indexOf(s.charAt(i)) >= 0) {
            char p = Character.toLowerCase(s.charAt(i));
            if (p == 'b') {
                throw error("a bytes literal (b'…') is not text");
            }
            raw |= p == 'r';
            i++;
        }
        int start = i;
        char q = s.charAt(i);
        boolean triple = s.startsWith(String.valueOf(q).repeat(3), i);
        i += triple ? 3 : 1;
        while (true) {
            if (i >= s.length()) {
                i = start;
                throw error("a string that is not closed");
            }
            char c = s.charAt(i);
            if (c == q && (!triple || s.startsWith(String.valueOf(q).repeat(3), i))) {
                i += triple ? 3 : 1;
                return;
            }
            if (!triple && (c == '\n' || c == '\r')) {
                throw error("a line break inside a single-quoted string");
            }
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= s.length()) {
                i = start;
                throw error("a string that is not closed");
            }
            char e = s.charAt(i + 1);
            if (raw) {
                out.append(c).append(e);
                i += 2;
                continue;
            }
            i += 2;
            switch (e) {
                case '\n' -> { }
                case '\\' -> out.append('\\');
                case '\'' -> out.append('\'');
                case '"' -> out.append('"');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\u000B');
                case 'x' -> out.appendCodePoint(hex(2));
                case 'u' -> out.appendCodePoint(hex(4));
                case 'U' -> out.appendCodePoint(hex(8));
                case 'N' -> throw error("a named escape \\N{…} is not supported");
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        for (int k = 0; k < 2 && i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7'; k++) {
                            v = v * 8 + (s.charAt(i++) - '0');
                        }
                        out.append((char) v);
                    } else {
                        out.append('\\').append(e);
                    }
                }
            }
        }
    }

    private int hex(int digits) {
        if (i + digits > s.length()) {
            throw error("a truncated \\x, \\u or \\U escape");
        }
        int v = 0;
        for (int k = 0; k < digits; k++) {
            int d = Character.digit(s.charAt(i + k), 16);
            if (d < 0) {
                throw error("a \\x, \\u or \\U escape needs " + digits + " hexadecimal digits");
            }
            v = v * 16 + d;
        }
        if (v > Character.MAX_CODE_POINT) {
            throw error("an escape beyond the last Unicode code point");
        }
        i += digits;
        return v;
    }

    private String name() {
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
        }
        return s.substring(start, i);
    }

    private void space() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private void expect(char c) {
        if (i >= s.length() || s.charAt(i) != c) {
            throw error("expected '" + c + "', found " + describe());
        }
        i++;
    }

    private String describe() {
        if (i >= s.length()) {
            return "the end";
        }
        int cp = s.codePointAt(i);
        return Character.isISOControl(cp) || Character.isWhitespace(cp)
                ? String.format("character U+%04X", cp) : "'" + new String(Character.toChars(cp)) + "'";
    }

    private SyntaxError error(String message) {
        return new SyntaxError(message + " at character " + (i + 1), i);
    }
}
