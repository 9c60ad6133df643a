package org.pluralstats.io;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.concurrent.ThreadLocalRandom;
import org.pluralstats.PluralstatsException;

/**
 * An output file that is either written whole or not at all. The bytes go to a temporary file beside
 * the target ({@code .NAME.HEX.tmp} in the same directory, so on the same file system), which is
 * flushed to disk and renamed onto the target by {@link #commit()} ({@link StandardCopyOption#ATOMIC_MOVE},
 * falling back to {@link StandardCopyOption#REPLACE_EXISTING} where the file system cannot rename
 * atomically). If the work fails first, {@link #close()} deletes the temporary file and the target is
 * untouched: a reader of the target sees the earlier file or the complete new one, never a prefix.
 *
 * <pre>{@code
 * try (AtomicOutput out = AtomicOutput.open(Path.of("out.csv"), List.of(input))) {
 *     write(out.stream());
 *     out.commit();
 * } // not committed: nothing written
 * }</pre>
 *
 * <p>Before anything is opened for writing the target is checked: a directory is refused ("is a
 * directory"), and so is a target that is one of the inputs or a link (symbolic or hard) to one,
 * compared with {@link Files#isSameFile}. Missing parent directories are created (and removed again,
 * when still empty, if the output is discarded). A symbolic link as
 * target is followed: the file it points to is replaced. A target that exists and is not a regular file
 * (a device such as {@code /dev/null} or {@code /dev/full}, a pipe) cannot be replaced by a rename and is
 * written directly. Every failure is one {@link PluralstatsException} line naming the target and the
 * cause in {@link FileErrors#reason the operating system's words}, ending {@code "nothing written to
 * TARGET"}.
 */
public final class AtomicOutput implements Closeable {
    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final OutputStream stream;
    private IOException writeFailure;
    private boolean done;
    /** The directories {@link #open} created for the target, deepest first: removed again on failure. */
    private java.util.List<Path> created = java.util.List.of();

    private AtomicOutput(Path target, Path temp, FileChannel channel) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
        this.stream = new Recording(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
    }

    /**
     * Checks the target and opens a temporary file beside it.
     *
     * @param target the file to write
     * @param inputs the files the work reads; the target may not be one of them
     * @return the open output; write to {@link #stream()}, then {@link #commit()}
     * @throws PluralstatsException when the target is an input, a directory, or cannot be created
     */
    public static AtomicOutput open(Path target, Collection<Path> inputs) {
        refuseInputs(target, inputs);
        Path real = target;
        try {
            if (Files.isSymbolicLink(target) && Files.exists(target)) {
                real = target.toRealPath();
            }
        } catch (IOException e) {
            throw failure(target, e);
        }
        if (Files.isDirectory(real)) {
            throw new PluralstatsException("cannot write " + target + ": is a directory; nothing written to " + target);
        }
        Path parent = real.toAbsolutePath().getParent();
        java.util.List<Path> made = new java.util.ArrayList<>();
        if (parent != null && !Files.isDirectory(parent)) {
            for (Path p = parent; p != null && !Files.exists(p); p = p.getParent()) {
                made.add(p);
            }
            try {
                Files.createDirectories(parent);
            } catch (FileAlreadyExistsException e) {
                throw new PluralstatsException("cannot write " + target + ": " + e.getFile()
                        + " is not a directory; nothing written to " + target);
            } catch (IOException e) {
                throw new PluralstatsException("cannot write " + target + ": cannot create the directory " + parent
                        + ": " + FileErrors.reason(e) + "; nothing written to " + target, e);
            }
        }
        try {
            if (Files.exists(real) && !Files.isRegularFile(real)) {
                // a device or pipe: no rename possible, the bytes go straight there
                FileChannel ch = FileChannel.open(real, StandardOpenOption.WRITE);
                return new AtomicOutput(target, null, ch);
            }
            String name = real.getFileName().toString();
            for (int attempt = 0; ; attempt++) {
                Path temp = (parent == null ? Path.of("") : parent).resolve("." + name + "."
                        + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".tmp");
                try {
                    FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    AtomicOutput out = new AtomicOutput(real, temp, ch);
                    out.created = made;
                    return out;
                } catch (FileAlreadyExistsException e) {
                    if (attempt > 8) {
                        throw e;
                    }
                }
            }
        } catch (IOException e) {
            removeEmpty(made);
            throw failure(target, e);
        }
    }

