package org.scalefit.model.expr;

import java.util.Objects;
import java.util.Optional;
import org.scalefit.InvalidDataException;

/**
 * Recursive-descent parser for {@link Expression#parse}. Grammar:
 *
 * <pre>
 * sum     := product (('+' | '-') product)*
 * product := unary (('*' | '/') unary)*
 * unary   := ('+' | '-') unary | power
 * power   := primary (('^' | '**') unary)?
 * primary := number | name | name '(' sum ')' | '(' sum ')'
 * </pre>
 *
 * Both the recursion (every sign, parenthesis, call and exponent) and the depth of the resulting
 * tree are limited to {@link #MAX_DEPTH}, so that neither parsing nor any later recursive walk can
 * overflow the stack.
 *
 * <p>Why one class of about 420 lines: one recursive-descent grammar for formulas, each rule a short
 * method; a grammar split over classes is harder to read than one.
 */
final class Parser {
    static final int MAX_DEPTH = 256;
    private static final int MAX_SHOWN = 200;

    private record Parsed(Expression expression, int depth) {
    }

    private final String text;
    private int pos;
    private int nesting;
    private int openCalls;
    private String lastToken;

    private Parser(String text) {
        this.text = text;
    }

    static Expression parse(String text) {
        Objects.requireNonNull(text, "formula");
        return new Parser(text).formula();
    }

    private Expression formula() {
        skipSpace();
        if (atEnd()) {
            throw new InvalidDataException("cannot parse formula " + quote(text) + ": the formula is empty");
        }
        Parsed result = sum();
        skipSpace();
        if (!atEnd()) {
            throw unexpectedAfterOperand();
        }
        return result.expression();
    }

    private Parsed sum() {
        Parsed left = product();
        while (true) {
            skipSpace();
            Operator op = atEnd() ? null : additive(peek());
            if (op == null) {
                return left;
            }
            int at = pos;
            consume(1);
            Parsed right = product();
            left = node(new Expression.Binary(op, left.expression(), right.expression()), left, right, at);
        }
    }

    private Parsed product() {
        Parsed left = unary();
        while (true) {
            skipSpace();
            Operator op = atEnd() ? null : multiplicative(peek());
            if (op == null || powerLength() > 0) {
                return left;
            }
            int at = pos;
            consume(1);
            Parsed right = unary();
            left = node(new Expression.Binary(op, left.expression(), right.expression()), left, right, at);
        }
    }

    private Parsed unary() {
        skipSpace();
        Operator sign = atEnd() ? null : additive(peek());
        if (sign == null) {
            return power();
        }
        int at = pos;
        consume(1);
        enter(at);
        Parsed operand = unary();
        nesting--;
        if (sign == Operator.ADD) {
            return operand;
        }
        return node(new Expression.Negation(operand.expression()), operand, operand, at);
    }

    private Parsed power() {
        Parsed base = primary();
        skipSpace();
        int length = powerLength();
        if (length == 0) {
            return base;
        }
        int at = pos;
        consume(length);
        enter(at);
        Parsed exponent = unary();
        nesting--;
        return node(new Expression.Binary(Operator.POWER, base.expression(), exponent.expression()), base, exponent, at);
    }

    private Parsed primary() {
        skipSpace();
        if (atEnd()) {
            throw missingOperand();
        }
        char c = peek();
        if (isDigit(c) || c == '.') {
            return number();
        }
        if (isNameStart(c)) {
            return name();
        }
        if (c == '(') {
            int open = pos;
            consume(1);
            enter(open);
            skipSpace();
            if (!atEnd() && peek() == ')') {
                throw fail("empty parentheses \"()\"", open);
            }
            Parsed inner = sum();
            close();
            nesting--;
            return inner;
        }
        throw missingOperand();
    }

    private Parsed number() {
        int start = pos;
        int digits = 0;
        while (!atEnd() && isDigit(peek())) {
            pos++;
            digits++;
        }
        if (!atEnd() && peek() == '.') {
            pos++;
            while (!atEnd() && isDigit(peek())) {
                pos++;
                digits++;
            }
        }
        boolean malformed = digits == 0;
        if (!malformed && !atEnd() && (peek() == 'e' || peek() == 'E')) {
            int mark = pos;
            pos++;
            if (!atEnd() && (peek() == '+' || peek() == '-')) {
                pos++;
            }
            if (atEnd() || !isDigit(peek())) {
                malformed = true;
                pos = mark;
            } else {
                while (!atEnd() && isDigit(peek())) {
                    pos++;
                }
            }
        }
        if (malformed || (!atEnd() && peek() == '.')) {
            int end = pos;
            while (end < text.length() && (isNamePart(text.charAt(end)) || text.charAt(end) == '.'
                    || (end > start && (text.charAt(end) == '+' || text.charAt(end) == '-')
                    && (text.charAt(end - 1) == 'e' || text.charAt(end - 1) == 'E')))) {
                end++;
            }
            throw fail("malformed number " + quote(text.substring(start, Math.max(end, start + 1))), start);
        }
        String literal = text.substring(start, pos);
        double value = Double.parseDouble(literal);
        if (!Double.isFinite(value)) {
            throw fail("number " + quote(literal) + " is too large", start);
        }
        lastToken = literal;
        return new Parsed(new Expression.Literal(value), 1);
    }

