package org.pluralstats.io.forms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import org.pluralstats.data.Column;
import org.pluralstats.data.SurveyData;

/** Test files: the fixtures under src/test/resources, and CSV text written to a temporary directory. */
final class Fixtures {
    private Fixtures() {
    }

    static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path pilot(String name) {
        return Path.of("data-samples", "pilot-survey", name);
    }

    /** Writes text as UTF-8 with LF line ends. */
    static Path write(Path dir, String name, String text) {
        return write(dir, name, text, false, "\n");
    }

    /** Writes text as UTF-8, with a byte order mark if asked, its line breaks replaced by {@code eol}. */
    static Path write(Path dir, String name, String text, boolean bom, String eol) {
        byte[] body = text.replace("\n", eol).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + (bom ? 3 : 0)];
        if (bom) {
            bytes[0] = (byte) 0xEF;
            bytes[1] = (byte) 0xBB;
            bytes[2] = (byte) 0xBF;
        }
        System.arraycopy(body, 0, bytes, bom ? 3 : 0, body.length);
        return writeBytes(dir, name, bytes);
    }

    static Path writeBytes(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LinkedHashMap<String, Path> groups(Object... groupAndPath) {
        LinkedHashMap<String, Path> m = new LinkedHashMap<>();
        for (int i = 0; i < groupAndPath.length; i += 2) {
            m.put((String) groupAndPath[i], (Path) groupAndPath[i + 1]);
        }
        return m;
    }

    /** Every text the data set would show: ids, labels, options, attribute values and responses. */
    static String everything(SurveyData d) {
        StringBuilder b = new StringBuilder();
        for (Column c : d.columns()) {
            b.append(c.item()).append('\n');
        }
        for (int r = 0; r < d.rows(); r++) {
            b.append(d.row(r)).append('\n');
        }
        return b.toString();
    }
}
