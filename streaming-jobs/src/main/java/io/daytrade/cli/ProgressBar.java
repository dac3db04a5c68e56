package io.daytrade.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar redrawn in place: {@code sweep [#####.....] 1,200/4,000 30% 410/s ETA 0:07}.
 * Drawn only on a terminal (or with {@code DAYTRADE_PROGRESS=always}); quiet when the output is a file
 * or a pipe, so logs and scripts get no control characters.
 */
final class ProgressBar {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final String label;
    private final PrintWriter out;
    private final boolean enabled;
    private final LongSupplier nanoTime;
    private final long started;
    private long lastDrawn;
    private boolean drawn;
    private String lastLine = "";

    ProgressBar(String label, PrintWriter out, boolean enabled, LongSupplier nanoTime) {
        this.label = label;
        this.out = out;
        this.enabled = enabled;
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
    }

    /**
     * On for a terminal unless {@code DAYTRADE_PROGRESS=never}; {@code always} forces it on. The system
     * property {@code daytrade.progress} takes precedence over the environment variable.
     */
    static boolean wanted() {
        String setting = System.getProperty("daytrade.progress", System.getenv("DAYTRADE_PROGRESS"));
        if ("always".equals(setting)) {
            return true;
        }
        return !"never".equals(setting) && System.console() != null;
    }

    /** @param total 0 while unknown */
    void update(long done, long total) {
        long now = nanoTime.getAsLong();
        if (!enabled || done == 0 && total == 0 || drawn && now - lastDrawn < REDRAW_NANOS && done < total) {
            return;
        }
        lastDrawn = now;
        drawn = true;
        String line = line(done, total, (now - started) / 1e9);
        if (!line.equals(lastLine)) {
            out.print("\r" + line + " ".repeat(Math.max(0, lastLine.length() - line.length())));
            out.flush();
            lastLine = line;
        }
    }

    /** Ends the bar's line, so what is printed next starts on its own. */
    void finish() {
        if (enabled && !lastLine.isEmpty()) {
            out.println();
            out.flush();
        }
    }

    String line(long done, long total, double seconds) {
        double rate = seconds > 0 ? done / seconds : 0;
        if (total <= 0) {
            return String.format(Locale.ROOT, "%s [%s] %,d done  %s/s", label, ".".repeat(WIDTH), done, rate(rate));
        }
        double fraction = Math.min(1, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        String eta = rate > 0 ? clock((total - done) / rate) : "?";
        return String.format(Locale.ROOT, "%s [%s%s] %,d/%,d %3.0f%%  %s/s  ETA %s", label, "#".repeat(filled),
                ".".repeat(WIDTH - filled), done, total, fraction * 100, rate(rate), eta);
    }

    private static String rate(double rate) {
        return rate >= 100 ? String.format(Locale.ROOT, "%,.0f", rate) : String.format(Locale.ROOT, "%.1f", rate);
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
