package org.scalefit.model.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * A quick microbenchmark (not a test) of the ways to evaluate a formula, on NIST's Thurber model
 * with its 37 x values at the certified parameters. Run after {@code mvn test-compile}:
 *
 * <pre>
 * java -cp target/classes:target/test-classes org.scalefit.model.expr.EvaluationBenchmark
 * </pre>
 *
 * It prints nanoseconds of thread CPU time per evaluation (best of 12 trials, which keeps other
 * processes on a shared machine out of the numbers) for: the tree of nodes behind {@link CompiledExpression},
 * the flat register program (with registers held by the caller, and from a thread-local), the
 * value with its gradient from the shared register program behind {@link CompiledGradient} versus
 * one tree per derivative, the map-based reference evaluator, and hand-written Java as a floor.
 */
public final class EvaluationBenchmark {
    private static final String THURBER = "(b1 + b2*x + b3*x**2 + b4*x**3) / (1 + b5*x + b6*x**2 + b7*x**3)";
    private static final double[] B = {1.2881396800E+03, 1.4910792535E+03, 5.8323836877E+02, 7.5416644291E+01,
        9.6629502864E-01, 3.9797285797E-01, 4.9727297349E-02};
    private static final double[] X = {-3.067, -2.981, -2.921, -2.912, -2.840, -2.797, -2.702, -2.699, -2.633, -2.481,
        -2.363, -2.322, -1.501, -1.460, -1.274, -1.212, -1.100, -1.046, -0.915, -0.714, -0.566, -0.545, -0.400, -0.309,
        -0.109, -0.103, 0.010, 0.119, 0.377, 0.790, 0.963, 1.006, 1.115, 1.572, 1.841, 2.047, 2.200};

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    private static double sink;

    private EvaluationBenchmark() {
    }

    public static void main(String[] args) {
        Expression e = Expression.parse(THURBER);
        List<String> params = List.of("b1", "b2", "b3", "b4", "b5", "b6", "b7");
        List<String> slots = new ArrayList<>(List.of("x"));
        slots.addAll(params);
        CompiledExpression tree = e.compile(slots);
        Dag dag = new Dag(slots);
        dag.add(e);
        Program program = new Program(dag);
        int root = program.register(dag.ops().size() - 1);
        double[] registers = program.newRegisters();
        ThreadLocal<double[]> local = ThreadLocal.withInitial(program::newRegisters);
        CompiledGradient gradient = tree.gradient(params);
        List<CompiledExpression> derivativeTrees = new ArrayList<>();
        for (Expression d : gradient.derivatives()) {
            derivativeTrees.add(d.compile(slots));
        }
        double[][] points = new double[X.length][];
        for (int i = 0; i < X.length; i++) {
            double[] s = new double[8];
            s[0] = X[i];
            System.arraycopy(B, 0, s, 1, 7);
            points[i] = s;
        }
        double[] grad = new double[7];
        double[][] xs = new double[X.length][];
        for (int i = 0; i < X.length; i++) {
            xs[i] = new double[] {X[i]};
        }
        java.util.Map<String, Double> map = new java.util.HashMap<>();
        for (int j = 0; j < 7; j++) {
            map.put(params.get(j), B[j]);
        }

        System.out.printf(Locale.ROOT, "Thurber: %d operations for the value, %d for value + 7 derivatives (shared)%n",
                program.size(), gradient.operationCount());
        for (int round = 0; round < 3; round++) {
            report("java (hand-written)", points, s -> {
                double x = s[0];
                double x2 = x * x;
                double x3 = x2 * x;
                return (s[1] + s[2] * x + s[3] * x2 + s[4] * x3) / (1 + s[5] * x + s[6] * x2 + s[7] * x3);
            });
            report("tree, one array", points, tree::evaluate);
            report("tree, x and p arrays", points, new ToDoubleFunction<double[]>() {
                private int i;

                @Override
                public double applyAsDouble(double[] s) {
                    i = i == X.length - 1 ? 0 : i + 1;
                    return tree.evaluate(xs[i], B);
                }
            });
            report("register program, caller registers", points, s -> {
                program.run(s, s, registers);
                return registers[root];
            });
            report("register program, thread-local registers", points, s -> {
                double[] r = local.get();
                program.run(s, s, r);
                return r[root];
            });
            report("gradient: shared register program", points, s -> gradient.evaluate(s, grad));
            report("gradient: value tree + 7 derivative trees", points, s -> {
                double v = tree.evaluate(s);
                for (int j = 0; j < 7; j++) {
                    grad[j] = derivativeTrees.get(j).evaluate(s);
                }
                return v + grad[0];
            });
            report("reference map evaluator", points, s -> {
                map.put("x", s[0]);
                return e.evaluate(map);
            });
        }
    }

    private static void report(String label, double[][] points, ToDoubleFunction<double[]> f) {
        long evaluations = 0;
        long best = Long.MAX_VALUE;
        int repeats = 20_000;
        for (int trial = 0; trial < 12; trial++) {
            long start = CPU.getCurrentThreadCpuTime();
            double acc = 0;
            for (int r = 0; r < repeats; r++) {
                for (double[] p : points) {
                    acc += f.applyAsDouble(p);
                }
            }
            long t = CPU.getCurrentThreadCpuTime() - start;
            sink += acc;
            evaluations = (long) repeats * points.length;
            best = Math.min(best, t);
        }
        System.out.printf(Locale.ROOT, "  %-45s %7.1f ns/eval%n", label, (double) best / evaluations);
    }
}
