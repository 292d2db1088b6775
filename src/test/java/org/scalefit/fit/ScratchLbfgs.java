package org.scalefit.fit;

import java.util.List;
import org.scalefit.data.DataSpec;
import org.scalefit.data.Observations;
import org.scalefit.model.ChinchillaLaw;
import org.scalefit.model.ParameterDomain;

public final class ScratchLbfgs {
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
        double tol = Double.parseDouble(args[0]);
        String mode = args.length > 1 ? args[1] : "lbfgs";
        List<double[]> starts = Starts.hoffmannGrid().explicit();
        long evals = 0, iters = 0; double best = Double.POSITIVE_INFINITY; int conv = 0;
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean(); long t0 = cpu.getCurrentThreadCpuTime(); int[] hist = new int[12];
        int count = 0; int hits = 0, near = 0;
        for (double[] st : starts) {
            double[] th0 = problem.toInternal(st);
            LeastSquaresRun.Result r;
            if (mode.equals("lbfgs")) {
                Lbfgs.Outcome o = new Lbfgs(ChinchillaKernel.forProblem(problem, loss), tol).minimize(th0, 15000);
                r = new LeastSquaresRun.Result(o.theta(), o.value(), o.iterations(), o.evaluations(), o.converged(), o.reason(), 0);
            } else {
                r = LeastSquaresRun.run(problem, th0, loss, 2000, 0);
            }
            evals += r.evaluations(); hist[Math.min(11, 32 - Integer.numberOfLeadingZeros(r.evaluations()))]++; iters += r.iterations();
            if (r.converged()) conv++;
            if (r.valid() && r.objective() < best) best = r.objective(); if (r.valid() && r.objective() <= 0.001018274018*(1+1e-9)) hits++; else if (r.valid() && r.objective() <= 0.001018274018*(1+1e-6)) near++;
            if (++count >= Integer.parseInt(args.length > 2 ? args[2] : "4500")) break;
        }
        System.out.printf("%s tol=%g starts=%d time=%.3f evals=%d iters=%d best=%.12f conv=%d%n", mode, tol, count, (cpu.getCurrentThreadCpuTime()-t0)/1e9, evals, iters, best, conv); System.out.println(java.util.Arrays.toString(hist) + " hits(1e-9)=" + hits + " near(1e-6)=" + near);
    }
}
