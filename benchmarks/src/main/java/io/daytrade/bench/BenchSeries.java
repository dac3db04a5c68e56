package io.daytrade.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;

import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNum;

/** A deterministic random walk of OHLCV bars, as primitive arrays: the input of every kernel benchmark. */
public final class BenchSeries {

    public final long[] time;
    public final double[] open;
    public final double[] high;
    public final double[] low;
    public final double[] close;
    public final double[] volume;

    private BenchSeries(int n) {
        time = new long[n];
        open = new double[n];
        high = new double[n];
        low = new double[n];
        close = new double[n];
        volume = new double[n];
    }

    public static BenchSeries generate(int n, long seed) {
        Random random = new Random(seed);
        BenchSeries s = new BenchSeries(n);
        double price = 100;
        for (int i = 0; i < n; i++) {
            double previous = price;
            price = Math.max(1, price * (1 + random.nextGaussian() * 0.01));
            s.time[i] = 1_700_000_000_000L + i * 60_000L;
            s.open[i] = previous;
            s.close[i] = price;
            s.high[i] = Math.max(previous, price) * (1 + random.nextDouble() * 0.003);
            s.low[i] = Math.min(previous, price) * (1 - random.nextDouble() * 0.003);
            s.volume[i] = 1 + random.nextInt(10_000);
        }
        return s;
    }

    public int size() {
        return close.length;
    }

    /** The same bars as a ta4j series with DoubleNum, built once outside the measured code. */
    public BarSeries toTa4j() {
        BarSeries series = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).build();
        for (int i = 0; i < size(); i++) {
            series.addBar(Instant.ofEpochMilli(time[i]).atZone(ZoneOffset.UTC), open[i], high[i], low[i], close[i],
                    volume[i]);
        }
        return series;
    }
}
