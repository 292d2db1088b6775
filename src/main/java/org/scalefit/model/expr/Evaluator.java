package org.scalefit.model.expr;

import java.util.Map;
import org.scalefit.InvalidDataException;

/** The reference tree-walking evaluator behind {@link Expression#evaluate(Map)}. */
final class Evaluator {
    private Evaluator() {
    }

    static double evaluate(Expression e, Map<String, Double> values) {
        if (e instanceof Expression.Literal l) {
            return l.value();
        } else if (e instanceof Expression.Constant c) {
            return c.value();
        } else if (e instanceof Expression.Variable v) {
            Double value = values.get(v.name());
            if (value == null) {
                throw new InvalidDataException("no value for the variable \"" + v.name() + "\"");
            }
            return value;
        } else if (e instanceof Expression.Negation n) {
            return -evaluate(n.operand(), values);
        } else if (e instanceof Expression.Binary b) {
            return b.operator().apply(evaluate(b.left(), values), evaluate(b.right(), values));
        } else {
            Expression.Call c = (Expression.Call) e;
            return c.function().apply(evaluate(c.argument(), values));
        }
    }
}
