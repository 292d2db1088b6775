package org.scalefit.model.expr;

import java.util.List;

/**
 * A node of the compiled evaluation tree. Each node computes its value from its children with one
 * virtual call per child; no allocation, no lookups. The commonest operations on a slot (b·x,
 * b + u, x − b, u/b, x², x³) read the slot inline instead of calling a child node, which saves
 * about a third of the calls on typical formulas (measured by {@code EvaluationBenchmark}). Slots
 * are read from the concatenation of two arrays, {@code head} then {@code tail}, so that a law can
 * pass predictors and parameters without copying them into one array.
 *
 * <p>Why one class of about 480 lines: the expression tree: each node type is a small nested class with
 * its value, derivative and printing, kept together so that adding an operation touches one file.
 */
abstract class Node {
    abstract double eval(double[] head, double[] tail);

    /** Builds the tree for {@code root} from a graph; shared subgraphs become shared (stateless) nodes. */
    static Node build(Dag dag, int root) {
        List<Dag.Op> ops = dag.ops();
        Node[] nodes = new Node[root + 1];
        for (int i = 0; i <= root; i++) {
            Dag.Op op = ops.get(i);
            nodes[i] = switch (op.kind()) {
                case Dag.CONST -> new Const(op.constant());
                case Dag.SLOT -> new Slot(op.a());
                case Dag.NEG -> new Neg(nodes[op.a()]);
                case Dag.ADD -> add(ops, op, nodes);
                case Dag.SUB -> sub(ops, op, nodes);
                case Dag.MUL -> mul(ops, op, nodes);
                case Dag.DIV -> div(ops, op, nodes);
                case Dag.POW -> new Pow(nodes[op.a()], nodes[op.b()]);
                case Dag.POWI -> switch (op.b()) {
                    case 2 -> isSlot(ops, op.a()) ? new SquareSlot(slotOf(ops, op.a())) : new Square(nodes[op.a()]);
                    case 3 -> isSlot(ops, op.a()) ? new CubeSlot(slotOf(ops, op.a())) : new Cube(nodes[op.a()]);
                    default -> new PowInt(nodes[op.a()], op.b());
                };
                case Dag.CALL -> call(MathFunction.values()[op.b()], nodes[op.a()]);
                default -> throw new IllegalStateException("unknown operation " + op.kind());
            };
        }
        return nodes[root];
    }

    private static boolean isSlot(List<Dag.Op> ops, int index) {
        return ops.get(index).kind() == Dag.SLOT;
    }

    private static int slotOf(List<Dag.Op> ops, int index) {
        return ops.get(index).a();
    }

    static double slot(int k, double[] head, double[] tail) {
        return k < head.length ? head[k] : tail[k - head.length];
    }

    private static Node add(List<Dag.Op> ops, Dag.Op op, Node[] nodes) {
        if (isSlot(ops, op.a())) {
            return new AddSlot(slotOf(ops, op.a()), nodes[op.b()]);
        }
        if (isSlot(ops, op.b())) {
            return new AddSlot(slotOf(ops, op.b()), nodes[op.a()]);
        }
        return new Add(nodes[op.a()], nodes[op.b()]);
    }

    private static Node mul(List<Dag.Op> ops, Dag.Op op, Node[] nodes) {
        if (isSlot(ops, op.a()) && isSlot(ops, op.b())) {
            return new MulSlots(slotOf(ops, op.a()), slotOf(ops, op.b()));
        }
        if (isSlot(ops, op.a())) {
            return new MulSlot(slotOf(ops, op.a()), nodes[op.b()]);
        }
        if (isSlot(ops, op.b())) {
            return new MulSlot(slotOf(ops, op.b()), nodes[op.a()]);
        }
        return new Mul(nodes[op.a()], nodes[op.b()]);
    }

    private static Node sub(List<Dag.Op> ops, Dag.Op op, Node[] nodes) {
        if (isSlot(ops, op.a())) {
            return new SlotMinus(slotOf(ops, op.a()), nodes[op.b()]);
        }
        if (isSlot(ops, op.b())) {
            return new MinusSlot(nodes[op.a()], slotOf(ops, op.b()));
        }
        return new Sub(nodes[op.a()], nodes[op.b()]);
    }

