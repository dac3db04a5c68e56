package io.daytrade.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A self-contained HTML page of a research report: headings, tables and charts drawn as inline SVG
 * when the page is written, so it opens anywhere without scripts or network. The markup is
 * well-formed XML, which lets tests read it back.
 */
public final class ReportPage {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 240;
    private static final int LEFT = 80;
    private static final int BOTTOM = 24;
    private static final int TOP = 12;
    private static final int MAX_POINTS = 2_000;
    private static final String[] COLORS = {"#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2",
            "#4b5563", "#ca8a04", "#db2777", "#65a30d"};

    private final String title;
    private final StringBuilder body = new StringBuilder();

    public ReportPage(String title) {
        this.title = title;
    }

    public ReportPage heading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    public ReportPage paragraph(String text) {
        body.append("<p class=\"muted\">").append(escape(text)).append("</p>\n");
        return this;
    }

    public ReportPage table(List<String> header, List<List<String>> rows) {
        body.append("<table>\n<tr>");
        header.forEach(h -> body.append("<th>").append(escape(h)).append("</th>"));
        body.append("</tr>\n");
        for (List<String> row : rows) {
            body.append("<tr>");
            row.forEach(cell -> body.append("<td>").append(escape(cell)).append("</td>"));
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    /** One line per series over time, on a shared scale; series longer than 2,000 points are thinned. */
    public ReportPage lineChart(String caption, List<String> names, List<long[]> times, List<double[]> values) {
        long t0 = Long.MAX_VALUE;
        long t1 = Long.MIN_VALUE;
        double v0 = Double.POSITIVE_INFINITY;
        double v1 = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < names.size(); s++) {
            for (int i = 0; i < times.get(s).length; i++) {
                t0 = Math.min(t0, times.get(s)[i]);
                t1 = Math.max(t1, times.get(s)[i]);
                v0 = Math.min(v0, values.get(s)[i]);
                v1 = Math.max(v1, values.get(s)[i]);
            }
        }
        StringBuilder svg = open(caption);
        if (t0 <= t1) {
            double tSpan = Math.max(1, t1 - t0);
            double vSpan = v1 > v0 ? v1 - v0 : 1;
            for (int s = 0; s < names.size(); s++) {
                long[] t = times.get(s);
                double[] v = values.get(s);
                int step = Math.max(1, (int) Math.ceil(t.length / (double) MAX_POINTS));
                svg.append("<polyline class=\"series\" fill=\"none\" stroke-width=\"1.5\" stroke=\"")
                        .append(COLORS[s % COLORS.length]).append("\" points=\"");
                for (int i = 0; i < t.length; i += step) {
                    svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", x((t[i] - t0) / tSpan), y((v[i] - v0) / vSpan)));
                }
                svg.append("\"><title>").append(escape(names.get(s))).append("</title></polyline>\n");
            }
            axes(svg, number(v0), number(v1), day(t0), day(t1));
        }
        close(svg, names);
        return this;
    }

    /**
     * A histogram of {@code values} in {@code bins} equal bins, with dashed lines at the given marks. The
     * range is the 0.5th to the 99.5th percentile, so a long tail does not squash the rest into one bin;
     * values beyond it count in the edge bins.
     */
    public ReportPage histogram(String caption, double[] values, int bins, List<String> markNames, double[] marks) {
        double[] sorted = java.util.Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double lo = sorted.length == 0 ? Double.POSITIVE_INFINITY : sorted[(int) Math.floor(0.005 * (sorted.length - 1))];
        double hi = sorted.length == 0 ? Double.NEGATIVE_INFINITY : sorted[(int) Math.ceil(0.995 * (sorted.length - 1))];
        StringBuilder svg = open(caption);
        if (lo <= hi) {
            double span = hi > lo ? hi - lo : 1;
            int[] counts = new int[bins];
            for (double v : values) {
                if (!Double.isNaN(v)) {
                    counts[Math.max(0, Math.min(bins - 1, (int) ((v - lo) / span * bins)))]++;
                }
            }
            int max = 1;
            for (int c : counts) {
                max = Math.max(max, c);
            }
            double barWidth = (WIDTH - LEFT) / (double) bins;
            for (int b = 0; b < bins; b++) {
                double top = y((double) counts[b] / max);
                svg.append(String.format(Locale.ROOT,
                        "<rect class=\"bin\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#93c5fd\"><title>%d</title></rect>\n",
                        LEFT + b * barWidth, top, Math.max(0.5, barWidth - 1), y(0) - top, counts[b]));
            }
            for (int m = 0; m < marks.length; m++) {
                if (Double.isNaN(marks[m])) {
                    continue;
                }
                double x = x(Math.max(0, Math.min(1, (marks[m] - lo) / span)));
                svg.append(String.format(Locale.ROOT, "<line class=\"mark\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%.1f\""
                        + " stroke=\"#1f2937\" stroke-dasharray=\"4 3\"><title>%s</title></line>\n", x, x, TOP, y(0),
                        escape(markNames.get(m) + " " + number(marks[m]))));
                svg.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"%.1f\" y=\"%d\">%s</text>\n", x + 2,
                        TOP + 10 + 12 * (m % 3), escape(markNames.get(m))));
            }
            axes(svg, "0", Integer.toString(max), number(lo), number(hi));
        }
        close(svg, List.of());
        return this;
    }

    public String html() {
        return "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                + "<title>" + escape(title) + "</title>\n<style>\n"
                + "body { font: 14px/1.4 -apple-system, \"Segoe UI\", Roboto, sans-serif; margin: 24px auto; max-width: 1040px; color: #1d2733; }\n"
                + "h1 { font-size: 20px; } h2 { font-size: 16px; margin: 26px 0 8px; border-bottom: 1px solid #dde3ea; }\n"
                + ".muted { color: #6b7785; } table { border-collapse: collapse; margin: 8px 0; }\n"
                + "th, td { padding: 3px 10px; text-align: right; border-bottom: 1px solid #eef1f4; }\n"
                + "th:first-child, td:first-child { text-align: left; } .label { font-size: 11px; fill: #6b7785; }\n"
                + "figure { margin: 8px 0; } figcaption { font-size: 12px; color: #6b7785; }\n"
                + "</style>\n</head>\n<body>\n<h1>" + escape(title) + "</h1>\n" + body + "</body>\n</html>\n";
    }

    private StringBuilder open(String caption) {
        body.append("<figure><figcaption>").append(escape(caption)).append("</figcaption>\n");
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">\n",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
    }

    private void close(StringBuilder svg, List<String> legend) {
        body.append(svg).append("</svg>\n");
        if (legend.size() > 1) {
            body.append("<div>");
            for (int s = 0; s < legend.size(); s++) {
                body.append("<span style=\"color:").append(COLORS[s % COLORS.length]).append("\">&#9632; ")
                        .append(escape(legend.get(s))).append("</span> ");
            }
            body.append("</div>\n");
        }
        body.append("</figure>\n");
    }

    private static void axes(StringBuilder svg, String low, String high, String left, String right) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#cbd5e1\"/>\n",
                LEFT, WIDTH, y(0), y(0)));
        svg.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"4\" y=\"%.1f\">%s</text>\n", y(0), escape(low)));
        svg.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"4\" y=\"%d\">%s</text>\n", TOP + 8, escape(high)));
        svg.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"%d\" y=\"%d\">%s</text>\n", LEFT, HEIGHT - 6, escape(left)));
        svg.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n",
                WIDTH, HEIGHT - 6, escape(right)));
    }

    private static double x(double fraction) {
        return LEFT + fraction * (WIDTH - LEFT);
    }

    private static double y(double fraction) {
        return HEIGHT - BOTTOM - fraction * (HEIGHT - BOTTOM - TOP);
    }

    /** The UTC date of an epoch-millisecond time, {@code 2026-03-02}. */
    public static String day(long millis) {
        return Instant.ofEpochMilli(millis).toString().substring(0, 10);
    }

    /** A number for people: 3 significant decimals, thousands separated. */
    public static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "–";
        }
        return Math.abs(value) >= 1000 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
