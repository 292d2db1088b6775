package org.scalefit.fit;

import java.util.List;
import org.scalefit.data.DataSpec;
import org.scalefit.data.Observations;
import org.scalefit.model.ChinchillaLaw;

public final class ScratchVarPro {
    public static void main(String[] args) {
        Observations all = DataSpec.builder().predictor("N=Model Size").derived("D=Training FLOP/(6*Model Size)").response("loss")
                .build().load(java.nio.file.Path.of("../shared/reference-data/epoch-chinchilla/svg_extracted_data.csv")).observations();
        double[] y = all.yValues(); double[] s = y.clone(); java.util.Arrays.sort(s); double th = s[s.length-5];
        int[] keep = java.util.stream.IntStream.range(0, y.length).filter(i -> y[i] < th).toArray();
        Observations data = all.select(keep);
        ChinchillaLaw law = new ChinchillaLaw();
        Transform[] tr = new Transform[5];
        for (int j = 0; j < 5; j++) tr[j] = Transform.of(law.domain(j), null);
        Problem problem = new Problem(law, data, org.scalefit.model.Space.LOG, new int[]{0,1,2,3,4}, tr, new double[5]);
        Loss loss = Loss.huber(1e-3);
        VarProRun.Plan plan = VarProRun.plan(problem, Starts.hoffmannGrid().explicit());
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int rep = 0; rep < 2; rep++) {
        long t0 = cpu.getCurrentThreadCpuTime();
        double best = Double.POSITIVE_INFINITY; long rounds = 0, evals = 0;
        for (int q = 0; q < plan.starts().size(); q++) {
            double[] start = plan.starts().get(q);
            VarProObjective obj = new VarProObjective(problem, loss, plan.outer());
            obj.seed(start);
            double[] t = problem.toInternal(start);
            Lbfgs.Outcome o = new Lbfgs(obj, 1e-10).minimize(new double[]{t[3], t[4]}, 2000);
            rounds += obj.innerRounds(); evals += o.evaluations();
            if (rep == 1) System.out.printf("start a=%.1f b=%.1f -> %.12f alpha=%.5f beta=%.5f it=%d ev=%d rounds=%d %s%n", t[3], t[4], o.value(), o.theta()[0], o.theta()[1], o.iterations(), o.evaluations(), obj.innerRounds(), o.reason());
            best = Math.min(best, o.value());
        }
        System.out.printf("cpu %.3f s best %.12f evals %d rounds %d%n", (cpu.getCurrentThreadCpuTime()-t0)/1e9, best, evals, rounds);
        }
    }
}