    private Parsed name() {
        int start = pos;
        while (!atEnd() && isNamePart(peek())) {
            pos++;
        }
        String name = text.substring(start, pos);
        lastToken = name;
        Optional<MathFunction> function = MathFunction.byName(name);
        skipSpace();
        if (!atEnd() && peek() == '(') {
            if (function.isEmpty()) {
                throw new InvalidDataException("unknown function " + quote(name) + " at position " + position(start)
                        + " in formula " + quote(text) + "; known functions: " + MathFunction.knownNames());
            }
            int open = pos;
            consume(1);
            enter(open);
            skipSpace();
            if (!atEnd() && peek() == ')') {
                throw fail("function " + quote(name) + " needs an argument", pos);
            }
            openCalls++;
            Parsed argument = sum();
            close();
            openCalls--;
            nesting--;
            return node(new Expression.Call(function.get(), argument.expression()), argument, argument, start);
        }
        if (function.isPresent()) {
            throw fail("function " + quote(name) + " used without parentheses", start);
        }
        if (name.equals("pi")) {
            return new Parsed(Expression.Constant.PI, 1);
        }
        return new Parsed(new Expression.Variable(name), 1);
    }

    private void close() {
        skipSpace();
        if (atEnd()) {
            throw fail("missing \")\"", pos);
        }
        if (peek() != ')') {
            throw unexpectedAfterOperand();
        }
        consume(1);
    }

    private Parsed node(Expression e, Parsed a, Parsed b, int at) {
        int depth = 1 + Math.max(a.depth(), b.depth());
        if (depth > MAX_DEPTH) {
            throw tooDeep(at);
        }
        return new Parsed(e, depth);
    }

    private void enter(int at) {
        if (++nesting > MAX_DEPTH) {
            throw tooDeep(at);
        }
    }

    private InvalidDataException tooDeep(int at) {
        return fail("formula nested too deeply (more than " + MAX_DEPTH + " levels)", at);
    }

    /** An operand was expected at {@link #pos} but is not there. */
    private InvalidDataException missingOperand() {
        if (lastToken != null) {
            if (atEnd() || isOperatorChar(peek()) || peek() == ')' || peek() == ',' || peek() == '=') {
                return fail("missing operand after " + quote(lastToken), pos);
            }
            return unexpectedCharacter();
        }
        char c = peek();
        if (c == ')') {
            return fail("unmatched \")\"", pos);
        }
        if (isOperatorChar(c)) {
            int length = powerLength() > 0 ? powerLength() : 1;
            return fail("missing operand before " + quote(text.substring(pos, pos + length)), pos);
        }
        return unexpectedCharacter();
    }

    /** A complete operand ends before {@link #pos}, which holds neither an operator nor a fitting ")". */
    private InvalidDataException unexpectedAfterOperand() {
        char c = peek();
        if (c == ')') {
            return fail("unmatched \")\"", pos);
        }
        if (c == ',') {
            return fail(openCalls > 0 ? "unexpected \",\" (functions take one argument)" : "unexpected \",\"", pos);
        }
        if (c == '=') {
            return fail("unexpected \"=\" (give only the right-hand side, e.g. b1*x^b2)", pos);
        }
        if (isDigit(c) || c == '.' || isNameStart(c) || c == '(') {
            int end = pos + 1;
            if (c != '(') {
                while (end < text.length() && (isNamePart(text.charAt(end)) || text.charAt(end) == '.')) {
                    end++;
                }
            }
            return fail("unexpected " + quote(text.substring(pos, end)) + " (use \"*\" to multiply)", pos);
        }
        return unexpectedCharacter();
    }

    private InvalidDataException unexpectedCharacter() {
        int cp = text.codePointAt(pos);
        return fail("unexpected character " + quote(new String(Character.toChars(cp))), pos);
    }

    private InvalidDataException fail(String problem, int index) {
        return new InvalidDataException("cannot parse formula " + quote(text) + ": " + problem + " at position " + position(index));
    }

    private int position(int index) {
        return text.codePointCount(0, Math.min(index, text.length())) + 1;
    }

    /** Quotes text for a one-line message: escapes quotes and control characters, shortens long text. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        int shown = 0;
        for (int i = 0; i < s.length(); i++) {
            if (shown++ == MAX_SHOWN) {
                sb.append("...");
                break;
            }
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (needsEscape(s, i)) {
                        sb.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static boolean needsEscape(String s, int i) {
        char c = s.charAt(i);
        int type = Character.getType(c);
        if (type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private char peek() {
        return text.charAt(pos);
    }

    private void consume(int length) {
        lastToken = text.substring(pos, pos + length);
        pos += length;
    }

    private void skipSpace() {
        while (!atEnd() && (Character.isWhitespace(peek()) || Character.isSpaceChar(peek()))) {
            pos++;
        }
    }

    /** @return 2 for {@code **}, 1 for {@code ^}, 0 when no power operator is at {@link #pos} */
    private int powerLength() {
        if (atEnd()) {
            return 0;
        }
        if (peek() == '^') {
            return 1;
        }
        return peek() == '*' && pos + 1 < text.length() && text.charAt(pos + 1) == '*' ? 2 : 0;
    }

    private static Operator additive(char c) {
        return switch (c) {
            case '+' -> Operator.ADD;
            case '-', '\u2212' -> Operator.SUBTRACT;
            default -> null;
        };
    }

    private static Operator multiplicative(char c) {
        return switch (c) {
            case '*', '\u00B7', '\u22C5', '\u00D7' -> Operator.MULTIPLY;
            case '/', '\u00F7' -> Operator.DIVIDE;
            default -> null;
        };
    }

    private static boolean isOperatorChar(char c) {
        return additive(c) != null || multiplicative(c) != null || c == '^';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || isDigit(c);
    }
}
