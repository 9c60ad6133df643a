package org.pluralstats;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Where long work (reading large files, bootstraps) reports how far it has got. Work calls
 * {@link #start} once per task and then {@link Task#advance} as it goes; a progress that shows
 * nothing ({@link #none()}) costs a method call per update. {@link #terminal()} draws a one-line bar on
 * standard error, and only when a terminal is attached, so pipes, CI logs and tests stay clean.
 *
 * <pre>{@code
 * try (Progress.Task t = progress.start("bootstrap", 2000)) {
 *     for (int b = 0; b < 2000; b++) { ...; t.advance(b + 1); }
 * }
 * }</pre>
 */
public interface Progress {

    /**
     * Starts a task.
     *
     * @param what what is being done ({@code "reading wvs7.sav"})
     * @param total the number of steps, or -1 when unknown
     * @return the task, to advance and close
     */
    Task start(String what, long total);

    /** One task under way. */
    interface Task extends AutoCloseable {
        /** @param done the steps done so far */
        void advance(long done);

        /** Ends the task (also when it failed). */
        @Override
        void close();
    }

    /**
     * Steps finished in any order, by any thread, counted into a task: {@link #add} adds its steps to the
     * running total and advances the task to it, one call at a time (a {@link Task} need not be thread-safe),
     * so the task only ever moves forward. The bootstraps count {@code B} rounds per finished group so.
     */
    final class Counter {
        private final Task task;
        private long done;

        private Counter(Task task) {
            this.task = task;
        }

        /** @param steps the steps just finished */
        public synchronized void add(long steps) {
            done += steps;
            task.advance(done);
        }
    }

    /**
     * @param task a started task
     * @return a counter of the steps finished into it, for parallel work
     */
    static Counter counter(Task task) {
        return new Counter(task);
    }

    /** @return a progress that shows nothing */
    static Progress none() {
        return (what, total) -> new Task() {
            @Override
            public void advance(long done) {
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * A bar on standard error when it is a terminal, else {@link #none()}. Java 17 cannot ask whether
     * standard error alone is a terminal, so the system property {@code pluralstats.progress} and then
     * the environment variable {@code PLURALSTATS_PROGRESS} decide when set ({@code 1}: draw, {@code 0}: do
     * not; the {@code pluralstats} launcher sets the variable from {@code [ -t 2 ]}), and otherwise
     * {@code System.console() != null} (standard input and output both terminals). The bar goes to the
     * {@code System.err} of the moment this is called.
     *
     * @return the progress
     */
    static Progress terminal() {
        String env = System.getProperty("pluralstats.progress", System.getenv("PLURALSTATS_PROGRESS"));
        boolean draw = env != null && !env.isBlank() ? env.strip().equals("1") : System.console() != null;
        return draw ? to(System.err) : none();
    }

    /**
     * A bar redrawn in place with carriage returns, at most ten times a second, and a final line per
     * task with its duration.
     *
     * @param out where to draw
     * @return the progress
     */
    static Progress to(PrintStream out) {
        return (what, total) -> new Task() {
            private final long started = System.nanoTime();
            private long lastDrawn;
            private long last;

            @Override
            public void advance(long done) {
                last = done;
                long now = System.nanoTime();
                if (now - lastDrawn < 100_000_000L) {
                    return;
                }
                lastDrawn = now;
                draw(false);
            }

            private void draw(boolean end) {
                StringBuilder sb = new StringBuilder("\r").append(what).append(' ');
                if (total > 0) {
                    int width = 24;
                    int filled = (int) Math.min(width, width * last / total);
                    sb.append('[').append("#".repeat(filled)).append(" ".repeat(width - filled)).append("] ")
                            .append(String.format(Locale.ROOT, "%3d%%", Math.min(100, 100 * last / total)));
                } else if (last > 0) {
                    sb.append(last);
                }
                if (end) {
                    sb.append(String.format(Locale.ROOT, "  %.1f s%n", (System.nanoTime() - started) / 1e9));
                }
                out.print(sb);
                out.flush();
            }

            @Override
            public void close() {
                if (total > 0) {
                    last = total;
                }
                draw(true);
            }
        };
    }
}
