package io.daytrade.indicators;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Columns of one symbol's bars, as TA-Lib's batch functions want them. */
public final class OhlcvSeries {

    public final String name;
    public final long[] time;
    public final double[] open;
    public final double[] high;
    public final double[] low;
    public final double[] close;
    public final double[] volume;

    OhlcvSeries(String name, long[] time, double[] open, double[] high, double[] low, double[] close,
            double[] volume) {
        this.name = name;
        this.time = time;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
    }

    public int size() {
        return close.length;
    }

    /** Reads a file in the project's bars format, keeping only {@code symbol}'s rows (null: all rows). */
    public static OhlcvSeries readBars(Path file, String symbol) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
            String[] cells = line.split(",");
            if (symbol == null || cells[1].equals(symbol)) {
                rows.add(cells);
            }
        }
        int n = rows.size();
        long[] time = new long[n];
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] volume = new double[n];
        for (int i = 0; i < n; i++) {
            String[] cells = rows.get(i);
            time[i] = Long.parseLong(cells[0]);
            open[i] = Double.parseDouble(cells[2]);
            high[i] = Double.parseDouble(cells[3]);
            low[i] = Double.parseDouble(cells[4]);
            close[i] = Double.parseDouble(cells[5]);
            volume[i] = Double.parseDouble(cells[6]);
        }
        String name = file.getFileName() + (symbol == null ? "" : ":" + symbol);
        return new OhlcvSeries(name, time, open, high, low, close, volume);
    }

    /**
     * A random walk with the shapes that break indicator code: price gaps, long flat runs (zero range,
     * zero change), one-bar spikes, zero-volume bars, and a stretch near zero price.
     */
    public static OhlcvSeries generated(long seed, int n) {
        Random random = new Random(seed);
        long[] time = new long[n];
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] volume = new double[n];
        double price = 100;
        for (int i = 0; i < n; i++) {
            time[i] = 1_700_000_000_000L + i * 3_600_000L;
            int phase = (i / 60) % 6;
            double previous = price;
            if (phase == 1 && i % 60 < 35) {
                // Flat run: every price equal, no volume at all in part of it.
                open[i] = high[i] = low[i] = close[i] = price;
                volume[i] = i % 60 < 15 ? 0 : 500;
                continue;
            }
            if (phase == 3 && i % 60 == 30) {
                price *= random.nextBoolean() ? 1.25 : 0.8; // gap
            }
            price = Math.max(0.01, price * (1 + random.nextGaussian() * 0.01));
            double o = previous;
            double c = price;
            double h = Math.max(o, c) * (1 + Math.abs(random.nextGaussian()) * 0.004);
            double l = Math.min(o, c) * (1 - Math.abs(random.nextGaussian()) * 0.004);
            if (phase == 4 && i % 17 == 0) {
                h = Math.max(o, c) * 1.15; // spike
            }
            open[i] = o;
            high[i] = h;
            low[i] = l;
            close[i] = c;
            volume[i] = random.nextInt(10) == 0 ? 0 : Math.floor(random.nextDouble() * 10_000);
        }
        return new OhlcvSeries("generated-" + seed, time, open, high, low, close, volume);
    }
}
