package io.daytrade.indicators;

import java.util.Arrays;

/**
 * Calls a fixed list of indicators, the first 16 each from a call site of its own.
 *
 * <p>Why: called in a loop through the {@link Indicator} interface, the JIT sees one call site with
 * many receiver types and cannot inline any of them; measured on the kernel set (eight indicators,
 * thirteen outputs) that dispatch cost twice the arithmetic. With one field and one call site per slot,
 * each site sees only the indicator type configured in that slot (a JVM usually runs one configuration:
 * the live job's, or a backtest's), so the JIT inlines it. A JVM running several configurations makes
 * the shared slots polymorphic, which is as fast as the loop was. Indicators past the slots go through
 * the loop. The slots are split over two methods so that the first, which is all a small set needs,
 * stays under the JIT's inlining size limit for hot methods (325 bytes of bytecode): a single RSI ran
 * a third slower when its caller could not inline it.
 */
final class IndicatorCalls {

    static final int SLOTS = 16;

    private final Indicator[] indicators;
    private final int count;
    private final Indicator slot0;
    private final Indicator slot1;
    private final Indicator slot2;
    private final Indicator slot3;
    private final Indicator slot4;
    private final Indicator slot5;
    private final Indicator slot6;
    private final Indicator slot7;
    private final Indicator slot8;
    private final Indicator slot9;
    private final Indicator slot10;
    private final Indicator slot11;
    private final Indicator slot12;
    private final Indicator slot13;
    private final Indicator slot14;
    private final Indicator slot15;

    IndicatorCalls(Indicator[] indicators) {
        this.indicators = indicators;
        this.count = indicators.length;
        Indicator[] slots = Arrays.copyOf(indicators, SLOTS);
        slot0 = slots[0];
        slot1 = slots[1];
        slot2 = slots[2];
        slot3 = slots[3];
        slot4 = slots[4];
        slot5 = slots[5];
        slot6 = slots[6];
        slot7 = slots[7];
        slot8 = slots[8];
        slot9 = slots[9];
        slot10 = slots[10];
        slot11 = slots[11];
        slot12 = slots[12];
        slot13 = slots[13];
        slot14 = slots[14];
        slot15 = slots[15];
    }

    void update(double open, double high, double low, double close, double volume, long barTime) {
        if (count == 0) {
            return;
        }
        slot0.update(open, high, low, close, volume, barTime);
        if (count == 1) {
            return;
        }
        slot1.update(open, high, low, close, volume, barTime);
        if (count == 2) {
            return;
        }
        slot2.update(open, high, low, close, volume, barTime);
        if (count == 3) {
            return;
        }
        slot3.update(open, high, low, close, volume, barTime);
        if (count == 4) {
            return;
        }
        slot4.update(open, high, low, close, volume, barTime);
        if (count == 5) {
            return;
        }
        slot5.update(open, high, low, close, volume, barTime);
        if (count == 6) {
            return;
        }
        slot6.update(open, high, low, close, volume, barTime);
        if (count == 7) {
            return;
        }
        slot7.update(open, high, low, close, volume, barTime);
        if (count > 8) {
            updateRest(open, high, low, close, volume, barTime);
        }
    }

    private void updateRest(double open, double high, double low, double close, double volume, long barTime) {
        if (count == 8) {
            return;
        }
        slot8.update(open, high, low, close, volume, barTime);
        if (count == 9) {
            return;
        }
        slot9.update(open, high, low, close, volume, barTime);
        if (count == 10) {
            return;
        }
        slot10.update(open, high, low, close, volume, barTime);
        if (count == 11) {
            return;
        }
        slot11.update(open, high, low, close, volume, barTime);
        if (count == 12) {
            return;
        }
        slot12.update(open, high, low, close, volume, barTime);
        if (count == 13) {
            return;
        }
        slot13.update(open, high, low, close, volume, barTime);
        if (count == 14) {
            return;
        }
        slot14.update(open, high, low, close, volume, barTime);
        if (count == 15) {
            return;
        }
        slot15.update(open, high, low, close, volume, barTime);
        for (int i = SLOTS; i < count; i++) {
            indicators[i].update(open, high, low, close, volume, barTime);
        }
    }

    void writeValues(double[] row) {
        int offset = 0;
        if (count == 0) {
            return;
        }
        offset = slot0.writeValues(row, offset);
        if (count == 1) {
            return;
        }
        offset = slot1.writeValues(row, offset);
        if (count == 2) {
            return;
        }
        offset = slot2.writeValues(row, offset);
        if (count == 3) {
            return;
        }
        offset = slot3.writeValues(row, offset);
        if (count == 4) {
            return;
        }
        offset = slot4.writeValues(row, offset);
        if (count == 5) {
            return;
        }
        offset = slot5.writeValues(row, offset);
        if (count == 6) {
            return;
        }
        offset = slot6.writeValues(row, offset);
        if (count == 7) {
            return;
        }
        offset = slot7.writeValues(row, offset);
        if (count > 8) {
            writeRest(row, offset);
        }
    }

    private void writeRest(double[] row, int offset) {
        if (count == 8) {
            return;
        }
        offset = slot8.writeValues(row, offset);
        if (count == 9) {
            return;
        }
        offset = slot9.writeValues(row, offset);
        if (count == 10) {
            return;
        }
        offset = slot10.writeValues(row, offset);
        if (count == 11) {
            return;
        }
        offset = slot11.writeValues(row, offset);
        if (count == 12) {
            return;
        }
        offset = slot12.writeValues(row, offset);
        if (count == 13) {
            return;
        }
        offset = slot13.writeValues(row, offset);
        if (count == 14) {
            return;
        }
        offset = slot14.writeValues(row, offset);
        if (count == 15) {
            return;
        }
        offset = slot15.writeValues(row, offset);
        for (int i = SLOTS; i < count; i++) {
            offset = indicators[i].writeValues(row, offset);
        }
    }
}
