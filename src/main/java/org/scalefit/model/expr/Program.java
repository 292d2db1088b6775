package org.scalefit.model.expr;

import java.util.List;

/**
 * A flat register program over a {@link Dag}. The register file starts with one register per slot,
 * filled by two array copies; then comes one register per node, the constants among them filled once
 * in {@link #newRegisters()}. The instructions compute the remaining nodes in order. Running it
 * computes every node once, however many outputs share it, which is what makes it the right form
 * for a value together with its gradient.
 */
final class Program {
    private static final MathFunction[] FUNCTIONS = MathFunction.values();

    private final int slotCount;
    private final int[] registerOf;
    private final int[] kind;
    private final int[] target;
    private final int[] a;
    private final int[] b;
    private final double[] constants;

    Program(Dag dag) {
        List<Dag.Op> ops = dag.ops();
        slotCount = dag.slotCount();
        registerOf = new int[ops.size()];
        int count = 0;
        for (int i = 0; i < ops.size(); i++) {
            Dag.Op op = ops.get(i);
            registerOf[i] = op.kind() == Dag.SLOT ? op.a() : slotCount + i;
            if (op.kind() != Dag.CONST && op.kind() != Dag.SLOT) {
                count++;
            }
        }
        kind = new int[count];
        target = new int[count];
        a = new int[count];
        b = new int[count];
        constants = new double[slotCount + ops.size()];
        int k = 0;
        for (int i = 0; i < ops.size(); i++) {
            Dag.Op op = ops.get(i);
            if (op.kind() == Dag.CONST) {
                constants[registerOf[i]] = op.constant();
            } else if (op.kind() != Dag.SLOT) {
                kind[k] = op.kind();
                target[k] = registerOf[i];
                a[k] = registerOf[op.a()];
                b[k] = op.kind() == Dag.POWI || op.kind() == Dag.CALL || op.kind() == Dag.NEG ? op.b() : registerOf[op.b()];
                k++;
            }
        }
    }

    /** @return the number of instructions (operations that are neither constants nor slot reads) */
    int size() {
        return kind.length;
    }

    /** @return the register holding a node's value after {@link #run} */
    int register(int node) {
        return registerOf[node];
    }

    /** @return a fresh register file with the constants in place */
    double[] newRegisters() {
        return constants.clone();
    }

    /** Runs the program on the slot values {@code head} followed by {@code tail}. */
    void run(double[] head, double[] tail, double[] r) {
        System.arraycopy(head, 0, r, 0, head.length);
        System.arraycopy(tail, 0, r, head.length, slotCount - head.length);
        int[] kind = this.kind;
        int[] target = this.target;
        int[] a = this.a;
        int[] b = this.b;
        for (int i = 0; i < kind.length; i++) {
            double x = r[a[i]];
            double v;
            switch (kind[i]) {
                case Dag.NEG -> v = -x;
                case Dag.ADD -> v = x + r[b[i]];
                case Dag.SUB -> v = x - r[b[i]];
                case Dag.MUL -> v = x * r[b[i]];
                case Dag.DIV -> v = x / r[b[i]];
                case Dag.POW -> v = Ops.pow(x, r[b[i]]);
                case Dag.POWI -> {
                    int n = b[i];
                    v = n == 2 ? x * x : n == 3 ? x * x * x : Ops.powInt(x, n);
                }
                case Dag.CALL -> v = FUNCTIONS[b[i]].apply(x);
                default -> throw new IllegalStateException("unknown operation " + kind[i]);
            }
            r[target[i]] = v;
        }
    }
}
