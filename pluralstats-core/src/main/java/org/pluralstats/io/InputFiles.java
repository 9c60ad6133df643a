package org.pluralstats.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import org.pluralstats.SurveyFormatException;

/**
 * The one check every input file passes before it is opened: it must be a regular file. A FIFO,
 * {@code /dev/stdin}, a terminal or a device such as {@code /dev/zero} is refused at once, because
 * reading it could block forever or never end; and inputs read whole are read only up to a stated
 * limit, checked against the file's size before anything is allocated.
 */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * Checks that a path names a regular file (following symbolic links).
     *
     * @param file the input
     * @return its size in bytes
     * @throws SurveyFormatException naming the file when it is missing, a directory, or not a regular
     *     file (a FIFO, device, socket or terminal)
     */
    public static long requireRegular(Path file) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw SurveyFormatException.in(file.toString()).problem("file not found").build();
        } catch (IOException e) {
            throw SurveyFormatException.in(file.toString()).problem("cannot read: " + FileErrors.reason(e)).cause(e).build();
        }
        if (a.isDirectory()) {
            throw SurveyFormatException.in(file.toString()).problem("is a directory, not a file").build();
        }
        if (!a.isRegularFile()) {
            throw SurveyFormatException.in(file.toString())
                    .problem("not a regular file (" + kind(file) + "); only regular files are read, since a pipe"
                            + " or device may block or never end")
                    .expected("a file saved on disk").build();
        }
        return a.size();
    }

    /**
     * Reads a regular file whole, refusing it before reading when it is larger than a limit.
     *
     * @param file the input
     * @param maxBytes the most bytes read
     * @param what what the file is, for the message ("a Google Forms export")
     * @return its bytes
     * @throws SurveyFormatException when the file is not regular, larger than {@code maxBytes} (also when it
     *     grows past it while read), or cannot be read
     */
    public static byte[] readAllBytes(Path file, long maxBytes, String what) {
        long size = requireRegular(file);
        if (size > maxBytes) {
            throw tooLarge(file, size, maxBytes, what);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge(file, bytes.length, maxBytes, what);
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw SurveyFormatException.in(file.toString()).problem("file not found").build();
        } catch (IOException e) {
            throw SurveyFormatException.in(file.toString()).problem("cannot read: " + FileErrors.reason(e)).cause(e).build();
        }
    }

    /**
     * @param bytes a size in bytes
     * @return it in MiB, KiB or bytes, e.g. {@code 256 MiB}
     */
    public static String size(long bytes) {
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.0f MiB", bytes / (double) (1L << 20));
        }
        if (bytes >= 1L << 10) {
            return String.format(Locale.ROOT, "%.0f KiB", bytes / (double) (1L << 10));
        }
        return bytes + " bytes";
    }

    private static SurveyFormatException tooLarge(Path file, long size, long maxBytes, String what) {
        return SurveyFormatException.in(file.toString())
                .problem(what + " larger than the limit of " + size(maxBytes) + " (" + maxBytes + " bytes)")
                .found(size + " bytes").expected("at most " + maxBytes + " bytes").build();
    }

    private static String kind(Path file) {
        try {
            int mode = (Integer) Files.getAttribute(file, "unix:mode") & 0170000;
            return switch (mode) {
                case 0010000 -> "a FIFO";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a pipe, device or socket";
        }
    }
}
