package io.daytrade.operators.deadletters;

/**
 * Text as a JSON string literal, for the small JSON payloads of dead letters: quotes, backslashes and
 * control characters escaped (RFC 8259). The operators module has no JSON library of its own, and a symbol
 * is whatever a producer sent.
 */
public final class JsonText {

    private JsonText() {}

    /** {@code text} in double quotes, escaped. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
