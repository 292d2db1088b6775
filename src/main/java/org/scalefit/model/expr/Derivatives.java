package org.scalefit.model.expr;

import org.scalefit.model.expr.Expression.Binary;
import org.scalefit.model.expr.Expression.Call;
import org.scalefit.model.expr.Expression.Constant;
import org.scalefit.model.expr.Expression.Literal;
import org.scalefit.model.expr.Expression.Negation;
import org.scalefit.model.expr.Expression.Variable;

/**
 * Symbolic differentiation with simplifying constructors. The constructors fold operations on
 * literals (when the result is finite), drop neutral elements (u + 0, u·1, u/1, u^1), annihilate
 * with zero (0·u, 0/u), cancel (u − u = 0, u/u = 1), pull signs outwards (−u·v → −(u·v),
 * u + (−v) → u − v) and put a literal factor first (u·2 → 2·u, exact in IEEE arithmetic). They
 * assume finite values (and u ≠ 0 for u/u), as the derivative of a model does.
 */
final class Derivatives {
    static final Literal ZERO = new Literal(0.0);
    static final Literal ONE = new Literal(1.0);
    static final Literal TWO = new Literal(2.0);

    private Derivatives() {
    }

    static Expression derivative(Expression e, String x) {
        if (e instanceof Literal || e instanceof Constant) {
            return ZERO;
        } else if (e instanceof Variable v) {
            return v.name().equals(x) ? ONE : ZERO;
        } else if (e instanceof Negation n) {
            return neg(derivative(n.operand(), x));
        } else if (e instanceof Call c) {
            Expression u = c.argument();
            Expression du = derivative(u, x);
            if (isZero(du)) {
                return ZERO;
            }
            return switch (c.function()) {
                case EXP -> mul(c, du);
                case LOG -> div(du, u);
                case LOG10 -> div(du, mul(u, call(MathFunction.LOG, new Literal(10))));
                case SQRT -> div(du, mul(TWO, c));
                case SIN -> mul(call(MathFunction.COS, u), du);
                case COS -> neg(mul(call(MathFunction.SIN, u), du));
                case TAN -> div(du, pow(call(MathFunction.COS, u), TWO));
                case ATAN -> div(du, add(ONE, pow(u, TWO)));
                case ABS -> mul(div(u, c), du);
            };
        }
        Binary b = (Binary) e;
        Expression u = b.left();
        Expression v = b.right();
        Expression du = derivative(u, x);
        Expression dv = derivative(v, x);
        return switch (b.operator()) {
            case ADD -> add(du, dv);
            case SUBTRACT -> sub(du, dv);
            case MULTIPLY -> add(mul(du, v), mul(u, dv));
            case DIVIDE -> {
                if (isZero(dv)) {
                    yield div(du, v);
                }
                if (isZero(du)) {
                    yield neg(div(mul(u, dv), pow(v, TWO)));
                }
                yield div(sub(mul(du, v), mul(u, dv)), pow(v, TWO));
            }
            case POWER -> {
                if (isZero(dv)) {
                    if (isZero(du)) {
                        yield ZERO;
                    }
                    yield mul(mul(v, pow(u, sub(v, ONE))), du);
                }
                if (isZero(du)) {
                    yield mul(mul(e, call(MathFunction.LOG, u)), dv);
                }
                yield mul(e, add(mul(dv, call(MathFunction.LOG, u)), div(mul(v, du), u)));
            }
        };
    }

    /** @return the value of a literal or of a negated literal, or null for anything else */
    private static Double constant(Expression e) {
        if (e instanceof Literal l) {
            return l.value();
        }
        if (e instanceof Negation n && n.operand() instanceof Literal l) {
            return -l.value();
        }
        return null;
    }

    static boolean isZero(Expression e) {
        Double c = constant(e);
        return c != null && c == 0;
    }

