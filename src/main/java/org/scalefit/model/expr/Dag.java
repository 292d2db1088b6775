package org.scalefit.model.expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expressions flattened into a graph of numbered operations in which equal subexpressions are one
 * node (hash-consing), operations on constants are folded, and integer powers are marked. Every
 * node's operands have smaller numbers, so evaluating nodes in order is valid. This is the common
 * input of the tree evaluator and the register program.
 */
final class Dag {
    static final int CONST = 0;
    static final int SLOT = 1;
    static final int NEG = 2;
    static final int ADD = 3;
    static final int SUB = 4;
    static final int MUL = 5;
    static final int DIV = 6;
    static final int POW = 7;
    /** Power with a constant small integer exponent, held in {@code b}. */
    static final int POWI = 8;
    /** Function call; the function's ordinal is held in {@code b}. */
    static final int CALL = 9;

    /**
     * One operation; also its own hash-consing key.
     *
     * @param kind     one of the constants above
     * @param a        first operand node, or the slot index for SLOT
     * @param b        second operand node, the exponent for POWI, the function ordinal for CALL
     * @param constant the value for CONST
     */
    record Op(int kind, int a, int b, double constant) {
    }

    private final Map<String, Integer> slots;
    private final List<Op> ops = new ArrayList<>();
    private final Map<Op, Integer> index = new HashMap<>();
    private final IdentityHashMap<Expression, Integer> seen = new IdentityHashMap<>();

    Dag(List<String> slotNames) {
        this.slots = new HashMap<>();
        for (int i = 0; i < slotNames.size(); i++) {
            slots.put(slotNames.get(i), i);
        }
    }

    int slotCount() {
        return slots.size();
    }

    List<Op> ops() {
        return ops;
    }

    Op op(int node) {
        return ops.get(node);
    }

    boolean isConstant(int node) {
        return ops.get(node).kind() == CONST;
    }

    /** Adds an expression (all its variables must be slots) and returns its node. */
    int add(Expression e) {
        Integer known = seen.get(e);
        if (known != null) {
            return known;
        }
        int node = build(e);
        seen.put(e, node);
        return node;
    }

    private int build(Expression e) {
        if (e instanceof Expression.Literal l) {
            return constant(l.value());
        } else if (e instanceof Expression.Constant c) {
            return constant(c.value());
        } else if (e instanceof Expression.Variable v) {
            return intern(new Op(SLOT, slots.get(v.name()), 0, 0));
        } else if (e instanceof Expression.Negation n) {
            int a = add(n.operand());
            return isConstant(a) ? constant(-value(a)) : intern(new Op(NEG, a, 0, 0));
        } else if (e instanceof Expression.Call c) {
            int a = add(c.argument());
            MathFunction f = c.function();
            return isConstant(a) ? constant(f.apply(value(a))) : intern(new Op(CALL, a, f.ordinal(), 0));
        }
        Expression.Binary bin = (Expression.Binary) e;
        int a = add(bin.left());
        int b = add(bin.right());
        Operator op = bin.operator();
        if (isConstant(a) && isConstant(b)) {
            return constant(op.apply(value(a), value(b)));
        }
        if (op == Operator.POWER && isConstant(b) && Ops.isSmallInteger(value(b))) {
            int n = (int) value(b);
            if (n == 0) {
                return constant(1.0);
            }
            return n == 1 ? a : intern(new Op(POWI, a, n, 0));
        }
        int kind = switch (op) {
            case ADD -> ADD;
            case SUBTRACT -> SUB;
            case MULTIPLY -> MUL;
            case DIVIDE -> DIV;
            case POWER -> POW;
        };
        return intern(new Op(kind, a, b, 0));
    }

    private double value(int node) {
        return ops.get(node).constant();
    }

    private int constant(double v) {
        return intern(new Op(CONST, 0, 0, v));
    }

    private int intern(Op op) {
        Integer known = index.get(op);
        if (known != null) {
            return known;
        }
        ops.add(op);
        index.put(op, ops.size() - 1);
        return ops.size() - 1;
    }
}
