package org.pluralstats.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.Locale;

/**
 * The one place that turns an {@link IOException} into the words a user reads: {@code "permission denied"},
 * {@code "no such file or directory"}, {@code "is a directory"}, {@code "no space left on device"}, and so on
 * — the operating system's own reason (strerror) in lower case, without the Java class name or the path
 * repeated, so that a message naming the path reads {@code "cannot write out.csv: no space left on device"}.
 */
public final class FileErrors {
    private FileErrors() {
    }

    /**
     * @param e an I/O error, or an {@link UncheckedIOException} wrapping one
     * @return its cause in a few lower-case words, e.g. {@code "permission denied"}
     */
    public static String reason(Throwable e) {
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            e = u.getCause();
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        } else if (e instanceof AccessDeniedException) {
            return "permission denied";
        } else if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        } else if (e instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        } else if (e instanceof NotDirectoryException) {
            return "not a directory";
        } else if (e instanceof FileSystemLoopException) {
            return "too many levels of symbolic links";
        } else if (e instanceof ReadOnlyFileSystemException) {
            return "read-only file system";
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            return lower(f.getReason());
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        // some JDK messages are "path (Reason)" (FileOutputStream) or "Reason" (channels)
        int open = m.lastIndexOf(" (");
        if (open > 0 && m.endsWith(")")) {
            m = m.substring(open + 2, m.length() - 1);
        }
        return lower(m.replace('\n', ' ').replace('\r', ' '));
    }

    /**
     * @param e an I/O error
     * @return {@code "FILE: reason"} when the error names its file, else the reason alone
     */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile()) + ": " + reason(e);
        }
        return reason(e);
    }

    private static String lower(String s) {
        s = s.strip();
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && !Character.isUpperCase(s.charAt(1))) {
            return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
        }
        return s;
    }
}