    private static boolean is(Expression e, double value) {
        Double c = constant(e);
        return c != null && c == value;
    }

    private static boolean isNegative(Expression e) {
        return e instanceof Negation || e instanceof Literal l && l.value() < 0;
    }

    /** Folds to a literal when both operands are constants and the result is finite, else null. */
    private static Expression fold(Operator op, Expression a, Expression b) {
        Double x = constant(a);
        Double y = constant(b);
        if (x == null || y == null) {
            return null;
        }
        double v = op.apply(x, y);
        return Double.isFinite(v) ? new Literal(v == 0 ? 0.0 : v) : null;
    }

    static Expression neg(Expression a) {
        if (a instanceof Literal l) {
            return new Literal(l.value() == 0 ? 0.0 : -l.value());
        }
        if (a instanceof Negation n) {
            return n.operand();
        }
        return new Negation(a);
    }

    static Expression add(Expression a, Expression b) {
        if (isZero(a)) {
            return b;
        }
        if (isZero(b)) {
            return a;
        }
        Expression folded = fold(Operator.ADD, a, b);
        if (folded != null) {
            return folded;
        }
        if (isNegative(b)) {
            return sub(a, neg(b));
        }
        if (a instanceof Negation n) {
            return sub(b, n.operand());
        }
        return new Binary(Operator.ADD, a, b);
    }

    static Expression sub(Expression a, Expression b) {
        if (isZero(b)) {
            return a;
        }
        if (isZero(a)) {
            return neg(b);
        }
        Expression folded = fold(Operator.SUBTRACT, a, b);
        if (folded != null) {
            return folded;
        }
        if (isNegative(b)) {
            return add(a, neg(b));
        }
        if (a.equals(b)) {
            return ZERO;
        }
        return new Binary(Operator.SUBTRACT, a, b);
    }

    static Expression mul(Expression a, Expression b) {
        if (isZero(a) || isZero(b)) {
            return ZERO;
        }
        if (is(a, 1)) {
            return b;
        }
        if (is(b, 1)) {
            return a;
        }
        if (is(a, -1)) {
            return neg(b);
        }
        if (is(b, -1)) {
            return neg(a);
        }
        Expression folded = fold(Operator.MULTIPLY, a, b);
        if (folded != null) {
            return folded;
        }
        if (isNegative(a)) {
            return neg(mul(neg(a), b));
        }
        if (isNegative(b)) {
            return neg(mul(a, neg(b)));
        }
        if (b instanceof Literal) {
            return new Binary(Operator.MULTIPLY, b, a);
        }
        return new Binary(Operator.MULTIPLY, a, b);
    }

    static Expression div(Expression a, Expression b) {
        if (isZero(a)) {
            return ZERO;
        }
        if (is(b, 1)) {
            return a;
        }
        if (is(b, -1)) {
            return neg(a);
        }
        Expression folded = fold(Operator.DIVIDE, a, b);
        if (folded != null) {
            return folded;
        }
        if (a.equals(b)) {
            return ONE;
        }
        if (isNegative(a)) {
            return neg(div(neg(a), b));
        }
        if (isNegative(b)) {
            return neg(div(a, neg(b)));
        }
        return new Binary(Operator.DIVIDE, a, b);
    }

    static Expression pow(Expression a, Expression b) {
        if (isZero(b)) {
            return ONE;
        }
        if (is(b, 1)) {
            return a;
        }
        if (is(a, 1)) {
            return ONE;
        }
        Expression folded = fold(Operator.POWER, a, b);
        if (folded != null) {
            return folded;
        }
        return new Binary(Operator.POWER, a, b);
    }

    static Expression call(MathFunction f, Expression a) {
        Double x = constant(a);
        if (x != null) {
            double v = f.apply(x);
            if (Double.isFinite(v) && v == Math.rint(v)) {
                return new Literal(v == 0 ? 0.0 : v);
            }
        }
        return new Call(f, a);
    }
}