    /**
     * Writes a whole text file atomically, as UTF-8.
     *
     * @param target the file
     * @param text its content
     * @param inputs the files the text was computed from; the target may not be one of them
     */
    public static void writeString(Path target, String text, Collection<Path> inputs) {
        try (AtomicOutput out = open(target, inputs)) {
            try {
                out.stream().write(text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw out.abort(e);
            }
            out.commit();
        }
    }

    /**
     * Refuses a target that is one of the inputs, or a symbolic or hard link to one (same file by
     * {@link Files#isSameFile}, or the same real path), before anything is opened for writing.
     *
     * @param target the output
     * @param inputs the inputs
     * @throws PluralstatsException naming both when they are the same file
     */
    public static void refuseInputs(Path target, Collection<Path> inputs) {
        if (!Files.exists(target)) {
            return; // an input exists; a target that does not cannot be one (a dangling link neither)
        }
        for (Path in : inputs) {
            if (in == null || !Files.exists(in)) {
                continue;
            }
            boolean same;
            try {
                same = Files.isSameFile(target, in) || target.toRealPath().equals(in.toRealPath());
            } catch (IOException e) {
                same = target.toAbsolutePath().normalize().equals(in.toAbsolutePath().normalize());
            }
            if (same) {
                throw new PluralstatsException("refusing to write " + target + ": it is "
                        + (target.equals(in) ? "an input of this command" : "the input " + in + " through a link")
                        + "; nothing written");
            }
        }
    }

    /** @return the target file (after following a symbolic link) */
    public Path target() {
        return target;
    }

    /**
     * @return the stream to write to; buffered; closing it only flushes (the file is finished by
     *     {@link #commit()} or discarded by {@link #close()})
     */
    public OutputStream stream() {
        return stream;
    }

    /**
     * Flushes the bytes to disk and renames the temporary file onto the target.
     *
     * @throws PluralstatsException naming the target and the cause; the temporary file is deleted
     */
    public void commit() {
        if (done) {
            throw new IllegalStateException("already committed or discarded: " + target);
        }
        try {
            stream.flush();
            if (temp != null) {
                channel.force(true);
            }
            channel.close();
            if (temp != null) {
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            done = true;
        } catch (IOException e) {
            throw abort(e);
        }
    }

    /**
     * Discards the output after a failure and says so: the temporary file is deleted and the returned
     * exception's one-line message is the failure's followed by {@code "; nothing written to TARGET"}; a
     * failure of this output's own stream (a full disk, say) reads {@code "cannot write TARGET: no space
     * left on device; nothing written to TARGET"} whatever the caller wrapped it in.
     *
     * @param cause what went wrong
     * @return the exception to throw
     */
    public PluralstatsException abort(Throwable cause) {
        discard();
        if (writeFailure != null || cause instanceof IOException || cause instanceof java.io.UncheckedIOException) {
            Throwable io = writeFailure != null ? writeFailure : cause;
            return new PluralstatsException("cannot write " + target + ": " + FileErrors.reason(io)
                    + (temp == null ? "" : "; nothing written to " + target), io);
        }
        String m = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new PluralstatsException(m + (temp == null ? "" : "; nothing written to " + target), cause);
    }

    /** Deletes the temporary file unless {@link #commit()} succeeded. */
    @Override
    public void close() {
        discard();
    }

    private void discard() {
        if (done) {
            return;
        }
        done = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // the file is deleted next; nothing of it is kept
        }
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // best effort: a leftover is a dot-file named .NAME.HEX.tmp, never the target
            }
        }
        removeEmpty(created);
    }

    private static void removeEmpty(java.util.List<Path> dirs) {
        for (Path d : dirs) {
            try {
                Files.deleteIfExists(d); // only when still empty: DirectoryNotEmptyException otherwise
            } catch (IOException ignored) {
                break;
            }
        }
    }

    private static PluralstatsException failure(Path target, IOException e) {
        return new PluralstatsException("cannot write " + target + ": " + FileErrors.reason(e)
                + "; nothing written to " + target, e);
    }

    /** Remembers the first write failure so {@link #abort} can name it whatever wrapped it. */
    private final class Recording extends FilterOutputStream {
        Recording(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw record(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw record(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw record(e);
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }

        private IOException record(IOException e) {
            if (writeFailure == null) {
                writeFailure = e;
            }
            return e;
        }
    }
}
