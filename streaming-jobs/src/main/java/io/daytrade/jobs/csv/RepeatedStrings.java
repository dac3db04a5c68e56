package io.daytrade.jobs.csv;

/**
 * One String for each distinct text that lines repeat (a file's symbols and intervals), looked up from
 * a range of a line without making a String first. Keeps at most {@value #LIMIT} texts; past that each
 * new text is a new String every time, as it would be without this.
 */
final class RepeatedStrings {

    static final int LIMIT = 1 << 14;

    /** Open addressing, at most half full. */
    private String[] table = new String[64];
    private int size;

    /** {@code line.substring(from, to)}, the same instance as the last time that text was asked for. */
    String of(String line, int from, int to) {
        int length = to - from;
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + line.charAt(i); // String.hashCode's, so a kept String's cached hash compares
        }
        int mask = table.length - 1;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            String kept = table[slot];
            if (kept == null) {
                String made = line.substring(from, to);
                if (size < LIMIT) {
                    table[slot] = made;
                    if (++size * 2 > table.length) {
                        grow();
                    }
                }
                return made;
            }
            if (kept.hashCode() == hash && kept.length() == length && line.regionMatches(from, kept, 0, length)) {
                return kept;
            }
        }
    }

    /** How many texts are kept. */
    int size() {
        return size;
    }

    private void grow() {
        String[] old = table;
        table = new String[old.length * 2];
        int mask = table.length - 1;
        for (String kept : old) {
            if (kept != null) {
                int slot = spread(kept.hashCode()) & mask;
                while (table[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = kept;
            }
        }
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