    private static Node div(List<Dag.Op> ops, Dag.Op op, Node[] nodes) {
        if (isSlot(ops, op.a())) {
            return new SlotOver(slotOf(ops, op.a()), nodes[op.b()]);
        }
        if (isSlot(ops, op.b())) {
            return new OverSlot(nodes[op.a()], slotOf(ops, op.b()));
        }
        return new Div(nodes[op.a()], nodes[op.b()]);
    }

    /**
     * The functions scaling-law formulas use most get a node of their own, which calls the JVM intrinsic
     * directly; the rest go through {@link MathFunction#apply}'s switch on every evaluation.
     */
    private static Node call(MathFunction f, Node a) {
        return switch (f) {
            case EXP -> new Exp(a);
            case LOG -> new Log(a);
            case SIN -> new Sin(a);
            case COS -> new Cos(a);
            default -> new Call(f, a);
        };
    }

    /** s_k + u; addition commutes exactly in IEEE arithmetic, so this also serves u + s_k. */
    private static final class AddSlot extends Node {
        private final int k;
        private final Node a;

        AddSlot(int k, Node a) {
            this.k = k;
            this.a = a;
        }

        @Override
        double eval(double[] head, double[] tail) {
            return slot(k, head, tail) + a.eval(head, tail);
        }
    }

    /** s_k − u. */
    private static final class SlotMinus extends Node {
        private final int k;
        private final Node a;

        SlotMinus(int k, Node a) {
            this.k = k;
            this.a = a;
        }

        @Override
        double eval(double[] head, double[] tail) {
            return slot(k, head, tail) - a.eval(head, tail);
        }
    }

    /** u − s_k. */
    private static final class MinusSlot extends Node {
        private final Node a;
        private final int k;

        MinusSlot(Node a, int k) {
            this.a = a;
            this.k = k;
        }

        @Override
        double eval(double[] head, double[] tail) {
            return a.eval(head, tail) - slot(k, head, tail);
        }
    }

    /** s_k·u; multiplication commutes exactly, so this also serves u·s_k. */
    private static final class MulSlot extends Node {
        private final int k;
        private final Node a;

        MulSlot(int k, Node a) {
            this.k = k;
            this.a = a;
        }

        @Override
        double eval(double[] head, double[] tail) {
            return slot(k, head, tail) * a.eval(head, tail);
        }
    }

    /** s_j·s_k. */
    private static final class MulSlots extends Node {
        private final int j;
        private final int k;

        MulSlots(int j, int k) {
            this.j = j;
            this.k = k;
        }

        @Override
        double eval(double[] head, double[] tail) {
            return slot(j, head, tail) * slot(k, head, tail);
        }
    }

    /** s_k/u. */
    private static final class SlotOver extends Node {
        private final int k;
        private final Node a;

        SlotOver(int k, Node a) {
            this.k = k;
            this.a = a;
        }

        @Override
        double eval(double[] head, double[] tail) {
            return slot(k, head, tail) / a.eval(head, tail);
        }
    }

    /** u/s_k. */
    private static final class OverSlot extends Node {
        private final Node a;
        private final int k;

        OverSlot(Node a, int k) {
            this.a = a;
            this.k = k;
        }

        @Override
        double eval(double[] head, double[] tail) {
            return a.eval(head, tail) / slot(k, head, tail);
        }
    }

    /** s_k². */
    private static final class SquareSlot extends Node {
        private final int k;

        SquareSlot(int k) {
            this.k = k;
        }

        @Override
        double eval(double[] head, double[] tail) {
            double v = slot(k, head, tail);
            return v * v;
        }
    }

    /** s_k³. */
    private static final class CubeSlot extends Node {
        private final int k;

        CubeSlot(int k) {
            this.k = k;
        }

        @Override
        double eval(double[] head, double[] tail) {
            double v = slot(k, head, tail);
            return v * v * v;
        }
    }

