package org.evidencearchive.pipeline;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a person at a terminal sees of a long run: one line, redrawn in place a few times a second, naming the
 * stage, the items done of its total and the time so far ("archive: rendering pages 1,234 of 5,307 · 4.2 s").
 * Nothing is drawn before {@code delayMs} has passed (a quick build prints only its summary), and the line is
 * erased when the run ends, so the summary or the errors that follow stand alone. {@link #NONE} draws nothing:
 * it is what runs whose standard error is not a terminal, and {@code --quiet}, get.
 */
public final class Progress implements AutoCloseable {
    /** Draws nothing. */
    public static final Progress NONE = new Progress(null, 0);

    /** How often the line is redrawn. */
    private static final long PERIOD_MS = 200;
    /** The system property that {@code ./archive} sets when its standard error is a terminal. */
    public static final String TTY_PROPERTY = "archive.stderr.tty";
    /** The system property that sets how long a run goes before its line is first drawn (ms; default 1000). */
    public static final String DELAY_PROPERTY = "archive.progress.delayMs";

    private final PrintStream out;
    private final long start = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private final ScheduledExecutorService ticker;
    private volatile String stage = "starting";
    private volatile int total;
    private boolean drawn;
    private boolean closed;

    private Progress(PrintStream out, long delayMs) {
        this.out = out;
        if (out == null) {
            ticker = null;
        } else {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::draw, delayMs, PERIOD_MS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Returns a progress line on {@code out} when the run's standard error is a terminal (as {@code ./archive}
     * reports it in {@link #TTY_PROPERTY}; {@code TERM=dumb} counts as none) and {@code quiet} is false, and
     * {@link #NONE} otherwise.
     */
    public static Progress forTerminal(PrintStream out, boolean quiet) {
        boolean tty = Boolean.getBoolean(TTY_PROPERTY) && !"dumb".equals(System.getenv("TERM"));
        return quiet || !tty ? NONE : new Progress(out, Long.getLong(DELAY_PROPERTY, 1000));
    }

    /** Returns a progress line drawn on {@code out} after {@code delayMs}, whatever {@code out} is (for tests). */
    static Progress on(PrintStream out, long delayMs) {
        return new Progress(out, delayMs);
    }

    /** Starts a stage; {@code total} is the number of items it will count with {@link #step()}, or 0 if it counts none. */
    public void stage(String name, int total) {
        this.total = total;
        done.set(0);
        this.stage = name;
    }

    /** Counts one item of the current stage done; safe from any thread. */
    public void step() {
        done.incrementAndGet();
    }

    /** Returns the line as drawn now, without the terminal's control characters. */
    String line() {
        return line(stage, done.get(), total, (System.nanoTime() - start) / 1_000_000);
    }

    /** The line for a stage, its items done of total (no count when the total is 0) and the time so far. */
    static String line(String stage, int done, int total, long elapsedMs) {
        String count = total > 0 ? String.format(Locale.ROOT, " %,d of %,d", Math.min(done, total), total) : "";
        return String.format(Locale.ROOT, "archive: %s%s · %.1f s", stage, count, elapsedMs / 1000.0);
    }

    private synchronized void draw() {
        if (closed || out == null) return;
        // carriage return, the line, then erase what a longer earlier line left to its right
        out.print("\r" + line() + "\u001B[K");
        out.flush();
        drawn = true;
    }

    /** Stops drawing and erases the line, if one was drawn. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        if (ticker != null) ticker.shutdownNow();
        if (drawn) {
            out.print("\r\u001B[K");
            out.flush();
        }
    }
}
