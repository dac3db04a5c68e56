package io.daytrade.jobs.csv;

/** One line of an input file with where it came from, so a bad line can be reported by file and line. */
public class SourceLine {

    public String file;
    /** 1-based, counting the header as line 1. */
    public long line;
    public String text;

    public SourceLine() {}

    public SourceLine(String file, long line, String text) {
        this.file = file;
        this.line = line;
        this.text = text;
    }
}