    private static final class Const extends Node {
        private final double value;

        Const(double value) {
            this.value = value;
        }

        @Override
        double eval(double[] head, double[] tail) {
            return value;
        }
    }

    private static final class Slot extends Node {
        private final int index;

        Slot(int index) {
            this.index = index;
        }

        @Override
        double eval(double[] head, double[] tail) {
            return slot(index, head, tail);
        }
    }

    private static final class Neg extends Node {
        private final Node a;

        Neg(Node a) {
            this.a = a;
        }

        @Override
        double eval(double[] head, double[] tail) {
            return -a.eval(head, tail);
        }
    }

    private static final class Add extends Node {
        private final Node a;
        private final Node b;

        Add(Node a, Node b) {
            this.a = a;
            this.b = b;
        }

        @Override
        double eval(double[] head, double[] tail) {
            return a.eval(head, tail) + b.eval(head, tail);
        }
    }

    private static final class Sub extends Node {
        private final Node a;
        private final Node b;

        Sub(Node a, Node b) {
            this.a = a;
            this.b = b;
        }

        @Override
        double eval(double[] head, double[] tail) {
            return a.eval(head, tail) - b.eval(head, tail);
        }
    }

    private static final class Mul extends Node {
        private final Node a;
        private final Node b;

        Mul(Node a, Node b) {
            this.a = a;
            this.b = b;
        }

        @Override
        double eval(double[] head, double[] tail) {
            return a.eval(head, tail) * b.eval(head, tail);
        }
    }

    private static final class Div extends Node {
        private final Node a;
        private final Node b;

        Div(Node a, Node b) {
            this.a = a;
            this.b = b;
        }

        @Override
        double eval(double[] head, double[] tail) {
            return a.eval(head, tail) / b.eval(head, tail);
        }
    }

    private static final class Pow extends Node {
        private final Node a;
        private final Node b;

        Pow(Node a, Node b) {
            this.a = a;
            this.b = b;
        }

        @Override
        double eval(double[] head, double[] tail) {
            return Ops.pow(a.eval(head, tail), b.eval(head, tail));
        }
    }

    private static final class Square extends Node {
        private final Node a;

        Square(Node a) {
            this.a = a;
        }

        @Override
        double eval(double[] head, double[] tail) {
            double v = a.eval(head, tail);
            return v * v;
        }
    }

    private static final class Cube extends Node {
        private final Node a;

        Cube(Node a) {
            this.a = a;
        }

        @Override
        double eval(double[] head, double[] tail) {
            double v = a.eval(head, tail);
            return v * v * v;
        }
    }

    private static final class PowInt extends Node {
        private final Node a;
        private final int n;

        PowInt(Node a, int n) {
            this.a = a;
            this.n = n;
        }

        @Override
        double eval(double[] head, double[] tail) {
            return Ops.powInt(a.eval(head, tail), n);
        }
    }

    private static final class Exp extends Node {
        private final Node a;

        Exp(Node a) {
            this.a = a;
        }

        @Override
        double eval(double[] head, double[] tail) {
            return Math.exp(a.eval(head, tail));
        }
    }

    private static final class Log extends Node {
        private final Node a;

        Log(Node a) {
            this.a = a;
        }

        @Override
        double eval(double[] head, double[] tail) {
            return Math.log(a.eval(head, tail));
        }
    }

    private static final class Sin extends Node {
        private final Node a;

        Sin(Node a) {
            this.a = a;
        }

        @Override
        double eval(double[] head, double[] tail) {
            return Math.sin(a.eval(head, tail));
        }
    }

    private static final class Cos extends Node {
        private final Node a;

        Cos(Node a) {
            this.a = a;
        }

        @Override
        double eval(double[] head, double[] tail) {
            return Math.cos(a.eval(head, tail));
        }
    }

    private static final class Call extends Node {
        private final MathFunction f;
        private final Node a;

        Call(MathFunction f, Node a) {
            this.f = f;
            this.a = a;
        }

        @Override
        double eval(double[] head, double[] tail) {
            return f.apply(a.eval(head, tail));
        }
    }
}
