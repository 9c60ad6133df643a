package org.pluralstats.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.pluralstats.SurveyFormatException;

/** Small UTF-8 text inputs (score tables, mappings, distributions) read whole. */
public final class TextFiles {
    private TextFiles() {
    }

    /**
     * Reads a UTF-8 text file, without a leading byte-order mark.
     *
     * @param file the file
     * @return its text
     * @throws SurveyFormatException naming the file when it is missing, unreadable or not UTF-8
     */
    public static String readUtf8(Path file) {
        String name = file.toString();
        String text;
        InputFiles.requireRegular(file);
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw SurveyFormatException.in(name).problem("file not found").build();
        } catch (CharacterCodingException e) {
            throw SurveyFormatException.in(name).problem("the text is not valid UTF-8").expected("UTF-8 text").cause(e)
                    .build();
        } catch (IOException e) {
            throw SurveyFormatException.in(name).problem("cannot read: " + org.pluralstats.io.FileErrors.reason(e)).cause(e).build();
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
