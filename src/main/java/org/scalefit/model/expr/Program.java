package org.scalefit.model.expr;

import java.util.List;

/**
 * A flat register program: node i of a {@link Dag} writes register i. Constant registers are
 * filled once in {@link #newRegisters()}; the instructions cover the other nodes in order. Running
 * it computes every node once, however many outputs share it, which is what makes it the right
 * form for a value together with its gradient.
 */
final class Program {
    private static final MathFunction[] FUNCTIONS = MathFunction.values();

    private final int[] kind;
    private final int[] target;
    private final int[] a;
    private final int[] b;
    private final double[] constants;

    Program(Dag dag) {
        List<Dag.Op> ops = dag.ops();
        int count = 0;
        for (Dag.Op op : ops) {
            if (op.kind() != Dag.CONST) {
                count++;
            }
        }
        kind = new int[count];
        target = new int[count];
        a = new int[count];
        b = new int[count];
        constants = new double[ops.size()];
        int k = 0;
        for (int i = 0; i < ops.size(); i++) {
            Dag.Op op = ops.get(i);
            if (op.kind() == Dag.CONST) {
                constants[i] = op.constant();
                continue;
            }
            kind[k] = op.kind();
            target[k] = i;
            a[k] = op.a();
            b[k] = op.b();
            k++;
        }
    }

    /** @return the number of instructions (nodes that are not constants) */
    int size() {
        return kind.length;
    }

    /** @return a fresh register file with the constants in place */
    double[] newRegisters() {
        return constants.clone();
    }

    /** Runs the program; afterwards register i holds the value of node i. */
    void run(double[] head, double[] tail, double[] r) {
        int[] kind = this.kind;
        int[] target = this.target;
        int[] a = this.a;
        int[] b = this.b;
        int split = head.length;
        for (int i = 0; i < kind.length; i++) {
            int x = a[i];
            double v;
            switch (kind[i]) {
                case Dag.SLOT -> v = x < split ? head[x] : tail[x - split];
                case Dag.NEG -> v = -r[x];
                case Dag.ADD -> v = r[x] + r[b[i]];
                case Dag.SUB -> v = r[x] - r[b[i]];
                case Dag.MUL -> v = r[x] * r[b[i]];
                case Dag.DIV -> v = r[x] / r[b[i]];
                case Dag.POW -> v = Ops.pow(r[x], r[b[i]]);
                case Dag.POWI -> {
                    double u = r[x];
                    int n = b[i];
                    v = n == 2 ? u * u : n == 3 ? u * u * u : Ops.powInt(u, n);
                }
                case Dag.CALL -> v = FUNCTIONS[b[i]].apply(r[x]);
                default -> throw new IllegalStateException("unknown operation " + kind[i]);
            }
            r[target[i]] = v;
        }
    }
}
