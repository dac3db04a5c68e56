package io.daytrade.bench;

/**
 * The practical limit: each kernel as a straightforward loop over primitive arrays doing the same
 * arithmetic as the incremental indicator, with no objects, no state interface and no per-bar calls.
 * Each returns a checksum of every output so the JIT cannot drop the work.
 */
final class PlainLoops {

    private PlainLoops() {}

    static double sma(double[] x, int n) {
        double sum = 0;
        double check = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i];
            if (i >= n - 1) {
                check += sum / n;
                sum -= x[i - n + 1];
            }
        }
        return check;
    }

    static double ema(double[] x, int n) {
        return emaInto(x, n, new double[x.length]);
    }

    /** EMA seeded with the SMA of the first n values; out[i] is NaN before that. Returns a checksum. */
    static double emaInto(double[] x, int n, double[] out) {
        double k = 2.0 / (n + 1);
        double value = 0;
        double check = 0;
        int start = 0;
        while (start < x.length && Double.isNaN(x[start])) {
            out[start++] = Double.NaN;
        }
        for (int i = start; i < x.length; i++) {
            int seen = i - start + 1;
            if (seen < n) {
                value += x[i];
                out[i] = Double.NaN;
                continue;
            }
            value = seen == n ? (value + x[i]) / n : (x[i] - value) * k + value;
            out[i] = value;
            check += value;
        }
        return check;
    }

    static double rsi(double[] x, int n) {
        double gain = 0;
        double loss = 0;
        double check = 0;
        for (int i = 1; i < x.length; i++) {
            double change = x[i] - x[i - 1];
            if (i > n) {
                gain *= n - 1;
                loss *= n - 1;
            }
            if (change < 0) {
                loss -= change;
            } else {
                gain += change;
            }
            if (i >= n) {
                gain /= n;
                loss /= n;
                double total = gain + loss;
                check += total == 0 ? 0 : 100 * gain / total;
            }
        }
        return check;
    }

    static double macd(double[] x, int fast, int slow, int signal) {
        double[] fastEma = new double[x.length];
        double[] slowEma = new double[x.length];
        double[] line = new double[x.length];
        emaInto(x, slow, slowEma);
        double[] shifted = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            shifted[i] = i < slow - fast ? Double.NaN : x[i];
        }
        emaInto(shifted, fast, fastEma);
        for (int i = 0; i < x.length; i++) {
            line[i] = Double.isNaN(slowEma[i]) ? Double.NaN : fastEma[i] - slowEma[i];
        }
        double[] signalLine = new double[x.length];
        double check = emaInto(line, signal, signalLine);
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(signalLine[i])) {
                check += line[i] + (line[i] - signalLine[i]);
            }
        }
        return check;
    }

    static double bbands(double[] x, int n, double k) {
        double sum = 0;
        double squares = 0;
        double check = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i];
            squares += x[i] * x[i];
            if (i >= n - 1) {
                double mean = sum / n;
                double variance = squares / n - mean * mean;
                double deviation = variance < 1e-8 ? 0 : Math.sqrt(variance);
                check += (mean + k * deviation) + mean + (mean - k * deviation);
                sum -= x[i - n + 1];
                squares -= x[i - n + 1] * x[i - n + 1];
            }
        }
        return check;
    }

    static double atr(double[] h, double[] l, double[] c, int n) {
        double value = 0;
        double check = 0;
        for (int i = 1; i < c.length; i++) {
            double range = Math.max(h[i] - l[i], Math.max(Math.abs(h[i] - c[i - 1]), Math.abs(l[i] - c[i - 1])));
            if (i < n) {
                value += range;
            } else if (i == n) {
                value = (value + range) / n;
                check += value;
            } else {
                value = (value * (n - 1) + range) / n;
                check += value;
            }
        }
        return check;
    }

    static double stoch(double[] h, double[] l, double[] c, int fastK, int slowK, int slowD) {
        double[] k = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            if (i < fastK - 1) {
                k[i] = Double.NaN;
                continue;
            }
            double highest = h[i];
            double lowest = l[i];
            for (int j = i - fastK + 1; j < i; j++) {
                highest = Math.max(highest, h[j]);
                lowest = Math.min(lowest, l[j]);
            }
            double diff = (highest - lowest) / 100.0;
            k[i] = diff != 0 ? (c[i] - lowest) / diff : 0;
        }
        double[] slow = smaInto(k, slowK);
        double[] d = smaInto(slow, slowD);
        double check = 0;
        for (int i = 0; i < c.length; i++) {
            if (!Double.isNaN(d[i])) {
                check += slow[i] + d[i];
            }
        }
        return check;
    }

    private static double[] smaInto(double[] x, int n) {
        double[] out = new double[x.length];
        double sum = 0;
        int seen = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                out[i] = Double.NaN;
                continue;
            }
            sum += x[i];
            seen++;
            if (seen >= n) {
                out[i] = sum / n;
                sum -= x[i - n + 1];
            } else {
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    static double adx(double[] h, double[] l, double[] c, int n) {
        double plusDm = 0;
        double minusDm = 0;
        double tr = 0;
        double dxSum = 0;
        double adx = 0;
        double check = 0;
        for (int i = 1; i < c.length; i++) {
            double up = h[i] - h[i - 1];
            double down = l[i - 1] - l[i];
            double range = Math.max(h[i] - l[i], Math.max(Math.abs(h[i] - c[i - 1]), Math.abs(l[i] - c[i - 1])));
            if (i >= n) {
                plusDm -= plusDm / n;
                minusDm -= minusDm / n;
                tr = tr - tr / n + range;
            } else {
                tr += range;
            }
            if (down > 0 && up < down) {
                minusDm += down;
            } else if (up > 0 && up > down) {
                plusDm += up;
            }
            if (i < n || tr == 0) {
                continue;
            }
            double plusDi = 100 * plusDm / tr;
            double minusDi = 100 * minusDm / tr;
            double sum = plusDi + minusDi;
            double dx = sum == 0 ? 0 : 100 * Math.abs(minusDi - plusDi) / sum;
            if (i < 2 * n - 1) {
                dxSum += dx;
            } else if (i == 2 * n - 1) {
                adx = (dxSum + dx) / n;
                check += adx;
            } else {
                adx = (adx * (n - 1) + dx) / n;
                check += adx;
            }
        }
        return check;
    }
}
