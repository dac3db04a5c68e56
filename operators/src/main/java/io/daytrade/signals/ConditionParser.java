package io.daytrade.signals;

import io.daytrade.signals.Conditions.Comparator;
import io.daytrade.signals.Conditions.Operand;

import java.util.List;
import java.util.Locale;

/**
 * Parses a rule condition:
 * <pre>
 *   condition  := or
 *   or         := and ("or" and)*
 *   and        := not ("and" not)*
 *   not        := "not" not | "(" condition ")" | crossing | comparison
 *   crossing   := ("crosses_above" | "crosses_below") "(" operand "," operand ")"
 *   comparison := operand ("<" | "<=" | ">" | ">=" | "==" | "!=") operand
 *   operand    := number | column name (an indicator column such as rsi_14, or close)
 * </pre>
 */
final class ConditionParser {

    private final String rule;
    private final String text;
    private final List<String> columns;
    private final SlotAllocator slots;
    private int position;

    /** Hands out memory slots to crossings across all rules of a set. */
    static final class SlotAllocator {
        private int next;

        int take(int count) {
            int slot = next;
            next += count;
            return slot;
        }

        int size() {
            return next;
        }
    }

    ConditionParser(String rule, String text, List<String> columns, SlotAllocator slots) {
        this.rule = rule;
        this.text = text;
        this.columns = columns;
        this.slots = slots;
    }

    Condition parse() {
        skipSpace();
        if (position >= text.length()) {
            throw error("the condition is empty");
        }
        Condition condition = or();
        skipSpace();
        if (position < text.length()) {
            throw error("unexpected '" + text.substring(position) + "'");
        }
        return condition;
    }

    private Condition or() {
        Condition left = and();
        while (keyword("or")) {
            left = new Conditions.Or(left, and());
        }
        return left;
    }

    private Condition and() {
        Condition left = not();
        while (keyword("and")) {
            left = new Conditions.And(left, not());
        }
        return left;
    }

    private Condition not() {
        if (keyword("not")) {
            return new Conditions.Not(not());
        }
        skipSpace();
        if (peek('(')) {
            int start = position;
            position++;
            Condition inner = or();
            expect(')', "a ')' to close the '(' at position " + (start + 1));
            return inner;
        }
        for (String function : List.of("crosses_above", "crosses_below")) {
            if (keyword(function)) {
                expect('(', "'(' after " + function);
                Operand a = operand();
                expect(',', "',' between the two arguments of " + function);
                Operand b = operand();
                expect(')', "')' to close " + function + "(");
                return new Conditions.Crossing(function.equals("crosses_above"), a, b, slots.take(2));
            }
        }
        Operand left = operand();
        Comparator comparator = comparator();
        return new Conditions.Comparison(left, comparator, operand());
    }

    private Operand operand() {
        skipSpace();
        int start = position;
        if (position < text.length() && (Character.isDigit(text.charAt(position)) || text.charAt(position) == '-'
                || text.charAt(position) == '.')) {
            position++;
            while (position < text.length() && (Character.isDigit(text.charAt(position))
                    || text.charAt(position) == '.' || text.charAt(position) == 'e' || text.charAt(position) == 'E')) {
                position++;
            }
            String number = text.substring(start, position);
            try {
                return new Conditions.Constant(Double.parseDouble(number));
            } catch (NumberFormatException e) {
                position = start;
                throw error("'" + number + "' is not a number");
            }
        }
        String name = identifier();
        if (name == null) {
            throw error("expected a column name or a number");
        }
        int index = columns.indexOf(name.toLowerCase(Locale.ROOT));
        if (index < 0) {
            position = start;
            throw error("unknown column '" + name + "'; the job computes " + String.join(", ", columns));
        }
        return new Conditions.Column(index);
    }

    private Comparator comparator() {
        skipSpace();
        for (Comparator comparator : List.of(Comparator.LE, Comparator.GE, Comparator.EQ, Comparator.NE,
                Comparator.LT, Comparator.GT)) {
            if (text.startsWith(comparator.symbol, position)) {
                position += comparator.symbol.length();
                return comparator;
            }
        }
        throw error("expected a comparison (<, <=, >, >=, ==, !=)");
    }

    private String identifier() {
        skipSpace();
        int start = position;
        while (position < text.length()
                && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
            position++;
        }
        return position > start ? text.substring(start, position) : null;
    }

    /** Consumes {@code word} if it comes next as a whole word. */
    private boolean keyword(String word) {
        skipSpace();
        int end = position + word.length();
        if (text.regionMatches(true, position, word, 0, word.length())
                && (end == text.length() || !(Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'))) {
            position = end;
            return true;
        }
        return false;
    }

    private boolean peek(char c) {
        return position < text.length() && text.charAt(position) == c;
    }

    private void expect(char c, String what) {
        skipSpace();
        if (!peek(c)) {
            throw error("expected " + what);
        }
        position++;
    }

    private void skipSpace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private RuleSyntaxException error(String what) {
        return new RuleSyntaxException("rule '" + rule + "': " + what + " at position " + (position + 1)
                + " in \"" + text + "\"");
    }
}
