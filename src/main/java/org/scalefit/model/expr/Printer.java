package org.scalefit.model.expr;

import java.util.function.UnaryOperator;

/**
 * Prints expressions with the parentheses the tree needs and no more: the printed text parses back
 * to the same tree, except that a negative literal comes back as the negation of a positive one.
 * Spaces surround {@code +} and {@code -}; {@code *}, {@code /} and {@code ^} are written tight.
 */
final class Printer {
    private static final int SUM = 1;
    private static final int PRODUCT = 2;
    private static final int UNARY = 3;
    private static final int POWER = 4;
    private static final int ATOM = 5;

    private final UnaryOperator<String> names;

    private Printer(UnaryOperator<String> names) {
        this.names = names;
    }

    static String print(Expression e) {
        return print(e, UnaryOperator.identity());
    }

    /**
     * @param names maps a variable name to the text to print in its place; the text is printed as an
     *              atom, so it must not need parentheses (wrap negative numbers before)
     */
    static String print(Expression e, UnaryOperator<String> names) {
        StringBuilder sb = new StringBuilder();
        new Printer(names).append(sb, e);
        return sb.toString();
    }

    static String number(double v) {
        if (Double.compare(v, 0.0) < 0) {
            return "-" + number(-v);
        }
        if (v == Math.rint(v) && v < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v).replace(".0E", "E").replace('E', 'e');
    }

    private static boolean isNegative(Expression e) {
        return e instanceof Expression.Negation
                || e instanceof Expression.Literal l && Double.compare(l.value(), 0.0) < 0;
    }

    private static int precedence(Expression e) {
        if (e instanceof Expression.Binary b) {
            return b.operator().precedence();
        }
        return isNegative(e) ? UNARY : ATOM;
    }

    private void append(StringBuilder sb, Expression e) {
        if (e instanceof Expression.Literal l) {
            sb.append(number(l.value()));
        } else if (e instanceof Expression.Constant c) {
            sb.append(c.name());
        } else if (e instanceof Expression.Variable v) {
            sb.append(names.apply(v.name()));
        } else if (e instanceof Expression.Negation n) {
            // -(a*b) prints as -a*b: IEEE rounding is symmetric, so (-a)*b and -(a*b) are the same
            // number, and the same holds for division.
            StringBuilder operand = new StringBuilder();
            append(operand, n.operand());
            boolean parens = precedence(n.operand()) < PRODUCT || operand.charAt(0) == '-';
            sb.append('-').append(parens ? "(" : "").append(operand).append(parens ? ")" : "");
        } else if (e instanceof Expression.Call c) {
            sb.append(c.function().canonicalName()).append('(');
            append(sb, c.argument());
            sb.append(')');
        } else {
            Expression.Binary b = (Expression.Binary) e;
            Operator op = b.operator();
            int p = op.precedence();
            int left = precedence(b.left());
            int right = precedence(b.right());
            boolean leftParens = op == Operator.POWER ? left < ATOM : left < p;
            boolean rightParens = isNegative(b.right())
                    || (op == Operator.POWER ? right < POWER : right <= p);
            appendOperand(sb, b.left(), leftParens);
            sb.append(p == SUM ? " " + op.symbol() + " " : op.symbol());
            appendOperand(sb, b.right(), rightParens);
        }
    }

    private void appendOperand(StringBuilder sb, Expression e, boolean parens) {
        if (parens) {
            sb.append('(');
        }
        append(sb, e);
        if (parens) {
            sb.append(')');
        }
    }
}
