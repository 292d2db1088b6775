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

    /** @return true when the printed text of e starts with a minus sign */
    private static boolean leadingMinus(Expression e) {
        if (isNegative(e)) {
            return true;
        }
        return e instanceof Expression.Binary b && !leftParens(b) && leadingMinus(b.left());
    }

    private static boolean leftParens(Expression.Binary b) {
        int left = precedence(b.left());
        return b.operator() == Operator.POWER ? left < ATOM : left < b.operator().precedence();
    }

    /** A right operand is parenthesised when the tree needs it, and when it would start with a minus. */
    private static boolean rightParens(Expression.Binary b) {
        int right = precedence(b.right());
        return leadingMinus(b.right())
                || (b.operator() == Operator.POWER ? right < POWER : right <= b.operator().precedence());
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
            sb.append('-');
            appendOperand(sb, n.operand(), precedence(n.operand()) < PRODUCT || leadingMinus(n.operand()));
        } else if (e instanceof Expression.Call c) {
            sb.append(c.function().canonicalName()).append('(');
            append(sb, c.argument());
            sb.append(')');
        } else {
            Expression.Binary b = (Expression.Binary) e;
            appendOperand(sb, b.left(), leftParens(b));
            Operator op = b.operator();
            sb.append(op.precedence() == SUM ? " " + op.symbol() + " " : op.symbol());
            appendOperand(sb, b.right(), rightParens(b));
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
