package io.daytrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private final AtomicLong clock = new AtomicLong();

    @Test
    void showsDoneOfTotalRateAndTimeLeft() {
        ProgressBar bar = new ProgressBar("sweep", new PrintWriter(new StringWriter()), true, clock::get);
        assertThat(bar.line(250, 1_000, 5.0))
                .isEqualTo("sweep [########......................] 250/1,000  25%  50.0/s  ETA 0:15");
        assertThat(bar.line(3_000, 100_000, 2.0)).endsWith("1,500/s  ETA 1:05");
        assertThat(bar.line(7, 0, 1.0)).isEqualTo("sweep [..............................] 7 done  7.0/s");
        assertThat(bar.line(0, 10, 0)).endsWith("ETA ?");
    }

    @Test
    void redrawsInPlaceAtMostFiveTimesASecondAndEndsTheLine() {
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar("mc", new PrintWriter(text), true, clock::get);
        clock.set(1_000_000_000L);
        bar.update(1, 10);
        clock.addAndGet(50_000_000L);
        bar.update(2, 10); // too soon: not drawn
        clock.addAndGet(500_000_000L);
        bar.update(10, 10);
        bar.finish();
        String[] draws = text.toString().split("\r", -1);
        assertThat(draws).hasSize(3);
        assertThat(draws[1]).startsWith("mc [###...").contains(" 1/10 ");
        assertThat(draws[2]).contains(" 10/10 100%").endsWith(System.lineSeparator());
    }

    @Test
    void quietWhenNotATerminal() {
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar("sweep", new PrintWriter(text), false, clock::get);
        bar.update(5, 10);
        bar.finish();
        assertThat(text.toString()).isEmpty();
    }
}
